/**
 * The shape of one line of the audit file: what the access review reads (`core/report.ts`) and
 * what `record/audit.ts` writes and reads back. Types only.
 */
import type { HoldingRef } from './entitlement.js';
import type { Outcome } from './plan.js';

/**
 * Version of the audit line format. Version 2 lines say `"formatVersion": 2` and name the
 * entitlement by `target`, `kind`, `resource` and `level` (an update's former level is
 * `previousLevel`). Version 1 lines have no `formatVersion`: GitHub's `org` with `team` and
 * `role`, or `repository` and `permission`, and `previousRole`; they are read as version 2.
 */
export const AUDIT_FORMAT_VERSION = 2;

/** One line of the audit file, as written (version 2) and as every reader gets it (version 1 converted). */
export interface AuditEvent extends HoldingRef {
  formatVersion: typeof AUDIT_FORMAT_VERSION;
  /** When the change was executed (ISO). */
  time: string;
  action: 'grant' | 'revoke' | 'update';
  outcome: Outcome['status'];
  /** Why a change failed or was skipped. */
  error?: string;
  /** The level granted or held (a team role, a repository permission). */
  level: string;
  /** For an update: the level held before. */
  previousLevel?: string;
  email?: string;
  reasons: string[];
  profiles: string[];
  /**
   * For a grant or update: when the last reason for holding ends (ISO; the shift's end plus the
   * window, or the request's expiry), `null` when open-ended (a static member). Absent on
   * revocations and on lines written before it was recorded.
   */
  until?: string | null;
  /** For a revocation: true when no profile ever wanted the holder and the tool had not granted it (added outside the tool). */
  drift?: true;
  /** The instant the plan was computed for, and the config it came from. */
  planAt: string;
  configHash: string;
  /** The git commit of the config repository, when known. */
  commit?: string;
  /** GitHub Actions run, when running there. */
  run?: { id?: string; attempt?: string; actor?: string; workflow?: string; repository?: string; event?: string };
  /**
   * Set when the outcome was decided by a later run, because the apply that sent the change was
   * interrupted before it recorded the answer: what that run observed (see src/apply/journal.ts).
   */
  interrupted?: string;
}
