/**
 * What a command may touch of the process: its streams, environment, working directory, clock
 * and network. Passed in so tests run commands in-process with captured output, a chosen
 * environment and their own transport.
 */
import type { Fetch } from './http/read-only.js';

/** A place text is written to. */
export interface Out {
  write(text: string): unknown;
  /** True when it is an interactive terminal. */
  isTTY?: boolean;
}

/** The process as a command sees it. */
export interface Io {
  stdout: Out;
  stderr: Out;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when a person can answer a prompt on stdin. */
  stdinIsTTY: boolean;
  /** The current instant; injected so tests control time. */
  now: () => Date;
  /** The transport every adapter and forge call sends through (`plan` and the other reading commands wrap it read-only); tests pass their own to route or record requests. */
  fetch: Fetch;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Success; for `plan --detailed-exitcode`, success with no changes. */
  ok: 0,
  /** Any error: bad input, failed read, failed or refused change. */
  error: 1,
  /** `plan --detailed-exitcode` only: success, and the plan has changes. */
  changes: 2,
} as const;

/** A user-facing failure: printed as one line without a stack trace, exit 1. */
export class UserError extends Error {
  override name = 'UserError';
}
