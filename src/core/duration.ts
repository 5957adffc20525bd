/**
 * Durations as users write them: `90s`, `15m`, `4h`, `1d`, `2w`, and combinations such as
 * `1h30m`, largest unit first, each unit at most once.
 */

const UNIT_MS: Record<string, number> = { w: 604_800_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 };
const ORDER = 'wdhms';
const PART = /(\d{1,9})([wdhms])/gy;

/** The longest duration accepted anywhere (10 years): larger values are typos, not policy. */
export const MAX_DURATION_MS = 10 * 365 * 86_400_000;

/**
 * Milliseconds in `text`, or undefined when it is not a duration: empty, unknown unit, units
 * out of order or repeated, a sign, a fraction, or more than {@link MAX_DURATION_MS}.
 */
export function parseDuration(text: string): number | undefined {
  if (text.length === 0 || text.length > 40) return undefined;
  PART.lastIndex = 0;
  let total = 0;
  let lastUnit = -1;
  let consumed = 0;
  for (let m = PART.exec(text); m !== null; m = PART.exec(text)) {
    const unit = ORDER.indexOf(m[2]!);
    if (unit <= lastUnit) return undefined;
    lastUnit = unit;
    total += Number(m[1]) * UNIT_MS[m[2]!]!;
    consumed = PART.lastIndex;
  }
  if (consumed !== text.length || total > MAX_DURATION_MS) return undefined;
  return total;
}

/** Renders milliseconds in the same notation, largest units first: 5_400_000 -> `1h30m`. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let out = '';
  for (const unit of ORDER) {
    const size = UNIT_MS[unit]!;
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out;
}
