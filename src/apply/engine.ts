/**
 * One reconcile pass up to the plan: observe (sources and targets, reads only), desire, diff,
 * guard. The only orchestration of I/O before apply; everything it calls after reading is pure.
 */
import { createHash } from 'node:crypto';
import type { Adopt, Workspace } from '../config/model.js';
import { sortDiagnostics } from '../core/diagnostics.js';
import { countFrozen, desire, type Desired } from '../core/desire.js';
import { diff } from '../core/diff.js';
import { entitlementKey } from '../core/entitlement.js';
import { guard, type EmptiedRotation, type GuardOverrides } from '../core/guard.js';
import type { HoldersRead } from '../core/observed.js';
import { PLAN_FORMAT_VERSION, summarize, type Plan } from '../core/plan.js';
import { activeRequests } from '../core/requests.js';
import { bindingKey, bindingLabel, type ShiftRead } from '../core/shift.js';
import type { Adapters } from '../observe/adapters.js';
import { managedBy } from '../observe/holders.js';
import { observe, observeIncidents, readSpan, readWarnings, type Identities, type PullRequestContext } from '../observe/observe.js';
import type { State } from '../record/state.js';
import { KINDS } from '../targets/kinds.js';

/** What a plan needs besides the workspace and adapters. */
export interface PlanContext {
  /** The instant to plan for. */
  at: Date;
  /** The wall clock, recorded as `createdAt`. */
  now: Date;
  overrides?: GuardOverrides;
  /** The state directory's contents (grant ledger, last on-call counts, adopted teams). */
  state?: State;
  /** `remove-drift`: teams being adopted lose the holders no profile wants this run (`--adopt remove-drift`). */
  adopt?: Adopt;
  /** When planning a pull request: its author and the request files it adds or changes. */
  pullRequest?: PullRequestContext;
  /**
   * Read shifts on to this instant too, when it is later than the plan needs: a plan that also
   * shows the coming days (`look-ahead.ts`) reads each rotation once, not twice.
   */
  readUntil?: Date;
}

/** SHA-256 over the loaded files' paths and contents' hashes, in path order. */
export function configHash(ws: Workspace): string {
  const h = createHash('sha256');
  for (const f of [...ws.files].sort((a, b) => (a.path < b.path ? -1 : 1))) h.update(`${f.path}\0${f.sha256}\n`);
  return h.digest('hex');
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
function emptiedRotations(ws: Workspace, previous: Readonly<Record<string, number>>, now: Readonly<Record<string, number>>): EmptiedRotation[] {
  const out: EmptiedRotation[] = [];
  for (const [key, before] of Object.entries(previous)) {
    if (before === 0 || now[key] !== 0) continue;
    const entitlements = new Set<string>();
    let label = key;
    for (const p of ws.profiles) {
      const b = p.rotations.find((r) => bindingKey(r) === key);
      if (!b || p.mode !== 'auto' || p.allowEmptyRotations) continue;
      label = bindingLabel(b);
      for (const e of p.entitlements) entitlements.add(entitlementKey(e));
    }
    if (entitlements.size > 0) out.push({ label, before, entitlements: [...entitlements] });
  }
  return out;
}

/** Computes the plan for `ctx.at`. Never throws for a failed read: it becomes a diagnostic. */
export async function computePlan(ws: Workspace, adapters: Adapters, ctx: PlanContext): Promise<Plan> {
  return (await reconcile(ws, adapters, ctx)).plan;
}

/** A plan with what it was computed from: the wanted state, the observed holders, the shifts read and who is who. */
export interface Reconciled {
  plan: Plan;
  wanted: Desired;
  observed: ReadonlyMap<string, HoldersRead>;
  /** The shifts read, over the plan's span or on to `readUntil`. */
  shifts: ReadonlyMap<string, ShiftRead>;
  resolve: Identities['resolve'];
}

/** Observes, desires, diffs and guards: everything up to the plan, keeping the intermediate data. */
export async function reconcile(ws: Workspace, adapters: Adapters, ctx: PlanContext): Promise<Reconciled> {
  const { at } = ctx;
  const state = ctx.state ?? { grants: [], onCall: {} };
  const span = readSpan(ws, at, ctx.pullRequest);
  const until = ctx.readUntil && ctx.readUntil > span.until ? ctx.readUntil : span.until;

  const { shifts, holders: observed, identities } = await observe(ws, adapters, { since: span.since, until, subjects: ws.requests.map((r) => r.subject), holders: [...managedBy(ws).values()] });
  const requests = activeRequests({ at, requests: ws.requests, profiles: ws.profiles, shifts, resolve: identities.resolve, pullRequest: ctx.pullRequest, review: ctx.pullRequest ? 'pending' : 'required' });
  const incidents = await observeIncidents(ws, adapters, shifts, at);
  const wanted = desire({ at, profiles: ws.profiles, kinds: KINDS, shifts, resolve: identities.resolve, requests: requests.active, incidents });
  for (const managed of wanted.entitlements.values()) {
    const failed = identities.failed.get(managed.target);
    if (failed) managed.unknownRotations.push(failed);
  }
  const adoption = state.adopted === undefined ? undefined : { adopted: new Set(state.adopted.map(entitlementKey)), removeDrift: ctx.adopt === 'remove-drift' };
  const delta = diff(wanted, observed, state.grants, adoption);
  const holders = new Map<string, number>();
  for (const key of wanted.entitlements.keys()) {
    const read = observed.get(key);
    holders.set(key, read?.ok ? read.holders.length : 0);
  }
  const onCall = onCallCounts(shifts, at);
  const guarded = guard(delta.changes, ws.config.guards, KINDS, ctx.overrides, holders, emptiedRotations(ws, state.onCall, onCall));
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    at: at.toISOString(),
    createdAt: ctx.now.toISOString(),
    configHash: configHash(ws),
    changes: delta.changes,
    summary: summarize(delta.changes, delta.unchanged, countFrozen(wanted, observed)),
    diagnostics: sortDiagnostics([...adapters.diagnostics, ...readWarnings(ws, shifts), ...identities.diagnostics, ...requests.diagnostics, ...wanted.diagnostics, ...delta.diagnostics, ...guarded]),
    state: { prune: delta.prune, onCall, ...(adoption ? { adopt: delta.adopt } : {}) },
    ...(delta.adoption.length > 0 ? { adoption: delta.adoption } : {}),
    ...(delta.holds.length > 0 ? { holds: delta.holds } : {}),
  };
  if (ctx.pullRequest) {
    plan.requests = ws.requests
      .filter((r) => ctx.pullRequest!.files.includes(r.file))
      .map((r) => ({ file: r.file, profile: r.profile, subject: r.subject, approval: ws.profiles.find((p) => p.name === r.profile)?.approval ?? 'review', eligible: requests.active.some((a) => a.file === r.file) }));
  }
  return { plan, wanted, observed, shifts, resolve: identities.resolve };
}
