/**
 * The Slack bench's run (see bench/slack.ts, `npm run bench:slack`): a workspace of `users` users
 * and `groups` user groups, each held by two people, `changed` of which hand off to the next two;
 * one plan and one apply through the real Slack target and `applyPlan`, against the Slack
 * emulator with Slack's tiers enforced on a scaled minute. Returns the request counts by phase and
 * method with their lower bounds, refusals, and whether every group ended as wanted.
 */
import { startSlackEmulator } from '@oncall-access/emulators/slack';
import { applyPlan } from '../src/apply/apply.js';
import type { Change, Plan } from '../src/core/plan.js';
import { SlackTarget } from '../src/targets/slack/target.js';

/** The size and pace of a run. */
export interface SlackBenchOptions {
  users: number;
  groups: number;
  changed: number;
  /** A rate-limit minute lasts 60 / timeScale seconds (the emulator's and the target's alike). */
  timeScale: number;
  latencyMs: number;
}

const TOKEN = 'bench-slack-token';

/** Runs the bench (see the module comment). */
export async function runSlackBench(o: SlackBenchOptions) {
  const { users: USERS, groups: GROUPS, changed: CHANGED, timeScale: TIME_SCALE, latencyMs: LATENCY } = o;
  const userId = (i: number): string => `U${String(i).padStart(9, '0')}`;
  const email = (i: number): string => `person${i}@acme.example`;
  /** Group g is held by people 2g and 2g+1 before the handoff; a changed group by the next two after every group's: 2g+2G and 2g+2G+1. */
  const before = (g: number): number[] => [(2 * g) % USERS, (2 * g + 1) % USERS];
  const after = (g: number): number[] => (g < CHANGED ? [(2 * g + 2 * GROUPS) % USERS, (2 * g + 2 * GROUPS + 1) % USERS] : before(g));

  const emu = await startSlackEmulator({
    users: Array.from({ length: USERS }, (_, i) => ({ id: userId(i), name: `person${i}`, email: email(i) })),
    usergroups: Array.from({ length: GROUPS }, (_, g) => ({ id: `S${String(g).padStart(9, '0')}`, handle: `team-${g}-oncall`, users: before(g).map(userId), dateUpdate: 1_795_000_000 })),
    tokens: [{ token: TOKEN }],
    strict: true,
    latencyMs: LATENCY,
    rateLimits: { timeScale: TIME_SCALE },
  });
  const target = new SlackTarget({ apiUrl: `${emu.url}/api/`, token: TOKEN, tokenEnv: 'SLACK_TOKEN', fetch: globalThis.fetch, timeScale: TIME_SCALE });
  const ref = (g: number) => ({ target: 'slack', kind: 'usergroup', resource: `@team-${g}-oncall` });

  // Plan: who is who, who holds what, the changes.
  const planStarted = performance.now();
  const wantedPeople = [...new Set(Array.from({ length: GROUPS }, (_, g) => after(g)).flat())];
  const identities = await target.readIdentities('directory', wantedPeople.map(email));
  if (!identities.ok) throw new Error(`directory: ${identities.error}`);
  const idOf = new Map(identities.pairs.map((p) => [p.email, p.login]));
  const holders = await target.readHolders(Array.from({ length: GROUPS }, (_, g) => ref(g)));
  const changes: Change[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const read = holders.get(`slack/usergroup/@team-${g}-oncall`);
    if (!read?.ok) throw new Error(`group ${g}: ${read?.ok === false ? read.error : 'not read'}`);
    const have = new Set(read.holders.map((h) => h.login));
    const want = new Set(after(g).map((i) => idOf.get(email(i))!));
    const entitlement = { ...ref(g), level: 'member' };
    for (const login of want) if (!have.has(login)) changes.push({ action: 'grant', entitlement, subject: { login }, reasons: ['bench'], profiles: [`p${g}`] });
    for (const login of have) if (!want.has(login)) changes.push({ action: 'revoke', entitlement, subject: { login }, reasons: ['bench'], profiles: [`p${g}`] });
  }
  const planMs = performance.now() - planStarted;
  const planRequests = emu.requests.length;

  // Apply.
  const applyStarted = performance.now();
  const plan = { changes } as unknown as Plan;
  const outcomes = await applyPlan(plan, new Map([['slack', target]]), 8);
  const applyMs = performance.now() - applyStarted;
  await emu.close();

  const count = (path: string, from = 0): number => emu.requests.slice(from).filter((r) => r.path === `/api/${path}`).length;
  const failed = outcomes.filter((o) => o.status !== 'applied');
  const converged = Array.from({ length: GROUPS }, (_, g) => g).every((g) => JSON.stringify(emu.members(`team-${g}-oncall`).sort()) === JSON.stringify(after(g).map(userId).sort()));
  const bound = { plan: Math.min(Math.ceil(USERS / 1000), wantedPeople.length) + 1, apply: CHANGED };
  const result = {
    world: { users: USERS, groups: GROUPS, changedGroups: CHANGED, changes: changes.length, latencyMs: LATENCY, timeScale: TIME_SCALE },
    plan: { ms: Math.round(planMs), requests: planRequests, lowerBound: bound.plan, byMethod: { 'users.list': count('users.list'), 'users.lookupByEmail': count('users.lookupByEmail'), 'usergroups.list': emu.requests.slice(0, planRequests).filter((r) => r.path === '/api/usergroups.list').length } },
    apply: {
      ms: Math.round(applyMs),
      scaledMinutes: Math.round((applyMs / (60_000 / TIME_SCALE)) * 10) / 10,
      requests: emu.requests.length - planRequests,
      lowerBound: bound.apply,
      byMethod: { 'usergroups.list': count('usergroups.list', planRequests), 'usergroups.users.update': count('usergroups.users.update', planRequests) },
    },
    refusedForRateLimits: emu.rateStats()!.refused,
    peakPerMinute: emu.rateStats()!.peakPerMinute,
    outcomes: { applied: outcomes.length - failed.length, other: failed.length },
    converged,
  };
  return { result, failed: failed.length, converged };
}
