/**
 * Approval of merged access requests, from the forge: for each running request to a profile with
 * `approval: review`, who approved the pull request that brought its file to the default branch
 * (see src/forge/approvals.ts), asked once per run, of the config repository (src/forge/repository.ts;
 * the credentials need pull requests: read).
 */
import type { AccessRequest, Workspace } from '../config/model.js';
import { requestStart } from '../core/requests.js';
import { approvalOf } from './approvals.js';
import type { Fetch } from '../http/read-only.js';
import { forgeRepository } from './repository.js';

/** The login a subject names: itself, or the identities file's login for an email (the forge's view of who gets access). */
function loginOf(ws: Workspace, subject: string): string {
  return ws.identities.find((i) => i.email.toLowerCase() === subject.toLowerCase())?.accounts.github ?? subject;
}

/** The workspace with {@link AccessRequest.review} set on every running request that needs a review. */
export async function withApprovals(ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch, at: Date): Promise<Workspace> {
  const needs = (r: AccessRequest): boolean =>
    ws.profiles.some((p) => p.name === r.profile && p.mode === 'requestable' && p.approval === 'review') && requestStart(r) <= at && at.getTime() < r.requestedAt.getTime() + r.durationMs;
  if (!ws.requests.some(needs)) return ws;
  const missing = (text: string) => (r: AccessRequest): AccessRequest => (needs(r) ? { ...r, review: { missing: text } } : r);
  const forge = await forgeRepository(ws, env, fetch);
  if (!forge.ok) return { ...ws, requests: ws.requests.map(missing(`its approval cannot be checked: ${forge.reason}`)) };
  const { octokit, owner, repo, base } = forge;
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
