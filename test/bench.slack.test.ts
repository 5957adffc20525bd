/**
 * The Slack bench (bench/slack-bench.ts) on a small workspace: deterministic request counts
 * against the lower bound, never timings; no request refused for its rate limit. The large scale
 * is `npm run bench:slack`.
 */
import t from 'tap';
import { runSlackBench } from '../bench/slack-bench.js';

t.test('300 users, 30 user groups, 20 handing off: one users.list pass and one usergroups.list to plan, one read and one write per changed group to apply', async (t) => {
  const { result, failed, converged } = await runSlackBench({ users: 300, groups: 30, changed: 20, timeScale: 60, latencyMs: 0 });
  t.equal(converged, true);
  t.equal(failed, 0);
  t.same(result.refusedForRateLimits, {});
  t.same(result.plan.byMethod, { 'users.list': 2, 'users.lookupByEmail': 0, 'usergroups.list': 1 }, '60 people: the directory listed once in 200-user pages');
  t.equal(result.plan.lowerBound, 2);
  t.same(result.apply.byMethod, { 'usergroups.list': 20, 'usergroups.users.update': 20 });
  t.equal(result.apply.lowerBound, 20);
  t.equal(result.world.changes, 80);
});
