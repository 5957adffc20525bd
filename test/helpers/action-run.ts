/**
 * The Action run as the runner runs it, for the test/action.*.test.ts files: INPUT_* and GITHUB_*
 * variables, an event payload file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, against a strict
 * GitHub emulator that also serves pull-request comments and App installation tokens. One file
 * would come near tap's timeout on a busy machine (issue 20), so the tests are split by event.
 */
import type { Test } from 'tap';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { runAction } from '../../src/action/main.js';
import type { Plan } from '../../src/core/plan.js';
import { commentMarker } from '../../src/action/pr-comment.js';
import { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from '@oncall-access/emulators/github';
import { serializeAdopted } from '../../src/record/state.js';
import { commitAll, initRepo } from './git-repo.js';
import { captureIo } from './io.js';
import { inStep } from './step.js';

/** The workflow's fake token, assembled here so the repository holds no token-shaped literal. */
export const TOKEN = ['ghs', 'fakeWORKFLOWtoken0123456789abcdefXYZ'].join('_');
export const BOT = 'github-actions[bot]';
export const CONFIG = 'oncall-access.yaml';
export const REPO = 'acme/access';
export const EVENTS = resolve('test/fixtures/events');
export const MARKER = commentMarker(CONFIG);
export const MINUTE = 60_000;
/** Wednesday: bob carries the pager (second week of two, counting from 2026-11-02). */
export const AT = '2026-11-25T12:00:00Z';

/** GitHub as it stands: alice's shift is over, carol is a maintainer, mallory was added by hand. */
const SEED: GitHubEmulatorOptions = {
  orgs: {
    acme: {
      members: ['alice-acme', 'bob-acme', 'carol-acme', 'mallory-acme'],
      teams: [{ slug: 'payments-deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'carol-acme', role: 'maintainer' }, { login: 'mallory-acme', role: 'member' }] }],
    },
  },
};

/** A workspace: a weekly rotation of alice and bob, and carol always, as members of payments-deployers. */
const FILES = {
  'oncall-access.yaml': `apiVersion: oncall-access/v1
kind: Config
metadata:
  name: acme
spec:
  sources:
    rotations:
      type: rotations
  targets:
    github:
      type: github
      org: acme
      tokenEnv: GITHUB_TOKEN
      apiUrl: EMULATOR
  identities:
    resolve: [file]
  guards:
    maxRevocations: 10
  paths:
    profiles: profiles
    rotations: rotations
    identities: identities.yaml
`,
  profiles: {
    'payments.yaml': `apiVersion: oncall-access/v1
kind: AccessProfile
metadata:
  name: payments-oncall
spec:
  mode: auto
  rotations:
    - source: rotations
      rotation: primary
  members: [carol@acme.example]
  entitlements:
    - target: github
      team: payments-deployers
      role: member
`,
  },
  rotations: {
    'primary.yaml': `apiVersion: oncall-access/v1
kind: Rotation
metadata:
  name: primary
spec:
  timeZone: Europe/Berlin
  shiftLength: 1w
  firstHandoff: 2026-11-02T09:00
  members: [alice@acme.example, bob@acme.example]
`,
  },
  'identities.yaml': `apiVersion: oncall-access/v1
kind: Identities
spec:
  identities:
    - { email: alice@acme.example, github: alice-acme }
    - { email: bob@acme.example, github: bob-acme }
    - { email: carol@acme.example, github: carol-acme }
`,
  // Earlier applies adopted the team: members no profile wants are drift.
  state: { 'adopted.json': serializeAdopted([{ target: 'github', kind: 'team', resource: 'acme/payments-deployers', adoptedAt: '2026-11-01T00:00:00.000Z' }]) },
};

export interface World {
  dir: string;
  emu: GitHubEmulator;
}

/** The workspace in a test directory, pointed at a fresh strict emulator. */
export async function world(t: Test, options: Partial<GitHubEmulatorOptions> = {}, edit: (dir: string) => void = () => {}): Promise<World> {
  const emu = await startGitHubEmulator({ ...structuredClone(SEED), token: TOKEN, strict: true, viewer: BOT, ...options });
  t.teardown(() => emu.close());
  const dir = t.testdir(FILES);
  const config = join(dir, CONFIG);
  writeFileSync(config, readFileSync(config, 'utf8').replace('EMULATOR', emu.url));
  edit(dir);
  initRepo(dir, ['output.txt', 'summary.md', 'oncall-access-plan.json', 'event.json']);
  return { dir, emu };
}

/** The all-zero base commit of the event fixtures. */
const FIXTURE_BASE = '0000000000000000000000000000000000000000';

/** Replaces `from` with `to` in a workspace file; `from` must be there. */
export function editFile(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} is not in ${file}`);
  writeFileSync(path, text.replace(from, to));
}

/** The event each payload fixture is for. */
const EVENT_NAMES: Record<string, string> = {
  pull_request: 'pull_request',
  pull_request_fork: 'pull_request',
  pull_request_target_deleted_fork: 'pull_request_target',
  push: 'push',
  schedule: 'schedule',
  workflow_dispatch: 'workflow_dispatch',
};

/** The environment the runner gives a step for the event in fixture `event`, with the Action's inputs. */
export function runnerEnv(w: World, event: string, inputs: Record<string, string>, eventFile = join(EVENTS, `${event}.json`)): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    GITHUB_EVENT_NAME: EVENT_NAMES[event],
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: w.emu.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_SHA: '4444444444444444444444444444444444444444',
    GITHUB_ACTOR: 'alice-acme',
    GITHUB_OUTPUT: join(w.dir, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(w.dir, 'summary.md'),
    RUNNER_TEMP: w.dir,
    // A secret no path can contain: output hides any start of a secret 8 characters or longer, and the old
    // value, runner-secret, hid the temporary directory oncall-access-runner-s… (1 run in 62).
    ACTIONS_RUNTIME_TOKEN: 'Zq7RtT0k3nVa1ue',
  };
  for (const [k, v] of Object.entries({ config: CONFIG, 'github-token': TOKEN, token: TOKEN, ...inputs })) env[`INPUT_${k.toUpperCase()}`] = v;
  return env;
}

/** Reads a GITHUB_OUTPUT file (`name<<DELIMITER ... DELIMITER` entries) into a record. */
export function readOutputs(path: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

/** The foldable groups of a log (`::group::TITLE` ... `::endgroup::`), each with the text it holds. */
export function logGroups(out: string): { title: string; text: string }[] {
  return [...out.matchAll(/^::group::(.*)\n([\s\S]*?)^::endgroup::$/gm)].map((m) => ({ title: m[1]!, text: m[2]! }));
}

/** The Action's outputs for the plan of the workspace as {@link world} builds it: bob to grant, alice and mallory to revoke, carol to lower. */
export const planOutputs = (w: World) => ({
  valid: 'true',
  'has-changes': 'true',
  grants: '1',
  revokes: '2',
  updates: '1',
  'plan-file': join(w.dir, 'oncall-access-plan.json'),
  'auto-approve': 'false',
});

/** The plan a run wrote to its plan file. */
export const planIn = (path: string | undefined) => JSON.parse(readFileSync(path!, 'utf8')) as Plan;

export const summaryOf = (w: World) => (existsSync(join(w.dir, 'summary.md')) ? readFileSync(join(w.dir, 'summary.md'), 'utf8') : '');

/**
 * Runs the Action for `event`. For a pull request, what the test wrote so far is committed as its
 * base (the policy on main), and the event payload names that commit as the base.
 */
export async function act(w: World, event: string, inputs: Record<string, string>, opts: { at?: number; eventFile?: string; env?: NodeJS.ProcessEnv } = {}) {
  for (const f of ['output.txt', 'summary.md']) writeFileSync(join(w.dir, f), '');
  let eventFile = opts.eventFile ?? join(EVENTS, `${event}.json`);
  if (EVENT_NAMES[event]!.startsWith('pull_request')) {
    const base = commitAll(w.dir, 'main');
    const payload = readFileSync(eventFile, 'utf8').replaceAll(FIXTURE_BASE, base);
    eventFile = `${w.dir}.event.json`;
    writeFileSync(eventFile, payload);
  }
  const c = captureIo(w.dir, { ...runnerEnv(w, event, inputs, eventFile), ...opts.env }, new Date(Date.parse(AT) + (opts.at ?? 0)));
  const { value: code, stdout } = await inStep(c.io.env, () => runAction(c.io));
  return { code, out: stdout, err: c.err(), outputs: readOutputs(join(w.dir, 'output.txt')), summary: summaryOf(w) };
}

/** Requests that could change something: anything but GET and GraphQL reads. */
export const writes = (emu: GitHubEmulator) => emu.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/graphql')).map((r) => `${r.method} ${r.path}`);

/** Team reads: GraphQL and REST operations that read a team or its members. */
export const teamReads = (emu: GitHubEmulator) => emu.requests.filter((r) => r.operation !== undefined && r.operation !== 'anonymous' && /team|members/i.test(r.operation));

export const ACTION_OUTPUTS = Object.keys((parse(readFileSync('action.yml', 'utf8')) as { outputs: Record<string, unknown> }).outputs);

/** Every piece of `secret` at least 8 characters long that starts where it starts, as a pattern. */
export const pieceOf = (secret: string) => new RegExp(secret.slice(0, 8).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
