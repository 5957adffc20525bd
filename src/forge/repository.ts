/**
 * The config repository on the forge: `GITHUB_REPOSITORY` (GitHub Actions sets it), read with the
 * credentials of the config's first GitHub target, and its default branch. What approvals of
 * access requests and `report --live` ask the forge about.
 */
import type { Octokit } from 'octokit';
import type { Workspace } from '../config/model.js';
import type { Fetch } from '../http/read-only.js';
import { createOctokit } from '../targets/github/client.js';
import { describeError } from '../targets/github/errors.js';

/** A client for the config repository and its default branch, or why there is none (for people, no secrets). */
export type ForgeRepository = { ok: true; octokit: Octokit; owner: string; repo: string; base: string } | { ok: false; reason: string };

/** Connects to the config repository named by `env.GITHUB_REPOSITORY`; reads the repository once. */
export async function forgeRepository(ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch): Promise<ForgeRepository> {
  const full = env.GITHUB_REPOSITORY ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(full)) return { ok: false, reason: 'set GITHUB_REPOSITORY to owner/name of this config repository (GitHub Actions sets it)' };
  const [owner, repo] = full.split('/') as [string, string];
  const target = [...ws.config.targets.values()][0]!;
  const token = target.tokenEnv === undefined ? undefined : env[target.tokenEnv];
  if (!token) return { ok: false, reason: `${target.tokenEnv ?? "the target's tokenEnv"} is not set` };
  const octokit = createOctokit({ baseUrl: target.apiUrl ?? 'https://api.github.com', token, fetch });
  try {
    return { ok: true, octokit, owner, repo, base: (await octokit.rest.repos.get({ owner, repo })).data.default_branch };
  } catch (e) {
    return { ok: false, reason: `cannot read repository ${full}: ${describeError(e)}` };
  }
}
