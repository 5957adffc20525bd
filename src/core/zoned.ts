/**
 * IANA time-zone arithmetic on top of `Intl` alone: wall times (what a clock on the wall in a
 * zone shows) to instants and back, across DST changes. Precision is one second.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, no offset. */
const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A wall time, a fraction of a second if it has seconds, then nothing (zoned), `Z` or `±HH:MM`. */
const INSTANT =
  /^(?<wall>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:(?<=:\d{2}:\d{2})\.(?<fraction>\d{1,3}))?(?:(?<utc>Z)|(?<sign>[+-])(?<hh>\d{2}):(?<mm>\d{2}))?$/;

/** Zone names start with a letter; this keeps out offsets (`+01:00`) that newer `Intl`s accept. */
const ZONE_NAME = /^[A-Za-z]/;

/** A calendar date and time of day as shown by a clock, in no particular zone. */
export interface WallTime {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  /** 1–31. */
  readonly day: number;
  /** 0–23. */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The cached `en-US` 24-hour formatter for `timeZone`, or undefined when it is no zone name. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  const cached = formatters.get(timeZone);
  if (cached !== undefined || !ZONE_NAME.test(timeZone)) return cached;
  try {
    const created = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, created);
    return created;
  } catch {
    return undefined;
  }
}

/** The formatter for `timeZone`; throws a RangeError when it is not a time zone. */
function requireFormatter(timeZone: string): Intl.DateTimeFormat {
  const formatter = formatterFor(timeZone);
  if (formatter === undefined) throw new RangeError(`"${timeZone}" is not an IANA time zone`);
  return formatter;
}

/**
 * True when `tz` names a time zone this runtime knows (`Europe/Berlin`, `UTC`, also links such
 * as `US/Eastern` and, as `Intl` does, any letter case). Offsets such as `+01:00` are not
 * zone names and are rejected.
 */
export function isTimeZone(tz: string): boolean {
  return formatterFor(tz) !== undefined;
}

/** Milliseconds since the epoch of `w` read as if it were UTC (years 0–99 included). */
function wallAsUtcMs(w: WallTime): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/** The UTC fields of `ms`, as a wall time (seconds truncated). */
function utcWallTime(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** True when both wall times show the same date and time. */
function sameWallTime(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute && a.second === b.second
  );
}

/**
 * The wall time `text` spells as `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS`, or undefined when
 * it has another shape or names no real date and time (`2026-02-30`, `24:00`, year `0000`).
 * Every wall time returned is valid: its fields are in range for its month and year.
 */
export function parseWallTime(text: string): WallTime | undefined {
  const m = WALL.exec(text);
  if (m === null) return undefined;
  const wall: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? '0'),
  };
  return wall.year >= 1 && sameWallTime(wall, utcWallTime(wallAsUtcMs(wall))) ? wall : undefined;
}

/** `w` moved by `days` calendar days (negative: back), time of day unchanged. */
export function addCalendarDays(w: WallTime, days: number): WallTime {
  return utcWallTime(wallAsUtcMs(w) + days * DAY_MS);
}

/** Calendar days from the date of `from` to the date of `to`, ignoring time of day. */
export function calendarDaysBetween(from: WallTime, to: WallTime): number {
  return Math.floor(wallAsUtcMs(to) / DAY_MS) - Math.floor(wallAsUtcMs(from) / DAY_MS);
}

/** The weekday (`Mon`) and wall time a clock in `timeZone` shows at `ms`. */
function zonedFields(ms: number, timeZone: string): { weekday: string; wall: WallTime } {
  const parts: Record<string, string> = {};
  for (const p of requireFormatter(timeZone).formatToParts(ms)) parts[p.type] = p.value;
  return {
    weekday: parts.weekday,
    wall: {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour),
      minute: Number(parts.minute),
      second: Number(parts.second),
    },
  };
}

/**
 * The wall time a clock in `timeZone` shows at instant `d`, to the second. Throws a RangeError
 * when `timeZone` is not a time zone or `d` is an invalid date.
 */
export function wallTimeAt(d: Date, timeZone: string): WallTime {
  return zonedFields(d.getTime(), timeZone).wall;
}

/** The UTC offset of `timeZone` at `ms`, in milliseconds (east of Greenwich positive). */
function offsetAt(ms: number, timeZone: string): number {
  return wallAsUtcMs(zonedFields(ms, timeZone).wall) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which a clock in `timeZone` shows `w`. Wall times that occur once map to that
 * instant. Two cases are resolved by convention:
 *
 * - a wall time skipped by a spring-forward gap maps to the instant the clock shows after the
 *   gap, i.e. the wall time moved forward by the length of the gap (02:30 on the day Berlin
 *   springs from 02:00 to 03:00 is 03:30 CEST);
 * - a wall time repeated by a fall-back overlap maps to the earlier instant, its first occurrence
 *   (02:30 on the day Berlin falls back is 02:30 CEST, not CET).
 *
 * Assumes the zone changes its offset at most once within a day either side of `w`. Throws a
 * RangeError when `timeZone` is not a time zone.
 */
export function wallTimeToInstant(w: WallTime, timeZone: string): Date {
  const wallMs = wallAsUtcMs(w);
  const before = offsetAt(wallMs - DAY_MS, timeZone);
  const after = offsetAt(wallMs + DAY_MS, timeZone);
  const first = wallMs - before;
  const second = wallMs - after;
  const useSecond = offsetAt(first, timeZone) !== before && offsetAt(second, timeZone) === after;
  return new Date(useSecond ? second : first);
}

/**
 * The instant at which a clock in `timeZone` shows `wall` (`YYYY-MM-DDTHH:MM[:SS]`, no offset),
 * with the gap and overlap conventions of {@link wallTimeToInstant}: in a spring-forward gap,
 * the instant after the gap; in a fall-back overlap, the first occurrence. Throws a RangeError
 * when `wall` is not a valid wall time or `timeZone` is not a time zone.
 */
export function zonedWallTimeToInstant(wall: string, timeZone: string): Date {
  const parsed = parseWallTime(wall);
  if (parsed === undefined) throw new RangeError(`"${wall}" is not a wall time (YYYY-MM-DDTHH:MM[:SS])`);
  return wallTimeToInstant(parsed, timeZone);
}

/**
 * The instant `text` denotes: an ISO instant with `Z` or an offset
 * (`2026-11-02T09:00:00+01:00`, `2026-11-02T08:00:00.000Z`) as is, or a wall time
 * (`2026-11-02T09:00`) in `timeZone` as {@link zonedWallTimeToInstant} reads it. Seconds are
 * optional; up to three digits of fraction are accepted after seconds, and only with `Z` or an
 * offset. Undefined when `text` is neither, or names no real date, time or offset. Throws a
 * RangeError when `timeZone` is not a time zone, whatever `text` is.
 */
export function parseInstant(text: string, timeZone: string): Date | undefined {
  requireFormatter(timeZone);
  const g = INSTANT.exec(text)?.groups ?? {};
  const wall = parseWallTime(g.wall ?? '');
  if (wall === undefined) return undefined;
  if (g.utc === undefined && g.sign === undefined) return g.fraction === undefined ? wallTimeToInstant(wall, timeZone) : undefined;
  const hours = Number(g.hh ?? '0');
  const minutes = Number(g.mm ?? '0');
  if (hours > 23 || minutes > 59) return undefined;
  const offsetMs = (g.sign === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  return new Date(wallAsUtcMs(wall) + Number((g.fraction ?? '').padEnd(3, '0')) - offsetMs);
}

/**
 * `d` as a person in `timeZone` reads it, to the minute (seconds truncated), with the zone:
 * `Mon 2026-11-02 09:00 Europe/Berlin`. Throws a RangeError when `timeZone` is not a time zone
 * or `d` is an invalid date.
 */
export function formatInZone(d: Date, timeZone: string): string {
  const { weekday, wall } = zonedFields(d.getTime(), timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${weekday} ${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)} ${two(wall.hour)}:${two(wall.minute)} ${timeZone}`;
}
