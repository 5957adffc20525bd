/**
 * The pull request is the gate (issue 12), policy attacks: each run as the attack (a base
 * commit on main, a pull request commit, the plan run for a pull_request event against the
 * emulators), asserting that nothing is granted and the plan says why.
 */
import t from 'tap';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../src/action/main.js';
import { startGitHubEmulator } from '@oncall-access/emulators/github';
import { cli, demoWorkspace, editFile } from './helpers/demo-workspace.js';
import { commitAll, initRepo } from './helpers/git-repo.js';
import { captureIo } from './helpers/io.js';
import { inStep } from './helpers/step.js';
import { addRequests, C, grantsTo, messages, prEnv, prPlan, request, type PlanJson } from './helpers/pull-request.js';

t.test('attack 1: a pull request that loosens the profile and requests under it is judged by the policy on main', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const base = initRepo(dir);
  editFile(dir, 'payments.yaml', '  approval: review\n  approvers: [carol-acme]', '  approval: auto\n  approvers: [carol-acme]\n  members: [dave@acme.example]');
  addRequests(dir, { 'dave.yaml': request('dave@acme.example', '2026-11-30T07:50:00Z', '4h') });
  commitAll(dir, 'let me in', 'dave');

  const output = join(dir, '..', `${t.name.length}-output.txt`);
  writeFileSync(output, '');
  const env = { ...prEnv(dir, 'dave-acme', base), INPUT_COMMAND: 'plan', INPUT_CONFIG: 'oncall-access.yaml', INPUT_COMMENT: 'false', GITHUB_OUTPUT: output, RUNNER_TEMP: join(dir, '..'), GITHUB_REPOSITORY: 'acme/access' };
  const io = captureIo(dir, env, new Date('2026-11-30T07:55:00Z'));
  const { value: code } = await inStep(env, () => runAction(io.io));
  t.equal(code, 1, 'the check fails');
  const outputs = readFileSync(output, 'utf8');
  t.match(outputs, /auto-approve<<\S+\nfalse\n/, 'never auto-approvable');
  const plan = JSON.parse(readFileSync(join(dir, '..', 'oncall-access-plan.json'), 'utf8')) as PlanJson;
  t.same(grantsTo(plan, 'dave-acme'), [], 'with the policy on main, nothing is granted to dave');
  t.match(messages(plan), 'request requests/dave.yaml: dave@acme.example was not on call in any rotation of profile payments-incident-commander');
  t.equal(plan.proposed!.base, 'main', 'the second plan is labelled');
  t.equal(grantsTo(plan.proposed!.plan!, 'dave-acme').length, 1, 'after this pull request, its own policy would grant dave: that is what a reviewer must see');
  t.match(messages(plan), 'this pull request changes policy and adds 1 request(s): its requests are never merged without review');

  const text = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'dave-acme', base), now: new Date('2026-11-30T07:55:00Z') });
  t.match(text.out, /^Plan for 2026-11-30T07:55:00Z, with the policy on main \(what merging this pull request does\)/);
  t.match(text.out, '\nAfter this pull request, with its policy: plan for 2026-11-30T07:55:00Z');
  t.same(emu.requests.filter((r) => r.method !== 'GET' && r.path !== '/graphql'), [], 'a plan writes nothing');
});

t.test('attack 7: a pull request that points apiUrl elsewhere sends no token there', async (t) => {
  const { dir } = await demoWorkspace(t);
  const elsewhere = await startGitHubEmulator({ orgs: {} });
  t.teardown(() => elsewhere.close());
  const base = initRepo(dir);
  editFile(dir, 'oncall-access.yaml', /apiUrl: http:\/\/127\.0\.0\.1:\d+/, `apiUrl: ${elsewhere.url}`);
  commitAll(dir, 'move', 'dave');
  const r = await prPlan(dir, 'dave-acme', base);
  t.same(elsewhere.requests, [], 'the other host was never called');
  t.match(r.plan.proposed!.notPlanned, /this pull request changes where credentials are sent \((sources|targets)\.\w+ changes its type, apiUrl or tokenEnv\); its policy is planned on main once merged/);
});

t.test('the state folder is written by apply only: a pull request that edits it is an error', async (t) => {
  const { dir } = await demoWorkspace(t);
  const base = initRepo(dir);
  mkdirSync(join(dir, 'state'), { recursive: true });
  writeFileSync(join(dir, 'state', 'grants.json'), '{"formatVersion":1,"grants":[]}\n');
  commitAll(dir, 'forge', 'dave');
  const r = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'dave-acme', base) });
  t.equal(r.code, 1);
  t.match(r.out, 'state/grants.json:1:1: error: this pull request changes state/grants.json by hand: the state folder is written by apply only');
});

t.test('a pull request plan needs its base commit, and apply never runs for one', async (t) => {
  const { dir } = await demoWorkspace(t);
  initRepo(dir);
  const missing = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'bob-acme', 'abcdef1234567') });
  t.equal(missing.code, 1);
  t.equal(missing.err, 'oncall-access plan: cannot read the base commit abcdef123456 of this pull request (check out with fetch-depth: 0)\n');
  const unreadable = await cli(dir, ['plan', ...C], { env: { ...prEnv(dir, 'bob-acme', 'abcdef1234567'), GITHUB_EVENT_PATH: join(dir, 'no-such-event.json') } });
  t.equal(unreadable.err, 'oncall-access plan: cannot read the pull request event (GITHUB_EVENT_PATH)\n');
  const apply = await cli(dir, ['apply', ...C, '--yes'], { env: prEnv(dir, 'bob-acme', 'abcdef1234567') });
  t.equal(apply.code, 1);
  t.match(apply.err, 'apply does not run for pull_request events');
});

t.test('a pull request is planned with main\'s policy even when main\'s is broken: the errors say where they are', async (t) => {
  const { dir } = await demoWorkspace(t);
  editFile(dir, 'payments.yaml', '  approvers: [carol-acme]', '  approvers: carol-acme');
  const base = initRepo(dir);
  editFile(dir, 'payments.yaml', '  approvers: carol-acme', '  approvers: [carol-acme]');
  commitAll(dir, 'fix', 'carol');
  const r = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'carol-acme', base) });
  t.equal(r.code, 1);
  t.match(r.err, /^payments\.yaml:\d+:\d+: error: .*approvers/m, 'the error names the file and line as on main');
  t.match(r.err, 'These errors are in the configuration on main (the base of this pull request), which its plan uses.');
});

t.test('outside a git checkout a pull request cannot be checked, and says so', async (t) => {
  const outside = mkdtempSync(join(tmpdir(), 'oncall-access-nogit-'));
  t.teardown(() => ['', '.bob-acme.event.json'].forEach((end) => rmSync(`${outside}${end}`, { recursive: true, force: true })));
  const { dir } = await demoWorkspace(t);
  cpSync(dir, outside, { recursive: true });
  const r = await cli(outside, ['plan', ...C], { env: prEnv(outside, 'bob-acme', 'abcdef1234567') });
  t.equal(r.code, 1);
  t.equal(r.err, `oncall-access plan: cannot check this pull request: ${outside} is not in a git checkout\n`);
});
