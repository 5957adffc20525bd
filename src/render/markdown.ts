/**
 * The Markdown rendering of a plan, for pull-request comments and job summaries (GitHub
 * Flavored Markdown). Data in a plan may come from anyone who can edit a schedule or a file,
 * so every value from it goes through {@link escapeMarkdown}; only this module's own words
 * are markup.
 */
import { formatDiagnostic, sortDiagnostics, type Diagnostic, type Severity } from '../core/diagnostics.js';
import type { Action, Adoption, Change, HeldAccess, Plan, PlanSummary } from '../core/plan.js';
import type { AccessTimeline } from '../core/intervals.js';
import { renderGantt, timelineLabel } from './mermaid.js';
import {
  adoptionIntro,
  adoptionHow,
  adoptionTitle,
  keptLine,
  HOLD_INTRO,
  holdGroups,
  holdLine,
  changeNotes,
  formatInstant,
  groupChanges,
  groupTitle,
  changeHead,
  sanitizeText,
  summarySentence,
  type ChangeGroup,
} from './text.js';
import { plural } from '../core/wording.js';

/** Default bound on the length of the output: under GitHub's 65,536-character comment limit. */
export const DEFAULT_MAX_CHARS = 60_000;

/** Fold every group when the plan has more changes than this. */
const FOLD_TOTAL = 20;
/** Fold any group with more changes than this. */
const FOLD_GROUP = 10;

const ACTIONS: readonly Action[] = ['grant', 'revoke', 'update'];
const SEVERITIES: readonly { severity: Severity; alert: string }[] = [
  { severity: 'error', alert: 'CAUTION' },
  { severity: 'warning', alert: 'WARNING' },
];

/** Characters Markdown or HTML give meaning to, outside code. */
const MARKDOWN_SPECIAL = /[&<[\]\\`*_~|$]/g;

/**
 * A run of characters that are inert inside a code span or a `<code>` element wherever it sits
 * (no backtick, pipe, space, `<` or `&`): letters, digits, and the punctuation of emails,
 * logins, URLs and references.
 */
const CODE_RUN = /[\p{L}\p{M}\p{N}._%+\-@#:/?=~'!]+/u;

/** A {@link CODE_RUN} (captured), or else one {@link MARKDOWN_SPECIAL} character. */
const RUN_OR_SPECIAL = new RegExp(`(${CODE_RUN.source})|${MARKDOWN_SPECIAL.source}`, 'gu');

/** What GitHub turns into a link or a mention: `@` (mentions, emails), `#` (references), `://` and `www.`. */
const LINKABLE = /[@#]|:\/\/|www\./i;

/** Sentence punctuation at the end of a run, left outside its code span when the rest still needs one. */
const TRAILING = /[.:?!']+$/;

/** What is shown when even the summary would not fit; {@link renderMarkdown} needs room for it. */
const TOO_LARGE =
  '## oncall-access plan\n\nThe plan is too large to show here. The full plan is in the JSON output (job artifact).\n';

/** A piece of the output after the summary that can be left out when space runs short. */
interface Unit {
  kind: 'diagnostic' | 'group' | 'adoption' | 'hold';
  /** What goes between the previous piece and this one. */
  sep: string;
  text: string;
  /** Number of changes shown in the piece. */
  changes: number;
}

/**
 * Makes `text` inert in GitHub Markdown, in paragraphs, list items, headings and table cells,
 * while reading the same once rendered and copying as the same characters:
 * - control characters, line separators and bidi overrides become `\uXXXX` (see `sanitizeText`),
 *   so a value never leaves its line (no new list item, table row or block);
 * - `& < [ ] \ ` * _ ~ | $` become numeric character references, which CommonMark shows as the
 *   character but never treats as markup: no HTML tag, link, image, emphasis, code, math or
 *   table cell break;
 * - a word GitHub would link or mention (an email, `@login`, `#12`, a URL, `www.` address) is
 *   a code span, made only of characters a code span cannot be broken by: GitHub neither
 *   autolinks nor mentions inside code. A character reference would not do: `alice&#64;acme.example`
 *   is still autolinked, as the autolinker reads the decoded text.
 */
export function escapeMarkdown(text: string): string {
  return inert(text, (word) => `\`${word}\``);
}

/**
 * {@link escapeMarkdown} for text inside an HTML block (`<summary>`), where Markdown is not
 * parsed: the words GitHub would link or mention are `<code>` elements instead of code spans.
 */
export function escapeInHtmlBlock(text: string): string {
  return inert(text, (word) => `<code>${word}</code>`);
}

function inert(text: string, code: (word: string) => string): string {
  return sanitizeText(text).replace(RUN_OR_SPECIAL, (m, run?: string) => {
    if (run === undefined) return entity(m);
    if (!LINKABLE.test(run)) return run.replace(MARKDOWN_SPECIAL, entity);
    const trimmed = run.replace(TRAILING, '');
    const word = LINKABLE.test(trimmed) ? trimmed : run;
    return `${code(word)}${run.slice(word.length)}`;
  });
}

function entity(c: string): string {
  return `&#${c.charCodeAt(0)};`;
}

function countsTable(summary: PlanSummary): string {
  return [
    '| Grant | Revoke | Update | Unchanged |',
    '| ---: | ---: | ---: | ---: |',
    `| ${summary.grant} | ${summary.revoke} | ${summary.update} | ${summary.unchanged} |`,
  ].join('\n');
}

function diagnosticCounts(diagnostics: readonly Diagnostic[]): string {
  const counts = SEVERITIES.map(({ severity }) => [severity, diagnostics.filter((d) => d.severity === severity).length] as const)
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => plural(n, severity));
  return counts.length === 0 ? '' : ` Diagnostics: ${counts.join(', ')}.`;
}

function head(plan: Plan, title: string): string {
  const blocks = [
    `## ${title} ${escapeMarkdown(formatInstant(plan.at, 'seconds'))}${plan.proposed ? ` with the policy on ${escapeMarkdown(plan.proposed.base)}` : ''}`,
    `**${summarySentence(plan)}**${diagnosticCounts(plan.diagnostics)}`,
  ];
  if (plan.changes.length > 0) blocks.push(countsTable(plan.summary));
  return blocks.join('\n\n');
}

/** One GitHub alert per severity, errors first; each diagnostic is its own unit. */
function diagnosticUnits(diagnostics: readonly Diagnostic[]): Unit[] {
  return SEVERITIES.flatMap(({ severity, alert }) => {
    const ds = sortDiagnostics(diagnostics.filter((d) => d.severity === severity));
    return ds.map((d, i): Unit => {
      const item = `> - ${escapeMarkdown(formatDiagnostic(d))}`;
      const lead = `> [!${alert}]\n> **${plural(ds.length, severity)}**\n>\n`;
      return i === 0
        ? { kind: 'diagnostic', sep: '\n\n', text: `${lead}${item}`, changes: 0 }
        : { kind: 'diagnostic', sep: '\n', text: item, changes: 0 };
    });
  });
}

function actionCounts(changes: readonly Change[]): string {
  return ACTIONS.map((a) => [a, changes.filter((c) => c.action === a).length] as const)
    .filter(([, n]) => n > 0)
    .map(([a, n]) => `${n} to ${a}`)
    .join(', ');
}

function changeItem(change: Change): string {
  const notes = changeNotes(change).map((n) => ` ${escapeMarkdown(n)}`).join('');
  const reasons = change.reasons.length === 0 ? '' : ` — ${change.reasons.map(escapeMarkdown).join('; ')}`;
  return `- **${change.action}** ${escapeMarkdown(changeHead(change))}${notes}${reasons}`;
}

function groupUnit(group: ChangeGroup, fold: boolean): Unit {
  const blocks = [`### ${escapeMarkdown(groupTitle(group))} — ${actionCounts(group.changes)}`];
  if (group.profiles.length > 0) blocks.push(`Profiles: ${group.profiles.map(escapeMarkdown).join(', ')}`);
  const list = group.changes.map(changeItem).join('\n');
  const n = group.changes.length;
  blocks.push(fold ? `<details><summary>Show ${plural(n, 'change')}</summary>\n\n${list}\n\n</details>` : list);
  return { kind: 'group', sep: '\n\n', text: blocks.join('\n\n'), changes: n };
}

/** The holders incident holds keep, one unit per entitlement, the first led by {@link HOLD_INTRO}. */
function holdUnits(holds: readonly HeldAccess[], at: string): Unit[] {
  return holdGroups(holds).map(([title, group], i): Unit => {
    const text = `### ${escapeMarkdown(title)} — incident hold\n\n${group.map((h) => `- ${escapeMarkdown(holdLine(h, at))}`).join('\n')}`;
    return { kind: 'hold', sep: '\n\n', text: i === 0 ? `> [!NOTE]\n> ${HOLD_INTRO}\n\n${text}` : text, changes: 0 };
  });
}

/** The entitlements being adopted, each its own unit, the first led by {@link adoptionIntro}. */
function adoptionUnits(adoption: readonly Adoption[]): Unit[] {
  return adoption.map((a, i): Unit => {
    const list = a.kept.map((k) => `- ${escapeMarkdown(keptLine(k, a.kind))}`).join('\n');
    const text = `### ${escapeMarkdown(adoptionTitle(a))} — adopting\n\n${list}\n\n${escapeMarkdown(adoptionHow(a))}`;
    return { kind: 'adoption', sep: '\n\n', text: i === 0 ? `> [!NOTE]\n> ${adoptionIntro(adoption)}\n\n${text}` : text, changes: 0 };
  });
}

function cutNote(groups: number, changes: number, diagnostics: number, adoptions: number, holds: number, maxChars: number): string {
  const cut: string[] = [];
  if (groups > 0) cut.push(`${plural(changes, 'change')} in ${plural(groups, 'group')}`);
  if (diagnostics > 0) cut.push(plural(diagnostics, 'diagnostic'));
  if (adoptions > 0) cut.push(`${plural(adoptions, 'team')} being adopted`);
  if (holds > 0) cut.push(`the incident holds of ${plural(holds, 'entitlement')}`);
  return (
    `\n\n> [!NOTE]\n> Not shown, to stay under ${maxChars} characters: ${cut.join(' and ')}. ` +
    'The full plan is in the JSON output (job artifact).'
  );
}

/**
 * Renders a plan as GitHub Markdown: a heading naming the instant, the one-line summary and a
 * table of counts; then errors and warnings as GitHub alerts (errors first, each sorted by
 * position); then one section per entitlement group, ordered as in the text renderer. Lists
 * are folded in `<details>` when the plan has more than 20 changes or a group more than 10.
 *
 * A plan made by `plan` ends with its access timeline, folded: a Mermaid gantt chart of who holds
 * what over the next hours, cut to the room the plan leaves (see `timelineBlock`). A pull request
 * that changes policy shows the plan and the timeline with the base's policy, then both with its own.
 *
 * Invariants: the result never exceeds `options.maxChars` (default {@link DEFAULT_MAX_CHARS});
 * to fit, whole groups and then diagnostics are dropped from the end and a note says how many
 * changes, groups and diagnostics were cut; the timeline only gets the room left. The summary and counts always describe the whole
 * plan. Every data value is escaped with {@link escapeMarkdown}. The result ends with a newline.
 *
 * @throws RangeError when `maxChars` is not an integer large enough for the shortest output.
 */
export function renderMarkdown(plan: Plan, options: { maxChars?: number } = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < TOO_LARGE.length) {
    throw new RangeError(`maxChars must be an integer of at least ${TOO_LARGE.length}, got ${maxChars}`);
  }
  // A pull request that changes policy: the plan with the base's policy, then with its own, each in half the room.
  const half = Math.floor((maxChars - 1) / 2);
  if (!plan.proposed || half < TOO_LARGE.length) return renderSection(plan, maxChars, 'oncall-access plan for', 'Access timeline');
  const { plan: after, notPlanned } = plan.proposed;
  const rest = after ? renderSection(after, half, 'After this pull request, with its policy: plan for', 'Access timeline after this pull request, with its policy') : `## After this pull request, with its policy\n\nNot planned: ${escapeMarkdown(notPlanned ?? '')}`.slice(0, half - 1);
  const before = renderSection(plan, half, 'oncall-access plan for', `Access timeline with the policy on ${plan.proposed.base} (before this pull request)`);
  return `${before}\n${rest.endsWith('\n') ? rest : `${rest}\n`}`;
}

/**
 * One plan's section: {@link renderMarkdown} without a pull request's second plan, then the
 * plan's timeline ({@link timelineBlock}, titled `timelineTitle`) in the room the plan leaves.
 */
function renderSection(plan: Plan, maxChars: number, title: string, timelineTitle: string): string {
  const reserve = plan.timeline && maxChars - TIMELINE_LEFT_OUT.length >= TOO_LARGE.length ? TIMELINE_LEFT_OUT.length : 0;
  const text = renderPlanSection(plan, maxChars - reserve, title);
  return plan.timeline && reserve > 0 ? `${text}${timelineBlock(plan.timeline, timelineTitle, maxChars - text.length)}` : text;
}

/** Said instead of the timeline when not even the chart's header fits: the shortest {@link timelineBlock}. */
const TIMELINE_LEFT_OUT = '\n> [!NOTE]\n> The access timeline is left out, to stay under the size limit.\n';

/**
 * `timeline` folded in a `<details>` block whose summary is `title` (escaped) and the span: the
 * chart ({@link renderGantt}, in UTC) in a `mermaid` code block, which GitHub draws; then a line
 * saying how many bars were left out to fit, if any, and which entitlements nobody holds. Never
 * longer than `maxChars` (at least {@link TIMELINE_LEFT_OUT}'s length): when not even the chart's
 * header fits, it is {@link TIMELINE_LEFT_OUT}.
 */
function timelineBlock(timeline: AccessTimeline, title: string, maxChars: number): string {
  const hours = Math.round((Date.parse(timeline.to) - Date.parse(timeline.from)) / 3_600_000);
  const unheld = timeline.entitlements.filter((e) => e.holders.length === 0).map((e) => escapeMarkdown(timelineLabel(e)));
  const nobody = unheld.length === 0 ? '' : `\nHeld by nobody in this period: ${unheld.join(', ')}.\n`;
  const open = `\n<details><summary>${escapeInHtmlBlock(`${title}: who holds what over the next ${hours} h (UTC)`)}</summary>\n\n\`\`\`mermaid\n`;
  const close = (note: string): string => `\`\`\`\n${note}${nobody}\n</details>\n`;
  const cutNote = (bars: number, entitlements: number): string => `\nNot shown, to stay under ${maxChars} characters: ${plural(bars, 'bar')} of ${plural(entitlements, 'entitlement')}.\n`;
  const bars = timeline.entitlements.reduce((n, e) => n + e.holders.reduce((m, h) => m + h.intervals.length, 0), 0);
  const room = maxChars - open.length - close(cutNote(bars, timeline.entitlements.length)).length;
  const chart = renderGantt(timeline, { timeZone: 'UTC', maxChars: room });
  if (chart.text.length > room) return TIMELINE_LEFT_OUT;
  const { omitted } = chart;
  return `${open}${chart.text}${close(omitted.bars === 0 ? '' : cutNote(omitted.bars, omitted.entitlements))}`;
}

/** One plan's own section, without its timeline. */
function renderPlanSection(plan: Plan, maxChars: number, title: string): string {
  const fold = plan.changes.length > FOLD_TOTAL;
  const units = [
    ...diagnosticUnits(plan.diagnostics),
    ...adoptionUnits(plan.adoption ?? []),
    ...holdUnits(plan.holds ?? [], plan.at),
    ...groupChanges(plan.changes).map((g) => groupUnit(g, fold || g.changes.length > FOLD_GROUP)),
  ];
  const top = head(plan, title);
  const ends = [0];
  for (const u of units) ends.push(ends[ends.length - 1]! + u.sep.length + u.text.length);
  const cut = { groups: 0, changes: 0, diagnostics: 0, adoptions: 0, holds: 0 };
  for (let kept = units.length; ; kept -= 1) {
    const note = kept === units.length ? '' : cutNote(cut.groups, cut.changes, cut.diagnostics, cut.adoptions, cut.holds, maxChars);
    if (top.length + ends[kept]! + note.length + 1 <= maxChars) {
      const body = units.slice(0, kept).map((u) => u.sep + u.text).join('');
      return `${top}${body}${note}\n`;
    }
    if (kept === 0) return TOO_LARGE;
    const dropped = units[kept - 1]!;
    if (dropped.kind === 'group') {
      cut.groups += 1;
      cut.changes += dropped.changes;
    } else if (dropped.kind === 'adoption') {
      cut.adoptions += 1;
    } else if (dropped.kind === 'hold') {
      cut.holds += 1;
    } else {
      cut.diagnostics += 1;
    }
  }
}
