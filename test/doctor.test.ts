/**
 * `oncall-access doctor` against the demo's strict emulators: with the full tokens, with tokens
 * of reduced scope (a classic GitHub token without admin:org, a GitHub App token without the
 * Members permission, a PagerDuty token that may read schedules only), without tokens. Every
 * run is read-only and prints no secret.
 */
import t, { type Test } from 'tap';
import type { DemoEmulators } from '@oncall-access/emulators/demo-emulators';
import { cli, dataOnOpsgenie, demoWorkspace, editFile, ENV, JSM_TOKEN, OG_KEY, opsgenieEmulator, PD_TOKEN, TOKEN } from './helpers/demo-workspace.js';
import { fakeToken } from './helpers/fake-token.js';
import { C } from './helpers/pull-request.js';

const CLASSIC = fakeToken('ghp', 'fakeCLASSICreadORGonly0123456789abc');
const APP = fakeToken('ghs', 'fakeAPPnoMEMBERSpermission0123456789');
const ADMIN = fakeToken('ghp', 'fakeCLASSICadminORGandREPO0123456789');
const REVOKED = fakeToken('ghp', 'fakeREVOKEDtoken0123456789abcdef');
const PD_SCHEDULES = 'pdFAKEscopedSCHEDULESonly_0123456789';
const SCOPED = {
  github: [
    { token: CLASSIC, kind: 'classic' as const, scopes: ['read:org', 'repo'] },
    { token: ADMIN, kind: 'classic' as const, scopes: ['admin:org', 'repo'] },
    { token: APP, kind: 'app' as const, permissions: {} },
  ],
  pagerduty: [{ token: PD_SCHEDULES, scopes: ['schedules.read', 'users.read'] }],
};

/** Every request the emulators saw reads: GET, or a GraphQL query (the read-only fetch let nothing else through). */
function onlyReads(t: Test, e: DemoEmulators): void {
  const all = [...e.github.requests, ...e.pagerduty.requests, ...e.jsm.requests];
  t.ok(all.length > 0, 'doctor asked the APIs');
  t.same(all.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/graphql')), [], 'no write request');
  t.same([...e.github.unexpected, ...e.pagerduty.unexpected, ...e.jsm.unexpected], [], 'no request the emulators did not expect');
}

/** Lines shared by most runs below: the sources, read with their full tokens. */
const SOURCES_OK = [
  'source "rotations": rotations kept in the repository: ok',
  'source "pagerduty": token (PAGERDUTY_TOKEN): ok',
  'source "pagerduty": pagerduty escalation policy PCHKEP1 level 1: ok',
  'source "jsm": token (ATLASSIAN_API_TOKEN): ok',
  'source "jsm": account email (ATLASSIAN_EMAIL): ok',
  'source "jsm": jsm schedule data_primary: ok',
];
const TEAMS = ['checkout-deployers', 'data-deployers', 'payments-deployers', 'payments-admins', 'prod-deployers', 'infra-maintainers'];
const UNVERIFIED = 'target "github": permission to change team members (apply): unverified: the token in GITHUB_TOKEN is a GitHub App or fine-grained token, which does not list its permissions and cannot be tested without writing: apply needs the organization permission Members: read and write';

/** The output with the GitHub and Okta emulators' URLs (their ports change) as GITHUB and OKTA. */
const lines = (out: string, e: DemoEmulators): string[] => out.replaceAll(e.github.url, 'GITHUB').replaceAll(e.okta.url, 'OKTA').split('\n');
/** The Okta target's lines when everything is in order (an API token lists no permissions: writes unverified). */
const OKTA_OK = [
  'target "okta": token (OKTA_API_TOKEN): ok',
  'target "okta": org OKTA, its group rules: ok',
  'target "okta": permission to change group members (apply): unverified: cannot be tested without writing: the admin who made the API token needs a role that may manage the members of each managed group',
  'target "okta": group prod-aws-oncall: ok',
  'target "okta": users of OKTA by email: ok',
];

function noSecrets(t: Test, text: string): void {
  for (const secret of [TOKEN, PD_TOKEN, JSM_TOKEN, OG_KEY, CLASSIC, ADMIN, APP, PD_SCHEDULES]) t.notOk(text.includes(secret.slice(0, 12)), 'no token in the output');
}

t.test('the demo with its full tokens: every read ok, GitHub writes unverified (the token lists no scopes), exit 0', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  const r = await cli(dir, ['doctor', ...C]);
  t.same(lines(r.out, emulators), [
    ...SOURCES_OK,
    'target "github": token (GITHUB_TOKEN): ok',
    'target "github": API GITHUB, organisation acme: ok',
    UNVERIFIED,
    ...TEAMS.map((team) => `target "github": team acme/${team}: ok`),
    ...OKTA_OK,
    'Nothing missing: 18 checks ok, 2 unverified (doctor cannot tell without writing).',
    '',
  ]);
  t.equal(r.err, '');
  t.equal(r.code, 0);
  onlyReads(t, emulators);
  noSecrets(t, r.out + r.err);
});

t.test('a classic GitHub token with read:org and repo only: reads ok, apply needs admin:org, exit 1', async (t) => {
  const { dir, emulators } = await demoWorkspace(t, undefined, undefined, SCOPED);
  const r = await cli(dir, ['doctor', ...C], { env: { ...ENV, GITHUB_TOKEN: CLASSIC } });
  t.same(lines(r.out, emulators).slice(SOURCES_OK.length + 2), [
    'target "github": permission to change team members (apply): missing: the classic token in GITHUB_TOKEN has the scopes read:org, repo: add admin:org to it (GitHub, Settings, Developer settings, Personal access tokens)',
    ...TEAMS.map((team) => `target "github": team acme/${team}: ok`),
    ...OKTA_OK,
    'Missing: 1 of 20 checks, 1 unverified (doctor cannot tell without writing). Grant or set what each missing line says, then run doctor again.',
    '',
  ]);
  t.ok(emulators.github.requests.some((q) => q.path === '/orgs/acme'), 'the scopes come from the organisation\'s answer');
  t.equal(r.code, 1);
  onlyReads(t, emulators);
  noSecrets(t, r.out + r.err);
});

t.test('a GitHub App token without the Members permission: every team missing, with what to grant; exit 1', async (t) => {
  const { dir, emulators } = await demoWorkspace(t, undefined, undefined, SCOPED);
  const r = await cli(dir, ['doctor', ...C], { env: { ...ENV, GITHUB_TOKEN: APP } });
  const refused = 'GitHub refused the query: the token in GITHUB_TOKEN lacks a permission (Resource not accessible by integration); it needs the organization permission Members (read to plan, read and write to apply; a classic token needs read:org, and admin:org to apply)';
  t.same(lines(r.out, emulators).slice(SOURCES_OK.length), [
    'target "github": token (GITHUB_TOKEN): ok',
    'target "github": API GITHUB, organisation acme: ok',
    UNVERIFIED,
    ...TEAMS.map((team) => `target "github": team acme/${team}: missing: ${refused}`),
    ...OKTA_OK,
    'Missing: 6 of 20 checks, 2 unverified (doctor cannot tell without writing). Grant or set what each missing line says, then run doctor again.',
    '',
  ]);
  t.equal(r.code, 1);
  onlyReads(t, emulators);
  noSecrets(t, r.out + r.err);
});

t.test('a PagerDuty token that may read schedules only: the escalation policy is missing, exit 1', async (t) => {
  const { dir, emulators } = await demoWorkspace(t, undefined, undefined, SCOPED);
  const r = await cli(dir, ['doctor', ...C, '--format', 'json'], { env: { ...ENV, PAGERDUTY_TOKEN: PD_SCHEDULES } });
  const json = JSON.parse(r.out) as { ok: boolean; missing: number; unverified: number; checks: { subject: string; what: string; status: string; detail?: string }[] };
  t.match(json, { ok: false, missing: 1, unverified: 2 });
  t.same(json.checks[2], {
    subject: 'source "pagerduty"',
    what: 'pagerduty escalation policy PCHKEP1 level 1',
    status: 'missing',
    detail: 'the token in PAGERDUTY_TOKEN may not read this (HTTP 403 on GET /oncalls): use a general access REST API key (read-only is enough), or a user token of a user who can see it',
  });
  t.same(emulators.pagerduty.requests.map((q) => `${q.status} ${q.path}`), ['403 /oncalls'], 'refused as PagerDuty refuses a token without oncalls.read');
  t.equal(r.code, 1);
  onlyReads(t, emulators);
  noSecrets(t, r.out + r.err);
});

t.test('no token set: each token line says which variable to set, nothing is asked, exit 1', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  const r = await cli(dir, ['doctor', ...C], { env: {} });
  t.equal(
    r.out,
    [
      'source "rotations": rotations kept in the repository: ok',
      'source "pagerduty": token (PAGERDUTY_TOKEN): missing: environment variable PAGERDUTY_TOKEN is not set: set it to a PagerDuty REST API key (read-only is enough)',
      'source "jsm": token (ATLASSIAN_API_TOKEN): missing: environment variable ATLASSIAN_API_TOKEN is not set: set it to an Atlassian API token with the scopes read:ops-config:jira-service-management and read:jira-user',
      'source "jsm": account email (ATLASSIAN_EMAIL): missing: environment variable ATLASSIAN_EMAIL is not set: set it to the email of the Atlassian account the API token belongs to',
      'target "github": token (GITHUB_TOKEN): missing: environment variable GITHUB_TOKEN is not set: set it to a GitHub token or App installation token with the organization permission Members',
      'target "okta": token (OKTA_API_TOKEN): missing: environment variable OKTA_API_TOKEN is not set: set it to an Okta API token (SSWS) of an admin who may manage the groups and read users',
      'Missing: 5 of 6 checks. Grant or set what each missing line says, then run doctor again.',
      '',
    ].join('\n'),
  );
  t.equal(r.code, 1);
  t.same([...emulators.github.requests, ...emulators.pagerduty.requests, ...emulators.jsm.requests, ...emulators.okta.requests], []);
});

t.test('a jsm source takes the account email too: without it, the email line says which variable to set and JSM is not asked', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  const r = await cli(dir, ['doctor', ...C], { env: { ...ENV, ATLASSIAN_EMAIL: '' } });
  t.same(lines(r.out, emulators).slice(3, 5), [
    'source "jsm": token (ATLASSIAN_API_TOKEN): ok',
    'source "jsm": account email (ATLASSIAN_EMAIL): missing: environment variable ATLASSIAN_EMAIL is not set: set it to the email of the Atlassian account the API token belongs to',
  ]);
  t.notMatch(r.out, 'jsm schedule data_primary', 'not read without the email');
  t.match(r.out, /\nMissing: 1 of 19 checks, 2 unverified/);
  t.equal(r.code, 1);
  t.same(emulators.jsm.requests, [], 'nothing asked of JSM');
  noSecrets(t, r.out + r.err);
});

t.test('an opsgenie source: its key and each bound schedule are checked; without the key, which variable to set', async (t) => {
  const opsgenie = await opsgenieEmulator(t);
  const { dir, emulators } = await demoWorkspace(t, (d) => dataOnOpsgenie(d, opsgenie.url));
  const r = await cli(dir, ['doctor', ...C]);
  t.same(lines(r.out, emulators).slice(0, 5), [
    ...SOURCES_OK.slice(0, 3),
    'source "opsgenie": token (OPSGENIE_API_KEY): ok',
    'source "opsgenie": opsgenie schedule data_primary: ok',
  ]);
  t.match(r.out, /\nNothing missing: 17 checks ok, 2 unverified/);
  t.equal(r.code, 0);
  t.ok(opsgenie.requests.length > 0, 'the schedule was read');
  t.same(opsgenie.requests.filter((q) => q.method !== 'GET'), [], 'reads only');
  t.same(opsgenie.unexpected, []);
  t.same(emulators.jsm.requests, [], 'no jsm source any more');
  noSecrets(t, r.out + r.err);
  const asked = opsgenie.requests.length;
  const none = await cli(dir, ['doctor', ...C], { env: { ...ENV, OPSGENIE_API_KEY: '' } });
  t.match(none.out, 'source "opsgenie": token (OPSGENIE_API_KEY): missing: environment variable OPSGENIE_API_KEY is not set: set it to an Opsgenie API key with Read access\n');
  t.notMatch(none.out, 'opsgenie schedule data_primary', 'not read without its key');
  t.equal(none.code, 1);
  t.equal(opsgenie.requests.length, asked, 'nothing asked of Opsgenie');
});

t.test('a repository entitlement: its collaborators are read, and apply needs repo too; an App token cannot read them', async (t) => {
  const repo = (d: string) => editFile(d, 'platform.yaml', '    - target: github\n      team: infra-maintainers\n      role: maintainer\n', '    - target: github\n      team: infra-maintainers\n      role: maintainer\n    - target: github\n      repository: infra\n      permission: maintain\n');
  const { dir, emulators } = await demoWorkspace(t, repo, (s) => void (s.repos = { 'acme/infra': { collaborators: [] } }), SCOPED);
  const admin = await cli(dir, ['doctor', ...C], { env: { ...ENV, GITHUB_TOKEN: ADMIN } });
  t.same(lines(admin.out, emulators).slice(SOURCES_OK.length + 2), [
    'target "github": permission to change team members and repository collaborators (apply): ok (classic token scopes: admin:org, repo)',
    ...TEAMS.map((team) => `target "github": team acme/${team}: ok`),
    'target "github": repository acme/infra: ok',
    ...OKTA_OK,
    'Nothing missing: 20 checks ok, 1 unverified (doctor cannot tell without writing).',
    '',
  ]);
  t.equal(admin.code, 0);
  const app = await cli(dir, ['doctor', ...C], { env: { ...ENV, GITHUB_TOKEN: APP } });
  t.match(app.out, 'target "github": permission to change team members and repository collaborators (apply): unverified: the token in GITHUB_TOKEN is a GitHub App or fine-grained token, which does not list its permissions and cannot be tested without writing: apply needs the organization permission Members: read and write, and repository permission Administration: read and write on each managed repository\n');
  t.match(app.out, 'target "github": repository acme/infra: missing: GitHub refused (403): the token in GITHUB_TOKEN lacks a permission (Resource not accessible by integration - https://docs.github.com/rest); it needs the repository permission Administration (read to plan, read and write to apply; a classic token needs repo)\n');
  t.equal(app.code, 1);
  onlyReads(t, emulators);
  noSecrets(t, admin.out + app.out + admin.err + app.err);
});

t.test('SAML identities are checked when the config resolves people through them: a token without admin:org may not read them', async (t) => {
  const saml = (d: string) => editFile(d, 'oncall-access.yaml', 'resolve: [file]', 'resolve: [file, saml]');
  const { dir, emulators } = await demoWorkspace(t, saml, (s) => void (s.orgs.acme!.samlIdentities = [{ email: 'alice@acme.example', login: 'alice-acme' }]), SCOPED);
  const full = await cli(dir, ['doctor', ...C]);
  t.equal(lines(full.out, emulators).at(-3 - OKTA_OK.length), 'target "github": SAML identities of acme: ok');
  t.equal(full.code, 0);
  const classic = await cli(dir, ['doctor', ...C], { env: { ...ENV, GITHUB_TOKEN: CLASSIC } });
  t.same(lines(classic.out, emulators).slice(-3 - OKTA_OK.length), [
    'target "github": SAML identities of acme: missing: GitHub refused the query: the token in GITHUB_TOKEN lacks a permission (Your token has not been granted the required scopes to execute this query); it needs an organisation owner\'s token with admin:org, or an App with the organization permission Members (read)',
    ...OKTA_OK,
    'Missing: 2 of 21 checks, 1 unverified (doctor cannot tell without writing). Grant or set what each missing line says, then run doctor again.',
    '',
  ]);
  t.equal(classic.code, 1);
  onlyReads(t, emulators);
});

t.test('a token GitHub rejects: the API line says so and names the variable; the teams are not asked', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  emulators.github.acceptUnexpected(); // the revoked token is refused on purpose, and asserted on below
  const r = await cli(dir, ['doctor', ...C], { env: { ...ENV, GITHUB_TOKEN: REVOKED } });
  t.same(lines(r.out, emulators).slice(SOURCES_OK.length), [
    'target "github": token (GITHUB_TOKEN): ok',
    'target "github": API GITHUB, organisation acme: missing: GitHub rejected the token in GITHUB_TOKEN (HTTP 401): it is wrong, expired or revoked; put a valid token there',
    ...OKTA_OK,
    'Missing: 1 of 13 checks, 1 unverified (doctor cannot tell without writing). Grant or set what each missing line says, then run doctor again.',
    '',
  ]);
  t.equal(r.code, 1);
  t.same(emulators.github.requests.map((q) => `${q.status} ${q.method} ${q.path}`), ['401 GET /orgs/acme']);
  noSecrets(t, r.out + r.err);
  t.notOk((r.out + r.err).includes(REVOKED.slice(0, 15)), 'the rejected token is not printed either');
});

t.test('an invalid config: its errors with file and line, nothing asked, exit 1', async (t) => {
  const { dir, emulators } = await demoWorkspace(t, (d) => editFile(d, 'oncall-access.yaml', 'org: acme', 'org: 42'));
  const r = await cli(dir, ['doctor', ...C]);
  t.equal(r.out, '');
  t.match(r.err, /^oncall-access\.yaml:\d+:\d+: error: /);
  t.notMatch(r.err, /\n\s+at /, 'no stack trace');
  t.equal(r.code, 1);
  t.same(emulators.github.requests, []);
});
