/**
 * Two applies at once against the same GitHub and the same workspace (state directory): the
 * tool itself takes no lock (in CI the workflows' concurrency group serialises runs), so this
 * checks what happens when that is bypassed: a manual run during a scheduled one, two
 * developers on their laptops. Both must end in the desired state with each membership granted
 * once (one invitation per invitee), every revocation done, and a plan afterwards empty; the
 * state files must stay valid and must not lose the grant ledger's entries.
 */
import t, { type Test } from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { startGitHubEmulator, type GitHubEmulator } from '@oncall-access/emulators/github';
import { runBuilt } from './helpers/built.js';
import { captureIo } from './helpers/io.js';
import { DEFAULT_IDENTITIES, ROTATION, writeWorkspace } from './helpers/world.js';

const TOKEN = 'ghp_concurrencyTESTtoken00000000000000000';
// Writes are paced for GitHub's secondary rate limits (about one a second); the emulator has none.
process.env.ONCALL_ACCESS_GITHUB_WRITE_LIMITS = '100000/1m';
const NOW = new Date('2026-11-30T07:50:00Z');

const PROFILE = (membership: 'exclusive' | 'additive') => `apiVersion: oncall-access/v1
kind: AccessProfile
metadata: { name: deployers-oncall }
spec:
  mode: auto
  rotations:
    - source: rotations
      rotation: primary
  window: { before: 15m, after: 30m }
  members: [erin@acme.example, grace@acme.example]
  entitlements:
    - target: github
      team: deployers
      role: member
      membership: ${membership}
    - target: github
      team: leads
      role: maintainer
      membership: ${membership}
`;

// At 07:50Z on 2026-11-30 dave is on call and alice takes over at 08:00 (15 minutes' window);
// erin and grace are static members; grace has no GitHub organisation membership (an invitation).

async function world(t: Test, membership: 'exclusive' | 'additive' = 'exclusive'): Promise<{ dir: string; gh: GitHubEmulator }> {
  const gh = await startGitHubEmulator({
    token: TOKEN,
    strict: true,
    latencyMs: 15,
    orgs: {
      acme: {
        members: ['alice-acme', 'bob-acme', 'carol-acme', 'dave-acme', 'erin-acme', 'mallory-acme', 'acme-breakglass'],
        teams: [
          { slug: 'deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'mallory-acme', role: 'member' }, { login: 'bob-acme', role: 'maintainer' }] },
          { slug: 'leads', members: [{ login: 'dave-acme', role: 'member' }, { login: 'carol-acme', role: 'maintainer' }] },
        ],
        invitations: [{ id: 77, login: 'heidi-acme', teams: ['deployers'] }],
      },
    },
  });
  t.teardown(() => gh.close());
  const dir = t.testdir({});
  writeWorkspace(dir, {
    githubUrl: gh.url,
    profiles: { 'deployers.yaml': PROFILE(membership) },
    rotations: { 'primary.yaml': ROTATION },
    identities: { ...DEFAULT_IDENTITIES, 'grace@acme.example': 'grace-new' },
  });
  return { dir, gh };
}

async function cli(dir: string, args: string[]) {
  const c = captureIo(dir, { GITHUB_TOKEN: TOKEN }, NOW);
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

const holders = (gh: GitHubEmulator, team: string) => gh.teamMembers('acme', team).map((m) => `${m.login}:${m.role}:${m.state}`).sort();
const writes = (gh: GitHubEmulator) => gh.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE').map((r) => `${r.method} ${r.path}`);
const audit = (dir: string) => (existsSync(join(dir, 'state', 'audit.jsonl')) ? readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { action: string; login: string; resource: string; outcome: string }) : []);
/** The team slug of a GitHub resource `acme/slug`. */
const slug = (resource: string): string => resource.slice(resource.indexOf('/') + 1);
const ledger = (dir: string) => (JSON.parse(readFileSync(join(dir, 'state', 'grants.json'), 'utf8')) as { grants: { resource: string; login: string }[] }).grants.map((g) => `${slug(g.resource)}/${g.login}`).sort();

/** The checks every concurrent scenario shares: desired state, one membership each, nothing left to do. */
async function converged(t: Test, dir: string, gh: GitHubEmulator): Promise<void> {
  t.same(holders(gh, 'deployers'), ['alice-acme:member:active', 'dave-acme:member:active', 'erin-acme:member:active', 'grace-new:member:pending'], 'deployers is exactly the desired holders');
  t.same(holders(gh, 'leads'), ['alice-acme:maintainer:active', 'dave-acme:maintainer:active', 'erin-acme:maintainer:active', 'grace-new:maintainer:pending'], 'leads is exactly the desired holders');
  const invitations = gh.invitations('acme').filter((i) => i.teams.length > 0);
  t.same(invitations.map((i) => i.login), ['grace-new'], 'one invitation, for grace; heidi\'s was cancelled');
  t.same(gh.unexpected, []);
  const again = await cli(dir, ['plan', '--detailed-exitcode']);
  t.equal(again.code, 0, `a plan afterwards is empty: ${again.out}`);
  const state = JSON.parse(readFileSync(join(dir, 'state', 'grants.json'), 'utf8'));
  t.equal(state.formatVersion, 2, 'grants.json is intact');
  t.same(JSON.parse(readFileSync(join(dir, 'state', 'rotations.json'), 'utf8')).rotations, [{ key: 'rotations/rotation/primary', onCall: 1 }], 'rotations.json is intact');
}

t.test('one apply alone: the baseline the concurrent runs are compared with', async (t) => {
  const { dir, gh } = await world(t);
  const r = await cli(dir, ['apply', '--yes']);
  t.equal(r.code, 0, r.out + r.err);
  await converged(t, dir, gh);
  const events = audit(dir);
  t.equal(events.length, 11, '11 changes recorded');
  t.comment(`baseline: ${writes(gh).length} writes; audit ${events.length} events; ledger ${ledger(dir).join(', ')}`);
});

/** Of two applies that overlapped, one ran and the other was refused by the state lock (or ran after it, finding nothing). */
function oneRan(t: Test, a: { code: number | null; err: string }, b: { code: number | null; err: string }): void {
  const refused = [a, b].filter((r) => r.code !== 0);
  t.ok(refused.length <= 1, 'at most one apply is refused');
  for (const r of refused) t.match(r.err, /another apply is running \(pid \d+ on \S+ since .*\); if it is not, remove .*\.apply\.lock/, 'refused by the lock, with how to clear a stale one');
}

t.test('two applies started together in one process: the lock lets one run; each change is made and recorded once', async (t) => {
  const { dir, gh } = await world(t);
  const [a, b] = await Promise.all([cli(dir, ['apply', '--yes']), cli(dir, ['apply', '--yes'])]);
  t.comment(`exit codes ${a.code} and ${b.code}; ${writes(gh).length} writes: ${writes(gh).join(', ')}`);
  oneRan(t, a, b);
  await converged(t, dir, gh);
  const events = audit(dir);
  const applied = events.filter((e) => e.outcome === 'applied').map((e) => `${e.action} ${slug(e.resource)}/${e.login}`);
  t.comment(`audit.jsonl: ${events.length} events; ledger: ${ledger(dir).join(', ')}`);
  t.same(ledger(dir), ['deployers/dave-acme', 'deployers/erin-acme', 'deployers/grace-new', 'leads/alice-acme', 'leads/erin-acme', 'leads/grace-new'], 'the ledger holds every grant once: no lost update');
  t.equal(new Set(applied).size, applied.length, 'each change is recorded as applied once');
  t.equal(writes(gh).length, 11, 'each membership written once');
});

t.test('two applies of one saved plan started together: the lock lets one run', async (t) => {
  const { dir, gh } = await world(t);
  t.equal((await cli(dir, ['plan', '--out', 'plan.json'])).code, 0);
  const [a, b] = await Promise.all([cli(dir, ['apply', 'plan.json', '--yes']), cli(dir, ['apply', 'plan.json', '--yes'])]);
  t.comment(`exit codes ${a.code} and ${b.code}; skipped: ${(a.out + b.out).split('\n').filter((l) => l.startsWith('skipped')).length}; ${writes(gh).length} writes`);
  oneRan(t, a, b);
  t.equal(writes(gh).length, 11, 'each membership written once');
  await converged(t, dir, gh);
});

t.test('an apply that starts while another is half-way through is refused by the lock (additive teams keep their ledger)', async (t) => {
  const { dir, gh } = await world(t, 'additive');
  const first = cli(dir, ['apply', '--yes']);
  // Start the second once the first has begun writing.
  while (!gh.requests.some((r) => r.method === 'PUT' || r.method === 'DELETE')) await new Promise((r) => setTimeout(r, 2));
  const second = cli(dir, ['apply', '--yes']);
  const [a, b] = await Promise.all([first, second]);
  t.equal(a.code, 0, a.out + a.err);
  oneRan(t, a, b);
  // Additive: mallory and bob are someone else's and stay; heidi's invitation too.
  t.same(ledger(dir), ['deployers/dave-acme', 'deployers/erin-acme', 'deployers/grace-new', 'leads/alice-acme', 'leads/erin-acme', 'leads/grace-new'], 'every grant is in the ledger: a later apply can revoke it');
  t.equal((await cli(dir, ['plan', '--detailed-exitcode'])).code, 0, 'a plan afterwards is empty');
  // A fortnight later carol is on call: everything the tool granted to others is revoked, nothing it did not grant.
  const later = captureIo(dir, { GITHUB_TOKEN: TOKEN }, new Date('2026-12-16T12:00:00Z'));
  t.equal(await main(['apply', '--yes', '--at', '2026-12-16T12:00:00Z'], later.io), 0, later.out() + later.err());
  t.same(holders(gh, 'deployers'), ['alice-acme:member:active', 'bob-acme:maintainer:active', 'carol-acme:member:active', 'erin-acme:member:active', 'grace-new:member:pending', 'heidi-acme:member:pending', 'mallory-acme:member:active'], 'dave (granted by the tool) revoked; holders the tool did not grant kept');
  t.notOk(holders(gh, 'leads').some((h) => h.startsWith('alice-acme')), 'alice\'s lead role, granted by the tool, revoked');
});

const DIST = join(process.cwd(), 'dist', 'cli.js');

t.test('two apply processes (node dist/cli.js) against the same emulator and workspace', { skip: existsSync(DIST) ? false : 'dist/cli.js is not built (npm run build)' }, async (t) => {
  const { dir, gh } = await world(t);
  // The CLI uses the real clock; plan for a fixed instant no more than 90 days ahead of it.
  const at = NOW.toISOString();
  const env = { PATH: process.env.PATH, GITHUB_TOKEN: TOKEN, ONCALL_ACCESS_GITHUB_WRITE_LIMITS: '100000/1m' };
  const apply = () => runBuilt([DIST, 'apply', '--yes', '--at', at], { cwd: dir, env });
  const [a, b] = await Promise.all([apply(), apply()]);
  t.comment(`exit codes ${a.code} and ${b.code}; ${writes(gh).length} writes; audit ${audit(dir).length} events`);
  if (/may be at most 90 days ahead/.test(a.stderr)) {
    t.comment('skipped: the machine clock is more than 90 days before the test instant');
    return;
  }
  oneRan(t, { code: a.code, err: a.stderr }, { code: b.code, err: b.stderr });
  t.same(holders(gh, 'deployers'), ['alice-acme:member:active', 'dave-acme:member:active', 'erin-acme:member:active', 'grace-new:member:pending']);
  t.same(gh.invitations('acme').filter((i) => i.teams.length > 0).map((i) => i.login), ['grace-new']);
  t.same(ledger(dir), ['deployers/dave-acme', 'deployers/erin-acme', 'deployers/grace-new', 'leads/alice-acme', 'leads/erin-acme', 'leads/grace-new'], 'no lost ledger entry');
  const plan = await runBuilt([DIST, 'plan', '--detailed-exitcode', '--at', at], { cwd: dir, env });
  t.equal(plan.code, 0, 'a plan afterwards is empty');
});
