/**
 * Shifts and the maths of being on call: who is on call in one rotation from when to when, how
 * a binding is keyed and named, and whether a shift widened by a profile's window covers an
 * instant. Pure; the sources (src/sources/) produce these values.
 */
import type { Profile, RotationBinding } from './policy.js';
import type { ReadFailure } from './diagnostics.js';

/** One person on call in one rotation over `[start, end)`. */
export interface Shift {
  /** The person's email as the source knows it. */
  email: string;
  start: Date;
  /** Absent when the on-call is open-ended (permanent). */
  end?: Date;
}

/**
 * The outcome of reading one rotation: its shifts, or why they are unknown. A read can succeed
 * with `warnings`: sentences (without the rotation's label) about parts of the answer the source
 * did not understand and left out; the engine reports each as a warning naming the rotation.
 * `timeZone` is the IANA time zone the rotation is kept in, when the source says (built-in
 * rotations do); people are shown its instants in it, else in UTC.
 */
export type ShiftRead = { ok: true; shifts: Shift[]; warnings?: string[]; timeZone?: string } | ReadFailure;

/** A stable key for a binding, shared by all profiles that bind the same rotation. */
export function bindingKey(b: RotationBinding): string {
  switch (b.kind) {
    case 'schedule':
      return `${b.source}/schedule/${b.schedule}`;
    case 'escalationPolicy':
      return `${b.source}/escalation-policy/${b.escalationPolicy}${b.levels ? `/levels=${[...b.levels].sort((x, y) => x - y).join(',')}` : ''}`;
    case 'rotation':
      return `${b.source}/rotation/${b.rotation}`;
  }
}

/** How a binding is named to people: `pagerduty schedule P1ABCDE`. */
export function bindingLabel(b: RotationBinding): string {
  switch (b.kind) {
    case 'schedule':
      return `${b.source} schedule ${b.schedule}`;
    case 'escalationPolicy':
      return `${b.source} escalation policy ${b.escalationPolicy}${b.levels ? ` level ${b.levels.join(',')}` : ''}`;
    case 'rotation':
      return `rotation ${b.rotation}`;
  }
}

/** An instant to the minute, as reasons show it: `2026-11-30 08:00Z`. */
export function instant(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')}Z`;
}

/** True when `shift`, widened by the profile's window, covers `at`: `[start - before, end + after)`. */
export function covers(shift: Shift, window: Profile['window'], at: Date): boolean {
  const from = shift.start.getTime() - window.beforeMs;
  const to = shift.end === undefined ? Infinity : shift.end.getTime() + window.afterMs;
  return from <= at.getTime() && at.getTime() < to;
}
