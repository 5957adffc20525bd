/**
 * The access review report (`oncall-access report`): for a period, every holding of every
 * entitlement the tool managed (who, from when to when, for how many hours, and why), the
 * revocations that came late, the holdings it removed as drift (access made outside the tool),
 * the access requests it granted, the gaps between apply runs, the policy commits, and totals.
 *
 * Built from the audit log alone (plus the commits the command reads from git): a holding is an
 * applied grant up to the applied revocation of the same login (case-insensitive) and
 * entitlement, clipped to the period `[from, to)`. Pure: the command reads the files and runs git.
 */
import type { AuditEvent } from './audit-event.js';
import { entitlementKey, holdingKey, refOf, type EntitlementRef } from './entitlement.js';
import { requestApproverOf, requestFileOf } from './requests.js';

/** Version of the JSON form of a report; bumped on any incompatible change. */
export const REPORT_FORMAT_VERSION = 1;

/** A commit of the config repository that changed a file the config reads. */
export interface PolicyCommit {
  commit: string;
  /** The committer date (ISO 8601). */
  date: string;
  author: string;
  authorEmail: string;
  subject: string;
  /** The files it changed, from the repository's root. */
  files: string[];
  /** With `--live`: the pull request that brought it and who approved it, as the forge says now. */
  review?: CommitReview;
}

/**
 * What the forge says of a policy commit: its merged pull request, the author, and the reviewers
 * whose latest review approved it; or no pull request (`pullRequest: null`) with `note` saying
 * why (pushed without one, or the forge could not be read).
 */
export interface CommitReview {
  pullRequest: number | null;
  /** The pull request's author; null without a pull request, or for a deleted account. */
  author: string | null;
  approvedBy: string[];
  note: string | null;
}

/** The config repository's commits, or why they could not be read. */
export type PolicyHistory =
  | {
      available: true;
      commits: PolicyCommit[];
      /** True when the clone is shallow: older commits are missing. */
      shallow: boolean;
    }
  | { available: false; reason: string };

/** What {@link buildReport} works from. */
export interface ReportInput {
  /** The audit log's events, in any order. */
  events: readonly AuditEvent[];
  /** The policy commits; those outside the period are left out. */
  history: PolicyHistory;
  from: Date;
  /** The end of the period, excluded. */
  to: Date;
  /** A revocation up to this long after the holding's `until` is on time. */
  graceMs: number;
  /** When the report is made: a holding still held is judged up to here (or `to`, if earlier). */
  generatedAt: Date;
  /** Where the data came from, as shown to the reader. */
  sources: ReportSources;
  /** With `--live`: the holders of every managed entitlement, read from the targets. */
  live?: LiveInput;
  /** What the report says of an entitlement: its name for people and the other fields of {@link ReportEntitlement}. */
  describe: (ref: EntitlementRef) => ReportEntitlement;
}

/** The holders of the managed entitlements as read now (`report --live`), before they are compared with the log. */
export interface LiveInput {
  readAt: Date;
  entitlements: { ref: ReportEntitlement; read: { ok: true; holders: { login: string; role: string; state: 'active' | 'pending' }[] } | { ok: false; error: string } }[];
}

/** One account holding a managed entitlement now. */
export interface LiveHolder {
  login: string;
  role: string;
  /** Invited, not yet accepted. */
  pending: boolean;
  /** True when the audit log shows oncall-access granted it and has not revoked it since. */
  grantedByTool: boolean;
}

/** One managed entitlement's holders now, or why they could not be read. */
export interface LiveEntitlement extends ReportEntitlement {
  /** By login; null when the read failed. */
  holders: LiveHolder[] | null;
  error: string | null;
}

/** Who holds the managed entitlements now (`report --live`). */
export interface LiveHolders {
  readAt: string;
  /** By name, then target. */
  entitlements: LiveEntitlement[];
  /** Holders now whose access the audit log does not show oncall-access granting. */
  notGrantedByTool: number;
}

/** Where a report's data came from. */
export interface ReportSources {
  /** The audit log's path. */
  auditLog: string;
  /** False when there was no audit log (nothing applied yet, or the wrong state directory). */
  auditLogFound: boolean;
  /** The directory whose git history gave the policy changes. */
  configDirectory: string;
}

/**
 * How a holding's revocation compares with its `until`:
 * - `on-time`: revoked no later than `until` plus the grace;
 * - `late`: not revoked by then, and that instant fell before the end of the period;
 * - `not-due`: still held, and `until` plus the grace had not passed by the end of the period;
 * - `open-ended`: nothing ends the holding (a static member);
 * - `unknown`: its `until` is not in the audit log (lines written before it was recorded, or no grant in the log).
 */
export type Revocation = 'on-time' | 'late' | 'not-due' | 'open-ended' | 'unknown';

/** One person's holding of one entitlement, clipped to the period. */
export interface ReportHolding {
  login: string;
  email: string | null;
  /** The level (team role, repository permission), as last granted or updated. */
  role: string;
  /** When it started within the period: its grant, or the start of the period when granted before. */
  start: string;
  /** When it ended within the period; null when it was held at the end of the period. */
  end: string | null;
  hours: number;
  /** The applied grant (possibly before the period); null when the log has none: held since before the log shows. */
  grantedAt: string | null;
  /** The applied revocation (possibly after the period); null when the log has none yet. */
  revokedAt: string | null;
  /** When the last reason for holding ended (ISO), `open-ended` or `unknown`; see {@link Revocation}. */
  until: string;
  revocation: Revocation;
  /** For a late revocation: hours from `until` to the revocation, or, with none in the log, to the end of the period (or the report's making, if earlier). */
  lateHours: number | null;
  /** Why it was held: the reasons of its grant and updates. */
  reasons: string[];
  /** Why it was revoked; empty when it was not. */
  revokeReasons: string[];
  /** The config commit its grant was made from, when recorded. */
  commit: string | null;
}

/**
 * Which entitlement, as the report shows it: its name for people, its target, GitHub's
 * organisation with the team or the repository (the fields of report format 1), and the kind and
 * resource every target's entitlements have (added after them).
 */
export interface ReportEntitlement extends EntitlementRef {
  /** As people read it: `org/team`, or `org/repo (repository)`. */
  name: string;
  /** GitHub's organisation; null for another target's entitlement (as `team` and `repository` are). */
  org: string | null;
  team: string | null;
  repository: string | null;
}

/** One entitlement's holdings in the period. */
export interface EntitlementReport extends ReportEntitlement {
  /** Distinct people who held it. */
  people: number;
  personHours: number;
  /** In order of start, then login. */
  holdings: ReportHolding[];
}

/** A holding revoked late, or not at all, after its `until`. */
export interface LateRevocation {
  entitlement: ReportEntitlement;
  login: string;
  until: string;
  /** Null when the log has no revocation yet. */
  revokedAt: string | null;
  lateHours: number;
  reasons: string[];
  revokeReasons: string[];
}

/** A holding the tool found and removed that it had not granted: access made outside the tool. */
export interface DriftRemoval {
  entitlement: ReportEntitlement;
  login: string;
  role: string;
  removedAt: string;
  reasons: string[];
}

/** An access request whose grants were applied in the period. */
export interface GrantedRequest {
  /** The request file. */
  file: string;
  login: string;
  /** The entitlements it granted, by name. */
  entitlements: string[];
  /** Its first applied grant in the period. */
  grantedAt: string;
  /** The grant's reason: the file, how the subject was eligible, the request's reason, its expiry. */
  reason: string;
  /** Who approved its pull request, as the audit line records it; null without one (`approval: auto`, or granted before approvals were recorded). */
  approvedBy: string | null;
}

/** The longest time between two consecutive apply runs that wrote audit lines. */
export interface RunGap {
  from: string;
  to: string;
  hours: number;
}

/** The report's data: what every format renders. */
export interface AccessReport {
  formatVersion: typeof REPORT_FORMAT_VERSION;
  period: { from: string; to: string };
  generatedAt: string;
  /** The grace a revocation has after `until`, in minutes. */
  graceMinutes: number;
  sources: ReportSources;
  totals: {
    /** Distinct people who held any entitlement in the period. */
    people: number;
    holdings: number;
    personHours: number;
    /** Distinct access requests (approved: merged) whose grants were applied in the period. */
    requestsApproved: number;
    lateRevocations: number;
    /** Holdings whose revocation cannot be judged: `until` is not in the log. */
    unknownUntil: number;
    drift: number;
    /** Policy commits in the period; null when the git history could not be read. */
    policyChanges: number | null;
    /** Apply runs that wrote audit lines in the period. */
    applyRuns: number;
  };
  /** Entitlements with a holding in the period, by name. */
  entitlements: EntitlementReport[];
  /** By `until`. */
  lateRevocations: LateRevocation[];
  /** By time. */
  drift: DriftRemoval[];
  /** By first grant. */
  requests: GrantedRequest[];
  /** Null with fewer than two runs. */
  longestRunGap: RunGap | null;
  /** The commits in the period, oldest first. */
  policyChanges: PolicyHistory;
  /** With `--live`: who holds each managed entitlement now. */
  live?: LiveHolders;
}

/** A holding as the log builds it, before clipping. */
interface Span {
  entitlement: ReportEntitlement;
  login: string;
  email: string | null;
  role: string;
  /** -Infinity when the log does not show when it began. */
  start: number;
  grantedAt: number | null;
  revokedAt: number | null;
  until: string;
  reasons: string[];
  revokeReasons: string[];
  commit: string | null;
}

const HOUR_MS = 3_600_000;

/** Hours, to two decimals. */
function hours(ms: number): number {
  return Math.round(ms / (HOUR_MS / 100)) / 100;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function untilOf(e: AuditEvent): string {
  return e.until === undefined ? 'unknown' : e.until ?? 'open-ended';
}

function addReasons(into: string[], reasons: readonly string[]): void {
  for (const r of reasons) if (!into.includes(r)) into.push(r);
}

/** The applied events with their instants, in time order (file order among equal instants). */
function appliedInOrder(events: readonly AuditEvent[]): { e: AuditEvent; at: number }[] {
  return events.filter((e) => e.outcome === 'applied').map((e) => ({ e, at: Date.parse(e.time) })).sort((a, b) => a.at - b.at);
}

/** Every holding the applied events of the log show, in order of their first event, and the drift removals in the period. */
function spans(events: readonly AuditEvent[], from: number, to: number, describe: ReportInput['describe']): { spans: Span[]; drift: DriftRemoval[] } {
  const all: Span[] = [];
  const drift: DriftRemoval[] = [];
  const open = new Map<string, Span>();
  const ended = new Map<string, number>();
  for (const { e, at } of appliedInOrder(events)) {
    const entitlement = describe(refOf(e));
    const key = holdingKey(e);
    const held = open.get(key);
    const role = e.level;
    if (e.action === 'revoke') {
      if (e.drift === true && from <= at && at < to) drift.push({ entitlement, login: e.login, role, removedAt: iso(at), reasons: e.reasons });
      if (held) {
        held.revokedAt = at;
        held.revokeReasons = e.reasons;
        open.delete(key);
      } else if (e.drift !== true) {
        // Held since before the log shows a grant (e.g. a member before the tool managed the team).
        all.push({ entitlement, login: e.login, email: e.email ?? null, role, start: ended.get(key) ?? -Infinity, grantedAt: null, revokedAt: at, until: 'unknown', reasons: [], revokeReasons: e.reasons, commit: null });
      }
      ended.set(key, at);
    } else if (held) {
      // A grant while held (granted again after a removal the log cannot date) continues the holding.
      held.role = role;
      held.until = untilOf(e);
      addReasons(held.reasons, e.reasons);
    } else {
      const granted = e.action === 'grant' ? at : null;
      const span: Span = { entitlement, login: e.login, email: e.email ?? null, role, start: granted ?? ended.get(key) ?? -Infinity, grantedAt: granted, revokedAt: null, until: untilOf(e), reasons: [...e.reasons], revokeReasons: [], commit: e.commit ?? null };
      open.set(key, span);
      all.push(span);
    }
  }
  return { spans: all, drift };
}

/** How a holding's revocation compares with its `until`; see {@link Revocation}. */
function judge(span: Span, to: number, observedTo: number, graceMs: number): { revocation: Revocation; lateHours: number | null } {
  if (span.until === 'unknown' || span.until === 'open-ended') return { revocation: span.until, lateHours: null };
  const due = Date.parse(span.until);
  if (span.revokedAt !== null && span.revokedAt <= due + graceMs) return { revocation: 'on-time', lateHours: null };
  if (due + graceMs >= Math.min(to, observedTo)) return { revocation: 'not-due', lateHours: null };
  return { revocation: 'late', lateHours: hours((span.revokedAt ?? observedTo) - due) };
}

/** The distinct apply runs with audit lines in the period (by run id and attempt, else by plan), at their first line. */
function runStarts(events: readonly AuditEvent[], from: number, to: number): number[] {
  const runs = new Map<string, number>();
  for (const e of events) {
    const at = Date.parse(e.time);
    if (at < from || at >= to) continue;
    const key = e.run?.id !== undefined ? `run ${e.run.id}/${e.run.attempt ?? ''}` : `plan ${e.planAt}/${e.configHash}`;
    runs.set(key, Math.min(runs.get(key) ?? Infinity, at));
  }
  return [...runs.values()].sort((a, b) => a - b);
}

function longestGap(starts: readonly number[]): RunGap | null {
  let best: RunGap | null = null;
  let bestMs = -1;
  for (let i = 1; i < starts.length; i += 1) {
    const ms = starts[i]! - starts[i - 1]!;
    if (ms > bestMs) {
      bestMs = ms;
      best = { from: iso(starts[i - 1]!), to: iso(starts[i]!), hours: hours(ms) };
    }
  }
  return best;
}

/** The access requests whose grants (or updates) were applied in the period. */
function grantedRequests(events: readonly AuditEvent[], from: number, to: number, describe: ReportInput['describe']): GrantedRequest[] {
  const byFile = new Map<string, GrantedRequest>();
  for (const { e, at } of appliedInOrder(events)) {
    if (e.action === 'revoke' || at < from || at >= to) continue;
    for (const reason of e.reasons) {
      const file = requestFileOf(reason);
      if (file === undefined) continue;
      const seen = byFile.get(file) ?? { file, login: e.login, entitlements: [], grantedAt: iso(at), reason, approvedBy: requestApproverOf(reason) ?? null };
      const name = describe(refOf(e)).name;
      if (!seen.entitlements.includes(name)) seen.entitlements.push(name);
      byFile.set(file, seen);
    }
  }
  return [...byFile.values()];
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The live holders, each marked with whether an open holding of the log (granted, not revoked since) covers it. */
function liveHolders(live: LiveInput, found: readonly Span[]): LiveHolders {
  const open = new Set(found.filter((s) => s.revokedAt === null).map((s) => holdingKey({ ...s.entitlement, login: s.login })));
  const entitlements = live.entitlements
    .map(({ ref, read }): LiveEntitlement => {
      if (!read.ok) return { ...ref, holders: null, error: read.error };
      const holders = read.holders
        .map((h) => ({ login: h.login, role: h.role, pending: h.state === 'pending', grantedByTool: open.has(holdingKey({ ...ref, login: h.login })) }))
        .sort((a, b) => byText(a.login.toLowerCase(), b.login.toLowerCase()));
      return { ...ref, holders, error: null };
    })
    .sort((a, b) => byText(a.name, b.name) || byText(a.target, b.target));
  return { readAt: live.readAt.toISOString(), entitlements, notGrantedByTool: entitlements.flatMap((e) => e.holders ?? []).filter((h) => !h.grantedByTool).length };
}

function distinctLogins(holdings: readonly ReportHolding[]): number {
  return new Set(holdings.map((h) => h.login.toLowerCase())).size;
}

/**
 * The report for `[input.from, input.to)`. Holdings that began before the period count from its
 * start; those still held at its end count up to it (`end: null`). A revocation is late when it
 * came more than the grace after the `until` its grant (or last update) recorded, or had not
 * come by the end of the period. Drift removals, requests, runs and commits are those inside the
 * period. Deterministic: the same input gives the same report.
 */
export function buildReport(input: ReportInput): AccessReport {
  const from = input.from.getTime();
  const to = input.to.getTime();
  const observedTo = Math.min(to, input.generatedAt.getTime());
  const found = spans(input.events, from, to, input.describe);
  const groups = new Map<string, { ref: ReportEntitlement; ms: number; holdings: ReportHolding[] }>();
  const late: LateRevocation[] = [];
  for (const s of found.spans) {
    const start = Math.max(s.start, from);
    const end = Math.min(s.revokedAt ?? Infinity, to);
    if (start >= end) continue;
    const { revocation, lateHours } = judge(s, to, observedTo, input.graceMs);
    const key = entitlementKey(s.entitlement);
    const group = groups.get(key) ?? { ref: s.entitlement, ms: 0, holdings: [] };
    groups.set(key, group);
    group.ms += end - start;
    group.holdings.push({
      login: s.login,
      email: s.email,
      role: s.role,
      start: iso(start),
      end: end < to ? iso(end) : null,
      hours: hours(end - start),
      grantedAt: s.grantedAt === null ? null : iso(s.grantedAt),
      revokedAt: s.revokedAt === null ? null : iso(s.revokedAt),
      until: s.until,
      revocation,
      lateHours,
      reasons: s.reasons,
      revokeReasons: s.revokeReasons,
      commit: s.commit,
    });
    if (lateHours !== null) late.push({ entitlement: s.entitlement, login: s.login, until: s.until, revokedAt: s.revokedAt === null ? null : iso(s.revokedAt), lateHours, reasons: s.reasons, revokeReasons: s.revokeReasons });
  }
  const sorted = [...groups.values()].sort((a, b) => byText(a.ref.name, b.ref.name) || byText(a.ref.target, b.ref.target));
  const entitlements: EntitlementReport[] = sorted.map((g) => ({
    ...g.ref,
    people: distinctLogins(g.holdings),
    personHours: hours(g.ms),
    holdings: g.holdings.sort((a, b) => byText(a.start, b.start) || byText(a.login.toLowerCase(), b.login.toLowerCase())),
  }));
  const holdings = entitlements.flatMap((g) => g.holdings);
  const starts = runStarts(input.events, from, to);
  const requests = grantedRequests(input.events, from, to, input.describe);
  const history: PolicyHistory = input.history.available
    ? { ...input.history, commits: input.history.commits.filter((c) => from <= Date.parse(c.date) && Date.parse(c.date) < to).sort((a, b) => Date.parse(a.date) - Date.parse(b.date)) }
    : input.history;
  return {
    formatVersion: REPORT_FORMAT_VERSION,
    period: { from: iso(from), to: iso(to) },
    generatedAt: input.generatedAt.toISOString(),
    graceMinutes: input.graceMs / 60_000,
    sources: input.sources,
    totals: {
      people: distinctLogins(holdings),
      holdings: holdings.length,
      personHours: hours(sorted.reduce((ms, g) => ms + g.ms, 0)),
      requestsApproved: requests.length,
      lateRevocations: late.length,
      unknownUntil: holdings.filter((h) => h.revocation === 'unknown').length,
      drift: found.drift.length,
      policyChanges: history.available ? history.commits.length : null,
      applyRuns: starts.length,
    },
    entitlements,
    lateRevocations: late.sort((a, b) => Date.parse(a.until) - Date.parse(b.until)),
    drift: found.drift,
    requests,
    longestRunGap: longestGap(starts),
    policyChanges: history,
    ...(input.live === undefined ? {} : { live: liveHolders(input.live, found.spans) }),
  };
}
