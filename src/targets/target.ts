/**
 * The port a target implements: who holds each managed entitlement now, and the three writes.
 */
import type { TeamRole } from '../config/model.js';
import type { TeamEntitlement } from '../core/plan.js';

/** One account holding a team membership now. */
export interface Holder {
  login: string;
  role: TeamRole;
  /** `pending`: invited, not yet accepted. Pending counts as held. */
  state: 'active' | 'pending';
}

/** The outcome of reading one team: its immediate holders, or why they are unknown. */
export type HoldersRead = { ok: true; holders: Holder[] } | { ok: false; error: string };

/** A team to read, identified by org and slug. */
export interface TeamRef {
  org: string;
  team: string;
}

/** Email/login pairs from an identity source of the target, or why they could not be read. */
export type IdentityRead = { ok: true; pairs: { email: string; login: string }[] } | { ok: false; error: string };

/** A system holding entitlements. */
export interface Target {
  /** The organisation's SAML external identities, or its members' verified-domain emails. Reads only. */
  readIdentities(org: string, method: 'saml' | 'verifiedEmail'): Promise<IdentityRead>;
  /** Immediate holders of each team (child teams excluded), keyed by {@link teamKey}. */
  readHolders(teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>>;
  /** Adds `login` to the team with `entitlement.role`, or changes their role to it. */
  setMembership(entitlement: TeamEntitlement, login: string): Promise<void>;
  /** Removes `login` from the team (and cancels a pending invitation to it). */
  removeMembership(entitlement: TeamRef, login: string): Promise<void>;
}

/** `org/team` lower-cased (GitHub names are case-insensitive), the key for a team across the tool. */
export function teamKey(t: TeamRef): string {
  return `${t.org}/${t.team}`.toLowerCase();
}

/** `target/org/team` lower-cased: the key of one team's holders across several targets. */
export function holdingsKey(target: string, t: TeamRef): string {
  return `${target}/${teamKey(t)}`.toLowerCase();
}
