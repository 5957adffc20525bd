/**
 * Security checks (secrets in output: test/security.secrets.test.ts and test/security.echo.test.ts):
 * - plan and validate cannot write: each adapter (GitHub, PagerDuty, Opsgenie) behind
 *   `readOnlyFetch` sends nothing but reads, and a write through it never leaves the process;
 * - values from APIs and YAML are escaped in `plan --format markdown`.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { PLAN_FORMAT_VERSION, type Plan } from '../src/core/plan.js';
import { startPagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { readOnlyFetch, type Fetch } from '../src/http/read-only.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { OpsgenieSource } from '../src/sources/opsgenie.js';
import { PagerDutySource } from '../src/sources/pagerduty.js';
import type { RotationBinding } from '../src/config/model.js';
import { GitHubTarget } from '../src/targets/github/target.js';
import { captureIo } from './helpers/io.js';
import { outsideCode } from './helpers/markdown.js';
import { emulators, NOW, OG_SCHEDULE, SECRETS, workspaceFor } from './helpers/security-world.js';

// ---------------------------------------------------------------------------------------------
// Read-only transport, adapter by adapter

interface Sent {
  method: string;
  path: string;
  body?: string;
}

/** `readOnlyFetch` around a fetch that records what actually leaves the process. */
function guardedRecorder(): { fetch: Fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const inner: Fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ method: (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase(), path: new URL(url).pathname, ...(typeof init?.body === 'string' ? { body: init.body } : {}) });
    return globalThis.fetch(input, init);
  };
  return { fetch: readOnlyFetch(inner), sent };
}

/** True for a request that cannot change state: GET, HEAD, or a GraphQL query. */
function isRead(s: Sent): boolean {
  if (s.method === 'GET' || s.method === 'HEAD') return true;
  return s.method === 'POST' && s.path.endsWith('/graphql') && !/mutation|subscription/i.test(JSON.parse(s.body ?? '{}').query ?? 'mutation');
}

t.test('GitHub behind readOnlyFetch: reads pass, every write is refused before it leaves', async (t) => {
  const e = await emulators(t);
  const { fetch, sent } = guardedRecorder();
  const target = new GitHubTarget({ baseUrl: e.gh.url, token: SECRETS.GITHUB_TOKEN, fetch, retries: 0 });
  const read = await target.readTeamHolders([{ org: 'acme', team: 'deployers' }]);
  t.same(read.get('acme/deployers'), { ok: true, holders: [{ login: 'alice-acme', role: 'member', state: 'active' }, { login: 'mallory-acme', role: 'maintainer', state: 'active' }] });
  await target.readOrgIdentities('acme', 'verifiedEmail');
  const before = e.gh.requests.length;
  await t.rejects(target.setMembership({ kind: 'team', org: 'acme', team: 'deployers', role: 'maintainer' }, 'bob-acme'), /read-only run refused PUT/);
  await t.rejects(target.removeMembership({ org: 'acme', team: 'deployers' }, 'alice-acme'), /read-only run refused DELETE/);
  t.equal(e.gh.requests.length, before, 'the writes never reached GitHub');
  t.ok(sent.length >= 2);
  t.same(sent.filter((s) => !isRead(s)), [], 'only reads left the process');
  t.same(e.gh.teamMembers('acme', 'deployers').map((m) => m.login), ['alice-acme', 'mallory-acme'], 'nothing changed');
});

t.test('PagerDuty behind readOnlyFetch: a full read of schedules and escalation policies sends only GETs', async (t) => {
  const e = await emulators(t);
  const { fetch, sent } = guardedRecorder();
  const source = new PagerDutySource({ apiUrl: e.pd.url, token: SECRETS.PAGERDUTY_TOKEN, fetch, http: { retries: 0 } });
  const bindings: RotationBinding[] = [
    { kind: 'schedule', source: 'pd', schedule: 'PSCHED1', pos: { file: 'x', line: 1, col: 1 } },
    { kind: 'schedule', source: 'pd', schedule: 'PNOPE', pos: { file: 'x', line: 1, col: 1 } },
    { kind: 'escalationPolicy', source: 'pd', escalationPolicy: 'PPOLICY', levels: [1], pos: { file: 'x', line: 1, col: 1 } },
  ];
  const reads = await source.readShifts(bindings, new Date('2026-11-29T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
  t.equal(reads.get('pd/schedule/PSCHED1')?.ok, true);
  t.ok(sent.length >= 2, `${sent.length} requests`);
  t.same(sent.filter((s) => s.method !== 'GET'), [], 'only GETs left the process');
  t.same(e.pd.requests.filter((r) => r.method !== 'GET'), [], 'only GETs reached PagerDuty');
  await t.rejects(fetch(`${e.pd.url}/schedules/PSCHED1`, { method: 'PUT', body: '{}' }), { name: 'ReadOnlyViolation' }, 'the same transport refuses a write');
});

t.test('Opsgenie behind readOnlyFetch: reads send only GETs', async (t) => {
  const e = await emulators(t);
  const { fetch, sent } = guardedRecorder();
  const source = new OpsgenieSource({ apiUrl: e.og.url, apiKey: SECRETS.OPSGENIE_KEY, fetch, tokenEnv: 'OPSGENIE_KEY', http: { retries: 0 } } as ConstructorParameters<typeof OpsgenieSource>[0]);
  const bindings: RotationBinding[] = [
    { kind: 'schedule', source: 'og', schedule: OG_SCHEDULE, pos: { file: 'x', line: 1, col: 1 } },
    { kind: 'schedule', source: 'og', schedule: 'missing', pos: { file: 'x', line: 1, col: 1 } },
  ];
  const reads = await source.readShifts(bindings, new Date('2026-11-29T00:00:00Z'), new Date('2026-12-01T00:00:00Z'));
  t.equal(reads.get(`og/schedule/${OG_SCHEDULE}`)?.ok, true);
  t.equal(reads.get('og/schedule/missing')?.ok, false);
  t.ok(sent.length >= 2);
  t.same(sent.filter((s) => s.method !== 'GET'), [], 'only GETs left the process');
  await t.rejects(fetch(`${e.og.url}/v2/alerts`, { method: 'POST', body: '{}' }), { name: 'ReadOnlyViolation' }, 'the same transport refuses a write');
});

t.test('validate and plan, end to end: every request that leaves the process is a read', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  const sent: Sent[] = [];
  const recording: Fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ method: (init?.method ?? 'GET').toUpperCase(), path: new URL(url).pathname, ...(typeof init?.body === 'string' ? { body: init.body } : {}) });
    return globalThis.fetch(input, init);
  };
  for (const args of [['validate'], ['plan'], ['plan', '--format', 'json'], ['explain', 'alice-acme'], ['timeline', '--from', '2026-11-30T00:00:00Z']]) {
    const c = captureIo(dir, { ...SECRETS }, NOW, recording);
    await main(args, c.io);
  }
  t.ok(sent.length > 3, `${sent.length} requests observed`);
  t.same(sent.filter((s) => !isRead(s)), [], 'no write left the process');
  t.same([...e.gh.requests, ...e.pd.requests, ...e.og.requests].filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/graphql')), [], 'no write reached any API');
  t.same(e.gh.teamMembers('acme', 'deployers').map((m) => m.login), ['alice-acme', 'mallory-acme']);
});

// ---------------------------------------------------------------------------------------------
// Markdown escaping

/** What must never appear raw in a PR comment built from data: markup, mentions, links, autolinks. */
function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  // A Mermaid chart is a fenced block GitHub draws instead of reading as Markdown; one that holds no backtick cannot be closed early (its values are checked in mermaid.test.ts).
  const body = outsideCode(md.replace(/^```mermaid\n[^`]*^```$/gm, ''))
    .replace(/<\/?(details|summary)>/g, '')
    .replace(/\[!(CAUTION|WARNING|NOTE)\]/g, '');
  if (body.includes('<')) problems.push(`raw "<" near: ${body.slice(body.indexOf('<') - 40, body.indexOf('<') + 40)}`);
  if (body.includes('[') || body.includes(']')) problems.push(`raw bracket near: ${body.slice(Math.max(0, body.search(/[[\]]/) - 40), body.search(/[[\]]/) + 40)}`);
  if (body.includes('@')) problems.push(`a mention: ${body.slice(body.indexOf('@') - 30, body.indexOf('@') + 30)}`);
  if (/#(?!#|\d+;| )/.test(body.replace(/^#+ /gm, ''))) problems.push('a raw # reference');
  if (body.includes('://')) problems.push('an autolink (://)');
  if (/www\./i.test(body)) problems.push('an autolink (www.)');
  if (body.includes('`')) problems.push('a backtick');
  if (md.includes('\u200d')) problems.push('a zero-width joiner (it would be copied with the text)');
  if (/[\u202a-\u202e\u2066-\u2069]/.test(body)) problems.push('a bidi control');
  return problems;
}

const EVIL_LOGIN = 'evil](https://evil.example/x)<img src=x onerror=alert(1)>@acme/admins#1`x`';

t.test('plan --format markdown escapes logins from GitHub and emails from PagerDuty', async (t) => {
  const e = await emulators(t, SECRETS, [EVIL_LOGIN]);
  const dir = workspaceFor(t, e);
  // PagerDuty reports an on-call person whose email carries markup; nobody maps it to a login.
  await e.pd.close();
  const pd = await startPagerDutyEmulator({
    token: SECRETS.PAGERDUTY_TOKEN,
    users: [{ id: 'PEVIL', name: 'Evil', email: '"[click](https://evil.example)<b>@everyone</b>"@acme.example' }],
    schedules: [{ id: 'PSCHED1', name: 'Payments', entries: [{ userId: 'PEVIL', start: '2026-11-29T00:00:00Z', end: '2026-12-02T00:00:00Z' }] }],
  });
  t.teardown(() => pd.close());
  const config = join(dir, 'oncall-access.yaml');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(config, readFileSync(config, 'utf8').replace(e.pd.url, pd.url));
  const c = captureIo(dir, { ...SECRETS }, NOW);
  await main(['plan', '--format', 'markdown'], c.io);
  const md = c.out();
  t.match(md, 'onerror', 'the hostile login is in the plan (as a revocation of drift)');
  t.match(md, 'everyone', 'the hostile email is in the plan (as a warning)');
  t.match(md, '```mermaid\ngantt\n', 'the timeline chart is in the comment too');
  t.same(markdownProblems(md), [], 'nothing in the comment is markup, a mention or a link');
});

t.test('renderMarkdown escapes every field of a plan built to inject', async (t) => {
  const evil = '[x](javascript:alert(1)) <script>alert(1)</script> @org/team #12 `code` ***b*** | cell | ~~s~~ $x$ \\ https://evil.example www.evil.example \u202eevil\n- injected item\n## heading';
  const plan: Plan = {
    formatVersion: PLAN_FORMAT_VERSION,
    at: '2026-11-30T07:50:00.000Z',
    createdAt: '2026-11-30T07:50:00.000Z',
    configHash: 'x',
    changes: [
      { action: 'grant', entitlement: { target: evil, kind: 'team', resource: `${evil}/${evil}`, level: 'member' }, subject: { login: evil, email: evil }, reasons: [evil], profiles: [evil], until: evil },
      { action: 'revoke', entitlement: { target: 'github', kind: 'team', resource: `acme/${evil}`, level: 'maintainer' }, subject: { login: evil }, reasons: [evil], profiles: [evil], drift: true, pending: true },
      { action: 'update', entitlement: { target: 'github', kind: 'team', resource: 'acme/x', level: 'maintainer' }, subject: { login: evil }, reasons: [evil], profiles: [evil], previousLevel: 'member' },
    ],
    summary: { grant: 1, revoke: 1, update: 1, unchanged: 0 },
    diagnostics: [{ severity: 'error', message: evil, file: evil, line: 1, col: 1 }, { severity: 'warning', message: evil }],
    state: { prune: [], onCall: {} },
  };
  const md = renderMarkdown(plan);
  t.same(markdownProblems(md), [], 'nothing from the plan is markup');
  t.notMatch(md, /\n- injected item/, 'a value never starts a new list item');
  t.notMatch(md, /\n## heading/, 'a value never starts a heading');
});
