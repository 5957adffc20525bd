/**
 * The policy as the core reads it: profiles with their rotation bindings and entitlements,
 * access requests and the guards. `config/` loads and validates these (its workspace model
 * re-exports them); the core takes them as plain data.
 */
import type { SourcePos } from './diagnostics.js';
import type { EntitlementRef, Membership } from './entitlement.js';

/** Safety rails applied to every plan. */
export interface GuardConfig {
  /** Refuse a plan that revokes more than this many holdings in one run. */
  maxRevocations?: number;
  /** Refuse a plan that revokes more than this share (0..1) of any one team's holders. */
  maxRevocationShare?: number;
  /** GitHub logins that are never revoked (break-glass admins). */
  protectedAccounts: string[];
}

/** How an on-call binding selects people: one of these per `spec.rotations[]` item. */
export type RotationBinding =
  | { kind: 'schedule'; source: string; schedule: string; pos: SourcePos }
  | { kind: 'escalationPolicy'; source: string; escalationPolicy: string; levels?: number[]; pos: SourcePos }
  | { kind: 'rotation'; source: string; rotation: string; pos: SourcePos };

/**
 * One grantable thing a profile names, resolved with its target's declaration of the kind: the
 * profile's `team: payments-deployers` (with `role`) on target `github` of organisation `acme` is
 * kind `team`, resource `acme/payments-deployers`, at level `member` unless it says otherwise.
 */
export interface EntitlementSpec extends EntitlementRef {
  /** The resource as the profile writes it (`payments-deployers`), for messages about the profile. */
  written: string;
  /** The level the profile asks for, one of the kind's levels. */
  level: string;
  /** How it is managed: the profile's choice, or the kind's default. */
  membership: Membership;
  /** `remove-drift`: an exclusive entitlement of an adoptable kind loses, on its first apply, the holders no profile wants. */
  adopt?: 'remove-drift';
  pos: SourcePos;
}

/** `kind: AccessProfile`. */
export interface Profile {
  name: string;
  description?: string;
  mode: 'auto' | 'requestable';
  /** Longest duration one request may ask for, in milliseconds (requestable profiles). */
  maxRequestMs?: number;
  /** Requestable profiles: whether an eligible request may be merged without review. */
  approval: 'auto' | 'review';
  /** Requestable profiles: logins who approve requests and may request for others. */
  approvers: string[];
  rotations: RotationBinding[];
  /** Widening of each shift: granted `beforeMs` early, kept `afterMs` late. */
  window: { beforeMs: number; afterMs: number };
  /** Emails always entitled, whoever is on call. */
  members: string[];
  /** When true, a bound rotation may fall empty without the empty-rotation guard refusing revocations. */
  allowEmptyRotations: boolean;
  /**
   * Incident hold: a holder whose window ended keeps what they hold while assigned to, or having
   * acknowledged, an open incident routed through a bound PagerDuty rotation; never more than
   * `maxMs` after their window ended, never for someone who does not hold it.
   */
  incidentHold?: { maxMs: number; pos: SourcePos };
  entitlements: EntitlementSpec[];
  /** The profile's file relative to the config's directory, `/`-separated (what shard globs match). */
  file: string;
  pos: SourcePos;
}

/** `kind: AccessRequest`: a time-boxed request against a requestable profile, merged through a pull request. */
export interface AccessRequest {
  profile: string;
  /** Email or GitHub login of who gets access. */
  subject: string;
  reason: string;
  durationMs: number;
  /** Access starts here and ends `durationMs` later. */
  requestedAt: Date;
  /** The request file as shown to the user. */
  file: string;
  pos: SourcePos;
  /**
   * When the request reached the default branch (the first-parent commit that added its file,
   * whose time GitHub sets when it merges), or when this run first sees it (a file the pull
   * request adds, or not yet committed). Access starts no earlier than this, and eligibility is
   * judged then: a request cannot be backdated. Absent outside a git checkout.
   */
  landed?: { at: Date; commit?: string };
  /**
   * For a profile with `approval: review`, once merged: who approved the pull request that
   * brought it (at its final head, among the profile's approvers), or what is missing. Set by
   * the run that asked the forge; a review request without it grants nothing.
   */
  review?: { approvedBy: string; pullRequest: number } | { missing: string };
}
