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
import { runSlackBench } from './slack-bench.js';

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

const { result, failed, converged } = await runSlackBench({ users: USERS, groups: GROUPS, changed: CHANGED, timeScale: TIME_SCALE, latencyMs: LATENCY });
process.stdout.write(
  [
    `Slack: ${USERS} users, ${GROUPS} user groups, ${CHANGED} changed (${result.world.changes} changes); latency ${LATENCY} ms, a rate-limit minute lasts ${60 / TIME_SCALE} s`,
    `plan:  ${result.plan.requests} requests (lower bound ${result.plan.lowerBound}): ${JSON.stringify(result.plan.byMethod)} in ${result.plan.ms} ms`,
    `apply: ${result.apply.requests} requests (lower bound ${result.apply.lowerBound}): ${JSON.stringify(result.apply.byMethod)} in ${result.apply.ms} ms (${result.apply.scaledMinutes} rate-limit minutes)`,
    `refused for rate limits: ${JSON.stringify(result.refusedForRateLimits)}; peak per minute: ${JSON.stringify(result.peakPerMinute)}`,
    `outcomes: ${result.outcomes.applied} applied, ${result.outcomes.other} not; converged: ${converged}`,
    '',
  ].join('\n'),
);
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(result, null, 2)}\n`);
if (!converged || failed > 0 || Object.keys(result.refusedForRateLimits).length > 0) process.exitCode = 1;
