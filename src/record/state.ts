/**
 * The state directory kept in the repository next to the config: what this tool granted (the
 * grant ledger, so additive entitlements revoke only their own grants), which exclusive entitlements it has adopted, how many people each
 * rotation had on call at the last apply (for the empty-rotation guard), and the audit log.
 * Files are deterministic and sorted, one record per line, so git diffs read as history.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readAuditLog } from './audit.js';
import type { AuditEvent } from '../core/audit-event.js';
import { checkStateFile, type StateFile } from '../config/schema.js';
import { locatable, pos } from '../config/yaml-file.js';
import { byCodeUnits, type LedgerRef } from '../core/diff.js';
import { entitlementKey, holdingKey, refOf, type Entitlement, type EntitlementRef, type HoldingRef } from '../core/entitlement.js';
import { error, formatDiagnostic, type Diagnostic } from '../core/diagnostics.js';
import { writeDurably } from '../util/durable-file.js';
import { UserError } from '../io.js';
import { fromV1, type V1Entitlement } from '../targets/github/kinds.js';

/**
 * Version of the grant ledger (`grants.json`) and adopted entitlements (`adopted.json`) this
 * version writes. Version 2 names each entitlement by `target`, `kind`, `resource` (and, in the
 * ledger, `level`); version 1 files (GitHub's `org` with `team` and `role`, or `repository` and
 * `permission`; `adopted.json` listing `teams`) are read, converted, and written again as
 * version 2 by the next apply.
 */
export const STATE_FORMAT_VERSION = 2;

/** One holding this tool granted and has not revoked, at the level granted. */
export interface LedgerEntry extends HoldingRef {
  /** The level granted (GitHub: the team role, or the repository permission). */
  level: string;
  /** ISO instant of the apply that granted it. */
  grantedAt: string;
}

/** A ledger entry as a plan uses it: checked against the audit log, see {@link checkLedger}. */
export type CheckedEntry = LedgerEntry & Pick<LedgerRef, 'audit'>;

/** An exclusive entitlement this tool has applied to (see `PlanState.adopt`): from then on, holders no profile wants are removed. */
export interface AdoptedEntitlement extends EntitlementRef {
  /** ISO instant of the apply that adopted it. */
  adoptedAt: string;
}

/** Everything kept between runs. */
export interface State {
  /** The grant ledger, checked against the audit log. */
  grants: CheckedEntry[];
  /** People on call in each rotation (by binding key) at the last apply. */
  onCall: Record<string, number>;
  /**
   * Exclusive entitlements this tool has applied to. Absent when adoption is not tracked (a model
   * of an installation that predates it): every exclusive one then counts as adopted.
   */
  adopted?: AdoptedEntitlement[];
}

/** File names inside the state directory. */
export const STATE_FILES = { grants: 'grants.json', onCall: 'rotations.json', adopted: 'adopted.json', audit: 'audit.jsonl', journal: 'journal.json' } as const;

/** A JSON file's text and data; undefined when there is no file. */
function readJson(path: string): { text: string; value: unknown } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read state file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw new UserError(`state file ${path} is not valid JSON; restore it from git history`);
  }
}

/** Throws a UserError listing `problems` of the state file `path`, each at its line, when there are any. */
function refuse(path: string, problems: readonly Diagnostic[]): void {
  if (problems.length > 0) throw new UserError(`${problems.map(formatDiagnostic).join('; ')}; restore ${path} from git history`);
}

/** A state file's text and data, checked against its schema (`schemas/state-*.schema.json`); undefined when there is none. */
function readChecked(path: string, schema: StateFile): { text: string; value: unknown } | undefined {
  const read = readJson(path);
  if (read !== undefined) refuse(path, checkStateFile(schema, read.value, () => locatable(read.text, path, read.value)));
  return read;
}

/**
 * A state file of {@link STATE_FORMAT_VERSION} or 1 (`v1`), checked against the schema of its
 * version; undefined when there is none.
 */
function readVersioned(path: string, schema: 'grants' | 'adopted'): { text: string; value: unknown; v1: boolean } | undefined {
  const read = readJson(path);
  if (read === undefined) return undefined;
  const v1 = (read.value as { formatVersion?: unknown } | null)?.formatVersion === 1;
  refuse(path, checkStateFile(v1 ? `${schema}-v1` : schema, read.value, () => locatable(read.text, path, read.value)));
  return { ...read, v1 };
}

/**
 * The grant ledger, checked against its schema (version 1 ledgers against theirs, each entry a
 * team with a role or a repository with a permission, and converted); empty when there is none.
 * A malformed entry is a UserError naming the file, its line and the field.
 */
export function readLedger(dir: string): LedgerEntry[] {
  const path = join(dir, STATE_FILES.grants);
  const read = readVersioned(path, 'grants');
  if (read === undefined) return [];
  if (!read.v1) return (read.value as { grants: LedgerEntry[] }).grants;
  const grants = (read.value as { grants: (V1Entitlement & { target: string; login: string; grantedAt: string })[] }).grants;
  const mixed = grants.flatMap((g, i) => ((g.team === undefined) === (g.repository === undefined) ? [i] : []));
  if (mixed.length > 0) {
    const d = locatable(read.text, path, read.value);
    refuse(path, mixed.map((i) => error(`grants[${i}]: names ${grants[i]!.team === undefined ? 'neither a team nor a repository' : 'both a team and a repository'}`, pos(d, ['grants', i]))));
  }
  return grants.map((g) => {
    const { kind, resource, level } = fromV1(g);
    return { target: g.target, kind, resource, level: level as string, login: g.login, grantedAt: g.grantedAt };
  });
}

/**
 * Reads the state directory for a plan: the grant ledger checked against the audit log (see
 * {@link checkLedger}) and the on-call counts. Missing files are empty state. A file that is not
 * JSON or does not fit its schema, or an audit line that is not an event, is a UserError naming
 * the file and line.
 */
export function readState(dir: string): State {
  const onCall = readChecked(join(dir, STATE_FILES.onCall), 'rotations')?.value as { rotations: { key: string; onCall: number }[] } | undefined;
  return {
    grants: checkLedger(readLedger(dir), readAuditLog(join(dir, STATE_FILES.audit))),
    onCall: Object.fromEntries((onCall?.rotations ?? []).map((r) => [r.key, r.onCall])),
    adopted: readAdopted(dir),
  };
}

/**
 * The adopted entitlements (`adopted.json`), checked against its schema (a version 1 file, which
 * lists GitHub `teams`, against its own, and converted); empty when there is none.
 */
export function readAdopted(dir: string): AdoptedEntitlement[] {
  const read = readVersioned(join(dir, STATE_FILES.adopted), 'adopted');
  if (read === undefined) return [];
  if (!read.v1) return (read.value as { entitlements: AdoptedEntitlement[] }).entitlements;
  const teams = (read.value as { teams: { target: string; org: string; team: string; adoptedAt: string }[] }).teams;
  return teams.map((t) => {
    const { kind, resource } = fromV1(t);
    return { target: t.target, kind, resource, adoptedAt: t.adoptedAt };
  });
}

/** `adopted` with the plan's newly adopted entitlements added (adopted at `now`); one adopted before keeps its instant. */
export function withAdopted(adopted: readonly AdoptedEntitlement[], plan: PlanStateChange, now: Date): AdoptedEntitlement[] {
  const byKey = new Map(adopted.map((a) => [entitlementKey(a), a]));
  for (const e of plan.state.adopt ?? []) if (!byKey.has(entitlementKey(e))) byKey.set(entitlementKey(e), { ...refOf(e), adoptedAt: now.toISOString() });
  return [...byKey.values()];
}

/** The adopted entitlements as written: sorted by {@link entitlementKey}. */
export function serializeAdopted(adopted: readonly AdoptedEntitlement[]): string {
  const sorted = adopted.map((a) => ({ ...refOf(a), adoptedAt: a.adoptedAt })).sort((a, b) => byCodeUnits(entitlementKey(a), entitlementKey(b)));
  return lines('entitlements', sorted);
}

/** The change an audit event records, as the ledger reads it. */
function auditedChange(e: AuditEvent): LedgerChange {
  return { action: e.action, entitlement: { ...refOf(e), level: e.level }, subject: { login: e.login } };
}

/**
 * The ledger as the audit log bears it out. The audit log is append-only history kept in git:
 * replaying its applied changes as {@link recordOutcome} does gives what this tool granted and has
 * not revoked. A ledger entry among those is kept as it is; one that is not is marked
 * `unrecorded` (forged, or of unknown origin: never taken as this tool's grant); one of those the
 * ledger lacks is added, marked `restored` (the ledger lost it; it is still the tool's grant).
 * A holding removed by hand leaves the ledger (apply prunes it) but not the audit log, so if it
 * is later added back by hand it counts as this tool's grant again.
 */
export function checkLedger(ledger: readonly LedgerEntry[], events: readonly AuditEvent[]): CheckedEntry[] {
  const audited = new Map<string, LedgerEntry>();
  for (const e of events) if (e.outcome === 'applied') recordInto(audited, auditedChange(e), new Date(e.time));
  const written = new Set(ledger.map(holdingKey));
  return [
    ...ledger.map((g) => (audited.has(holdingKey(g)) ? g : { ...g, audit: 'unrecorded' as const })),
    ...[...audited.values()].filter((g) => !written.has(holdingKey(g))).map((g) => ({ ...g, audit: 'restored' as const })),
  ];
}

/** `{ "formatVersion": N, "<name>": [ one record per line ] }`, records in the given order. */
function lines(name: string, records: readonly object[], version: number = STATE_FORMAT_VERSION): string {
  const body = records.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return `{\n  "formatVersion": ${version},\n  "${name}": [${records.length ? `\n${body}\n  ` : ''}]\n}\n`;
}

/** The grant ledger as written: sorted by {@link holdingKey} (target, kind, resource, login). */
export function serializeGrants(grants: readonly LedgerEntry[]): string {
  const sorted = grants.map((g) => ({ ...refOf(g), level: g.level, login: g.login, grantedAt: g.grantedAt })).sort((a, b) => byCodeUnits(holdingKey(a), holdingKey(b)));
  return lines('grants', sorted);
}

/** The on-call counts as written (format version 1, unchanged): sorted by rotation key. */
export function serializeOnCall(onCall: Readonly<Record<string, number>>): string {
  return lines('rotations', Object.keys(onCall).sort().map((key) => ({ key, onCall: onCall[key] })), 1);
}

/** A lock older than this is from a run that died; it is taken over. */
export const STALE_LOCK_MS = 15 * 60_000;

/** What the lock file records of the apply holding it. */
interface LockHolder {
  pid?: number;
  host?: string;
  since?: string;
}

/** True when process `pid` exists on this machine (a signal 0 probe; EPERM means it exists). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Why a held lock may be taken over, or undefined when its holder may still be running: it
 * was taken on this host by a process that is gone, or longer ago than {@link STALE_LOCK_MS}.
 */
export function staleLock(held: LockHolder | undefined, now: Date, host: string, isAlive: (pid: number) => boolean = alive): string | undefined {
  const who = `pid ${held?.pid ?? '?'} on ${held?.host ?? 'an unknown host'} since ${held?.since ?? '?'}`;
  if (held?.host === host && typeof held.pid === 'number' && held.pid !== process.pid && !isAlive(held.pid)) return `its apply (${who}) is no longer running`;
  const since = Date.parse(held?.since ?? '');
  if (!(now.getTime() - since <= STALE_LOCK_MS)) return `it is older than ${STALE_LOCK_MS / 60_000} minutes (${who})`;
  return undefined;
}

/**
 * Takes the state directory's apply lock (`.apply.lock`, created exclusively, recording pid,
 * host and start), so two applies on one machine never run at once; returns its release and,
 * when it took over a lock left by a run that died, a line saying so. See {@link staleLock}. In
 * GitHub Actions the workflow's concurrency group keeps runners on different machines apart.
 */
export function lockState(dir: string, now: Date, host = hostname()): { release: () => void; tookOver?: string } {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '.apply.lock');
  const mine = JSON.stringify({ pid: process.pid, host, since: now.toISOString() });
  const release = () => rmSync(path, { force: true });
  try {
    writeFileSync(path, mine, { flag: 'wx' });
    return { release };
  } catch {
    let held: LockHolder | undefined;
    try {
      held = readJson(path)?.value as LockHolder | undefined;
    } catch {
      held = undefined;
    }
    const why = staleLock(held, now, host);
    if (why === undefined) {
      throw new UserError(`another apply is running (pid ${held?.pid ?? '?'} on ${held?.host ?? '?'} since ${held?.since ?? '?'}); if it is not, remove ${path}`);
    }
    writeDurably(path, mine);
    return { release, tookOver: `Took over the apply lock ${path}: ${why}.` };
  }
}

/** Writes the state directory (each file replaced atomically and fsynced); `adopted.json` only when adoption is tracked. */
export function writeState(dir: string, state: State): void {
  writeGrants(dir, state.grants);
  writeDurably(join(dir, STATE_FILES.onCall), serializeOnCall(state.onCall));
  if (state.adopted !== undefined) writeDurably(join(dir, STATE_FILES.adopted), serializeAdopted(state.adopted));
}

/** Writes the grant ledger alone (after each change of an apply). */
export function writeGrants(dir: string, grants: readonly LedgerEntry[]): void {
  writeDurably(join(dir, STATE_FILES.grants), serializeGrants(grants));
}

/** The part of a change the ledger needs. */
export interface LedgerChange {
  action: string;
  entitlement: Entitlement;
  subject: { login: string };
}

/**
 * The ledger after one change's outcome: an applied grant joins it (granted at `now`), an
 * applied update changes its level, an applied revocation leaves it; a failed or skipped change
 * leaves it as it was. Applying the same outcome twice gives the same ledger.
 */
export function recordOutcome(grants: readonly LedgerEntry[], c: LedgerChange, status: string, now: Date): LedgerEntry[] {
  if (status !== 'applied') return [...grants];
  const ledger = new Map(grants.map((g) => [holdingKey(g), g]));
  recordInto(ledger, c, now);
  return [...ledger.values()];
}

/** {@link recordOutcome} of an applied change, in place, on a ledger keyed by {@link holdingKey}. */
function recordInto(ledger: Map<string, LedgerEntry>, c: LedgerChange, now: Date): void {
  const { level } = c.entitlement;
  const entry: LedgerEntry = { ...refOf(c.entitlement), login: c.subject.login, level, grantedAt: now.toISOString() };
  const key = holdingKey(entry);
  if (c.action === 'grant') ledger.set(key, entry);
  else if (c.action === 'revoke') ledger.delete(key);
  else if (ledger.has(key)) ledger.set(key, { ...ledger.get(key)!, level });
}

/** What a plan says of the state: ledger entries whose holding is gone, the on-call counts now, and entitlements it adopts. */
export interface PlanStateChange {
  state: { prune: readonly HoldingRef[]; onCall: Record<string, number>; adopt?: readonly EntitlementRef[] };
}

/** The ledger without the plan's pruned entries (holdings removed by hand); done before any change of the run is recorded, so a grant made again re-enters it. */
export function pruneLedger(grants: readonly LedgerEntry[], plan: PlanStateChange): LedgerEntry[] {
  const pruned = new Set(plan.state.prune.map(holdingKey));
  return grants.filter((g) => !pruned.has(holdingKey(g)));
}

/**
 * The state after a run: the plan's pruned entries leave the ledger, each outcome is recorded
 * as {@link recordOutcome} does, the on-call counts become the plan's, and the entitlements it adopts
 * join the adopted ones (when adoption is tracked).
 */
export function nextState(state: State, plan: PlanStateChange, outcomes: readonly { change: LedgerChange; status: string }[], now: Date): State {
  const grants = outcomes.reduce((g, o) => recordOutcome(g, o.change, o.status, now), pruneLedger(state.grants, plan));
  return { grants, onCall: { ...plan.state.onCall }, ...(state.adopted === undefined ? {} : { adopted: withAdopted(state.adopted, plan, now) }) };
}
