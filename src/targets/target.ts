/**
 * The port a target implements: who holds each managed team or repository now, and the writes.
 */
import type { RepoPermission } from '../config/model.js';
import type { ReadFailure } from '../diagnostics.js';
import { entitlementName, type Level, type TeamEntitlement } from '../core/plan.js';

/** One account holding a team membership (or a repository permission) now. */
export interface Holder {
  login: string;
  /** The team role, or for a repository the permission. */
  role: Level;
  /** `pending`: invited, not yet accepted. Pending counts as held. */
  state: 'active' | 'pending';
}

/** The outcome of reading one team: its immediate holders, or why they are unknown. */
export type HoldersRead = { ok: true; holders: Holder[] } | ReadFailure;

/** A team to read, identified by org and slug. */
export interface TeamRef {
  org: string;
  team: string;
}

/** A repository to read, identified by org (owner) and name. */
export interface RepoRef {
  org: string;
  repository: string;
}

/**
 * Email/login pairs from an identity source of the target, each with the attribute it came from
 * when the source has several (SAML: `nameId`, the subject the IdP asserts, or `emails`, attributes
 * an IdP administrator may fill with anything), or why they could not be read.
 */
export type IdentityRead = { ok: true; pairs: { email: string; login: string; attribute?: 'nameId' | 'emails' }[] } | ReadFailure;

/** A system holding entitlements. */
export interface Target {
  /** The organisation's SAML external identities, or its members' verified-domain emails. Reads only. */
  readIdentities(org: string, method: 'saml' | 'verifiedEmail'): Promise<IdentityRead>;
  /** Immediate holders of each team (child teams excluded), keyed by {@link teamKey}. */
  readHolders(teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>>;
  /** Direct collaborators of each repository and its pending invitations, keyed by {@link entitlementKey}. */
  readRepoHolders(repos: readonly RepoRef[]): Promise<Map<string, HoldersRead>>;
  /** Makes `login` a direct collaborator with `permission` (invites them, or changes their permission). */
  setRepoPermission(org: string, repository: string, login: string, permission: RepoPermission): Promise<void>;
  /** Removes `login` as a direct collaborator, or cancels their pending invitation. */
  removeRepoCollaborator(org: string, repository: string, login: string): Promise<void>;
  /** Adds `login` to the team with `entitlement.role`, or changes their role to it. */
  setMembership(entitlement: TeamEntitlement, login: string): Promise<void>;
  /** Removes `login` from the team (and cancels a pending invitation to it). */
  removeMembership(entitlement: TeamRef, login: string): Promise<void>;
}

/** `org/team` lower-cased (GitHub names are case-insensitive), the key for a team across the tool. */
export function teamKey(t: TeamRef): string {
  return `${t.org}/${t.team}`.toLowerCase();
}

/** `org/team` or `org/repo (repository)` lower-cased: the key of a team's or repository's holders. */
export function entitlementKey(e: { org: string; team?: string; repository?: string }): string {
  return entitlementName(e).toLowerCase();
}

/** `target/org/team` (or `target/org/repo (repository)`) lower-cased: the key of one entitlement's holders across several targets. */
export function holdingsKey(target: string, t: { org: string; team?: string; repository?: string }): string {
  return `${target}/${entitlementKey(t)}`.toLowerCase();
}
