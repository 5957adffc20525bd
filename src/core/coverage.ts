/**
 * coverage: the stretches of the coming days when a bound rotation leaves nobody with access,
 * because nobody is on call (a hole between layers or shifts, an override that leaves one) or
 * because everyone on call lacks a login on a target the rotation feeds. Pure.
 */
import type { Profile } from './policy.js';
import { error, warning, type Diagnostic, type SourcePos } from './diagnostics.js';
import { formatDuration } from './duration.js';
import { bindingKey, bindingLabel, type Shift, type ShiftRead } from './shift.js';
import { formatInZone } from './zoned.js';
import { plural } from './wording.js';

/** How far ahead coverage is checked: a week, one full cycle of the usual weekly rotation. */
export const COVERAGE_HORIZON_MS = 7 * 86_400_000;

/** What `spec.coverage.gaps` asks for: no check, warnings, or errors (for teams that need 24/7 coverage). */
export type GapPolicy = 'off' | 'warn' | 'error';

/** Why nobody gets access for a stretch: nobody is on call, or only people without a login are (sorted emails). */
export type GapCause = { kind: 'nobody' } | { kind: 'no-identity'; emails: string[] };

/** One stretch `[start, end)` of a rotation that leaves nobody with access. */
export interface CoverageGap {
  start: Date;
  end: Date;
  cause: GapCause;
}

/**
 * The stretches of `[from, to)` in which none of `shifts` puts someone on call who
 * `hasIdentity`, cut at the span's ends, in order. Neighbouring stretches of the same kind are
 * one gap (the people of a `no-identity` gap joined); a stretch where nobody is on call and one
 * where only people without a login are stay apart. A shift without an end runs on for ever.
 */
export function coverageGaps(shifts: readonly Shift[], from: Date, to: Date, hasIdentity: (email: string) => boolean): CoverageGap[] {
  const inside = (t: number): boolean => t > from.getTime() && t < to.getTime();
  const edges = shifts.flatMap((s) => [s.start.getTime(), ...(s.end ? [s.end.getTime()] : [])]).filter(inside);
  const cuts = [...new Set([from.getTime(), ...edges])].sort((a, b) => a - b);
  const gaps: CoverageGap[] = [];
  cuts.forEach((t, i) => {
    const end = new Date(cuts[i + 1] ?? to.getTime());
    const onCall = shifts.filter((s) => s.start.getTime() <= t && (s.end === undefined || t < s.end.getTime())).map((s) => s.email);
    if (onCall.some(hasIdentity)) return;
    const cause: GapCause = onCall.length === 0 ? { kind: 'nobody' } : { kind: 'no-identity', emails: onCall };
    const last = gaps.at(-1);
    if (last && last.end.getTime() === t && last.cause.kind === cause.kind) {
      last.end = end;
      if (last.cause.kind === 'no-identity' && cause.kind === 'no-identity') last.cause.emails.push(...cause.emails);
    } else {
      gaps.push({ start: new Date(t), end, cause });
    }
  });
  for (const g of gaps) if (g.cause.kind === 'no-identity') g.cause.emails = [...new Set(g.cause.emails)].sort();
  return gaps;
}

/** What {@link coverageDiagnostics} needs, all plain values. */
export interface CoverageInput {
  profiles: readonly Profile[];
  /** Shifts read per binding, by `bindingKey`, over at least `[from, to)`. */
  shifts: ReadonlyMap<string, ShiftRead>;
  /** GitHub login for an email on a target, or undefined when the person cannot be resolved. */
  resolve: (email: string, target: string) => string | undefined;
  from: Date;
  to: Date;
  policy: GapPolicy;
}

/**
 * A `coverage` diagnostic (a warning, or an error with `policy: error`) for each gap (see
 * {@link coverageGaps}) of each rotation some profile binds, naming the rotation, the stretch in
 * the rotation's time zone (UTC when its source gives none) and the cause, anchored where the
 * first profile binds it. A person has an identity when they resolve on every target the
 * rotation's profiles grant on. Skipped: rotations that were not read (the read itself is
 * reported elsewhere), and those bound only by profiles with `allowEmptyRotations` (they may be
 * empty). Nothing with `policy: off`.
 */
export function coverageDiagnostics(input: CoverageInput): Diagnostic[] {
  if (input.policy === 'off') return [];
  const bound = new Map<string, { label: string; pos: SourcePos; targets: Set<string>; mayBeEmpty: boolean }>();
  for (const p of input.profiles) {
    for (const b of p.rotations) {
      const seen = bound.get(bindingKey(b)) ?? { label: bindingLabel(b), pos: b.pos, targets: new Set<string>(), mayBeEmpty: true };
      for (const e of p.entitlements) seen.targets.add(e.target);
      seen.mayBeEmpty &&= p.allowEmptyRotations;
      bound.set(bindingKey(b), seen);
    }
  }
  const make = input.policy === 'error' ? error : warning;
  const out: Diagnostic[] = [];
  for (const [key, rotation] of bound) {
    const read = input.shifts.get(key);
    if (!read?.ok || rotation.mayBeEmpty) continue;
    const targets = [...rotation.targets];
    const hasIdentity = (email: string): boolean => targets.every((t) => input.resolve(email, t) !== undefined);
    for (const gap of coverageGaps(read.shifts, input.from, input.to, hasIdentity)) {
      out.push({ ...make(`${rotation.label} leaves nobody with access ${stretch(gap, input.to, read.timeZone ?? 'UTC')}: ${causeText(gap.cause)}`, rotation.pos), code: 'coverage' });
    }
  }
  return out;
}

/** `from Mon 2026-12-07 09:00 to Mon 2026-12-07 21:00 Europe/Berlin (12h)`; `to at least` when the gap runs past the span. */
function stretch(gap: CoverageGap, to: Date, timeZone: string): string {
  const start = formatInZone(gap.start, timeZone).slice(0, -(timeZone.length + 1));
  const open = gap.end.getTime() === to.getTime() ? 'at least ' : '';
  return `from ${start} to ${open}${formatInZone(gap.end, timeZone)} (${formatDuration(gap.end.getTime() - gap.start.getTime())})`;
}

function causeText(cause: GapCause): string {
  if (cause.kind === 'nobody') return 'nobody is on call (a gap between layers or shifts, or an override that leaves a hole)';
  const n = cause.emails.length;
  return `only ${cause.emails.join(', ')} ${n === 1 ? 'is' : 'are'} on call, and ${n === 1 ? 'has' : 'have'} no GitHub login (add ${n === 1 ? 'them' : plural(n, 'person', 'people')} to the identities file)`;
}
