import t from 'tap';
import {
  addCalendarDays,
  calendarDaysBetween,
  formatInZone,
  isTimeZone,
  parseInstant,
  parseWallTime,
  wallTimeAt,
  wallTimeToInstant,
  zonedWallTimeToInstant,
} from '../src/core/zoned.js';

const iso = (wall: string, tz: string): string => zonedWallTimeToInstant(wall, tz).toISOString();

t.test('IANA names and links are time zones; offsets, blanks and unknown names are not', async (t) => {
  for (const tz of ['Europe/Berlin', 'UTC', 'America/New_York', 'US/Eastern', 'Australia/Lord_Howe']) t.equal(isTimeZone(tz), true, tz);
  for (const tz of ['Mars/Olympus_Mons', '', '+01:00', '-05:00', 'Europe/Berlin ']) t.equal(isTimeZone(tz), false, JSON.stringify(tz));
});

t.test('UTC wall times are the instants they spell', async (t) => {
  t.equal(iso('2026-11-02T09:00', 'UTC'), '2026-11-02T09:00:00.000Z');
  t.equal(iso('2026-11-02T09:00:30', 'UTC'), '2026-11-02T09:00:30.000Z');
});

t.test('Berlin wall times take CET in winter and CEST in summer', async (t) => {
  t.equal(iso('2026-01-05T09:00', 'Europe/Berlin'), '2026-01-05T08:00:00.000Z');
  t.equal(iso('2026-07-06T09:00', 'Europe/Berlin'), '2026-07-06T07:00:00.000Z');
});

t.test('a wall time in the Berlin spring-forward gap maps to the clock time after the gap', async (t) => {
  t.equal(iso('2026-03-29T01:59', 'Europe/Berlin'), '2026-03-29T00:59:00.000Z', 'just before the gap: CET');
  t.equal(iso('2026-03-29T02:00', 'Europe/Berlin'), '2026-03-29T01:00:00.000Z', 'start of the gap is 03:00 CEST');
  t.equal(iso('2026-03-29T02:30', 'Europe/Berlin'), '2026-03-29T01:30:00.000Z', '02:30 is 03:30 CEST');
  t.equal(iso('2026-03-29T03:00', 'Europe/Berlin'), '2026-03-29T01:00:00.000Z', 'first wall time after the gap');
});

t.test('a wall time in the Berlin fall-back overlap maps to its first occurrence', async (t) => {
  t.equal(iso('2026-10-25T01:59:59', 'Europe/Berlin'), '2026-10-24T23:59:59.000Z');
  t.equal(iso('2026-10-25T02:00', 'Europe/Berlin'), '2026-10-25T00:00:00.000Z', '02:00 CEST, not CET');
  t.equal(iso('2026-10-25T02:30', 'Europe/Berlin'), '2026-10-25T00:30:00.000Z', '02:30 CEST, not CET');
  t.equal(iso('2026-10-25T03:00', 'Europe/Berlin'), '2026-10-25T02:00:00.000Z', 'after the overlap: CET');
});

t.test('New York resolves its 02:00 gap forward and its 01:00 overlap to EDT', async (t) => {
  t.equal(iso('2026-03-08T02:30', 'America/New_York'), '2026-03-08T07:30:00.000Z', '02:30 is 03:30 EDT');
  t.equal(iso('2026-11-01T01:30', 'America/New_York'), '2026-11-01T05:30:00.000Z', '01:30 EDT, the first one');
  t.equal(iso('2026-11-01T02:30', 'America/New_York'), '2026-11-01T07:30:00.000Z', 'EST after the overlap');
});

t.test('Lord Howe Island half-hour DST: gap and overlap are 30 minutes', async (t) => {
  t.equal(iso('2026-10-04T02:15', 'Australia/Lord_Howe'), '2026-10-03T15:45:00.000Z', '02:15 in the gap is 02:45 +11');
  t.equal(iso('2026-04-05T01:45', 'Australia/Lord_Howe'), '2026-04-04T14:45:00.000Z', 'first 01:45, at +11');
  t.equal(iso('2026-04-05T02:00', 'Australia/Lord_Howe'), '2026-04-04T15:30:00.000Z', 'after the overlap, at +10:30');
});

t.test('Samoa skipped 30 December 2011: a wall time that day moves a whole day forward', async (t) => {
  t.equal(iso('2011-12-29T12:00', 'Pacific/Apia'), '2011-12-29T22:00:00.000Z');
  t.equal(iso('2011-12-30T12:00', 'Pacific/Apia'), '2011-12-30T22:00:00.000Z');
  t.equal(iso('2011-12-31T12:00', 'Pacific/Apia'), '2011-12-30T22:00:00.000Z');
});

t.test('malformed and impossible wall times are rejected with a RangeError', async (t) => {
  for (const wall of ['2026-02-30T09:00', '2026-13-01T09:00', '2026-01-01T24:00', '2026-01-01T09:60', '2026-01-01T09:00:60', '0000-01-01T00:00', '2026-01-01 09:00', '2026-01-01T09:00Z', '2026-1-1T09:00', '']) {
    t.throws(() => zonedWallTimeToInstant(wall, 'UTC'), RangeError, JSON.stringify(wall));
  }
  t.equal(iso('2028-02-29T12:00', 'UTC'), '2028-02-29T12:00:00.000Z', 'a leap day is fine');
});

t.test('an unknown time zone is rejected with a RangeError', async (t) => {
  t.throws(() => zonedWallTimeToInstant('2026-01-01T09:00', 'Mars/Olympus_Mons'), RangeError);
  t.throws(() => zonedWallTimeToInstant('2026-01-01T09:00', '+01:00'), { name: 'RangeError', message: '"+01:00" is not an IANA time zone' });
  t.throws(() => wallTimeAt(new Date(0), 'Nowhere'), RangeError);
});

t.test('parseWallTime reads seconds when given and zero otherwise', async (t) => {
  t.same(parseWallTime('2026-11-02T09:05'), { year: 2026, month: 11, day: 2, hour: 9, minute: 5, second: 0 });
  t.same(parseWallTime('0099-12-31T23:59:59'), { year: 99, month: 12, day: 31, hour: 23, minute: 59, second: 59 }, 'two-digit years stay');
  t.equal(parseWallTime('2026-11-02'), undefined);
});

t.test('parseInstant takes an offset or Z as absolute, whatever the zone', async (t) => {
  t.equal(parseInstant('2026-11-02T09:00:00+01:00', 'America/New_York')?.toISOString(), '2026-11-02T08:00:00.000Z');
  t.equal(parseInstant('2026-11-02T09:00-05:00', 'Europe/Berlin')?.toISOString(), '2026-11-02T14:00:00.000Z');
  t.equal(parseInstant('2026-11-02T09:00+05:45', 'UTC')?.toISOString(), '2026-11-02T03:15:00.000Z');
  t.equal(parseInstant('2026-11-02T09:00Z', 'Europe/Berlin')?.toISOString(), '2026-11-02T09:00:00.000Z');
});

t.test('parseInstant keeps milliseconds of an absolute instant, so toISOString round-trips', async (t) => {
  t.equal(parseInstant('2026-11-02T08:00:00.000Z', 'UTC')?.toISOString(), '2026-11-02T08:00:00.000Z');
  t.equal(parseInstant('2026-11-02T09:00:00.5+01:00', 'UTC')?.toISOString(), '2026-11-02T08:00:00.500Z');
  t.equal(parseInstant('2026-11-02T09:00:00.123-01:00', 'UTC')?.toISOString(), '2026-11-02T10:00:00.123Z');
});

t.test('parseInstant reads a wall time without offset in the zone given', async (t) => {
  t.equal(parseInstant('2026-11-02T09:00', 'Europe/Berlin')?.toISOString(), '2026-11-02T08:00:00.000Z');
  t.equal(parseInstant('2026-03-29T02:30:00', 'Europe/Berlin')?.toISOString(), '2026-03-29T01:30:00.000Z');
});

t.test('parseInstant gives undefined for text that is no instant', async (t) => {
  for (const text of ['2026-02-30T09:00', '2026-02-30T09:00Z', '2026-11-02T09:00+24:00', '2026-11-02T09:00+01:60', '2026-11-02T09:00:00.000', '2026-11-02T09:00.5Z', '2026-11-02T09:00:00.1234Z', '2026-11-02T09:00:00.Z', '2026-11-02', 'tomorrow', '']) {
    t.equal(parseInstant(text, 'UTC'), undefined, JSON.stringify(text));
  }
});

t.test('parseInstant rejects an unknown zone even for an absolute instant', async (t) => {
  t.throws(() => parseInstant('2026-11-02T09:00Z', 'Mars/Olympus_Mons'), RangeError);
});

t.test('formatInZone shows weekday, date and 24-hour minute time with the zone', async (t) => {
  t.equal(formatInZone(new Date('2026-11-02T08:00:00Z'), 'Europe/Berlin'), 'Mon 2026-11-02 09:00 Europe/Berlin');
  t.equal(formatInZone(new Date('2026-07-05T21:59:59Z'), 'Europe/Berlin'), 'Sun 2026-07-05 23:59 Europe/Berlin', 'seconds are truncated');
  t.equal(formatInZone(new Date('2026-11-01T04:00:00Z'), 'America/New_York'), 'Sun 2026-11-01 00:00 America/New_York', 'midnight is 00, not 24');
  t.equal(formatInZone(zonedWallTimeToInstant('0099-06-01T12:00', 'UTC'), 'UTC'), 'Mon 0099-06-01 12:00 UTC', 'years are four digits');
});

t.test('formatInZone rejects an unknown zone and an invalid date', async (t) => {
  t.throws(() => formatInZone(new Date(0), 'Mars/Olympus_Mons'), RangeError);
  t.throws(() => formatInZone(new Date(Number.NaN), 'UTC'), RangeError);
});

t.test('wallTimeAt is the inverse of wallTimeToInstant outside gaps', async (t) => {
  const wall = { year: 2026, month: 10, day: 25, hour: 2, minute: 30, second: 15 };
  t.same(wallTimeAt(wallTimeToInstant(wall, 'Europe/Berlin'), 'Europe/Berlin'), wall);
  t.same(wallTimeAt(new Date('2026-10-25T01:30:15Z'), 'Europe/Berlin'), wall, 'the second 02:30 shows the same wall time');
});

t.test('calendar days cross month, year and leap-day boundaries, both ways', async (t) => {
  const w = { year: 2027, month: 12, day: 31, hour: 9, minute: 0, second: 0 };
  t.same(addCalendarDays(w, 1), { ...w, year: 2028, month: 1, day: 1 });
  t.same(addCalendarDays(w, 60), { ...w, year: 2028, month: 2, day: 29 });
  t.same(addCalendarDays(w, -365), { ...w, year: 2026, month: 12, day: 31 });
  t.equal(calendarDaysBetween(w, { ...w, year: 2028, month: 1, day: 1, hour: 0 }), 1, 'time of day is ignored');
  t.equal(calendarDaysBetween(w, { ...w, day: 30, hour: 23 }), -1);
});
