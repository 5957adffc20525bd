/**
 * How long the GitHub Action takes from the start of its step to its first API request
 * (issue 14), packaged the way it was and the way it is:
 *
 * - before, the composite action: in a fresh copy of the repository, `npm ci` (the npm cache is
 *   warm; its "prepare" script compiles dist/), then `node dist/action/main.js`;
 * - after, the node24 JavaScript action: `node action/index.js`, the committed bundle, in a
 *   fresh copy with no node_modules.
 *
 * Each run is `plan` of the demo workspace on a push event against fresh demo emulators (GitHub,
 * PagerDuty, JSM Operations), which record when each request arrives. The copy of the repository
 * (`git archive HEAD`, what a runner downloads for `uses:`) is made before the clock starts: both
 * ways pay it alike. Not counted either: the composite's setup-node step.
 *
 * Run: npm run bench:action-start [-- --runs N] [-- --only before|after]   (N runs of each,
 * default 3; prints medians)
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { pointConfigAt, startDemoEmulators, type DemoEmulators } from '@oncall-access/emulators/demo-emulators';
import { DEMO_AT, DEMO_TOKENS } from '@oncall-access/emulators/demo-world';
import { writeDemoState } from '../src/demo-world.js';

/** One way of running the Action: what its steps run (in the workspace unless `cwd` says), given the repository's copy. */
interface Packaging {
  /** What `--only` names it. */
  id: 'before' | 'after';
  name: string;
  steps: (copy: string) => { command: string; args: string[]; cwd?: string }[];
}

const PACKAGINGS: Packaging[] = [
  {
    id: 'before',
    name: 'before: composite (npm ci with a warm cache, tsc, then node dist/action/main.js)',
    steps: (copy) => [
      { command: 'npm', args: ['ci', '--no-audit', '--no-fund', '--loglevel=error'], cwd: copy },
      { command: process.execPath, args: [join(copy, 'dist', 'action', 'main.js')] },
    ],
  },
  { id: 'after', name: 'after: node24 JavaScript action (node action/index.js)', steps: (copy) => [{ command: process.execPath, args: [join(copy, 'action', 'index.js')] }] },
];

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, only: { type: 'string' } } });
const runs = Number(values.runs);
const root = process.cwd();
const inputs = (parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> }).inputs;

/** Runs `command` to its end; rejects with what it printed when it fails. */
function step(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`))));
  });
}

/** The demo workspace in `dir`, a git checkout pointed at `emulators`. */
function workspace(dir: string, emulators: DemoEmulators): void {
  cpSync(join(root, 'profiles'), dir, { recursive: true });
  writeDemoState(join(dir, 'state'));
  const config = join(dir, 'oncall-access.yaml');
  writeFileSync(config, pointConfigAt(readFileSync(config, 'utf8'), emulators));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@acme.example', ...args], { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'policy');
}

/** What the runner gives the step: every input (action.yml's defaults for those not given), the context, the secrets. */
function runnerEnv(dir: string, runner: string, emulators: DemoEmulators): NodeJS.ProcessEnv {
  writeFileSync(join(runner, 'event.json'), JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: 'acme/access', default_branch: 'main' } }));
  for (const file of ['output.txt', 'summary.md']) writeFileSync(join(runner, file), '');
  const given: Record<string, string> = { command: 'plan', token: DEMO_TOKENS.GITHUB_TOKEN, args: `--at ${DEMO_AT}` };
  // Without npm's variables from `npm run`, which would steer the composite's own `npm ci`.
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
    GITHUB_WORKSPACE: dir,
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: join(runner, 'event.json'),
    GITHUB_REPOSITORY: 'acme/access',
    GITHUB_API_URL: emulators.github.url,
    GITHUB_OUTPUT: join(runner, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary.md'),
    RUNNER_TEMP: runner,
    PAGERDUTY_TOKEN: DEMO_TOKENS.PAGERDUTY_TOKEN,
    ATLASSIAN_EMAIL: DEMO_TOKENS.ATLASSIAN_EMAIL,
    ATLASSIAN_API_TOKEN: DEMO_TOKENS.ATLASSIAN_API_TOKEN,
  };
  for (const [name, input] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = given[name] ?? (input.default ?? '').replace('${{ github.token }}', DEMO_TOKENS.GITHUB_TOKEN);
  return env;
}

/** Milliseconds from the first step's start to the first request any emulator received. */
async function once(packaging: Packaging): Promise<number> {
  const temp = mkdtempSync(join(tmpdir(), 'action-start-'));
  const emulators = await startDemoEmulators({ strict: true, traffic: true });
  try {
    const copy = join(temp, 'action');
    const dir = join(temp, 'workspace');
    mkdirSync(copy);
    mkdirSync(dir);
    execFileSync('tar', ['-x', '-C', copy], { input: execFileSync('git', ['archive', '--format=tar', 'HEAD'], { cwd: root, maxBuffer: 256 * 1024 * 1024 }) });
    workspace(dir, emulators);
    const env = runnerEnv(dir, temp, emulators);
    const started = performance.now();
    for (const s of packaging.steps(copy)) await step(s.command, s.args, s.cwd ?? dir, env);
    const first = Math.min(...[emulators.github, emulators.pagerduty, emulators.jsm].flatMap((e) => e.traffic.map((r) => r.receivedAt)));
    if (!Number.isFinite(first)) throw new Error(`${packaging.name}: no request reached the emulators`);
    return first - started;
  } finally {
    await emulators.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

console.log(`Time from the step's start to the first API request, plan of the demo workspace, median of ${runs} (Node ${process.version}):`);
for (const packaging of PACKAGINGS.filter((p) => values.only === undefined || p.id === values.only)) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await once(packaging));
  console.log(`  ${packaging.name}: ${seconds(median(times))} (runs: ${times.map(seconds).join(', ')})`);
}
