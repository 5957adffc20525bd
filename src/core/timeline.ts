/**
 * timeline: the grants and revocations that the passage of time alone will cause between two
 * instants, found by evaluating `desire` at every shift boundary (widened by the windows) and
 * comparing consecutive states. Pure.
 */
import type { Diagnostic } from '../diagnostics.js';
import { desire, type DesireInput, type ManagedEntitlement } from './desire.js';
import { changeInstants } from './intervals.js';

/** One change of wanted access at an instant. */
export interface TimelineEvent {
  /** ISO instant the change is due. */
  at: string;
  action: 'grant' | 'revoke' | 'update';
  target: string;
  org: string;
  /** The team, for a team membership. */
  team?: string;
  /** The repository, for a repository permission. */
  repository?: string;
  login: string;
  email: string;
  /** The role (repository: permission) wanted after the event (for revoke: the one wanted before it). */
  role: string;
  previousRole?: string;
  /** Why access starts (for grant/update) or why it was held until now (for revoke). */
  reasons: string[];
}

/** The events between `from` (exclusive) and `to` (inclusive), in order, and problems met. */
export function timeline(input: Omit<DesireInput, 'at'>, from: Date, to: Date): { events: TimelineEvent[]; diagnostics: Diagnostic[] } {
  const start = desire({ ...input, at: from });
  let previous = start.teams;
  const events: TimelineEvent[] = [];
  for (const t of changeInstants(input, false).filter((i) => i > from.getTime() && i <= to.getTime())) {
    const at = new Date(t);
    const next = desire({ ...input, at }).teams;
    for (const [key, team] of next) events.push(...compare(at.toISOString(), previous.get(key), team));
    previous = next;
  }
  return { events, diagnostics: start.diagnostics };
}

function compare(at: string, before: ManagedEntitlement | undefined, after: ManagedEntitlement): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const base = { at, target: after.target, org: after.org, ...(after.kind === 'repository' ? { repository: after.repository } : { team: after.team }) };
  for (const [key, h] of after.holders) {
    const was = before?.holders.get(key);
    if (!was) out.push({ ...base, action: 'grant', login: h.login, email: h.email, role: h.role, reasons: h.reasons });
    else if (was.role !== h.role) out.push({ ...base, action: 'update', login: h.login, email: h.email, role: h.role, previousRole: was.role, reasons: h.reasons });
  }
  for (const [key, h] of before?.holders ?? []) {
    if (!after.holders.has(key)) out.push({ ...base, action: 'revoke', login: h.login, email: h.email, role: h.role, reasons: h.reasons });
  }
  return out;
}
