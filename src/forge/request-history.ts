/**
 * When each access request reached the default branch, from git history: the first-parent
 * commit that added its file and that commit's time. On the default branch those commits are
 * the merges GitHub made, so their time is evidence a requester cannot choose.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import type { AccessRequest } from '../config/model.js';
import { git, type GitLocation } from './git.js';
import { UserError } from '../io.js';

/**
 * The requests with {@link AccessRequest.landed} set from the history of `rev` (HEAD, or a pull
 * request's base): the commit that last added each file to the first-parent history, or `now`
 * for a file that history does not have (added by the pull request, or not committed).
 * `requests` name their files relative to the working directory at `location`.
 */
export function withLandings(requests: readonly AccessRequest[], location: GitLocation, rev: string, now: Date): AccessRequest[] {
  if (requests.length === 0) return [];
  const paths = requests.map((r) => posix.normalize(`${location.prefix}${r.file.split('\\').join('/')}`));
  const log = git(location.top, ['log', '--first-parent', '--diff-filter=A', '--no-renames', '--format=%x00%H %ct', '--name-only', rev, '--', ...new Set(paths.map(posix.dirname))]);
  const landed = new Map<string, { at: Date; commit: string }>();
  for (const entry of log.split('\0').filter(Boolean)) {
    const [head, ...files] = entry.split('\n').filter(Boolean);
    const [commit, seconds] = head!.split(' ');
    for (const f of files) if (!landed.has(f)) landed.set(f, { at: new Date(Number(seconds) * 1000), commit: commit! });
  }
  // In a shallow clone, every file of the oldest fetched commit looks added by it: that is no evidence.
  const boundary = shallowCommits(location);
  if ([...landed.values()].some((l) => boundary.has(l.commit))) {
    throw new UserError('the checkout is shallow, so when each access request was merged cannot be read from its history: check out with fetch-depth: 0');
  }
  return requests.map((r, i) => ({ ...r, landed: landed.get(paths[i]!) ?? { at: now } }));
}

/** The commits where a shallow clone's history is cut (none in a full clone). */
function shallowCommits(location: GitLocation): Set<string> {
  const file = resolve(location.top, git(location.top, ['rev-parse', '--git-path', 'shallow']).trim());
  return new Set(existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
}
