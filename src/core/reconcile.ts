/**
 * The one pure function of the pipeline: from what was observed (shifts, holders, who is who,
 * running requests and open incidents) and the policy, the plan. `apply/engine.ts` calls it
 * after reading; the tests' model of an organisation (test/helpers/world.ts) calls it on worlds
 * it generates, so both plan alike.
 */
import { sortDiagnostics, type Diagnostic } from './diagnostics.js';
import { countFrozen, desire, type Desired } from './desire.js';
import { diff, type DiffResult, type LedgerRef } from './diff.js';
import { entitlementKey, type EntitlementRef, type KindCatalogue } from './entitlement.js';
import { guard, type EmptiedRotation, type GuardOverrides } from './guard.js';
import type { IncidentRead } from './incident.js';
import type { HoldersRead } from './observed.js';
import { PLAN_FORMAT_VERSION, summarize, type Plan } from './plan.js';
import type { GuardConfig, Profile } from './policy.js';
import type { ActiveRequest } from './requests.js';
import { bindingKey, bindingLabel, type ShiftRead } from './shift.js';

/** Everything a plan is computed from, all plain values. */
export interface PlanInput {
  /** The instant planned for. */
  at: Date;
  /** The wall clock, recorded as `createdAt`. */
  createdAt: Date;
  /** Names the policy planned from (see `configHash`). */
  configHash: string;
  profiles: readonly Profile[];
  guards: GuardConfig;
  overrides?: GuardOverrides;
  /** What the targets declare of each kind. */
  kinds: KindCatalogue;
  /** Shifts read per binding, by binding key. */
  shifts: ReadonlyMap<string, ShiftRead>;
  /** The account of an email on a target, or undefined. */
  resolve: (email: string, target: string) => string | undefined;
  /** Targets whose identities could not all be read, with what to say: what they grant is frozen. */
  identityFailures: ReadonlyMap<string, string>;
  /** Current holders per entitlement key. */
  observed: ReadonlyMap<string, HoldersRead>;
  /** The grant ledger. */
  grants: readonly LedgerRef[];
  /** People on call per binding at the last apply. */
  previousOnCall: Readonly<Record<string, number>>;
  /** Exclusive entitlements applied to before; absent when adoption is not tracked. */
  adopted?: readonly EntitlementRef[];
  /** `--adopt remove-drift`: entitlements being adopted lose the holders no profile wants. */
  removeDrift?: boolean;
  /** The eligible access requests running now. */
  requests?: readonly ActiveRequest[];
  /** Open incidents per binding, for incident hold. */
  incidents?: ReadonlyMap<string, IncidentRead>;
  /** Problems met reading, placed in the plan before those of planning. */
  diagnostics: readonly Diagnostic[];
}

/** A plan and what it was computed from on the way: the wanted state and the diff. */
export interface Planned {
  plan: Plan;
  wanted: Desired;
  delta: DiffResult;
}

/** Desire, the freeze of what an unreadable identity source grants, diff and guard: the plan for `input.at`. */
export function planFrom(input: PlanInput): Planned {
  const { at, observed } = input;
  const wanted = desire({ at, profiles: input.profiles, kinds: input.kinds, shifts: input.shifts, resolve: input.resolve, requests: input.requests, ...(input.incidents ? { incidents: input.incidents } : {}), unreadIdentities: new Set(input.identityFailures.keys()) });
  for (const managed of wanted.entitlements.values()) {
    const failed = input.identityFailures.get(managed.target);
    if (failed) managed.unknownRotations.push(failed);
  }
  const adoption = input.adopted === undefined ? undefined : { adopted: new Set(input.adopted.map(entitlementKey)), removeDrift: input.removeDrift === true };
  const delta = diff(wanted, observed, input.grants, adoption);
  const holders = new Map<string, number>();
  for (const key of wanted.entitlements.keys()) {
    const read = observed.get(key);
    holders.set(key, read?.ok ? read.holders.length : 0);
  }
  const onCall = onCallCounts(input.shifts, at);
  const guarded = guard(delta.changes, input.guards, input.kinds, input.overrides, holders, emptiedRotations(input.profiles, input.previousOnCall, onCall));
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    at: at.toISOString(),
    createdAt: input.createdAt.toISOString(),
    configHash: input.configHash,
    changes: delta.changes,
    summary: summarize(delta.changes, delta.unchanged, countFrozen(wanted, observed)),
    diagnostics: sortDiagnostics([...input.diagnostics, ...wanted.diagnostics, ...delta.diagnostics, ...guarded]),
    state: { prune: delta.prune, onCall, ...(adoption ? { adopt: delta.adopt } : {}) },
    ...(delta.adoption.length > 0 ? { adoption: delta.adoption } : {}),
    ...(delta.holds.length > 0 ? { holds: delta.holds } : {}),
  };
  return { plan, wanted, delta };
}

/** People on call at `at` (no window) per readable binding. */
function onCallCounts(shifts: ReadonlyMap<string, ShiftRead>, at: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, read] of shifts) {
    if (read.ok) out[key] = new Set(read.shifts.filter((s) => s.start <= at && (s.end === undefined || at < s.end)).map((s) => s.email.toLowerCase())).size;
  }
  return out;
}

/** Rotations that had people at the last apply and have nobody now, with the entitlements they guard. */
function emptiedRotations(profiles: readonly Profile[], previous: Readonly<Record<string, number>>, now: Readonly<Record<string, number>>): EmptiedRotation[] {
  const out: EmptiedRotation[] = [];
  for (const [key, before] of Object.entries(previous)) {
    if (before === 0 || now[key] !== 0) continue;
    const entitlements = new Set<string>();
    let label = key;
    for (const p of profiles) {
      const b = p.rotations.find((r) => bindingKey(r) === key);
      if (!b || p.mode !== 'auto' || p.allowEmptyRotations) continue;
      label = bindingLabel(b);
      for (const e of p.entitlements) entitlements.add(entitlementKey(e));
    }
    if (entitlements.size > 0) out.push({ label, before, entitlements: [...entitlements] });
  }
  return out;
}
