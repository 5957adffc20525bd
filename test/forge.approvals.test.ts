import { createHash } from 'node:crypto';
import t, { type Test } from 'tap';
import type { Octokit } from 'octokit';
import { startGitHubEmulator, type GitHubEmulator, type PullRequestSeed, type ReviewSeed } from '@oncall-access/emulators/github';
import { approvalOf, awaitingText, type Approval, type ApprovalQuery } from '../src/forge/approvals.js';
import { createOctokit } from '../src/targets/github/client.js';

const TOKEN = 'ghs_approvalsSecret0123456789';
const sha = (name: string): string => createHash('sha1').update(name).digest('hex');
const [EARLIER, HEAD, MERGE] = [sha('earlier head'), sha('final head'), sha('merge')];
const APPROVERS = ['carol-acme', 'dave-acme'];
const WAITING = 'waiting for approval from carol-acme or dave-acme on pull request #7';

/** Pull request #7 of acme/access by bob-acme: pushed twice (EARLIER, then HEAD), merged into main as MERGE. */
function pull(reviews: ReviewSeed[], extra: Partial<PullRequestSeed> = {}): PullRequestSeed {
  return { repo: 'acme/access', number: 7, user: 'bob-acme', head: { sha: HEAD }, commits: [EARLIER], merged: { at: '2026-11-30T07:55:00Z', commitSha: MERGE }, reviews, ...extra };
}

const approve = (user: string, commitId = HEAD): ReviewSeed => ({ user, state: 'APPROVED', commitId });

interface World {
  emu: GitHubEmulator;
  octokit: Octokit;
  /** approvalOf for MERGE on main with APPROVERS, `query` overriding. */
  ask: (query?: Partial<ApprovalQuery>) => Promise<Approval>;
}

async function start(t: Test, pulls: PullRequestSeed[]): Promise<World> {
  const emu = await startGitHubEmulator({ token: TOKEN, strict: true, orgs: {}, pullRequests: pulls });
  t.teardown(() => emu.close());
  const octokit = createOctokit({ baseUrl: emu.url, token: TOKEN, fetch: globalThis.fetch, retries: 0 });
  const ask = (query: Partial<ApprovalQuery> = {}): Promise<Approval> => approvalOf(octokit, { owner: 'acme', repo: 'access', commit: MERGE, base: 'main', approvers: APPROVERS, ...query });
  return { emu, octokit, ask };
}

t.test('approved by an approver at the final head: approved, with the login as GitHub spells it', async (t) => {
  const { emu, ask } = await start(t, [pull([{ user: 'mallory', state: 'COMMENTED', commitId: HEAD }, approve('Carol-Acme'), { user: 'Carol-Acme', state: 'COMMENTED', commitId: HEAD }])]);
  t.same(await ask(), { kind: 'approved', by: 'Carol-Acme', pullRequest: 7, headSha: HEAD }, 'a later comment does not cancel it');
  t.same(await ask({ approvers: ['CAROL-ACME'] }), { kind: 'approved', by: 'Carol-Acme', pullRequest: 7, headSha: HEAD }, 'logins compare case-insensitively');
  t.same(emu.requests.map((r) => r.path), ['/repos/acme/access/commits/' + MERGE + '/pulls', '/repos/acme/access/pulls/7/reviews', '/repos/acme/access/commits/' + MERGE + '/pulls', '/repos/acme/access/pulls/7/reviews']);
  t.same(emu.unexpected, []);
});

t.test('an approval of an earlier head does not count once the branch moved on', async (t) => {
  const { emu, ask } = await start(t, [pull([approve('carol-acme', EARLIER)])]);
  t.same(await ask(), { kind: 'waiting', pullRequest: 7, reason: `${WAITING} (not counted: carol-acme approved ${EARLIER.slice(0, 7)}, not the final head ${HEAD.slice(0, 7)})` });
  t.same(emu.unexpected, []);
});

t.test('an approval by someone who is not an approver does not count; the reason names who may approve', async (t) => {
  const { ask } = await start(t, [pull([approve('mallory')])]);
  t.same(await ask(), { kind: 'waiting', pullRequest: 7, reason: `${WAITING} (not counted: mallory is not an approver)` });
});

t.test('nobody approves their own access: not the author, not whom the request is for', async (t) => {
  const { ask } = await start(t, [pull([approve('bob-acme'), approve('dave-acme')])]);
  const approvers = ['bob-acme', 'dave-acme'];
  t.same(await ask({ approvers, beneficiaries: ['Dave-Acme'] }), {
    kind: 'waiting',
    pullRequest: 7,
    reason: 'waiting for approval from bob-acme or dave-acme on pull request #7 (not counted: bob-acme cannot approve their own access; dave-acme cannot approve their own access)',
  });
  t.same(await ask({ approvers }), { kind: 'approved', by: 'dave-acme', pullRequest: 7, headSha: HEAD }, 'dave approves bob\'s request for bob');
});

t.test('changes requested after an approval cancel it, and so does its dismissal', async (t) => {
  const { ask } = await start(t, [
    pull([approve('carol-acme'), { user: 'carol-acme', state: 'CHANGES_REQUESTED', commitId: HEAD }, { user: 'dave-acme', state: 'DISMISSED', commitId: HEAD }]),
  ]);
  t.same(await ask(), { kind: 'waiting', pullRequest: 7, reason: WAITING });
});

t.test('an approval after changes were requested counts', async (t) => {
  const { ask } = await start(t, [pull([{ user: 'carol-acme', state: 'CHANGES_REQUESTED', commitId: EARLIER }, approve('carol-acme')])]);
  t.same(await ask(), { kind: 'approved', by: 'carol-acme', pullRequest: 7, headSha: HEAD });
});

t.test('when several approvals count, the reviewer who spoke first is named', async (t) => {
  const { ask } = await start(t, [pull([{ user: 'dave-acme', state: 'CHANGES_REQUESTED', commitId: EARLIER }, approve('carol-acme'), approve('dave-acme')])]);
  t.same(await ask(), { kind: 'approved', by: 'dave-acme', pullRequest: 7, headSha: HEAD });
});

t.test('an approval arriving later is seen on the next read', async (t) => {
  const { emu, ask } = await start(t, [pull([])]);
  t.same(await ask(), { kind: 'waiting', pullRequest: 7, reason: WAITING });
  emu.addReview('acme/access', 7, approve('dave-acme'));
  t.same(await ask(), { kind: 'approved', by: 'dave-acme', pullRequest: 7, headSha: HEAD });
});

t.test('an approval on the second page of reviews is found', async (t) => {
  const comments = Array.from({ length: 120 }, (_, i): ReviewSeed => ({ user: `reader-${i}`, state: 'COMMENTED', commitId: HEAD }));
  const { emu, ask } = await start(t, [pull([...comments, approve('carol-acme')])]);
  t.same(await ask(), { kind: 'approved', by: 'carol-acme', pullRequest: 7, headSha: HEAD });
  t.equal(emu.requests.filter((r) => r.path.endsWith('/reviews')).length, 2);
  t.same(emu.unexpected, []);
});

t.test('deleted accounts and commits: reviews by a deleted account or of a vanished commit, and any review of a deleted author\'s pull request, never count', async (t) => {
  const { emu, ask } = await start(t, [pull([{ user: null, state: 'APPROVED', commitId: HEAD }])]);
  t.same(await ask(), { kind: 'waiting', pullRequest: 7, reason: WAITING });
  emu.failNext({ pathPrefix: '/repos/acme/access/pulls/7/reviews' }, { status: 200, body: [{ id: 1, user: { login: 'carol-acme' }, state: 'APPROVED', commit_id: null }] });
  t.same(await ask(), { kind: 'waiting', pullRequest: 7, reason: `${WAITING} (not counted: carol-acme approved a commit that no longer exists, not the final head ${HEAD.slice(0, 7)})` });
  const merged = { merged_at: '2026-11-30T07:55:00Z', base: { ref: 'main' }, head: { sha: HEAD } };
  emu.failNext({ pathPrefix: '/repos/acme/access/commits/' }, { status: 200, body: [{ ...merged, number: 5, user: { login: 'bob-acme' }, merge_commit_sha: null }, { ...merged, number: 7, user: null, merge_commit_sha: MERGE }] });
  emu.addReview('acme/access', 7, approve('carol-acme'));
  t.same(await ask(), { kind: 'waiting', pullRequest: 7, reason: 'the author of pull request #7 is a deleted account, so no approval can be shown not to be their own: file the request again' });
});

t.test('no approval without a merged pull request into the base that made exactly this commit', async (t) => {
  const { emu, ask } = await start(t, [pull([approve('carol-acme')]), pull([approve('carol-acme', sha('open'))], { number: 8, head: { sha: sha('open') }, commits: [], merged: undefined })]);
  const pushed = sha('pushed to main');
  t.same(await ask({ commit: pushed }), { kind: 'waiting', reason: `no merged pull request brought commit ${pushed} to main` });
  t.same(await ask({ commit: HEAD }), { kind: 'waiting', reason: `no merged pull request brought commit ${HEAD} to main` }, 'a commit of the branch is not the merge');
  t.same(await ask({ commit: sha('open') }), { kind: 'waiting', reason: `no merged pull request brought commit ${sha('open')} to main` }, 'an open pull request');
  t.same(await ask({ base: 'release' }), { kind: 'waiting', reason: `no merged pull request brought commit ${MERGE} to release` }, 'merged elsewhere');
  t.same(await ask({ commit: MERGE.toUpperCase() }), { kind: 'approved', by: 'carol-acme', pullRequest: 7, headSha: HEAD });
  t.same(emu.unexpected, []);
});

t.test('a profile without approvers is waiting for nobody who can approve', async (t) => {
  const { ask } = await start(t, [pull([approve('carol-acme')])]);
  t.same(await ask({ approvers: [] }), { kind: 'waiting', pullRequest: 7, reason: 'waiting for approval on pull request #7, but the profile lists no approvers (not counted: carol-acme is not an approver)' });
});

t.test('a forge that cannot be read is unknown, with a reason and never the token', async (t) => {
  const { emu, ask } = await start(t, [pull([approve('carol-acme')])]);
  emu.acceptUnexpected();
  const results: Approval[] = [];
  emu.failNext({ pathPrefix: '/repos/acme/access/commits/' }, { status: 500, body: { message: 'Server Error' } });
  results.push(await ask());
  emu.failNext({ pathPrefix: '/repos/acme/access/pulls/' }, { status: 502, body: { message: 'Bad Gateway' } });
  results.push(await ask());
  emu.failNext({ pathPrefix: '/repos/acme/access/pulls/' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
  results.push(await ask());
  results.push(await ask({ repo: 'other' }));
  results.push(await approvalOf(createOctokit({ baseUrl: emu.url, token: `${TOKEN}-revoked`, fetch: globalThis.fetch, retries: 0 }), { owner: 'acme', repo: 'access', commit: MERGE, base: 'main', approvers: APPROVERS }));
  const commitRead = `could not read the pull request of commit ${MERGE} in acme/access`;
  t.same(results, [
    { kind: 'unknown', reason: `${commitRead}: GitHub answered 500: Server Error` },
    { kind: 'unknown', reason: 'could not read the reviews of pull request #7 in acme/access: GitHub answered 502: Bad Gateway' },
    { kind: 'unknown', reason: 'could not read the reviews of pull request #7 in acme/access: GitHub refused (403): the token needs read access to pull requests' },
    { kind: 'unknown', reason: `could not read the pull request of commit ${MERGE} in acme/other: not found (404): check the repository and that the token can read its pull requests` },
    { kind: 'unknown', reason: `${commitRead}: GitHub rejected the token (401): check the token in the variable the config names` },
  ]);
  t.notMatch(JSON.stringify(results), 'approvalsSecret');
  t.same(emu.unexpected.map((u) => u.reason), ['bad credentials'], 'the refused token is the one request the emulator did not expect');
});

t.test('a request the emulator does not expect is refused and recorded, and is unknown to the caller', async (t) => {
  const { emu, ask } = await start(t, [pull([approve('carol-acme')])]);
  emu.acceptUnexpected();
  t.same(await ask({ commit: 'main' }), { kind: 'unknown', reason: 'could not read the pull request of commit main in acme/access: GitHub answered 422: No commit found for SHA: main - https://docs.github.com/rest' });
  t.same(emu.unexpected, [{ method: 'GET', path: '/repos/acme/access/commits/main/pulls', reason: 'commit_sha other than a full commit SHA is not emulated' }]);
});

t.test('awaitingText names every approver and the pull request when known', async (t) => {
  t.equal(awaitingText(['carol-acme']), 'waiting for approval from carol-acme');
  t.equal(awaitingText(APPROVERS), 'waiting for approval from carol-acme or dave-acme');
  t.equal(awaitingText(['a', 'b', 'c']), 'waiting for approval from a, b or c');
  t.equal(awaitingText([]), 'waiting for approval, but the profile lists no approvers');
  t.equal(awaitingText(['carol-acme'], 12), 'waiting for approval from carol-acme on pull request #12');
});
