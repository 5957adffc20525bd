import t from 'tap';
import type { Rotation, RotationBinding, RotationOverride } from '../src/config/model.js';
import { RotationsSource, rotationProblem, rotationShifts } from '../src/sources/rotations.js';
import { bindingKey, type Shift } from '../src/sources/source.js';
import { formatInZone, zonedWallTimeToInstant } from '../src/core/zoned.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const BERLIN = 'Europe/Berlin';

/** A weekly Berlin rotation handing off Mondays 09:00, starting with Alice on 5 January 2026. */
function rotation(overrides: Partial<Rotation> = {}): Rotation {
  return {
    name: 'primary',
    timeZone: BERLIN,
    shiftMs: WEEK,
    firstHandoff: '2026-01-05T09:00',
    members: ['alice@example.com', 'bob@example.com', 'carol@example.com'],
    overrides: [],
    pos: { file: 'rotations/primary.yaml', line: 1, col: 1 },
    ...overrides,
  };
}

/** Berlin wall time to instant. */
const at = (wall: string, tz = BERLIN): Date => zonedWallTimeToInstant(wall, tz);

/** Shifts as `name start -> end` in the zone, for readable comparisons. */
function show(shifts: readonly Shift[], tz = BERLIN): string[] {
  const local = (d: Date | undefined): string => (d === undefined ? 'open' : formatInZone(d, tz).slice(0, -(tz.length + 1)));
  return shifts.map((s) => `${s.email.split('@')[0]} ${local(s.start)} -> ${local(s.end)}`);
}

function override(member: string, start: string, end: string, covers?: string): RotationOverride {
  return { member: `${member}@example.com`, start: at(start), end: at(end), ...(covers === undefined ? {} : { covers: `${covers}@example.com` }) };
}

t.test('weekly 09:00 handoff in Berlin stays at 09:00 local across the October DST change', async (t) => {
  const shifts = rotationShifts(rotation(), at('2026-10-20T00:00'), at('2026-11-03T00:00'));
  t.same(show(shifts), [
    'carol Mon 2026-10-19 09:00 -> Mon 2026-10-26 09:00',
    'alice Mon 2026-10-26 09:00 -> Mon 2026-11-02 09:00',
    'bob Mon 2026-11-02 09:00 -> Mon 2026-11-09 09:00',
  ]);
  t.equal(shifts[0]!.end!.getTime() - shifts[0]!.start.getTime(), WEEK + HOUR, 'the shift over the change is an hour longer');
});

t.test('weekly 09:00 handoff in Berlin stays at 09:00 local across the March DST change', async (t) => {
  const [shift] = rotationShifts(rotation(), at('2026-03-25T12:00'), at('2026-03-25T13:00'));
  t.same(show([shift!]), ['carol Mon 2026-03-23 09:00 -> Mon 2026-03-30 09:00']);
  t.equal(shift!.end!.getTime() - shift!.start.getTime(), WEEK - HOUR, 'the shift over the change is an hour shorter');
});

t.test('a daily 02:30 handoff moves past the spring-forward gap on the day 02:30 does not exist', async (t) => {
  const shifts = rotationShifts(rotation({ shiftMs: DAY, firstHandoff: '2026-03-27T02:30' }), at('2026-03-28T12:00'), at('2026-03-30T12:00'));
  t.same(show(shifts), [
    'bob Sat 2026-03-28 02:30 -> Sun 2026-03-29 03:30',
    'carol Sun 2026-03-29 03:30 -> Mon 2026-03-30 02:30',
    'alice Mon 2026-03-30 02:30 -> Tue 2026-03-31 02:30',
  ]);
});

t.test('a daily handoff in New York takes the first 01:30 on the fall-back night', async (t) => {
  const tz = 'America/New_York';
  const r = rotation({ timeZone: tz, shiftMs: DAY, firstHandoff: '2026-10-31T01:30' });
  const shifts = rotationShifts(r, at('2026-10-31T12:00', tz), at('2026-11-01T12:00', tz));
  t.same(show(shifts, tz), ['alice Sat 2026-10-31 01:30 -> Sun 2026-11-01 01:30', 'bob Sun 2026-11-01 01:30 -> Mon 2026-11-02 01:30']);
  t.equal(shifts[1]!.start.toISOString(), '2026-11-01T05:30:00.000Z', '01:30 EDT');
});

t.test('a daily handoff in Samoa loses the shift of the day the zone skipped', async (t) => {
  const tz = 'Pacific/Apia';
  const r = rotation({ timeZone: tz, shiftMs: DAY, firstHandoff: '2011-12-27T12:00' });
  const shifts = rotationShifts(r, at('2011-12-29T13:00', tz), at('2012-01-01T13:00', tz));
  t.same(show(shifts, tz), [
    'carol Thu 2011-12-29 12:00 -> Sat 2011-12-31 12:00',
    'bob Sat 2011-12-31 12:00 -> Sun 2012-01-01 12:00',
    'carol Sun 2012-01-01 12:00 -> Mon 2012-01-02 12:00',
  ]);
});

t.test('an interval before the first handoff sees the cycle continued backwards', async (t) => {
  const shifts = rotationShifts(rotation(), at('2025-12-20T00:00'), at('2025-12-30T00:00'));
  t.same(show(shifts), [
    'alice Mon 2025-12-15 09:00 -> Mon 2025-12-22 09:00',
    'bob Mon 2025-12-22 09:00 -> Mon 2025-12-29 09:00',
    'carol Mon 2025-12-29 09:00 -> Mon 2026-01-05 09:00',
  ]);
});

t.test('an interval starting on a handoff day before the handoff time is in the previous shift', async (t) => {
  const shifts = rotationShifts(rotation(), at('2026-01-12T08:59'), at('2026-01-12T09:00'));
  t.same(show(shifts), ['alice Mon 2026-01-05 09:00 -> Mon 2026-01-12 09:00']);
});

t.test('an interval starting exactly at a handoff starts with the new shift', async (t) => {
  const shifts = rotationShifts(rotation(), at('2026-01-12T09:00'), at('2026-01-12T09:01'));
  t.same(show(shifts), ['bob Mon 2026-01-12 09:00 -> Mon 2026-01-19 09:00']);
});

t.test('12-hour shifts stay exactly 12 hours apart across the DST change', async (t) => {
  const r = rotation({ shiftMs: 12 * HOUR, firstHandoff: '2026-10-24T09:00', members: ['alice@example.com', 'bob@example.com'] });
  const shifts = rotationShifts(r, at('2026-10-24T12:00'), at('2026-10-26T00:00'));
  t.same(show(shifts), [
    'alice Sat 2026-10-24 09:00 -> Sat 2026-10-24 21:00',
    'bob Sat 2026-10-24 21:00 -> Sun 2026-10-25 08:00',
    'alice Sun 2026-10-25 08:00 -> Sun 2026-10-25 20:00',
    'bob Sun 2026-10-25 20:00 -> Mon 2026-10-26 08:00',
  ]);
  t.ok(shifts.every((s) => s.end!.getTime() - s.start.getTime() === 12 * HOUR));
});

t.test('8-hour shifts ten years before the first handoff are found by arithmetic', async (t) => {
  const members = ['m0', 'm1', 'm2', 'm3', 'm4'].map((m) => `${m}@example.com`);
  const r = rotation({ timeZone: 'UTC', shiftMs: 8 * HOUR, firstHandoff: '2036-01-01T00:00', members });
  const shifts = rotationShifts(r, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T08:00:00Z'));
  // 3652 days = 10956 shifts back; -10956 mod 5 = 4.
  t.same(show(shifts, 'UTC'), ['m4 Thu 2026-01-01 00:00 -> Thu 2026-01-01 08:00']);
});

t.test('weekly shifts thirty years after the first handoff keep the Monday 09:00 handoff', async (t) => {
  const shifts = rotationShifts(rotation(), at('2056-07-05T12:00'), at('2056-07-05T13:00'));
  // 2026-01-05 to 2056-07-03 is 11137 days = 1591 weeks; 1591 mod 3 = 1.
  t.same(show(shifts), ['bob Mon 2056-07-03 09:00 -> Mon 2056-07-10 09:00']);
});

t.test('a first handoff given as an instant keeps its Berlin wall time for weekly shifts', async (t) => {
  const shifts = rotationShifts(rotation({ firstHandoff: '2026-01-05T08:00:00Z' }), at('2026-07-07T00:00'), at('2026-07-07T01:00'));
  t.same(show(shifts), ['carol Mon 2026-07-06 09:00 -> Mon 2026-07-13 09:00']);
});

t.test('a first handoff given as an instant is exact for 12-hour shifts', async (t) => {
  const r = rotation({ shiftMs: 12 * HOUR, firstHandoff: '2026-01-05T09:00:00+01:00' });
  const shifts = rotationShifts(r, at('2026-01-05T09:00'), at('2026-01-05T21:00'));
  t.same(show(shifts), ['alice Mon 2026-01-05 09:00 -> Mon 2026-01-05 21:00']);
});

t.test('an interval spanning several shifts gets each with its true boundaries, not clipped', async (t) => {
  const shifts = rotationShifts(rotation(), at('2026-01-06T00:00'), at('2026-01-27T00:00'));
  t.same(show(shifts), [
    'alice Mon 2026-01-05 09:00 -> Mon 2026-01-12 09:00',
    'bob Mon 2026-01-12 09:00 -> Mon 2026-01-19 09:00',
    'carol Mon 2026-01-19 09:00 -> Mon 2026-01-26 09:00',
    'alice Mon 2026-01-26 09:00 -> Mon 2026-02-02 09:00',
  ]);
});

t.test('an empty or reversed interval has no shifts', async (t) => {
  t.same(rotationShifts(rotation(), at('2026-01-06T00:00'), at('2026-01-06T00:00')), []);
  t.same(rotationShifts(rotation(), at('2026-01-07T00:00'), at('2026-01-06T00:00')), []);
});

t.test('a one-member rotation is one shift over the whole interval', async (t) => {
  const shifts = rotationShifts(rotation({ members: ['alice@example.com'] }), at('2026-01-06T00:00'), at('2026-01-20T00:00'));
  t.same(show(shifts), ['alice Mon 2026-01-05 09:00 -> Mon 2026-01-26 09:00']);
});

t.test('an override covering part of a shift splits it around the override', async (t) => {
  const r = rotation({ overrides: [override('dave', '2026-01-07T18:00', '2026-01-08T09:00')] });
  t.same(show(rotationShifts(r, at('2026-01-06T00:00'), at('2026-01-10T00:00'))), [
    'alice Mon 2026-01-05 09:00 -> Wed 2026-01-07 18:00',
    'dave Wed 2026-01-07 18:00 -> Thu 2026-01-08 09:00',
    'alice Thu 2026-01-08 09:00 -> Mon 2026-01-12 09:00',
  ]);
});

t.test('an override without covers replaces whoever is on call across a handoff', async (t) => {
  const r = rotation({ overrides: [override('dave', '2026-01-11T09:00', '2026-01-13T09:00')] });
  t.same(show(rotationShifts(r, at('2026-01-10T00:00'), at('2026-01-14T00:00'))), [
    'alice Mon 2026-01-05 09:00 -> Sun 2026-01-11 09:00',
    'dave Sun 2026-01-11 09:00 -> Tue 2026-01-13 09:00',
    'bob Tue 2026-01-13 09:00 -> Mon 2026-01-19 09:00',
  ]);
});

t.test('an override with covers only replaces that member', async (t) => {
  const r = rotation({ overrides: [override('dave', '2026-01-11T09:00', '2026-01-13T09:00', 'bob')] });
  t.same(show(rotationShifts(r, at('2026-01-10T00:00'), at('2026-01-14T00:00'))), [
    'alice Mon 2026-01-05 09:00 -> Mon 2026-01-12 09:00',
    'dave Mon 2026-01-12 09:00 -> Tue 2026-01-13 09:00',
    'bob Tue 2026-01-13 09:00 -> Mon 2026-01-19 09:00',
  ]);
});

t.test('an override covering someone who is not on call changes nothing', async (t) => {
  const r = rotation({ overrides: [override('dave', '2026-01-06T09:00', '2026-01-07T09:00', 'carol')] });
  t.same(show(rotationShifts(r, at('2026-01-06T00:00'), at('2026-01-08T00:00'))), ['alice Mon 2026-01-05 09:00 -> Mon 2026-01-12 09:00']);
});

t.test('overlapping overrides: the one listed later wins', async (t) => {
  const r = rotation({
    overrides: [override('dave', '2026-01-06T09:00', '2026-01-08T09:00'), override('erin', '2026-01-07T09:00', '2026-01-09T09:00')],
  });
  t.same(show(rotationShifts(r, at('2026-01-06T00:00'), at('2026-01-10T00:00'))), [
    'alice Mon 2026-01-05 09:00 -> Tue 2026-01-06 09:00',
    'dave Tue 2026-01-06 09:00 -> Wed 2026-01-07 09:00',
    'erin Wed 2026-01-07 09:00 -> Fri 2026-01-09 09:00',
    'alice Fri 2026-01-09 09:00 -> Mon 2026-01-12 09:00',
  ]);
});

t.test('a later override covering the scheduled member wins over an earlier cover of them', async (t) => {
  const r = rotation({
    overrides: [override('dave', '2026-01-06T09:00', '2026-01-08T09:00', 'alice'), override('erin', '2026-01-07T09:00', '2026-01-09T09:00', 'alice')],
  });
  t.same(show(rotationShifts(r, at('2026-01-06T00:00'), at('2026-01-10T00:00'))), [
    'alice Mon 2026-01-05 09:00 -> Tue 2026-01-06 09:00',
    'dave Tue 2026-01-06 09:00 -> Wed 2026-01-07 09:00',
    'erin Wed 2026-01-07 09:00 -> Fri 2026-01-09 09:00',
    'alice Fri 2026-01-09 09:00 -> Mon 2026-01-12 09:00',
  ]);
});

t.test('an override can cover the person who is covering through an earlier override', async (t) => {
  const r = rotation({
    overrides: [override('dave', '2026-01-06T09:00', '2026-01-08T09:00', 'alice'), override('erin', '2026-01-07T09:00', '2026-01-07T21:00', 'dave')],
  });
  t.same(show(rotationShifts(r, at('2026-01-06T00:00'), at('2026-01-10T00:00'))), [
    'alice Mon 2026-01-05 09:00 -> Tue 2026-01-06 09:00',
    'dave Tue 2026-01-06 09:00 -> Wed 2026-01-07 09:00',
    'erin Wed 2026-01-07 09:00 -> Wed 2026-01-07 21:00',
    'dave Wed 2026-01-07 21:00 -> Thu 2026-01-08 09:00',
    'alice Thu 2026-01-08 09:00 -> Mon 2026-01-12 09:00',
  ]);
});

t.test('an override handing someone the day before their own shift merges into one shift', async (t) => {
  const r = rotation({ overrides: [override('bob', '2026-01-11T09:00', '2026-01-12T09:00')] });
  t.same(show(rotationShifts(r, at('2026-01-11T12:00'), at('2026-01-13T00:00'))), ['bob Sun 2026-01-11 09:00 -> Mon 2026-01-19 09:00']);
});

t.test('an override wholly outside the interval leaves no trace, even when it splits a shift in it', async (t) => {
  const r = rotation({ overrides: [override('dave', '2026-01-05T09:00', '2026-01-06T09:00'), override('erin', '2026-03-01T00:00', '2026-03-02T00:00')] });
  t.same(show(rotationShifts(r, at('2026-01-07T00:00'), at('2026-01-08T00:00'))), ['alice Tue 2026-01-06 09:00 -> Mon 2026-01-12 09:00']);
});

t.test('an override ending before it starts changes nothing', async (t) => {
  const r = rotation({ overrides: [override('dave', '2026-01-08T09:00', '2026-01-07T09:00')] });
  t.same(show(rotationShifts(r, at('2026-01-06T00:00'), at('2026-01-10T00:00'))), ['alice Mon 2026-01-05 09:00 -> Mon 2026-01-12 09:00']);
});

t.test('rotations that cannot be computed are reported, and rotationShifts throws for them', async (t) => {
  const cases: [Partial<Rotation>, string][] = [
    [{ timeZone: 'Mars/Olympus_Mons' }, 'rotation "primary": time zone "Mars/Olympus_Mons" is not an IANA time zone'],
    [{ shiftMs: 0 }, 'rotation "primary": shift length 0 ms is not a positive whole number of milliseconds'],
    [{ shiftMs: 1.5 }, 'rotation "primary": shift length 1.5 ms is not a positive whole number of milliseconds'],
    [{ members: [] }, 'rotation "primary": it has no members'],
    [{ firstHandoff: '2026-02-30T09:00' }, 'rotation "primary": first handoff "2026-02-30T09:00" is neither a wall time nor an instant'],
  ];
  for (const [bad, message] of cases) {
    t.equal(rotationProblem(rotation(bad)), message);
    t.throws(() => rotationShifts(rotation(bad), at('2026-01-06T00:00'), at('2026-01-07T00:00')), { name: 'RangeError', message });
  }
  t.equal(rotationProblem(rotation()), undefined);
});

t.test('the rotations source reads each rotation binding, keyed by binding key', async (t) => {
  const source = new RotationsSource(new Map([['primary', rotation()], ['broken', rotation({ name: 'broken', members: [] })]]));
  const pos = { file: 'profiles/p.yaml', line: 3, col: 5 };
  const bindings: RotationBinding[] = [
    { kind: 'rotation', source: 'git', rotation: 'primary', pos },
    { kind: 'rotation', source: 'git', rotation: 'secondary', pos },
    { kind: 'rotation', source: 'git', rotation: 'broken', pos },
    { kind: 'schedule', source: 'git', schedule: 'P1ABCDE', pos },
  ];
  const reads = await source.readShifts(bindings, at('2026-01-06T00:00'), at('2026-01-07T00:00'));
  t.same([...reads.keys()], bindings.map(bindingKey));
  const primary = reads.get('git/rotation/primary');
  t.same(primary?.ok ? show(primary.shifts) : primary, ['alice Mon 2026-01-05 09:00 -> Mon 2026-01-12 09:00']);
  t.same(reads.get('git/rotation/secondary'), { ok: false, error: 'rotation "secondary" is not declared' });
  t.same(reads.get('git/rotation/broken'), { ok: false, error: 'rotation "broken": it has no members' });
  t.same(reads.get('git/schedule/P1ABCDE'), { ok: false, error: 'git schedule P1ABCDE: a rotations source serves only rotation bindings' });
});

t.test('the rotations source answers an empty request with an empty map', async (t) => {
  const reads = await new RotationsSource(new Map()).readShifts([], new Date(0), new Date(1));
  t.equal(reads.size, 0);
});
