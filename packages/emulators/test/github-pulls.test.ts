import { createHash } from 'node:crypto';
import t, { type Test } from 'tap';
import { startGitHubEmulator, type GitHubEmulator, type PullRequestSeed } from '@oncall-access/emulators/github';

const TOKEN = 'test-token';
const REPO = 'acme/access';
const sha = (name: string): string => createHash('sha1').update(name).digest('hex');
const [FIRST, HEAD, MERGE, OTHER] = [sha('first'), sha('head'), sha('merge'), sha('other')];

/** #7 by bob: two commits, merged into main as MERGE, one review per head. #8: open, also has FIRST. */
const PULLS: PullRequestSeed[] = [
  {
    repo: REPO,
    number: 7,
    user: 'bob-acme',
    title: 'Access request',
    head: { sha: HEAD, ref: 'request-bob' },
    commits: [FIRST],
    merged: { at: '2026-11-30T07:55:00Z', commitSha: MERGE },
    reviews: [
      { user: 'carol-acme', state: 'CHANGES_REQUESTED', commitId: FIRST, body: 'too long' },
      { user: 'carol-acme', state: 'APPROVED', commitId: HEAD },
    ],
  },
  { repo: REPO, number: 8, user: 'erin-acme', head: { sha: OTHER }, commits: [FIRST] },
];

async function start(t: Test, strict = true, pullRequests: PullRequestSeed[] = PULLS): Promise<GitHubEmulator> {
  const emu = await startGitHubEmulator({ token: TOKEN, strict, orgs: {}, pullRequests });
  t.teardown(() => emu.close());
  return emu;
}

async function get(emu: GitHubEmulator, path: string, token = TOKEN): Promise<{ status: number; body: unknown; link: string | null }> {
  const res = await fetch(`${emu.url}${path}`, { headers: { authorization: `token ${token}` } });
  return { status: res.status, body: await res.json(), link: res.headers.get('link') };
}

t.test('the merged pull request of its merge commit, with the fields GitHub documents', async (t) => {
  const emu = await start(t);
  const { status, body } = await get(emu, `/repos/${REPO}/commits/${MERGE}/pulls`);
  t.equal(status, 200);
  t.match(body, [
    {
      number: 7,
      state: 'closed',
      title: 'Access request',
      user: { login: 'bob-acme', type: 'User' },
      head: { ref: 'request-bob', sha: HEAD, label: 'acme:request-bob', repo: { full_name: REPO } },
      base: { ref: 'main', repo: { full_name: REPO } },
      merge_commit_sha: MERGE,
      merged_at: '2026-11-30T07:55:00Z',
      closed_at: '2026-11-30T07:55:00Z',
      html_url: `${emu.url}/${REPO}/pull/7`,
    },
  ]);
  t.same(emu.unexpected, []);
});

t.test('a commit of a merged branch lists only the pull request that brought it; otherwise every pull request that has it', async (t) => {
  const emu = await start(t);
  const numbers = async (commit: string): Promise<number[]> => ((await get(emu, `/repos/${REPO}/commits/${commit}/pulls`)).body as { number: number }[]).map((p) => p.number);
  t.same(await numbers(FIRST), [7], 'on main through #7: the open #8 that also has it is not listed');
  t.same(await numbers(OTHER.toUpperCase()), [8], 'only on the open #8');
  t.same(await numbers(sha('pushed to main')), [], 'no pull request');
  const open = (await get(emu, `/repos/${REPO}/commits/${OTHER}/pulls`)).body as { state: string; merged_at: null; merge_commit_sha: string }[];
  t.match(open, [{ state: 'open', merged_at: null, closed_at: null, merge_commit_sha: /^[0-9a-f]{40}$/ }], 'an open pull request reports its test merge commit');
  t.not(open[0]!.merge_commit_sha, OTHER);
  t.same(emu.unexpected, []);
});

t.test('a pull request merged into another branch does not bring a commit to main', async (t) => {
  const emu = await start(t, true, [
    { repo: REPO, number: 3, user: 'bob-acme', head: { sha: HEAD }, base: 'release', merged: { at: '2026-11-30T07:55:00Z', commitSha: MERGE } },
    { repo: REPO, number: 4, user: 'bob-acme', head: { sha: OTHER }, commits: [HEAD] },
  ]);
  const { body } = await get(emu, `/repos/${REPO}/commits/${HEAD}/pulls`);
  t.same((body as { number: number; base: { ref: string } }[]).map((p) => [p.number, p.base.ref]), [[3, 'release'], [4, 'main']]);
});

t.test('reviews in the order submitted, with user, state, commit and submission time', async (t) => {
  const emu = await start(t);
  emu.addReview(REPO, 7, { user: null, state: 'COMMENTED', commitId: HEAD, body: 'from a deleted account' });
  const { status, body } = await get(emu, `/repos/${REPO}/pulls/7/reviews`);
  t.equal(status, 200);
  t.match(body, [
    { user: { login: 'carol-acme' }, state: 'CHANGES_REQUESTED', commit_id: FIRST, body: 'too long', pull_request_url: `${emu.url}/repos/${REPO}/pulls/7` },
    { user: { login: 'carol-acme' }, state: 'APPROVED', commit_id: HEAD, body: '' },
    { user: null, state: 'COMMENTED', commit_id: HEAD },
  ]);
  const reviews = body as { id: number; submitted_at: string }[];
  t.ok(reviews.every((r) => !Number.isNaN(Date.parse(r.submitted_at))));
  t.ok(reviews[0]!.id < reviews[1]!.id && reviews[1]!.id < reviews[2]!.id);
  t.same((await get(emu, `/repos/${REPO}/pulls/8/reviews`)).body, []);
  t.same(emu.unexpected, []);
});

t.test('reviews page like the rest of GitHub: per_page up to 100 and a Link header', async (t) => {
  const emu = await start(t);
  emu.addPullRequest({ repo: REPO, number: 9, user: 'bob-acme', head: { sha: OTHER }, reviews: Array.from({ length: 150 }, () => ({ user: 'dave-acme', state: 'COMMENTED' as const, commitId: OTHER })) });
  const first = await get(emu, `/repos/${REPO}/pulls/9/reviews?per_page=100`);
  t.equal((first.body as unknown[]).length, 100);
  const link = (rel: string, page: number): string => `<${emu.url}/repos/${REPO}/pulls/9/reviews?per_page=100&page=${page}>; rel="${rel}"`;
  t.equal(first.link, [link('next', 2), link('last', 2)].join(', '));
  const second = await get(emu, `/repos/${REPO}/pulls/9/reviews?per_page=100&page=2`);
  t.equal((second.body as unknown[]).length, 50);
  t.equal((await get(emu, `/repos/${REPO}/commits/${MERGE}/pulls?per_page=100`)).link, null);
  t.same(emu.unexpected, []);
});

t.test('404 for a repository without pull requests, an unknown pull request, or a number that is not one', async (t) => {
  const emu = await start(t);
  for (const path of [`/repos/acme/other/commits/${MERGE}/pulls`, '/repos/acme/other/pulls/7/reviews', `/repos/${REPO}/pulls/99/reviews`, `/repos/${REPO}/pulls/07/reviews`]) {
    const res = await get(emu, path);
    t.same([res.status, res.body], [404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }], path);
  }
  t.same(emu.unexpected, [], 'a 404 is an answer, not a gap');
});

t.test('authentication is required as on every other route', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  t.equal((await get(emu, `/repos/${REPO}/pulls/7/reviews`, 'wrong')).status, 401);
  const none = await fetch(`${emu.url}/repos/${REPO}/commits/${MERGE}/pulls`);
  t.equal(none.status, 401);
  t.same(emu.unexpected.map((u) => u.reason), ['bad credentials', 'no credentials']);
});

t.test('strict: undocumented query parameters, commit names other than a full SHA and unknown routes are unexpected', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  t.equal((await get(emu, `/repos/${REPO}/pulls/7/reviews?per_page=100&state=APPROVED`)).status, 200, 'served, as GitHub ignores them');
  t.equal((await get(emu, `/repos/acme/other/commits/${MERGE}/pulls?sort=created`)).status, 404);
  const short = await get(emu, `/repos/${REPO}/commits/${MERGE.slice(0, 7)}/pulls`);
  t.same([short.status, short.body], [422, { message: `No commit found for SHA: ${MERGE.slice(0, 7)}`, documentation_url: 'https://docs.github.com/rest', status: '422' }]);
  t.equal((await get(emu, `/repos/${REPO}/pulls/7`)).status, 501);
  t.same(emu.unexpected.map((u) => u.reason), ['unknown query parameter state', 'unknown query parameter sort', 'commit_sha other than a full commit SHA is not emulated', 'no such route']);

  const lax = await start(t, false);
  t.equal((await get(lax, `/repos/${REPO}/pulls/7/reviews?state=APPROVED`)).status, 200);
  t.same(lax.unexpected, [], 'outside strict mode query parameters are not checked');
});

t.test('seeds GitHub could not hold are refused', async (t) => {
  const emu = await start(t);
  const pull = (extra: Partial<PullRequestSeed>): PullRequestSeed => ({ repo: REPO, number: 20, user: 'bob-acme', head: { sha: HEAD }, ...extra });
  t.throws(() => emu.addPullRequest(pull({ repo: 'access' })), { message: 'pull request access#20: repo is not owner/name' });
  t.throws(() => emu.addPullRequest(pull({ repo: 'a/b/c' })), { message: /repo is not owner\/name/ });
  t.throws(() => emu.addPullRequest(pull({ number: 0 })), { message: 'pull request acme/access#0: number must be a positive integer' });
  t.throws(() => emu.addPullRequest(pull({ number: 7 })), { message: 'pull request acme/access#7: added twice' });
  t.throws(() => emu.addPullRequest(pull({ head: { sha: 'abc1234' } })), { message: 'pull request acme/access#20: "abc1234" is not a full commit SHA' });
  t.throws(() => emu.addPullRequest(pull({ merged: { at: 'yesterday', commitSha: MERGE } })), { message: /merged.at is not an instant/ });
  t.throws(() => emu.addPullRequest(pull({ merged: { at: '2026-11-30T07:55:00Z', commitSha: 'main' } })), { message: /"main" is not a full commit SHA/ });
  t.throws(() => emu.addReview(REPO, 99, { user: 'carol-acme', state: 'APPROVED', commitId: HEAD }), { message: 'review of acme/access#99: no such pull request' });
  t.throws(() => emu.addReview(REPO, 7, { user: 'carol-acme', state: 'APPROVED', commitId: OTHER }), { message: `review of acme/access#7: commit ${OTHER} is not on the pull request` });
  t.throws(() => emu.addReview(REPO, 7, { user: 'carol-acme', state: 'PENDING' as 'APPROVED', commitId: HEAD }), { message: 'review of acme/access#7: state "PENDING" is not one of APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED' });
  await t.rejects(startGitHubEmulator({ orgs: {}, pullRequests: [pull({}), pull({})] }), { message: 'pull request acme/access#20: added twice' });
});
