/**
 * What API calls cost and how the tool keeps within the APIs' limits: write pacing, waiting out
 * rate-limit answers, bounded read concurrency, PagerDuty paging, and the emulators' rate-limit
 * accounting the benchmark relies on. Clocks are injected: nothing here asserts a timing.
 */
import t, { type Test } from 'tap';
import { startGitHubEmulator, type GitHubEmulator, type OrgSeed } from '@oncall-access/emulators/github';
import { SecondaryRateLimiter } from '@oncall-access/emulators/github-state';
import { startPagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { PagerDutyRateLimiter } from '@oncall-access/emulators/pagerduty-state';
import { startJsonServer } from '@oncall-access/emulators/http-server';
import type { Fetch } from '../src/http/read-only.js';
import { PagerDutySource } from '../src/sources/pagerduty.js';
import { bindingKey } from '../src/sources/source.js';
import type { GitHubTargetOptions } from '../src/targets/github/client.js';
import { defaultWriteLimits, GITHUB_WRITE_LIMITS, parseWriteLimits, rateLimitWait, READ_CONCURRENCY, WRITE_LIMITS_ENV, WritePacer } from '../src/targets/github/rate-limits.js';
import { GitHubTarget } from '../src/targets/github/target.js';

/** A fake clock whose sleep advances it; records every sleep. */
function clock(start = 1_000_000): { now: () => number; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

/** The most starts in any window of `windowMs` (starts sorted; the fake clock's sums are not exact). */
function busiest(starts: readonly number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < starts.length; i++) {
    while (starts[i]! - starts[j]! >= windowMs - 1e-6) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

t.test('write limits: GitHub documents 80 per minute and 500 per hour; the environment can override them', async (t) => {
  t.same(GITHUB_WRITE_LIMITS, [
    { count: 80, windowMs: 60_000 },
    { count: 500, windowMs: 3_600_000 },
  ]);
  t.same(parseWriteLimits('80/1m,500/1h'), GITHUB_WRITE_LIMITS);
  t.same(parseWriteLimits(' 80 / 3s , 500/180s'), [
    { count: 80, windowMs: 3_000 },
    { count: 500, windowMs: 180_000 },
  ]);
  for (const bad of ['', '80', '80/', '0/1m', '80/1x', '80/1m,', '-1/1m', 'x/1m']) t.equal(parseWriteLimits(bad), undefined, JSON.stringify(bad));
  t.same(parseWriteLimits(' None '), [], 'none: no pacing');
  const cloud = 'https://api.github.com';
  t.same(defaultWriteLimits(cloud, {}), GITHUB_WRITE_LIMITS, 'GitHub.com');
  t.same(defaultWriteLimits('https://api.acme.ghe.com/', {}), GITHUB_WRITE_LIMITS, 'GHE.com (data residency)');
  t.same(defaultWriteLimits('https://github.acme.example/api/v3', {}), [], 'GitHub Enterprise Server: rate limits are off by default');
  t.same(defaultWriteLimits('http://127.0.0.1:39170', {}), [], 'an emulator');
  t.same(defaultWriteLimits('not a url', {}), []);
  t.same(defaultWriteLimits('https://github.acme.example/api/v3', { [WRITE_LIMITS_ENV]: '40/1m' }), [{ count: 40, windowMs: 60_000 }], 'configured for a GHES whose admin set limits');
  t.same(defaultWriteLimits(cloud, { [WRITE_LIMITS_ENV]: 'none' }), []);
  t.same(defaultWriteLimits(cloud, { [WRITE_LIMITS_ENV]: 'fast' }), GITHUB_WRITE_LIMITS, 'an unreadable value falls back to the default');
});

t.test('the pacer starts a burst of 3 writes at once, then one every 60000/73 ms: never more than 76 in a minute', async (t) => {
  const c = clock();
  const pacer = new WritePacer(GITHUB_WRITE_LIMITS, c.now, c.sleep);
  const starts: number[] = [];
  for (let i = 0; i < 300; i++) {
    await pacer.acquire();
    starts.push(c.now());
  }
  t.same(starts.slice(0, 3), [1_000_000, 1_000_000, 1_000_000], 'a small apply is not slowed');
  t.ok(Math.abs(starts[4]! - starts[3]! - 60_000 / 73) < 1, 'then evenly spaced');
  const most = busiest(starts, 60_000);
  t.ok(most <= 76 && most >= 73, `at most 95% of 80 in any minute (${most})`);
  const perMinute = ((starts.length - 1) / (starts.at(-1)! - starts[0]!)) * 60_000;
  t.ok(perMinute >= 0.9 * 80 && perMinute < 80, `sustains ${perMinute.toFixed(1)} of 80 per minute`);
});

t.test('the pacer keeps the hourly limit with a log of starts', async (t) => {
  const c = clock();
  const pacer = new WritePacer(GITHUB_WRITE_LIMITS, c.now, c.sleep);
  const starts: number[] = [];
  for (let i = 0; i < 520; i++) {
    await pacer.acquire();
    starts.push(c.now());
  }
  t.equal(busiest(starts, 3_600_000), 475, '95% of 500 per hour');
  t.ok(starts[475]! >= starts[0]! + 3_600_000 - 1e-6, 'the 476th write waits for the first to leave the hour');
  t.ok(busiest(starts, 60_000) <= 76);
});

t.test('the pacer scales with the limits it is given (a benchmark running the clock 20 times faster)', async (t) => {
  const c = clock();
  const pacer = new WritePacer(parseWriteLimits('80/3s,500/180s')!, c.now, c.sleep);
  const starts: number[] = [];
  for (let i = 0; i < 300; i++) {
    await pacer.acquire();
    starts.push(c.now());
  }
  t.ok(busiest(starts, 3_000) <= 76);
  t.equal(busiest(starts, 180_000), 300, 'the scaled hour is not reached by 300 writes');
  const single = new WritePacer([{ count: 1, windowMs: 1_000 }], c.now, c.sleep);
  const before = c.now();
  await single.acquire();
  await single.acquire();
  t.equal(c.now() - before, 1_000, 'a limit of one per second spaces writes a second apart');
  const none = new WritePacer([], c.now, c.sleep);
  await Promise.all([none.acquire(), none.acquire(), none.acquire()]);
  t.pass('no limits: never waits');
});

t.test('pauseUntil holds every later write, including ones already waiting', async (t) => {
  const c = clock();
  const pacer = new WritePacer(GITHUB_WRITE_LIMITS, c.now, c.sleep);
  await pacer.acquire();
  pacer.pauseUntil(c.now() + 30_000);
  const waiting = pacer.acquire();
  await waiting;
  t.equal(c.now(), 1_030_000);
  pacer.pauseUntil(0);
  await pacer.acquire();
  t.equal(c.now(), 1_030_000, 'an earlier pause does not shorten a later one, nor delay anything now');
});

t.test('rateLimitWait reads what GitHub says to wait, and nothing else', async (t) => {
  const err = (status: number, headers: Record<string, string>, message = 'x') => ({ status, message, response: { headers } });
  t.equal(rateLimitWait(err(403, { 'retry-after': '7' }), 0), 7_000, 'retry-after, in seconds');
  t.equal(rateLimitWait(err(429, { 'retry-after': '2' }), 0), 2_000);
  t.equal(rateLimitWait(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1000' }), 990_000), 10_000, 'primary limit: until the reset');
  t.equal(rateLimitWait(err(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1000' }), 2_000_000), 0);
  t.equal(rateLimitWait(err(403, {}, 'You have exceeded a secondary rate limit'), 0), 60_000, 'a secondary limit without retry-after: one minute, as GitHub advises');
  t.equal(rateLimitWait(err(429, {}), 0), 60_000);
  t.equal(rateLimitWait(err(403, {}, 'Must have admin rights'), 0), undefined, 'a permission 403 is no rate limit');
  t.equal(rateLimitWait(err(403, { 'x-ratelimit-remaining': '12' }), 0), undefined);
  t.equal(rateLimitWait(err(500, { 'retry-after': '1' }), 0), undefined);
  t.equal(rateLimitWait(undefined, 0), undefined);
  t.equal(rateLimitWait({ status: 403 }, 0), undefined);
});

const TOKEN = 'cost-token';
function acme(): OrgSeed {
  return { members: ['alice', 'bob'], teams: [{ slug: 'oncall', members: [{ login: 'alice', role: 'member' }] }] };
}
async function emulator(t: Test, extra: Partial<Parameters<typeof startGitHubEmulator>[0]> = {}): Promise<GitHubEmulator> {
  const emu = await startGitHubEmulator({ orgs: { acme: acme() }, token: TOKEN, strict: true, traffic: true, ...extra });
  t.teardown(() => emu.close());
  return emu;
}
function target(emu: GitHubEmulator, c: ReturnType<typeof clock>, over: Partial<GitHubTargetOptions> = {}): GitHubTarget {
  return new GitHubTarget({ baseUrl: emu.url, token: TOKEN, fetch: globalThis.fetch, retries: 0, now: c.now, sleep: c.sleep, ...over });
}
const secondary = { status: 403, body: { message: 'You have exceeded a secondary rate limit.', documentation_url: 'x' }, headers: { 'retry-after': '3' } };

t.test('a write refused by a secondary rate limit pauses writes as asked, then succeeds', async (t) => {
  const emu = await emulator(t);
  const c = clock();
  const gh = target(emu, c);
  emu.failNext({ method: 'PUT' }, secondary);
  await gh.setMembership({ kind: 'team', org: 'acme', team: 'oncall', role: 'member' }, 'bob');
  t.same(emu.requests.map((r) => r.status), [403, 200]);
  t.same(c.sleeps, [3_000], 'waited what retry-after said, once');
  t.same(emu.teamMembers('acme', 'oncall').map((m) => m.login), ['alice', 'bob']);
});

t.test('writes are paced for the limits given; reads are not', async (t) => {
  const emu = await emulator(t);
  const c = clock();
  const gh = target(emu, c, { writeLimits: [{ count: 2, windowMs: 1_000 }] });
  const e = { kind: 'team' as const, org: 'acme', team: 'oncall', role: 'member' as const };
  await gh.setMembership(e, 'bob');
  await gh.readTeamHolders([{ org: 'acme', team: 'oncall' }]);
  await gh.removeMembership(e, 'bob');
  await gh.setMembership(e, 'bob');
  t.same(c.sleeps, [1_000, 1_000], 'one write a second (95% of 2 per second, rounded down), the read in between unpaced');
  const unpaced = clock();
  const local = target(emu, unpaced);
  await local.removeMembership(e, 'bob');
  await local.setMembership(e, 'bob');
  t.same(unpaced.sleeps, [], 'an emulator on 127.0.0.1 is not GitHub.com: no pacing unless configured');
});

t.test('a 429 is left to the rate-limit handling, not retried blindly by octokit', async (t) => {
  const emu = await emulator(t);
  const c = clock();
  emu.failNext({ method: 'DELETE' }, { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '1' } });
  await target(emu, c, { retries: 3 }).removeMembership({ org: 'acme', team: 'oncall' }, 'alice');
  t.same(emu.requests.map((r) => r.status), [429, 204]);
  t.same(c.sleeps, [1_000]);
});

t.test('reads wait out a rate limit too; a wait longer than allowed, or too many, fails instead', async (t) => {
  const emu = await emulator(t);
  const c = clock();
  emu.failNext({ method: 'POST', pathPrefix: '/graphql' }, secondary);
  const read = await target(emu, c).readTeamHolders([{ org: 'acme', team: 'oncall' }]);
  t.same(read.get('acme/oncall'), { ok: true, holders: [{ login: 'alice', role: 'member', state: 'active' }] });
  t.same(c.sleeps, [3_000]);

  emu.failNext({ method: 'POST', pathPrefix: '/graphql' }, { ...secondary, headers: { 'retry-after': '600' } });
  const long = await target(emu, c).readTeamHolders([{ org: 'acme', team: 'oncall' }]);
  t.match(long.get('acme/oncall'), { ok: false, error: /403/ }, 'ten minutes is longer than the 60 s default');

  emu.failNext({ method: 'PUT' }, secondary, 4);
  const err = await target(emu, c).setMembership({ kind: 'team', org: 'acme', team: 'oncall', role: 'member' }, 'bob').catch((e: unknown) => e);
  t.match(err, { status: 403 }, 'after three waits the fourth refusal is the answer');
});

t.test('a GitHub answer that hangs is abandoned at the per-attempt timeout and retried; one that never comes fails the read', async (t) => {
  const emu = await emulator(t);
  const c = clock();
  // The hang (30 s) is ten times the timeout (3 s), so a loaded machine cannot blur the two.
  emu.failNext({ method: 'POST', pathPrefix: '/graphql' }, { status: 200, body: {}, delayMs: 30_000 });
  const read = await target(emu, c, { timeoutMs: 3_000, retries: 1, retryBaseMs: 1 }).readTeamHolders([{ org: 'acme', team: 'oncall' }]);
  t.same(read.get('acme/oncall'), { ok: true, holders: [{ login: 'alice', role: 'member', state: 'active' }] }, 'the retry answered');
  emu.failNext({ method: 'POST', pathPrefix: '/graphql' }, { status: 200, body: {}, delayMs: 30_000 }, 2);
  const failed = await target(emu, c, { timeoutMs: 1_000, retries: 1, retryBaseMs: 1 }).readTeamHolders([{ org: 'acme', team: 'oncall' }]);
  t.same(failed.get('acme/oncall'), { ok: false, error: 'no answer from GitHub within 1000 ms, after retries' });
});

t.test('a malformed JSON answer from GitHub is retried like a network error, never handed on as data', async (t) => {
  const emu = await emulator(t);
  const c = clock();
  emu.failNext({ method: 'POST', pathPrefix: '/graphql' }, { status: 200, raw: '{"data": {"organization": ' });
  const read = await target(emu, c, { retries: 1 }).readTeamHolders([{ org: 'acme', team: 'oncall' }]);
  t.same(read.get('acme/oncall'), { ok: true, holders: [{ login: 'alice', role: 'member', state: 'active' }] });
  emu.failNext({ method: 'POST', pathPrefix: '/graphql' }, { status: 200, raw: 'not json' });
  const failed = await target(emu, c).readTeamHolders([{ org: 'acme', team: 'oncall' }]);
  t.same(failed.get('acme/oncall'), { ok: false, error: 'GitHub answered malformed JSON (HTTP 200), after retries' });
  emu.failNext({ method: 'PUT' }, { status: 200, raw: '{' });
  const write = await target(emu, c).setMembership({ kind: 'team', org: 'acme', team: 'oncall', role: 'member' }, 'bob').catch((e: unknown) => e);
  t.match(write, { status: 500 }, 'a write answered with garbage is a failed write, not a success');
});

t.test('members joining or leaving between GraphQL pages: the team is read again from its first page', async (t) => {
  const logins = Array.from({ length: 150 }, (_, i) => `p${String(i).padStart(3, '0')}`);
  const emu = await startGitHubEmulator({ orgs: { big: { members: [...logins, 'late'], teams: [{ slug: 'all', members: logins.map((login) => ({ login, role: 'member' as const })) }] } }, token: TOKEN });
  t.teardown(() => emu.close());
  const membership = (method: string, login: string) => fetch(`${emu.url}/orgs/big/teams/all/memberships/${login}`, { method, headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }, body: method === 'PUT' ? '{"role":"member"}' : undefined }).then((r) => r.arrayBuffer());
  /** Before the GraphQL requests numbered in `before`, someone changes the team. */
  const meddling = (before: Map<number, () => Promise<unknown>>): Fetch => {
    let n = 0;
    return (async (input: string | URL | Request, init?: RequestInit) => {
      if (new URL(input instanceof Request ? input.url : String(input)).pathname === '/graphql') await before.get(++n)?.();
      return globalThis.fetch(input, init);
    }) as Fetch;
  };
  const read = async (fetch: Fetch) => (await new GitHubTarget({ baseUrl: emu.url, token: TOKEN, fetch, retries: 0 }).readTeamHolders([{ org: 'big', team: 'all' }])).get('big/all')!;

  const left = await read(meddling(new Map([[2, () => membership('DELETE', 'p005')]])));
  t.ok(left.ok, 'read again');
  t.same(left.ok && left.holders.map((h) => h.login), logins.filter((l) => l !== 'p005'), 'p100, shifted onto the first page by p005 leaving, is not lost');
  t.equal(emu.requests.filter((r) => r.path === '/graphql').length, 4, 'first page, second page (changed), then both again');

  const joined = await read(meddling(new Map([[2, () => membership('PUT', 'late')]])));
  t.same(joined.ok && joined.holders.length, 150, 'the newcomer is read, nobody twice');

  const churn = await read(meddling(new Map([2, 4, 6].map((n, i) => [n, () => membership(i % 2 ? 'PUT' : 'DELETE', 'late')]))));
  t.same(churn, { ok: false, error: 'the members of big/all kept changing while being read (3 tries); the next run will read them again' });
});

t.test('reads are bounded in concurrency', async (t) => {
  const slugs = Array.from({ length: 60 }, (_, i) => `t${i}`);
  const members = slugs.map((s) => `m-${s}`);
  const invitations = slugs.map((s, i) => ({ id: i + 1, login: `inv-${s}`, teams: [s] }));
  const emu = await startGitHubEmulator({ orgs: { big: { members, teams: slugs.map((slug, i) => ({ slug, members: [{ login: members[i]!, role: 'member' as const }] })), invitations } }, token: TOKEN, latencyMs: 20, rateLimits: true });
  t.teardown(() => emu.close());
  const read = await new GitHubTarget({ baseUrl: emu.url, token: TOKEN, fetch: globalThis.fetch }).readTeamHolders(slugs.map((team) => ({ org: 'big', team })));
  t.equal([...read.values()].filter((r) => r.ok && r.holders.length === 2).length, 60, 'every team: its member and its invitee');
  t.equal(emu.requests.filter((r) => r.path.endsWith('/teams')).length, 60, 'one lookup per invitation');
  t.ok(emu.rateStats()!.peakConcurrent <= READ_CONCURRENCY, `at most ${READ_CONCURRENCY} in flight (was ${emu.rateStats()!.peakConcurrent})`);
});

t.test('GitHub emulator accounting: concurrency, points, writes per minute and hour, with retry-after', async (t) => {
  let now = 0;
  const limiter = new SecondaryRateLimiter({ concurrent: 2, restPointsPerMinute: 11, graphqlPointsPerMinute: 3, writesPerMinute: 2, writesPerHour: 3, now: () => now });
  const admit = (c: Parameters<SecondaryRateLimiter['admit']>[0]) => {
    const d = limiter.admit(c);
    if (d.ok) d.release();
    return d;
  };
  const a = limiter.admit({ resource: 'core', write: false });
  const b = limiter.admit({ resource: 'core', write: false });
  t.match(limiter.admit({ resource: 'core', write: false }), { ok: false, reason: 'concurrent requests', retryAfterMs: 1000 });
  if (a.ok) a.release();
  if (a.ok) a.release();
  if (b.ok) b.release();
  t.match(admit({ resource: 'core', write: true }), { ok: true }, 'a write costs 5 points: 7 of 11');
  now = 1_000;
  t.match(admit({ resource: 'core', write: true }), { ok: false, reason: 'REST points per minute', retryAfterMs: 59_000 }, '7 + 5 > 11, until the first point leaves the minute');
  now = 60_001;
  t.match(admit({ resource: 'core', write: true }), { ok: true });
  t.match(admit({ resource: 'core', write: true }), { ok: true });
  t.match(admit({ resource: 'core', write: true }), { ok: false, reason: 'REST points per minute' }, 'points, writes per minute and per hour are all over: the first is named');
  now = 130_000;
  t.match(admit({ resource: 'core', write: true }), { ok: false, reason: 'content-generating requests per hour', retryAfterMs: 3_600_000 - 130_000 });
  for (let i = 0; i < 3; i++) admit({ resource: 'graphql', write: false });
  t.match(admit({ resource: 'graphql', write: false }), { ok: false, reason: 'GraphQL points per minute' });
  const stats = limiter.snapshot();
  t.same(stats.refused, { 'concurrent requests': 1, 'REST points per minute': 2, 'content-generating requests per hour': 1, 'GraphQL points per minute': 1 });
  t.equal(stats.peakConcurrent, 2);
  t.same(stats.peakPointsPerMinute, { core: 10, graphql: 3 });
  t.equal(stats.peakWritesPerMinute, 2);
  t.same(stats.limits, { timeScale: 1, concurrent: 2, restPointsPerMinute: 11, graphqlPointsPerMinute: 3, writesPerMinute: 2, writesPerHour: 3, primaryPerHour: 5000 });
  t.throws(() => new SecondaryRateLimiter({ timeScale: 0 }), /timeScale/);
  const scaled = new SecondaryRateLimiter({ timeScale: 20, writesPerMinute: 1, now: () => now });
  scaled.admit({ resource: 'core', write: true });
  t.match(scaled.admit({ resource: 'core', write: true }), { ok: false, reason: 'content-generating requests per minute', retryAfterMs: 3_000 }, 'a scaled minute lasts 3 s');
  const many = new SecondaryRateLimiter({ now: () => now });
  for (let i = 0; i < 3_000; i++) {
    now += 50;
    const d = many.admit({ resource: 'graphql', write: false });
    if (d.ok) d.release();
  }
  t.same(many.snapshot().refused, {}, 'old events leave the window');
  t.equal(many.snapshot().peakPointsPerMinute.graphql, 1200);
  t.ok(new SecondaryRateLimiter().snapshot().limits.concurrent === 100, 'GitHub\'s numbers by default');
});

t.test('GitHub emulator with rateLimits answers 403 with retry-after; traffic names the route and the reason', async (t) => {
  const emu = await emulator(t, { rateLimits: { writesPerMinute: 1 } });
  const put = (login: string) => fetch(`${emu.url}/orgs/acme/teams/oncall/memberships/${login}`, { method: 'PUT', headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }, body: '{"role":"member"}' });
  t.equal((await put('bob')).status, 200);
  const refused = await put('alice');
  t.equal(refused.status, 403);
  t.match(refused.headers.get('retry-after'), /^\d+$/);
  t.match(await refused.json(), { message: /secondary rate limit \(content-generating requests per minute\)/ });
  t.match(emu.traffic.at(-1), { route: '/orgs/:org/teams/:team_slug/memberships/:username', status: 403, refused: 'content-generating requests per minute' });
  t.same(emu.unexpected, [], 'a refusal is not an emulator failure');
  t.same(emu.rateStats()!.refused, { 'content-generating requests per minute': 1 });
  t.equal(emu.peakInFlight, 1);
  const plain = await emulator(t);
  t.equal(plain.rateStats(), undefined, 'off by default');
});

t.test('GitHub emulator with rateLimits refuses once the primary limit is spent', async (t) => {
  const emu = await emulator(t, { rateLimits: { primaryPerHour: 2 } });
  const get = () => fetch(`${emu.url}/orgs/acme/invitations`, { headers: { authorization: `token ${TOKEN}` } });
  t.equal((await get()).status, 200);
  t.equal((await get()).status, 200);
  const over = await get();
  t.equal(over.status, 403);
  t.match(await over.json(), { message: /API rate limit exceeded/ });
  t.match(over.headers.get('retry-after'), /^\d+$/);
  t.same(emu.rateStats()!.refused, {}, 'the primary limit is not a secondary one');
  t.match(emu.traffic.at(-1), { refused: 'primary rate limit' });
});

t.test('GitHub emulator: REST team members include child teams, filter by role, and page', async (t) => {
  const emu = await startGitHubEmulator({
    orgs: {
      acme: {
        members: ['alice', 'bob', 'carol'],
        teams: [
          { slug: 'parent', members: [{ login: 'alice', role: 'maintainer' }, { login: 'bob', role: 'member' }] },
          { slug: 'child', parent: 'parent', members: [{ login: 'carol', role: 'maintainer' }] },
        ],
      },
    },
  });
  t.teardown(() => emu.close());
  const list = async (q: string) => {
    const res = await fetch(`${emu.url}/orgs/acme/teams/parent/members${q}`);
    return { status: res.status, body: (await res.json()) as { login?: string }[] | { message: string }, link: res.headers.get('link') };
  };
  t.same(((await list('')).body as { login: string }[]).map((u) => u.login), ['alice', 'bob', 'carol'], 'child-team members included, as GitHub does');
  t.same(((await list('?role=maintainer')).body as { login: string }[]).map((u) => u.login), ['alice'], 'inherited members count as members');
  t.same(((await list('?role=member')).body as { login: string }[]).map((u) => u.login), ['bob', 'carol']);
  const paged = await list('?per_page=2');
  t.equal((paged.body as unknown[]).length, 2);
  t.match(paged.link, /rel="next"/);
  t.equal((await list('?role=owner')).status, 422);
  t.equal((await fetch(`${emu.url}/orgs/acme/teams/nope/members`)).status, 404);
});

t.test('http-server traffic: timings, routes, repeated answers, peak in flight', async (t) => {
  let n = 0;
  const server = await startJsonServer({
    routes: [
      { method: 'GET', pattern: '/things/:id', handler: (req) => ({ status: 200, body: { id: req.params.id, n: req.query.get('bump') ? ++n : n } }) },
      { method: 'POST', pattern: '/raw', handler: () => ({ status: 200, raw: '{"raw":true}' }) },
    ],
    errorBody: (status, message) => ({ status, message }),
    traffic: true,
    latencyMs: 5,
  });
  t.teardown(() => server.close());
  server.acceptUnexpected(); // GET /nowhere, an unknown route, is part of the traffic asked for
  await Promise.all([fetch(`${server.url}/things/a`), fetch(`${server.url}/things/a`), fetch(`${server.url}/things/b`)].map((p) => p.then((r) => r.text())));
  await (await fetch(`${server.url}/things/a?bump=1`)).text();
  await (await fetch(`${server.url}/things/a?bump=1`)).text();
  await (await fetch(`${server.url}/raw`, { method: 'POST', body: '{}' })).text();
  await (await fetch(`${server.url}/raw`, { method: 'POST', body: '{}' })).text();
  await (await fetch(`${server.url}/nowhere`)).text();
  const by = server.traffic.map((r) => `${r.method} ${r.route} ${r.status} ${r.unchanged}`);
  t.same(by.slice(0, 3).sort(), ['GET /things/:id 200 false', 'GET /things/:id 200 false', 'GET /things/:id 200 true'], 'the second identical request got the same answer');
  t.same(by.slice(3), ['GET /things/:id 200 false', 'GET /things/:id 200 false', 'POST /raw 200 false', 'POST /raw 200 true', 'GET /nowhere 404 false'], 'the same URL with a different answer is not unchanged');
  t.ok(server.traffic.every((r) => r.sentAt >= r.receivedAt));
  t.ok(server.peakInFlight >= 2, 'three requests at once');
  const quiet = await startJsonServer({ routes: [], errorBody: () => ({}) });
  t.teardown(() => quiet.close());
  quiet.acceptUnexpected(); // as is its GET /x
  await (await fetch(`${quiet.url}/x`)).text();
  t.same(quiet.traffic, [], 'no traffic log unless asked');
});

t.test('PagerDuty emulator rate limit: 429 with ratelimit-reset once over; the source waits and succeeds', async (t) => {
  let now = 0;
  const limiter = new PagerDutyRateLimiter({ perMinute: 2, timeScale: 2, now: () => now });
  t.match(limiter.admit(), { ok: true, remaining: 1 });
  t.match(limiter.admit(), { ok: true, remaining: 0 });
  now = 1_000;
  t.same(limiter.admit(), { ok: false, limit: 2, remaining: 0, resetSeconds: 29 }, 'a scaled minute of 30 s');
  now = 30_001;
  t.match(limiter.admit(), { ok: true });
  t.equal(limiter.refused, 1);
  t.equal(limiter.peak, 2);
  t.match(new PagerDutyRateLimiter().admit(), { ok: true, limit: 960 }, 'PagerDuty\'s 960 per minute by default');

  const emu = await startPagerDutyEmulator({
    users: [{ id: 'PA', name: 'A', email: 'a@example.com' }],
    schedules: [{ id: 'PS', name: 'S', entries: [{ userId: 'PA', start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' }] }],
    escalationPolicies: [{ id: 'PE', name: 'E', levels: [[{ schedule: 'PS' }]] }],
    token: TOKEN,
    rateLimit: { perMinute: 1 },
    traffic: true,
  });
  t.teardown(() => emu.close());
  const direct = await fetch(`${emu.url}/users`, { headers: { authorization: `Token token=${TOKEN}` } });
  t.equal(direct.status, 200);
  const waits: number[] = [];
  const source = new PagerDutySource({ apiUrl: emu.url, token: TOKEN, fetch: globalThis.fetch, http: { sleep: async (ms) => void waits.push(ms), retries: 1 } });
  const binding = { kind: 'schedule' as const, source: 'pd', schedule: 'PS', pos: { file: 'x', line: 1, col: 1 } };
  const reads = await source.readShifts([binding], new Date('2026-03-02T08:00:00Z'), new Date('2026-03-02T09:00:00Z'));
  t.match(reads.get(bindingKey(binding)), { ok: false, error: /rate limited/ }, 'still refused after the one retry: the emulator\'s minute is real');
  t.equal(waits.length, 1);
  t.ok(waits[0]! >= 1_000 && waits[0]! <= 60_000, 'waited as ratelimit-reset said');
  t.match(emu.rateStats(), { refused: 2, peakPerMinute: 1, perMinute: 1 });
  t.match(emu.traffic.at(-1), { route: '/oncalls', status: 429, refused: 'requests per minute' });
});

/** A fake PagerDuty `/oncalls` serving `total(call)` entries in pages and reporting `reported(call)` as their total. */
function fakeOnCalls(total: (call: number) => number, reported: (call: number) => number | null, calls: string[]): Fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    const call = calls.push(url.searchParams.get('offset')!) - 1;
    const offset = Number(url.searchParams.get('offset'));
    const limit = Number(url.searchParams.get('limit'));
    const n = total(call);
    const oncalls = Array.from({ length: Math.max(0, Math.min(limit, n - offset)) }, (_, i) => ({
      user: { id: `PU${offset + i}`, email: `u${offset + i}@example.com` },
      escalation_policy: { id: 'PE' },
      escalation_level: 1,
      schedule: { id: 'PS' },
      start: new Date(Date.UTC(2026, 2, 2, 0, offset + i)).toISOString(),
      end: new Date(Date.UTC(2026, 2, 2, 0, offset + i + 1)).toISOString(),
    }));
    const body = { oncalls, limit, offset, more: offset + limit < n, total: url.searchParams.get('total') === 'true' ? reported(call) : null };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as Fetch;
}

t.test('PagerDuty paging: pages after the first together when the total is known; a list that changes is read again', async (t) => {
  const binding = { kind: 'schedule' as const, source: 'pd', schedule: 'PS', pos: { file: 'x', line: 1, col: 1 } };
  const read = async (total: (call: number) => number, reported: (call: number) => number | null) => {
    const calls: string[] = [];
    const source = new PagerDutySource({ apiUrl: 'https://pd.example', token: 'pd-token-0123', fetch: fakeOnCalls(total, reported, calls), http: { retries: 0 } });
    const r = (await source.readShifts([binding], new Date('2026-03-01T00:00:00Z'), new Date('2026-03-03T00:00:00Z'))).get(bindingKey(binding))!;
    return { r, calls };
  };
  const known = await read(() => 350, () => 350);
  t.equal(known.r.ok && known.r.shifts.length, 350);
  t.same(known.calls, ['0', '100', '200', '300'], 'one first page, then the other three at once');
  const once = await read((call) => (call < 2 ? 350 : 351), (call) => (call < 2 ? 350 : 351));
  t.equal(once.r.ok && once.r.shifts.length, 351, 'an entry added after the first page: read again from offset 0');
  t.same(once.calls, ['0', '100', '200', '300', '0', '100', '200', '300']);
  const uncounted = await read(() => 450, () => 350);
  t.match(uncounted.r, { ok: false, error: /the list kept changing while being paged \(3 tries\)/ }, 'pages that never add up to their total fail the read');
  t.equal(uncounted.calls.length, 12);
  const noTotal = await read(() => 250, () => null);
  t.equal(noTotal.r.ok && noTotal.r.shifts.length, 250, 'a server that gives no total is paged one page after another');
  t.same(noTotal.calls, ['0', '100', '200']);
  const huge = await read(() => 20_000, () => 20_000);
  t.match(huge.r, { ok: false, error: /more than 10000 results/ });
  t.same(huge.calls, ['0'], 'a total over what PagerDuty can page is refused at once');
});
