/**
 * The fault matrix's cells for the Slack target (test/fault-matrix.slack-METHOD.MODE.test.ts): each Web API
 * method the target calls in the demo's apply, under each fault Slack's API can answer with
 * (429 with `Retry-After`, 500, 502, 503, a reset connection, an answer that is not JSON),
 * transient (the first request fails) and persistent (every request fails until the fault is
 * cleared). A hang, whose cost is the client's timeout, is a cell of the adapter against the
 * emulator (short timeout) rather than of the CLI.
 *
 * Per cell, through `oncall-access apply` on the demo with Slack:
 * - transient: exit 0, the handle moved (frank and grace in, erin out), one write;
 * - persistent: exit 1 with an error naming Slack; the user group exactly as it was (a failed read
 *   or identity source freezes it; a failed write changes nothing); the GitHub teams converge;
 * - always: after the fault clears, `apply --yes` exits 0, `plan --detailed-exitcode` exits 0, and
 *   the group holds what a run without the fault leaves.
 */
import type { Test } from 'tap';
import { cli, demoWorkspace, ENV } from './demo-workspace.js';

/** The methods of the demo's apply: the holders, the identities (a few people: looked up), the write. */
export const SLACK_ENDPOINTS = ['usergroups.list', 'users.lookupByEmail', 'usergroups.users.update'] as const;
export type SlackEndpoint = (typeof SLACK_ENDPOINTS)[number];
export const SLACK_FAULTS = ['429 retry-after', '500', '502', '503', 'drop', 'malformed'] as const;
type SlackFault = (typeof SLACK_FAULTS)[number];

/** The answer (or the thrown error) of a fault. */
async function faulted(fault: SlackFault): Promise<Response> {
  switch (fault) {
    case '429 retry-after':
      return new Response(JSON.stringify({ ok: false, error: 'ratelimited' }), { status: 429, headers: { 'retry-after': '1', 'content-type': 'application/json' } });
    case 'drop':
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    case 'malformed':
      return new Response('<html>upstream error</html>', { status: 200, headers: { 'content-type': 'application/json' } });
    default:
      return new Response(`injected ${fault}`, { status: Number(fault) });
  }
}

/** Runs one cell (see the module comment). */
export async function slackCell(t: Test, endpoint: SlackEndpoint, fault: SlackFault, mode: 'transient' | 'persistent'): Promise<void> {
  const { dir, emulators } = await demoWorkspace(t, undefined, undefined, undefined, { slack: true });
  let armed = true;
  let hits = 0;
  const fetchWithFault: typeof fetch = async (input, init) => {
    if (armed && String(input).includes(`/api/${endpoint}`)) {
      hits += 1;
      if (mode === 'transient') armed = false;
      return faulted(fault);
    }
    return fetch(input, init);
  };
  const config = ['--config', 'oncall-access.yaml'];
  const before = emulators.slack.members('platform-oncall');
  const r = await cli(dir, ['apply', ...config, '--yes'], { env: ENV, fetch: fetchWithFault });
  t.ok(hits > 0, 'the fault was met');
  if (mode === 'transient') {
    t.equal(r.code, 0, `${r.out}${r.err}`);
    t.match(r.out, 'applied: grant frank (U0FRANK001) on @platform-oncall');
    t.equal(emulators.slack.requests.filter((q) => q.path === '/api/usergroups.users.update' && q.status === 200).length, 1, 'one write');
  } else {
    t.equal(r.code, 1, 'the run fails');
    t.match(`${r.out}${r.err}`, /Slack|@platform-oncall/, 'naming Slack or the group');
    if (endpoint !== 'usergroups.users.update') t.same(emulators.slack.members('platform-oncall'), before, 'the group is frozen, exactly as it was');
    else t.match(r.out, /failed: (grant|revoke) .* @platform-oncall: /, 'the write is reported failed with its group');
    t.same(emulators.slack.members('platform-oncall'), before, 'nothing written');
    t.match(r.out, 'applied: grant judy-acme on acme/checkout-deployers as member', 'GitHub converges');
  }
  armed = false;
  const again = await cli(dir, ['apply', ...config, '--yes'], { env: ENV, fetch: fetchWithFault });
  t.equal(again.code, 0, again.out);
  const plan = await cli(dir, ['plan', ...config, '--detailed-exitcode'], { env: ENV });
  t.equal(plan.code, 0, plan.out);
  t.same(emulators.slack.members('platform-oncall').sort(), ['U0FRANK001', 'U0GRACE001'], 'converged');
}

/** Every cell of one mode (of the endpoints given, default all), a few at once. */
export async function slackFaultMatrix(t: Test, mode: 'transient' | 'persistent', endpoints: readonly SlackEndpoint[] = SLACK_ENDPOINTS): Promise<void> {
  const cells = endpoints.flatMap((endpoint) => SLACK_FAULTS.map((fault) => [endpoint, fault] as const));
  const queue = [...cells];
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let cell = queue.shift(); cell !== undefined; cell = queue.shift()) {
        const [endpoint, fault] = cell;
        await t.test(`${endpoint}: ${fault}, ${mode}`, (t) => slackCell(t, endpoint, fault, mode));
      }
    }),
  );
}
