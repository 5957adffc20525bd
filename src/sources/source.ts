/**
 * The port every on-call source implements: list the shifts of some rotations over an
 * interval. Reads only. A rotation that cannot be read is reported as a failure, never as
 * "nobody on call". The shift and incident values themselves are the core's (src/core/shift.ts,
 * src/core/incident.ts).
 */
import type { RotationBinding } from '../config/model.js';
import type { IncidentRead } from '../core/incident.js';
import type { ShiftRead } from '../core/shift.js';

export { bindingKey, bindingLabel, type Shift, type ShiftRead } from '../core/shift.js';
export type { Incident, IncidentRead } from '../core/incident.js';

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
