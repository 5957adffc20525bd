/**
 * Who approved the pull request that brought a commit to the default branch, read from GitHub:
 * the merged pull request of the commit (`GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls`),
 * then its reviews (`GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews`). Reads only.
 *
 * A review approves only when all of these hold: its state is `APPROVED`; it was submitted on the
 * pull request's final head commit (an approval of an earlier head does not count, as with
 * GitHub's "dismiss stale approvals"); the reviewer is one of the approvers (logins compared
 * case-insensitively); the reviewer is neither the pull request's author nor someone the request
 * grants access to (nobody approves their own access); and it is the reviewer's latest say (a
 * later `CHANGES_REQUESTED`, or the approval's own dismissal, cancels it; a later comment does not).
 * Nothing counts on a pull request whose author's account was deleted, as who wrote it is unknown.
 */
import type { Octokit } from 'octokit';
import { describeError } from '../targets/github/errors.js';

/** What the forge says about the pull request that brought a commit to the default branch. */
export type Approval =
  /** Merged, and approved at its final head by `by` (the login as GitHub spells it; when several approvals count, the reviewer who spoke first). */
  | { kind: 'approved'; by: string; pullRequest: number; headSha: string }
  /** No approval that counts, yet: `reason` says what is missing, for the plan and the audit. */
  | { kind: 'waiting'; pullRequest?: number; reason: string }
  /** The forge could not be read: `reason` is the error, without secrets. Grants nothing either. */
  | { kind: 'unknown'; reason: string };

/** Which approval to look for. */
export interface ApprovalQuery {
  /** The repository: `owner` and `repo` as in GitHub's URLs. */
  owner: string;
  repo: string;
  /**
   * The full SHA of the commit on `base` that brought the change: the merge commit of a merged
   * pull request, the squashed commit of a squash merge, or the last commit of a rebase merge.
   */
  commit: string;
  /** The branch the pull request must have been merged into: the default branch. */
  base: string;
  /** Logins whose approval counts. */
  approvers: readonly string[];
  /** Logins the request grants access to: their approval never counts, like the author's own. */
  beneficiaries?: readonly string[];
}

/** One review as {@link approvalOf} reads it: the fields of GitHub's "pull-request-review" it uses. */
export interface Review {
  user: { login: string } | null;
  state: string;
  commit_id: string | null;
}

/** The merged pull request's fields {@link approvalOf} uses. */
export interface MergedPull {
  number: number;
  user: { login: string } | null;
  head: { sha: string };
}

/**
 * The plan's words for an approval still missing: `waiting for approval from carol-acme or
 * dave-acme on pull request #7`, or that nobody can approve when the profile lists no approvers.
 */
export function awaitingText(approvers: readonly string[], pullRequest?: number): string {
  const on = pullRequest === undefined ? '' : ` on pull request #${pullRequest}`;
  if (approvers.length === 0) return `waiting for approval${on}, but the profile lists no approvers`;
  const names = approvers.length === 1 ? approvers[0]! : `${approvers.slice(0, -1).join(', ')} or ${approvers.at(-1)!}`;
  return `waiting for approval from ${names}${on}`;
}

/**
 * Reads whether the pull request merged into `query.base` as `query.commit` was approved (see
 * the module comment for what counts). Never throws: a failed read is `unknown`, with a reason
 * that names what could not be read and carries no request headers (which hold the token).
 */
export async function approvalOf(octokit: Octokit, query: ApprovalQuery): Promise<Approval> {
  const read = await mergedPullOf(octokit, query);
  if (read.kind === 'unknown') return read;
  if (read.kind === 'none') return { kind: 'waiting', reason: `no merged pull request brought commit ${query.commit} to ${query.base}` };
  return judge(read.pull, read.reviews, query);
}

/** Which merged pull request to read: the one merged into `base` as `commit` in `owner/repo`. */
export type PullQuery = Pick<ApprovalQuery, 'owner' | 'repo' | 'commit' | 'base'>;

/** The merged pull request of a commit with its reviews (oldest first), none, or why it could not be read. */
export type MergedPullRead = { kind: 'found'; pull: MergedPull; reviews: Review[] } | { kind: 'none' } | { kind: 'unknown'; reason: string };

/**
 * The pull request merged into `query.base` as `query.commit` (its merge commit, or the squashed
 * or rebased commit GitHub records as such), with its reviews. Never throws: a failed read is
 * `unknown`, with a reason that carries no request headers.
 */
export async function mergedPullOf(octokit: Octokit, query: PullQuery): Promise<MergedPullRead> {
  const { owner, repo } = query;
  const commit = query.commit.toLowerCase();
  let pulls: MergedPull[];
  try {
    const all = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { owner, repo, commit_sha: query.commit, per_page: 100 });
    pulls = all.filter((p) => p.merged_at !== null && p.merge_commit_sha?.toLowerCase() === commit && p.base.ref === query.base);
  } catch (e) {
    return { kind: 'unknown', reason: readFailure(e, `the pull request of commit ${query.commit} in ${owner}/${repo}`) };
  }
  const [pull] = pulls;
  if (pull === undefined) return { kind: 'none' };
  try {
    return { kind: 'found', pull, reviews: await octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number: pull.number, per_page: 100 }) };
  } catch (e) {
    return { kind: 'unknown', reason: readFailure(e, `the reviews of pull request #${pull.number} in ${owner}/${repo}`) };
  }
}

/** One reviewer's latest say on a pull request: `APPROVED`, `CHANGES_REQUESTED` or `DISMISSED`, and the commit it was on. */
export interface ReviewerSay {
  login: string;
  state: string;
  commit: string | null;
}

/** Each reviewer's latest say, keyed by lower-cased login, from reviews oldest first: a comment neither approves nor cancels an approval. */
export function latestSays(reviews: readonly Review[]): Map<string, ReviewerSay> {
  const latest = new Map<string, ReviewerSay>();
  for (const r of reviews) if (r.user !== null && r.state !== 'COMMENTED') latest.set(r.user.login.toLowerCase(), { login: r.user.login, state: r.state, commit: r.commit_id });
  return latest;
}

/** The verdict on a merged pull request from its reviews, oldest first (GitHub's order). */
function judge(pull: MergedPull, reviews: readonly Review[], query: ApprovalQuery): Approval {
  const key = (login: string): string => login.toLowerCase();
  const approvers = new Set(query.approvers.map(key));
  if (pull.user === null) return { kind: 'waiting', pullRequest: pull.number, reason: `the author of pull request #${pull.number} is a deleted account, so no approval can be shown not to be their own: file the request again` };
  const selves = new Set([pull.user.login, ...(query.beneficiaries ?? [])].map(key));
  const head = pull.head.sha.toLowerCase();
  const latest = latestSays(reviews);
  const uncounted: string[] = [];
  for (const [k, say] of latest) {
    if (say.state !== 'APPROVED') continue;
    const why = !approvers.has(k) ? 'is not an approver' : selves.has(k) ? 'cannot approve their own access' : say.commit?.toLowerCase() !== head ? `approved ${short(say.commit)}, not the final head ${short(head)}` : undefined;
    if (why === undefined) return { kind: 'approved', by: say.login, pullRequest: pull.number, headSha: pull.head.sha };
    uncounted.push(`${say.login} ${why}`);
  }
  const notes = uncounted.length === 0 ? '' : ` (not counted: ${uncounted.join('; ')})`;
  return { kind: 'waiting', pullRequest: pull.number, reason: `${awaitingText(query.approvers, pull.number)}${notes}` };
}

/** A commit SHA as people read it; GitHub answers `null` for a commit that no longer exists. */
function short(sha: string | null): string {
  return sha === null ? 'a commit that no longer exists' : sha.slice(0, 7);
}

/** Why a read failed, for people: what was being read, then the error without secrets. */
function readFailure(e: unknown, what: string): string {
  const status = (e as { status?: unknown } | null)?.status;
  if (status === 404) return `could not read ${what}: not found (404): check the repository and that the token can read its pull requests`;
  if (status === 403) return `could not read ${what}: GitHub refused (403): the token needs read access to pull requests`;
  return `could not read ${what}: ${describeError(e)}`;
}
