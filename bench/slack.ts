/**
 * `npm run bench:slack`: the Slack target at scale. A workspace of 5,000 users and 400 user groups
 * (each held by the two people on call in its rotation), of which every group hands off: its two
 * people are replaced by the next two. One run as `apply` makes it, through the real target and the
 * real `applyPlan`, against the Slack emulator (in this process, on 127.0.0.1) with Slack's
 * rate-limit tiers enforced on a scaled minute:
 *
 * - plan: the people on call found in Slack's directory (800 emails: one paged `users.list`),
 *   every group's members read (`usergroups.list`);
 * - apply: each changed group read again and written once with its whole new list.
 *
 * Request counts are compared with a lower bound: ⌈users / 1000⌉ `users.list` pages (Slack's
 * largest page) or one lookup per email, whichever is fewer; one `usergroups.list`; one
 * `usergroups.users.update` per changed group. Our cost above it: 200-user pages (Slack's
 * advice), and one `usergroups.list` per changed group right before its write (the `date_update`
 * check). It also checks that no request was refused for its rate limit.
 *
 * Flags: --users N (5000), --groups N (400), --changed N (every group), --time-scale N (60: a
 * rate-limit minute lasts one second), --latency MS (20), --out FILE (bench/results/slack.json).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startSlackEmulator } from '@oncall-access/emulators/slack';
import { applyPlan } from '../src/apply/apply.js';
import type { Change, Plan } from '../src/core/plan.js';
import { SlackTarget } from '../src/targets/slack/target.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values: flags } = parseArgs({
  options: {
    users: { type: 'string', default: '5000' },
    groups: { type: 'string', default: '400' },
    changed: { type: 'string' },
    'time-scale': { type: 'string', default: '60' },
    latency: { type: 'string', default: '20' },
    out: { type: 'string' },
  },
});
const USERS = Number(flags.users);
const GROUPS = Number(flags.groups);
const CHANGED = Number(flags.changed ?? flags.groups);
const TIME_SCALE = Number(flags['time-scale']);
const LATENCY = Number(flags.latency);
const OUT = flags.out ?? join(ROOT, 'bench/results/slack.json');
const TOKEN = 'bench-slack-token';

const userId = (i: number): string => `U${String(i).padStart(9, '0')}`;
const email = (i: number): string => `person${i}@acme.example`;
/** Group g is held by people 2g and 2g+1 before the handoff; a changed group by 2g+1000 and 2g+1001 after. */
const before = (g: number): number[] => [(2 * g) % USERS, (2 * g + 1) % USERS];
const after = (g: number): number[] => (g < CHANGED ? [(2 * g + 1000) % USERS, (2 * g + 1001) % USERS] : before(g));

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
process.stdout.write(
  [
    `Slack: ${USERS} users, ${GROUPS} user groups, ${CHANGED} changed (${changes.length} changes); latency ${LATENCY} ms, a rate-limit minute lasts ${60 / TIME_SCALE} s`,
    `plan:  ${result.plan.requests} requests (lower bound ${bound.plan}): ${JSON.stringify(result.plan.byMethod)} in ${result.plan.ms} ms`,
    `apply: ${result.apply.requests} requests (lower bound ${bound.apply}): ${JSON.stringify(result.apply.byMethod)} in ${result.apply.ms} ms (${result.apply.scaledMinutes} rate-limit minutes)`,
    `refused for rate limits: ${JSON.stringify(result.refusedForRateLimits)}; peak per minute: ${JSON.stringify(result.peakPerMinute)}`,
    `outcomes: ${result.outcomes.applied} applied, ${result.outcomes.other} not; converged: ${converged}`,
    '',
  ].join('\n'),
);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
if (!converged || failed.length > 0 || Object.keys(result.refusedForRateLimits).length > 0) process.exitCode = 1;
