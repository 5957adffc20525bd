/**
 * The Action run as the runner runs it: INPUT_* and GITHUB_* variables, an event payload file,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, against a strict GitHub emulator that also
 * serves pull-request comments and App installation tokens.
 */
import t, { type Test } from 'tap';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { runAction } from '../src/action/main.js';
import type { Plan } from '../src/core/plan.js';
import { renderText } from '../src/render/text.js';
import { commentMarker } from '../src/action/pr-comment.js';
import { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from '../src/emulators/github.js';
import { serializeAdopted } from '../src/state.js';
import { runBuilt } from './helpers/built.js';
import { commitAll, initRepo } from './helpers/git-repo.js';
import { captureIo } from './helpers/io.js';
import { inStep } from './helpers/step.js';

const TOKEN = 'ghs_fakeWORKFLOWtoken0123456789abcdefXYZ';
const BOT = 'github-actions[bot]';
const CONFIG = 'oncall-access.yaml';
const REPO = 'acme/access';
const EVENTS = resolve('test/fixtures/events');
const MARKER = commentMarker(CONFIG);
const MINUTE = 60_000;
/** Wednesday: bob carries the pager (second week of two, counting from 2026-11-02). */
const AT = '2026-11-25T12:00:00Z';

/** GitHub as it stands: alice's shift is over, carol is a maintainer, mallory was added by hand. */
const SEED: GitHubEmulatorOptions = {
  orgs: {
    acme: {
      members: ['alice-acme', 'bob-acme', 'carol-acme', 'mallory-acme'],
      teams: [{ slug: 'payments-deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'carol-acme', role: 'maintainer' }, { login: 'mallory-acme', role: 'member' }] }],
    },
  },
};

/** A workspace: a weekly rotation of alice and bob, and carol always, as members of payments-deployers. */
const FILES = {
  'oncall-access.yaml': `apiVersion: oncall-access/v1
kind: Config
metadata:
  name: acme
spec:
  sources:
    rotations:
      type: rotations
  targets:
    github:
      type: github
      org: acme
      tokenEnv: GITHUB_TOKEN
      apiUrl: EMULATOR
  identities:
    resolve: [file]
  guards:
    maxRevocations: 10
  paths:
    profiles: profiles
    rotations: rotations
    identities: identities.yaml
`,
  profiles: {
    'payments.yaml': `apiVersion: oncall-access/v1
kind: AccessProfile
metadata:
  name: payments-oncall
spec:
  mode: auto
  rotations:
    - source: rotations
      rotation: primary
  members: [carol@acme.example]
  entitlements:
    - target: github
      team: payments-deployers
      role: member
`,
  },
  rotations: {
    'primary.yaml': `apiVersion: oncall-access/v1
kind: Rotation
metadata:
  name: primary
spec:
  timeZone: Europe/Berlin
  shiftLength: 1w
  firstHandoff: 2026-11-02T09:00
  members: [alice@acme.example, bob@acme.example]
`,
  },
  'identities.yaml': `apiVersion: oncall-access/v1
kind: Identities
spec:
  identities:
    - { email: alice@acme.example, github: alice-acme }
    - { email: bob@acme.example, github: bob-acme }
    - { email: carol@acme.example, github: carol-acme }
`,
  // Earlier applies adopted the team: members no profile wants are drift.
  state: { 'adopted.json': serializeAdopted([{ target: 'github', org: 'acme', team: 'payments-deployers', adoptedAt: '2026-11-01T00:00:00.000Z' }]) },
};

interface World {
  dir: string;
  emu: GitHubEmulator;
}

/** The workspace in a test directory, pointed at a fresh strict emulator. */
async function world(t: Test, options: Partial<GitHubEmulatorOptions> = {}, edit: (dir: string) => void = () => {}): Promise<World> {
  const emu = await startGitHubEmulator({ ...structuredClone(SEED), token: TOKEN, strict: true, viewer: BOT, ...options });
  t.teardown(() => emu.close());
  const dir = t.testdir(FILES);
  const config = join(dir, CONFIG);
  writeFileSync(config, readFileSync(config, 'utf8').replace('EMULATOR', emu.url));
  edit(dir);
  initRepo(dir, ['output.txt', 'summary.md', 'oncall-access-plan.json', 'event.json']);
  return { dir, emu };
}

/** The all-zero base commit of the event fixtures. */
const FIXTURE_BASE = '0000000000000000000000000000000000000000';

/** Replaces `from` with `to` in a workspace file; `from` must be there. */
function editFile(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} is not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

/** The event each payload fixture is for. */
const EVENT_NAMES: Record<string, string> = {
  pull_request: 'pull_request',
  pull_request_fork: 'pull_request',
  pull_request_target_deleted_fork: 'pull_request_target',
  push: 'push',
  schedule: 'schedule',
  workflow_dispatch: 'workflow_dispatch',
};

/** The environment the runner gives a step for the event in fixture `event`, with the Action's inputs. */
function runnerEnv(w: World, event: string, inputs: Record<string, string>, eventFile = join(EVENTS, `${event}.json`)): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    GITHUB_EVENT_NAME: EVENT_NAMES[event],
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: w.emu.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: '4444444444444444444444444444444444444444',
    GITHUB_ACTOR: 'alice-acme',
    GITHUB_OUTPUT: join(w.dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(w.dir, 'summary.md'),
    RUNNER_TEMP: w.dir,
    // A secret no path can contain: output hides any start of a secret 8 characters or longer, and the old
    // value, runner-secret, hid the temporary directory oncall-access-runner-s… (1 run in 62).
    ACTIONS_RUNTIME_TOKEN: 'Zq7RtT0k3nVa1ue',
  };
  for (const [k, v] of Object.entries({ config: CONFIG, 'github-token': TOKEN, token: TOKEN, ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v;
  return env;
}

/** Reads a GITHUB_OUTPUT file (`name<<DELIMITER ... DELIMITER` entries) into a record. */
function readOutputs(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

/** The foldable groups of a log (`::group::TITLE` ... `::endgroup::`), each with the text it holds. */
function logGroups(out: string): { title: string; text: string }[] {
  return [...out.matchAll(/^::group::(.*)\n([\s\S]*?)^::endgroup::$/gm)].map((m) => ({ title: m[1]!, text: m[2]! }));
}

/** The plan a run wrote to its plan file. */
const planIn = (path: string | undefined) => JSON.parse(readFileSync(path!, 'utf8')) as Plan;

const summaryOf = (w: World) => (existsSync(join(w.dir, 'summary.md')) ? readFileSync(join(w.dir, 'summary.md'), 'utf8') : '');

/**
 * Runs the Action for `event`. For a pull request, what the test wrote so far is committed as its
 * base (the policy on main), and the event payload names that commit as the base.
 */
async function act(w: World, event: string, inputs: Record<string, string>, opts: { at?: number; eventFile?: string; env?: NodeJS.ProcessEnv } = {}) {
  for (const f of ['output.txt', 'summary.md']) writeFileSync(join(w.dir, f), '');
  let eventFile = opts.eventFile ?? join(EVENTS, `${event}.json`);
  if (EVENT_NAMES[event]!.startsWith('pull_request')) {
    const base = commitAll(w.dir, 'main');
    const payload = readFileSync(eventFile, 'utf8').replaceAll(FIXTURE_BASE, base);
    eventFile = `${w.dir}.event.json`;
    writeFileSync(eventFile, payload);
  }
  const c = captureIo(w.dir, { ...runnerEnv(w, event, inputs, eventFile), ...opts.env }, new Date(Date.parse(AT) + (opts.at ?? 0)));
  const { value: code, stdout } = await inStep(c.io.env, () => runAction(c.io));
  return { code, out: stdout, err: c.err(), outputs: readOutputs(join(w.dir, 'output.txt')), summary: summaryOf(w) };
}

/** Requests that could change something: anything but GET and GraphQL reads. */
const writes = (emu: GitHubEmulator) => emu.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/graphql')).map((r) => `${r.method} ${r.path}`);

/** Team reads: GraphQL and REST operations that read a team or its members. */
const teamReads = (emu: GitHubEmulator) => emu.requests.filter((r) => r.operation !== undefined && r.operation !== 'anonymous' && /team|members/i.test(r.operation));

const ACTION_OUTPUTS = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { outputs: Record<string, unknown> }).outputs);

t.test('a pull request gets one plan comment: created on the first push, updated in place on the next', async (t) => {
  const w = await world(t);
  const first = await act(w, 'pull_request', { command: 'plan' });
  t.equal(first.code, 0, first.out);
  t.same(writes(w.emu), ['POST /repos/acme/access/issues/7/comments']);
  t.match(first.out, /Plan comment created: http:\/\/127\.0\.0\.1:\d+\/acme\/access\/pull\/7#issuecomment-\d+/);
  t.same(first.outputs, {
    valid: 'true',
    'has-changes': 'true',
    grants: '1',
    revokes: '2',
    updates: '1',
    'plan-file': join(w.dir, 'oncall-access-plan.json'),
    'auto-approve': 'false',
    'comment-url': first.outputs['comment-url'],
  });
  t.ok(Object.keys(first.outputs).every((k) => ACTION_OUTPUTS.includes(k)), 'every output is declared in action.yml');
  t.same(planIn(first.outputs['plan-file']).summary, { grant: 1, revoke: 2, update: 1, unchanged: 0 });
  t.same(logGroups(first.out), [{ title: 'Plan: 1 to grant, 2 to revoke, 1 to update, 0 unchanged.', text: renderText(planIn(first.outputs['plan-file']), { color: false }) }], 'the log shows the plan as the CLI prints it, folded under its summary');
  const [comment] = w.emu.issueComments(REPO, 7);
  t.ok(comment!.body.startsWith(`${MARKER}\n## oncall-access plan for 2026-11-25T12:00:00Z`), 'marker first, then the summary');
  t.match(comment!.body, '| Grant | Revoke | Update | Unchanged |');
  t.match(comment!.body, 'commit `111111111111`', 'the plan names the pull request head it was computed for');
  t.match(first.summary, '## oncall-access plan for');
  t.notMatch(first.summary, MARKER, 'the job summary has no marker');

  const moved = join(w.dir, 'event.json');
  writeFileSync(moved, readFileSync(join(EVENTS, 'pull_request.json'), 'utf8').replaceAll('1111111111111111111111111111111111111111', 'abcdefabcdefabcdefabcdefabcdefabcdefabcd'));
  const second = await act(w, 'pull_request', { command: 'plan' }, { eventFile: moved, at: 20 * MINUTE });
  t.equal(second.code, 0);
  t.match(second.out, 'Plan comment updated');
  const comments = w.emu.issueComments(REPO, 7);
  t.equal(comments.length, 1, 'still one comment');
  t.equal(comments[0]!.id, comment!.id);
  t.match(comments[0]!.body, 'commit `abcdefabcdef`');
  t.match(comments[0]!.body, 'oncall-access plan for 2026-11-25T12:20:00Z');
  t.same(writes(w.emu), ['POST /repos/acme/access/issues/7/comments', `PATCH /repos/acme/access/issues/comments/${comment!.id}`]);
  t.same(w.emu.teamMembers('acme', 'payments-deployers').map((m) => m.login), ['alice-acme', 'carol-acme', 'mallory-acme'], 'a plan changes no team');
  t.same(w.emu.unexpected, []);
});

t.test('the marker in a comment written by someone else is never edited, and pages of comments are all read', async (t) => {
  const filler = Array.from({ length: 120 }, (_, i) => ({ repo: REPO, issue: 7, user: 'carol-acme', body: `LGTM ${i}` }));
  const w = await world(t, {
    comments: [
      { repo: REPO, issue: 7, user: 'mallory', body: `${MARKER}\nI am the plan now` },
      { repo: REPO, issue: 7, user: BOT, body: `${commentMarker('other/oncall-access.yaml')}\nanother config's plan` },
      ...filler,
    ],
  });
  t.equal((await act(w, 'pull_request', { command: 'plan' })).code, 0);
  const ours = () => w.emu.issueComments(REPO, 7).filter((c) => c.user === BOT && c.body.startsWith(`${MARKER}\n`));
  t.equal(ours().length, 1, 'a new comment: neither the spoofed marker nor another config counts');
  t.equal(w.emu.issueComments(REPO, 7)[0]!.body, `${MARKER}\nI am the plan now`, "mallory's comment is untouched");
  t.match(w.emu.issueComments(REPO, 7)[1]!.body, "another config's plan");
  t.equal((await act(w, 'pull_request', { command: 'plan' })).code, 0);
  t.equal(ours().length, 1, 'found again on the second page and updated');
  t.ok(w.emu.requests.some((r) => r.method === 'GET' && r.path.endsWith('/comments')));
  t.equal(w.emu.issueComments(REPO, 7).length, 123);
});

t.test('a bad profile is annotated on its line, and the comment says the config is invalid instead of showing a plan', async (t) => {
  const w = await world(t, {}, (dir) => {
    editFile(dir, 'profiles/payments.yaml', '  mode: auto', '  mode: sometimes');
  });
  const r = await act(w, 'pull_request', { command: 'plan' });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access,file=profiles\/payments\.yaml,line=6,col=\d+::.*mode/m);
  t.equal(r.outputs.valid, 'false');
  t.notOk('plan-file' in r.outputs, 'no plan was computed');
  const [comment] = w.emu.issueComments(REPO, 7);
  t.ok(comment!.body.startsWith(`${MARKER}\n## oncall-access: oncall-access.yaml is invalid\n`));
  t.match(comment!.body, '> - profiles/payments.yaml:6:');
  t.match(comment!.body, 'commit `111111111111`');
  t.match(r.summary, 'is invalid');
  t.same(teamReads(w.emu), [], 'no team was read');
});

t.test('a pull request from a fork is validated only: not one request reaches GitHub', async (t) => {
  for (const event of ['pull_request_fork', 'pull_request_target_deleted_fork']) {
    const w = await world(t, {}, (dir) => {
      editFile(dir, 'profiles/payments.yaml', '  mode: auto', '  mode: whenever');
    });
    // A fork gets the workflow's variables (App and installation ids) but not its secrets.
    const r = await act(w, event, { command: 'plan', token: '', 'app-id': '1234', 'installation-id': '5678' });
    t.equal(r.code, 1, `${event}: invalid config still fails`);
    t.match(r.out, /^::error title=oncall-access,file=profiles\/payments\.yaml,line=6/m, `${event}: annotations still work`);
    t.match(r.out, '::notice title=oncall-access::Pull request from a fork: validated only.');
    t.match(r.summary, 'no plan for a pull request from a fork');
    t.same(w.emu.requests, [], `${event}: no request at all, so no write attempt`);
    t.notMatch(r.out, 'add-mask', 'no credential was minted or used');
  }
});

t.test('a pull request from this repository without secrets (Dependabot) is validated only: a notice says why and what to set, and the step succeeds', async (t) => {
  // All credential inputs empty; then app-id and installation-id from variables but the key, a secret, empty.
  const runs: Record<string, string>[] = [{ token: '' }, { token: '', 'app-id': '1234', 'installation-id': '5678' }];
  for (const inputs of runs) {
    const w = await world(t);
    const r = await act(w, 'pull_request', { command: 'plan', ...inputs });
    t.equal(r.code, 0, r.out);
    t.match(r.out, /^::notice title=oncall-access%3A validated only::No credentials for the GitHub target reached this run \(the token and app-private-key inputs are empty and GITHUB_TOKEN is not set\)/m);
    t.match(r.out, 'To plan pull requests, set the secret the workflow passes as the token input');
    t.notMatch(r.out, /^::error/m, 'no error annotation');
    t.same(r.outputs, { valid: 'true', 'comment-url': r.outputs['comment-url'] }, 'no plan outputs: no plan was computed');
    t.match(r.summary, '## oncall-access: oncall-access.yaml is valid');
    t.match(r.summary, '## oncall-access: no plan without credentials');
    const [comment] = w.emu.issueComments(REPO, 7);
    t.match(comment!.body, 'no plan without credentials', 'the comment says the same');
    t.match(comment!.body, 'Dependabot pull requests read Dependabot secrets');
    t.same(teamReads(w.emu), [], 'no team was read');
    t.notMatch(r.out, 'add-mask', 'no credential was minted or used');
  }
});

t.test('without secrets, a read-only github-token that cannot comment is a warning; no github-token posts nothing; an invalid config still fails', async (t) => {
  const w = await world(t);
  w.emu.failNext({ method: 'POST', pathPrefix: '/repos/' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
  const readOnly = await act(w, 'pull_request', { command: 'plan', token: '' });
  t.equal(readOnly.code, 0, readOnly.out);
  t.match(readOnly.out, /^::warning title=oncall-access::Cannot post the plan on pull request #7: GitHub refused \(403\)/m);
  const silent = await act(w, 'pull_request', { command: 'plan', token: '', 'github-token': '' });
  t.equal(silent.code, 0);
  t.notMatch(silent.out, /^::warning/m, 'no warning about the comment: the notice says it all');
  t.match(silent.out, '::notice title=oncall-access%3A validated only::');
  editFile(w.dir, 'profiles/payments.yaml', '  mode: auto', '  mode: sometimes');
  const invalid = await act(w, 'pull_request', { command: 'plan', token: '' });
  t.equal(invalid.code, 1, 'an invalid config fails the check');
  t.match(invalid.out, /^::error title=oncall-access,file=profiles\/payments\.yaml,line=6/m);
  t.match(invalid.out, '::notice title=oncall-access%3A validated only::');
  t.match(w.emu.issueComments(REPO, 7)[0]!.body, 'is invalid');
  t.same(teamReads(w.emu), []);
});

t.test('credentials given in part fail clearly: an apply on push, schedule or workflow_dispatch, and a pull request that has the key but not the ids', async (t) => {
  const w = await world(t);
  for (const event of ['push', 'schedule', 'workflow_dispatch']) {
    const r = await act(w, event, { command: 'apply', token: '', 'app-id': '1234', 'installation-id': '5678' });
    t.equal(r.code, 1, event);
    t.match(r.out, '::error title=oncall-access::GitHub App credentials need all three inputs: app-id, app-private-key and installation-id; empty: app-private-key', event);
  }
  const keyOnly = await act(w, 'pull_request', { command: 'plan', token: '', 'app-private-key': 'a secret that is set' });
  t.equal(keyOnly.code, 1, 'a secret was given: this is a mistake in the workflow, not a run without secrets');
  t.match(keyOnly.out, 'need all three inputs: app-id, app-private-key and installation-id; empty: app-id, installation-id');
  const mixed = await act(w, 'push', { command: 'plan', 'app-id': '1234' });
  t.match(mixed.out, '::error title=oncall-access::give either the token input or the App inputs (app-id, app-private-key, installation-id), not both');
  t.same(w.emu.requests, [], 'not one request');
});

/** Every piece of `secret` at least 8 characters long that starts where it starts, as a pattern. */
const pieceOf = (secret: string) => new RegExp(secret.slice(0, 8).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

t.test('attack: a request file linked to a file of secrets (/proc/self/environ) is refused by name; no piece of a token is printed', async (t) => {
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  t.teardown(() => rmSync(outside, { recursive: true, force: true }));
  // A fake key in PEM armour, assembled here so the repository holds no key-shaped literal.
  const armour = (edge: string) => `${'-'.repeat(5)}${edge} RSA ${['PRIVATE', 'KEY'].join(' ')}${'-'.repeat(5)}`;
  const key = [armour('BEGIN'), `MIIEowIBAAKCAQEA${'fake'.repeat(3)}`, armour('END')].join('\n');
  writeFileSync(join(outside, 'environ'), `INPUT_GITHUB-TOKEN=${TOKEN}\0INPUT_APP-PRIVATE-KEY=${key}\0`);
  const w = await world(t, {}, (dir) => {
    mkdirSync(join(dir, 'requests'));
    symlinkSync(join(outside, 'environ'), join(dir, 'requests', 'zz.yaml'));
  });
  const r = await act(w, 'pull_request', { command: 'plan', 'app-private-key': key });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access,file=requests\/zz\.yaml,line=1.*is a symbolic link; oncall-access reads only regular files/m, 'the link is refused, named');
  for (const [what, text] of Object.entries({ stdout: r.out, stderr: r.err, summary: r.summary, outputs: JSON.stringify(r.outputs) })) {
    t.notMatch(text, pieceOf(TOKEN), `${what}: no piece of the token`);
    t.notMatch(text, 'MIIEowIBAAKCAQEA', `${what}: no piece of the key`);
  }
});

t.test('attack: a token pasted into a request, quoted cut short in an error, is still redacted', async (t) => {
  const w = await world(t, {}, (dir) => {
    mkdirSync(join(dir, 'requests'));
    writeFileSync(join(dir, 'requests', 'leak.yaml'), `apiVersion: oncall-access/v1\nkind: AccessRequest\nmetadata: { name: leak }\nspec:\n  profile: "not a profile name at all, because ${TOKEN}"\n`);
  });
  const r = await act(w, 'pull_request', { command: 'plan' });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access,file=requests\/leak\.yaml,line=5/m, 'the bad field is annotated');
  for (const text of [r.out, r.err, r.summary]) t.notMatch(text, pieceOf(TOKEN), 'the start of the token, cut before redaction, is redacted too');
});

t.test('apply refuses to run for a pull-request event', async (t) => {
  const w = await world(t);
  const r = await act(w, 'pull_request', { command: 'apply' });
  t.equal(r.code, 1);
  t.match(r.out, '::error title=oncall-access::apply does not run for pull_request events');
  t.same(w.emu.requests, []);
});

t.test('apply on push: changes applied, audit events in the job summary, the success recorded; the next scheduled run has nothing to do', async (t) => {
  const w = await world(t);
  const inputs = { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', 'max-staleness': '30m' };
  const first = await act(w, 'push', inputs);
  t.equal(first.code, 0, first.out + first.err);
  t.match(first.out, '::notice title=oncall-access::No record of an earlier successful apply (last-apply.json): the staleness check (max 30m) starts with this run.');
  t.same(logGroups(first.out), [{ title: 'Plan: 1 to grant, 2 to revoke, 1 to update, 0 unchanged.', text: renderText(planIn(first.outputs['plan-file']), { color: false }) }], 'the plan applied, as the CLI prints it');
  t.match(first.out, /^::endgroup::\n(applied: .+\n){4}Apply complete: 4 applied, 0 failed, 0 skipped\.\n/m, 'then each applied change, as the CLI prints it');
  t.match(first.out, 'applied: grant bob-acme on acme/payments-deployers as member\n');
  t.same(first.outputs, {
    valid: 'true',
    'has-changes': 'true',
    grants: '1',
    revokes: '2',
    updates: '1',
    'plan-file': join(w.dir, 'oncall-access-plan.json'),
    'auto-approve': 'false',
    applied: '4',
    failed: '0',
    skipped: '0',
    stale: 'false',
  });
  t.match(first.summary, /^## oncall-access apply\n/);
  t.match(first.summary, '### Audit events');
  t.match(first.summary, 'Applied at 2026-11-25T12:00:00.000Z on the `push` event by alice-acme, config at commit `444444444444`.');
  t.equal(first.summary.match(/^- ✅ applied: /gm)?.length, 4);
  t.match(first.summary, '- ✅ applied: grant bob-acme on acme/payments-deployers as member');
  t.match(first.summary, '[workflow run](https://github.com/acme/access/actions/runs/4242)');
  t.same(JSON.parse(readFileSync(join(w.dir, 'heartbeat/last-apply.json'), 'utf8')), {
    formatVersion: 1,
    at: '2026-11-25T12:00:00.000Z',
    commit: '4444444444444444444444444444444444444444',
    run: 'https://github.com/acme/access/actions/runs/4242',
  });
  t.same(w.emu.teamMembers('acme', 'payments-deployers').map((m) => [m.login, m.role]), [['carol-acme', 'member'], ['bob-acme', 'member']]);

  const second = await act(w, 'schedule', inputs, { at: 5 * MINUTE });
  t.equal(second.code, 0);
  t.equal(second.outputs['has-changes'], 'false');
  t.equal(second.outputs.applied, '0');
  t.equal(second.outputs.stale, 'false');
  t.equal(second.outputs['last-apply'], '2026-11-25T12:00:00.000Z');
  t.match(second.summary, 'No change was needed.');
  t.match(second.summary, 'on the `schedule` event');
  t.equal(JSON.parse(readFileSync(join(w.dir, 'heartbeat/last-apply.json'), 'utf8')).at, '2026-11-25T12:05:00.000Z');
  t.same(w.emu.unexpected, []);
});

t.test('apply with a journal and a checkpoint: the checkpoint sees every change journaled before any is sent', async (t) => {
  const w = await world(t);
  const r = await act(w, 'push', { command: 'apply', journal: 'heartbeat/journal.json', checkpoint: 'cp heartbeat/journal.json pushed.json' });
  t.equal(r.code, 0, r.out + r.err);
  const pushed = JSON.parse(readFileSync(join(w.dir, 'pushed.json'), 'utf8')) as { entries: { state: string }[] };
  t.same(pushed.entries.map((e) => e.state), ['pending', 'pending', 'pending', 'pending'], 'the four changes, journaled before the first write');
  t.notOk(existsSync(join(w.dir, 'heartbeat/journal.json')), 'the journal is gone once every change is recorded');
  // As if the runner had been killed right after the checkpoint: the four changes are pending in the journal.
  cpSync(join(w.dir, 'pushed.json'), join(w.dir, 'heartbeat/journal.json'));
  const resumed = await act(w, 'schedule', { command: 'apply', journal: 'heartbeat/journal.json' }, { at: 5 * MINUTE });
  t.equal(resumed.code, 0, resumed.out);
  t.match(resumed.out, /^Resolving 4 change\(s\) of an interrupted apply:\n(applied: .+\n){4}::group::No changes\./m, 'the log shows the interrupted changes resolved, before the plan');
  t.equal(resumed.outputs.applied, '0', 'only the changes of this run are counted');
  const refused = await act(w, 'push', { command: 'apply', args: '--checkpoint x' });
  t.match(refused.out, 'input args may not contain --checkpoint');
});

t.test('a run that finds the last success older than max-staleness fails loudly, yet applies and records its own success', async (t) => {
  const w = await world(t);
  const inputs = { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', 'max-staleness': '30m' };
  await act(w, 'push', inputs, { at: -2 * 60 * MINUTE - 10 * MINUTE });
  const late = await act(w, 'schedule', inputs);
  t.equal(late.code, 1, 'stale: the run fails');
  t.match(late.out, '::error title=oncall-access%3A access may be stale::The last successful apply was at 2026-11-25T09:50:00.000Z, 2h10m ago, more than the allowed 30m');
  t.match(late.summary, '> [!CAUTION]\n> **Stale access.**');
  t.equal(late.outputs.stale, 'true');
  t.equal(JSON.parse(readFileSync(join(w.dir, 'heartbeat/last-apply.json'), 'utf8')).at, '2026-11-25T12:00:00.000Z', 'its own success is recorded');
  const next = await act(w, 'workflow_dispatch', inputs, { at: 5 * MINUTE });
  t.equal(next.code, 0, 'the next run is judged on its own gap: the alarm does not latch');
  t.equal(next.outputs.stale, 'false');
  t.match(next.summary, 'on the `workflow_dispatch` event');
});

t.test('an unreadable record of the last apply counts as stale', async (t) => {
  const w = await world(t);
  cpSync(join(EVENTS, 'push.json'), join(w.dir, 'heartbeat/last-apply.json'));
  const r = await act(w, 'schedule', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', 'max-staleness': '1h' });
  t.equal(r.code, 1);
  t.match(r.out, 'Cannot tell when access was last reconciled: last-apply.json is unreadable');
  t.equal(r.outputs.applied, '4', 'access is still reconciled');
});

t.test('apply with an invalid config or bad flags changes nothing and records nothing', async (t) => {
  const w = await world(t, {}, (dir) => editFile(dir, 'profiles/payments.yaml', '  mode: auto', '  mode: often'));
  const invalid = await act(w, 'push', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', comment: 'true' });
  t.equal(invalid.code, 1);
  t.match(invalid.out, /^::error title=oncall-access,file=profiles\/payments\.yaml,line=6/m);
  t.match(invalid.summary, 'nothing applied, invalid configuration');
  editFile(w.dir, 'profiles/payments.yaml', '  mode: often', '  mode: auto');
  const flags = await act(w, 'push', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', args: '--concurrency 0' });
  t.equal(flags.code, 1);
  t.match(flags.out, '::error title=oncall-access::apply produced no result: oncall-access apply: --concurrency must be a whole number of at least 1');
  t.notOk(existsSync(join(w.dir, 'heartbeat/last-apply.json')));
  t.same(w.emu.requests, []);
});

t.test('an apply refused by a guard fails, changes nothing and records no success', async (t) => {
  const w = await world(t);
  const r = await act(w, 'workflow_dispatch', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', args: '--max-revocations 1' });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access::refusing a plan that revokes 2 holdings/m);
  t.match(r.err, 'Apply refused');
  t.equal(r.outputs.applied, '0');
  t.match(r.summary, 'No change was needed.');
  t.notOk(existsSync(join(w.dir, 'heartbeat/last-apply.json')));
  t.same(writes(w.emu), []);
});

t.test('an apply whose changes partly fail reports them as failed audit events', async (t) => {
  const w = await world(t);
  w.emu.failNext({ method: 'PUT', pathPrefix: '/orgs/acme/teams/payments-deployers/memberships/bob-acme' }, { status: 422, body: { message: 'Validation Failed' } }, 3);
  const r = await act(w, 'push', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json' });
  t.equal(r.code, 1);
  t.equal(r.outputs.failed, '1');
  t.equal(r.outputs.applied, '3');
  t.match(r.summary, '- ❌ failed: grant bob-acme on acme/payments-deployers as member');
  t.notOk(existsSync(join(w.dir, 'heartbeat/last-apply.json')), 'a failed apply is not a success');
});

t.test('plan on a push (no pull request) writes the summary and outputs and posts nothing', async (t) => {
  const w = await world(t);
  const r = await act(w, 'push', { command: 'plan', 'plan-file': 'out/plan.json' });
  t.equal(r.code, 1, 'out/ does not exist: the CLI cannot write the plan');
  const ok = await act(w, 'push', { command: 'plan', 'plan-file': 'plan.json' });
  t.equal(ok.code, 0);
  t.equal(ok.outputs['plan-file'], join(w.dir, 'plan.json'));
  t.match(ok.summary, 'oncall-access plan of `oncall-access.yaml` · commit `444444444444`');
  t.same(writes(w.emu), []);
});

t.test('a plan with a read error is shown and commented, and fails the run', async (t) => {
  const w = await world(t);
  w.emu.failNext({ method: 'GET', pathPrefix: '/orgs/acme/invitations' }, { status: 403, body: { message: 'Resource not accessible by integration' } }, 10);
  const r = await act(w, 'pull_request', { command: 'plan' });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access,file=oncall-access\.yaml,line=13,col=7::cannot read team acme\/payments-deployers on github: cannot list pending invitations of acme: GitHub refused \(403\)/m, 'a red mark on the tokenEnv line');
  t.match(w.emu.issueComments(REPO, 7)[0]!.body, '[!CAUTION]');
});

t.test('a comment GitHub refuses fails the run with the permission it needs; comment: false posts nothing', async (t) => {
  const w = await world(t);
  w.emu.failNext({ method: 'POST', pathPrefix: '/repos/' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
  const r = await act(w, 'pull_request', { command: 'plan' });
  t.equal(r.code, 1);
  t.match(r.out, '::error title=oncall-access::Cannot post the plan on pull request #7: GitHub refused (403): github-token may not write pull-request comments (the job needs permissions: pull-requests: write)');
  t.equal(r.outputs.grants, '1', 'the plan outputs are still set');
  t.match(r.summary, 'oncall-access plan for');
  for (const [status, reason] of [[401, 'GitHub rejected github-token (401)'], [422, 'GitHub answered 422']] as const) {
    w.emu.failNext({ method: 'GET', pathPrefix: '/repos/' }, { status, body: { message: 'no' } });
    t.match((await act(w, 'pull_request', { command: 'plan' })).out, `Cannot post the plan on pull request #7: ${reason}`);
  }
  const nowhere = await act(w, 'pull_request', { command: 'plan' }, { env: { GITHUB_REPOSITORY: '' } });
  t.match(nowhere.out, 'GITHUB_REPOSITORY is not set');
  const off = await act(w, 'pull_request', { command: 'plan', comment: 'false' });
  t.equal(off.code, 0);
  t.same(w.emu.issueComments(REPO, 7), []);
});

t.test('without any token for the comment, the plan stays in the job summary and a warning says why', async (t) => {
  const w = await world(t, { token: undefined });
  const r = await act(w, 'pull_request', { command: 'plan', 'github-token': '', token: '' }, { env: { GITHUB_TOKEN: 'anything' } });
  t.equal(r.code, 0);
  t.match(r.out, '::warning title=oncall-access::No github-token input');
  t.same(w.emu.issueComments(REPO, 7), []);
});

t.test('validate annotates and summarises; errors in inputs are one annotation', async (t) => {
  const w = await world(t);
  const ok = await act(w, 'workflow_dispatch', { command: 'validate' });
  t.equal(ok.code, 0);
  t.match(ok.summary, '## oncall-access: oncall-access.yaml is valid');
  t.same(ok.outputs, { valid: 'true' });
  const bad = await act(w, 'workflow_dispatch', { command: 'deploy' });
  t.equal(bad.code, 1);
  t.equal(bad.out, '::error title=oncall-access::input command must be one of validate, plan, apply; got "deploy"\n');
  const args = await act(w, 'workflow_dispatch', { command: 'validate', args: '--at 2026-01-01T00:00:00Z' });
  t.equal(args.code, 1);
  t.match(args.out, '::error title=oncall-access::validate produced no result: oncall-access validate: unknown flag --at');
  const crash = await act(w, 'workflow_dispatch', { command: 'validate', 'plan-file': 'x' }, { env: { GITHUB_OUTPUT: w.dir, ONCALL_ACCESS_DEBUG: '1' } });
  t.equal(crash.code, 1, 'an output path that is a directory is an internal error');
  t.match(crash.out, '::error title=oncall-access::internal error: EISDIR');
  t.match(crash.err, 'at issueFileCommand', 'where @actions/core writes the output file');
  t.same(w.emu.requests, []);
});

t.test('GitHub App credentials: an installation token is minted, masked, and used for the GitHub target', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const installationToken = 'ghs_installationTOKENfromTHEapp0123456789';
  const w = await world(t, { token: installationToken, apps: [{ id: 1234, publicKey, installations: { '5678': installationToken } }] });
  const app = { token: '', 'app-id': '1234', 'app-private-key': privateKey.replace(/\n/g, '\\n'), 'installation-id': '5678', 'github-token': installationToken };
  const r = await act(w, 'pull_request', { command: 'plan', ...app });
  t.equal(r.code, 0, r.out);
  t.match(r.out, `::add-mask::${installationToken}\n`);
  t.equal(w.emu.requests[0]!.path, '/app/installations/5678/access_tokens');
  t.equal(r.outputs.grants, '1', 'the target was read with the installation token');
  const everything = [r.out, r.err, r.summary, JSON.stringify(r.outputs), ...w.emu.issueComments(REPO, 7).map((c) => c.body)].join('\n');
  t.notMatch(everything, 'PRIVATE KEY');
  t.notMatch(everything, privateKey.split('\n')[1]!);

  const wrong = await act(w, 'pull_request', { command: 'plan', ...app, 'installation-id': '9999' });
  t.equal(wrong.code, 1);
  t.match(wrong.out, '::error title=oncall-access::cannot get an installation token for GitHub App 1234, installation 9999: no such installation (404)');
  const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const forged = await act(w, 'pull_request', { command: 'plan', ...app, 'app-private-key': other.privateKey });
  t.match(forged.out, "GitHub rejected the App's signed token (401)");
  w.emu.failNext({ pathPrefix: '/app/' }, { status: 422, body: { message: 'Unprocessable' } });
  const refused = await act(w, 'pull_request', { command: 'plan', ...app });
  t.match(refused.out, 'installation 5678: GitHub answered 422');
  const garbage = await act(w, 'pull_request', { command: 'plan', ...app, 'app-private-key': 'not a key' });
  t.match(garbage.out, 'the private key could not be read');
  t.notMatch(garbage.out + forged.out, 'PRIVATE KEY');
});

t.test('the built entry point runs as the runner runs it: a process with the environment and files', async (t) => {
  const w = await world(t);
  const env = { ...runnerEnv(w, 'push', { command: 'plan', args: `--at ${AT}` }), PATH: process.env.PATH };
  for (const file of ['output.txt', 'summary.md']) writeFileSync(join(w.dir, file), '', { flag: 'a' }); // the runner creates both
  const r = await runBuilt([resolve('dist/action/main.js')], { cwd: w.dir, env });
  t.equal(r.code, 0, r.stderr);
  t.ok(r.stdout.startsWith(`::add-mask::${TOKEN}\n::group::Plan: 1 to grant, 2 to revoke, 1 to update, 0 unchanged.\nPlan for 2026-11-25T12:00:00Z\n`), r.stdout);
  t.match(r.stdout, /^::endgroup::\n$/m);
  t.equal(readOutputs(join(w.dir, 'output.txt')).grants, '1');
  t.match(summaryOf(w), 'oncall-access plan for 2026-11-25T12:00:00Z');
  const bad = await runBuilt([resolve('dist/action/main.js')], { cwd: w.dir, env: { ...env, INPUT_COMMAND: '' } });
  t.equal(bad.code, 1);
});

t.test('the emulator refuses comment and App token requests that GitHub refuses', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const w = await world(t, { token: undefined, apps: [{ id: 1, publicKey, installations: { '2': 'ghs_x' } }] });
  const call = async (method: string, path: string, body?: unknown, auth = 'token x') =>
    (await fetch(`${w.emu.url}${path}`, { method, headers: { authorization: auth }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).status;
  t.equal(await call('POST', '/repos/acme/access/issues/7/comments', {}), 422, 'no body');
  t.equal(await call('POST', '/repos/acme/access/issues/0/comments', { body: 'x' }), 404, 'no issue 0');
  t.equal(await call('GET', '/repos/acme/access/issues/x/comments'), 404);
  t.equal(await call('PATCH', '/repos/acme/access/issues/comments/1', { body: 'x' }), 404, 'no such comment');
  t.equal(await call('POST', '/repos/acme/access/issues/7/comments', { body: 'x' }), 201);
  const [comment] = w.emu.issueComments(REPO, 7);
  t.equal(await call('PATCH', `/repos/acme/other/issues/comments/${comment!.id}`, { body: 'y' }), 404, 'a comment of another repository');
  t.equal(await call('PATCH', `/repos/acme/access/issues/comments/${comment!.id}`, { body: 42 }), 422);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const jwt = (head: unknown, claims: unknown) => {
    const data = `${b64(head)}.${b64(claims)}`;
    return `Bearer ${data}.${sign('sha256', Buffer.from(data), privateKey).toString('base64url')}`;
  };
  const tokenFor = (auth: string) => call('POST', '/app/installations/2/access_tokens', undefined, auth);
  t.equal(await tokenFor(jwt({ alg: 'RS256' }, { iss: 1, iat: now - 30, exp: now + 540 })), 201, 'a valid JWT');
  t.equal(await tokenFor(jwt({ alg: 'none' }, { iss: 1, iat: now - 30, exp: now + 540 })), 401, 'unsigned');
  t.equal(await tokenFor(jwt({ alg: 'RS256' }, { iss: 1, iat: now - 700, exp: now - 60 })), 401, 'expired');
  t.equal(await tokenFor(jwt({ alg: 'RS256' }, { iss: 1, iat: now, exp: now + 3600 })), 401, 'valid for too long');
  t.equal(await tokenFor(jwt({ alg: 'RS256' }, { iss: 9, iat: now - 30, exp: now + 540 })), 401, 'another App');
  t.equal(await tokenFor('Bearer bm90.anNvbg.sig'), 401, 'not JSON');
  t.equal(await tokenFor('token ghs_x'), 401, 'not a JWT');
});
