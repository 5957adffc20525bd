/**
 * `report --live`: the holders of each managed team now, read from the GitHub emulator and
 * compared with the audit log (access the tool did not grant is marked), and the pull request and
 * approvers of each policy commit, read from the forge. Without --live nothing is asked.
 */
import t, { type Test } from 'tap';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { auditEvent } from '../src/record/audit.js';
import type { Change } from '../src/core/plan.js';
import type { AccessReport } from '../src/core/report.js';
import { startGitHubEmulator, type GitHubEmulator } from '@oncall-access/emulators/github';
import { commitAll, git } from './helpers/git-repo.js';
import { captureIo } from './helpers/io.js';
import { profile, ROTATION } from './helpers/workspace.js';

const TOKEN = `ghp_${'reportLIVE'.padEnd(36, '0')}`;
const GENERATED = new Date('2026-08-05T06:00:00Z');
const DEPLOYERS = { target: 'github', kind: 'team', resource: 'acme/deployers', level: 'member' };

/** Writes `files` under `dir` and commits everything at `date`; returns the commit. */
function commit(dir: string, date: string, subject: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return commitAll(dir, subject, 'bob', date);
}

function line(time: string, change: Omit<Change, 'profiles' | 'entitlement'>): string {
  return JSON.stringify(auditEvent({ at: time, configHash: 'c0ffee' }, { change: { profiles: ['oncall'], entitlement: DEPLOYERS, ...change }, status: 'applied' }, new Date(time), {}, 'a1b2c3d'));
}

/**
 * A config repository whose profile manages acme/deployers: set up directly (no pull request),
 * then a window change merged through pull request #12, approved by carol-acme; the audit log
 * shows gina granted and not revoked, alice granted and revoked.
 */
async function world(t: Test, teamMembers: { login: string; role: 'member' | 'maintainer' }[]): Promise<{ dir: string; emu: GitHubEmulator; windowCommit: string; setupCommit: string }> {
  const emu = await startGitHubEmulator({ token: TOKEN, strict: true, orgs: { acme: { members: ['alice-acme', 'gina-acme', 'mallory-acme'], teams: [{ slug: 'deployers', members: teamMembers }] } } });
  t.teardown(() => emu.close());
  const dir = t.testdir();
  git(dir, ['init', '-q', '-b', 'main']);
  const config = `apiVersion: oncall-access/v1\nkind: Config\nspec:\n  sources:\n    rotations: { type: rotations }\n  targets:\n    github: { type: github, org: acme, tokenEnv: GITHUB_TOKEN, apiUrl: "${emu.url}" }\n`;
  const setupCommit = commit(dir, '2026-07-01T10:00:00Z', 'Initial access config', { 'oncall-access.yaml': config, 'profiles/oncall.yaml': profile('oncall'), 'rotations/primary.yaml': ROTATION });
  const windowCommit = commit(dir, '2026-07-14T12:00:00Z', 'oncall: keep access 30m after the shift (#12)', { 'profiles/oncall.yaml': profile('oncall').replace('  mode: auto\n', '  mode: auto\n  window: { after: 30m }\n') });
  emu.addPullRequest({
    repo: 'acme/access',
    number: 12,
    user: 'bob-acme',
    head: { sha: 'b'.repeat(40) },
    merged: { at: '2026-07-14T12:00:00Z', commitSha: windowCommit },
    reviews: [
      { user: 'dave-acme', state: 'CHANGES_REQUESTED', commitId: 'b'.repeat(40) },
      { user: 'carol-acme', state: 'APPROVED', commitId: 'b'.repeat(40) },
      { user: 'erin-acme', state: 'COMMENTED', commitId: 'b'.repeat(40) },
    ],
  });
  mkdirSync(join(dir, 'state'));
  writeFileSync(
    join(dir, 'state/audit.jsonl'),
    [
      line('2026-07-06T08:45:00Z', { action: 'grant', subject: { login: 'alice-acme' }, reasons: ['on call in rotation primary'], until: '2026-07-13T09:15:00.000Z' }),
      line('2026-07-13T09:20:00Z', { action: 'revoke', subject: { login: 'alice-acme' }, reasons: ['no longer on call in rotation primary'] }),
      line('2026-07-27T08:45:00Z', { action: 'grant', subject: { login: 'Gina-Acme' }, reasons: ['on call in rotation primary'], until: '2026-08-03T09:15:00.000Z' }),
    ].join('\n') + '\n',
  );
  return { dir, emu, windowCommit, setupCommit };
}

async function report(dir: string, args: string[], env: NodeJS.ProcessEnv) {
  const io = captureIo(dir, env, GENERATED);
  const code = await main(['report', '--from', '2026-07-01', '--to', '2026-08-01', ...args], io.io);
  return { code, out: io.out(), err: io.err() };
}

const ENV = { GITHUB_TOKEN: TOKEN, GITHUB_REPOSITORY: 'acme/access' };

t.test('--live: holders now, marked against the log, and each policy commit with its pull request and approvers', async (t) => {
  const { dir, emu, windowCommit, setupCommit } = await world(t, [
    { login: 'gina-acme', role: 'member' },
    { login: 'mallory-acme', role: 'maintainer' },
  ]);
  const r = await report(dir, ['--live', '--format', 'json'], ENV);
  t.equal(r.code, 0, r.err);
  const data = JSON.parse(r.out) as AccessReport;
  t.same(data.live, {
    readAt: GENERATED.toISOString(),
    entitlements: [
      {
        name: 'acme/deployers',
        target: 'github',
        org: 'acme',
        team: 'deployers',
        repository: null,
        kind: 'team',
        resource: 'acme/deployers',
        holders: [
          { login: 'gina-acme', role: 'member', pending: false, grantedByTool: true },
          { login: 'mallory-acme', role: 'maintainer', pending: false, grantedByTool: false },
        ],
        error: null,
      },
    ],
    notGrantedByTool: 1,
  });
  t.same(
    data.policyChanges.available ? data.policyChanges.commits.map((c) => [c.commit, c.review]) : [],
    [
      [setupCommit, { pullRequest: null, author: null, approvedBy: [], note: 'no merged pull request brought it to main: pushed directly' }],
      [windowCommit, { pullRequest: 12, author: 'bob-acme', approvedBy: ['carol-acme'], note: null }],
    ],
    'the latest say of each reviewer counts: dave asked for changes, erin only commented',
  );
  t.same(emu.unexpected, []);

  const md = await report(dir, ['--live'], ENV);
  t.equal(md.code, 0);
  t.match(md.out, 'Holding access now (read 2026-08-05T06:00Z): 2 holders, 1 of them not granted by oncall-access.');
  t.match(md.out, '<summary>Holders now (read 2026-08-05T06:00Z): 1 holder not granted by oncall-access</summary>');
  t.match(md.out, '| github: acme/deployers | mallory-acme | maintainer | **no**: not granted by oncall-access |');
  t.match(md.out, '| github: acme/deployers | gina-acme | member | yes |');
  t.match(md.out, /\| oncall: keep access 30m after the shift \(`#12`\) \| profiles\/oncall\.yaml \| #12 by bob-acme \| carol-acme \|/);
  t.match(md.out, /\| Initial access config \| oncall-access\.yaml, profiles\/oncall\.yaml, rotations\/primary\.yaml \| no merged pull request brought it to main: pushed directly \| — \|/);
});

t.test('without --live no API is asked, and the report has no live part', async (t) => {
  const { dir, emu } = await world(t, []);
  const r = await report(dir, ['--format', 'json'], ENV);
  t.equal(r.code, 0, r.err);
  const data = JSON.parse(r.out) as AccessReport;
  t.equal(data.live, undefined);
  t.notOk(data.policyChanges.available && data.policyChanges.commits.some((c) => 'review' in c));
  t.same(emu.requests, [], 'no request reached GitHub');
  t.notMatch((await report(dir, [], ENV)).out, 'Pull request');
});

t.test('--live without GITHUB_REPOSITORY: the holders are read; each commit says why the forge was not asked', async (t) => {
  const { dir } = await world(t, []);
  const r = await report(dir, ['--live', '--format', 'json'], { GITHUB_TOKEN: TOKEN });
  t.equal(r.code, 0, r.err);
  const data = JSON.parse(r.out) as AccessReport;
  t.same(data.live?.entitlements.map((e) => [e.name, e.holders]), [['acme/deployers', []]]);
  t.same(data.live?.notGrantedByTool, 0);
  const notes = data.policyChanges.available ? data.policyChanges.commits.map((c) => c.review?.note) : [];
  t.same(notes, Array(2).fill('the forge cannot be asked: set GITHUB_REPOSITORY to owner/name of this config repository (GitHub Actions sets it)'));
  t.match((await report(dir, ['--live'], { GITHUB_TOKEN: TOKEN })).out, '| github: acme/deployers | nobody | — | — |');
});

t.test('--live with a token GitHub refuses: the report is printed with the error in place of the holders, exit 1, no token anywhere', async (t) => {
  const { dir, emu } = await world(t, []);
  emu.acceptUnexpected(); // the wrong token is refused on purpose
  const wrong = `ghp_${'wrongLIVEtoken'.padEnd(36, '0')}`;
  const r = await report(dir, ['--live'], { GITHUB_TOKEN: wrong, GITHUB_REPOSITORY: 'acme/access' });
  t.equal(r.code, 1);
  t.match(r.out, /\| github: acme\/deployers \| — \| — \| could not be read: .+ \|/);
  t.match(r.out, 'Holding access now (read 2026-08-05T06:00Z): 0 holders, 0 of them not granted by oncall-access; 1 team or repository could not be read.');
  t.match(r.err, /^error: --live: cannot read the holders of github: acme\/deployers: /);
  t.match(r.out, /the forge cannot be asked: cannot read repository acme\/access: /);
  t.notMatch(r.out + r.err, 'wrongLIVE', 'the token is never printed');
});
