/**
 * Security checks:
 * - secrets (GITHUB_TOKEN, PAGERDUTY_TOKEN, OPSGENIE_KEY) never appear in stdout, stderr, a saved
 *   plan, the state files or the snapshots, for every command, including when the APIs refuse
 *   the token or fail with bodies that echo the Authorization header back;
 * - plan and validate cannot write: each adapter (GitHub, PagerDuty, Opsgenie) behind
 *   `readOnlyFetch` sends nothing but reads, and a write through it never leaves the process;
 * - values from APIs and YAML are escaped in `plan --format markdown`.
 */
import t, { type Test } from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { transport } from '../src/commands/reconcile.js';
import { PLAN_FORMAT_VERSION, type Plan } from '../src/core/plan.js';
import { startGitHubEmulator, type GitHubEmulator } from '../src/emulators/github.js';
import { startOpsgenieEmulator, type OpsgenieEmulator } from '../src/emulators/opsgenie.js';
import { startPagerDutyEmulator, type PagerDutyEmulator } from '../src/emulators/pagerduty.js';
import { readOnlyFetch, type Fetch } from '../src/http/read-only.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { OpsgenieSource } from '../src/sources/opsgenie.js';
import { PagerDutySource } from '../src/sources/pagerduty.js';
import type { RotationBinding } from '../src/config/model.js';
import { GitHubTarget } from '../src/targets/github.js';
import { captureIo } from './helpers/io.js';
import { outsideCode } from './helpers/markdown.js';
import { DEFAULT_IDENTITIES, ROTATION, writeWorkspace } from './helpers/world.js';

const SECRETS = {
  GITHUB_TOKEN: 'ghp_SECRETgithubTOKEN0123456789abcdefXYZ',
  PAGERDUTY_TOKEN: 'pdSECRETpagerdutyTOKEN0123456789',
  OPSGENIE_KEY: '0f1e2d3c-5ec2-4e7a-9b1c-5ecre7ke7ab1',
};
const NOW = new Date('2026-11-30T07:50:00Z');
// Writes are paced for GitHub's secondary rate limits (about one a second); the emulators have none.
process.env.ONCALL_ACCESS_GITHUB_WRITE_LIMITS = '100000/1m';
const OG_SCHEDULE = 'ops-primary';

/** Every form a secret could leak in: as is, its distinctive middle, base64 (Basic auth). */
function leakPatterns(): { name: string; needle: string }[] {
  return Object.entries(SECRETS).flatMap(([name, s]) => [
    { name, needle: s },
    { name: `${name} (middle)`, needle: s.slice(6, 22) },
    { name: `${name} (base64)`, needle: Buffer.from(s).toString('base64').slice(0, 20) },
  ]);
}

/** Every file under `dir`, as text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => join(dir, rel))
    .filter((p) => statSync(p).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

const PROFILE = `apiVersion: oncall-access/v1
kind: AccessProfile
metadata: { name: deployers-oncall }
spec:
  mode: auto
  rotations:
    - source: rotations
      rotation: primary
    - source: pd
      schedule: PSCHED1
    - source: og
      schedule: ${OG_SCHEDULE}
  window: { before: 15m, after: 30m }
  members: [erin@acme.example]
  entitlements:
    - target: github
      team: deployers
      role: member
`;

interface Emulators {
  gh: GitHubEmulator;
  pd: PagerDutyEmulator;
  og: OpsgenieEmulator;
}

/** The three emulators, expecting `tokens` (default: the secrets). */
async function emulators(t: Test, tokens = SECRETS, githubLogins: string[] = []): Promise<Emulators> {
  const gh = await startGitHubEmulator({
    token: tokens.GITHUB_TOKEN,
    strict: true,
    orgs: {
      acme: {
        members: ['alice-acme', 'bob-acme', 'carol-acme', 'dave-acme', 'erin-acme', 'frank-acme', 'gina-acme', 'mallory-acme', 'acme-breakglass', ...githubLogins],
        teams: [{ slug: 'deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'mallory-acme', role: 'maintainer' }, ...githubLogins.map((login) => ({ login, role: 'member' as const }))] }],
      },
    },
  });
  const pd = await startPagerDutyEmulator({
    token: tokens.PAGERDUTY_TOKEN,
    strict: true,
    users: [{ id: 'PFRANK', name: 'Frank', email: 'frank@acme.example' }],
    schedules: [{ id: 'PSCHED1', name: 'Payments', entries: [{ userId: 'PFRANK', start: '2026-11-29T00:00:00Z', end: '2026-12-02T00:00:00Z' }] }],
  });
  const og = await startOpsgenieEmulator({
    apiKey: tokens.OPSGENIE_KEY,
    strict: true,
    schedules: [{ id: '3c5d1e8a-0b2f-4c6d-8e9f-a1b2c3d4e5f6', name: OG_SCHEDULE, periods: [{ user: 'gina@acme.example', start: '2026-11-29T00:00:00Z', end: '2026-12-02T00:00:00Z' }] }],
  });
  t.teardown(async () => {
    await gh.close();
    await pd.close();
    await og.close();
  });
  return { gh, pd, og };
}

function workspaceFor(t: Test, e: Emulators): string {
  const dir = t.testdir({});
  writeWorkspace(dir, {
    githubUrl: e.gh.url,
    pagerdutyUrl: e.pd.url,
    opsgenieUrl: e.og.url,
    profiles: { 'deployers.yaml': PROFILE },
    rotations: { 'primary.yaml': ROTATION },
    identities: { ...DEFAULT_IDENTITIES, 'frank@acme.example': 'frank-acme', 'gina@acme.example': 'gina-acme' },
  });
  return dir;
}

/** Every command in every format, in an order where each has something to work on. */
const COMMANDS: string[][] = [
  ['validate'],
  ['validate', '--format', 'json'],
  ['validate', '--format', 'github'],
  ['plan'],
  ['plan', '--format', 'markdown'],
  ['plan', '--format', 'json', '--out', 'plan.json'],
  ['plan', '--detailed-exitcode'],
  ['explain', 'alice-acme'],
  ['explain', 'frank@acme.example', '--format', 'json'],
  ['timeline', '--from', '2026-11-30T00:00:00Z', '--hours', '72'],
  ['timeline', '--from', '2026-11-30T00:00:00Z', '--format', 'markdown'],
  ['timeline', '--from', '2026-11-30T00:00:00Z', '--format', 'json'],
  ['apply', 'plan.json', '--yes'],
  ['apply', '--yes', '--format', 'markdown'],
  ['apply', '--yes', '--format', 'json'],
  ['explain', 'alice-acme', '--at', '2026-11-30T07:00:00Z'],
  ['plan'],
  ['doctor'],
  ['doctor', '--format', 'json'],
];

/** Runs every command in `dir`, then scans every output and every file written for the secrets. */
async function runAllAndScan(t: Test, dir: string, label: string, todo?: string, commands = COMMANDS): Promise<{ outputs: string[]; codes: number[] }> {
  const outputs: string[] = [];
  const codes: number[] = [];
  for (const args of commands) {
    const c = captureIo(dir, { ...SECRETS, ONCALL_ACCESS_DEBUG: '1' }, NOW);
    codes.push(await main(args, c.io));
    outputs.push(`$ ${args.join(' ')}\n${c.out()}${c.err()}`);
  }
  const texts = [...outputs.map((o, i) => ({ path: `output of ${commands[i]!.join(' ')}`, text: o })), ...filesUnder(dir).filter((f) => !f.path.endsWith('oncall-access.yaml'))];
  const leaks: string[] = [];
  for (const { path, text } of texts) for (const p of leakPatterns()) if (text.includes(p.needle)) leaks.push(`${p.name} in ${path}: …${text.slice(Math.max(0, text.indexOf(p.needle) - 120), text.indexOf(p.needle) + 40)}…`);
  if (leaks.length > 0) t.comment(`${label}: ${leaks.length} leak(s), e.g.\n${leaks.slice(0, 4).join('\n')}`);
  t.same(leaks, [], `${label}: no secret in any output or written file (${texts.length} scanned)`, todo ? { todo } : {});
  return { outputs, codes };
}

t.test('healthy APIs: every command, every format; secrets appear nowhere', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  const { outputs, codes } = await runAllAndScan(t, dir, 'healthy');
  t.equal(codes[0], 0, outputs[0]);
  t.equal(codes[3], 0, outputs[3]);
  t.match(outputs[3], 'frank-acme', 'the PagerDuty shift was read');
  t.match(outputs[3], 'gina-acme', 'the Opsgenie shift was read');
  t.match(outputs[12], 'Apply complete', 'the saved plan was applied');
  t.same([e.gh.unexpected, e.pd.unexpected, e.og.unexpected], [[], [], []]);
  t.ok(filesUnder(join(dir, 'state')).length >= 2, 'apply wrote the state and audit files that were scanned');
});

t.test('APIs that refuse the token (401): secrets appear nowhere', async (t) => {
  const e = await emulators(t, { GITHUB_TOKEN: 'ghp_other', PAGERDUTY_TOKEN: 'other', OPSGENIE_KEY: 'other' });
  const dir = workspaceFor(t, e);
  const { outputs } = await runAllAndScan(t, dir, '401');
  t.match(outputs[3], /401|rejected/);
});

/** Makes every request to `e` fail with `status` and a body (and header) that echo the request's credentials. */
function echoing(e: Emulators, status: number, methods: string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']): void {
  for (const method of methods) {
    e.gh.failNext({ method }, { status, body: { message: `Bad credentials: Authorization: token ${SECRETS.GITHUB_TOKEN}`, documentation_url: 'https://docs.github.com/rest' }, headers: { 'x-echo-authorization': `token ${SECRETS.GITHUB_TOKEN}` } }, 10_000);
    e.pd.failNext({ method }, { status, body: { error: { message: `Invalid token: Token token=${SECRETS.PAGERDUTY_TOKEN}`, code: 2006 } } }, 10_000);
    e.og.failNext({ method }, { status, body: { message: `Key ${SECRETS.OPSGENIE_KEY} is invalid`, took: 0, requestId: 'x' } }, 10_000);
  }
}

t.test('APIs answering 401 with bodies that echo the Authorization header: secrets appear nowhere', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  echoing(e, 401);
  await runAllAndScan(t, dir, '401 echo');
});

t.test('APIs answering 500 with bodies that echo the Authorization header: secrets appear nowhere', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  echoing(e, 500);
  // Fewer commands than the others: every 5xx is retried with backoff (seconds per command).
  const commands = [['validate'], ['plan', '--format', 'markdown', '--out', 'plan.json'], ['apply', '--yes'], ['timeline', '--from', '2026-11-30T00:00:00Z', '--format', 'json']];
  await runAllAndScan(t, dir, '500 echo', undefined, commands);
});

t.test('GitHub refusing writes (403, 422) with bodies that echo the token: apply output and audit.jsonl stay clean', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  e.gh.failNext({ method: 'PUT' }, { status: 403, body: { message: `Must have admin rights; you sent token ${SECRETS.GITHUB_TOKEN}` } }, 100);
  e.gh.failNext({ method: 'DELETE' }, { status: 422, body: { message: `Validation failed for token ${SECRETS.GITHUB_TOKEN}` } }, 100);
  const c = captureIo(dir, { ...SECRETS }, NOW);
  t.equal(await main(['apply', '--yes'], c.io), 1, 'the writes failed');
  const texts = [c.out(), c.err(), ...filesUnder(join(dir, 'state')).map((f) => f.text)];
  t.match(c.out(), 'failed:');
  const leaked = texts.filter((x) => x.includes(SECRETS.GITHUB_TOKEN));
  if (leaked.length > 0) t.comment(`leaked: ${leaked.map((x) => x.slice(Math.max(0, x.indexOf(SECRETS.GITHUB_TOKEN) - 150), x.indexOf(SECRETS.GITHUB_TOKEN) + 45)).join('\n')}`);
  t.same(texts.filter((x) => x.includes(SECRETS.GITHUB_TOKEN)).map((x) => x.slice(0, 300)), [], 'no token in apply output or state files');
});

t.test('the committed snapshots hold no secret and no token-shaped string', async (t) => {
  const snaps = filesUnder('tap-snapshots');
  t.ok(snaps.length > 0, 'there are snapshots to scan');
  for (const { path, text } of snaps) {
    t.notMatch(text, /gh[pousr]_[A-Za-z0-9]{20,}/, `${path}: no GitHub token`);
    for (const p of leakPatterns()) t.notOk(text.includes(p.needle), `${path}: no ${p.name}`);
  }
});

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
  const read = await target.readHolders([{ org: 'acme', team: 'deployers' }]);
  t.same(read.get('acme/deployers'), { ok: true, holders: [{ login: 'alice-acme', role: 'member', state: 'active' }, { login: 'mallory-acme', role: 'maintainer', state: 'active' }] });
  await target.readIdentities('acme', 'verifiedEmail');
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
  const original = transport.fetch;
  transport.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ method: (init?.method ?? 'GET').toUpperCase(), path: new URL(url).pathname, ...(typeof init?.body === 'string' ? { body: init.body } : {}) });
    return original(input, init);
  };
  t.teardown(() => {
    transport.fetch = original;
  });
  for (const args of [['validate'], ['plan'], ['plan', '--format', 'json'], ['explain', 'alice-acme'], ['timeline', '--from', '2026-11-30T00:00:00Z']]) {
    const c = captureIo(dir, { ...SECRETS }, NOW);
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
      { action: 'grant', target: evil, entitlement: { kind: 'team', org: evil, team: evil, role: 'member' }, subject: { login: evil, email: evil }, reasons: [evil], profiles: [evil], until: evil },
      { action: 'revoke', target: 'github', entitlement: { kind: 'team', org: 'acme', team: evil, role: 'maintainer' }, subject: { login: evil }, reasons: [evil], profiles: [evil], drift: true, pending: true },
      { action: 'update', target: 'github', entitlement: { kind: 'team', org: 'acme', team: 'x', role: 'maintainer' }, subject: { login: evil }, reasons: [evil], profiles: [evil], previousRole: 'member' },
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
