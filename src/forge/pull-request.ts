/**
 * The pull request a run is checking, when it runs in GitHub Actions for one: who opened it,
 * its base commit (where policy is read from), and what it changes in the requests and state
 * folders. A pull request may only add regular files directly in the requests folder; every
 * other change there, and any change of the state folder, is an error in its plan.
 */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { error, type Diagnostic } from '../core/diagnostics.js';
import { git, type GitLocation } from './git.js';
import { UserError } from '../io.js';

/** The pull request context a plan needs. */
export interface PullRequestContext {
  /** Login of who opened it. */
  author: string;
  /** The base commit: policy, state and credentials' destinations are read from it. */
  base: string;
  /** The base branch's name, for labels ("with the policy on main"). */
  baseRef: string;
  /** The checkout the run is in. */
  location: GitLocation;
  /** Request files the pull request adds, as shown to the user (relative to the working directory). */
  files: string[];
  /** Request files the pull request deletes, as shown. */
  deleted: string[];
  /** Changes a pull request may not make (requests edited, in subfolders or links; state edited). */
  diagnostics: Diagnostic[];
}

interface PullRequestEvent {
  pull_request?: { user?: { login?: string }; base?: { sha?: string; ref?: string } };
}

/** True when the run is for a pull request (its files are then untrusted data). */
export function inPullRequest(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_EVENT_NAME === 'pull_request' || env.GITHUB_EVENT_NAME === 'pull_request_target';
}

/** What the event says about the pull request. */
export interface PullRequestEventFacts {
  /** Login of who opened it. */
  author: string;
  /** The base commit. */
  base: string;
  /** The base branch's name. */
  baseRef: string;
}

/** The author, base commit and base branch the event names; refuses with a UserError when it cannot tell. */
export function pullRequestEvent(env: NodeJS.ProcessEnv): PullRequestEventFacts {
  let event: PullRequestEvent;
  try {
    event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH ?? '', 'utf8')) as PullRequestEvent;
  } catch {
    throw new UserError('cannot read the pull request event (GITHUB_EVENT_PATH)');
  }
  const author = event.pull_request?.user?.login;
  const base = event.pull_request?.base?.sha;
  if (!author || !base || !/^[0-9a-f]{7,64}$/.test(base)) throw new UserError('the pull request event names no author or base commit');
  return { author, base, baseRef: event.pull_request?.base?.ref || 'the base branch' };
}

/** One line of `git diff --raw -z`: the modes before and after, the status letter and the path from the top. */
interface RawChange {
  oldMode: string;
  newMode: string;
  status: string;
  path: string;
}

/** The changes from `base` (already extracted, so known to exist) to HEAD. */
function rawDiff(top: string, base: string): RawChange[] {
  const parts = git(top, ['diff', '--raw', '-z', '--no-renames', '--no-abbrev', base, 'HEAD']).split('\0');
  const changes: RawChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [oldMode, newMode, , , status] = parts[i]!.replace(/^:/, '').split(' ');
    changes.push({ oldMode: oldMode!, newMode: newMode!, status: status!.charAt(0), path: parts[i + 1]! });
  }
  return changes;
}

const REGULAR = /^100(644|755)$/;
const LINK = '120000';

/**
 * What the pull request of the event changes in the checkout at `location`, given the requests
 * and state folders (relative to the working directory) the base policy names. Changed paths come from `git diff` between the
 * base commit and HEAD (the checkout needs the base commit: `fetch-depth: 0`).
 */
export function pullRequestContext(event: PullRequestEventFacts, location: GitLocation, folders: { requests: string; state: string }): PullRequestContext {
  const { author, base, baseRef } = event;
  const fromTop = (dir: string): string => posix.normalize(`${location.prefix}${dir.split('\\').join('/')}`).replace(/\/$/, '');
  const requestsDir = fromTop(folders.requests);
  const stateDir = fromTop(folders.state);
  const under = (folder: string, path: string): string | undefined => (folder === '.' ? path : path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : undefined);
  const shown = (path: string): string => posix.relative(location.prefix || '.', path) || path;
  const files: string[] = [];
  const deleted: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const refuse = (path: string, message: string): void => void diagnostics.push({ ...error(message, { file: shown(path), line: 1, col: 1 }), code: 'pull-request' });
  for (const c of rawDiff(location.top, base)) {
    if (under(stateDir, c.path) !== undefined) {
      refuse(c.path, `this pull request changes ${shown(c.path)} by hand: the state folder is written by apply only (it records what was granted); revert this change`);
      continue;
    }
    const rel = under(requestsDir, c.path);
    if (rel === undefined) continue;
    const request = /\.ya?ml$/.test(rel);
    if (c.newMode === LINK || c.oldMode === LINK) refuse(c.path, `${shown(c.path)} is a symbolic link: request files must be regular files; replace it with the request itself`);
    else if (rel.includes('/')) refuse(c.path, `${shown(c.path)} is in a subfolder: request files go directly in ${shown(requestsDir)}/ (move it there)`);
    else if (c.status === 'A' && REGULAR.test(c.newMode)) {
      if (request) files.push(shown(c.path));
    } else if (c.status === 'D') {
      if (request) deleted.push(shown(c.path));
    } else if (request) refuse(c.path, `this pull request edits ${shown(c.path)}: a request is never edited after it is filed; add a new request file instead (and delete this one only once it has ended)`);
  }
  return { author, base, baseRef, location, files, deleted, diagnostics };
}
