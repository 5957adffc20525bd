/**
 * Test workspaces as git repositories, as CI checks them out: a pull request's plan reads
 * policy from its base commit and request files from HEAD, and a request starts no earlier
 * than the commit that brought it. Commits are dated at a fixed instant so that results do not
 * depend on the day the suite runs.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The instant test commits are dated at unless told otherwise: just before the demo's instant (2026-11-30T07:50Z). */
export const COMMITTED = '2026-11-30T07:45:00Z';

/** Runs git in `dir` as `who` (for commits), dated `at`; returns its trimmed output. */
export function git(dir: string, args: readonly string[], who = 'ci', at = COMMITTED): string {
  const env = { ...process.env, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at, GIT_AUTHOR_NAME: who, GIT_AUTHOR_EMAIL: `${who}@acme.example`, GIT_COMMITTER_NAME: who, GIT_COMMITTER_EMAIL: `${who}@acme.example`, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  return execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env }).toString().trim();
}

/** Commits everything in `dir` (an empty commit when nothing changed); returns the commit. */
export function commitAll(dir: string, message: string, who = 'ci', at = COMMITTED): string {
  git(dir, ['add', '-A'], who, at);
  git(dir, ['commit', '-q', '--allow-empty', '-m', message], who, at);
  return git(dir, ['rev-parse', 'HEAD']);
}

/** Makes `dir` a repository on branch main with everything in it committed; returns that commit. `ignore` lists files never committed. */
export function initRepo(dir: string, ignore: readonly string[] = []): string {
  git(dir, ['init', '-q', '-b', 'main']);
  writeFileSync(join(dir, '.git', 'info', 'exclude'), ignore.map((f) => `${f}\n`).join(''));
  return commitAll(dir, 'base');
}

/** A pull_request event payload file beside the repository `dir` (outside it), opened by `author` on `base`; returns its path. */
export function pullRequestEventFile(dir: string, author: string, base: string, extra: { number?: number; head?: string } = {}): string {
  const path = `${dir}.${author}.event.json`;
  writeFileSync(path, JSON.stringify({ pull_request: { number: extra.number ?? 7, user: { login: author }, head: { sha: extra.head ?? base, repo: { full_name: 'acme/access' } }, base: { sha: base, ref: 'main', repo: { full_name: 'acme/access' } } }, repository: { full_name: 'acme/access' } }));
  return path;
}
