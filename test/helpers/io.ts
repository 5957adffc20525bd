import type { Fetch } from '../../src/http/read-only.js';
import type { Io } from '../../src/io.js';

/** An in-memory Io: what a command printed, with a chosen cwd, environment, clock and transport (the network itself unless given). */
export function captureIo(cwd: string, env: NodeJS.ProcessEnv = {}, now = new Date('2026-11-30T07:50:00Z'), fetch: Fetch = globalThis.fetch) {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    cwd,
    stdinIsTTY: false,
    now: () => now,
    fetch,
  };
  return { io, out: () => out, err: () => err };
}
