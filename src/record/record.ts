/**
 * record: how an apply's changes reach the grant ledger and the audit log, one change at a time,
 * through the write-ahead journal (src/apply/journal.ts), and how a run resolves the changes an
 * interrupted apply left in it.
 *
 * Per change, in this order, each step durable before the next: the outcome and its audit line
 * are stored in the change's journal entry; the line is appended to `audit.jsonl`; the ledger
 * (`grants.json`) is rewritten with the outcome; the entry is removed. A run killed between any
 * two steps is finished by {@link recoverInterrupted} with the same ledger and audit log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHoldersOf } from '../observe/holders.js';
import { auditEvent, holdEvent, INTERRUPTED, readHoldEvents } from './audit.js';
import type { AuditEvent } from '../core/audit-event.js';
import { appendDurably } from '../util/durable-file.js';
import { entitlementKey, holdingKey } from '../core/entitlement.js';
import type { Outcome, Plan } from '../core/plan.js';
import { madeChange, type Journal, type JournalEntry } from '../apply/journal.js';
import { redact } from '../util/redact.js';
import { pruneLedger, readAdopted, readLedger, recordOutcome, STATE_FILES, withAdopted, writeGrants, writeState, type LedgerEntry, type PlanStateChange } from './state.js';
import { nameOf } from '../targets/kinds.js';
import type { Target } from '../targets/target.js';

/** What every audit line of a run shares, and where the state lives. */
export interface RecordContext {
  /** The state directory (ledger, on-call counts, audit log). */
  dir: string;
  journal: Journal;
  env: NodeJS.ProcessEnv;
  /** The config repository's commit. */
  commit: string | undefined;
  /** Values redacted from every error before it is written. */
  secrets: readonly string[];
  now: () => Date;
}

/** Writes an apply's outcomes as they happen; see the module comment. */
export class Recorder {
  private grants: LedgerEntry[];

  constructor(private readonly ctx: RecordContext) {
    this.grants = readLedger(ctx.dir);
  }

  /**
   * Before the first change is sent: the plan's pruned entries leave the ledger (first, so a
   * holding granted again this run re-enters it), and every change is journaled as pending.
   */
  begin(plan: Plan, runId: string): string[] {
    this.grants = pruneLedger(this.grants, plan);
    writeGrants(this.ctx.dir, this.grants);
    return plan.changes.length > 0 ? this.ctx.journal.begin(plan.changes, plan, runId) : [];
  }

  /** One change's outcome, written through the journal (see the module comment). */
  record(id: string, outcome: Outcome, interrupted?: string): void {
    const entry = this.entry(id);
    const event = auditEvent({ at: entry.planAt, configHash: entry.configHash }, outcome, this.ctx.now(), this.ctx.env, this.ctx.commit, interrupted);
    const line = JSON.stringify(event.error ? { ...event, error: redact(event.error, this.ctx.secrets) } : event);
    this.ctx.journal.done(id, outcome.status, line);
    this.finishEntry({ ...entry, state: 'done', status: outcome.status, auditLine: line }, false);
  }

  /**
   * Finishes a `done` entry an interrupted run left: its line joins the audit log unless the log
   * has it already, its outcome the ledger (as of the line's time), and the journal forgets it.
   * Idempotent.
   */
  settle(entry: JournalEntry): void {
    this.finishEntry(entry, true);
  }

  /** {@link settle}; the audit log is searched for the line only when an earlier run may have appended it. */
  private finishEntry(entry: JournalEntry, mayBeLogged: boolean): void {
    const line = entry.auditLine as string;
    const audit = join(this.ctx.dir, STATE_FILES.audit);
    if (!mayBeLogged || !auditHas(audit, line)) appendDurably(audit, [line]);
    const event = JSON.parse(line) as AuditEvent;
    this.grants = recordOutcome(this.grants, entry.change, entry.status as string, new Date(event.time));
    writeGrants(this.ctx.dir, this.grants);
    this.ctx.journal.remove([entry.id]);
  }

  /**
   * The plan's incident holds, one audit line each, unless the log already has a line for the same
   * holding, incident and limit: a hold is recorded when it starts, not at
   * every run it lasts.
   */
  holds(plan: Plan): void {
    if (!plan.holds) return;
    const audit = join(this.ctx.dir, STATE_FILES.audit);
    const same = (h: { incident: { number: number }; until: string }) => `${h.incident.number}/${h.until}`;
    const logged = new Set(readHoldEvents(audit).map((e) => `${holdingKey(e)}/${same(e)}`));
    const lines = plan.holds.filter((h) => !logged.has(`${holdingKey(h)}/${same(h)}`)).map((h) => JSON.stringify(holdEvent(plan, h, this.ctx.now(), this.ctx.env, this.ctx.commit)));
    if (lines.length > 0) appendDurably(audit, lines);
  }

  /** At the end of a run: the ledger as recorded, the plan's on-call counts, and the entitlements it adopts. */
  finish(plan: PlanStateChange): void {
    writeState(this.ctx.dir, { grants: this.grants, onCall: { ...plan.state.onCall }, adopted: withAdopted(readAdopted(this.ctx.dir), plan, this.ctx.now()) });
  }

  private entry(id: string): JournalEntry {
    const entry = this.ctx.journal.list().find((e) => e.id === id);
    if (!entry) throw new Error(`journal entry ${id} is missing`);
    return entry;
  }
}

/** True when the audit log at `path` holds exactly `line` (a run killed after appending it). */
function auditHas(path: string, line: string): boolean {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return false;
  }
  return text.split('\n').includes(line);
}

/** What resolving an interrupted apply did. */
export interface Recovery {
  /** One line per change resolved, as apply prints outcomes. */
  resolved: string[];
  /** Changes that could not be judged (their entitlement could not be read), with why. */
  unresolved: string[];
}

/**
 * Resolves what an interrupted apply left in the journal. A `done` entry is finished as it was
 * recorded. A `pending` entry is judged by a fresh read of its entitlement: made (the target
 * shows it), it is recorded as applied and annotated "observed after an interrupted apply"; not
 * made, as skipped and annotated "not applied". One whose entitlement cannot be read stays in
 * the journal and is reported: nothing is guessed.
 */
export async function recoverInterrupted(journal: Journal, recorder: Recorder, targets: ReadonlyMap<string, Target>): Promise<Recovery> {
  const resolved: string[] = [];
  const unresolved: string[] = [];
  for (const e of journal.list().filter((x) => x.state === 'done')) {
    recorder.settle(e);
    resolved.push(`${e.status}: ${describe(e)} (recorded by the interrupted apply)`);
  }
  const pending = journal.list().filter((x) => x.state === 'pending');
  if (pending.length === 0) return { resolved, unresolved };
  const reads = await readHoldersOf(pending.map((e) => e.change.entitlement), targets);
  for (const e of pending) {
    const read = reads.get(entitlementKey(e.change.entitlement));
    const made = madeChange(e.change, read);
    if (made === undefined) {
      unresolved.push(`${describe(e)}: ${read && !read.ok ? read.error : `target "${e.change.entitlement.target}" is not in this config`}`);
    } else if (made) {
      recorder.record(e.id, { change: e.change, status: 'applied' }, INTERRUPTED.observed);
      resolved.push(`applied: ${describe(e)} (${INTERRUPTED.observed})`);
    } else {
      recorder.record(e.id, { change: e.change, status: 'skipped', error: 'the apply sending it was interrupted' }, INTERRUPTED.notApplied);
      resolved.push(`skipped: ${describe(e)} (${INTERRUPTED.notApplied})`);
    }
  }
  return { resolved, unresolved };
}

/** A journaled change in words, without its level: `grant alice on acme/sre`. */
function describe(e: JournalEntry): string {
  const c = e.change;
  return `${c.action} ${c.subject.login} ${c.action === 'revoke' ? 'from' : 'on'} ${nameOf(c.entitlement)}`;
}
