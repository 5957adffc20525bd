/**
 * Git, run as a child process in a working directory: the plumbing the pull-request gate and
 * request history need. Output is returned as text (or bytes); a failure throws the child's error.
 */
import { execFileSync } from 'node:child_process';

/** Options that keep git's output stable whatever the user's configuration says. */
const STABLE = ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false'];

/** Runs `git args` in `cwd` and returns its standard output as text. */
export function git(cwd: string, args: readonly string[]): string {
  return gitBytes(cwd, args).toString();
}

/** Runs `git args` in `cwd` and returns its standard output as bytes (archives and blobs). */
export function gitBytes(cwd: string, args: readonly string[]): Buffer {
  return execFileSync('git', [...STABLE, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 512 * 1024 * 1024 });
}

/** Where a working directory is in its repository. */
export interface GitLocation {
  /** The repository's top folder. */
  top: string;
  /** The working directory relative to `top`: `''` at the top, else ending in `/`. */
  prefix: string;
}

/** Where `cwd` is in its repository; undefined outside a work tree. */
export function gitLocation(cwd: string): GitLocation | undefined {
  try {
    const [top, prefix] = git(cwd, ['rev-parse', '--show-toplevel', '--show-prefix']).split('\n');
    return { top: top!, prefix: prefix ?? '' };
  } catch {
    return undefined;
  }
}
