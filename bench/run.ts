/**
 * `npm run bench`: starts the GitHub and PagerDuty emulators (in this process, on 127.0.0.1
 * ephemeral ports) with a fixed per-request latency and the APIs' rate-limit accounting, seeds a
 * large organisation, runs the real CLI (`node dist/cli.js`) as a child process per scenario,
 * prints one table and writes the same as JSON to bench/results/latest.json.
 *
 * Flags: --latency MS (50), --time-scale N (20: during `apply` a rate-limit "minute" lasts
 * 60/N s), --only a,b (scenarios), --skip-naive, --repeat N (3), --out FILE.
 *
 * `--quick` (CI, `.ci/run`): the same scenarios on the small world tests use, once each, without
 * the naive baseline, at 5 ms latency (unless --latency says), validating 100 files, in seconds.
 * Its performance targets are printed but not enforced (they are set for the large world); it
 * fails when a command fails or an apply does not converge, and writes no file unless --out says.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadGitHubSchema, startGitHubEmulator, type GitHubEmulator, type GitHubSeed, type TrafficRecord } from '@oncall-access/emulators/github';
import { startPagerDutyEmulator, type PagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { serializeAdopted, STATE_FILES } from '../src/record/state.js';
import { WRITE_LIMITS_ENV } from '../src/targets/github/rate-limits.js';
import { lowerBound, type LowerBound } from './bounds.js';
import { expectedChanges, generate, githubSeed, HANDOFF_AT, LARGE, LARGE_AT, SMALL, SYNCED_BEFORE, validateWorkspaceFiles, workspaceFiles, type OrgState, type World } from './world.js';

/** The repository root (this file runs from bench/.build/bench/). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(ROOT, 'dist/cli.js');
const PROBE = pathToFileURL(join(ROOT, 'bench/.build/bench/rss-probe.js')).href;
const NAIVE = join(ROOT, 'bench/.build/bench/naive-plan.js');
const TOKENS = { GITHUB_TOKEN: 'bench-github-token', PAGERDUTY_TOKEN: 'bench-pagerduty-token' };
/** GitHub's documented content-creation limit (writes per minute). */
const GITHUB_WRITES_PER_MINUTE = 80;

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    latency: { type: 'string' },
    'time-scale': { type: 'string', default: '20' },
    only: { type: 'string' },
    'skip-naive': { type: 'boolean', default: false },
    repeat: { type: 'string' },
    out: { type: 'string' },
  },
});
const QUICK = flags.quick === true;
const LATENCY = Number(flags.latency ?? (QUICK ? '5' : '50'));
const TIME_SCALE = Number(flags['time-scale']);
const ONLY = flags.only ? new Set(flags.only.split(',')) : undefined;
const REPEAT = Math.max(1, Number(flags.repeat ?? (QUICK ? '1' : '3')));
/** Where the results go: bench/results/latest.json, or only where --out says in a quick run. */
const OUT = flags.out ?? (QUICK ? undefined : join(ROOT, 'bench/results/latest.json'));
/** How many profile files the validate scenario writes. */
const VALIDATE_FILES = QUICK ? 100 : 1000;
if (!Number.isInteger(60 / TIME_SCALE)) throw new Error('--time-scale must divide 60 (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60)');

/** One measured run of a command. */
interface Measurement {
  scenario: string;
  command: string;
  /** Requests per API and endpoint (`METHOD route`), refused ones included. */
  requests: { github: Record<string, number>; pagerduty: Record<string, number> };
  totals: { github: number; pagerduty: number; total: number };
  lowerBound?: LowerBound;
  /** total / lowerBound.total */
  ratio?: number;
  /** Wall time of the run, from spawn to exit (the median when repeated). */
  wallMs: number;
  /** Every run's wall time when repeated. */
  wallRunsMs?: number[];
  /** CPU time (user + system) of the measured process. */
  cpuMs: number;
  peakRssMiB: number;
  exitCode: number;
  /** What the run computed, and what the generated data says it should. */
  changes?: { grants: number; revokes: number; updates: number; errors: number; warnings: number };
  expected?: { grants: number; revokes: number; updates: number };
  rate?: RateReport;
  conditional?: ConditionalReport;
  /** Pass/fail of the issue's targets this row measures. */
  targets: { target: string; ok: boolean; measured: string }[];
  notes: string[];
}

interface RateReport {
  timeScale: number;
  writes: number;
  refused: Record<string, number>;
  /** Writes per (scaled) minute, from the first to the last write the emulator received. */
  achievedPerMinute: number;
  allowedPerMinute: number;
  share: number;
  peakConcurrent: number;
  peakRestPointsPerMinute: number;
  writePhaseMs: number;
}

interface ConditionalReport {
  /** GitHub REST GETs whose answer was identical to the previous identical request's: an ETag would have made them 304s. */
  githubRestUnchanged: number;
  githubRest: number;
  /** GraphQL requests (no ETags on GitHub's GraphQL API), identical answers or not. */
  githubGraphql: number;
  githubGraphqlUnchanged: number;
}

interface Emulators {
  github: GitHubEmulator;
  pagerduty: PagerDutyEmulator;
  seed: GitHubSeed;
  dir: string;
  config: string;
  close(): Promise<void>;
}

async function startWorld(w: World, org: OrgState, timeScale: number): Promise<Emulators> {
  const seed = githubSeed(w, org);
  const github = await startGitHubEmulator({ ...structuredClone(seed), token: TOKENS.GITHUB_TOKEN, strict: true, latencyMs: LATENCY, rateLimits: { timeScale }, traffic: true });
  const pagerduty = await startPagerDutyEmulator({ ...structuredClone(w.pagerduty), token: TOKENS.PAGERDUTY_TOKEN, strict: true, latencyMs: LATENCY, rateLimit: { timeScale }, traffic: true });
  const dir = mkdtempSync(join(tmpdir(), 'oncall-access-bench-'));
  for (const [path, text] of workspaceFiles(w, { github: github.url, pagerduty: pagerduty.url })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // An installation in use: every managed team adopted by an earlier apply. Without it each run
  // is a first apply, which keeps (and lists) every holder the tool did not grant, handoffs included.
  mkdirSync(join(dir, 'state'));
  const adopted = [...new Set(w.profiles.map((p) => p.team))].map((team) => ({ target: 'github', kind: 'team', resource: `${w.org}/${team}`, adoptedAt: '2025-06-01T00:00:00.000Z' }));
  writeFileSync(join(dir, 'state', STATE_FILES.adopted), serializeAdopted(adopted));
  return {
    github,
    pagerduty,
    seed,
    dir,
    config: join(dir, 'oncall-access.yaml'),
    close: async () => {
      await Promise.all([github.close(), pagerduty.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface ChildResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  wallMs: number;
  cpuMs: number;
  peakRssMiB: number;
}

/** Runs `node --import rss-probe ARGS`, timing it from spawn to exit. */
function runChild(args: readonly string[], env: Record<string, string> = {}): Promise<ChildResult> {
  const rssFile = join(tmpdir(), `oncall-access-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', PROBE, ...args], { cwd: ROOT, env: { ...process.env, ...TOKENS, ...env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      let peakRssMiB = NaN;
      let cpuMs = NaN;
      try {
        const probe = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKiB: number; cpuUs: number };
        peakRssMiB = probe.maxRssKiB / 1024;
        cpuMs = probe.cpuUs / 1000;
        rmSync(rssFile);
      } catch {
        // the child died before its exit handler ran
      }
      done({ exitCode: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), wallMs, cpuMs, peakRssMiB });
    });
  });
}

const shortRoute = (r: TrafficRecord): string =>
  `${r.method} ${r.route.replace(/^\/orgs\/:org\//, '').replace(':team_slug', ':team').replace(':invitation_id', ':id').replace(':username', ':user').replace(/^\//, '')}`;

function countRoutes(records: readonly TrafficRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) out[shortRoute(r)] = (out[shortRoute(r)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

const sum = (o: Record<string, number>): number => Object.values(o).reduce((a, b) => a + b, 0);

interface PlanJson {
  changes: { action: string }[];
  summary?: unknown;
  diagnostics: { severity: string; message: string }[];
}

function planCounts(stdout: string): Measurement['changes'] & { plan: PlanJson } {
  // `apply --format json` prints the plan JSON, then one line per outcome.
  const end = stdout.lastIndexOf('\n}\n');
  const plan = JSON.parse(end >= 0 ? stdout.slice(0, end + 2) : stdout) as PlanJson;
  const by = (a: string): number => plan.changes.filter((c) => c.action === a).length;
  return { plan, grants: by('grant'), revokes: by('revoke'), updates: by('update'), errors: plan.diagnostics.filter((d) => d.severity === 'error').length, warnings: plan.diagnostics.filter((d) => d.severity === 'warning').length };
}

/**
 * Measures a child run against running emulators: requests from the traffic logged while it
 * ran. With `repeat` > 1 (read-only commands only) it runs that many times: requests must be
 * the same each time; wall and CPU time are the medians, peak RSS the largest.
 */
async function measure(emu: Emulators, scenario: string, command: string, args: readonly string[], env: Record<string, string> = {}, repeat = 1): Promise<Measurement & { child: ChildResult; github: TrafficRecord[]; pagerduty: TrafficRecord[] }> {
  const runs: { child: ChildResult; github: TrafficRecord[]; pagerduty: TrafficRecord[] }[] = [];
  for (let i = 0; i < repeat; i++) {
    const [g0, p0] = [emu.github.traffic.length, emu.pagerduty.traffic.length];
    const child = await runChild(args, env);
    runs.push({ child, github: emu.github.traffic.slice(g0), pagerduty: emu.pagerduty.traffic.slice(p0) });
    if (child.exitCode !== 0 && child.exitCode !== 2) process.stderr.write(`bench: ${scenario} exited ${child.exitCode}\n${child.stderr.slice(0, 2000)}\n`);
  }
  const { child, github, pagerduty } = runs[0]!;
  const notes: string[] = [];
  if (runs.some((r) => r.github.length !== github.length || r.pagerduty.length !== pagerduty.length)) notes.push(`request counts differed between runs: ${runs.map((r) => r.github.length + r.pagerduty.length).join(', ')}`);
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const requests = { github: countRoutes(github), pagerduty: countRoutes(pagerduty) };
  const totals = { github: github.length, pagerduty: pagerduty.length, total: github.length + pagerduty.length };
  return {
    scenario,
    command,
    requests,
    totals,
    wallMs: median(runs.map((r) => r.child.wallMs)),
    ...(repeat > 1 ? { wallRunsMs: runs.map((r) => Math.round(r.child.wallMs)) } : {}),
    cpuMs: median(runs.map((r) => r.child.cpuMs)),
    peakRssMiB: Math.max(...runs.map((r) => r.child.peakRssMiB)),
    exitCode: child.exitCode,
    targets: [],
    notes,
    child,
    github,
    pagerduty,
  };
}

const fmtMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);

function conditionalReport(github: readonly TrafficRecord[]): ConditionalReport {
  const rest = github.filter((r) => r.method === 'GET');
  const gql = github.filter((r) => r.route === '/graphql');
  return { githubRest: rest.length, githubRestUnchanged: rest.filter((r) => r.unchanged).length, githubGraphql: gql.length, githubGraphqlUnchanged: gql.filter((r) => r.unchanged).length };
}

// --- scenarios --------------------------------------------------------------------------------

const results: Measurement[] = [];
const want = (name: string): boolean => ONLY === undefined || ONLY.has(name);
const strip = <T extends object>(m: T & { child?: unknown; github?: unknown; pagerduty?: unknown }): Measurement => {
  const { child: _c, github: _g, pagerduty: _p, ...rest } = m;
  return rest as unknown as Measurement;
};

const LOAD_BEFORE = loadavg();
await loadGitHubSchema();
const world = generate(QUICK ? SMALL : LARGE);
const largeOrg: OrgState = { syncedAt: LARGE_AT.getTime() - SYNCED_BEFORE.large, drift: true };
const handoffOrg: OrgState = { syncedAt: HANDOFF_AT.getTime() - SYNCED_BEFORE.handoff, drift: false };
const planArgs = (config: string, at: Date): string[] => [CLI, 'plan', '--config', config, '--at', at.toISOString(), '--format', 'json'];
let largeRequests: number | undefined;
let largeWall: number | undefined;

if (want('large')) {
  const emu = await startWorld(world, largeOrg, 1);
  try {
    const m = await measure(emu, 'large', 'plan', planArgs(emu.config, LARGE_AT), {}, REPEAT);
    m.lowerBound = lowerBound(world, emu.seed, LARGE_AT, { lookAhead: true });
    m.ratio = m.totals.total / m.lowerBound.total;
    const counts = planCounts(m.child.stdout);
    const { plan: _plan, ...changes } = counts;
    m.changes = changes;
    m.expected = expectedChanges(world, LARGE_AT.getTime(), largeOrg);
    m.targets.push(
      { target: 'requests <= 1.5x lower bound', ok: m.ratio <= 1.5, measured: `${m.ratio.toFixed(2)}x` },
      { target: 'wall time < 3 s', ok: m.wallMs < 3000, measured: `${fmtMs(m.wallMs)}${m.wallRunsMs ? ` (median of ${m.wallRunsMs.map((x) => fmtMs(x)).join(', ')}; CPU ${fmtMs(m.cpuMs)})` : ''}` },
      { target: 'peak RSS < 250 MB', ok: m.peakRssMiB * 1.048576 < 250, measured: `${(m.peakRssMiB * 1.048576).toFixed(0)} MB` },
    );
    largeRequests = m.totals.total;
    largeWall = m.wallMs;
    results.push(strip(m));
  } finally {
    await emu.close();
  }
}

if (want('naive') && !flags['skip-naive'] && !QUICK) {
  const emu = await startWorld(world, largeOrg, 1);
  try {
    const m = await measure(emu, 'large (naive)', 'plan', [NAIVE, '--config', emu.config, '--at', LARGE_AT.toISOString()]);
    m.lowerBound = lowerBound(world, emu.seed, LARGE_AT);
    m.ratio = m.totals.total / m.lowerBound.total;
    const { plan: _plan, ...changes } = planCounts(m.child.stdout);
    m.changes = changes;
    m.expected = expectedChanges(world, LARGE_AT.getTime(), largeOrg);
    m.notes.push('baseline: one /oncalls list per binding, two REST lists per team, one request at a time; it reads only the plan\'s span, not the week `plan` looks ahead');
    if (largeRequests !== undefined && largeWall !== undefined) m.notes.push(`plan needs ${(m.totals.total / largeRequests).toFixed(1)}x fewer requests and is ${(m.wallMs / largeWall).toFixed(1)}x faster`);
    results.push(strip(m));
  } finally {
    await emu.close();
  }
}

if (want('steady')) {
  const emu = await startWorld(world, largeOrg, 1);
  try {
    for (const run of [1, 2]) {
      const m = await measure(emu, `steady #${run}`, 'plan', planArgs(emu.config, LARGE_AT));
      m.lowerBound = lowerBound(world, emu.seed, LARGE_AT, { lookAhead: true });
      m.ratio = m.totals.total / m.lowerBound.total;
      m.conditional = conditionalReport(m.github);
      const c = m.conditional;
      if (run === 2) {
        m.notes.push(
          `GitHub: ${c.githubRestUnchanged} of ${c.githubRest} REST GETs answered as before (ETag/304 could spare them from the 5,000/h primary limit); ${c.githubGraphql} GraphQL queries (${c.githubGraphqlUnchanged} unchanged) cannot be conditional`,
        );
      }
      results.push(strip(m));
    }
  } finally {
    await emu.close();
  }
}

if (want('handoff')) {
  const emu = await startWorld(world, handoffOrg, TIME_SCALE);
  try {
    const allowed = GITHUB_WRITES_PER_MINUTE;
    const writeLimits = `${allowed}/${60 / TIME_SCALE}s,500/${3600 / TIME_SCALE}s`;
    const m = await measure(emu, 'handoff', 'apply', [CLI, 'apply', '--config', emu.config, '--at', HANDOFF_AT.toISOString(), '--format', 'json', '--yes'], { [WRITE_LIMITS_ENV]: writeLimits });
    const { plan: _plan, ...changes } = planCounts(m.child.stdout);
    m.changes = changes;
    m.expected = expectedChanges(world, HANDOFF_AT.getTime(), handoffOrg);
    m.lowerBound = lowerBound(world, emu.seed, HANDOFF_AT, { writes: changes.grants + changes.revokes + changes.updates });
    m.ratio = m.totals.total / m.lowerBound.total;
    const writes = m.github.filter((r) => r.method !== 'GET' && r.route !== '/graphql' && r.refused === undefined);
    const first = writes[0]?.receivedAt ?? 0;
    const last = writes.at(-1)?.receivedAt ?? 0;
    const realPerMinute = writes.length > 1 ? ((writes.length - 1) / (last - first)) * 60_000 : 0;
    const stats = emu.github.rateStats()!;
    const refused = { ...stats.refused };
    const pd = emu.pagerduty.rateStats()!;
    if (pd.refused > 0) refused['PagerDuty requests per minute'] = pd.refused;
    m.rate = {
      timeScale: TIME_SCALE,
      writes: writes.length,
      refused,
      achievedPerMinute: realPerMinute / TIME_SCALE,
      allowedPerMinute: allowed,
      share: realPerMinute / TIME_SCALE / allowed,
      peakConcurrent: stats.peakConcurrent,
      peakRestPointsPerMinute: stats.peakPointsPerMinute.core,
      writePhaseMs: last - first,
    };
    const refusedCount = sum(refused);
    m.targets.push(
      { target: 'no request refused by rate limits', ok: refusedCount === 0, measured: `${refusedCount} refused (peak ${stats.peakConcurrent} concurrent, ${stats.peakPointsPerMinute.core} REST points/min, ${stats.peakWritesPerMinute} writes/min)` },
      { target: '>= 80% of the allowed write rate', ok: m.rate.share >= 0.8, measured: `${m.rate.achievedPerMinute.toFixed(1)} of ${allowed} writes/min = ${(m.rate.share * 100).toFixed(0)}%` },
    );
    m.notes.push(`time scale x${TIME_SCALE}: a rate-limit minute lasted ${(60 / TIME_SCALE).toFixed(1)} s; the CLI was told ${WRITE_LIMITS_ENV}=${writeLimits}`);
    const again = await runChild(planArgs(emu.config, HANDOFF_AT));
    const after = planCounts(again.stdout);
    m.notes.push(after.grants + after.revokes + after.updates === 0 ? 'converged: a plan right after finds nothing to do' : `NOT converged: ${after.grants} grants, ${after.revokes} revocations left`);
    results.push(strip(m));
  } finally {
    await emu.close();
  }
}

if (want('validate')) {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-access-bench-validate-'));
  try {
    for (const [path, text] of validateWorkspaceFiles(world, VALIDATE_FILES)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const runs: ChildResult[] = [];
    for (let i = 0; i < Math.max(3, REPEAT); i++) runs.push(await runChild([CLI, 'validate', '--config', join(dir, 'oncall-access.yaml')]));
    const median = [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs.length / 2)]!;
    const m: Measurement = {
      scenario: 'validate',
      command: 'validate',
      requests: { github: {}, pagerduty: {} },
      totals: { github: 0, pagerduty: 0, total: 0 },
      wallMs: median.wallMs,
      wallRunsMs: runs.map((r) => Math.round(r.wallMs)),
      cpuMs: median.cpuMs,
      peakRssMiB: median.peakRssMiB,
      exitCode: median.exitCode,
      targets: [{ target: `validate ${VALIDATE_FILES.toLocaleString('en-US')} profile files < 1 s`, ok: median.wallMs < 1000 && median.exitCode === 0, measured: `${fmtMs(median.wallMs)} (median of ${runs.map((r) => fmtMs(r.wallMs)).join(', ')}; CPU ${fmtMs(median.cpuMs)})` }],
      notes: [`${VALIDATE_FILES.toLocaleString('en-US')} profile files + ${world.scale.pdUsers - 6}-entry identities file; ${median.stdout.trim().split('\n').at(-1)}`],
    };
    results.push(m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// --- report -----------------------------------------------------------------------------------

const header = ['scenario', 'API', 'requests', 'by endpoint', 'lower bound', 'x LB', 'wall', 'CPU', 'peak RSS', 'targets and notes'];
const WIDE = 3; // the "by endpoint" column, wrapped at 72 characters
const RIGHT = new Set([2, 4, 5, 6, 7, 8]);
const rows: string[][] = [];
const blank = (): string[] => header.map(() => '');
for (const m of results) {
  const label = `${m.scenario}: ${m.command}`;
  const lb = m.lowerBound;
  const endpoints = (o: Record<string, number>): string => Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ');
  if (m.totals.total > 0) {
    rows.push([label, 'GitHub', String(m.totals.github), endpoints(m.requests.github), lb ? String(lb.github) : '', lb ? (m.totals.github / lb.github).toFixed(2) : '', '', '', '', '']);
    rows.push(['', 'PagerDuty', String(m.totals.pagerduty), endpoints(m.requests.pagerduty), lb ? String(lb.pagerduty) : '', lb ? (m.totals.pagerduty / lb.pagerduty).toFixed(2) : '', '', '', '', '']);
  }
  const check = m.targets.map((t) => `${t.ok ? 'PASS' : 'FAIL'} ${t.target}: ${t.measured}`);
  const changes = m.changes ? [`plan: ${m.changes.grants} grants, ${m.changes.revokes} revocations, ${m.changes.updates} updates, ${m.changes.errors} errors${m.expected ? ` (the data says ${m.expected.grants}/${m.expected.revokes}/${m.expected.updates})` : ''}`] : [];
  const notes = [...check, ...changes, ...m.notes];
  rows.push([m.totals.total > 0 ? '' : label, m.totals.total > 0 ? 'all' : '-', String(m.totals.total), '', lb ? String(lb.total) : '', m.ratio !== undefined ? m.ratio.toFixed(2) : '', fmtMs(m.wallMs), fmtMs(m.cpuMs), `${m.peakRssMiB.toFixed(0)} MiB`, notes[0] ?? '']);
  for (const n of notes.slice(1)) rows.push([...blank().slice(0, -1), n]);
}
const wrap = (r: string[]): string[][] => {
  const parts = r[WIDE]!.split(', ');
  const lines: string[] = [];
  for (const p of parts) {
    if (lines.length > 0 && `${lines.at(-1)}, ${p}`.length <= 72) lines[lines.length - 1] = `${lines.at(-1)}, ${p}`;
    else lines.push(p);
  }
  const cell = (i: number): string => lines[i]! + (i < lines.length - 1 ? ',' : '');
  return lines.length <= 1 ? [r] : lines.map((_, i) => (i === 0 ? [...r.slice(0, WIDE), cell(0), ...r.slice(WIDE + 1)] : [...blank().slice(0, WIDE), cell(i), ...blank().slice(WIDE + 1)]));
};
const wrapped = rows.flatMap(wrap);
const widths = header.map((h, i) => Math.max(h.length, ...wrapped.map((r) => r[i]!.length)));
const line = (cells: string[]): string => cells.map((c, i) => (RIGHT.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
const table = [line(header), line(header.map((_, i) => '-'.repeat(widths[i]!))), ...wrapped.map(line)].join('\n');
const context = `latency ${LATENCY} ms per request; rate-limit accounting on (GitHub: 100 concurrent, 900 REST / 2,000 GraphQL points per minute, 80 writes per minute and 500 per hour; PagerDuty: 960 requests per minute); node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs, load average ${LOAD_BEFORE.map((x) => x.toFixed(1)).join(' ')} before and ${loadavg().map((x) => x.toFixed(1)).join(' ')} after`;
process.stdout.write(`\n${table}\n\n${context}\n`);
const json = { generatedAt: new Date().toISOString(), command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(), latencyMs: LATENCY, timeScale: TIME_SCALE, repeat: REPEAT, node: process.version, cpus: cpus().length, loadAverage: { before: LOAD_BEFORE, after: loadavg() }, context, scenarios: results, table };
if (OUT !== undefined) {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`Wrote ${OUT}\n`);
}
// A quick run checks that everything runs: a command that failed (plan's 2 is "changes") or an
// apply that left work behind; a full run also that every performance target was met.
const broken = results.flatMap((m) => [...(m.exitCode === 0 || m.exitCode === 2 ? [] : [`${m.scenario}: exited ${m.exitCode}`]), ...m.notes.filter((n) => n.startsWith('NOT converged')).map((n) => `${m.scenario}: ${n}`)]);
const failed = QUICK ? [] : results.flatMap((m) => m.targets.filter((t) => !t.ok));
for (const b of broken) process.stderr.write(`bench: ${b}\n`);
process.exitCode = broken.length + failed.length > 0 ? 1 : 0;
