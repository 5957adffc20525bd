/**
 * `npm run bench:startup` (issue 14): what every scheduled run and every pull request pays before
 * any API request. Times `oncall-access --version` and `validate` of 1,000 generated profile
 * files (with the large world's identities file, 3,994 entries), each as a fresh process, for the
 * unbundled build (`node dist/cli.js`) and for an esbuild bundle of src/cli.ts built here into a
 * temporary directory, alternating the two in the same run so that both see the same load.
 * Prints the median of N runs of each beside the targets (and, on Linux, the median CPU time, user
 * plus system, which other work on a shared machine changes less than wall time); fails when a run exits other than 0 or
 * prints other than what the command should.
 *
 * Flags: --runs N (default 7).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleCli } from './bundle.js';
import { generate, LARGE, validateWorkspaceFiles } from './world.js';

/** The repository root (this file runs from bench/.build/bench/). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values: flags } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const RUNS = Math.max(1, Number(flags.runs));
const PROFILES = 1000;

/** One timed command: what it runs, the most its median may take, and what it must print. */
interface Scenario {
  name: string;
  args: string[];
  targetMs: number;
  expected: string;
}

/** One way of running the CLI: `node FILE`. */
interface Build {
  name: string;
  cli: string;
}

interface Run {
  wallMs: number;
  /** CPU time (user + system) of the child, where the system says (Linux); less sensitive than wall time to other work on the machine. */
  cpuMs?: number;
  exitCode: number | null;
  stdout: string;
}

/**
 * CPU time of this process's waited-for children so far (Linux: /proc/self/stat's cutime and
 * cstime, in clock ticks, 100 per second on Linux), or undefined elsewhere.
 */
function childrenCpuMs(): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Runs `node ARGS` from spawn to exit, with nothing preloaded. */
function timed(args: readonly string[]): Promise<Run> {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const out: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      const cpuAfter = childrenCpuMs();
      done({ wallMs, ...(cpuBefore === undefined || cpuAfter === undefined ? {} : { cpuMs: cpuAfter - cpuBefore }), exitCode, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number): string => `${Math.round(x)} ms`;

const dir = mkdtempSync(join(tmpdir(), 'oncall-access-bench-startup-'));
try {
  const loadBefore = loadavg();
  const files = validateWorkspaceFiles(generate(LARGE), PROFILES);
  const identities = files.get('identities.yaml')!.match(/^ {4}- /gm)!.length;
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, 'workspace', path)), { recursive: true });
    writeFileSync(join(dir, 'workspace', path), text);
  }
  const bundle = await bundleCli(ROOT, dir);
  const builds: Build[] = [
    { name: 'unbundled (node dist/cli.js)', cli: join(ROOT, 'dist/cli.js') },
    { name: `bundle (esbuild, ${(bundle.bytes / 1024 / 1024).toFixed(1)} MB)`, cli: bundle.file },
  ];
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const scenarios: Scenario[] = [
    { name: '--version', args: ['--version'], targetMs: 150, expected: `${version}\n` },
    { name: `validate, ${PROFILES.toLocaleString('en')} profile files`, args: ['validate', '--config', join(dir, 'workspace/oncall-access.yaml')], targetMs: 500, expected: `Valid: ${PROFILES} profiles, 0 rotations, ${identities} identities, 0 requests in ${files.size} files.\n` },
  ];
  const cells = scenarios.flatMap((scenario) => builds.map((build) => ({ scenario, build, runs: [] as Run[] })));
  for (let i = 0; i < RUNS; i++) for (const c of cells) c.runs.push(await timed([c.build.cli, ...c.scenario.args]));

  const problems = cells.flatMap(({ scenario, build, runs }) => runs.filter((r) => r.exitCode !== 0 || r.stdout !== scenario.expected).map((r) => `${scenario.name}, ${build.name}: exit code ${r.exitCode}, printed ${JSON.stringify(r.stdout)}`));
  const rows = scenarios.map((scenario) => [
    scenario.name,
    `< ${ms(scenario.targetMs)}`,
    ...cells
      .filter((c) => c.scenario === scenario)
      .map(({ runs }) => {
        const walls = runs.map((r) => r.wallMs);
        const cpus = runs.flatMap((r) => (r.cpuMs === undefined ? [] : [r.cpuMs]));
        const m = median(walls);
        const cpu = cpus.length === runs.length ? `, CPU ${ms(median(cpus))}` : '';
        return `${ms(m)} ${m < scenario.targetMs ? 'ok' : 'MISSED'} (runs ${walls.map(ms).join(', ')}${cpu})`;
      }),
  ]);
  const header = ['command', 'target', ...builds.map((b) => b.name)];
  const line = (row: readonly string[]): string => `| ${row.join(' | ')} |`;
  const table = [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
  const fmtLoad = (l: number[]): string => l.map((x) => x.toFixed(1)).join(' ');
  process.stdout.write(`\nStart-up, median of ${RUNS} runs each, wall time from spawn to exit; Node ${process.version}, ${cpus().length} CPUs, load average ${fmtLoad(loadBefore)} before, ${fmtLoad(loadavg())} after.\n\n${table}\n`);
  for (const p of problems) process.stderr.write(`bench:startup: ${p}\n`);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
