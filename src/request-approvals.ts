/**
 * Approval of merged access requests, from the forge: for each running request to a profile with
 * `approval: review`, who approved the pull request that brought its file to the default branch
 * (see src/forge/approvals.ts), asked once per run. The repository is `GITHUB_REPOSITORY`, read
 * with the credentials of the config's first GitHub target (they need pull requests: read).
 */
import type { AccessRequest, Workspace } from './config/model.js';
import { requestStart } from './core/requests.js';
import { approvalOf } from './forge/approvals.js';
import type { Fetch } from './http/read-only.js';
import { createOctokit, describeError } from './targets/github.js';

/** The login a subject names: itself, or the identities file's login for an email (the forge's view of who gets access). */
function loginOf(ws: Workspace, subject: string): string {
  return ws.identities.find((i) => i.email.toLowerCase() === subject.toLowerCase())?.login ?? subject;
}

/** The workspace with {@link AccessRequest.review} set on every running request that needs a review. */
export async function withApprovals(ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch, at: Date): Promise<Workspace> {
  const needs = (r: AccessRequest): boolean =>
    ws.profiles.some((p) => p.name === r.profile && p.mode === 'requestable' && p.approval === 'review') && requestStart(r) <= at && at.getTime() < r.requestedAt.getTime() + r.durationMs;
  if (!ws.requests.some(needs)) return ws;
  const missing = (text: string) => (r: AccessRequest): AccessRequest => (needs(r) ? { ...r, review: { missing: text } } : r);
  const full = env.GITHUB_REPOSITORY ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(full)) return { ...ws, requests: ws.requests.map(missing('its approval cannot be checked: set GITHUB_REPOSITORY to owner/name of this config repository (GitHub Actions sets it)')) };
  const [owner, repo] = full.split('/') as [string, string];
  const target = [...ws.config.targets.values()][0]!;
  const token = target.tokenEnv === undefined ? undefined : env[target.tokenEnv];
  if (!token) return { ...ws, requests: ws.requests.map(missing(`its approval cannot be checked: ${target.tokenEnv ?? 'the target\'s tokenEnv'} is not set`)) };
  const octokit = createOctokit({ baseUrl: target.apiUrl ?? 'https://api.github.com', token, fetch });
  let base: string;
  try {
    base = (await octokit.rest.repos.get({ owner, repo })).data.default_branch;
  } catch (e) {
    return { ...ws, requests: ws.requests.map(missing(`its approval cannot be checked: cannot read repository ${full}: ${describeError(e)}`)) };
  }
  const requests = await Promise.all(
    ws.requests.map(async (r): Promise<AccessRequest> => {
      if (!needs(r)) return r;
      const commit = r.landed?.commit;
      if (commit === undefined) return { ...r, review: { missing: `it is not in the history of ${base} (no merged pull request brought it), so nobody approved it` } };
      const approvers = ws.profiles.find((p) => p.name === r.profile)!.approvers;
      const answer = await approvalOf(octokit, { owner, repo, commit, base, approvers, beneficiaries: [loginOf(ws, r.subject)] });
      return { ...r, review: answer.kind === 'approved' ? { approvedBy: answer.by, pullRequest: answer.pullRequest } : { missing: answer.reason } };
    }),
  );
  return { ...ws, requests };
}
