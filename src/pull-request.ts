/**
 * The pull request a run is checking, when it runs in GitHub Actions for one: who opened it
 * and which request files it adds or changes (so a request can be checked against its author).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UserError } from './io.js';

/** The pull request context a plan needs. */
export interface PullRequestContext {
  author: string;
  /** Request files the pull request adds or changes, as shown to the user (relative to the working directory). */
  files: string[];
}

/**
 * The pull request of this run, or undefined outside a `pull_request` / `pull_request_target`
 * workflow. Changed files come from `git diff` against the base commit the event names, so the
 * checkout needs that commit (`fetch-depth: 0`). Refuses with a UserError when it cannot tell.
 */
export function pullRequestContext(env: NodeJS.ProcessEnv, cwd: string, requestsDir: string): PullRequestContext | undefined {
  if (env.GITHUB_EVENT_NAME !== 'pull_request' && env.GITHUB_EVENT_NAME !== 'pull_request_target') return undefined;
  let event: { pull_request?: { user?: { login?: string }; base?: { sha?: string } } };
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8'));
  } catch {
    throw new UserError('cannot read the pull request event (GITHUB_EVENT_PATH)');
  }
  const author = event.pull_request?.user?.login;
  const base = event.pull_request?.base?.sha;
  if (!author || !base || !/^[0-9a-f]{7,64}$/.test(base)) throw new UserError('the pull request event names no author or base commit');
  let out: string;
  try {
    out = execFileSync('git', ['diff', '--name-only', '--diff-filter=AMR', base, 'HEAD', '--', requestsDir], { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch {
    throw new UserError(`cannot tell which request files this pull request changes: git diff against ${base.slice(0, 12)} failed (check out with fetch-depth: 0)`);
  }
  const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  const files = out
    .split('\n')
    .filter(Boolean)
    .map((f) => relative(cwd, resolve(top, f)) || f);
  return { author, files };
}
