/**
 * The state directory kept in the repository next to the config: what this tool granted (the
 * grant ledger, so additive entitlements revoke only their own grants), how many people each
 * rotation had on call at the last apply (for the empty-rotation guard), and the audit log.
 * Files are deterministic and sorted, one record per line, so git diffs read as history.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from './io.js';
import { entitlementLevel, entitlementName, type Entitlement } from './core/plan.js';

/**
 * One holding this tool granted and has not revoked: a team membership (`team`, `role`) or a
 * repository permission (`repository`, `permission`). Entries written before repositories were
 * supported are team entries and read unchanged.
 */
export interface LedgerEntry {
  target: string;
  org: string;
  team?: string;
  repository?: string;
  login: string;
  /** The team role; absent for a repository. */
  role?: string;
  /** The repository permission; absent for a team. */
  permission?: string;
  /** ISO instant of the apply that granted it. */
  grantedAt: string;
}

/** Everything kept between runs. */
export interface State {
  grants: LedgerEntry[];
  /** People on call in each rotation (by binding key) at the last apply. */
  onCall: Record<string, number>;
}

/** File names inside the state directory. */
export const STATE_FILES = { grants: 'grants.json', onCall: 'rotations.json', audit: 'audit.jsonl' } as const;

/** Identity of a ledger entry: the same team (or repository) and login (case-insensitive). */
export function ledgerKey(e: { target: string; org: string; team?: string; repository?: string; login: string }): string {
  return `${e.target}/${entitlementName(e)}/${e.login}`.toLowerCase();
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read state file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UserError(`state file ${path} is not valid JSON; restore it from git history`);
  }
}

/** Reads the state directory; missing files are empty state. A corrupt file is a UserError. */
export function readState(dir: string): State {
  const grants = readJson(join(dir, STATE_FILES.grants)) as { grants?: LedgerEntry[] } | undefined;
  const onCall = readJson(join(dir, STATE_FILES.onCall)) as { rotations?: { key: string; onCall: number }[] } | undefined;
  if (grants !== undefined && !Array.isArray(grants.grants)) throw new UserError(`state file ${join(dir, STATE_FILES.grants)} has no "grants" list; restore it from git history`);
  if (onCall !== undefined && !Array.isArray(onCall.rotations)) throw new UserError(`state file ${join(dir, STATE_FILES.onCall)} has no "rotations" list; restore it from git history`);
  return {
    grants: grants?.grants ?? [],
    onCall: Object.fromEntries((onCall?.rotations ?? []).map((r) => [r.key, r.onCall])),
  };
}

/** `{ "formatVersion": 1, "<name>": [ one record per line ] }`, records in the given order. */
function lines(name: string, records: readonly object[]): string {
  const body = records.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  return `{\n  "formatVersion": 1,\n  "${name}": [${records.length ? `\n${body}\n  ` : ''}]\n}\n`;
}

/** The grant ledger as written: sorted by target, org, team, login. */
export function serializeGrants(grants: readonly LedgerEntry[]): string {
  const sorted = [...grants]
    .map((g) =>
      typeof g.repository === 'string'
        ? { target: g.target, org: g.org, repository: g.repository, login: g.login, permission: g.permission, grantedAt: g.grantedAt }
        : { target: g.target, org: g.org, team: g.team, login: g.login, role: g.role, grantedAt: g.grantedAt },
    )
    .sort((a, b) => (ledgerKey(a) < ledgerKey(b) ? -1 : ledgerKey(a) > ledgerKey(b) ? 1 : 0));
  return lines('grants', sorted);
}

/** The on-call counts as written: sorted by rotation key. */
export function serializeOnCall(onCall: Readonly<Record<string, number>>): string {
  return lines('rotations', Object.keys(onCall).sort().map((key) => ({ key, onCall: onCall[key] })));
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** A lock older than this is from a run that died; it is taken over. */
export const STALE_LOCK_MS = 15 * 60_000;

/**
 * Takes the state directory's apply lock (`.apply.lock`, created exclusively), so two applies
 * on one machine never run at once; returns its release. A lock older than
 * {@link STALE_LOCK_MS} is taken over. In GitHub Actions the workflow's concurrency group does
 * the same across runners.
 */
export function lockState(dir: string, now: Date): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '.apply.lock');
  const mine = JSON.stringify({ pid: process.pid, since: now.toISOString() });
  try {
    writeFileSync(path, mine, { flag: 'wx' });
  } catch {
    const held = readJson(path) as { pid?: number; since?: string } | undefined;
    const since = Date.parse(held?.since ?? '');
    if (!(now.getTime() - since > STALE_LOCK_MS)) {
      throw new UserError(`another apply is running (pid ${held?.pid ?? '?'} since ${held?.since ?? '?'}); if it is not, remove ${path}`);
    }
    writeFileSync(path, mine);
  }
  return () => rmSync(path, { force: true });
}

/** Writes the state directory (atomically per file). */
export function writeState(dir: string, state: State): void {
  writeAtomic(join(dir, STATE_FILES.grants), serializeGrants(state.grants));
  writeAtomic(join(dir, STATE_FILES.onCall), serializeOnCall(state.onCall));
}

/**
 * The state after a run: applied grants join the ledger, applied updates change its role,
 * applied revocations and the plan's pruned entries leave it, and the on-call counts become
 * the plan's. Failed and skipped changes leave the ledger as it was.
 */
export function nextState(state: State, plan: { state: { prune: readonly { target: string; org: string; team?: string; repository?: string; login: string }[]; onCall: Record<string, number> } }, outcomes: readonly { change: { action: string; target: string; entitlement: Entitlement; subject: { login: string } }; status: string }[], now: Date): State {
  const ledger = new Map(state.grants.map((g) => [ledgerKey(g), g]));
  for (const p of plan.state.prune) ledger.delete(ledgerKey(p));
  for (const { change: c, status } of outcomes) {
    if (status !== 'applied') continue;
    const e = c.entitlement;
    const level = entitlementLevel(e);
    const entry: LedgerEntry = e.kind === 'repository'
      ? { target: c.target, org: e.org, repository: e.repository, login: c.subject.login, permission: level, grantedAt: now.toISOString() }
      : { target: c.target, org: e.org, team: e.team, login: c.subject.login, role: level, grantedAt: now.toISOString() };
    const key = ledgerKey(entry);
    if (c.action === 'grant') ledger.set(key, entry);
    else if (c.action === 'revoke') ledger.delete(key);
    else if (ledger.has(key)) ledger.set(key, { ...ledger.get(key)!, ...(e.kind === 'repository' ? { permission: level } : { role: level }) });
  }
  return { grants: [...ledger.values()], onCall: { ...plan.state.onCall } };
}
