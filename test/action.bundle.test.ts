/**
 * The committed Action bundle, action/index.js, run as the runner runs a `using: node24` action:
 * the action's files copied to a directory with no node_modules anywhere above it (as `uses:`
 * downloads them), `node` started on the bundle in the workspace, every input of action.yml as
 * `INPUT_<NAME>` (upper case, hyphens kept; defaults for inputs the step leaves out), the
 * `GITHUB_*` variables, the event file and the output and summary files, against the demo's
 * emulators: GitHub, PagerDuty (read through pdjs) and JSM Operations (Opsgenie in a test of its own).
 *
 * It builds nothing: .ci/bundle-check keeps the committed file what the source builds. The node
 * binary is ONCALL_ACCESS_TEST_NODE when set (CI points it at Node 24), else this process's.
 */
import t, { type Test } from 'tap';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { commentMarker } from '../src/action/pr-comment.js';
import { pointConfigAt, startDemoEmulators, type DemoEmulators } from '@oncall-access/emulators/demo-emulators';
import { DEMO_AT } from '@oncall-access/emulators/demo-world';
import { writeDemoState } from '../src/demo-world.js';
import { runBuilt } from './helpers/built.js';
import { dataOnOpsgenie, ENV, opsgenieEmulator, TOKEN } from './helpers/demo-workspace.js';
import { commitAll, initRepo } from './helpers/git-repo.js';

const NODE = process.env.ONCALL_ACCESS_TEST_NODE || process.execPath;
const REPO = 'acme/access';
const CONFIG = 'oncall-access.yaml';

const inputs = (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs;

/** A fresh directory outside the repository, removed when the test ends. */
function tempDir(t: Test, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `oncall-access-${name}-`));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface Job {
  /** The workspace: a git repository holding the demo's config, pointed at the emulators. */
  workspace: string;
  /** RUNNER_TEMP: the event, output and summary files. */
  runner: string;
  /** Where the action's files are, as the runner downloads them. */
  action: string;
  emulators: DemoEmulators;
}

/** The action checked out, the demo workspace committed on main, its emulators started. */
async function job(t: Test): Promise<Job> {
  const action = tempDir(t, 'action');
  cpSync('action.yml', join(action, 'action.yml'));
  cpSync('action', join(action, 'action'), { recursive: true });
  const emulators = await startDemoEmulators({ strict: true, tokens: ENV });
  t.teardown(() => emulators.close());
  const workspace = tempDir(t, 'workspace');
  cpSync('profiles', workspace, { recursive: true });
  writeDemoState(join(workspace, 'state'));
  writeFileSync(join(workspace, CONFIG), pointConfigAt(readFileSync(join(workspace, CONFIG), 'utf8'), emulators));
  initRepo(workspace);
  return { workspace, runner: tempDir(t, 'runner'), action, emulators };
}

/**
 * Runs the action for `event` with the step's `with:` values, as the runner would: an input the
 * step leaves out gets its action.yml default (`${{ github.token }}` is the job's token); the
 * PagerDuty, Atlassian and Opsgenie secrets come through the step's `env:`.
 */
async function run(j: Job, event: { name: string; payload: unknown }, given: Record<string, string>) {
  const file = (name: string) => join(j.runner, name);
  writeFileSync(file('event.json'), JSON.stringify(event.payload));
  for (const name of ['output.txt', 'summary.md']) writeFileSync(file(name), '');
  mkdirSync(file('home'), { recursive: true });
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: file('home'),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: j.workspace,
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: file('event.json'),
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: j.emulators.github.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: '4444444444444444444444444444444444444444',
    GITHUB_ACTOR: 'alice-acme',
    GITHUB_OUTPUT: file('output.txt'),
    GITHUB_STEP_SUMMARY: file('summary.md'),
    RUNNER_TEMP: j.runner,
    // A secret no path can contain: output hides any start of a secret 8 characters or longer, and the old
    // value, runner-secret, hid the temporary directory oncall-access-runner-s… (1 run in 62).
    ACTIONS_RUNTIME_TOKEN: 'Zq7RtT0k3nVa1ue',
    PAGERDUTY_TOKEN: ENV.PAGERDUTY_TOKEN,
    ATLASSIAN_EMAIL: ENV.ATLASSIAN_EMAIL,
    ATLASSIAN_API_TOKEN: ENV.ATLASSIAN_API_TOKEN,
    OKTA_API_TOKEN: ENV.OKTA_API_TOKEN,
    OPSGENIE_API_KEY: ENV.OPSGENIE_API_KEY,
    SLACK_TOKEN: ENV.SLACK_TOKEN,
  };
  for (const [name, input] of Object.entries(inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = given[name] ?? (input.default ?? '').replace('${{ github.token }}', TOKEN);
  }
  const r = await runBuilt([join(j.action, 'action', 'index.js')], { cwd: j.workspace, env, node: NODE });
  return { ...r, outputs: readOutputs(file('output.txt')), summary: readFileSync(file('summary.md'), 'utf8') };
}

/** The step's outputs: a GITHUB_OUTPUT file holds `name<<DELIMITER`, the value's lines, `DELIMITER`. */
const readOutputs = (path: string): Record<string, string> => Object.fromEntries([...readFileSync(path, 'utf8').matchAll(/^([\w-]+)<<(.+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1]!, m[3]!]));

const push = { name: 'push', payload: JSON.parse(readFileSync('test/fixtures/events/push.json', 'utf8')) };

t.test('validate: the bundle checks the config with its compiled schemas and reports like the Action', async (t) => {
  const j = await job(t);
  const ok = await run(j, push, { command: 'validate' });
  t.equal(ok.code, 0, ok.stdout + ok.stderr);
  t.same(ok.outputs, { valid: 'true' });
  t.notMatch(ok.stdout, 'Usage: oncall-access', 'starting the Action does not also start the CLI it holds');
  t.equal(ok.stderr, '');

  writeFileSync(join(j.workspace, 'payments.yaml'), readFileSync(join(j.workspace, 'payments.yaml'), 'utf8').replace('mode: auto', 'mode: sometimes'));
  const bad = await run(j, push, { command: 'validate' });
  t.equal(bad.code, 1);
  t.same(bad.outputs, { valid: 'false' });
  t.match(bad.stdout, /^::error [^:]*file=payments\.yaml,line=\d+,col=\d+[^:]*::.*mode/m, 'an annotation on the line at fault');
  t.notMatch(bad.stdout + bad.stderr, /\n\s+at /, 'no stack trace');
  t.same([j.emulators.github, j.emulators.pagerduty, j.emulators.jsm].map((e) => e.requests.length), [0, 0, 0], 'validate sends no request');
});

t.test('plan on a pull request: sources read through the bundled clients, one comment posted, nothing changed', async (t) => {
  const j = await job(t);
  const base = commitAll(j.workspace, 'main');
  const pr = JSON.parse(readFileSync('test/fixtures/events/pull_request.json', 'utf8').replaceAll('0'.repeat(40), base));
  const r = await run(j, { name: 'pull_request', payload: pr }, { command: 'plan', token: TOKEN, args: `--at ${DEMO_AT}` });
  t.equal(r.code, 0, r.stdout + r.stderr);
  t.match(r.outputs, { valid: 'true', 'has-changes': 'true', grants: '6', revokes: '8', updates: '1', 'plan-file': join(j.runner, 'oncall-access-plan.json') });
  const comments = j.emulators.github.issueComments(REPO, 7);
  t.equal(comments.length, 1);
  t.ok(comments[0]!.body.startsWith(`${commentMarker(CONFIG)}\n## oncall-access plan for ${DEMO_AT}`), comments[0]!.body.slice(0, 200));
  t.match(comments[0]!.body, 'judy-acme', 'judy, on call in a PagerDuty escalation policy, read through pdjs');
  t.match(comments[0]!.body, 'leo-acme', 'leo, on call in a JSM Operations schedule, his email from Jira\'s user lookup');
  t.match(r.outputs['comment-url'], new RegExp(`/${REPO}/pull/7#issuecomment-${comments[0]!.id}$`));
  t.ok(j.emulators.pagerduty.requests.length > 0);
  t.ok(j.emulators.jsm.requests.some((q) => q.path.endsWith('/timeline')) && j.emulators.jsm.requests.some((q) => q.path.endsWith('/user/bulk')), 'the timeline and the user lookup were read');
  const writes = j.emulators.github.requests.filter((q) => q.method !== 'GET' && q.path !== '/graphql');
  t.same(writes.map((q) => `${q.method} ${q.path}`), [`POST /repos/${REPO}/issues/7/comments`], 'the comment is the only write');
  t.same([j.emulators.github.unexpected, j.emulators.pagerduty.unexpected, j.emulators.jsm.unexpected], [[], [], []]);
  for (const secret of [ENV.PAGERDUTY_TOKEN, ENV.ATLASSIAN_API_TOKEN, ENV.SLACK_TOKEN, ENV.OKTA_API_TOKEN]) t.notMatch(r.stdout + r.stderr + r.summary + comments[0]!.body, secret, 'no secret printed');
});

t.test('apply on push: the changes reach GitHub, a PagerDuty shift among them', async (t) => {
  const j = await job(t);
  const members = (team: string) => j.emulators.github.teamMembers('acme', team).map((m) => m.login);
  t.notOk(members('checkout-deployers').includes('judy-acme'));
  const r = await run(j, push, { command: 'apply', token: TOKEN, args: `--at ${DEMO_AT}` });
  t.equal(r.code, 0, r.stdout + r.stderr);
  t.match(r.outputs, { valid: 'true', applied: '15', failed: '0', skipped: '0' });
  t.same(j.emulators.slack.members('platform-oncall').sort(), ['U0FRANK001', 'U0GRACE001'], 'the bundled Slack client moved the handle');
  t.ok(members('checkout-deployers').includes('judy-acme'), 'judy was granted checkout-deployers');
  t.ok(members('data-deployers').includes('leo-acme'), 'leo was granted data-deployers');
  t.match(r.summary, '## oncall-access apply');
  t.same([j.emulators.github.unexpected, j.emulators.pagerduty.unexpected, j.emulators.jsm.unexpected], [[], [], []]);
});

t.test('plan with an opsgenie source: the bundle reads its schedule with the key from the step env', async (t) => {
  const j = await job(t);
  const opsgenie = await opsgenieEmulator(t);
  dataOnOpsgenie(j.workspace, opsgenie.url);
  const r = await run(j, push, { command: 'plan', token: TOKEN, args: `--at ${DEMO_AT}` });
  t.equal(r.code, 0, r.stdout + r.stderr);
  t.match(r.outputs, { valid: 'true', 'has-changes': 'true', grants: '6', revokes: '8', updates: '1' });
  t.match(r.stdout, /\+ leo-acme .*on call in opsgenie schedule data_primary/, 'leo, on call in an Opsgenie schedule');
  t.ok(opsgenie.requests.length > 0, 'Opsgenie was read');
  t.same(j.emulators.jsm.requests, [], 'no jsm source any more');
  t.same([j.emulators.github.unexpected, j.emulators.pagerduty.unexpected, opsgenie.unexpected], [[], [], []]);
  t.notMatch(r.stdout + r.stderr + r.summary, ENV.OPSGENIE_API_KEY, 'no secret printed');
});
