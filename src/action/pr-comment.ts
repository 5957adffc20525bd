/**
 * The one pull-request comment that carries the plan: found again on every push by a hidden
 * marker and edited in place, so a pull request never collects a comment per push.
 */
import type { Octokit } from 'octokit';

/** Where the comment goes. */
export interface CommentTarget {
  owner: string;
  repo: string;
  issue: number;
}

/** What {@link upsertComment} did. */
export interface CommentResult {
  action: 'created' | 'updated';
  url: string;
}

/**
 * The hidden first line that identifies the plan comment for one config file, so two
 * configs in one repository keep two comments. The path is URI-encoded: it can never end
 * the HTML comment early.
 */
export function commentMarker(config: string): string {
  return `<!-- oncall-access:plan config=${encodeURI(config)} -->`;
}

/**
 * Creates or updates the comment that starts with `marker`. Only a comment written by the
 * token's own account counts (the GraphQL `viewer`, which works for user, App installation and
 * workflow tokens alike): anyone can paste the marker into a comment of their own, and that
 * comment is never edited. When several match, the oldest is the one kept up to date.
 */
export async function upsertComment(octokit: Octokit, target: CommentTarget, marker: string, markdown: string): Promise<CommentResult> {
  const { viewer } = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
  const body = `${marker}\n${markdown}`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issue, per_page: 100 });
  const mine = comments.find((c) => c.user?.login.toLowerCase() === viewer.login.toLowerCase() && c.body?.startsWith(`${marker}\n`));
  if (mine !== undefined) {
    const updated = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body });
    return { action: 'updated', url: updated.data.html_url };
  }
  const created = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issue, body });
  return { action: 'created', url: created.data.html_url };
}
