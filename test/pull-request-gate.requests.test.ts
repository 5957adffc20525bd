/**
 * The pull request is the gate (issue 12), request attacks: smuggled, edited, backdated and
 * deleted requests, each run as the attack (a base commit on main, a pull request commit, the
 * plan run for a pull_request event against the emulators).
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { cli, demoWorkspace, ENV } from './helpers/demo-workspace.js';
import { commitAll, initRepo } from './helpers/git-repo.js';
import { addRequests, C, grantsTo, messages, prEnv, prPlan, request } from './helpers/pull-request.js';

/** A run on the default branch in GitHub Actions, which names the repository approvals are read from. */
const ON_MAIN = { ...ENV, GITHUB_REPOSITORY: 'acme/access' };
/** A pull request's final head commit, and an earlier one. */
const HEAD = 'ab'.repeat(20);
const OLD = 'cd'.repeat(20);

t.test('attack 2: smuggled requests (subfolder, symbolic link, edited or retyped request) are errors in the plan', async (t) => {
  const { dir } = await demoWorkspace(t);
  addRequests(dir, { 'old.yaml': request('bob-acme', '2026-11-30T07:50:00Z', '1h') });
  const base = initRepo(dir);
  addRequests(dir, { 'requests/x.yaml': request('dave-acme', '2026-11-30T07:50:00Z') });
  commitAll(dir, 'smuggle', 'dave');
  const r = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'dave-acme', base) });
  t.equal(r.code, 1);
  t.match(r.out, 'requests/requests/x.yaml:1:1: error: requests/requests/x.yaml is in a subfolder: request files go directly in requests/ (move it there)');
  t.notMatch(r.out, /dave-acme/, 'nothing is granted for the smuggled request');

  // An old request turned into a link to a new one: refused as a link, whichever check sees it first.
  rmSync(join(dir, 'requests', 'old.yaml'));
  symlinkSync('requests/x.yaml', join(dir, 'requests', 'old.yaml'));
  commitAll(dir, 'retype', 'dave');
  const linked = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'dave-acme', base) });
  t.equal(linked.code, 1);
  t.match(linked.out + linked.err, /requests\/old\.yaml:1(:1)?: error: .*symbolic link/);
  t.notMatch(linked.out, /dave-acme/);

  const edited = await demoWorkspace(t);
  addRequests(edited.dir, { 'bob.yaml': request('bob-acme', '2026-11-30T07:50:00Z', '1h') });
  const before = initRepo(edited.dir);
  addRequests(edited.dir, { 'bob.yaml': request('bob-acme', '2026-11-30T07:50:00Z', '4h') });
  commitAll(edited.dir, 'longer', 'bob');
  const e = await cli(edited.dir, ['plan', ...C], { env: prEnv(edited.dir, 'bob-acme', before) });
  t.equal(e.code, 1);
  t.match(e.out, 'requests/bob.yaml:1:1: error: this pull request edits requests/bob.yaml: a request is never edited after it is filed; add a new request file instead');
  t.match(e.out, 'until 2026-11-30 08:50Z', 'the plan uses the request as main has it');
});

t.test('attack 3: a backdated request grants nothing, on the pull request and after merge', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const base = initRepo(dir);
  // alice's shift ended at 08:00Z (window until 08:30Z); at 11:00Z she files a request dated 08:10Z.
  addRequests(dir, { 'alice.yaml': request('alice@acme.example', '2026-11-30T08:10:00Z', '4h'), 'bob.yaml': request('bob@acme.example', '2026-11-30T11:00:00Z', '4h') });
  const merge = commitAll(dir, 'requests', 'alice', '2026-11-30T11:00:00Z');
  emu.addPullRequest({ repo: 'acme/access', number: 3, user: 'alice-acme', head: { sha: HEAD }, merged: { at: '2026-11-30T11:00:00Z', commitSha: merge }, reviews: [{ user: 'carol-acme', state: 'APPROVED', commitId: HEAD }] });
  const pr = await prPlan(dir, 'alice-acme', base, new Date('2026-11-30T11:00:00Z'));
  t.same(grantsTo(pr.plan, 'alice-acme'), [], 'nothing for alice');
  t.match(messages(pr.plan), 'request requests/alice.yaml: alice@acme.example was not on call in any rotation of profile payments-incident-commander at 2026-11-30T10:55:00.000Z (a request starts when it reaches the default branch, not at its requestedAt 2026-11-30T08:10:00.000Z)');

  const applied = await cli(dir, ['apply', ...C, '--yes'], { env: ON_MAIN, now: new Date('2026-11-30T11:05:00Z') });
  t.match(applied.out, 'request requests/alice.yaml: alice@acme.example was not on call', 'merged, it still grants nothing: the merge commit is the evidence');
  t.notOk(emu.teamMembers('acme', 'payments-admins').some((m) => m.login === 'alice-acme'));
  t.ok(emu.teamMembers('acme', 'payments-admins').some((m) => m.login === 'bob-acme'), 'an honest request merged with it is granted');
  t.match(applied.out, 'Apply complete', 'the error is scoped to the backdated request');

  addRequests(dir, { 'expired.yaml': request('bob@acme.example', '2026-11-30T09:00:00Z', '1h') });
  commitAll(dir, 'late', 'bob', '2026-11-30T11:10:00Z');
  const late = await prPlan(dir, 'bob-acme', base, new Date('2026-11-30T11:10:00Z'));
  t.match(messages(late.plan), 'request requests/expired.yaml: it ended at 2026-11-30 10:00Z, before it reached the default branch (2026-11-30 11:10Z, or now for a pull request); it grants nothing');
});

t.test('attack 4: approval: review is checked by the tool, not by a file name', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  initRepo(dir);
  addRequests(dir, { 'anything-goes.yaml': request('bob@acme.example', '2026-11-30T07:50:00Z') });
  const merge = commitAll(dir, 'request', 'bob');
  const apply = () => cli(dir, ['apply', ...C, '--yes'], { env: ON_MAIN, now: new Date('2026-11-30T08:00:00Z') });
  const admins = () => emu.teamMembers('acme', 'payments-admins').map((m) => m.login);
  emu.addPullRequest({ repo: 'acme/access', number: 1, user: 'erin-acme', head: { sha: OLD } });
  const none = await apply();
  t.match(none.out, 'request requests/anything-goes.yaml: not approved: no merged pull request brought commit');
  t.same(admins(), [], 'merged by a direct push, without a pull request: nothing');

  emu.addPullRequest({ repo: 'acme/access', number: 4, user: 'bob-acme', head: { sha: HEAD }, commits: ['ef'.repeat(20)], merged: { at: '2026-11-30T07:45:00Z', commitSha: merge }, reviews: [{ user: 'mallory-acme', state: 'APPROVED', commitId: HEAD }, { user: 'carol-acme', state: 'APPROVED', commitId: 'ef'.repeat(20) }] });
  const wrong = await apply();
  t.match(wrong.out, 'request requests/anything-goes.yaml: not approved: waiting for approval from carol-acme on pull request #4');
  t.same(admins(), [], 'approved by someone who is not an approver, and by carol only before the last push: nothing');

  emu.addReview('acme/access', 4, { user: 'carol-acme', state: 'APPROVED', commitId: HEAD });
  const approved = await apply();
  t.equal(approved.code, 0, approved.out);
  t.same(admins(), ['bob-acme'], 'approved by carol at the final head: granted');
  t.match(readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8'), 'approved by carol-acme on pull request #4');
});

t.test('attack 6: deleting someone else\'s running request is an error; the subject may end their own', async (t) => {
  const { dir } = await demoWorkspace(t);
  addRequests(dir, { 'bob.yaml': request('bob@acme.example', '2026-11-30T07:50:00Z', '2h') });
  const base = initRepo(dir);
  rmSync(join(dir, 'requests', 'bob.yaml'));
  commitAll(dir, 'end it', 'dave');
  const dave = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'dave-acme', base), now: new Date('2026-11-30T08:00:00Z') });
  t.equal(dave.code, 1);
  t.match(dave.out, 'requests/bob.yaml:1:1: error: this pull request deletes requests/bob.yaml, which grants bob@acme.example access until 2026-11-30T09:50:00.000Z: only its subject or an approver of profile payments-incident-commander may end it early');
  const bob = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'bob-acme', base), now: new Date('2026-11-30T08:00:00Z') });
  t.equal(bob.code, 0, bob.out);
  t.notMatch(bob.out, 'acme/payments-admins', 'the plan shows what merging does: the request no longer grants');
  const later = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'dave-acme', base), now: new Date('2026-11-30T10:00:00Z') });
  t.equal(later.code, 0, 'an ended request may be deleted by anyone');
});

t.test('a shallow checkout cannot tell when a request was merged: apply refuses rather than guess', async (t) => {
  const { dir } = await demoWorkspace(t);
  addRequests(dir, { 'bob.yaml': request('bob@acme.example', '2026-11-30T07:50:00Z') });
  initRepo(dir);
  commitAll(dir, 'second');
  const shallow = `${dir}-shallow`;
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, shallow]);
  t.teardown(() => rmSync(shallow, { recursive: true, force: true }));
  const r = await cli(shallow, ['apply', ...C, '--yes'], { env: ON_MAIN, now: new Date('2026-11-30T08:00:00Z') });
  t.equal(r.code, 1);
  t.equal(r.err, 'oncall-access apply: the checkout is shallow, so when each access request was merged cannot be read from its history: check out with fetch-depth: 0\n');
});
