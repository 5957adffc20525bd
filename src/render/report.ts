/**
 * The renderings of an access review report (src/core/report.ts): Markdown for a GitHub issue or
 * job summary, CSV with one row per holding for spreadsheets and auditors, and JSON (the data).
 * Pure. Every value in a report comes from the audit log or git, which anyone who can edit a
 * profile, a request or a commit message influences, so Markdown escapes every one with
 * {@link escapeMarkdown} ({@link escapeInHtmlBlock} inside `<summary>`) and CSV neutralises
 * cells a spreadsheet would run as formulas.
 */
import type { AccessReport, DriftRemoval, EntitlementReport, GrantedRequest, LateRevocation, LiveHolders, PolicyCommit, ReportHolding, Revocation } from '../core/report.js';
import { DEFAULT_MAX_CHARS, escapeInHtmlBlock, escapeMarkdown as esc } from './markdown.js';
import { formatInstant, sanitizeText } from './text.js';
import { plural } from '../core/wording.js';

/** The CSV columns, in order: the header row of {@link renderReportCsv}. Stable: new columns are only ever appended. */
export const REPORT_CSV_COLUMNS = [
  'entitlement',
  'target',
  'org',
  'team',
  'repository',
  'login',
  'email',
  'role',
  'start',
  'end',
  'held_at_end',
  'hours',
  'granted_at',
  'revoked_at',
  'until',
  'revocation',
  'late_hours',
  'reasons',
  'grant_commit',
] as const;

/** An instant to the minute: `2026-07-01T09:00Z`. */
function at(iso: string): string {
  return esc(formatInstant(iso, 'minutes'));
}

/** A period edge: the date alone at midnight UTC, else the instant. */
function edge(iso: string): string {
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : at(iso);
}

function table(head: readonly string[], align: readonly ('l' | 'r')[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(' | ')} |`, `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function person(login: string, email: string | null): string {
  return email === null ? esc(login) : `${esc(login)} (${esc(email)})`;
}

function reasons(list: readonly string[]): string {
  return list.length === 0 ? '—' : list.map(esc).join('; ');
}

const REVOCATION: Record<Exclude<Revocation, 'late'>, string> = { 'on-time': 'on time', 'not-due': 'not due', 'open-ended': '—', unknown: 'unknown' };

function revocation(h: ReportHolding): string {
  return h.revocation === 'late' ? `late by ${h.lateHours} h` : REVOCATION[h.revocation];
}

function untilText(until: string): string {
  return until === 'open-ended' || until === 'unknown' ? until : at(until);
}

function holdingFrom(h: ReportHolding): string {
  if (h.grantedAt === null) return `${at(h.start)} (no grant in the log)`;
  return h.grantedAt === h.start ? at(h.start) : `${at(h.start)} (granted ${at(h.grantedAt)})`;
}

function holdingTo(h: ReportHolding): string {
  if (h.end !== null) return at(h.end);
  return h.revokedAt === null ? 'held at the end of the period' : `held at the end of the period (revoked ${at(h.revokedAt)})`;
}

function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** A titled list: folded when it has items, one line when it has none. */
function section(title: string, items: number, none: string, body: () => string): string {
  return items === 0 ? `**${title}:** ${none}` : details(`${title}: ${items}`, body());
}

function entitlementBlock(g: EntitlementReport): string {
  const rows = g.holdings.map((h) => [person(h.login, h.email), esc(h.role), holdingFrom(h), holdingTo(h), String(h.hours), untilText(h.until), revocation(h), reasons(h.reasons)]);
  return details(
    `${escapeInHtmlBlock(`${g.target}: ${g.name}`)}: ${plural(g.holdings.length, 'holding')}, ${plural(g.personHours, 'person-hour')}`,
    table(['Person', 'Role', 'From', 'To', 'Hours', 'Until', 'Revocation', 'Why it was held'], ['l', 'l', 'l', 'l', 'r', 'l', 'l', 'l'], rows),
  );
}

function lateBlock(late: readonly LateRevocation[], graceMinutes: number): string {
  return section('Late revocations', late.length, 'none.', () =>
    [
      `Revoked more than ${graceMinutes} min after the holding's until (the end of the shift plus the profile's window, or the request's expiry), or not revoked by the end of the period.`,
      table(
        ['Entitlement', 'Person', 'Until', 'Revoked', 'Late by', 'Why it was held', 'Why it was revoked'],
        ['l', 'l', 'l', 'l', 'r', 'l', 'l'],
        late.map((l) => [esc(`${l.entitlement.target}: ${l.entitlement.name}`), esc(l.login), at(l.until), l.revokedAt === null ? 'not revoked' : at(l.revokedAt), `${l.lateHours} h`, reasons(l.reasons), reasons(l.revokeReasons)]),
      ),
    ].join('\n\n'),
  );
}

function driftBlock(drift: readonly DriftRemoval[]): string {
  return section('Drift removed', drift.length, 'none: oncall-access removed no access it had not granted.', () =>
    [
      'Access someone gave outside oncall-access (no profile wanted it and the tool had not granted it), which oncall-access removed.',
      table(
        ['Entitlement', 'Person', 'Role', 'Removed', 'Why it was removed'],
        ['l', 'l', 'l', 'l', 'l'],
        drift.map((d) => [esc(`${d.entitlement.target}: ${d.entitlement.name}`), esc(d.login), esc(d.role), at(d.removedAt), reasons(d.reasons)]),
      ),
    ].join('\n\n'),
  );
}

function requestsBlock(requests: readonly GrantedRequest[]): string {
  return section('Access requests approved', requests.length, 'none.', () =>
    table(
      ['Request', 'Person', 'Entitlements', 'Granted', 'Approved by', 'Reason'],
      ['l', 'l', 'l', 'l', 'l', 'l'],
      requests.map((r) => [esc(r.file), esc(r.login), r.entitlements.map(esc).join(', '), at(r.grantedAt), r.approvedBy === null ? 'no review (approval: auto)' : esc(r.approvedBy), esc(r.reason)]),
    ),
  );
}

function commitRow(c: PolicyCommit): string[] {
  return [esc(c.commit.slice(0, 12)), at(c.date), esc(c.author), esc(c.subject), c.files.map(esc).join(', ')];
}

/** The pull request and approvers of a commit (`report --live`), for its row. */
function reviewCells(c: PolicyCommit): string[] {
  const r = c.review;
  if (r === undefined) return ['—', '—'];
  if (r.pullRequest === null) return [esc(r.note ?? 'none'), '—'];
  const by = r.author === null ? '' : ` by ${esc(r.author)}`;
  return [`#${r.pullRequest}${by}`, r.approvedBy.length === 0 ? 'nobody' : r.approvedBy.map(esc).join(', ')];
}

function policyBlock(report: AccessReport): string {
  const history = report.policyChanges;
  if (!history.available) return `**Policy changes:** unknown: ${esc(history.reason)}.`;
  return section('Policy changes', history.commits.length, 'none.', () =>
    [
      `Commits of ${esc(report.sources.configDirectory)} that changed the config, a profile, a rotation, the identities or a request, as merged (first parents).`,
      report.live === undefined
        ? table(['Commit', 'Date', 'Author', 'Subject', 'Files'], ['l', 'l', 'l', 'l', 'l'], history.commits.map(commitRow))
        : table(['Commit', 'Date', 'Author', 'Subject', 'Files', 'Pull request', 'Approved by'], ['l', 'l', 'l', 'l', 'l', 'l', 'l'], history.commits.map((c) => [...commitRow(c), ...reviewCells(c)])),
    ].join('\n\n'),
  );
}

/** Who holds each managed entitlement now (`report --live`), access the tool did not grant first. */
function liveBlock(live: LiveHolders): string {
  const rows = live.entitlements.flatMap((e) => {
    const name = esc(`${e.target}: ${e.name}`);
    if (e.holders === null) return [[name, '—', '—', `could not be read: ${esc(e.error ?? '')}`]];
    if (e.holders.length === 0) return [[name, 'nobody', '—', '—']];
    return e.holders.map((h) => [name, `${esc(h.login)}${h.pending ? ' (invited)' : ''}`, esc(h.role), h.grantedByTool ? 'yes' : '**no**: not granted by oncall-access']);
  });
  return details(
    `Holders now (read ${at(live.readAt)}): ${plural(live.notGrantedByTool, 'holder')} not granted by oncall-access`,
    [
      'Who holds each team and repository the profiles manage, read from the API. "No" marks access the audit log does not show oncall-access granting and not revoking since: a member from before the tool managed it, a static member of an additive team, or access given by hand.',
      table(['Entitlement', 'Holder', 'Role', 'Granted by oncall-access'], ['l', 'l', 'l', 'l'], rows),
    ].join('\n\n'),
  );
}

function alert(kind: 'WARNING' | 'NOTE', text: string): string {
  return `> [!${kind}]\n> ${text}`;
}

function head(report: AccessReport): string {
  const { totals: t, period, sources } = report;
  const blocks = [
    `## oncall-access access review: ${edge(period.from)} to ${edge(period.to)}`,
    `From ${at(period.from)} up to ${at(period.to)} (not included), from the audit log ${esc(sources.auditLog)} and the git history of ${esc(sources.configDirectory)}. Generated ${at(`${report.generatedAt.slice(0, 16)}Z`)}.`,
    table(
      ['People with access', 'Holdings', 'Person-hours', 'Requests approved', 'Late revocations', 'Drift removed', 'Policy changes'],
      ['r', 'r', 'r', 'r', 'r', 'r', 'r'],
      [[t.people, t.holdings, t.personHours, t.requestsApproved, t.lateRevocations, t.drift, t.policyChanges ?? 'unknown'].map(String)],
    ),
  ];
  if (report.entitlements.length > 0) {
    blocks.push(table(['Entitlement', 'People', 'Holdings', 'Person-hours'], ['l', 'r', 'r', 'r'], report.entitlements.map((g) => [esc(`${g.target}: ${g.name}`), String(g.people), String(g.holdings.length), String(g.personHours)])));
  }
  const gap = report.longestRunGap;
  blocks.push(
    gap === null
      ? `Apply runs that changed access: ${t.applyRuns}.`
      : `Apply runs that changed access: ${t.applyRuns}; the longest time between two: ${gap.hours} h (${at(gap.from)} to ${at(gap.to)}). Runs with nothing to change write no audit line, so this is an upper bound.`,
  );
  if (report.live !== undefined) {
    const now = report.live.entitlements.flatMap((e) => e.holders ?? []).length;
    const unread = report.live.entitlements.filter((e) => e.holders === null).length;
    const notes = [`${report.live.notGrantedByTool} of them not granted by oncall-access`, ...(unread > 0 ? [`${plural(unread, 'team or repository', 'teams or repositories')} could not be read`] : [])];
    blocks.push(`Holding access now (read ${at(report.live.readAt)}): ${plural(now, 'holder')}, ${notes.join('; ')}.`);
  }
  if (!sources.auditLogFound) blocks.push(alert('WARNING', `There is no audit log at ${esc(sources.auditLog)}: no change by oncall-access is recorded. Check the state directory (--state).`));
  if (report.policyChanges.available && report.policyChanges.shallow) blocks.push(alert('WARNING', 'The git history is shallow: older commits are missing. Check out with fetch-depth: 0.'));
  if (t.unknownUntil > 0) {
    blocks.push(alert('NOTE', `${plural(t.unknownUntil, 'holding')} cannot be judged for late revocation: the audit log does not record when its last reason ended (lines written before oncall-access recorded it, or no grant in the log).`));
  }
  return blocks.join('\n\n');
}

/**
 * The report as GitHub Markdown: a heading naming the period, the sources, a table of totals,
 * a table per entitlement (people, holdings, person-hours) and the apply-run gap; then, folded
 * in `<details>`, each entitlement's holdings, the late revocations, the drift removed, the
 * access requests approved and the policy commits (a section with nothing in it is one line).
 * The summary is always shown; folded sections that would take the output past `maxChars`
 * (default {@link DEFAULT_MAX_CHARS}, under GitHub's 65,536-character limit for an issue or
 * comment) are left out from the first that does not fit, and a note says how many. Every data
 * value is escaped. Ends with a newline.
 */
export function renderReportMarkdown(report: AccessReport, options: { maxChars?: number } = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const top = head(report);
  const sections = [
    ...report.entitlements.map(entitlementBlock),
    lateBlock(report.lateRevocations, report.graceMinutes),
    driftBlock(report.drift),
    requestsBlock(report.requests),
    policyBlock(report),
    ...(report.live === undefined ? [] : [liveBlock(report.live)]),
  ];
  const whole = [top, ...sections].join('\n\n');
  if (whole.length + 1 <= maxChars) return `${whole}\n`;
  let out = top;
  let shown = 0;
  const note = (left: number): string =>
    `\n\n${alert('NOTE', `${plural(left, 'section')} not shown, to stay under ${maxChars} characters. The CSV and JSON formats of the report (--format csv, --format json) have everything.`)}`;
  while (shown < sections.length && out.length + 2 + sections[shown]!.length + note(sections.length - shown - 1).length + 1 <= maxChars) {
    out += `\n\n${sections[shown]!}`;
    shown += 1;
  }
  return `${out}${note(sections.length - shown)}\n`;
}

/** A CSV cell: one line (control characters escaped), a leading formula character neutralised with `'`, quoted when needed (RFC 4180). */
function cell(value: string): string {
  const text = sanitizeText(value).replace(/^[=+\-@]/, "'$&");
  return /[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as CSV: a header row of {@link REPORT_CSV_COLUMNS}, then one row per holding, by
 * entitlement and start. `start` and `end` are the holding clipped to the period (`end` is the
 * period's end when `held_at_end` is `true`); `granted_at` and `revoked_at` are the audit log's
 * instants, possibly outside the period, empty when the log has none; `until` is an instant,
 * `open-ended` or `unknown`; `late_hours` is set for late revocations only; `reasons` are joined
 * with `; `. UTF-8, comma-separated, LF line ends.
 */
export function renderReportCsv(report: AccessReport): string {
  const rows = report.entitlements.flatMap((g) =>
    g.holdings.map((h) => [
      g.name,
      g.target,
      g.org ?? '',
      g.team ?? '',
      g.repository ?? '',
      h.login,
      h.email ?? '',
      h.role,
      h.start,
      h.end ?? report.period.to,
      String(h.end === null),
      String(h.hours),
      h.grantedAt ?? '',
      h.revokedAt ?? '',
      h.until,
      h.revocation,
      h.lateHours === null ? '' : String(h.lateHours),
      h.reasons.join('; '),
      h.commit ?? '',
    ]),
  );
  return [REPORT_CSV_COLUMNS, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

/** The report data as JSON (`formatVersion: 1`), indented by two spaces, ending with a newline. */
export function renderReportJson(report: AccessReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
