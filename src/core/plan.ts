/**
 * The plan: the changes that would make reality match the profiles, as data. Renderers and
 * apply work from this alone; apply ignores `reasons`, which are for people.
 */
import type { Diagnostic, SourcePos } from '../diagnostics.js';
import type { RepoPermission, TeamRole } from '../config/model.js';
import type { AccessTimeline } from './intervals.js';

/** Version of the JSON form of a plan; bumped on any incompatible change. */
export const PLAN_FORMAT_VERSION = 1;

/**
 * What a change does:
 * - `grant`: the subject does not hold the entitlement and should (before: absent; after: `entitlement.role`);
 * - `revoke`: the subject holds it and should not (before: `entitlement.role`; after: absent);
 * - `update`: the subject holds it with another role (before: `previousRole`; after: `entitlement.role`).
 */
export type Action = 'grant' | 'revoke' | 'update';

/** A GitHub team membership with a role. */
export interface TeamEntitlement {
  kind: 'team';
  org: string;
  team: string;
  /** For grant/update the role wanted; for revoke the role held. */
  role: TeamRole;
}

/** A GitHub repository permission held as a direct collaborator. Always additive: only ledger grants are revoked. */
export interface RepoEntitlement {
  kind: 'repository';
  org: string;
  repository: string;
  /** For grant/update the permission wanted; for revoke the permission held. */
  permission: RepoPermission;
}

/** Anything a change grants or revokes. */
export type Entitlement = TeamEntitlement | RepoEntitlement;

/** A team role or a repository permission: the level an entitlement is held at. */
export type Level = TeamRole | RepoPermission;

/** How an entitlement (or a reference to one) reads to people: `org/team`, or `org/repo (repository)`. */
export function entitlementName(e: { org: string; team?: string; repository?: string }): string {
  return typeof e.repository === 'string' ? `${e.org}/${e.repository} (repository)` : `${e.org}/${e.team}`;
}

/** The level an entitlement is granted at (or held at, for a revocation): the role or the permission. */
export function entitlementLevel(e: Entitlement): Level {
  return e.kind === 'repository' ? e.permission : e.role;
}

/** Rank of each level within its kind: the highest wins when several reasons ask. */
export const LEVEL_RANK: Record<Level, number> = { member: 0, maintainer: 1, pull: 0, triage: 1, push: 2, maintain: 3, admin: 4 };

/** A person: always a target account; the email when the source side knows it. */
export interface Subject {
  login: string;
  email?: string;
}

/** One change to one subject's holding of one entitlement. */
export interface Change {
  action: Action;
  /** Name of the target (as declared in the config) the change is made on. */
  target: string;
  entitlement: Entitlement;
  subject: Subject;
  /** Why, in words: the profile and the shift, static membership, or drift. Never read by apply. */
  reasons: string[];
  /** Names of the profiles that manage this entitlement (for grouping). */
  profiles: string[];
  /** For `update`: the role (or repository permission) held now. */
  previousRole?: Level;
  /** For `grant`/`update`: when the last reason for holding ends (ISO instant); absent when open-ended. */
  until?: string;
  /** For `revoke`: true when no profile ever wanted this holder (added outside the tool). */
  drift?: boolean;
  /** True when the holding is a pending invitation rather than an active membership. */
  pending?: boolean;
}

/** Counts of changes by action, plus holdings already right. */
export interface PlanSummary {
  grant: number;
  revoke: number;
  update: number;
  /** Desired holdings that already hold with the right role. */
  unchanged: number;
  /**
   * Managed teams and repositories the plan leaves frozen because a read failed: not read at all
   * (no change planned), or fed by a rotation or identity source that could not be read (nothing
   * revoked or downgraded). Absent when there are none: the plan is complete.
   */
  frozen?: Frozen;
}

/** Counts of frozen entitlements by kind (see {@link PlanSummary.frozen}). */
export interface Frozen {
  teams: number;
  repositories: number;
}

/** A team on a target: what adoption is recorded for. */
export interface TargetTeam {
  target: string;
  org: string;
  team: string;
}

/**
 * An exclusive team this tool has never applied to, whose current holders include people no
 * profile wants and this tool did not grant: they are kept (not revoked) until the user says
 * `adopt: remove-drift` in the profile or `--adopt remove-drift` for one run.
 */
export interface Adoption extends TargetTeam {
  /** The holders kept, sorted by login. */
  kept: { login: string; role: TeamRole; pending?: true }[];
  /** Profiles that manage the team. */
  profiles: string[];
  /** Where the first of them declares the team: where `adopt: remove-drift` goes. */
  declaredAt: SourcePos;
}

/**
 * A holder whose window ended, kept by their profile's incident hold: not a change (apply does
 * nothing for it) but a revocation not made, with why and until when at the latest.
 */
export interface HeldAccess extends HoldingRef {
  /** The profile whose `incidentHold` keeps it. */
  profile: string;
  /** The latest instant the hold lasts to (ISO): the window's end plus `incidentHold.max`. */
  until: string;
  /** The open incident the person is assigned to (or acknowledged). */
  incident: { number: number; title: string; status: 'triggered' | 'acknowledged'; relation: 'assigned' | 'acknowledged' };
}

/** Bookkeeping apply performs besides the changes. */
export interface PlanState {
  /** Grant-ledger entries whose holding is gone (removed by hand): dropped by apply. */
  prune: { target: string; org: string; team?: string; repository?: string; login: string }[];
  /** People on call now per rotation (binding key), recorded by apply for the empty-rotation guard. */
  onCall: Record<string, number>;
  /**
   * Exclusive teams apply records as adopted: never applied to before, fully read, and keeping
   * nobody after this plan (absent in plans made before adoption existed).
   */
  adopt?: TargetTeam[];
}

/** An access request a pull request adds, as the plan checked it. */
export interface PlanRequest {
  /** The request file, as shown to the user. */
  file: string;
  profile: string;
  subject: string;
  /** The profile's approval mode: `auto` needs no human review when eligible. */
  approval: 'auto' | 'review';
  /** False when the request is refused (an error diagnostic says why). */
  eligible: boolean;
}

/** A complete plan for one instant. */
export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  /** The instant the plan was computed for (ISO 8601, UTC). */
  at: string;
  /** When the plan was computed (wall clock); a saved plan older than the allowed age is refused. */
  createdAt: string;
  /** SHA-256 over the loaded config files; a saved plan made from other files is refused. */
  configHash: string;
  changes: Change[];
  summary: PlanSummary;
  diagnostics: Diagnostic[];
  state: PlanState;
  /** In a pull request: the access requests it adds, checked. Absent elsewhere. */
  requests?: PlanRequest[];
  /** Teams being adopted whose unwanted holders this plan keeps; absent when there are none. */
  adoption?: Adoption[];
  /** Holders kept by an incident hold, sorted by holding; absent when there are none. */
  holds?: HeldAccess[];
  /**
   * In a pull request that changes policy: this plan is made with the policy of the base branch
   * (`base`), which is what merging does for the pull request's requests; `plan` is the same
   * instant with the pull request's own policy, or `notPlanned` says why it was not made.
   */
  proposed?: { base: string; plan?: Plan; notPlanned?: string };
  /** Made by `plan` (not `apply`): who holds each managed entitlement over the 24 hours from `at`, for the timeline chart. */
  timeline?: AccessTimeline;
}

/** One login's holding of one team or repository on one target: what a ledger entry and a change are about. */
export interface HoldingRef {
  /** Name of the target, as declared in the config. */
  target: string;
  org: string;
  /** The team, for a team membership. */
  team?: string;
  /** The repository, for a repository permission. */
  repository?: string;
  login: string;
}

/** `target/org/team/login` (or `target/org/repo (repository)/login`) lower-cased: GitHub names are case-insensitive. */
export function holdingKey(h: HoldingRef): string {
  return `${h.target}/${entitlementName(h)}/${h.login}`.toLowerCase();
}

/** The holding a change grants, revokes or updates. */
export function holdingOf(c: Change): HoldingRef {
  const e = c.entitlement;
  return e.kind === 'repository' ? { target: c.target, org: e.org, repository: e.repository, login: c.subject.login } : { target: c.target, org: e.org, team: e.team, login: c.subject.login };
}

/** A change in words: `grant alice on acme/sre as member`, `revoke bob from acme/sre`. */
export function describeChange(c: Change): string {
  return `${c.action} ${c.subject.login} ${c.action === 'revoke' ? 'from' : 'on'} ${entitlementName(c.entitlement)}${c.action === 'revoke' ? '' : ` as ${entitlementLevel(c.entitlement)}`}`;
}

/** Counts changes by action; `frozen` is kept when any team or repository is. */
export function summarize(changes: readonly Change[], unchanged: number, frozen?: Frozen): PlanSummary {
  const summary: PlanSummary = { grant: 0, revoke: 0, update: 0, unchanged };
  for (const c of changes) summary[c.action] += 1;
  return frozen && frozen.teams + frozen.repositories > 0 ? { ...summary, frozen } : summary;
}
