/**
 * Pull requests with their merge and reviews for the GitHub emulator: what `oncall-access`
 * reads to learn who approved the pull request that brought a commit to the default branch
 * (`GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls` and
 * `GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews`, both paginated).
 *
 * Pull requests and reviews are seeded (the `pullRequests` seed, `addPullRequest`, `addReview`);
 * only repositories with a seeded pull request exist here, so any other answers 404 and a typo in
 * a test cannot pass as "no pull request". They are apart from the pull requests that
 * `POST /repos/{owner}/{repo}/pulls` opens (`github-repos.ts`), which have no merge or reviews.
 * The default branch is `main`. Any full commit SHA exists; other `commit_sha` forms (branch
 * names, short SHAs) are not emulated.
 */
import { createHash } from 'node:crypto';
import { nodeId } from './github-state.js';
import type { JsonRequest, JsonResponse, Route } from './http-server.js';

/** A review's state as GitHub's REST API spells it (a dismissed approval becomes `DISMISSED`). Pending reviews are not emulated. */
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';

/** A submitted review to seed. */
export interface ReviewSeed {
  /** Login of the reviewer; `null` for a deleted account (GitHub answers `user: null`). */
  user: string | null;
  state: ReviewState;
  /** The commit of the pull request the review was submitted on: its head then. */
  commitId: string;
  body?: string;
}

/**
 * A pull request to seed. Unlike GitHub, an approval by the author is accepted, so that tests can
 * show a client never counts one.
 */
export interface PullRequestSeed {
  /** `owner/name`. */
  repo: string;
  number: number;
  /** Login of the author. */
  user: string;
  title?: string;
  /** The final head: its commit and branch (the branch defaults to `pr-NUMBER`). */
  head: { sha: string; ref?: string };
  /** Earlier commits of the branch (earlier heads among them), oldest first. */
  commits?: string[];
  /** The branch it targets; default `main`. */
  base?: string;
  /** Present once merged: when, and the commit on the base the merge made (merge, squash or last rebased commit). An open pull request has a test merge commit instead. */
  merged?: { at: string; commitSha: string };
  /** Submitted reviews, oldest first. */
  reviews?: ReviewSeed[];
}

interface Review {
  id: number;
  user: string | null;
  state: ReviewState;
  commitId: string;
  body: string;
  submittedAt: string;
}

interface Pull {
  id: number;
  owner: string;
  name: string;
  number: number;
  user: string;
  title: string;
  head: { sha: string; ref: string };
  /** Every commit of the branch, the head last; lower-case. */
  commits: string[];
  base: string;
  merged: { at: string; commitSha: string } | undefined;
  createdAt: string;
  reviews: Review[];
}

const DEFAULT_BRANCH = 'main';
const REVIEW_STATES: readonly ReviewState[] = ['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED'];
const FULL_SHA = /^[0-9a-f]{40}$/i;
/** The query parameters both routes take; strict mode records any other as unexpected. */
const PAGING = ['per_page', 'page'];

/** Pull requests by repository (`owner/name`, lower-cased), in the order added. */
export class PullRequestState {
  private readonly repos = new Map<string, Pull[]>();
  private nextPullId = 500_001;
  private nextReviewId = 80_000_001;

  /** Adds the seeded pull requests; throws on a seed GitHub could not be in. */
  constructor(seed: readonly PullRequestSeed[] = []) {
    for (const pull of seed) this.add(pull);
  }

  /** Adds a pull request and its reviews; throws on one GitHub could not have. */
  add(seed: PullRequestSeed): void {
    const [owner, name, extra] = seed.repo.split('/');
    const where = `pull request ${seed.repo}#${seed.number}`;
    if (!owner || !name || extra !== undefined) throw new Error(`${where}: repo is not owner/name`);
    if (!Number.isSafeInteger(seed.number) || seed.number < 1) throw new Error(`${where}: number must be a positive integer`);
    const list = this.repos.get(seed.repo.toLowerCase()) ?? [];
    if (list.some((p) => p.number === seed.number)) throw new Error(`${where}: added twice`);
    if (seed.merged !== undefined && Number.isNaN(Date.parse(seed.merged.at))) throw new Error(`${where}: merged.at is not an instant`);
    const commits = [...(seed.commits ?? []), seed.head.sha].map((c) => fullSha(c, where));
    const pull: Pull = {
      id: this.nextPullId++,
      owner,
      name,
      number: seed.number,
      user: seed.user,
      title: seed.title ?? `Pull request ${seed.number}`,
      head: { sha: commits.at(-1)!, ref: seed.head.ref ?? `pr-${seed.number}` },
      commits,
      base: seed.base ?? DEFAULT_BRANCH,
      merged: seed.merged && { at: seed.merged.at, commitSha: fullSha(seed.merged.commitSha, where) },
      createdAt: new Date().toISOString(),
      reviews: [],
    };
    this.repos.set(seed.repo.toLowerCase(), [...list, pull]);
    for (const review of seed.reviews ?? []) this.review(seed.repo, seed.number, review);
  }

  /** Adds a review submitted now; throws on an unknown pull request, state, or a commit not on it. */
  review(repo: string, number: number, seed: ReviewSeed): void {
    const pull = this.pull(repo, number);
    const where = `review of ${repo}#${number}`;
    if (pull === undefined) throw new Error(`${where}: no such pull request`);
    if (!REVIEW_STATES.includes(seed.state)) throw new Error(`${where}: state ${JSON.stringify(seed.state)} is not one of ${REVIEW_STATES.join(', ')}`);
    const commitId = fullSha(seed.commitId, where);
    if (!pull.commits.includes(commitId)) throw new Error(`${where}: commit ${commitId} is not on the pull request`);
    pull.reviews.push({ id: this.nextReviewId++, user: seed.user, state: seed.state, commitId, body: seed.body ?? '', submittedAt: new Date().toISOString() });
  }

  /** The repository's pull requests, or `undefined` when none was added to it. */
  repo(owner: string, name: string): readonly Pull[] | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  /** The pull request, or `undefined`. */
  pull(repo: string, number: number): Pull | undefined {
    return this.repos.get(repo.toLowerCase())?.find((p) => p.number === number);
  }
}

function fullSha(sha: string, where: string): string {
  if (!FULL_SHA.test(sha)) throw new Error(`${where}: ${JSON.stringify(sha)} is not a full commit SHA`);
  return sha.toLowerCase();
}

/**
 * Like GitHub: for a commit a merged pull request brought to the default branch (its merge commit
 * or one of its commits), that pull request; otherwise every pull request, open or merged
 * elsewhere, that has the commit.
 */
function pullsOfCommit(pulls: readonly Pull[], sha: string): Pull[] {
  const having = pulls.filter((p) => p.commits.includes(sha) || p.merged?.commitSha === sha);
  const brought = having.filter((p) => p.merged !== undefined && p.base === DEFAULT_BRANCH);
  return brought.length > 0 ? brought : having;
}

/** How the routes reach the rest of the emulator. */
export interface PullRouteContext {
  /** One page of items with GitHub's `per_page`, `page` and `Link` header. */
  paginate: (req: JsonRequest, items: readonly unknown[]) => JsonResponse;
  /** GitHub's "simple user" object for a login. */
  user: (origin: string, login: string) => Record<string, unknown>;
  /** GitHub's error body. */
  error: (status: number, message: string) => unknown;
  /** Record query parameters GitHub does not document for the route as unexpected. */
  strict: boolean;
}

/** The two read routes. */
export function pullRoutes(state: PullRequestState, ctx: PullRouteContext): Route[] {
  const notFound: JsonResponse = { status: 404, body: ctx.error(404, 'Not Found') };
  const strictly = (req: JsonRequest, response: JsonResponse): JsonResponse => {
    const unknown = ctx.strict ? [...new Set(req.query.keys())].filter((k) => !PAGING.includes(k)) : [];
    return unknown.length === 0 || response.unexpected !== undefined ? response : { ...response, unexpected: `unknown query parameter ${unknown.join(', ')}` };
  };
  return [
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/commits/:commit_sha/pulls',
      handler: (req) => {
        const pulls = state.repo(req.params.owner!, req.params.repo!);
        const sha = req.params.commit_sha!;
        if (pulls === undefined) return strictly(req, notFound);
        if (!FULL_SHA.test(sha)) return { status: 422, body: ctx.error(422, `No commit found for SHA: ${sha}`), unexpected: 'commit_sha other than a full commit SHA is not emulated' };
        return strictly(req, ctx.paginate(req, pullsOfCommit(pulls, sha.toLowerCase()).map((p) => pullJson(ctx, req.origin, p))));
      },
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/pulls/:pull_number/reviews',
      handler: (req) => {
        const number = /^[1-9]\d{0,9}$/.test(req.params.pull_number!) ? Number(req.params.pull_number) : undefined;
        const pull = number === undefined ? undefined : state.pull(`${req.params.owner}/${req.params.repo}`, number);
        if (pull === undefined) return strictly(req, notFound);
        return strictly(req, ctx.paginate(req, pull.reviews.map((r) => reviewJson(ctx, req.origin, pull, r))));
      },
    },
  ];
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** GitHub's "pull-request-simple" object, the shape the commit's pull-request list holds. */
function pullJson(ctx: PullRouteContext, origin: string, p: Pull): Record<string, unknown> {
  const full = `${p.owner}/${p.name}`;
  const url = `${origin}/repos/${full}/pulls/${p.number}`;
  const owner = ctx.user(origin, p.owner);
  const repo = { id: p.id, node_id: nodeId('R', p.id), name: p.name, full_name: full, owner, private: true, default_branch: DEFAULT_BRANCH };
  const closedAt = p.merged?.at ?? null;
  return {
    url,
    id: p.id,
    node_id: nodeId('PR', p.id),
    html_url: `${origin}/${full}/pull/${p.number}`,
    number: p.number,
    state: p.merged ? 'closed' : 'open',
    locked: false,
    title: p.title,
    user: ctx.user(origin, p.user),
    body: null,
    labels: [],
    milestone: null,
    created_at: p.createdAt,
    updated_at: closedAt ?? p.createdAt,
    closed_at: closedAt,
    merged_at: closedAt,
    // Before a merge GitHub reports the SHA of its test merge commit here, never null.
    merge_commit_sha: p.merged?.commitSha ?? sha(`${full}#${p.number}:${p.head.sha}:test-merge`),
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: { label: `${p.owner}:${p.head.ref}`, ref: p.head.ref, sha: p.head.sha, user: owner, repo },
    base: { label: `${p.owner}:${p.base}`, ref: p.base, sha: sha(`${full}:${p.base}@${p.number}`), user: owner, repo },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: false,
  };
}

/** GitHub's "pull-request-review" object. */
function reviewJson(ctx: PullRouteContext, origin: string, p: Pull, r: Review): Record<string, unknown> {
  const full = `${p.owner}/${p.name}`;
  const html = `${origin}/${full}/pull/${p.number}#pullrequestreview-${r.id}`;
  const pullUrl = `${origin}/repos/${full}/pulls/${p.number}`;
  return {
    id: r.id,
    node_id: nodeId('PRR', r.id),
    user: r.user === null ? null : ctx.user(origin, r.user),
    body: r.body,
    state: r.state,
    html_url: html,
    pull_request_url: pullUrl,
    _links: { html: { href: html }, pull_request: { href: pullUrl } },
    submitted_at: r.submittedAt,
    commit_id: r.commitId,
    author_association: 'MEMBER',
  };
}
