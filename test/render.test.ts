import t from 'tap';
import { error, warning } from '../src/core/diagnostics.js';
import { PLAN_FORMAT_VERSION, summarize, type Change, type Plan } from '../src/core/plan.js';
import { DEFAULT_MAX_CHARS, escapeInHtmlBlock, escapeMarkdown, renderMarkdown } from '../src/render/markdown.js';
import { renderJson } from '../src/render/json.js';
import { formatInstant, groupChanges, renderText, sanitizeText, shouldColor, subjectLabel } from '../src/render/text.js';
import { outsideCode } from './helpers/markdown.js';

const AT = '2026-11-25T17:00:00.000Z';

/** A team entitlement: `org/name` on `target`. */
function team(org: string, name: string, level = 'member', target = 'github'): Change['entitlement'] {
  return { target, kind: 'team', resource: `${org}/${name}`, level };
}

function change(overrides: Partial<Change> & Pick<Change, 'action'>): Change {
  return {
    entitlement: team('acme', 'payments-deployers'),
    subject: { login: 'someone' },
    reasons: [],
    profiles: ['payments-oncall'],
    ...overrides,
  };
}

function plan(changes: Change[], diagnostics: Plan['diagnostics'] = [], unchanged = 5): Plan {
  return { formatVersion: PLAN_FORMAT_VERSION, at: AT, createdAt: AT, configHash: 'c0ffee', summary: summarize(changes, unchanged), changes, diagnostics, state: { prune: [], onCall: {} } };
}

/** A plan as the planner would produce on a busy afternoon, in no particular order. */
function realisticPlan(): Plan {
  const deployers = team('acme', 'payments-deployers');
  return plan(
    [
      change({
        action: 'update',
        entitlement: team('acme', 'sre-leads', 'maintainer'),
        subject: { login: 'carol', email: 'carol@acme.example' },
        previousLevel: 'member',
        until: '2026-11-26T09:00:00.000Z',
        reasons: ['incident commander: rotation sre-ic, shift ends 2026-11-26T09:00Z'],
        profiles: ['sre-ic'],
      }),
      change({
        action: 'revoke',
        entitlement: deployers,
        subject: { login: 'bob' },
        drift: true,
        reasons: ['added outside oncall-access'],
      }),
      change({
        action: 'grant',
        entitlement: deployers,
        subject: { login: 'dave' },
        until: '2026-11-25T21:30:45.000Z',
        reasons: ['requested: access request REQ-42, approved by erin', 'on call: schedule Payments Secondary'],
        profiles: ['payments-requests', 'payments-oncall'],
      }),
      change({
        action: 'grant',
        entitlement: deployers,
        subject: { login: 'alice', email: 'alice@acme.example' },
        until: '2026-11-25T18:00:00.000Z',
        reasons: ['on call: rotation payments-primary, shift ends 2026-11-25T18:00Z'],
      }),
      change({
        action: 'grant',
        entitlement: deployers,
        subject: { login: 'Ben' },
        until: '2026-11-25T18:00:00.000Z',
        reasons: ['on call: rotation payments-primary, shift ends 2026-11-25T18:00Z'],
      }),
      change({
        action: 'revoke',
        entitlement: deployers,
        subject: { login: 'erin' },
        pending: true,
        reasons: ['shift ended 2026-11-25T17:00Z (rotation payments-primary)'],
      }),
      change({
        action: 'grant',
        entitlement: team('acme-internal', 'oncall', 'member', 'ghes'),
        subject: { login: 'frank' },
        reasons: ['static member of profile platform-oncall'],
        profiles: ['platform-oncall'],
      }),
    ],
    [
      warning('identity for PagerDuty user PX7Q2 not found; skipped', { file: 'identities.yaml', line: 14, col: 3 }),
      error('team acme/ghost does not exist on target github', { file: 'profiles/ghost.yaml', line: 7, col: 5 }),
      warning('source pagerduty answered slowly (4s)'),
    ],
  );
}

/** `n` grants spread over `teams` teams, each with a reason of realistic length. */
function hugePlan(n: number, teams: number): Plan {
  const changes = Array.from({ length: n }, (_, i) =>
    change({
      action: 'grant',
      entitlement: team('acme', `team-${String(i % teams).padStart(3, '0')}`),
      subject: { login: `user-${i}`, email: `user-${i}@acme.example` },
      until: '2026-11-25T18:00:00.000Z',
      reasons: [`on call: rotation rota-${i % teams}, shift ends 2026-11-25T18:00Z`],
    }),
  );
  return plan(changes);
}

const HOSTILE = [
  '<img src=x onerror=alert(1)>',
  '[x](https://evil)',
  '![x](https://evil/pixel.png)',
  '@org/team',
  'a|b',
  'line1\nline2',
  '`code` ```fence',
];

t.test('terminal: a realistic plan renders grouped, ordered and annotated (no colour)', async (t) => {
  const out = renderText(realisticPlan(), { color: false });
  t.notMatch(out, /\x1b/, 'no escape sequence without colour');
  t.matchSnapshot(out);
});

t.test('terminal: a realistic plan renders with ANSI colours by action and severity', async (t) => {
  const out = renderText(realisticPlan(), { color: true });
  t.match(out, '\x1b[32m+ alice');
  t.match(out, '\x1b[31m- bob');
  t.match(out, '\x1b[33m~ carol');
  t.match(out, '\x1b[31mprofiles/ghost.yaml:7:5: error:');
  t.match(out, '\x1b[33midentities.yaml:14:3: warning:');
  t.matchSnapshot(out);
});

t.test('terminal: an empty plan says there is nothing to do', async (t) => {
  t.equal(
    renderText(plan([], [], 5), { color: true }),
    'Plan for 2026-11-25T17:00:00Z\n\nNo changes. Access matches the profiles (5 unchanged).\n',
  );
});

t.test('terminal: warnings alone still mean no changes; an error means a plan with counts', async (t) => {
  t.equal(
    renderText(plan([], [warning('slow source')], 2), { color: false }),
    'Plan for 2026-11-25T17:00:00Z\n\nwarning: slow source\n\nNo changes. Access matches the profiles (2 unchanged).\n',
  );
  t.equal(
    renderText(plan([], [error('bad config')], 2), { color: false }),
    'Plan for 2026-11-25T17:00:00Z\n\nerror: bad config\n\nPlan: 0 to grant, 0 to revoke, 0 to update, 2 unchanged.\n',
  );
});

t.test('terminal and Markdown: a plan with frozen teams says it is incomplete, and how many of each kind', async (t) => {
  const frozen = (teams: number, repositories: number): Plan => {
    const p = plan([change({ action: 'grant' })], [{ ...error('cannot read team acme/sre on github: HTTP 502'), code: 'read-failed' }], 2);
    return { ...p, summary: summarize(p.changes, 2, { team: teams, repository: repositories }) };
  };
  t.match(renderText(frozen(1, 0), { color: false }), /\nPlan incomplete: 1 team frozen by read errors\. For the rest: 1 to grant, 0 to revoke, 0 to update, 2 unchanged\.\n$/);
  t.match(renderText(frozen(3, 1), { color: false }), '\nPlan incomplete: 3 teams and 1 repository frozen by read errors.');
  t.match(renderText(frozen(0, 2), { color: false }), '\nPlan incomplete: 2 repositories frozen by read errors.');
  t.match(renderMarkdown(frozen(2, 0)), '**Plan incomplete: 2 teams frozen by read errors. For the rest: 1 to grant, 0 to revoke, 0 to update, 2 unchanged.** Diagnostics: 1 error.');
  t.same(summarize([], 2, { team: 0, repository: 0 }), { grant: 0, revoke: 0, update: 0, unchanged: 2 }, 'nothing frozen: no field, as before');
});

t.test('terminal: hostile data cannot add lines, move the cursor or reorder text', async (t) => {
  const p = plan([
    change({
      action: 'grant',
      subject: { login: 'mallory\x1b[2J\x1b[H', email: 'm@x\r\n  - root as maintainer' },
      reasons: ['ok\u202eevil', 'next\u2028line'],
      profiles: ['p\x07'],
    }),
  ]);
  const out = renderText(p, { color: false });
  t.notMatch(out, /[\x00-\x09\x0b-\x1f\u202e\u2028]/, 'only the renderer’s own newlines remain');
  t.equal(out.split('\n').length, 7, 'header, blank, title, one change, blank, summary, final newline');
  t.match(out, 'mallory\\u001b[2J\\u001b[H (m@x\\u000d\\u000a  - root as maintainer)');
  t.match(out, 'ok\\u202eevil; next\\u2028line');
  t.equal(sanitizeText('tab\there \u0085 \u061c \u200f \u2069'), 'tab\\u0009here \\u0085 \\u061c \\u200f \\u2069');
});

t.test('terminal: an update without a known previous role says so', async (t) => {
  const out = renderText(plan([change({ action: 'update', entitlement: team('acme', 't', 'maintainer'), profiles: [] })]), {
    color: false,
  });
  t.match(out, '\ngithub: acme/t\n  ~ someone (unknown role) -> maintainer\n');
});

t.test('grouping: groups by target, org and team; changes by action, then login ignoring case', async (t) => {
  const groups = groupChanges([
    change({ action: 'revoke', entitlement: team('acme', 'x', 'member', 'b'), subject: { login: 'a' } }),
    change({ action: 'grant', entitlement: team('zeta', 'x', 'member', 'a'), subject: { login: 'a' } }),
    change({ action: 'update', entitlement: team('acme', 'y', 'member', 'a'), subject: { login: 'a' } }),
    change({ action: 'grant', entitlement: team('acme', 'x', 'member', 'a'), subject: { login: 'alice' }, profiles: ['q', 'p'] }),
    change({ action: 'grant', entitlement: team('acme', 'x', 'member', 'a'), subject: { login: 'Alice' }, profiles: ['p'] }),
    change({ action: 'revoke', entitlement: team('acme', 'x', 'member', 'a'), subject: { login: 'Bob' } }),
    change({ action: 'grant', entitlement: team('acme', 'x', 'member', 'a'), subject: { login: 'Carl' } }),
  ]);
  t.same(
    groups.map((g) => [g.target, g.entitlement.resource, g.profiles, g.changes.map((c) => `${c.action} ${c.subject.login}`)]),
    [
      ['a', 'acme/x', ['p', 'payments-oncall', 'q'], ['grant Alice', 'grant alice', 'grant Carl', 'revoke Bob']],
      ['a', 'acme/y', ['payments-oncall'], ['update a']],
      ['a', 'zeta/x', ['payments-oncall'], ['grant a']],
      ['b', 'acme/x', ['payments-oncall'], ['revoke a']],
    ],
  );
});

t.test('instants: shown in UTC without zero milliseconds (and zero seconds for "until")', async (t) => {
  t.equal(formatInstant('2026-11-25T17:00:00.000Z', 'seconds'), '2026-11-25T17:00:00Z');
  t.equal(formatInstant('2026-11-25T17:00:00.000Z', 'minutes'), '2026-11-25T17:00Z');
  t.equal(formatInstant('2026-11-25T17:00:30Z', 'minutes'), '2026-11-25T17:00:30Z');
  t.equal(formatInstant('2026-11-25T17:00:00.250Z', 'minutes'), '2026-11-25T17:00:00.250Z');
  t.equal(formatInstant('2026-11-25T18:00+01:00', 'minutes'), '2026-11-25T17:00Z');
  t.equal(formatInstant('2026-11-25T17:00:00', 'seconds'), '2026-11-25T17:00:00', 'no offset: never read as local time');
  t.equal(formatInstant('2026-13-45T17:00:00Z', 'seconds'), '2026-13-45T17:00:00Z', 'impossible date: unchanged');
  t.equal(formatInstant('soon', 'seconds'), 'soon');
});

t.test('colour: NO_COLOR wins, FORCE_COLOR forces, dumb terminals and pipes get none', async (t) => {
  const tty = { isTTY: true };
  const pipe = {};
  t.equal(shouldColor(tty, {}), true);
  t.equal(shouldColor(pipe, {}), false);
  t.equal(shouldColor({ isTTY: false }, {}), false);
  t.equal(shouldColor(tty, { NO_COLOR: '1' }), false);
  t.equal(shouldColor(tty, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset');
  t.equal(shouldColor(tty, { NO_COLOR: '1', FORCE_COLOR: '1' }), false);
  t.equal(shouldColor(pipe, { FORCE_COLOR: '1' }), true);
  t.equal(shouldColor(pipe, { FORCE_COLOR: '' }), false, 'an empty FORCE_COLOR is unset');
  t.equal(shouldColor(tty, { FORCE_COLOR: '0' }), false);
  t.equal(shouldColor(tty, { FORCE_COLOR: 'false' }), false);
  t.equal(shouldColor(tty, { TERM: 'dumb' }), false);
  t.equal(shouldColor(pipe, { TERM: 'dumb', FORCE_COLOR: '3' }), true);
});

t.test('markdown: a realistic plan renders summary, table, alerts and one section per team', async (t) => {
  const out = renderMarkdown(realisticPlan());
  t.notMatch(out, '<details>', 'seven changes, groups of at most four: nothing folded');
  t.ok(out.indexOf('[!CAUTION]') < out.indexOf('[!WARNING]'), 'errors come before warnings');
  t.matchSnapshot(out);
});

t.test('markdown: an empty plan says there is nothing to do, without a table', async (t) => {
  t.equal(
    renderMarkdown(plan([], [], 5)),
    '## oncall-access plan for 2026-11-25T17:00:00Z\n\n**No changes. Access matches the profiles (5 unchanged).**\n',
  );
});

t.test('markdown: diagnostics are counted in the summary line', async (t) => {
  const out = renderMarkdown(plan([], [warning('a'), warning('b')]));
  t.match(out, '**No changes. Access matches the profiles (5 unchanged).** Diagnostics: 2 warnings.\n');
  t.notMatch(out, '| Grant |');
  t.match(out, '> [!WARNING]\n> **2 warnings**\n>\n> - warning: a\n> - warning: b\n');
});

t.test('markdown: groups fold when the plan has more than 20 changes, or a group more than 10', async (t) => {
  t.notMatch(renderMarkdown(hugePlan(20, 2)), '<details>', '20 changes in groups of 10: open');
  const bigGroup = renderMarkdown(hugePlan(12, 1));
  t.match(bigGroup, '<details><summary>Show 12 changes</summary>\n\n- **grant** user-0 ');
  t.match(bigGroup, '\n\n</details>\n');
  const many = renderMarkdown(hugePlan(21, 21));
  t.equal(many.split('<details><summary>Show 1 change</summary>').length - 1, 21, 'every group folded');
});

t.test('markdown: a 5,000-change plan stays under 60,000 characters and says what was cut', async (t) => {
  const p = hugePlan(5000, 250);
  const out = renderMarkdown(p);
  t.ok(out.length <= DEFAULT_MAX_CHARS, `${out.length} characters`);
  t.ok(out.length > DEFAULT_MAX_CHARS - 3000, 'the space is used: a group of 20 is about 2,500 characters');
  t.match(out, '| 5000 | 0 | 0 | 5 |', 'the counts describe the whole plan');
  const shown = out.split('\n### ').length - 1;
  const notShown = 250 - shown;
  t.ok(shown > 0 && notShown > 0);
  t.match(out, `> [!NOTE]\n> Not shown, to stay under 60000 characters: ${notShown * 20} changes in ${notShown} groups. `);
  t.match(out, 'The full plan is in the JSON output (job artifact).\n');
  t.match(out, '### github: acme/team-000 ', 'groups are dropped from the end');
  t.notMatch(out, 'acme/team-249');
  t.equal(out.split('<details>').length, out.split('</details>').length, 'no group is cut in half');
});

t.test('markdown: when groups are not enough, diagnostics are cut from the end too, errors last', async (t) => {
  const diagnostics = [
    ...Array.from({ length: 30 }, (_, i) => error(`error number ${i} `.padEnd(100, 'e'))),
    ...Array.from({ length: 30 }, (_, i) => warning(`warning number ${i} `.padEnd(100, 'w'))),
  ];
  const out = renderMarkdown(plan([change({ action: 'grant' })], diagnostics), { maxChars: 3000 });
  t.ok(out.length <= 3000, `${out.length} characters`);
  t.match(out, '> [!CAUTION]\n> **30 errors**\n>\n> - error: error number 0 ');
  t.notMatch(out, 'warning number');
  t.match(out, /Not shown, to stay under 3000 characters: 1 change in 1 group and \d+ diagnostics\./);
  const one = renderMarkdown(plan([], [error('x'.repeat(200))]), { maxChars: 300 });
  t.ok(one.length <= 300);
  t.match(one, 'Not shown, to stay under 300 characters: 1 diagnostic. ');
});

t.test('markdown: output that cannot fit even its summary is replaced by a pointer to the JSON', async (t) => {
  const out = renderMarkdown({ ...plan([]), at: 'x'.repeat(500) }, { maxChars: 200 });
  t.equal(out, '## oncall-access plan\n\nThe plan is too large to show here. The full plan is in the JSON output (job artifact).\n');
  t.throws(() => renderMarkdown(plan([]), { maxChars: 50 }), RangeError);
  t.throws(() => renderMarkdown(plan([]), { maxChars: 1000.5 }), RangeError);
});

t.test('markdown escaping: hostile strings render as text', async (t) => {
  t.equal(escapeMarkdown('<img src=x onerror=alert(1)>'), '&#60;img src=x onerror=alert(1)>');
  t.equal(escapeMarkdown('[x](https://evil)'), '&#91;x&#93;(`https://evil`)');
  t.equal(escapeMarkdown('![x](y)'), '!&#91;x&#93;(y)');
  t.equal(escapeMarkdown('@org/team and @alice'), '`@org/team` and `@alice`', 'no mention: GitHub mentions nobody inside code');
  t.equal(escapeMarkdown('see #12 or acme/repo#3'), 'see `#12` or `acme/repo#3`');
  t.equal(escapeMarkdown('visit WWW.evil.example'), 'visit `WWW.evil.example`');
  t.equal(escapeMarkdown('https://evil.example/?a=1&b=`x`|y'), '`https://evil.example/?a=1`&#38;b=&#96;x&#96;&#124;y', 'code holds no &, backtick or pipe');
  t.equal(escapeMarkdown('``@x``'), '&#96;&#96;`@x`&#96;&#96;', 'backticks around a word cannot widen its code span');
  t.equal(escapeMarkdown('a|b'), 'a&#124;b');
  t.equal(escapeMarkdown('line1\nline2\r\n| x |'), 'line1&#92;u000aline2&#92;u000d&#92;u000a&#124; x &#124;');
  t.equal(escapeMarkdown('`code` ```fence'), '&#96;code&#96; &#96;&#96;&#96;fence');
  t.equal(escapeMarkdown('*b* _i_ ~~s~~ $x$ \\* &amp;'), '&#42;b&#42; &#95;i&#95; &#126;&#126;s&#126;&#126; &#36;x&#36; &#92;&#42; &#38;amp;');
  t.equal(escapeMarkdown('payments-oncall (shift ends 18:00Z).'), 'payments-oncall (shift ends 18:00Z).', 'plain text unchanged');
});

t.test('markdown escaping: an email is not autolinked and copies as typed, without an invisible character', async (t) => {
  t.equal(escapeMarkdown('alice@acme.example'), '`alice@acme.example`');
  t.equal(escapeMarkdown('bob-acme (bob@acme.example)'), 'bob-acme (`bob@acme.example`)');
  t.equal(escapeMarkdown('ask alice@acme.example.'), 'ask `alice@acme.example`.', 'the full stop ends the sentence, not the email');
  t.equal(escapeMarkdown('jöhn@acme.example'), '`jöhn@acme.example`');
  t.match(renderMarkdown(realisticPlan()), '- **grant** alice (`alice@acme.example`) as member');
});

t.test('markdown escaping inside an HTML block: <code> elements, as Markdown is not parsed there', async (t) => {
  t.equal(escapeInHtmlBlock('github: @acme/admins <b>www.evil.example</b>'), 'github: <code>@acme/admins</code> &#60;b><code>www.evil.example</code>&#60;/b>');
});

t.test('markdown escaping: hostile data in every field of a plan stays inert', async (t) => {
  const p = plan(
    HOSTILE.map((s, i) =>
      change({
        action: (['grant', 'revoke', 'update'] as const)[i % 3],
        entitlement: team(s, s, 'member', s),
        subject: { login: `${s}${i}`, email: s },
        reasons: [s, s],
        profiles: [s],
        until: s,
      }),
    ),
    HOSTILE.map((s) => error(s, { file: s, line: 1, col: 1 })),
  );
  const out = renderMarkdown(p);
  const read = outsideCode(out);
  t.notMatch(out, /<(?!details>|\/details>|summary>|\/summary>)/, 'no HTML but the renderer’s own');
  t.notMatch(out, /\]\(|\[x\]/, 'no link or image');
  t.notMatch(read, /@/, 'every @ is in code: no mention');
  t.notMatch(read, /https?:\/\//, 'no autolink');
  t.notMatch(read, /`/, 'no backtick but those of code spans holding only inert characters');
  t.notMatch(out, /\u200d/, 'no invisible character');
  const tableLines = out.split('\n').filter((l) => l.includes('|'));
  t.equal(tableLines.length, 3, 'pipes only in the counts table');
  const lineStarts = new Set(out.split('\n').map((l) => l.slice(0, 2)));
  t.same([...lineStarts].sort(), ['', '##', '**', '- ', '>', '> ', 'Pr', '| '].sort(), 'no line starts with data');
  t.matchSnapshot(out);
});

t.test('json: the plan round-trips exactly, top-level keys in a fixed order', async (t) => {
  const p = realisticPlan();
  const json = renderJson(p);
  t.same(JSON.parse(json), p);
  t.strictSame(JSON.parse(json), p);
  t.ok(json.endsWith('}\n'));
  t.equal(json, `${JSON.stringify(p, null, 2)}\n`);
  const shuffled = { state: p.state, diagnostics: p.diagnostics, changes: p.changes, summary: p.summary, configHash: p.configHash, createdAt: p.createdAt, at: p.at, formatVersion: p.formatVersion };
  t.same(Object.keys(JSON.parse(renderJson(shuffled))), ['formatVersion', 'at', 'createdAt', 'configHash', 'summary', 'changes', 'diagnostics', 'state']);
  t.equal(renderJson(shuffled), json);
  t.equal(
    renderJson(plan([], [], 0)),
    '{\n  "formatVersion": 2,\n  "at": "2026-11-25T17:00:00.000Z",\n  "createdAt": "2026-11-25T17:00:00.000Z",\n  "configHash": "c0ffee",\n  "summary": {\n    "grant": 0,\n    "revoke": 0,\n    "update": 0,\n    "unchanged": 0\n  },\n  "changes": [],\n  "diagnostics": [],\n  "state": {\n    "prune": [],\n    "onCall": {}\n  }\n}\n',
  );
});

t.test('a pull request that changes policy renders two labelled plans, each within half the room', (t) => {
  const main = { ...realisticPlan(), proposed: { base: 'main', plan: { ...plan([change({ action: 'revoke' })]) } } };
  const text = renderText(main, { color: false });
  t.match(text, /^Plan for 2026-11-25T17:00:00Z, with the policy on main \(what merging this pull request does\)\n/);
  t.match(text, '\nAfter this pull request, with its policy: plan for 2026-11-25T17:00:00Z\n');
  const md = renderMarkdown(main, { maxChars: 4000 });
  t.ok(md.length <= 4000, `${md.length} characters`);
  t.match(md, /^## oncall-access plan for 2026-11-25T17:00:00Z with the policy on main\n/);
  t.match(md, '\n## After this pull request, with its policy: plan for 2026-11-25T17:00:00Z\n');
  t.same(JSON.parse(renderJson(main)).proposed.base, 'main', 'the JSON keeps the second plan');

  const refused = { ...plan([]), proposed: { base: 'main', notPlanned: 'this pull request changes where credentials are sent (targets.github changes its type, apiUrl or tokenEnv)' } };
  t.match(renderText(refused, { color: false }), '\nAfter this pull request, with its policy: not planned: this pull request changes where credentials are sent');
  const short = renderMarkdown(refused, { maxChars: 300 });
  t.ok(short.length <= 300 && short.endsWith('\n'), 'the note is cut to its half');
  t.match(short, '## After this pull request, with its policy');
  const tiny = renderMarkdown(refused, { maxChars: 150 });
  t.ok(tiny.length <= 150, 'too small for two halves: only the plan with the base policy');
  t.notMatch(tiny, 'After this pull request');
  t.end();
});

t.test('a person whose account is their email (an Okta login) reads once, not as "login (email)"', async (t) => {
  t.equal(subjectLabel({ login: 'grace@acme.example', email: 'Grace@acme.example' }), 'grace@acme.example');
  t.equal(subjectLabel({ login: 'grace-gh', email: 'grace@acme.example' }), 'grace-gh (grace@acme.example)', 'another login keeps the email beside it');
  t.equal(subjectLabel({ login: 'grace-gh' }), 'grace-gh');
});
