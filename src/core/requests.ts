/**
 * Access requests at plan time: which merged requests are active at an instant, and whether
 * each was eligible when made (the subject was on call in one of the profile's rotations, or is
 * one of its members; the subject resolves to an account on the targets of the profile's
 * entitlements; in a pull request, its author is the subject or an approver). Pure.
 */
import { error, warning, type Diagnostic } from './diagnostics.js';
import type { AccessRequest, Profile } from './policy.js';
import { bindingKey, bindingLabel, covers, instant, type ShiftRead } from './shift.js';

/** A request that grants at the instant: its profile's entitlements to `login` until `until`. */
export interface ActiveRequest {
  /** The request file, as shown to the user. */
  file: string;
  profile: string;
  /**
   * The subject's login: as the request names it, or for an email, its account on the first
   * target of the profile's entitlements it resolves on (`desire` resolves an email on each
   * entitlement's own target).
   */
  login: string;
  email?: string;
  from: Date;
  until: Date;
  /** Why, in words: the request file, its reason and how the subject was eligible. */
  reason: string;
}

/** What {@link activeRequests} needs. */
export interface RequestInput {
  at: Date;
  requests: readonly AccessRequest[];
  profiles: readonly Profile[];
  /** Shifts per binding key, read over a span that includes every active request's start. */
  shifts: ReadonlyMap<string, ShiftRead>;
  /** The account of an email on a target (by target name), undefined when unknown. */
  resolve: (email: string, target: string) => string | undefined;
  /** In a pull request: its author, and the request files it adds or changes. */
  pullRequest?: { author: string; files: readonly string[] };
  /** Instead of the requests running at `at`, those overlapping this span (for timelines). */
  span?: { from: Date; to: Date };
  /**
   * Requests to profiles with `approval: review`: `required` (merged requests grant only with
   * {@link AccessRequest.review} approved, as plan and apply on the default branch judge them),
   * `pending` (a pull request's: a warning says whose approval it waits for); unchecked when absent.
   */
  review?: 'required' | 'pending';
}

/** How much earlier than the commit that brought it a request may start (clocks and CI queues). */
export const LANDING_TOLERANCE_MS = 5 * 60_000;

/**
 * When a request starts: its `requestedAt`, but no earlier than {@link LANDING_TOLERANCE_MS}
 * before it landed, so a request dated back to when its subject was on call grants nothing.
 */
export function requestStart(r: Pick<AccessRequest, 'requestedAt' | 'landed'>): Date {
  const landed = r.landed === undefined ? 0 : r.landed.at.getTime() - LANDING_TOLERANCE_MS;
  return new Date(Math.max(r.requestedAt.getTime(), landed));
}

/** The reason a request's grants give: `request FILE (how the subject was eligible): "REASON", until INSTANT`. */
export function requestReason(file: string, eligible: string, reason: string, until: Date): string {
  return `request ${file} (${eligible}): "${reason}", until ${instant(until)}`;
}

/** The request file a reason names when it is an access request's ({@link requestReason}), else undefined. */
export function requestFileOf(reason: string): string | undefined {
  return /^request (.+?\.ya?ml) \(/.exec(reason)?.[1];
}

/** The approver a request's reason names (`approved by carol-acme on pull request #12`), else undefined. */
export function requestApproverOf(reason: string): string | undefined {
  return /; approved by (\S+) on pull request #\d+\)/.exec(reason)?.[1];
}

/** The requests running at `at` (or over `span`, or added by the pull request) that are eligible, plus an error for each one that is not. */
export function activeRequests(input: RequestInput): { active: ActiveRequest[]; diagnostics: Diagnostic[] } {
  const active: ActiveRequest[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const r of input.requests) {
    const from = requestStart(r);
    const until = new Date(r.requestedAt.getTime() + r.durationMs);
    const inPr = input.pullRequest?.files.includes(r.file) ?? false;
    const running = input.span ? from < input.span.to && until > input.span.from : from <= input.at && input.at < until;
    if (!inPr && !running) continue;
    const p = input.profiles.find((x) => x.name === r.profile && x.mode === 'requestable');
    if (!p) continue;
    const problem = (message: string): void => void diagnostics.push({ ...error(`request ${r.file}: ${message}`, r.pos), code: 'request' });
    const byEmail = r.subject.includes('@');
    const logins = subjectLogins(r.subject, p, input.resolve);
    const login = [...logins.values()][0];
    if (!login) {
      problem(`nobody can resolve ${r.subject} to a GitHub login`);
      continue;
    }
    if (from >= until) {
      problem(`it ended at ${instant(until)}, before it reached the default branch (${instant(r.landed!.at)}, or now for a pull request); it grants nothing (file a new request)`);
      continue;
    }
    const eligible = eligibility(r, p, logins, from, input);
    if (!eligible) {
      const unread = p.rotations.filter((b) => !input.shifts.get(bindingKey(b))?.ok).map(bindingLabel);
      const late = from > r.requestedAt ? ` (a request starts when it reaches the default branch, not at its requestedAt ${r.requestedAt.toISOString()})` : '';
      problem(
        unread.length > 0
          ? `cannot tell whether ${r.subject} was on call at ${from.toISOString()}: ${unread.join(', ')} could not be read; granting nothing`
          : `${r.subject} was not on call in any rotation of profile ${p.name} at ${from.toISOString()}${late} and is not one of its members`,
      );
      continue;
    }
    if (inPr && input.pullRequest) {
      const author = input.pullRequest.author.toLowerCase();
      if (![...logins.values()].some((l) => l.toLowerCase() === author) && !p.approvers.some((a) => a.toLowerCase() === author)) {
        problem(`opened by ${input.pullRequest.author}, who is neither the subject (${login}) nor an approver of profile ${p.name}: request access for yourself`);
        continue;
      }
    }
    let approved = '';
    if (p.approval === 'review' && input.review !== undefined) {
      if (input.review === 'pending') {
        diagnostics.push({ ...warning(`request ${r.file}: waiting for approval from ${p.approvers.join(' or ') || `an approver (profile ${p.name} lists none)`} on this pull request, at its final commit; apply grants it only then`, r.pos), code: 'request' });
      } else if (r.review === undefined || 'missing' in r.review) {
        problem(`not approved: ${r.review?.missing ?? 'nobody checked who approved it'}; granting nothing`);
        continue;
      } else {
        approved = `; approved by ${r.review.approvedBy} on pull request #${r.review.pullRequest}`;
      }
    }
    active.push({ file: r.file, profile: p.name, login, ...(byEmail ? { email: r.subject } : {}), from, until, reason: requestReason(r.file, `${eligible}${approved}`, r.reason, until) });
  }
  return { active, diagnostics };
}

/**
 * The subject's account on each target of the profile's entitlements, by target name: the
 * subject itself when it is a login, else the email's account on that target where it has one.
 */
export function subjectLogins(subject: string, p: Pick<Profile, 'entitlements'>, resolve: RequestInput['resolve']): Map<string, string> {
  const logins = new Map<string, string>();
  for (const { target } of p.entitlements) {
    const login = subject.includes('@') ? resolve(subject, target) : subject;
    if (login !== undefined && !logins.has(target)) logins.set(target, login);
  }
  return logins;
}

/** How the subject was eligible when the request started (`from`), or undefined; `logins` are its accounts by target. */
function eligibility(r: AccessRequest, p: Profile, logins: ReadonlyMap<string, string>, from: Date, input: RequestInput): string | undefined {
  const same = (email: string): boolean => email.toLowerCase() === r.subject.toLowerCase() || [...logins].some(([target, login]) => input.resolve(email, target)?.toLowerCase() === login.toLowerCase());
  if (p.members.some(same)) return `member of profile ${p.name}`;
  for (const b of p.rotations) {
    const read = input.shifts.get(bindingKey(b));
    if (!read?.ok) continue;
    const shift = read.shifts.find((s) => same(s.email) && covers(s, p.window, from));
    if (shift) return `on call in ${bindingLabel(b)} until ${shift.end ? instant(shift.end) : 'open-ended'}`;
  }
  return undefined;
}
