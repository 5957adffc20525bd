/**
 * The access timeline as a Mermaid gantt chart (GitHub renders ```` ```mermaid ```` blocks in
 * comments and job summaries): one section per entitlement, one bar per stretch a holder holds
 * it, the plan's instant as a milestone. Pure.
 *
 * Names in the chart come from configs and sources (logins, team and repository names, rotation
 * labels), so each goes through {@link mermaidText}: Mermaid's gantt lexer
 * (`packages/mermaid/src/diagrams/gantt/parser/gantt.jison`) ends a task name at `:`, `#`, `;`
 * or a newline, reads `%` after a character and everything after `#` as a comment, and reads a
 * line starting with a keyword (`title`, `section`, `click`, `call`, a date...) as that
 * statement. Only this module's own words and dates are chart syntax.
 */
import type { HoldingKind } from '../core/desire.js';
import type { AccessTimeline, EntitlementIntervals, HeldInterval } from '../core/intervals.js';
import { KINDS, nameOf } from '../targets/kinds.js';
import { formatInZone, wallTimeAt } from '../core/zoned.js';

/** How each kind of stretch looks: its gantt tags (colours) and the words after the login. */
export const KIND_STYLE: Readonly<Record<HoldingKind, { tags: string; words: string }>> = {
  shift: { tags: '', words: 'on call' },
  before: { tags: 'active, ', words: 'before shift' },
  after: { tags: 'active, ', words: 'after shift' },
  request: { tags: 'crit, ', words: 'request' },
  member: { tags: 'done, ', words: 'static member' },
};

/** The only characters a value keeps: letters, digits, spaces and punctuation the gantt grammar, Markdown and HTML give no meaning to. */
const UNSAFE_CHAR = /[^\p{L}\p{N} ._@+\-/()=,]/gu;

/**
 * What a line must not start with (case-insensitively): the words and forms Mermaid's gantt
 * lexer reads as a statement or a directive before it reads a task name, and `vert`, a tag of
 * newer versions.
 */
const KEYWORD_START = /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|accdescription|acctitle|accdescr|section|click|href|call|vert|displaymode|\d{4}-\d{2}-\d{2})/i;

/** The longest a value is kept in a chart by default, in characters; longer ones end in `…`. */
export const MAX_VALUE = 80;

/** The longest a section name or comment is kept: an entitlement with the rotations it could not read. */
const MAX_LABEL = 240;

/**
 * `value` as inert text anywhere in a gantt chart (a task name, a section, the title): every
 * character but letters, digits, spaces and `._@+-/()=,` becomes `_` (so no `:`, `#`, `;`, `%`,
 * newline, backtick, `<`, `&` or `"`), runs of spaces become one, the ends are trimmed, at most
 * `max` characters are kept, and a value that would start with a keyword (or is
 * empty) gets a leading `_`. It can then never end a name, start a comment, a statement or a
 * directive, close the Markdown fence around the chart, or be read as HTML.
 */
export function mermaidText(value: string, max = MAX_VALUE): string {
  let text = value.replace(UNSAFE_CHAR, '_').replace(/ +/g, ' ').trim();
  if (text.length > max) text = `${text.slice(0, max - 1).trimEnd()}…`;
  return text === '' || KEYWORD_START.test(text) ? `_${text}` : text;
}

/** A Mermaid `dateFormat` date: the wall time of `iso` in `timeZone`. */
function chartDate(iso: string, timeZone: string): string {
  const w = wallTimeAt(new Date(iso), timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

/** A chart, and what it left out to stay within its length. */
export interface Gantt {
  /** The chart, lines joined by newlines, ending with one. */
  text: string;
  /** Bars left out (from the end) to stay within `maxChars`, and how many entitlements they belong to. */
  omitted: { bars: number; entitlements: number };
}

/** Options of {@link renderGantt}. */
export interface GanttOptions {
  /** IANA time zone the chart's dates and title are in. */
  timeZone: string;
  /** The longest the chart may be; unbounded when absent. */
  maxChars?: number;
}

/** One holder's interval; the level is left out for a kind with a single one (a Slack user group). */
function bar(login: string, i: HeldInterval, timeZone: string, single: boolean): string {
  const style = KIND_STYLE[i.kind];
  return `    ${mermaidText(`${login} (${style.words}${single ? '' : `, ${i.level}`})`)} :${style.tags}${chartDate(i.start, timeZone)}, ${chartDate(i.end, timeZone)}`;
}

/** An entitlement as a chart names it: `acme/team`, with `(incomplete, could not read ROTATION)` when a rotation feeding it was not read. Not escaped. */
export function timelineLabel(e: EntitlementIntervals): string {
  return `${nameOf(e)}${e.unknown ? ` (incomplete, could not read ${e.unknown.join(', ')})` : ''}`;
}

/**
 * `timeline` as a Mermaid gantt chart in `options.timeZone`: the header (title, date and axis
 * formats, no today marker: the viewer's today is not the plan's), a milestone at `from`, a
 * comment naming each entitlement nobody holds, then a section per entitlement someone holds
 * with a bar per stretch, named `login (kind, level)` and
 * tagged by kind ({@link KIND_STYLE}: windows `active`, requests `crit`, static members `done`,
 * shifts untagged). Every line is a gantt statement; every value is {@link mermaidText}.
 * With `maxChars`, bars are left out from the end (a section with none left goes too) so that
 * the text fits, and counted in `omitted`; the header, milestone and comments always stay.
 */
export function renderGantt(timeline: AccessTimeline, options: GanttOptions): Gantt {
  const { timeZone } = options;
  const hours = Math.round((Date.parse(timeline.to) - Date.parse(timeline.from)) / 3_600_000);
  const lines = [
    'gantt',
    `    title ${mermaidText(`Access from ${formatInZone(new Date(timeline.from), timeZone).replace(':', 'h')} for ${hours} h`)}`,
    '    dateFormat YYYY-MM-DD HH:mm:ss',
    `    axisFormat ${hours <= 72 ? '%a %H:%M' : '%a %d %b'}`,
    '    todayMarker off',
    '    section Plan',
    `    plan instant :milestone, ${chartDate(timeline.from, timeZone)}, 0m`,
    ...timeline.entitlements.filter((e) => e.holders.length === 0).map((e) => `    %% held by nobody in this period: ${mermaidText(timelineLabel(e), MAX_LABEL)}`),
  ];
  let length = lines.reduce((n, l) => n + l.length + 1, 0);
  const fits = (n: number): boolean => options.maxChars === undefined || n <= options.maxChars;
  const omitted = { bars: 0, entitlements: 0 };
  for (const e of timeline.entitlements.filter((x) => x.holders.length > 0)) {
    const header = `    section ${mermaidText(timelineLabel(e), MAX_LABEL)}`;
    const single = KINDS[e.kind]?.levels.length === 1;
    const bars = e.holders.flatMap((h) => h.intervals.map((i) => bar(h.login, i, timeZone, single)));
    const kept: string[] = [];
    let used = header.length + 1;
    for (const b of omitted.bars === 0 ? bars : []) {
      if (!fits(length + used + b.length + 1)) break;
      kept.push(b);
      used += b.length + 1;
    }
    if (kept.length > 0) {
      lines.push(header, ...kept);
      length += used;
    }
    if (kept.length < bars.length) {
      omitted.bars += bars.length - kept.length;
      omitted.entitlements += 1;
    }
  }
  return { text: `${lines.join('\n')}\n`, omitted };
}
