/**
 * The apply journal: a write-ahead record that makes a killed apply safe to resume.
 *
 * Before apply sends its first change, every change of the plan is written to the journal as an
 * *intent* (one atomic, fsynced file write; in GitHub Actions the example workflow pushes it
 * right after, see `--checkpoint`). As each change finishes, its audit line is first stored in
 * its entry (`done`), then appended to the audit log, then the ledger is updated, then the entry
 * is removed. Every step is an atomic file replacement or an append of one line, so a process
 * killed anywhere leaves a journal that says exactly what may have happened:
 *
 * - an entry that is `done` carries its audit line: recovery appends it unless the log already
 *   ends with it, and applies the outcome to the ledger (both steps are idempotent);
 * - an entry that is `pending` may or may not have reached the target: recovery reads the
 *   target and decides from what it holds (the change's postcondition): made, so the tool made
 *   it (ledger entry, audit line "observed after an interrupted apply"); not made, so the
 *   intent is dropped and audited as not applied.
 *
 * The journal file exists only while an apply is in progress or was interrupted.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncDir, writeDurably } from '../util/durable-file.js';
import type { HoldersRead } from '../core/observed.js';
import type { Change } from '../core/plan.js';
import { UserError } from '../io.js';
import { fromV1, type V1Entitlement } from '../targets/github/kinds.js';

/**
 * Version of the journal file's format. Version 2 entries hold changes as plans of version 2
 * have them; a version 1 journal (left by an apply of an older version that was interrupted) is
 * read, its changes converted; the audit lines its `done` entries carry stay as they were
 * written, which the audit log's readers read.
 */
export const JOURNAL_FORMAT_VERSION = 2;

/** One change of an apply in progress. */
export interface JournalEntry {
  /** Unique within the journal: the run's start instant and the change's index in the plan. */
  id: string;
  change: Change;
  /** The plan the change came from: its instant and config hash (for the audit line). */
  planAt: string;
  configHash: string;
  /** `pending`: about to be sent, or sent with no answer recorded; `done`: the outcome is known. */
  state: 'pending' | 'done';
  /** With `done`: the audit line (JSON, no newline) recording the outcome. */
  auditLine?: string;
  /** With `done`: the outcome. */
  status?: 'applied' | 'failed' | 'skipped';
}

/** A change as a version 1 journal has it: the target beside GitHub's entitlement fields, `previousRole` for the former level. */
type V1Change = Omit<Change, 'entitlement' | 'previousLevel'> & { target: string; entitlement: V1Entitlement & { kind: string }; previousRole?: string };

/** True when `value` is a journal entry of `version`, whose change has what recovery reads. */
function isEntry(value: unknown, version: number): value is JournalEntry {
  const e = value as Partial<JournalEntry> | null;
  const c = e?.change as (Partial<Change> & { target?: unknown }) | undefined;
  const named = version === 1 ? typeof c?.target === 'string' && typeof c.entitlement?.kind === 'string' : ['target', 'kind', 'resource', 'level'].every((k) => typeof (c?.entitlement as Record<string, unknown> | undefined)?.[k] === 'string');
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.id === 'string' &&
    typeof e.planAt === 'string' &&
    typeof e.configHash === 'string' &&
    (e.state === 'pending' || (e.state === 'done' && typeof e.auditLine === 'string' && (e.status === 'applied' || e.status === 'failed' || e.status === 'skipped'))) &&
    typeof c === 'object' &&
    c !== null &&
    typeof c.subject?.login === 'string' &&
    ['grant', 'revoke', 'update'].includes(c.action as string) &&
    typeof c.entitlement === 'object' &&
    c.entitlement !== null &&
    named
  );
}

/** A version 1 entry's change as version 2 has it. */
function fromV1Change(c: V1Change): Change {
  const { target, entitlement, previousRole, ...rest } = c;
  const { kind, resource, level } = fromV1(entitlement);
  return { ...rest, entitlement: { target, kind, resource, level: level ?? '' }, ...(previousRole === undefined ? {} : { previousLevel: previousRole }) };
}

/** The journal file at `path`: its entries, kept in memory and written through on every change. */
export class Journal {
  private entries: JournalEntry[];

  constructor(readonly path: string) {
    this.entries = Journal.read(path);
  }

  /** The entries of `path` (a version 1 journal's converted); none when there is no file. A file that is not a journal is a UserError. */
  static read(path: string): JournalEntry[] {
    if (!existsSync(path)) return [];
    let data: { formatVersion?: unknown; entries?: unknown };
    try {
      data = JSON.parse(readFileSync(path, 'utf8')) as typeof data;
    } catch {
      throw new UserError(`apply journal ${path} is not valid JSON; restore it from git history, or remove it after checking that the changes it lists were made (see "Crash safety" in docs/operations.md)`);
    }
    const version = data?.formatVersion;
    if ((version !== JOURNAL_FORMAT_VERSION && version !== 1) || !Array.isArray(data.entries) || !data.entries.every((e) => isEntry(e, version))) {
      throw new UserError(`apply journal ${path} is not an oncall-access journal (formatVersion ${JOURNAL_FORMAT_VERSION}); restore it from git history`);
    }
    return version === 1 ? data.entries.map((e: JournalEntry) => ({ ...e, change: fromV1Change(e.change as unknown as V1Change) })) : data.entries;
  }

  /** What the journal holds now. */
  list(): readonly JournalEntry[] {
    return this.entries;
  }

  /** Records every change as pending, in one write, before any is sent. */
  begin(changes: readonly Change[], plan: { at: string; configHash: string }, runId: string): string[] {
    const added = changes.map((change, i): JournalEntry => ({ id: `${runId}#${i}`, change, planAt: plan.at, configHash: plan.configHash, state: 'pending' }));
    this.entries = [...this.entries, ...added];
    this.flush();
    return added.map((e) => e.id);
  }

  /** Stores an outcome and its audit line before either reaches the audit log or the ledger. */
  done(id: string, status: NonNullable<JournalEntry['status']>, auditLine: string): void {
    this.entries = this.entries.map((e) => (e.id === id ? { ...e, state: 'done', status, auditLine } : e));
    this.flush();
  }

  /** Forgets entries once their outcome is in the audit log and the ledger. */
  remove(ids: readonly string[]): void {
    const gone = new Set(ids);
    this.entries = this.entries.filter((e) => !gone.has(e.id));
    this.flush();
  }

  private flush(): void {
    if (this.entries.length === 0) {
      rmSync(this.path, { force: true });
      syncDir(dirname(this.path));
      return;
    }
    const body = this.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
    writeDurably(this.path, `{\n  "formatVersion": ${JOURNAL_FORMAT_VERSION},\n  "entries": [\n${body}\n  ]\n}\n`);
  }
}

/**
 * Whether the world shows `change` made, from a fresh read of its entitlement: a grant's
 * subject holds it (a pending invitation counts), a revocation's does not, an update's holds the
 * new level. `undefined` when the read failed: nothing can be said.
 */
export function madeChange(change: Change, read: HoldersRead | undefined): boolean | undefined {
  if (!read || !read.ok) return undefined;
  const h = read.holders.find((x) => x.login.toLowerCase() === change.subject.login.toLowerCase());
  switch (change.action) {
    case 'grant':
      return h !== undefined;
    case 'revoke':
      return h === undefined;
    case 'update':
      return h !== undefined && h.state === 'active' && h.role === change.entitlement.level;
  }
}
