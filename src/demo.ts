/**
 * `npm start`: the main job on the bundled demo, with no token and no network. Starts the
 * GitHub, PagerDuty, JSM Operations, Slack and Okta emulators seeded with the demo world on 127.0.0.1, then runs `plan` on
 * `profiles/oncall-access.yaml` for the demo instant (pass --at to choose another). Arguments
 * go to `plan`; `npm start -- apply` instead applies the plan, then plans again to show it
 * empty.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main, processIo } from './cli.js';
import { pointConfigAt, PortTaken, startDemoEmulators, type DemoEmulatorOptions, type DemoEmulators } from '@oncall-access/emulators/demo-emulators';
import { DEMO_AT, DEMO_PORTS, DEMO_TOKENS } from '@oncall-access/emulators/demo-world';
import { writeDemoState } from './demo-world.js';
import type { Io } from './io.js';

const CONFIG = 'profiles/oncall-access.yaml';

/**
 * The demo emulators on their usual ports (the ones `profiles/oncall-access.yaml` names); when
 * one is taken (another demo, `npm run emulators`), on free ports, with a copy of the workspace
 * in `scratch` pointed at them, and a line saying so.
 */
async function startEmulators(tokens: DemoEmulatorOptions['tokens'], scratch: string, io: Io): Promise<{ emulators: DemoEmulators; config: string }> {
  let taken: PortTaken;
  try {
    return { emulators: await startDemoEmulators({ ports: DEMO_PORTS, tokens }), config: CONFIG };
  } catch (e) {
    if (!(e instanceof PortTaken)) throw e;
    taken = e;
  }
  const emulators = await startDemoEmulators({ tokens });
  const copy = join(scratch, 'profiles');
  cpSync(resolve(io.cwd, 'profiles'), copy, { recursive: true });
  const file = join(copy, 'oncall-access.yaml');
  writeFileSync(file, pointConfigAt(readFileSync(file, 'utf8'), emulators));
  io.stderr.write(`The ${taken.message} (another demo, or "npm run emulators"?): the demo runs on free ports with a copy of profiles/ pointed at them.\n`);
  return { emulators, config: file };
}

/** Runs the demo with `args`; returns the exit code. */
export async function demo(args: readonly string[], io: Io): Promise<number> {
  // Fresh random tokens each run: whatever tokens the user's environment holds never leave it.
  const tokens = {
    GITHUB_TOKEN: `demo-${randomBytes(8).toString('hex')}`,
    PAGERDUTY_TOKEN: `demo-${randomBytes(8).toString('hex')}`,
    ATLASSIAN_EMAIL: DEMO_TOKENS.ATLASSIAN_EMAIL,
    ATLASSIAN_API_TOKEN: `demo-${randomBytes(8).toString('hex')}`,
    SLACK_TOKEN: `demo-${randomBytes(8).toString('hex')}`,
    OKTA_API_TOKEN: `demo-${randomBytes(8).toString('hex')}`,
  };
  const env = { ...io.env, ...tokens };
  // The demo's state (grant ledger, audit log) lives and dies with the demo's emulator.
  const state = mkdtempSync(join(tmpdir(), 'oncall-access-demo-'));
  writeDemoState(join(state, 'state'));
  const { emulators, config } = await startEmulators(tokens, state, io);
  const run = (argv: string[]): Promise<number> => main([...argv, '--config', config, '--state', join(state, 'state'), ...(args.includes('--at') ? [] : ['--at', DEMO_AT])], { ...io, env });
  try {
    io.stderr.write(`Demo: GitHub, PagerDuty, JSM Operations, Slack and Okta emulators on ${emulators.github.url}, ${emulators.pagerduty.url}, ${emulators.jsm.url}, ${emulators.slack.url}, ${emulators.okta.url}, seeded with Acme's world; planning for ${args.includes('--at') ? 'the instant --at gives' : DEMO_AT}.\n\n`);
    if (args[0] !== 'apply') return await run(['plan', ...args]);
    const applied = await run(['apply', '--yes', ...args.slice(1)]);
    io.stdout.write('\nPlanning again after apply:\n\n');
    const again = await run(['plan', '--detailed-exitcode', ...args.slice(1)]);
    return applied || again;
  } finally {
    await emulators.close();
    rmSync(state, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = await demo(process.argv.slice(2), processIo());
