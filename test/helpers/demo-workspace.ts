/** A copy of the demo workspace (profiles/) pointed at a fresh strict GitHub emulator. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import { main } from '../../src/cli.js';
import { DEMO_AT, DEMO_GITHUB } from '../../src/emulators/demo-world.js';
import { startGitHubEmulator, type GitHubEmulator, type GitHubSeed } from '../../src/emulators/github.js';
import { captureIo } from './io.js';

/** A recognisable fake token: tests scan output for it. */
export const TOKEN = 'ghp_fakeTOKENforTESTS0123456789abcdefXYZ';

/** Copies the demo into a test directory, seeds an emulator (optionally edited), and lets `edit` change files. */
export async function demoWorkspace(t: Test, edit: (dir: string) => void = () => {}, seed: (s: GitHubSeed) => void = () => {}): Promise<{ dir: string; emu: GitHubEmulator }> {
  const world = structuredClone(DEMO_GITHUB);
  seed(world);
  const emu = await startGitHubEmulator({ ...world, token: TOKEN, strict: true });
  t.teardown(() => emu.close());
  const dir = t.testdir({});
  cpSync('profiles', dir, { recursive: true });
  const config = join(dir, 'oncall-access.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace('http://127.0.0.1:39170', emu.url));
  edit(dir);
  return { dir, emu };
}

/** Replaces `from` with `to` in a workspace file. */
export function editFile(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`editFile: ${String(from)} not found in ${file}`);
  writeFileSync(path, after);
}

/** Runs the CLI in-process in `dir` at `now` (default: the demo instant). */
export async function cli(dir: string, args: string[], options: { env?: NodeJS.ProcessEnv; now?: Date } = {}) {
  const c = captureIo(dir, options.env ?? { GITHUB_TOKEN: TOKEN }, options.now ?? new Date(DEMO_AT));
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}
