/**
 * One reconcile pass up to the plan: observe (sources and targets, reads only), desire, diff,
 * guard. The only orchestration of I/O before apply; everything it calls after reading is pure.
 */
import type { Adopt, Profile, Workspace, RotationBinding } from './config/model.js';
import { sortDiagnostics } from './diagnostics.js';
import type { Adapters } from './adapters.js';
import { countFrozen, desire, holdBindings, type Desired } from './core/desire.js';
import { activeRequests, requestStart } from './core/requests.js';
import { diff } from './core/diff.js';
import { createHash } from 'node:crypto';
import { guard, type EmptiedRotation, type GuardOverrides } from './core/guard.js';
import type { State } from './state.js';
import { PLAN_FORMAT_VERSION, summarize, type Plan } from './core/plan.js';
import { identityTable, resolveEmails, unresolved, METHOD_LABEL, type IdentityTable } from './identities.js';
import type { Diagnostic } from './diagnostics.js';
import { error, warning } from './diagnostics.js';
import { bindingKey, bindingLabel, type ShiftRead } from './core/shift.js';
import { entitlementKey } from './core/entitlement.js';
import type { IncidentRead } from './core/incident.js';
import type { HoldersRead } from './core/observed.js';
import { managedBy, readHoldersOf } from './holders.js';
import { KINDS } from './targets/kinds.js';
import { TARGET_TYPES } from './targets/registry.js';

/** How far back shifts are read to tell a handoff (shift ended) from drift. */
export const LOOKBACK_MS = 24 * 3_600_000;

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
  pullRequest?: { author: string; files: readonly string[] };
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

  const [shifts, observed] = await Promise.all([observeShifts(ws, adapters, span.since, until), readHoldersOf([...managedBy(ws).values()], adapters.targets)]);

  const identities = await resolveIdentities(ws, adapters, [...entitledEmails(ws.profiles, shifts), ...ws.requests.map((r) => r.subject).filter((x) => x.includes('@'))]);
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

/**
 * The span shifts are read over for an instant: back far enough to tell a handoff from drift
 * ({@link LOOKBACK_MS} past the longest `after`) and to check every running request's
 * eligibility when it was made; ahead by the longest `before`.
 */
export function readSpan(ws: Workspace, at: Date, pullRequest?: PlanContext['pullRequest']): { since: Date; until: Date } {
  const before = Math.max(0, ...ws.profiles.map((p) => p.window.beforeMs));
  // A shift whose window ended up to incidentHold.max ago may still hold someone.
  const after = Math.max(0, ...ws.profiles.map((p) => p.window.afterMs + (p.incidentHold?.maxMs ?? 0)));
  const running = ws.requests.filter((r) => pullRequest?.files.includes(r.file) || (requestStart(r) <= at && at.getTime() < r.requestedAt.getTime() + r.durationMs));
  const earliest = Math.min(at.getTime() - after - LOOKBACK_MS, ...running.map((r) => requestStart(r).getTime() - before - 1));
  return { since: new Date(earliest), until: new Date(at.getTime() + before + 1) };
}

/** Every profile's bindings, de-duplicated, read from their sources over `[since, until)`. */
export async function observeShifts(ws: Workspace, adapters: Adapters, since: Date, until: Date): Promise<Map<string, ShiftRead>> {
  const bySource = new Map<string, Map<string, RotationBinding>>();
  for (const b of ws.profiles.flatMap((p) => p.rotations)) {
    const m = bySource.get(b.source) ?? new Map<string, RotationBinding>();
    m.set(bindingKey(b), b);
    bySource.set(b.source, m);
  }
  const reads = await Promise.all([...bySource].map(([name, bindings]) => adapters.sources.get(name)!.readShifts([...bindings.values()], since, until)));
  return new Map(reads.flatMap((m) => [...m]));
}

/**
 * The open incidents of the bindings an incident hold needs at `at` ({@link holdBindings}), one
 * read per source that can say; nothing is read when nobody could be held.
 */
export async function observeIncidents(ws: Workspace, adapters: Adapters, shifts: ReadonlyMap<string, ShiftRead>, at: Date): Promise<Map<string, IncidentRead>> {
  const bySource = new Map<string, RotationBinding[]>();
  for (const b of holdBindings(ws.profiles, shifts, at)) bySource.set(b.source, [...(bySource.get(b.source) ?? []), b]);
  const reads = await Promise.all([...bySource].map(async ([name, bindings]) => (await adapters.sources.get(name)!.readIncidents?.(bindings)) ?? new Map<string, IncidentRead>()));
  return new Map(reads.flatMap((m) => [...m]));
}

/**
 * A `read-partial` warning for each warning a source gave with a rotation it read, naming the
 * rotation and anchored where the first profile binds it.
 */
export function readWarnings(ws: Workspace, shifts: ReadonlyMap<string, ShiftRead>): Diagnostic[] {
  const first = new Map<string, RotationBinding>();
  for (const b of ws.profiles.flatMap((p) => p.rotations)) if (!first.has(bindingKey(b))) first.set(bindingKey(b), b);
  const out: Diagnostic[] = [];
  for (const [key, read] of shifts) {
    const b = first.get(key)!;
    if (read.ok) out.push(...(read.warnings ?? []).map((w): Diagnostic => ({ ...warning(`${bindingLabel(b)}: ${w}`, b.pos), code: 'read-partial' })));
  }
  return out;
}

/** Every email that could be entitled: static members and everyone in a shift read. */
export function entitledEmails(profiles: readonly Profile[], shifts: ReadonlyMap<string, ShiftRead>): string[] {
  return [...profiles.flatMap((p) => p.members), ...[...shifts.values()].flatMap((r) => (r.ok ? r.shifts.map((x) => x.email) : []))];
}

/** Logins per target, and which targets' identity reads failed (their teams are frozen). */
export interface Identities {
  resolve: (email: string, target: string) => string | undefined;
  diagnostics: Diagnostic[];
  /** Target name to a label of the identity method that could not be read. */
  failed: Map<string, string>;
}

/**
 * Resolves every email through the configured methods in order, per target. A method that
 * reads the target (SAML, verified emails) is read only while some email is still unresolved,
 * once per run. If such a read fails, that target's teams are frozen: someone it would have
 * resolved could otherwise be revoked as drift.
 */
export async function resolveIdentities(ws: Workspace, adapters: Adapters, emails: readonly string[]): Promise<Identities> {
  const diagnostics: Diagnostic[] = [];
  const failed = new Map<string, string>();
  const byTarget = new Map<string, Map<string, string>>();
  for (const [name, target] of adapters.targets) {
    const { org, type } = ws.config.targets.get(name)!;
    const fileTable = identityTable('file', TARGET_TYPES[type].fileIdentities(ws.identities));
    const tables: IdentityTable[] = [];
    let result = resolveEmails(emails, tables);
    for (const method of ws.config.identities) {
      if (method !== 'file' && unresolved(emails, result.logins).length === 0) break;
      if (method === 'file') tables.push(fileTable);
      else {
        const read = await target.readIdentities(org, method);
        if (!read.ok) {
          failed.set(name, METHOD_LABEL[method]);
          diagnostics.push({ ...error(`target "${name}": cannot read ${METHOD_LABEL[method]} of ${org}: ${read.error}. Its teams are frozen: nothing is revoked from them this run`, read.pos), code: 'read-failed' });
          break;
        }
        // SAML's `emails` attributes are whatever an IdP administrator put there: only `nameId` counts unless the config says otherwise.
        tables.push(identityTable(method, read.pairs.filter((p) => p.attribute === undefined || ws.config.samlAttributes.includes(p.attribute))));
      }
      result = resolveEmails(emails, tables);
    }
    diagnostics.push(...result.diagnostics);
    byTarget.set(name, result.logins);
  }
  return { resolve: (email, target) => byTarget.get(target)?.get(email.toLowerCase()), diagnostics, failed };
}
