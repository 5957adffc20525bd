/**
 * The benchmark's world and its request counts, on the small scale: deterministic numbers (how
 * many requests per endpoint a plan costs, against the lower bound), never timings. The large
 * scale is `npm run bench`.
 */
import t, { type Test } from 'tap';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildAdapters } from '../src/observe/adapters.js';
import { loadWorkspace } from '../src/config/load.js';
import { computePlan } from '../src/apply/engine.js';
import { startGitHubEmulator, type GitHubEmulator, type TrafficRecord } from '@oncall-access/emulators/github';
import { startPagerDutyEmulator, type PagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { readOnlyFetch } from '../src/http/read-only.js';
import type { Plan } from '../src/core/plan.js';
import { lowerBound } from '../bench/bounds.js';
import { NaiveSource, NaiveTarget } from '../bench/naive.js';
import { entitledAt, expectedChanges, generate, githubSeed, HANDOFF_AT, LARGE, LARGE_AT, SMALL, SYNCED_BEFORE, validateWorkspaceFiles, workspaceFiles, type OrgState, type World } from '../bench/world.js';

const TOKENS = { GITHUB_TOKEN: 'gh-bench', PAGERDUTY_TOKEN: 'pd-bench' };
const small = generate(SMALL);
const largeOrg: OrgState = { syncedAt: LARGE_AT.getTime() - SYNCED_BEFORE.large, drift: true };
const handoffOrg: OrgState = { syncedAt: HANDOFF_AT.getTime() - SYNCED_BEFORE.handoff, drift: false };

interface Setup {
  github: GitHubEmulator;
  pagerduty: PagerDutyEmulator;
  config: string;
}

async function setup(t: Test, w: World, org: OrgState): Promise<Setup> {
  const github = await startGitHubEmulator({ ...githubSeed(w, org), token: TOKENS.GITHUB_TOKEN, strict: true, traffic: true, rateLimits: true });
  const pagerduty = await startPagerDutyEmulator({ ...structuredClone(w.pagerduty), token: TOKENS.PAGERDUTY_TOKEN, strict: true, traffic: true, rateLimit: true });
  const dir = mkdtempSync(join(tmpdir(), 'oncall-access-bench-test-'));
  for (const [path, text] of workspaceFiles(w, { github: github.url, pagerduty: pagerduty.url })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  t.teardown(async () => {
    await Promise.all([github.close(), pagerduty.close()]);
    rmSync(dir, { recursive: true, force: true });
  });
  return { github, pagerduty, config: join(dir, 'oncall-access.yaml') };
}

async function plan(s: Setup, at: Date, naive = false): Promise<Plan> {
  const { workspace: ws, diagnostics } = loadWorkspace(s.config);
  if (!ws) throw new Error(JSON.stringify(diagnostics));
  const fetch = readOnlyFetch(globalThis.fetch);
  const adapters = naive
    ? {
        sources: new Map([['pagerduty', new NaiveSource({ apiUrl: s.pagerduty.url, token: TOKENS.PAGERDUTY_TOKEN, fetch })]]),
        targets: new Map([['github', new NaiveTarget({ baseUrl: s.github.url, token: TOKENS.GITHUB_TOKEN, fetch })]]),
        diagnostics: [],
      }
    : buildAdapters(ws, TOKENS, fetch);
  return computePlan(ws, adapters, { at, now: at });
}

const count = (records: readonly TrafficRecord[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of records) out[`${r.method} ${r.route}`] = (out[`${r.method} ${r.route}`] ?? 0) + 1;
  return out;
};
const summary = (p: Plan): Record<string, number> => ({
  grant: p.changes.filter((c) => c.action === 'grant').length,
  revoke: p.changes.filter((c) => c.action === 'revoke').length,
  update: p.changes.filter((c) => c.action === 'update').length,
});

t.test('the small world: the layout the bench documents', async (t) => {
  t.equal(small.profiles.length, 12);
  t.equal(small.pagerduty.schedules!.length, 24);
  t.equal(small.pagerduty.escalationPolicies!.length, 4);
  t.equal(small.pagerduty.users.length, 260);
  t.same(small.profiles.map((p) => p.schedules.length + (p.policy ? 1 : 0)), [2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1], 'two B, then two D second schedules; then one binding each');
  t.same(small.profiles.slice(8).map((p) => p.policy), [{ id: 'PE0000', levels: [1] }, { id: 'PE0001' }, { id: 'PE0002', levels: [1] }, { id: 'PE0003' }]);
  const org = githubSeed(small, largeOrg).orgs.corp!;
  t.equal(org.members.length, 300);
  t.equal(org.teams.length, 20);
  t.ok(org.teams.find((x) => x.slug === 'team-0006')!.members.length > 100, 'a managed team needs two GraphQL pages');
  t.same(expectedChanges(small, HANDOFF_AT.getTime(), handoffOrg), { grants: 4, revokes: 4, updates: 0 }, 'the handoff instant has exactly `handoffs` of each');
  t.throws(() => generate({ ...SMALL, profiles: 4 }), /cannot hold the layout/);
  t.throws(() => generate({ ...SMALL, pdUsers: 10 }), /more than pdUsers/);
  t.throws(() => generate({ ...SMALL, orgMembers: 260 }), /orgMembers must exceed/);
  t.throws(() => generate({ ...SMALL, handoffs: 50 }), /can hand off/);
});

t.test('the validate scenarios\' workspace holds as many profile files as asked, each with its own name and team, and is valid', async (t) => {
  const files = validateWorkspaceFiles(small, 30);
  const dir = t.testdir(Object.fromEntries([...files].filter(([path]) => !path.startsWith('profiles/'))));
  mkdirSync(join(dir, 'profiles'));
  for (const [path, text] of files) if (path.startsWith('profiles/')) writeFileSync(join(dir, path), text);
  const { workspace, diagnostics } = loadWorkspace(join(dir, 'oncall-access.yaml'));
  t.same(diagnostics, []);
  t.equal(workspace?.profiles.length, 30);
  t.equal(new Set(workspace?.profiles.map((p) => p.name)).size, 30, 'names');
  t.equal(new Set(workspace?.profiles.flatMap((p) => p.entitlements.map((e) => e.written))).size, 30, 'teams');
});

t.test('the large world hands off exactly 150 and 150 at the handoff instant', async (t) => {
  const large = generate(LARGE);
  t.same(expectedChanges(large, HANDOFF_AT.getTime(), handoffOrg), { grants: 150, revokes: 150, updates: 0 });
  const at = expectedChanges(large, LARGE_AT.getTime(), largeOrg);
  t.ok(at.grants > 0 && at.revokes > 0, 'the large instant catches handoffs in progress, both ways');
  const inProgress = large.profiles.filter((p) => entitledAt(large, p, LARGE_AT.getTime()).size > p.members.length + 1 && p.schedules.length === 1);
  t.ok(inProgress.length > 0, 'some single-schedule teams hold two people at once (a handoff in its window)');
});

t.test('plan on the small world: requests per endpoint, within 1.5x of the lower bound', async (t) => {
  const s = await setup(t, small, largeOrg);
  const p = await plan(s, LARGE_AT);
  const want = expectedChanges(small, LARGE_AT.getTime(), largeOrg);
  t.same(summary(p), { grant: want.grants, revoke: want.revokes, update: 0 }, 'the plan the data says');
  t.same(p.diagnostics.filter((d) => d.severity === 'error'), []);
  t.same(count(s.github.traffic), {
    'POST /graphql': 2,
    'GET /orgs/:org/invitations': 1,
    'GET /orgs/:org/invitations/:invitation_id/teams': 1,
  }, 'one query for 12 teams, one more page for the 120-member team; invitations and their teams');
  t.same(count(s.pagerduty.traffic), {
    'GET /oncalls': 2,
    'GET /schedules/:id': 2,
    'GET /schedules/:id/users': 2,
  }, 'one /oncalls for the schedules, one for the policies; two requests per schedule no policy uses');
  const bound = lowerBound(small, githubSeed(small, largeOrg), LARGE_AT);
  t.same({ github: bound.github, pagerduty: bound.pagerduty }, { github: 4, pagerduty: 5 }, 'GitHub: 2 rounds of pages, 1 invitation page, 1 lookup; PagerDuty: 1 /oncalls page, 2 fallback schedules');
  const total = s.github.traffic.length + s.pagerduty.traffic.length;
  t.ok(total <= 1.5 * bound.total, `${total} requests, lower bound ${bound.total}`);
  t.equal(s.github.rateStats()!.peakConcurrent <= 10, true, 'reads stay within the read concurrency');
  t.same(s.github.rateStats()!.refused, {});
  t.same(s.github.unexpected, []);
  t.same(s.pagerduty.unexpected, []);
});

t.test('the naive baseline computes the same plan with many more requests', async (t) => {
  const s = await setup(t, small, largeOrg);
  const real = await plan(s, LARGE_AT);
  const realRequests = s.github.traffic.length + s.pagerduty.traffic.length;
  const realGitHub = s.github.traffic.length;
  const naive = await plan(s, LARGE_AT, true);
  t.same(naive.changes, real.changes);
  const naiveRequests = s.github.traffic.length + s.pagerduty.traffic.length - realRequests;
  t.same(count(s.github.traffic.slice(realGitHub)), { 'GET /orgs/:org/invitations': 1, 'GET /orgs/:org/invitations/:invitation_id/teams': 1, 'GET /orgs/:org/teams/:team_slug/members': 25 }, 'two lists per team, three for the big one');
  t.ok(naiveRequests > 3 * realRequests, `${naiveRequests} naive requests against ${realRequests}`);
});

t.test('a second plan asks the same: REST answers could be 304s, GraphQL ones cannot', async (t) => {
  const s = await setup(t, small, largeOrg);
  await plan(s, LARGE_AT);
  const first = s.github.traffic.length;
  await plan(s, LARGE_AT);
  const second = s.github.traffic.slice(first);
  t.equal(second.length, first);
  t.ok(second.every((r) => r.unchanged), 'every answer is as before');
  t.equal(second.filter((r) => r.method === 'GET').length, 2, 'REST GETs an ETag could make conditional');
});
