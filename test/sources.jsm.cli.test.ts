/**
 * The jsm source through the CLI, against the strict JSM and GitHub emulators: `validate` (the
 * settings a jsm source needs, account ids in the identities file), `plan`, `plan --at` and
 * `timeline`, a responder whose email is hidden (and the identities-file fix), and failures
 * anchored at the config line to fix (emailEnv not set, credentials refused, host unreachable),
 * which freeze the team the schedule feeds.
 */
import t, { type Test } from 'tap';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { startGitHubEmulator, type GitHubEmulator } from '@oncall-access/emulators/github';
import { startJsmEmulator, type JsmEmulator, type JsmEmulatorOptions } from '@oncall-access/emulators/jsm';
import { serializeAdopted, STATE_FILES } from '../src/record/state.js';
import { captureIo } from './helpers/io.js';
import { ALICE, BOB, CAROL, CLOUD, EMAIL, PAYMENTS_ID as OPS_ID, TOKEN as JSM_TOKEN } from './helpers/jsm.js';
import { closedPort } from './helpers/net.js';
import { fakeToken } from './helpers/fake-token.js';

const GH_TOKEN = fakeToken('ghp', 'test0000000000000000000000000000000000');
const ENV = { GITHUB_TOKEN: GH_TOKEN, ATLASSIAN_EMAIL: EMAIL, ATLASSIAN_API_TOKEN: JSM_TOKEN };
/** The instant of every run: Monday 2026-11-30 07:50Z (captureIo's default). */
const NOW = Date.parse('2026-11-30T07:50:00Z');

/** Ops Primary: alice until Monday 09:00Z, then bob; carol (who hides her email) covers 07:30-08:30 in a backup rotation. */
async function world(t: Test, extra: Partial<JsmEmulatorOptions> = {}): Promise<{ jsm: JsmEmulator; gh: GitHubEmulator }> {
  const jsm = await startJsmEmulator({
    cloudId: CLOUD,
    credentials: { email: ENV.ATLASSIAN_EMAIL, token: JSM_TOKEN },
    strict: true,
    now: () => NOW,
    schedules: [
      {
        id: OPS_ID,
        name: 'Ops Primary',
        periods: [
          { type: 'historical', flattened: [{ id: ALICE }], start: '2026-11-23T09:00:00Z', end: '2026-11-30T07:50:00Z' },
          { responder: ALICE, start: '2026-11-30T07:50:00Z', end: '2026-11-30T09:00:00Z' },
          { responder: BOB, start: '2026-11-30T09:00:00Z', end: '2026-12-07T09:00:00Z' },
          { type: 'override', responder: CAROL, start: '2026-11-30T07:30:00Z', end: '2026-11-30T08:30:00Z', rotation: 'Backup' },
        ],
      },
    ],
    users: [
      { accountId: ALICE, displayName: 'Alice Example', email: 'alice@acme.example' },
      { accountId: BOB, displayName: 'Bob Example', email: 'bob@acme.example' },
      { accountId: CAROL, displayName: 'Carol Example', email: null },
    ],
    ...extra,
  });
  const gh = await startGitHubEmulator({
    token: GH_TOKEN,
    strict: true,
    orgs: { acme: { members: ['alice-acme', 'bob-acme', 'carol-acme', 'dave-acme'], teams: [{ slug: 'deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'dave-acme', role: 'member' }] }] } },
  });
  t.teardown(async () => {
    await jsm.close();
    await gh.close();
  });
  return { jsm, gh };
}

/** The config: the jsm source's settings on lines 7 (type) to 11 (apiUrl). */
const config = (jsmUrl: string, ghUrl: string, source = '') => `apiVersion: oncall-access/v1
kind: Config
spec:
  sources:
    rotations: { type: rotations }
    jsm:
      type: jsm
      cloudId: ${CLOUD}
      emailEnv: ATLASSIAN_EMAIL
      tokenEnv: ATLASSIAN_API_TOKEN
      apiUrl: "${jsmUrl}"
${source}  targets:
    github: { type: github, org: acme, tokenEnv: GITHUB_TOKEN, apiUrl: "${ghUrl}" }
`;

const PROFILE = `apiVersion: oncall-access/v1
kind: AccessProfile
metadata: { name: ops }
spec:
  mode: auto
  rotations:
    - source: jsm
      schedule: Ops Primary
  window: { before: 15m, after: 30m }
  entitlements:
    - target: github
      team: deployers
      role: member
`;

const identities = (carol = '') => `apiVersion: oncall-access/v1
kind: Identities
spec:
  identities:
    - { email: alice@acme.example, github: alice-acme }
    - { email: bob@acme.example, github: bob-acme }
    - { email: carol@acme.example, github: carol-acme${carol} }
`;

/** A workspace in a test directory whose team `deployers` is adopted. */
function workspace(t: Test, files: { config: string; profile?: string; identities?: string }): string {
  const dir = t.testdir({});
  mkdirSync(join(dir, 'profiles'));
  mkdirSync(join(dir, 'state'));
  writeFileSync(join(dir, 'oncall-access.yaml'), files.config);
  writeFileSync(join(dir, 'profiles', 'ops.yaml'), files.profile ?? PROFILE);
  writeFileSync(join(dir, 'identities.yaml'), files.identities ?? identities());
  writeFileSync(join(dir, 'state', STATE_FILES.adopted), serializeAdopted([{ target: 'github', kind: 'team', resource: 'acme/deployers', adoptedAt: '2026-11-01T00:00:00.000Z' }]));
  return dir;
}

async function run(dir: string, args: string[], env: NodeJS.ProcessEnv = ENV) {
  const c = captureIo(dir, env);
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

type Change = { action: string; subject: { login: string }; reasons: string[] };
const changes = (out: string) => (JSON.parse(out).changes as Change[]).map((c) => `${c.action} ${c.subject.login}`);

t.test('validate: a jsm source with its cloudId, emailEnv and tokenEnv validates clean; profiles bind its schedules by name or id', async (t) => {
  const dir = workspace(t, { config: config('https://api.atlassian.com', 'https://api.github.com'), identities: identities(`, accountId: "${CAROL}"`) });
  const r = await run(dir, ['validate']);
  t.equal(r.out, 'Valid: 1 profile, 0 rotations, 3 identities, 0 requests in 3 files.\n');
  t.equal(r.code, 0);
});

t.test('validate: what a jsm source needs, what other sources may not have, and account ids in the identities file', async (t) => {
  const lines = async (files: { config: string; profile?: string; identities?: string }) => (await run(workspace(t, files), ['validate'])).out.split('\n');
  const base = config('https://api.atlassian.com', 'https://api.github.com');
  t.same((await lines({ config: base.replace(`      cloudId: ${CLOUD}\n      emailEnv: ATLASSIAN_EMAIL\n`, '') })).slice(0, 2), [
    'oncall-access.yaml:6:5: error: source "jsm": a jsm source needs cloudId, the Atlassian site\'s cloud id (https://YOUR-SITE.atlassian.net/_edge/tenant_info shows it)',
    'oncall-access.yaml:6:5: error: source "jsm": a jsm source needs emailEnv, the environment variable holding the email of the Atlassian account its API token belongs to',
  ]);
  t.same((await lines({ config: base.replace('    rotations: { type: rotations }', '    rotations: { type: rotations }\n    pd: { type: pagerduty, tokenEnv: PD_TOKEN, emailEnv: PD_EMAIL }') }))[0], 'oncall-access.yaml:6:48: error: source "pd": emailEnv is for a jsm source (Jira Service Management Operations); a pagerduty source does not use it');
  t.same((await lines({ config: base.replace(`cloudId: ${CLOUD}`, 'cloudId: acme.atlassian.net') }))[0], 'oncall-access.yaml:8:16: error: spec.sources.jsm.cloudId: "acme.atlassian.net" is not an Atlassian cloud id like 3a015c30-bac7-4abc-97a1-50c1feea188a (https://YOUR-SITE.atlassian.net/_edge/tenant_info shows it)');
  t.same((await lines({ config: base, profile: PROFILE.replace('schedule: Ops Primary', 'escalationPolicy: ops') }))[0], 'profiles/ops.yaml:7:7: error: profile "ops": a jsm source takes schedule, not escalationPolicy');
  t.same((await lines({ config: base, identities: `${identities(`, accountId: "${CAROL}"`)}    - { email: caroline@acme.example, github: caroline-acme, accountId: "${CAROL}" }\n` }))[0], `identities.yaml:8:7: error: Atlassian account ${CAROL} is mapped to two emails: carol@acme.example (identities.yaml:7) and caroline@acme.example`);
  t.same((await lines({ config: base, identities: identities(', accountId: "bad id"') }))[0], 'identities.yaml:7:67: error: spec.identities[2].accountId: "bad id" is not an Atlassian account id like 5b10ac8d82e05b22cc7d4ef5 or 712020:1b2c3d4e-0000-4000-8000-00000000b0b0');
});

t.test('plan, plan --at and timeline read the schedule over the span they need; a hidden email is a warning naming the person and the fix', async (t) => {
  const { jsm, gh } = await world(t);
  const dir = workspace(t, { config: config(jsm.url, gh.url) });
  const plan = await run(dir, ['plan', '--format', 'json']);
  t.equal(plan.code, 0, plan.out + plan.err);
  const p = JSON.parse(plan.out);
  t.same(changes(plan.out), ['revoke dave-acme'], 'alice, on call, keeps deployers; carol is not granted');
  t.match(p.diagnostics, [
    {
      severity: 'warning',
      code: 'read-partial',
      file: 'profiles/ops.yaml',
      line: 7,
      message: `jsm schedule Ops Primary: Carol Example (Atlassian account ${CAROL}) is on call from 2026-11-30T07:30:00.000Z to 2026-11-30T08:30:00.000Z, but Atlassian does not show their email (their profile hides it), so nothing is granted for them: make the email visible (a managed account of your organisation's verified domain shows it to the organisation), or add an entry with accountId: ${CAROL} beside their email and github to the identities file`,
    },
  ]);
  t.equal(p.diagnostics.length, 1);

  const at = await run(dir, ['plan', '--format', 'json', '--at', '2026-11-30T08:50:00Z']);
  t.equal(at.code, 0, at.err);
  t.same(changes(at.out), ['grant bob-acme', 'revoke dave-acme'], 'at 08:50 bob is 10 minutes into his window (15 minutes before 09:00)');
  t.same(JSON.parse(at.out).changes[0].reasons, ['on call in jsm schedule Ops Primary (2026-11-30 09:00Z – 2026-12-07 09:00Z), profile ops']);

  const timeline = await run(dir, ['timeline', '--from', '2026-11-30T07:50:00Z', '--hours', '24', '--format', 'json']);
  t.equal(timeline.code, 0, timeline.err);
  const events = JSON.parse(timeline.out).events as { at: string; action: string; login: string }[];
  t.same(
    events.map((e) => `${e.at} ${e.action} ${e.login}`),
    ['2026-11-30T08:45:00.000Z grant bob-acme', '2026-11-30T09:30:00.000Z revoke alice-acme'],
  );
  const timelines = jsm.requests.filter((r) => r.path.endsWith('/timeline'));
  t.equal(timelines.length, 3, 'one timeline request per run: a plan reads its span and the week it looks ahead in one');
  t.same(jsm.unexpected, []);
  t.notMatch(plan.out + plan.err + at.out + timeline.out, JSM_TOKEN);
});

t.test('the fix for a hidden email: the identities file maps the account id, and carol is granted with no lookup of her', async (t) => {
  const { jsm, gh } = await world(t);
  const dir = workspace(t, { config: config(jsm.url, gh.url), identities: identities(`, accountId: "${CAROL}"`) });
  const plan = await run(dir, ['plan', '--format', 'json']);
  t.equal(plan.code, 0, plan.err);
  t.same(changes(plan.out), ['grant carol-acme', 'revoke dave-acme']);
  t.same(JSON.parse(plan.out).diagnostics, []);
  const lookup = jsm.requests.find((r) => r.path.endsWith('/user/bulk'));
  t.ok(lookup, 'alice and bob are still looked up');
  t.same(jsm.unexpected, []);
});

t.test('failures are anchored at the line to fix and freeze the team the schedule feeds', async (t) => {
  const { jsm, gh } = await world(t);
  jsm.acceptUnexpected(); // the wrong token below is refused on purpose
  const dir = workspace(t, { config: config(jsm.url, gh.url) });

  const noEmail = await run(dir, ['plan'], { ...ENV, ATLASSIAN_EMAIL: '' });
  t.equal(noEmail.code, 1);
  t.match(noEmail.out, 'oncall-access.yaml:9:7: error: source "jsm": environment variable ATLASSIAN_EMAIL (its emailEnv) is not set, so nothing is read from it: set it to the email of the Atlassian account the API token belongs to, or fix emailEnv');
  t.match(noEmail.out, 'warning: team acme/deployers: 2 holder(s) kept because jsm schedule Ops Primary could not be read', 'no revocation from a source that was not read');
  t.match(noEmail.out, 'oncall-access.yaml:9:7: error: cannot read jsm schedule Ops Primary: ATLASSIAN_EMAIL (the emailEnv of source "jsm") is not set, so nothing was asked');
  t.equal(jsm.requests.length, 0, 'nothing was asked');

  const refused = await run(dir, ['plan'], { ...ENV, ATLASSIAN_API_TOKEN: 'ATATTwrongTOKEN0000000000' });
  t.equal(refused.code, 1);
  t.match(refused.out, /oncall-access\.yaml:10:7: error: cannot read jsm schedule Ops Primary: .*Atlassian refused the credentials \(HTTP 401: Unauthorized\): check the account email in ATLASSIAN_EMAIL \(the source's emailEnv\) and the API token in ATLASSIAN_API_TOKEN \(the source's tokenEnv\)/);
  t.match(refused.out, 'Plan incomplete: 1 team frozen by read errors.');
  t.notMatch(refused.out, 'ATATTwrongTOKEN0000000000');

  const closed = await closedPort();
  const unreachable = await run(workspace(t, { config: config(closed, gh.url) }), ['plan']);
  t.equal(unreachable.code, 1);
  t.match(unreachable.out, `oncall-access.yaml:11:7: error: cannot read jsm schedule Ops Primary: jsm schedule Ops Primary: could not list the schedules to find the one named "Ops Primary": cannot connect to ${closed} (ECONNREFUSED): check apiUrl`);
  t.same(gh.teamMembers('acme', 'deployers').map((m) => m.login).sort(), ['alice-acme', 'dave-acme'], 'nobody was revoked');
});

t.test('a jsm source beside an opsgenie one: validate warns only about the opsgenie one', async (t) => {
  const og = '    og:\n      type: opsgenie\n      tokenEnv: OPSGENIE_KEY\n';
  const r = await run(workspace(t, { config: config('https://api.atlassian.com', 'https://api.github.com', og) }), ['validate']);
  t.equal(r.code, 0);
  t.match(r.out, /^oncall-access\.yaml:13:7: warning: source "og": Opsgenie's API ends on 2027-04-05\. Its successor, Jira Service Management Operations, takes this line: type: jsm /);
  t.match(r.out, /\(1 warning\)\.\n$/);
});
