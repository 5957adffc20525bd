/**
 * One reconcile pass up to the plan: observe (sources and targets, reads only), then the pure
 * `planFrom` (core/reconcile.ts: desire, diff, guard). The only orchestration of I/O before apply.
 */
import { createHash } from 'node:crypto';
import type { Adopt, Workspace } from '../config/model.js';
import type { Desired } from '../core/desire.js';
import type { GuardOverrides } from '../core/guard.js';
import type { HoldersRead } from '../core/observed.js';
import type { Plan } from '../core/plan.js';
import { planFrom } from '../core/reconcile.js';
import { activeRequests } from '../core/requests.js';
import type { ShiftRead } from '../core/shift.js';
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
  const { plan, wanted } = planFrom({
    at,
    createdAt: ctx.now,
    configHash: configHash(ws),
    profiles: ws.profiles,
    guards: ws.config.guards,
    ...(ctx.overrides ? { overrides: ctx.overrides } : {}),
    kinds: KINDS,
    shifts,
    resolve: identities.resolve,
    identityFailures: identities.failed,
    observed,
    grants: state.grants,
    previousOnCall: state.onCall,
    ...(state.adopted === undefined ? {} : { adopted: state.adopted, removeDrift: ctx.adopt === 'remove-drift' }),
    requests: requests.active,
    incidents,
    diagnostics: [...adapters.diagnostics, ...readWarnings(ws, shifts), ...identities.diagnostics, ...requests.diagnostics],
  });
  if (ctx.pullRequest) {
    plan.requests = ws.requests
      .filter((r) => ctx.pullRequest!.files.includes(r.file))
      .map((r) => ({ file: r.file, profile: r.profile, subject: r.subject, approval: ws.profiles.find((p) => p.name === r.profile)?.approval ?? 'review', eligible: requests.active.some((a) => a.file === r.file) }));
  }
  return { plan, wanted, observed, shifts, resolve: identities.resolve };
}
