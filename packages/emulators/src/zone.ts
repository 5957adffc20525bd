/**
 * The time-zone arithmetic the PagerDuty emulator needs, on `Intl` alone: whether a zone
 * exists, a zone's offset from UTC at an instant, and PagerDuty's `since`/`until` values. To the
 * second. (The product has its own, fuller, module; the emulator must not lean on the code it
 * is there to test.)
 */

/** One formatter per zone: creating an `Intl.DateTimeFormat` costs far more than using one. */
const clocks = new Map<string, Intl.DateTimeFormat>();

/** What a clock in `zone` shows, field by field; throws a RangeError for an unknown zone. */
function clock(zone: string): Intl.DateTimeFormat {
  let format = clocks.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    clocks.set(zone, format);
  }
  return format;
}

/** True when `zone` is an IANA time zone this runtime knows; offsets (`+01:00`) are not zones. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    clock(zone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes east of UTC that clocks in `zone` are at instant `ms`. */
export function offsetMinutes(ms: number, zone: string): number {
  const f: Record<string, number> = {};
  for (const { type, value } of clock(zone).formatToParts(ms)) f[type] = Number(value);
  const shown = Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!);
  return Math.round((shown - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** `2026-03-02T10:30`, seconds and (with seconds) milliseconds optional, then `Z`, `±HH:MM` or nothing. */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The instant (epoch milliseconds) `text` names: a date-time with `Z` or an offset as is, one
 * without as a wall time in `zone` (in a DST gap or overlap, whichever instant the zone's offset
 * an hour either side gives). Undefined when `text` is no date-time or names no real one
 * (`2026-02-30`, `24:00`, offset `+25:00`).
 */
export function parseDateTime(text: string, zone: string): number | undefined {
  const m = DATE_TIME.exec(text);
  if (m === null) return undefined;
  const [, year, month, day, hour, minute, second = '00', millis = '', offset] = m as unknown as string[];
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(millis.padEnd(3, '0')));
  // Date.UTC rolls 30 February over into March: a real date-time reads back the same.
  if (new Date(wall).toISOString().slice(0, 19) !== `${year}-${month}-${day}T${hour}:${minute}:${second}`) return undefined;
  if (offset === 'Z') return wall;
  if (offset === undefined) return wall - offsetMinutes(wall - offsetMinutes(wall, zone) * 60_000, zone) * 60_000;
  const [hours, minutes] = offset.slice(1).split(':').map(Number) as [number, number];
  if (hours > 23 || minutes > 59) return undefined;
  return wall - (offset.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}
