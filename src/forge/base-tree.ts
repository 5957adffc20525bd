/**
 * A pull request's base commit as files: its tree extracted into a temporary folder, so that
 * policy, state and the destinations of credentials are read from what the base branch holds,
 * never from the pull request's head. Request files the pull request adds are copied in from
 * HEAD's blobs (never through the working tree, where a file could be a link).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { gitBytes, type GitLocation } from './git.js';
import { UserError } from '../io.js';

/** An extracted commit: the working directory's counterpart in it, and how to remove it. */
export interface BaseTree {
  /** The folder that corresponds to the working directory. */
  cwd: string;
  /** Copies `file` (relative to the working directory) from HEAD into the tree. */
  addFromHead(file: string): void;
  /** Deletes `file` (relative to the working directory) from the tree. */
  removeFile(file: string): void;
  /** Deletes the temporary folder. */
  remove(): void;
}

/** Extracts `commit` of the repository at `location`; refuses with a UserError when git cannot. */
export function extractCommit(location: GitLocation, commit: string): BaseTree {
  const root = mkdtempSync(join(tmpdir(), 'oncall-access-base-'));
  const remove = (): void => rmSync(root, { recursive: true, force: true });
  try {
    execFileSync('tar', ['-x', '-C', root], { input: gitBytes(location.top, ['archive', '--format=tar', commit]), stdio: ['pipe', 'ignore', 'pipe'] });
  } catch {
    remove();
    throw new UserError(`cannot read the base commit ${commit.slice(0, 12)} of this pull request (check out with fetch-depth: 0)`);
  }
  const cwd = join(root, location.prefix);
  return {
    cwd,
    addFromHead(file: string): void {
      const path = posix.normalize(`${location.prefix}${file.split('\\').join('/')}`);
      const target = join(root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, gitBytes(location.top, ['cat-file', 'blob', `HEAD:${path}`]));
    },
    removeFile(file: string): void {
      rmSync(join(cwd, file), { force: true });
    },
    remove,
  };
}
