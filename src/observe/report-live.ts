/**
 * What `report --live` adds to the access review from the APIs, reading only: who holds each
 * managed entitlement now (from the targets, as a plan reads them) and, for each policy commit,
 * the pull request that brought it and who approved it (from the forge).
 */
import pLimit from 'p-limit';
import { buildAdapters } from './adapters.js';
import type { Workspace } from '../config/model.js';
import type { CommitReview, LiveInput, PolicyCommit } from '../core/report.js';
import { latestSays, mergedPullOf } from '../forge/approvals.js';
import { forgeRepository } from '../forge/repository.js';
import { managedBy, readHoldersOf } from './holders.js';
import type { Fetch } from '../http/read-only.js';
import { reportEntitlement } from '../targets/kinds.js';

/** Pull requests read at once. */
const FORGE_CONCURRENCY = 4;

/** The holders of every entitlement a profile manages, read now; a target that cannot be read gives its error for each of its entitlements. */
export async function readLiveHolders(ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch, now: Date): Promise<LiveInput> {
  const managed = managedBy(ws);
  const reads = await readHoldersOf([...managed.values()], buildAdapters(ws, env, fetch).targets);
  return {
    readAt: now,
    entitlements: [...managed].map(([key, ref]) => {
      const read = reads.get(key)!;
      return { ref: reportEntitlement(ref), read: read.ok ? { ok: true as const, holders: read.holders } : { ok: false as const, error: read.error } };
    }),
  };
}

/** `commits`, each with what the forge says of it: its merged pull request and approvers, or why there is none. */
export async function withReviews(commits: readonly PolicyCommit[], ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch): Promise<PolicyCommit[]> {
  const none = (note: string): CommitReview => ({ pullRequest: null, author: null, approvedBy: [], note });
  if (commits.length === 0) return [];
  const forge = await forgeRepository(ws, env, fetch);
  if (!forge.ok) return commits.map((c) => ({ ...c, review: none(`the forge cannot be asked: ${forge.reason}`) }));
  const { octokit, owner, repo, base } = forge;
  const limit = pLimit(FORGE_CONCURRENCY);
  return Promise.all(
    commits.map((c) =>
      limit(async (): Promise<PolicyCommit> => {
        const read = await mergedPullOf(octokit, { owner, repo, commit: c.commit, base });
        if (read.kind === 'unknown') return { ...c, review: none(read.reason) };
        if (read.kind === 'none') return { ...c, review: none(`no merged pull request brought it to ${base}: pushed directly`) };
        const approvedBy = [...latestSays(read.reviews).values()].filter((s) => s.state === 'APPROVED').map((s) => s.login);
        return { ...c, review: { pullRequest: read.pull.number, author: read.pull.user?.login ?? null, approvedBy, note: null } };
      }),
    ),
  );
}
