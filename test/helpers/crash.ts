/**
 * Crash tests (issue 23): `node dist/cli.js apply` killed with SIGKILL at every point where a
 * crash could leave something half done (test/fixtures/crash-hook.mjs numbers them: each write
 * request before it leaves and after GitHub answered, each state or journal file before and
 * after it is replaced, each audit line before and after it is appended, each removal), then
 * applied again. Every trial must end exactly where a run without the kill ends: the same
 * holders, the same ledger, the same audit log apart from the lines the recovery annotates, no
 * journal and no temporary file left, a lock taken over, and an empty plan afterwards.
 *
 * The plan has four changes, two on an exclusive team (grant dave, revoke mallory as drift) and
 * two on an additive one (grant dave, revoke bob, whom the ledger and the audit log say the tool
 * granted a week earlier), and
 * runs with `--concurrency 1` so that the points come in the same order every time.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import { main } from '../../src/cli.js';
import { startGitHubEmulator, type GitHubEmulator } from '@oncall-access/emulators/github';
import { runBuilt, type Built } from './built.js';
import { captureIo } from './io.js';
import { DEFAULT_IDENTITIES, ROTATION, writeWorkspace } from './world.js';

export const TOKEN = 'ghp_crashTESTtoken0000000000000000000000';
// Writes are paced for GitHub's secondary rate limits (about one a second); the emulator has none.
process.env.ONCALL_ACCESS_GITHUB_WRITE_LIMITS = '100000/1m';
export const NOW = new Date('2026-11-30T07:50:00Z');
export const DIST = join(process.cwd(), 'dist', 'cli.js');
const HOOK = join(process.cwd(), 'test', 'fixtures', 'crash-hook.mjs');

const PROFILE = `apiVersion: oncall-access/v1
kind: AccessProfile
metadata: { name: deployers-oncall }
spec:
  mode: auto
  rotations:
    - source: rotations
      rotation: primary
  window: { before: 15m, after: 30m }
  entitlements:
    - target: github
      team: deployers
      role: member
    - target: github
      team: leads
      role: member
      membership: additive
`;

/** The audit line of the apply that granted bob `leads` a week earlier: what makes the ledger's entry for him the tool's. */
const BOB_GRANTED = {
  time: '2026-11-23T07:45:00.000Z',
  action: 'grant',
  outcome: 'applied',
  target: 'github',
  org: 'acme',
  team: 'leads',
  role: 'member',
  login: 'bob-acme',
  email: 'bob@acme.example',
  reasons: ['on call in rotation primary, profile deployers-oncall'],
  profiles: ['deployers-oncall'],
  planAt: '2026-11-23T07:45:00.000Z',
  configHash: 'c0ffee',
};

/** A fresh world: at 07:50Z dave's shift is ending and alice's starting (both wanted). */
export async function world(t: Test): Promise<{ dir: string; gh: GitHubEmulator }> {
  const gh = await startGitHubEmulator({
    token: TOKEN,
    strict: true,
    orgs: {
      acme: {
        members: ['alice-acme', 'bob-acme', 'dave-acme', 'mallory-acme'],
        teams: [
          { slug: 'deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'mallory-acme', role: 'member' }] },
          { slug: 'leads', members: [{ login: 'alice-acme', role: 'member' }, { login: 'bob-acme', role: 'member' }] },
        ],
      },
    },
  });
  t.teardown(() => gh.close());
  const dir = t.testdir({});
  writeWorkspace(dir, { githubUrl: gh.url, profiles: { 'deployers.yaml': PROFILE }, rotations: { 'primary.yaml': ROTATION }, identities: DEFAULT_IDENTITIES });
  mkdirSync(join(dir, 'state'), { recursive: true });
  writeFileSync(join(dir, 'state', 'grants.json'), `${JSON.stringify({ formatVersion: 1, grants: [{ target: 'github', org: 'acme', team: 'leads', login: 'bob-acme', role: 'member', grantedAt: '2026-11-23T07:45:00.000Z' }] })}\n`);
  writeFileSync(join(dir, 'state', 'audit.jsonl'), `${JSON.stringify(BOB_GRANTED)}\n`);
  return { dir, gh };
}


/** `node dist/cli.js apply` in `dir` at the test instant, one change at a time, with `env` added (the next apply runs in this process). */
function apply(dir: string, env: Record<string, string> = {}): Promise<Built> {
  const args = [...(env.CRASH_AT === undefined ? [] : ['--import', HOOK]), DIST, 'apply', '--yes', '--concurrency', '1', '--at', NOW.toISOString()];
  const childEnv = { PATH: process.env.PATH, GITHUB_TOKEN: TOKEN, ONCALL_ACCESS_GITHUB_WRITE_LIMITS: '100000/1m', CRASH_DIR: join(dir, 'state'), ...env };
  return runBuilt(args, { cwd: dir, env: childEnv });
}

/** What a run leaves: holders, the ledger and the audit log (times left out), and stray files. */
interface Snapshot {
  holders: string[];
  ledger: string[];
  /** One line per audit event as `outcome action login team role`, `(observed)` or `(not applied)` when annotated. */
  audit: string[];
  /** Files in the state directory other than the three state files. */
  stray: string[];
}

function snapshot(dir: string, gh: GitHubEmulator): Snapshot {
  const state = join(dir, 'state');
  const holders = ['deployers', 'leads'].flatMap((team) => gh.teamMembers('acme', team).map((m) => `${team}/${m.login}:${m.role}:${m.state}`)).sort();
  // The world starts from a ledger and an audit line of format 1 (team, role); what apply writes is format 2 (resource, level).
  const grants = JSON.parse(readFileSync(join(state, 'grants.json'), 'utf8')) as { grants: { team?: string; resource?: string; login: string; role?: string; level?: string }[] };
  const ledger = grants.grants.map((g) => `${teamOf(g)}/${g.login}:${g.role ?? g.level}`).sort();
  const lines = existsSync(join(state, 'audit.jsonl')) ? readFileSync(join(state, 'audit.jsonl'), 'utf8').split('\n').filter(Boolean) : [];
  const audit = lines.map((l) => {
    const e = JSON.parse(l) as { outcome: string; action: string; login: string; team?: string; resource?: string; role?: string; level?: string; interrupted?: string };
    const note = e.interrupted === undefined ? '' : e.interrupted.startsWith('observed') ? ' (observed)' : ' (not applied)';
    return `${e.outcome} ${e.action} ${e.login} ${teamOf(e)} ${e.role ?? e.level}${note}`;
  });
  const stray = readdirSync(state).filter((f) => !['grants.json', 'rotations.json', 'adopted.json', 'audit.jsonl'].includes(f));
  return { holders, ledger, audit, stray };
}

/** The team slug of a ledger entry or audit line of either format: `team`, or the `acme/` resource's name. */
function teamOf(e: { team?: string; resource?: string }): string | undefined {
  return e.team ?? e.resource?.slice(e.resource.indexOf('/') + 1);
}

/** The audit log as a run without the kill writes it: annotated "not applied" lines dropped, "observed" ones read as applied. */
function unannotated(audit: readonly string[]): string[] {
  return audit.filter((l) => !l.endsWith(' (not applied)')).map((l) => l.replace(/ \(observed\)$/, '')).sort();
}

/** The crash points of the plan, listed by a run that kills nothing, and what that run leaves. */
export async function pointsAndBaseline(t: Test): Promise<{ points: string[]; baseline: Snapshot }> {
  const { dir, gh } = await world(t);
  const log = join(dir, 'points.log');
  const r = await apply(dir, { CRASH_AT: '0', CRASH_LOG: log });
  if (r.code !== 0) throw new Error(`the run without a kill failed: ${r.stdout}${r.stderr}`);
  const points = readFileSync(log, 'utf8').trim().split('\n').map((l) => l.replace(/^\d+ /, ''));
  rmSync(log);
  return { points, baseline: snapshot(dir, gh) };
}

/** Kills apply at point `k` (1-based) of `points`, applies again, and checks the result against `baseline`. */
export async function crashAt(t: Test, k: number, points: readonly string[], baseline: Snapshot): Promise<void> {
  const { dir, gh } = await world(t);
  const point = points[k - 1] as string;
  const killed = await apply(dir, { CRASH_AT: String(k) });
  t.equal(killed.signal, 'SIGKILL', `killed at ${point}`);
  const next = captureIo(dir, { GITHUB_TOKEN: TOKEN }, NOW);
  const again = { code: await main(['apply', '--yes'], next.io), out: next.out(), err: next.err() };
  t.equal(again.code, 0, `the next apply succeeds: ${again.out}${again.err}`);
  if (point === 'remove state/.apply.lock: removed') t.equal(again.err, '', 'the killed run had released its lock');
  else t.match(again.err, /Took over the apply lock .*: its apply \(pid \d+ on .*\) is no longer running\./, 'it takes over the lock of the killed run, saying why');
  const after = snapshot(dir, gh);
  t.same(after.holders, baseline.holders, 'the teams hold what a run without the kill leaves');
  t.same(after.ledger, baseline.ledger, 'the ledger is what a run without the kill writes');
  t.same(unannotated(after.audit), unannotated(baseline.audit), 'the audit log is what a run without the kill writes, apart from the annotated lines');
  t.same(after.stray, [], 'no journal, lock or temporary file is left');
  const sent = /^(PUT|DELETE) (\S+): answered/.exec(point);
  if (sent) {
    const [, method, path] = sent;
    const login = (path as string).split('/').pop() as string;
    const team = (path as string).split('/')[4] as string;
    const action = method === 'PUT' ? 'grant' : 'revoke';
    t.ok(after.audit.some((l) => l.startsWith(`applied ${action} ${login} ${team} `) && l.endsWith(' (observed)')), `the change GitHub made before the kill is recorded as observed after an interrupted apply: ${after.audit.join('; ')}`);
  }
  const plan = captureIo(dir, { GITHUB_TOKEN: TOKEN }, NOW);
  t.equal(await main(['plan', '--detailed-exitcode'], plan.io), 0, 'a plan afterwards is empty');
}

/** Files of the crash test, each taking every `PARTS`th point, so none comes near tap's timeout. */
export const PARTS = 8;

/** Runs the trials of part `part` (0-based) of {@link PARTS}. */
export async function crashPart(t: Test, part: number): Promise<void> {
  const { points, baseline } = await pointsAndBaseline(t);
  t.ok(points.length > 40, `${points.length} crash points: ${points.join('; ')}`);
  for (let k = part + 1; k <= points.length; k += PARTS) await t.test(`killed at point ${k}: ${points[k - 1]}`, (t) => crashAt(t, k, points, baseline));
}
