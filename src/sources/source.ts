/**
 * The port every on-call source implements: list the shifts of some rotations over an
 * interval. Reads only. A rotation that cannot be read is reported as a failure, never as
 * "nobody on call". The shift values themselves are the core's (src/core/shift.ts).
 */
import type { RotationBinding } from '../config/model.js';
import type { ShiftRead } from '../core/shift.js';

export { bindingKey, bindingLabel, type Shift, type ShiftRead } from '../core/shift.js';

/** A source of on-call data. */
export interface Source {
  /**
   * Shifts of each binding that overlap `[since, until)`, keyed by {@link bindingKey}. Every
   * binding asked for gets an entry.
   */
  readShifts(bindings: readonly RotationBinding[], since: Date, until: Date): Promise<Map<string, ShiftRead>>;
}
