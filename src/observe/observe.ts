/**
 * The observe step: reading what is, from the sources (shifts, incidents) and the targets
 * (holders, identities). Reads only. {@link observe} is the one read a plan, `timeline` (through
 * `look-ahead.ts`) and `request` share; everything after it is the pure core.
 */
import type { RotationBinding, Profile, Workspace } from '../config/model.js';
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import { holdBindings } from '../core/desire.js';
import type { EntitlementRef } from '../core/entitlement.js';
import type { IncidentRead } from '../core/incident.js';
import type { HoldersRead } from '../core/observed.js';
import { requestStart } from '../core/requests.js';
import { bindingKey, bindingLabel, type ShiftRead } from '../core/shift.js';
import { identityTable, resolveEmails, unresolved, METHOD_LABEL, type IdentityTable } from '../identities.js';
import type { Adapters } from './adapters.js';
import { readHoldersOf } from './holders.js';
import { targetType } from '../targets/registry.js';

/** How far back shifts are read to tell a handoff (shift ended) from drift. */
export const LOOKBACK_MS = 24 * 3_600_000;

/** A pull request being planned: its author and the request files it adds or changes. */
export interface PullRequestContext {
  author: string;
  files: readonly string[];
}

/** What {@link observe} reads. */
export interface ObserveScope {
  /** Shifts are read over `[since, until)`. */
  since: Date;
  until: Date;
  /** Emails to resolve besides everyone the shifts and profiles entitle (the requests' subjects); other names are skipped. */
  subjects: readonly string[];
  /** Entitlements whose holders to read, at the same time as the shifts; none are read when absent. */
  holders?: readonly EntitlementRef[];
}

/** What {@link observe} read. */
export interface Observation {
  /** The shifts of every profile's bindings, by binding key. */
  shifts: Map<string, ShiftRead>;
  /** The holders of the entitlements asked for, by entitlement key (empty when none were). */
  holders: Map<string, HoldersRead>;
  /** Who is who on each target, for everyone entitled and the subjects. */
  identities: Identities;
}

/**
 * Reads the shifts over the scope's span (and the holders it names, at once), then resolves the
 * identities of everyone entitled by a profile or a shift read, and of the subjects.
 */
export async function observe(ws: Workspace, adapters: Adapters, scope: ObserveScope): Promise<Observation> {
  const [shifts, holders] = await Promise.all([observeShifts(ws, adapters, scope.since, scope.until), scope.holders ? readHoldersOf(scope.holders, adapters.targets) : new Map<string, HoldersRead>()]);
  const identities = await resolveIdentities(ws, adapters, [...entitledEmails(ws.profiles, shifts), ...scope.subjects.filter((x) => x.includes('@'))]);
  return { shifts, holders, identities };
}

/**
 * The span shifts are read over for an instant: back far enough to tell a handoff from drift
 * ({@link LOOKBACK_MS} past the longest `after`) and to check every running request's
 * eligibility when it was made; ahead by the longest `before`.
 */
export function readSpan(ws: Workspace, at: Date, pullRequest?: PullRequestContext): { since: Date; until: Date } {
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
function entitledEmails(profiles: readonly Profile[], shifts: ReadonlyMap<string, ShiftRead>): string[] {
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
 * Resolves every email through its target type's methods in order, per target (GitHub: the
 * config's `identities.resolve`). A method that reads the target (SAML, verified emails, its
 * directory) is read only while some email is still unresolved, once per run. If such a read
 * fails, that target's entitlements are frozen: someone it would have resolved could otherwise be
 * revoked as drift. An account the target says must not be granted (deactivated, a bot) is
 * warned about and resolves nobody.
 */
async function resolveIdentities(ws: Workspace, adapters: Adapters, emails: readonly string[]): Promise<Identities> {
  const diagnostics: Diagnostic[] = [];
  const failed = new Map<string, string>();
  const byTarget = new Map<string, Map<string, string>>();
  for (const [name, target] of adapters.targets) {
    const config = ws.config.targets.get(name)!;
    const type = targetType(config);
    const fileTable = identityTable('file', type.fileIdentities(ws.identities));
    const tables: IdentityTable[] = [];
    let result = resolveEmails(emails, tables, type.declaration.account);
    for (const method of type.declaration.identityMethods(ws.config.identities)) {
      const missing = unresolved(emails, result.logins);
      if (method !== 'file' && missing.length === 0) break;
      if (method === 'file') tables.push(fileTable);
      else {
        const read = await target.readIdentities(method, missing);
        if (!read.ok) {
          failed.set(name, METHOD_LABEL[method]);
          diagnostics.push({ ...error(`target "${name}": cannot read ${METHOD_LABEL[method]} of ${type.declaration.scope(config)}: ${read.error}. Its ${Object.values(type.declaration.kinds)[0]!.plural} are frozen: nothing is revoked from them this run`, read.pos), code: 'read-failed' });
          break;
        }
        for (const u of read.unusable ?? []) diagnostics.push({ ...warning(`${u.email}: ${type.declaration.account} ${u.login} on target "${name}" is ${u.reason}, so it is never granted`), code: 'identity' });
        // SAML's `emails` attributes are whatever an IdP administrator put there: only `nameId` counts unless the config says otherwise.
        tables.push(identityTable(method, read.pairs.filter((p) => p.attribute === undefined || ws.config.samlAttributes.includes(p.attribute))));
      }
      result = resolveEmails(emails, tables, type.declaration.account);
    }
    diagnostics.push(...result.diagnostics);
    byTarget.set(name, result.logins);
  }
  return { resolve: (email, target) => byTarget.get(target)?.get(email.toLowerCase()), diagnostics, failed };
}
