/**
 * The built-in `rotations` source: shifts computed from `kind: Rotation` files kept in git,
 * with no network. A rotation hands off from one member to the next every `shiftMs`, starting
 * at `firstHandoff`, cycling through `members` forever in both directions; overrides then
 * replace parts of it.
 */
import type { Rotation, RotationBinding, RotationOverride } from '../config/model.js';
import { addCalendarDays, calendarDaysBetween, isTimeZone, parseInstant, parseWallTime, wallTimeAt, wallTimeToInstant, type WallTime } from '../core/zoned.js';
import { bindingKey, bindingLabel, type Shift, type ShiftRead, type Source } from './source.js';

const DAY_MS = 86_400_000;

/** The handoff instants of a rotation, indexed by integers (0 is `firstHandoff`). */
interface Cycle {
  /** Milliseconds since the epoch of handoff `k`; non-decreasing in `k`. */
  handoff(k: number): number;
  /** The `k` with `handoff(k) <= t < handoff(k + 1)`. */
  indexAt(t: number): number;
}

/** A rotation whose shift length is not whole days: handoffs exactly `shiftMs` apart. */
function fixedCycle(firstMs: number, shiftMs: number): Cycle {
  return {
    handoff: (k) => firstMs + k * shiftMs,
    indexAt: (t) => Math.floor((t - firstMs) / shiftMs),
  };
}

/** A rotation of `days`-day shifts: every handoff at the wall time of the first, in `timeZone`. */
function dayCycle(first: WallTime, days: number, timeZone: string): Cycle {
  const handoff = (k: number): number => wallTimeToInstant(addCalendarDays(first, k * days), timeZone).getTime();
  return {
    handoff,
    indexAt: (t) => {
      const k = Math.floor(calendarDaysBetween(first, wallTimeAt(new Date(t), timeZone)) / days);
      return handoff(k) <= t ? k : k - 1;
    },
  };
}

/** The cycle of `rotation`, or why it has none. */
function cycleOf(rotation: Rotation): { ok: true; cycle: Cycle } | { ok: false; error: string } {
  const { timeZone, shiftMs, firstHandoff } = rotation;
  const fail = (why: string): { ok: false; error: string } => ({ ok: false, error: `rotation "${rotation.name}": ${why}` });
  if (!isTimeZone(timeZone)) return fail(`time zone "${timeZone}" is not an IANA time zone`);
  if (!Number.isSafeInteger(shiftMs) || shiftMs <= 0) return fail(`shift length ${shiftMs} ms is not a positive whole number of milliseconds`);
  if (rotation.members.length === 0) return fail('it has no members');
  const first = parseInstant(firstHandoff, timeZone);
  if (first === undefined) return fail(`first handoff "${firstHandoff}" is neither a wall time nor an instant`);
  if (shiftMs % DAY_MS !== 0) return { ok: true, cycle: fixedCycle(first.getTime(), shiftMs) };
  const wall = parseWallTime(firstHandoff) ?? wallTimeAt(first, timeZone);
  return { ok: true, cycle: dayCycle(wall, shiftMs / DAY_MS, timeZone) };
}

/** Someone on call over `[start, end)` (epoch ms), and who the rotation itself had there. */
interface Piece {
  email: string;
  scheduled: string;
  start: number;
  end: number;
}

/** The scheduled shifts from the one containing `since` to the last starting before `until`. */
function scheduledPieces(members: readonly string[], cycle: Cycle, since: number, until: number): Piece[] {
  const pieces: Piece[] = [];
  let k = cycle.indexAt(since);
  for (let start = cycle.handoff(k); start < until; k += 1) {
    const end = cycle.handoff(k + 1);
    const email = members[((k % members.length) + members.length) % members.length];
    if (start < end) pieces.push({ email, scheduled: email, start, end });
    start = end;
  }
  return pieces;
}

/** `piece` with the part `override` applies to given to the override's member. */
function applyOverride(piece: Piece, override: RotationOverride): Piece[] {
  const from = Math.max(piece.start, override.start.getTime());
  const to = Math.min(piece.end, override.end.getTime());
  const covered = override.covers === undefined || override.covers === piece.email || override.covers === piece.scheduled;
  if (from >= to || !covered) return [piece];
  return [
    { ...piece, end: from },
    { ...piece, email: override.member, start: from, end: to },
    { ...piece, start: to },
  ].filter((p) => p.start < p.end);
}

/** Contiguous pieces with neighbours of the same person joined. */
function mergeNeighbours(pieces: readonly Piece[]): Piece[] {
  const merged: Piece[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last?.email === piece.email) last.end = piece.end;
    else merged.push({ ...piece });
  }
  return merged;
}

/** The shifts of `rotation` over `[since, until)`, or why they cannot be computed. */
function readRotation(rotation: Rotation, since: Date, until: Date): ShiftRead {
  const cycle = cycleOf(rotation);
  if (!cycle.ok) return cycle;
  const from = since.getTime();
  const to = until.getTime();
  const pieces = rotation.overrides.reduce(
    (acc, override) => acc.flatMap((piece) => applyOverride(piece, override)),
    scheduledPieces(rotation.members, cycle.cycle, from, to),
  );
  const shifts = mergeNeighbours(pieces)
    .filter((p) => Math.max(p.start, from) < Math.min(p.end, to))
    .map((p): Shift => ({ email: p.email, start: new Date(p.start), end: new Date(p.end) }));
  return { ok: true, shifts, timeZone: rotation.timeZone };
}

/**
 * Why `rotation` cannot be computed (bad time zone, shift length or first handoff, no
 * members), or undefined when {@link rotationShifts} accepts it.
 */
export function rotationProblem(rotation: Rotation): string | undefined {
  const cycle = cycleOf(rotation);
  return cycle.ok ? undefined : cycle.error;
}

/**
 * The shifts of `rotation` that overlap `[since, until)`, sorted by start, each with its true
 * start and end (not clipped to the interval); empty when `since >= until`.
 *
 * Handoff `k` (any integer: the cycle runs backwards before `firstHandoff` too) is, when
 * `shiftMs` is a whole number of days `d`, the wall time of `firstHandoff` on the date `k * d`
 * days later in `timeZone` (so a weekly 09:00 handoff stays at 09:00 local and the shift
 * spanning a DST change is an hour shorter or longer; a handoff in a spring-forward gap moves
 * past the gap, one in a fall-back overlap takes its first occurrence); otherwise exactly
 * `firstHandoff + k * shiftMs`. `firstHandoff` may also be an instant (`Z` or offset), whose
 * wall time in `timeZone` is then used. Shift `k` belongs to `members[k mod n]`; shifts of no
 * length (a handoff in a day the zone skipped) are dropped.
 *
 * Overrides are applied in order, so where they overlap the later one wins: each gives
 * `[start, end)` to its `member`, restricted when `covers` is set to the parts where `covers`
 * is on call, either as scheduled by the rotation or as left by earlier overrides. Shifts are
 * split at override boundaries, and neighbouring shifts of the same person are merged.
 *
 * Cost is proportional to the shifts in the interval times the overrides, however far the
 * interval is from `firstHandoff`. Throws a RangeError when {@link rotationProblem} reports one.
 */
export function rotationShifts(rotation: Rotation, since: Date, until: Date): Shift[] {
  const read = readRotation(rotation, since, until);
  if (!read.ok) throw new RangeError(read.error);
  return read.shifts;
}

/**
 * The `rotations` source over the rotations loaded from git, keyed by name. It serves only
 * `rotation` bindings; any other binding, an undeclared rotation and a rotation that cannot be
 * computed each read as a failure. It never does I/O.
 */
export class RotationsSource implements Source {
  readonly #rotations: ReadonlyMap<string, Rotation>;

  constructor(rotations: ReadonlyMap<string, Rotation>) {
    this.#rotations = rotations;
  }

  /** Every binding's shifts over `[since, until)` as {@link rotationShifts} computes them, keyed by {@link bindingKey}. */
  async readShifts(bindings: readonly RotationBinding[], since: Date, until: Date): Promise<Map<string, ShiftRead>> {
    return new Map(bindings.map((b) => [bindingKey(b), this.#read(b, since, until)]));
  }

  #read(binding: RotationBinding, since: Date, until: Date): ShiftRead {
    if (binding.kind !== 'rotation') {
      return { ok: false, error: `${bindingLabel(binding)}: a rotations source serves only rotation bindings` };
    }
    const rotation = this.#rotations.get(binding.rotation);
    if (rotation === undefined) return { ok: false, error: `rotation "${binding.rotation}" is not declared` };
    return readRotation(rotation, since, until);
  }
}
