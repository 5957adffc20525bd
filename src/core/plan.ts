/**
 * The plan: the changes that would make reality match the profiles, as data. Renderers and
 * apply work from this alone; apply ignores `reasons`, which are for people.
 */
import type { Diagnostic, SourcePos } from './diagnostics.js';
import { entitlementName, refOf, type Entitlement, type EntitlementRef, type HoldingRef, type KindCatalogue } from './entitlement.js';
import type { Frozen } from './desire.js';
import type { AccessTimeline } from './intervals.js';

/**
 * Version of the JSON form of a plan; bumped on any incompatible change. Version 2: an
 * entitlement is `{target, kind, resource, level}` (version 1 had GitHub's `org` with `team` and
 * `role` or `repository` and `permission`, and the target beside it), an update's former level
 * is `previousLevel`, and the state bookkeeping, adoption and incident holds (`holds`) name
 * entitlements the same way.
 */
export const PLAN_FORMAT_VERSION = 2;

/**
 * What a change does:
 * - `grant`: the subject does not hold the entitlement and should (before: absent; after: `entitlement.level`);
 * - `revoke`: the subject holds it and should not (before: `entitlement.level`; after: absent);
 * - `update`: the subject holds it at another level (before: `previousLevel`; after: `entitlement.level`).
 */
export type Action = 'grant' | 'revoke' | 'update';

/** A person: always a target account; the email when the source side knows it. */
export interface Subject {
  login: string;
  email?: string;
}

/** One change to one subject's holding of one entitlement. */
export interface Change {
  action: Action;
  /** What is granted, revoked or updated, on which target; its level is the one wanted (grant, update) or held (revoke). */
  entitlement: Entitlement;
  subject: Subject;
  /** Why, in words: the profile and the shift, static membership, or drift. Never read by apply. */
  reasons: string[];
  /** Names of the profiles that manage this entitlement (for grouping). */
  profiles: string[];
  /** For `update`: the level held now. */
  previousLevel?: string;
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
  /** Desired holdings that already hold at the right level. */
  unchanged: number;
  /**
   * Managed teams and repositories the plan leaves frozen because a read failed: not read at all
   * (no change planned), or fed by a rotation or identity source that could not be read (nothing
   * revoked or downgraded). Absent when there are none: the plan is complete.
   */
  frozen?: Frozen;
}

/**
 * An exclusive entitlement of an adoptable kind (a GitHub team) this tool has never applied to,
 * whose current holders include people no profile wants and this tool did not grant: they are
 * kept (not revoked) until the user says `adopt: remove-drift` in the profile or
 * `--adopt remove-drift` for one run.
 */
export interface Adoption extends EntitlementRef {
  /** The holders kept, sorted by login, each with the level held. */
  kept: { login: string; level: string; pending?: true }[];
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
  prune: HoldingRef[];
  /** People on call now per rotation (binding key), recorded by apply for the empty-rotation guard. */
  onCall: Record<string, number>;
  /**
   * Exclusive entitlements apply records as adopted: never applied to before, fully read, and
   * keeping nobody after this plan (absent when the state does not track adoption).
   */
  adopt?: EntitlementRef[];
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

/** The holding a change grants, revokes or updates. */
export function holdingOf(c: Change): HoldingRef {
  return { ...refOf(c.entitlement), login: c.subject.login };
}

/** A person on a kind whose accounts are opaque ids: `alice (U02ABC)`, their email's local part then the id; the id alone without an email. */
export function idLabel(subject: Subject): string {
  return subject.email === undefined ? subject.login : `${subject.email.slice(0, subject.email.lastIndexOf('@'))} (${subject.login})`;
}

/**
 * A change in words: `grant alice on acme/sre as member`, `revoke bob from acme/sre`; `kinds`
 * name the entitlement. A kind with one level leaves it out; one whose accounts are opaque ids
 * names the person first when the email is known: `grant alice (U02ABC) on @payments-oncall`.
 */
export function describeChange(c: Change, kinds: KindCatalogue): string {
  const e = c.entitlement;
  const spec = kinds[e.kind];
  const who = spec?.account === 'id' ? idLabel(c.subject) : c.subject.login;
  const level = c.action === 'revoke' || spec?.levels.length === 1 ? '' : ` as ${e.level}`;
  return `${c.action} ${who} ${c.action === 'revoke' ? 'from' : 'on'} ${entitlementName(e, spec)}${level}`;
}

/** Counts changes by action; `frozen` is kept when any entitlement is. */
export function summarize(changes: readonly Change[], unchanged: number, frozen?: Frozen): PlanSummary {
  const summary: PlanSummary = { grant: 0, revoke: 0, update: 0, unchanged };
  for (const c of changes) summary[c.action] += 1;
  return frozen && Object.values(frozen).some((n) => n > 0) ? { ...summary, frozen } : summary;
}

/** What happened to one change. */
export interface Outcome {
  change: Change;
  status: 'applied' | 'failed' | 'skipped';
  /** Why it failed or was skipped, without secrets. */
  error?: string;
}
