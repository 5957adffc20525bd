/**
 * The terminal rendering of a plan, plus the pieces every human-readable renderer shares:
 * grouping and ordering of changes, instants, the summary sentence and the neutralising of
 * control characters found in data. Everything here is pure: same plan, same text.
 */
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../core/diagnostics.js';
import { byCodeUnits } from '../core/diff.js';
import { entitlementKey, refOf, type EntitlementRef, type KindSpec } from '../core/entitlement.js';
import { idLabel, type Action, type Adoption, type Change, type HeldAccess, type Plan, type Subject } from '../core/plan.js';
import { KINDS, nameOf } from '../targets/kinds.js';

/** The changes to one entitlement on one target, as rendered under one heading. */
export interface ChangeGroup {
  /** Name of the target, as declared in the config. */
  target: string;
  /** The entitlement, as the group's first change names it. */
  entitlement: EntitlementRef;
  /** How it reads: `org/team` or `org/repo (repository)` (see `entitlementName`). */
  name: string;
  /** Every profile named by the group's changes, sorted, without duplicates. */
  profiles: string[];
  /** Never empty; sorted by action (grant, revoke, update), then login. */
  changes: Change[];
}

const ACTION_ORDER: Record<Action, number> = { grant: 0, revoke: 1, update: 2 };
const SIGN: Record<Action, string> = { grant: '+', revoke: '-', update: '~' };
const COLOR: Record<Action, string> = { grant: '\x1b[32m', revoke: '\x1b[31m', update: '\x1b[33m' };
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';

/** C0 and C1 controls, line and paragraph separators, and bidirectional overrides/isolates. */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** An ISO 8601 instant with an explicit offset: the only form {@link formatInstant} rewrites. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;


function compareChanges(a: Change, b: Change): number {
  return (
    ACTION_ORDER[a.action] - ACTION_ORDER[b.action] ||
    byCodeUnits(a.subject.login.toLowerCase(), b.subject.login.toLowerCase()) ||
    byCodeUnits(a.subject.login, b.subject.login)
  );
}

/** The first `/`-separated segment of a resource: for GitHub, the organisation. */
function firstSegment(resource: string): string {
  return resource.split('/', 1)[0]!;
}

/**
 * Groups changes by entitlement (whatever the level), groups sorted by target, the first
 * segment of the resource (a GitHub organisation) and name, changes within a group by action
 * then login (case-insensitively, GitHub logins being so). Every change lands in exactly one
 * group; input order matters only between changes equal on all those keys.
 */
export function groupChanges(changes: readonly Change[]): ChangeGroup[] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    const key = entitlementKey(c.entitlement);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [c]);
    else group.push(c);
  }
  return [...groups.values()]
    .map((cs): ChangeGroup => {
      const entitlement = refOf(cs[0]!.entitlement);
      const profiles = [...new Set(cs.flatMap((c) => c.profiles))].sort(byCodeUnits);
      return { target: entitlement.target, entitlement, name: nameOf(entitlement), profiles, changes: cs.sort(compareChanges) };
    })
    .sort((a, b) => byCodeUnits(a.target, b.target) || byCodeUnits(firstSegment(a.entitlement.resource), firstSegment(b.entitlement.resource)) || byCodeUnits(a.name, b.name));
}

/**
 * Replaces every control character (newlines and ANSI escapes included), line separator and
 * bidirectional override in `text` by its `\uXXXX` spelling, so data printed to a terminal
 * stays on its line and cannot restyle, move the cursor or reorder what is shown.
 */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE_CHARS, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * An ISO 8601 instant in UTC, without zero milliseconds: `2026-11-25T17:00:00Z`; with
 * `minutes`, also without zero seconds: `2026-11-25T18:00Z`. A string that is not an ISO
 * instant with an offset is returned unchanged (never interpreted in the local time zone).
 */
export function formatInstant(iso: string, precision: 'seconds' | 'minutes'): string {
  const ms = ISO_INSTANT.test(iso) ? Date.parse(iso) : NaN;
  if (Number.isNaN(ms)) return iso;
  const seconds = new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
  return precision === 'minutes' ? seconds.replace(/:00Z$/, 'Z') : seconds;
}

/**
 * `login (email)`, or the login alone when the email is unknown or is the login (an Okta login is
 * often the person's email). For a kind whose accounts are
 * opaque ids (`KindSpec.account`, Slack's user ids): `alice (U02ABC)`, the email's local part
 * then the id, or the id alone.
 */
export function subjectLabel(subject: Subject, spec?: KindSpec): string {
  if (spec?.account === 'id') return idLabel(subject);
  return subject.email === undefined || subject.email.toLowerCase() === subject.login.toLowerCase() ? subject.login : `${subject.login} (${subject.email})`;
}

/** Who and at what level, as a change line starts: `bob (bob@x) as member`, `alice (U02ABC)` for a kind with one level. */
export function changeHead(change: Change): string {
  const role = roleLabel(change);
  return `${subjectLabel(change.subject, KINDS[change.entitlement.kind])}${role === '' ? '' : ` ${role}`}`;
}

/**
 * The level part of a change: `as member` for a grant or revoke, `member -> maintainer` for an
 * update; nothing for a kind with a single level (a Slack user group), where it says nothing.
 */
export function roleLabel(change: Change): string {
  if (KINDS[change.entitlement.kind]?.levels.length === 1) return '';
  if (change.action !== 'update') return `as ${change.entitlement.level}`;
  return `${change.previousLevel ?? '(unknown role)'} -> ${change.entitlement.level}`;
}

/** The annotations of a change, in display order: `until …`, pending invitation, drift. */
export function changeNotes(change: Change): string[] {
  const notes: string[] = [];
  if (change.until !== undefined) notes.push(`until ${formatInstant(change.until, 'minutes')}`);
  if (change.pending === true) notes.push('(pending invitation)');
  if (change.drift === true) notes.push('(drift: not wanted by any profile)');
  return notes;
}

/** `target: org/team` (or `target: org/repo (repository)`), the heading of a group. */
export function groupTitle(group: ChangeGroup): string {
  return `${group.target}: ${group.name}`;
}

/**
 * The one-line summary: `No changes. Access matches the profiles (N unchanged).` when there is
 * nothing to do and no error; `Plan incomplete: T teams frozen by read errors. For the rest: G to
 * grant, ...` when a read failed (see `PlanSummary.frozen`; kinds in their targets' order, each
 * counted with its plural); otherwise `Plan: G to grant, R to revoke, U to update, N unchanged.`
 * Counts come from `plan.summary`.
 */
export function summarySentence(plan: Plan): string {
  const { grant, revoke, update, unchanged, frozen } = plan.summary;
  if (plan.changes.length === 0 && !hasErrors(plan.diagnostics)) {
    return `No changes. Access matches the profiles (${unchanged} unchanged).`;
  }
  const counts = `${grant} to grant, ${revoke} to revoke, ${update} to update, ${unchanged} unchanged.`;
  if (frozen === undefined) return `Plan: ${counts}`;
  const kinds = [...Object.keys(KINDS), ...Object.keys(frozen).filter((k) => !(k in KINDS))];
  const what = kinds.map((k) => count(frozen[k] ?? 0, k, KINDS[k]?.plural)).filter((x) => x !== '').join(' and ');
  return `Plan incomplete: ${what} frozen by read errors. For the rest: ${counts}`;
}

/** `1 team`, `2 teams`; empty for none. */
function count(n: number, one: string, many = `${one}s`): string {
  if (n === 0) return '';
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The sentence introducing the entitlements being adopted, named by their kinds' plurals in
 * order of appearance (`teams`, `teams and groups`).
 */
export function adoptionIntro(adoption: readonly Pick<Adoption, 'kind'>[]): string {
  const kinds = [...new Set(adoption.map((a) => KINDS[a.kind]?.plural ?? a.kind))];
  return `Adopting ${kinds.join(' and ')} this tool has never applied to: members no profile wants are kept, not removed, until you say so.`;
}

/** A holder a team being adopted keeps: `mallory as maintainer (pending invitation)  (would be removed: adopting)`; without the level for a kind (`kind`) with a single one. */
export function keptLine(k: Adoption['kept'][number], kind?: string): string {
  const level = kind !== undefined && KINDS[kind]?.levels.length === 1 ? '' : ` as ${k.level}`;
  return `${k.login}${level}${k.pending ? ' (pending invitation)' : ''}  (would be removed: adopting)`;
}

/** How to let a team being adopted lose its unwanted holders: where the profile field goes, or the flag. */
export function adoptionHow(a: Adoption): string {
  const at = `${a.declaredAt.file}:${a.declaredAt.line}:${a.declaredAt.col}`;
  return `To remove them: set adopt: remove-drift on the entitlement at ${at}, or run apply once with --adopt remove-drift.`;
}

/** `target: org/team (profiles: …)`, the heading of a team being adopted. */
export function adoptionTitle(a: Adoption): string {
  return `${a.target}: ${nameOf(a)} (profiles: ${a.profiles.join(', ')})`;
}

/** The sentence introducing the holders kept by an incident hold. */
export const HOLD_INTRO = 'Kept by an incident hold: their window ended, but they are on an open incident.';

/**
 * A holder kept by an incident hold: `kept: bob-acme until resolved (at most 12:30Z): assigned to
 * incident #4821 "Checkout 500s" (acknowledged)`; the day is shown when the limit is not on the
 * day of `at` (UTC).
 */
export function holdLine(h: HeldAccess, at: string): string {
  const limit = h.until.slice(0, 10) === at.slice(0, 10) ? `${h.until.slice(11, 16)}Z` : `${h.until.slice(0, 10)} ${h.until.slice(11, 16)}Z`;
  const i = h.incident;
  const what = `incident #${i.number} ${JSON.stringify(i.title)} (${i.status})`;
  return `kept: ${h.login} until resolved (at most ${limit}): ${i.relation === 'assigned' ? `assigned to ${what}` : `acknowledged ${what}`}`;
}

/** `target: org/team (profile: …)`, the heading of the holders an incident hold keeps there. */
export function holdTitle(h: HeldAccess): string {
  return `${h.target}: ${nameOf(h)} (profile: ${h.profile})`;
}

/** Holds grouped under their entitlement's heading ({@link holdTitle}), in plan order. */
export function holdGroups(holds: readonly HeldAccess[]): [string, HeldAccess[]][] {
  const groups = new Map<string, HeldAccess[]>();
  for (const h of holds) groups.set(holdTitle(h), [...(groups.get(holdTitle(h)) ?? []), h]);
  return [...groups];
}

function paint(code: string, text: string, color: boolean): string {
  return color ? `${code}${text}${RESET}` : text;
}

function changeLine(change: Change, color: boolean): string {
  const parts = [`${SIGN[change.action]} ${changeHead(change)}`, ...changeNotes(change)];
  if (change.reasons.length > 0) parts.push(`— ${change.reasons.join('; ')}`);
  return `  ${paint(COLOR[change.action], sanitizeText(parts.join('  ')), color)}`;
}

function groupBlock(group: ChangeGroup, color: boolean): string {
  const profiles = group.profiles.length === 0 ? '' : ` (profiles: ${group.profiles.join(', ')})`;
  const title = sanitizeText(`${groupTitle(group)}${profiles}`);
  return [title, ...group.changes.map((c) => changeLine(c, color))].join('\n');
}

/**
 * Renders a plan for a terminal: a `Plan for <at>` header; one block per {@link groupChanges}
 * group, one line per change (`+` grant, `-` revoke, `~` update) with its notes and reasons
 * inline; the teams being adopted, one line (`?`) per holder kept; the holders an incident hold
 * keeps, one `kept:` line each; the diagnostics, sorted, as `file:line:col: severity: message`; and the
 * {@link summarySentence}. Blocks are separated by one blank line and the text ends with a
 * newline. Every change is exactly one line: data is passed through {@link sanitizeText}.
 * With `color`, change lines are green/red/yellow by action and errors red, warnings yellow;
 * without it the output contains no escape sequence. Decide `color` with {@link shouldColor}.
 */
export function renderText(plan: Plan, options: { color: boolean }): string {
  const { color } = options;
  const title = `Plan for ${sanitizeText(formatInstant(plan.at, 'seconds'))}`;
  const blocks = [plan.proposed ? `${title}, with the policy on ${sanitizeText(plan.proposed.base)} (what merging this pull request does)` : title];
  blocks.push(...groupChanges(plan.changes).map((g) => groupBlock(g, color)));
  if (plan.adoption) {
    blocks.push([adoptionIntro(plan.adoption), ...plan.adoption.flatMap((a) => [adoptionTitle(a), ...a.kept.map((k) => `  ? ${keptLine(k, a.kind)}`), `  ${adoptionHow(a)}`].map(sanitizeText))].join('\n'));
  }
  if (plan.holds) {
    blocks.push([HOLD_INTRO, ...holdGroups(plan.holds).flatMap(([title, holds]) => [title, ...holds.map((h) => `  ${holdLine(h, plan.at)}`)].map(sanitizeText))].join('\n'));
  }
  if (plan.diagnostics.length > 0) {
    const lines = sortDiagnostics(plan.diagnostics).map((d) =>
      paint(d.severity === 'error' ? RED : YELLOW, sanitizeText(formatDiagnostic(d)), color),
    );
    blocks.push(lines.join('\n'));
  }
  blocks.push(summarySentence(plan));
  const text = `${blocks.join('\n\n')}\n`;
  if (!plan.proposed) return text;
  const { plan: after, notPlanned } = plan.proposed;
  const rest = after ? renderText(after, options).replace(/^Plan for /, 'After this pull request, with its policy: plan for ') : `After this pull request, with its policy: not planned: ${sanitizeText(notPlanned ?? '')}\n`;
  return `${text}\n${rest}`;
}

function isSet(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

/**
 * Whether to colour what is written to `stream`. The first rule that applies decides:
 * 1. `NO_COLOR` set and non-empty: no (https://no-color.org);
 * 2. `FORCE_COLOR` set and non-empty: yes, unless it is `0` or `false`;
 * 3. `TERM=dumb`: no;
 * 4. otherwise: yes exactly when the stream is a TTY.
 */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (isSet(env.NO_COLOR)) return false;
  if (isSet(env.FORCE_COLOR)) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}
