/** Random worlds (test/helpers/world.ts) as the input of a timeline over a day. */
import type { DesireInput } from '../../src/core/desire.js';
import { rotationShifts } from '../../src/sources/rotations.js';
import { bindingKey, type ShiftRead } from '../../src/sources/source.js';
import { DAY, HOUR, resolver, TARGETS, type World } from './world.js';

/** What every binding of a random world reads around `[from, to)`. */
function spanShifts(w: World, from: Date, to: Date): Map<string, ShiftRead> {
  const out = new Map<string, ShiftRead>();
  for (const b of w.profiles.flatMap((p) => p.rotations)) {
    const data = w.bindings.get(bindingKey(b))!;
    const read: ShiftRead = data.kind === 'fail' ? { ok: false, error: data.error } : { ok: true, shifts: data.kind === 'shifts' ? data.shifts : rotationShifts(data.rotation, new Date(from.getTime() - 2 * DAY), new Date(to.getTime() + 2 * DAY)) };
    out.set(bindingKey(b), read);
  }
  return out;
}

/** A random world's desire input over the 24 hours around its first instant. */
export function worldInput(w: World): { input: Omit<DesireInput, 'at'>; from: Date; to: Date } {
  const from = new Date(w.instants[0]!.getTime() - 12 * HOUR);
  const to = new Date(from.getTime() + 24 * HOUR);
  return { input: { profiles: w.profiles, targets: TARGETS, shifts: spanShifts(w, from, to), resolve: resolver(w), requests: w.requests }, from, to };
}

