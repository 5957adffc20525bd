/**
 * A checker of Mermaid gantt charts, for tests: it tokenises each line the way Mermaid's gantt
 * lexer does (`packages/mermaid/src/diagrams/gantt/parser/gantt.jison`: case-insensitive rules,
 * tried in order, the first that matches wins) and accepts only the statements our charts may
 * hold, each on its own line: `gantt` first, then `title`, `dateFormat`, `axisFormat`,
 * `todayMarker`, `section`, whole-line `%%` comments, and tasks (`name :data`), whose data must be
 * tags from `active`, `done`, `crit`, `milestone`, then a start date in the chart's `dateFormat`
 * and an end date or a duration. Anything else (a directive, an `accTitle`, a `click`, text the
 * lexer would skip as a comment in the middle of a line, a task without a name or data, an
 * `INVALID` character) is an error naming the line.
 */

/** One statement the checker read. */
export type GanttStatement =
  | { kind: 'title' | 'dateFormat' | 'axisFormat' | 'todayMarker' | 'section'; value: string; line: number }
  | { kind: 'comment'; value: string; line: number }
  | { kind: 'task'; name: string; tags: string[]; start: string; end: string; section: string; line: number };

/** A chart read back, or the first problem found. */
export type GanttCheck = { ok: true; statements: GanttStatement[] } | { ok: false; error: string };

type Token = { type: string; text: string };

/** The lexer rules of the INITIAL state, in the grammar's order; `skip` rules produce no token. */
const RULES: { re: RegExp; type: string | 'skip' | 'reject' }[] = [
  { re: /^%%\{/, type: 'reject' },
  { re: /^accTitle\s*:\s*/i, type: 'reject' },
  { re: /^accDescr\s*:\s*/i, type: 'reject' },
  { re: /^accDescr\s*\{\s*/i, type: 'reject' },
  { re: /^%%(?!\{)[^\n]*/, type: 'comment' },
  { re: /^[^}]%%*[^\n]*/, type: 'hidden' },
  { re: /^%%*[^\n]*[\n]*/, type: 'hidden' },
  { re: /^[\n]+/, type: 'NL' },
  { re: /^\s+/, type: 'skip' },
  { re: /^#[^\n]*/, type: 'hidden' },
  { re: /^href[\s]+"/i, type: 'reject' },
  { re: /^call[\s]+/i, type: 'reject' },
  { re: /^click[\s]+/i, type: 'reject' },
  { re: /^gantt/i, type: 'gantt' },
  { re: /^dateFormat\s[^#\n;]+/i, type: 'dateFormat' },
  { re: /^inclusiveEndDates/i, type: 'reject' },
  { re: /^topAxis/i, type: 'reject' },
  { re: /^axisFormat\s[^#\n;]+/i, type: 'axisFormat' },
  { re: /^tickInterval\s[^#\n;]+/i, type: 'reject' },
  { re: /^includes\s[^#\n;]+/i, type: 'reject' },
  { re: /^excludes\s[^#\n;]+/i, type: 'reject' },
  { re: /^todayMarker\s[^\n;]+/i, type: 'todayMarker' },
  { re: /^weekday\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i, type: 'reject' },
  { re: /^weekend\s+(friday|saturday)/i, type: 'reject' },
  { re: /^\d\d\d\d-\d\d-\d\d/, type: 'reject' },
  { re: /^title\s[^#\n;]+/i, type: 'title' },
  { re: /^accDescription\s[^#\n;]+/i, type: 'reject' },
  { re: /^section\s[^#:\n;]+/i, type: 'section' },
  { re: /^[^#:\n;]+/, type: 'taskTxt' },
  { re: /^:[^#\n;]+/, type: 'taskData' },
  { re: /^:/, type: 'colon' },
  { re: /^./, type: 'INVALID' },
];

/** `line` as the lexer cuts it, or why it cannot be one of our statements. */
function tokens(line: string): Token[] | string {
  const out: Token[] = [];
  let rest = line;
  let first = true;
  while (rest.length > 0) {
    const rule = RULES.find((r) => r.re.test(rest))!;
    const text = rule.re.exec(rest)![0];
    if (rule.type === 'reject') return `"${text}" starts a construct our charts never use`;
    if (rule.type === 'hidden') return `"${text}" would be skipped as a comment`;
    if (rule.type === 'comment' && !first) return `"${text}" is a comment after a statement`;
    if (rule.type === 'INVALID') return `"${text}" is not a gantt token`;
    if (rule.type !== 'skip') out.push({ type: rule.type, text });
    if (rule.type !== 'skip') first = false;
    rest = rest.slice(text.length);
  }
  return out;
}

const TAGS = new Set(['active', 'done', 'crit', 'milestone']);
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const DURATION = /^\d+(\.\d+)?(ms|[Mdhmswy])$/;

function taskData(data: string): { tags: string[]; start: string; end: string } | string {
  const items = data.slice(1).split(',').map((s) => s.trim());
  const tags: string[] = [];
  while (items.length > 0 && TAGS.has(items[0]!)) tags.push(items.shift()!);
  if (items.length !== 2) return `task data "${data}" must be tags, a start and an end`;
  const [start, end] = items as [string, string];
  if (!DATE.test(start)) return `"${start}" is not a date in YYYY-MM-DD HH:mm:ss`;
  if (!DATE.test(end) && !DURATION.test(end)) return `"${end}" is neither a date nor a duration`;
  if (DATE.test(end) && end < start) return `the task ends (${end}) before it starts (${start})`;
  return { tags, start, end };
}

/** Reads `chart` back (see the module's notes). */
export function checkGantt(chart: string): GanttCheck {
  const statements: GanttStatement[] = [];
  const lines = chart.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let section = '';
  let dateFormat = '';
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const fail = (why: string): GanttCheck => ({ ok: false, error: `line ${n} (${JSON.stringify(line)}): ${why}` });
    const toks = tokens(line);
    if (typeof toks === 'string') return fail(toks);
    if (i === 0) {
      if (toks.length !== 1 || toks[0]!.type !== 'gantt' || toks[0]!.text !== 'gantt') return fail('the first line must be "gantt"');
      continue;
    }
    if (toks.length === 0) continue;
    const [a, b] = toks as [Token, Token | undefined];
    if (a.type === 'taskTxt') {
      if (toks.length !== 2 || b!.type !== 'taskData') return fail('a task is a name and ":" data');
      const data = taskData(b!.text);
      if (typeof data === 'string') return fail(data);
      statements.push({ kind: 'task', name: a.text.trim(), ...data, section, line: n });
      continue;
    }
    if (toks.length !== 1) return fail(`"${a.type}" must be alone on its line`);
    if (a.type === 'comment') {
      statements.push({ kind: 'comment', value: a.text.slice(2).trim(), line: n });
      continue;
    }
    const kind = a.type as 'title' | 'dateFormat' | 'axisFormat' | 'todayMarker' | 'section';
    if (!['title', 'dateFormat', 'axisFormat', 'todayMarker', 'section'].includes(kind)) return fail(`"${a.text}" is not a statement`);
    const value = a.text.slice(a.text.search(/\s/) + 1).trim();
    if (kind === 'section') section = value;
    if (kind === 'dateFormat') dateFormat = value;
    statements.push({ kind, value, line: n });
  }
  if (lines.length === 0) return { ok: false, error: 'the chart is empty' };
  if (dateFormat !== 'YYYY-MM-DD HH:mm:ss') return { ok: false, error: `dateFormat is "${dateFormat}", not YYYY-MM-DD HH:mm:ss` };
  return { ok: true, statements };
}
