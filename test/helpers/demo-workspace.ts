/** A copy of the demo workspace (profiles/) pointed at fresh strict emulators seeded with the demo world. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import { main } from '../../src/cli.js';
import { pointConfigAt, startDemoEmulators, type DemoEmulatorOptions, type DemoEmulators } from '@oncall-access/emulators/demo-emulators';
import { DEMO_AT } from '@oncall-access/emulators/demo-world';
import { writeDemoState } from '../../src/demo-world.js';
import type { GitHubEmulator, GitHubSeed } from '@oncall-access/emulators/github';
import { startOpsgenieEmulator, type OpsgenieEmulator, type OpsgenieScheduleSeed } from '@oncall-access/emulators/opsgenie';
import type { Fetch } from '../../src/http/read-only.js';
import { captureIo } from './io.js';
import { fakeSlackToken, fakeToken } from './fake-token.js';

/** Recognisable fake secrets: tests scan output for them. */
export const TOKEN = fakeToken('ghp', 'fakeTOKENforTESTS0123456789abcdefXYZ');
export const PD_TOKEN = 'pdFAKEtokenFORtests_u+0123456789';
export const OG_KEY = 'ogfake00-0000-4000-8000-key0123456789';
/** An Atlassian API token and the account it belongs to, for worlds with a jsm source (test/helpers/faults.ts). */
export const JSM_TOKEN = 'ATATTfaultWORLDfakeTOKEN0123456789';
export const JSM_EMAIL = 'oncall-bot@acme.example';
export const SLACK_TOKEN = fakeSlackToken('1111-fakeSLACKtokenFORtests');
/** The environment every test run gets unless it says otherwise. */
/** A fake Okta API token, assembled at run time. */
export const OKTA_TOKEN = ['00', 'oktaDEMOfakeTOKEN', '0123456789'].join('');
export const ENV = { GITHUB_TOKEN: TOKEN, PAGERDUTY_TOKEN: PD_TOKEN, OPSGENIE_API_KEY: OG_KEY, ATLASSIAN_EMAIL: JSM_EMAIL, ATLASSIAN_API_TOKEN: JSM_TOKEN, SLACK_TOKEN, OKTA_API_TOKEN: OKTA_TOKEN };

/**
 * Copies the demo into a test directory with the demo's state (every team adopted, see
 * `writeDemoState`), starts the emulators (GitHub world optionally edited, tokens of reduced
 * scope optionally accepted too), and lets `edit` change files. Without `slack`, the copy leaves
 * out the demo's Slack target and user group ({@link withoutSlack}).
 */
export async function demoWorkspace(t: Test, edit: (dir: string) => void = () => {}, seed: (s: GitHubSeed) => void = () => {}, scopedTokens?: DemoEmulatorOptions['scopedTokens'], options: { slack?: boolean } = {}): Promise<{ dir: string; emu: GitHubEmulator; emulators: DemoEmulators }> {
  const emulators = await startDemoEmulators({ strict: true, github: seed, tokens: ENV, scopedTokens });
  t.teardown(() => emulators.close());
  const dir = t.testdir({});
  cpSync('profiles', dir, { recursive: true });
  writeDemoState(join(dir, 'state'));
  const config = join(dir, 'oncall-access.yaml');
  writeFileSync(config, pointConfigAt(readFileSync(config, 'utf8'), emulators));
  if (!options.slack) withoutSlack(dir);
  edit(dir);
  return { dir, emu: emulators.github, emulators };
}

/**
 * Takes the demo's Slack parts out of a copy of it: the `slack` target and the platform profile's
 * user group. The tests written before the demo had Slack pin its GitHub plan as it was; the demo's
 * own test and the Slack end-to-end tests run it whole.
 */
export function withoutSlack(dir: string): void {
  editFile(dir, 'oncall-access.yaml', /\n {4}# Acme's Slack workspace[^]*?\/api\/\n/, '\n');
  editFile(dir, 'platform.yaml', /\n {4}- target: slack[^\n]*\n {6}usergroup: platform-oncall/, '');
}

/** Replaces `from` with `to` in a workspace file. */
export function editFile(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`editFile: ${String(from)} not found in ${file}`);
  writeFileSync(path, after);
}

/** Runs the CLI in-process in `dir` at `now` (default: the demo instant), sending through `fetch` (default: the network). */
export async function cli(dir: string, args: string[], options: { env?: NodeJS.ProcessEnv; now?: Date; fetch?: Fetch } = {}) {
  const c = captureIo(dir, options.env ?? ENV, new Date(options.now ?? DEMO_AT), options.fetch);
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

/**
 * The data team's schedule as the demo had it on Opsgenie before it moved to JSM Operations
 * (packages/emulators/src/demo-world.ts DEMO_JSM holds the same shifts): leo on call this week.
 */
export const OPSGENIE_DATA: OpsgenieScheduleSeed[] = [
  {
    id: '5b1c0f8e-4a7d-4d8e-9a51-0c2f6e3d7b10',
    name: 'data_primary',
    periods: [
      { user: 'mia@acme.example', start: '2026-11-22T09:00:00Z', end: '2026-11-29T09:00:00Z' },
      { user: 'leo@acme.example', start: '2026-11-29T09:00:00Z', end: '2026-12-06T09:00:00Z' },
      { user: 'mia@acme.example', start: '2026-12-06T09:00:00Z', end: '2026-12-13T09:00:00Z' },
    ],
  },
];

/** A strict Opsgenie emulator serving {@link OPSGENIE_DATA} to {@link OG_KEY}, closed when `t` ends. */
export async function opsgenieEmulator(t: Pick<Test, 'teardown'>, schedules: OpsgenieScheduleSeed[] = OPSGENIE_DATA): Promise<OpsgenieEmulator> {
  const emu = await startOpsgenieEmulator({ schedules: structuredClone(schedules), apiKey: OG_KEY, strict: true });
  t.teardown(() => emu.close());
  return emu;
}

/** The demo config's jsm source, as profiles/oncall-access.yaml declares it (its apiUrl pointed anywhere). */
const JSM_BLOCK = /    # Jira Service Management Operations[^\n]*\n    jsm:\n      type: jsm\n(?:      [^\n]*\n)*?      apiUrl: [^\n]+\n/;

/**
 * Puts the demo workspace in `dir`'s data team on Opsgenie, as it was before JSM Operations: an
 * `opsgenie` source at `url` (key in OPSGENIE_API_KEY) in place of the jsm source, bound by
 * data.yaml's `source: opsgenie, schedule: data_primary`.
 */
export function dataOnOpsgenie(dir: string, url: string): void {
  editFile(dir, 'oncall-access.yaml', JSM_BLOCK, `    opsgenie:\n      type: opsgenie\n      tokenEnv: OPSGENIE_API_KEY\n      apiUrl: ${url}\n`);
  editFile(dir, 'data.yaml', '    - source: jsm\n', '    - source: opsgenie\n');
}
