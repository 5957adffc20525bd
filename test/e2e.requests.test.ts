import t from 'tap';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AT } from '@oncall-access/emulators/demo-world';
import { requestFileName } from '../src/commands/request.js';
import { cli, demoWorkspace, ENV } from './helpers/demo-workspace.js';
import { commitAll, git, initRepo, pullRequestEventFile } from './helpers/git-repo.js';

const C = ['--config', 'oncall-access.yaml'];
const PROFILE = 'payments-incident-commander';
const at = (iso: string) => ({ now: new Date(iso) });
/** A run on the default branch in GitHub Actions, which names the repository (approvals are read from it). */
const onMain = (iso: string) => ({ env: { ...ENV, GITHUB_REPOSITORY: 'acme/access' }, now: new Date(iso) });
/** The pull request's final head commit. */
const HEAD = 'ab'.repeat(20);

/** The environment of a pull_request workflow run opened by `author`. */
function prEnv(dir: string, author: string, base: string): NodeJS.ProcessEnv {
  return { ...ENV, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pullRequestEventFile(dir, author, base) };
}

t.test('the full flow: the on-call engineer requests, the PR check passes, merge, apply grants, expiry revokes', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const base = initRepo(dir);
  const made = await cli(dir, ['request', PROFILE, ...C, '--for', '2h', '--reason', 'INC-42 payments outage', '--subject', 'bob@acme.example']);
  t.equal(made.code, 0, made.err);
  const file = join('requests', requestFileName(PROFILE, 'bob@acme.example', new Date(DEMO_AT)));
  t.equal(made.out.split('\n')[0], `Wrote ${file}: eligible (on call in rotation payments-primary until 2026-12-07 08:00Z); approval: a review from carol-acme.`);
  t.equal(
    readFileSync(join(dir, file), 'utf8'),
    'apiVersion: oncall-access/v1\nkind: AccessRequest\nspec:\n  profile: payments-incident-commander\n  subject: bob@acme.example\n  reason: INC-42 payments outage\n  duration: 2h\n  requestedAt: 2026-11-30T07:50:00Z\n',
  );
  commitAll(dir, 'request', 'bob');

  const check = await cli(dir, ['plan', ...C, '--format', 'json'], { env: prEnv(dir, 'bob-acme', base), now: new Date('2026-11-30T07:55:00Z') });
  t.equal(check.code, 0, check.out);
  t.same(JSON.parse(check.out).requests, [{ file, profile: PROFILE, subject: 'bob@acme.example', approval: 'review', eligible: true }], 'the plan lists the request the pull request adds');
  const grant = JSON.parse(check.out).changes.find((c: { entitlement: { resource: string } }) => c.entitlement.resource === 'acme/payments-admins');
  t.same([grant.action, grant.subject.login, grant.entitlement.level, grant.until], ['grant', 'bob-acme', 'maintainer', '2026-11-30T09:50:00.000Z']);
  t.match(grant.reasons[0], `request ${file} (on call in rotation payments-primary until 2026-12-07 08:00Z): "INC-42 payments outage", until 2026-11-30 09:50Z`);

  t.match(JSON.parse(check.out).diagnostics.map((d: { message: string }) => d.message).join('\n'), `request ${file}: waiting for approval from carol-acme on this pull request, at its final commit; apply grants it only then`);

  const merge = git(dir, ['rev-parse', 'HEAD']);
  const unapproved = await cli(dir, ['apply', ...C, '--yes'], onMain('2026-11-30T08:00:00Z'));
  t.equal(unapproved.code, 1);
  t.match(unapproved.out, `request ${file}: not approved: `);
  t.same(emu.teamMembers('acme', 'payments-admins'), [], 'merged without an approval, it grants nothing');
  emu.addPullRequest({ repo: 'acme/access', number: 12, user: 'bob-acme', head: { sha: HEAD }, merged: { at: '2026-11-30T07:45:00Z', commitSha: merge }, reviews: [{ user: 'carol-acme', state: 'APPROVED', commitId: HEAD }] });
  const applied = await cli(dir, ['apply', ...C, '--yes'], onMain('2026-11-30T08:00:00Z'));
  t.equal(applied.code, 0, applied.err);
  t.same(emu.teamMembers('acme', 'payments-admins').map((m) => [m.login, m.role]), [['bob-acme', 'maintainer']]);
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8');
  t.match(audit, 'approved by carol-acme on pull request #12', 'the audit line records who approved');
  const review = await cli(dir, ['report', ...C, '--from', '2026-11-30', '--to', '2026-12-01', '--format', 'json'], onMain('2026-11-30T08:05:00Z'));
  t.same(JSON.parse(review.out).requests.map((r: { file: string; approvedBy: string }) => [r.file, r.approvedBy]), [[file, 'carol-acme']], 'the access review report names the approver');
  const timeline = await cli(dir, ['timeline', ...C, '--hours', '3'], at('2026-11-30T08:00:00Z'));
  t.match(timeline.out, 'Mon 2026-11-30 09:50 UTC: - bob-acme from acme/payments-admins (ends: request');
  const explain = await cli(dir, ['explain', 'bob-acme', ...C], onMain('2026-11-30T08:00:00Z'));
  t.match(explain.out, 'acme/payments-admins as maintainer until 2026-11-30T09:50:00.000Z — request');

  const expired = await cli(dir, ['apply', ...C, '--yes'], onMain('2026-11-30T09:51:00Z'));
  t.match(expired.out, 'applied: revoke bob-acme from acme/payments-admins');
  t.same(emu.teamMembers('acme', 'payments-admins'), []);
  t.ok(existsSync(join(dir, file)), 'the expired request stays as history');

  const kept = await cli(dir, ['prune-requests', ...C, '--dry-run'], at('2026-12-15T00:00:00Z'));
  t.equal(kept.out, '0 request file(s) expired more than 30d ago (dry run).\n');
  const pruned = await cli(dir, ['prune-requests', ...C], at('2027-01-15T00:00:00Z'));
  t.equal(pruned.out, `removed: ${file}\n1 request file(s) expired more than 30d ago.\n`);
  t.same(readdirSync(join(dir, 'requests')), []);
});

t.test('a request PR opened by someone else than the subject is an error on the PR; an approver may open it', async (t) => {
  const { dir } = await demoWorkspace(t);
  const base = initRepo(dir);
  await cli(dir, ['request', PROFILE, ...C, '--for', '1h', '--reason', 'INC-1', '--subject', 'bob-acme']);
  commitAll(dir, 'request for someone else', 'mallory');
  const mallory = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'mallory-acme', base) });
  t.equal(mallory.code, 1);
  t.match(mallory.out, 'opened by mallory-acme, who is neither the subject (bob-acme) nor an approver of profile payments-incident-commander: request access for yourself');
  t.notMatch(mallory.out, 'acme/payments-admins', 'nothing is granted for it');
  const carol = await cli(dir, ['plan', ...C], { env: prEnv(dir, 'carol-acme', base) });
  t.equal(carol.code, 0, 'carol is an approver');
});

t.test('each refusal is a clear error and writes nothing', async (t) => {
  const { dir } = await demoWorkspace(t);
  const refuse = async (args: string[], message: string) => {
    const r = await cli(dir, ['request', ...args, ...C]);
    t.equal(r.code, 1, message);
    t.equal(r.err, `oncall-access request: ${message}\n`);
  };
  await refuse([PROFILE, '--for', '2h', '--reason', 'x', '--subject', 'dave@acme.example'], `request requests/${requestFileName(PROFILE, 'dave@acme.example', new Date(DEMO_AT))}: dave@acme.example was not on call in any rotation of profile ${PROFILE} at 2026-11-30T07:50:00.000Z and is not one of its members`);
  await refuse(['payments-oncall', '--for', '2h', '--reason', 'x', '--subject', 'bob-acme'], 'profile "payments-oncall" is not requestable (mode: auto)');
  await refuse(['nope', '--for', '2h', '--reason', 'x', '--subject', 'bob-acme'], 'request for unknown profile "nope"');
  await refuse([PROFILE, '--for', '5h', '--reason', 'x', '--subject', 'bob-acme'], `request duration 5h is longer than profile "${PROFILE}" allows (4h)`);
  await refuse([PROFILE, '--for=-2h', '--reason', 'x', '--subject', 'bob-acme'], '--for must be a duration like 2h; got "-2h"');
  await refuse([PROFILE, '--for', '2h', '--reason', ' ', '--subject', 'bob-acme'], '--reason must say why access is needed');
  await refuse([PROFILE, '--for', '2h', '--reason', 'x', '--subject', 'grace@acme.example'], 'nobody can resolve grace@acme.example to a GitHub login: add them to the identities file');
  await refuse([PROFILE, '--for', '2h'], 'request needs --for DURATION and --reason TEXT');
  t.notOk(existsSync(join(dir, 'requests')), 'nothing written');
  t.equal((await cli(dir, ['request', PROFILE, ...C, '--for', '2h', '--reason', 'x', '--subject', 'bob-acme'])).code, 0);
  await refuse([PROFILE, '--for', '2h', '--reason', 'x', '--subject', 'bob-acme'], `the same request is filed twice (first at requests/${requestFileName(PROFILE, 'bob-acme', new Date(DEMO_AT))}:4)`);
});

t.test('a merged request whose subject was not on call grants nothing; the rest of the plan still applies', async (t) => {
  const { dir } = await demoWorkspace(t);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'requests'));
  writeFileSync(join(dir, 'requests', 'forged.yaml'), 'apiVersion: oncall-access/v1\nkind: AccessRequest\nspec:\n  profile: payments-incident-commander\n  subject: dave-acme\n  reason: sneaky\n  duration: 4h\n  requestedAt: 2026-11-30T07:00:00Z\n');
  const r = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(r.code, 1);
  t.match(r.out, 'request requests/forged.yaml: dave-acme was not on call in any rotation of profile payments-incident-commander');
  t.notMatch(r.out, /applied: grant dave-acme/, 'nothing is granted for it');
  t.match(r.out, /Apply complete: [1-9]\d* applied, 0 failed/, 'the changes it does not touch are made');
});

t.test('--open-pr commits the request on a branch and opens a pull request through the GitHub API', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  initRepo(dir);
  const r = await cli(dir, ['request', PROFILE, ...C, '--for', '90m', '--reason', 'INC-7 card declines', '--subject', 'bob@acme.example', '--open-pr', '--repo', 'acme/access']);
  t.equal(r.code, 0, r.err);
  const name = requestFileName(PROFILE, 'bob@acme.example', new Date(DEMO_AT));
  const [pull] = emu.pulls('acme/access');
  t.match(r.out, `Opened ${emu.url}/acme/access/pull/1`);
  t.same([pull!.title, pull!.head, pull!.base], [`Access request: ${PROFILE} for bob@acme.example, 1h30m`, `oncall-access/request-${name.replace('.yaml', '')}`, 'main']);
  t.match(pull!.body, '**Reason:** INC-7 card declines');
  t.match(pull!.body, '**Expires:** 2026-11-30T09:20:00.000Z');
  t.equal(emu.repoFile('acme/access', pull!.head, `requests/${name}`), readFileSync(join(dir, 'requests', name), 'utf8'));
  t.same(emu.unexpected, []);
  const noRepo = await cli(dir, ['request', PROFILE, ...C, '--for', '1h', '--reason', 'x', '--subject', 'bob-acme', '--open-pr']);
  t.equal(noRepo.err, 'oncall-access request: --open-pr needs --repo OWNER/NAME (or GITHUB_REPOSITORY)\n');
});
