/**
 * The timeline chart (src/render/mermaid.ts) and its place in the Markdown plan: every chart is
 * read back with a checker of Mermaid's gantt grammar (test/helpers/mermaid-gantt.ts), for
 * hand-made timelines, random worlds, and every value of the hostile corpus put where a login,
 * a team or an organisation goes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import fc from 'fast-check';
import type { HoldingKind } from '../src/core/desire.js';
import { heldIntervals, type AccessTimeline, type EntitlementIntervals } from '../src/core/intervals.js';
import { PLAN_FORMAT_VERSION, type Plan } from '../src/core/plan.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { KIND_STYLE, MAX_VALUE, mermaidText, renderGantt } from '../src/render/mermaid.js';
import { checkGantt, type GanttStatement } from './helpers/mermaid-gantt.js';
import { outsideCode } from './helpers/markdown.js';
import { worldInput } from './helpers/timeline-world.js';
import { runs, SEED, worldArb } from './helpers/world.js';

const FROM = '2026-11-30T07:50:00.000Z';
const TO = '2026-12-01T07:50:00.000Z';

function timeline(entitlements: EntitlementIntervals[]): AccessTimeline {
  return { from: FROM, to: TO, entitlements };
}

const team = (name: string, holders: EntitlementIntervals['holders'], extra: Partial<EntitlementIntervals> = {}): EntitlementIntervals => ({ target: 'github', kind: 'team', resource: `acme/${name}`, holders, ...extra });
const stretch = (kind: HoldingKind, start: string, end: string, level: 'member' | 'maintainer' = 'member') => ({ kind, start: `2026-11-30T${start}:00.000Z`, end: `2026-11-30T${end}:00.000Z`, level });

/** The chart read back; fails the test with the checker's error. */
function read(t: Test, chart: string): GanttStatement[] {
  const checked = checkGantt(chart);
  if (!checked.ok) t.fail(checked.error);
  return checked.ok ? checked.statements : [];
}

const tasks = (s: GanttStatement[]) => s.filter((x): x is Extract<GanttStatement, { kind: 'task' }> => x.kind === 'task');

const HANDOFF = timeline([
  team('payments-deployers', [
    { login: 'alice-acme', intervals: [stretch('shift', '07:50', '08:00'), stretch('after', '08:00', '08:30')] },
    { login: 'bob-acme', intervals: [stretch('before', '07:50', '08:00'), stretch('shift', '08:00', '23:00')] },
    { login: 'carol-acme', intervals: [stretch('member', '07:50', '23:00')] },
    { login: 'erin-acme', intervals: [stretch('request', '10:00', '12:00', 'maintainer')] },
  ]),
  team('payments-admins', []),
]);

t.test('a handoff as a chart: a section per held entitlement, a bar per stretch, kinds told apart by name and tag', async (t) => {
  const chart = renderGantt(HANDOFF, { timeZone: 'Europe/Berlin' });
  t.same(chart.omitted, { bars: 0, entitlements: 0 });
  t.equal(
    chart.text,
    [
      'gantt',
      '    title Access from Mon 2026-11-30 08h50 Europe/Berlin for 24 h',
      '    dateFormat YYYY-MM-DD HH:mm:ss',
      '    axisFormat %a %H:%M',
      '    todayMarker off',
      '    section Plan',
      '    plan instant :milestone, 2026-11-30 08:50:00, 0m',
      '    %% held by nobody in this period: acme/payments-admins',
      '    section acme/payments-deployers',
      '    alice-acme (on call, member) :2026-11-30 08:50:00, 2026-11-30 09:00:00',
      '    alice-acme (after shift, member) :active, 2026-11-30 09:00:00, 2026-11-30 09:30:00',
      '    bob-acme (before shift, member) :active, 2026-11-30 08:50:00, 2026-11-30 09:00:00',
      '    bob-acme (on call, member) :2026-11-30 09:00:00, 2026-12-01 00:00:00',
      '    carol-acme (static member, member) :done, 2026-11-30 08:50:00, 2026-12-01 00:00:00',
      '    erin-acme (request, maintainer) :crit, 2026-11-30 11:00:00, 2026-11-30 13:00:00',
      '',
    ].join('\n'),
  );
  const s = read(t, chart.text);
  t.same(
    tasks(s).map((x) => [x.section, x.tags.join(',')]),
    [['Plan', 'milestone'], ...['', 'active', 'active', '', 'done', 'crit'].map((tags) => ['acme/payments-deployers', tags])],
  );
  const long = renderGantt({ ...HANDOFF, to: '2026-12-05T07:50:00.000Z' }, { timeZone: 'UTC' });
  t.match(long.text, '    axisFormat %a %d %b\n', 'days on the axis past three days');
  const unread = timeline([team('x', [], { unknown: ['pagerduty schedule P1'] }), team('y', [{ login: 'a', intervals: [stretch('shift', '08:00', '09:00')] }], { unknown: ['rotation r'] })]);
  t.match(renderGantt(unread, { timeZone: 'UTC' }).text, '    %% held by nobody in this period: acme/x (incomplete, could not read pagerduty schedule P1)\n', 'an entitlement fed by an unread rotation says so');
  t.match(renderGantt(unread, { timeZone: 'UTC' }).text, '    section acme/y (incomplete, could not read rotation r)\n');
  t.match(renderMarkdown(plan({ timeline: unread })), '\nHeld by nobody in this period: acme/x (incomplete, could not read pagerduty schedule P1).\n');
});

t.test('a chart cut to a length keeps its header, drops bars from the end, and counts them', async (t) => {
  const full = renderGantt(HANDOFF, { timeZone: 'UTC' }).text;
  for (let max = 0; max <= full.length; max += 7) {
    const cut = renderGantt(HANDOFF, { timeZone: 'UTC', maxChars: max });
    const s = read(t, cut.text);
    const shown = tasks(s).length - 1;
    t.equal(shown + cut.omitted.bars, 6, `at ${max}: every bar shown or counted`);
    if (cut.omitted.bars > 0) t.equal(cut.omitted.entitlements, 1);
    if (shown > 0) t.ok(cut.text.length <= max, `at ${max}: within the length once a bar fits`);
  }
  t.same(renderGantt(HANDOFF, { timeZone: 'UTC', maxChars: full.length }).omitted, { bars: 0, entitlements: 0 });
  const two = timeline([team('a', [{ login: 'x', intervals: [stretch('shift', '08:00', '09:00')] }]), team('b', [{ login: 'y', intervals: [stretch('shift', '08:00', '09:00')] }])]);
  const header = renderGantt(timeline([]), { timeZone: 'UTC' }).text.length;
  const onlyFirst = renderGantt(two, { timeZone: 'UTC', maxChars: header + 100 });
  t.same(onlyFirst.omitted, { bars: 1, entitlements: 1 }, 'a section with no bar left goes whole');
  t.notMatch(onlyFirst.text, 'section acme/b');
});

t.test('mermaidText keeps letters, digits and plain punctuation, and nothing the grammar, Markdown or HTML reads', async (t) => {
  const cases: [string, string][] = [
    ['alice-acme', 'alice-acme'],
    ['a: b # c ; d', 'a_ b _ c _ d'],
    ['line\nbreak\rand\u2028more', 'line_break_and_more'],
    ['%%{init: {"theme":"dark"}}%%', '___init_ __theme___dark_____'],
    ['x%y', 'x_y'],
    ['<img src=x onerror=alert(1)>', '_img src=x onerror=alert(1)_'],
    ['```', '___'],
    ['title Owned', '_title Owned'],
    ['  SECTION x', '_SECTION x'],
    ['click alice call evil()', '_click alice call evil()'],
    ['2026-11-30 is a date', '_2026-11-30 is a date'],
    ['gantt', '_gantt'],
    ['', '_'],
    ['   ', '_'],
    ['\u202eevil', '_evil'],
    ['ünïcødé 名前', 'ünïcødé 名前'],
    ['a    b', 'a b'],
    ['&amp; &#58;', '_amp_ __58_'],
  ];
  for (const [i, [value, want]] of cases.entries()) t.equal(mermaidText(value), want, `case ${i}`);
  const long = mermaidText('x'.repeat(500));
  t.equal(long.length, MAX_VALUE);
  t.ok(long.endsWith('…'));
});

/** Every line of every file of the hostile corpus, and the files whole: values a config or a source could hold. */
function hostileValues(): string[] {
  const out = new Set<string>(['%%{init: {"securityLevel": "loose"}}%%', 'x : crit, 2020-01-01, 1d', 'a\n    click a href "javascript:alert(1)"', '</details><script>alert(1)</script>', '```\n# heading', ':::', '#', ';', 'accTitle: x', 'section', '\u0000\u001b[2J', 'vert 2026-11-30']);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const text = readFileSync(path).toString('utf8');
        out.add(text.slice(0, 2_000));
        for (const line of text.split(/\r?\n/).slice(0, 200)) {
          out.add(line);
          const value = /:\s*(.*)$/.exec(line)?.[1];
          if (value) out.add(value.replace(/^["']|["']$/g, ''));
        }
      }
    }
  };
  walk(join(import.meta.dirname, 'fixtures', 'hostile', 'cases'));
  return [...out];
}

t.test('the hostile corpus as logins, teams, organisations and rotation labels: the chart stays valid and each value stays one harmless name', async (t) => {
  const values = hostileValues();
  t.ok(values.length > 300, `${values.length} values`);
  for (const [n, v] of values.entries()) {
    const e = { target: 'github', kind: 'team', resource: `${v}/${v}`, holders: [{ login: v, intervals: [stretch('shift', '08:00', '09:00'), stretch('after', '09:00', '09:30')] }], unknown: [v] };
    const repo = { target: 'github', kind: 'repository', resource: `acme/${v}`, holders: [{ login: `x${v}`, intervals: [stretch('request', '08:00', '09:00')] }] };
    const chart = renderGantt(timeline([e, repo, team(v, [])]), { timeZone: 'UTC' });
    const checked = checkGantt(chart.text);
    if (!checked.ok) {
      t.fail(`value ${n} ${JSON.stringify(v.slice(0, 80))}: ${checked.error}`);
      continue;
    }
    const s = checked.statements;
    const names = tasks(s).map((x) => x.name);
    if (names.length !== 4 || s.filter((x) => x.kind === 'section').length !== 3 || s.filter((x) => x.kind === 'comment').length !== 1) t.fail(`value ${n} ${JSON.stringify(v.slice(0, 80))}: a bar, a section or the comment was lost or added`);
    if (names.slice(1).some((name) => /[:#;%<>&`"\n\r]/.test(name))) t.fail(`value ${n}: a name kept a character with meaning`);
    const md = renderMarkdown({ ...plan(), timeline: timeline([e, repo, team(v, [])]) });
    if (md.split('\n').filter((l) => l.startsWith('```')).length !== 2) t.fail(`value ${n}: the code fence was broken`);
    if (/<(?!\/?(details|summary|code)>)/.test(outsideCode(md.replace(/```mermaid\n[\s\S]*?```/, '')))) t.fail(`value ${n}: HTML outside the chart`);
  }
  t.pass('every value checked');
});

t.test('random worlds: the chart of a day reads back as gantt statements, one bar per stretch, at any length', async (t) => {
  let bars = 0;
  fc.assert(
    fc.property(worldArb, fc.integer({ min: 200, max: 6_000 }), (w, max) => {
      const { input, from, to } = worldInput(w);
      const { timeline: held } = heldIntervals(input, from, to);
      const stretches = held.entitlements.reduce((n, e) => n + e.holders.reduce((m, h) => m + h.intervals.length, 0), 0);
      for (const zone of ['UTC', 'Asia/Kathmandu']) {
        const chart = renderGantt(held, { timeZone: zone });
        const checked = checkGantt(chart.text);
        if (!checked.ok) throw new Error(checked.error);
        if (tasks(checked.statements).length !== stretches + 1) throw new Error(`${tasks(checked.statements).length - 1} bars for ${stretches} stretches`);
      }
      const cut = renderGantt(held, { timeZone: 'UTC', maxChars: max });
      const checked = checkGantt(cut.text);
      if (!checked.ok) throw new Error(checked.error);
      const shown = tasks(checked.statements).length - 1;
      if (shown + cut.omitted.bars !== stretches) throw new Error('bars neither shown nor counted');
      if (shown > 0 && cut.text.length > max) throw new Error(`${cut.text.length} characters over ${max}`);
      bars += stretches;
    }),
    { seed: SEED, numRuns: runs(40) },
  );
  t.ok(bars > 40, `${bars} bars drawn`);
});

function plan(over: Partial<Plan> = {}): Plan {
  return { formatVersion: PLAN_FORMAT_VERSION, at: FROM, createdAt: FROM, configHash: 'c0ffee', summary: { grant: 0, revoke: 0, update: 0, unchanged: 0 }, changes: [], diagnostics: [], state: { prune: [], onCall: {} }, ...over };
}

t.test('the Markdown plan folds the chart after the plan, in the room the plan leaves, and says what it left out', async (t) => {
  const md = renderMarkdown(plan({ timeline: HANDOFF }));
  t.match(md, '\n<details><summary>Access timeline: who holds what over the next 24 h (UTC)</summary>\n\n```mermaid\ngantt\n');
  t.match(md, '```\n\nHeld by nobody in this period: acme/payments-admins.\n\n</details>\n');
  t.ok(checkGantt(/```mermaid\n([\s\S]*?)```/.exec(md)![1]!).ok);
  const sizes = new Set<string>();
  for (let max = 150; max <= md.length + 100; max += 13) {
    const cut = renderMarkdown(plan({ timeline: HANDOFF }), { maxChars: max });
    t.ok(cut.length <= max, `${cut.length} <= ${max}`);
    const chart = /```mermaid\n([\s\S]*?)```/.exec(cut)?.[1];
    if (chart !== undefined) t.ok(checkGantt(chart).ok, `valid at ${max}`);
    sizes.add(chart === undefined ? (cut.includes('The access timeline is left out') ? 'left out' : 'none') : /Not shown, to stay under \d+ characters: \d+ bars? of 1 entitlement\./.test(cut) ? 'cut' : 'whole');
  }
  t.same([...sizes].sort(), ['cut', 'left out', 'none', 'whole'], 'every way of fitting is met');
  t.notMatch(renderMarkdown(plan()), 'mermaid', 'a plan without a timeline (apply) has no chart');
});

t.test('a pull request that changes policy shows the timeline before (base policy) and after (its own)', async (t) => {
  const after = timeline([team('payments-deployers', [{ login: 'bob-acme', intervals: [stretch('before', '07:50', '08:00'), stretch('shift', '08:00', '23:00')] }])]);
  const md = renderMarkdown(plan({ timeline: HANDOFF, proposed: { base: 'main', plan: plan({ timeline: after }) } }));
  const summaries = [...md.matchAll(/<summary>(.*)<\/summary>/g)].map((m) => m[1]);
  t.same(summaries, ['Access timeline with the policy on main (before this pull request): who holds what over the next 24 h (UTC)', 'Access timeline after this pull request, with its policy: who holds what over the next 24 h (UTC)']);
  const charts = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);
  t.equal(charts.length, 2);
  t.match(charts[0], 'carol-acme (static member, member)');
  t.notMatch(charts[1], 'carol-acme');
  const hostile = renderMarkdown(plan({ timeline: HANDOFF, proposed: { base: 'x</summary><img src=x>', plan: plan({ timeline: after }) } }));
  t.notMatch(hostile, '<img', 'the base branch is escaped in the summary');
  t.same(Object.keys(KIND_STYLE).sort(), ['after', 'before', 'member', 'request', 'shift']);
});
