/**
 * The port every on-call source implements: list the shifts of some rotations over an
 * interval. Reads only. A rotation that cannot be read is reported as a failure, never as
 * "nobody on call".
 */
import type { RotationBinding } from '../config/model.js';
import type { ReadFailure } from '../diagnostics.js';

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

/**
 * An open incident (triggered or acknowledged) routed through a rotation, as an incident hold
 * reads it: who is assigned to it and who acknowledged it, by email (lower-cased).
 */
export interface Incident {
  /** The number people know it by (PagerDuty's `incident_number`). */
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged';
  assigned: string[];
  acknowledged: string[];
}

/** The open incidents routed through one rotation, or why they are unknown. */
export type IncidentRead = { ok: true; incidents: Incident[] } | ReadFailure;

/** A source of on-call data. */
export interface Source {
  /**
   * Shifts of each binding that overlap `[since, until)`, keyed by {@link bindingKey}. Every
   * binding asked for gets an entry.
   */
  readShifts(bindings: readonly RotationBinding[], since: Date, until: Date): Promise<Map<string, ShiftRead>>;
  /**
   * The open incidents routed through each binding, keyed by {@link bindingKey}, in a number of
   * requests that does not grow with the number of people. Absent on sources that cannot say
   * (incident hold then holds nobody of theirs). Every binding asked for gets an entry.
   */
  readIncidents?(bindings: readonly RotationBinding[]): Promise<Map<string, IncidentRead>>;
}

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
