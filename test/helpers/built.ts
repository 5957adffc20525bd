/**
 * Runs the built CLI (`node dist/...`) as a user's shell would: without tap's process tracker.
 *
 * tap wraps `child_process` in test files so that every child node process loads
 * `@tapjs/processinfo` (an `--import` loader added to NODE_OPTIONS, with its own hooks thread);
 * that adds about a second to each start, and the built files are not part of coverage anyway.
 * Going through `env -u NODE_OPTIONS` drops what tap added, so the child is plain `node`.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';

/** How a built process ended and what it printed. */
export interface Built {
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  /** The signal that ended it, if any. */
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** `env` without what tap adds to it. */
function plainEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const plain = { ...env };
  delete plain.NODE_OPTIONS;
  return plain;
}

/**
 * Runs `node ...args` in `cwd` with exactly `env` (plus nothing from tap), and never rejects.
 * `node` is the binary to run, default this process's.
 */
export function runBuilt(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; node?: string } = {}): Promise<Built> {
  const env = plainEnv(options.env);
  return new Promise((resolve) => {
    execFile('env', ['-u', 'NODE_OPTIONS', options.node ?? process.execPath, ...args], { cwd: options.cwd, env }, (error, stdout, stderr) => {
      const e = error as (Error & { code?: number; signal?: string }) | null;
      resolve({ code: e ? (e.code ?? null) : 0, signal: e?.signal ?? null, stdout, stderr });
    });
  });
}

/** Starts `node ...args` as {@link runBuilt} runs it, for a process that runs until it is stopped. */
export function startBuilt(args: readonly string[]): ChildProcess {
  return spawn('env', ['-u', 'NODE_OPTIONS', process.execPath, ...args], { env: plainEnv() });
}
