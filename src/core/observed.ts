/**
 * What the observe step reads of a target, as the core uses it: who holds each entitlement now.
 */
import type { ReadFailure } from './diagnostics.js';

/** One account holding an entitlement now. */
export interface Holder {
  login: string;
  /** The level held (GitHub: the team role, or the repository permission). */
  role: string;
  /** `pending`: invited, not yet accepted. Pending counts as held. */
  state: 'active' | 'pending';
  /**
   * Set when something outside this tool's reach holds the entitlement for the account and the
   * target refuses to take it away (an Okta group rule): `rule <name>`. Such a holding is never
   * revoked; a plan that would revoke it warns instead.
   */
  heldBy?: string;
}

/** The outcome of reading one entitlement: its holders (for a team, its immediate members), or why they are unknown. */
export type HoldersRead = { ok: true; holders: Holder[] } | ReadFailure;
