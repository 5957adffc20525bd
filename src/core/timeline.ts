/**
 * timeline: the grants and revocations that the passage of time alone will cause between two
 * instants, found by evaluating `desire` at every shift boundary (widened by the windows) and
 * comparing consecutive states. Pure.
 */
import type { Diagnostic } from './diagnostics.js';
import { desire, type DesireInput, type ManagedEntitlement } from './desire.js';
import { refOf, type EntitlementRef } from './entitlement.js';
import { changeInstants } from './intervals.js';

/** One change of wanted access to one entitlement at an instant. */
export interface TimelineEvent extends EntitlementRef {
  /** ISO instant the change is due. */
  at: string;
  action: 'grant' | 'revoke' | 'update';
  login: string;
  email: string;
  /** The level wanted after the event (for revoke: the one wanted before it). */
  level: string;
  previousLevel?: string;
  /** Why access starts (for grant/update) or why it was held until now (for revoke). */
  reasons: string[];
}

/** The events between `from` (exclusive) and `to` (inclusive), in order, and problems met. */
export function timeline(input: Omit<DesireInput, 'at'>, from: Date, to: Date): { events: TimelineEvent[]; diagnostics: Diagnostic[] } {
  const start = desire({ ...input, at: from });
  let previous = start.entitlements;
  const events: TimelineEvent[] = [];
  for (const t of changeInstants(input, false).filter((i) => i > from.getTime() && i <= to.getTime())) {
    const at = new Date(t);
    const next = desire({ ...input, at }).entitlements;
    for (const [key, team] of next) events.push(...compare(at.toISOString(), previous.get(key), team));
    previous = next;
  }
  return { events, diagnostics: start.diagnostics };
}

function compare(at: string, before: ManagedEntitlement | undefined, after: ManagedEntitlement): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  const base = { at, ...refOf(after) };
  for (const [key, h] of after.holders) {
    const was = before?.holders.get(key);
    if (!was) out.push({ ...base, action: 'grant', login: h.login, email: h.email, level: h.level, reasons: h.reasons });
    else if (was.level !== h.level) out.push({ ...base, action: 'update', login: h.login, email: h.email, level: h.level, previousLevel: was.level, reasons: h.reasons });
  }
  for (const [key, h] of before?.holders ?? []) {
    if (!after.holders.has(key)) out.push({ ...base, action: 'revoke', login: h.login, email: h.email, level: h.level, reasons: h.reasons });
  }
  return out;
}
