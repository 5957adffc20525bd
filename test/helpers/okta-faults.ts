/**
 * The fault matrix's cells for the Okta target (test/fault-matrix.okta.*.test.ts run them, one file per mode), at the adapter: every endpoint the target uses,
 * under every fault Okta can answer with (a 429 with Okta's `X-Rate-Limit-Reset`, 500, 502, 503,
 * a hang past the client's timeout, a reset connection, malformed JSON), transient (the emulator
 * fails the request once: the client survives it with bounded retries) and persistent (every
 * attempt fails: the read is a failure saying why, never "no holders"; a write rejects, naming
 * the person and the group, and changes nothing). Sleeps are recorded, not slept: a 429 is
 * checked to wait for the reset it names. The engine-level matrix (test/helpers/fault-matrix.ts)
 * covers GitHub and the sources; an Okta failure freezes its group through the same core path
 * (test/targets.okta.cli.test.ts shows an APP_GROUP's failed read at plan time).
 */
import type { Test } from 'tap';
import type { FaultResponse, OktaEmulator } from '@oncall-access/emulators/okta';
import type { OktaTargetConfig } from '../../src/config/model.js';
import { entitlementKey, type EntitlementRef } from '../../src/core/entitlement.js';
import type { Target } from '../../src/targets/target.js';
import { connectOkta } from '../../src/targets/okta/target.js';
import { OKTA_CLIENT_ID, OKTA_KEYS, PROD_GROUP_ID, startOktaWorld } from './okta.js';

const FAULTS = ['429 x-rate-limit-reset', '500', '502', '503', 'hang', 'drop', 'malformed'] as const;
type Fault = (typeof FAULTS)[number];
/** The client's per-attempt timeout for a hang, and how long the emulator hangs (ten times more). */
const TIMEOUT_MS = 300;
const HANG_MS = 3000;

function response(fault: Fault): FaultResponse {
  const body = { errorCode: 'E0000009', errorSummary: `injected fault: ${fault}`, errorLink: 'E0000009', errorId: 'oaeinjected', errorCauses: [] };
  switch (fault) {
    case '429 x-rate-limit-reset':
      return { status: 429, body: { ...body, errorCode: 'E0000047' }, headers: { 'x-rate-limit-limit': '600', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + 2) } };
    case 'hang':
      return { status: 504, body, delayMs: HANG_MS };
    case 'drop':
      return { status: 500, drop: true };
    case 'malformed':
      return { status: 200, raw: '[{"oops' };
    default:
      return { status: Number(fault), body };
  }
}

const group: EntitlementRef = { target: 'okta', kind: 'group', resource: 'prod-aws-oncall' };

/** One endpoint: which requests a fault hits, and what the target does that sends them. */
interface Endpoint {
  name: string;
  method: string;
  pathPrefix: string;
  /** Runs the operation; resolves to what happened, in words. */
  run: (okta: Target) => Promise<{ ok: true } | { ok: false; error: string }>;
  /** After a failed write: the group is as it was. */
  write?: true;
}

const readGroup = async (okta: Target) => {
  const read = (await okta.readHolders([group])).get(entitlementKey(group));
  if (read?.ok) return read.holders.some((h) => h.login === 'bob@acme.example') ? { ok: true as const } : { ok: false as const, error: 'bob missing from the holders' };
  return { ok: false as const, error: read?.error ?? 'not read' };
};
const outcome = (p: Promise<void>) => p.then(() => ({ ok: true as const }), (e: Error) => ({ ok: false as const, error: e.message }));

const ENDPOINTS: Endpoint[] = [
  { name: 'POST /oauth2/v1/token', method: 'POST', pathPrefix: '/oauth2/v1/token', run: readGroup },
  { name: 'GET /api/v1/groups/rules', method: 'GET', pathPrefix: '/api/v1/groups/rules', run: readGroup },
  { name: 'GET /api/v1/groups?search', method: 'GET', pathPrefix: '/api/v1/groups', run: readGroup },
  { name: 'GET /api/v1/groups/{id}/users', method: 'GET', pathPrefix: `/api/v1/groups/${PROD_GROUP_ID}/users`, run: readGroup },
  {
    name: 'GET /api/v1/users?search',
    method: 'GET',
    pathPrefix: '/api/v1/users',
    run: async (okta) => {
      const read = await okta.readIdentities('directory', ['alice@acme.example']);
      return read.ok ? (read.pairs.length === 1 ? { ok: true } : { ok: false, error: 'alice not found' }) : read;
    },
  },
  { name: 'GET /api/v1/users/{login} (before a write)', method: 'GET', pathPrefix: '/api/v1/users/alice', run: (okta) => outcome(okta.grant({ ...group, level: 'member' }, 'alice@acme.example')), write: true },
  { name: 'PUT /api/v1/groups/{id}/users/{userId}', method: 'PUT', pathPrefix: `/api/v1/groups/${PROD_GROUP_ID}/users/`, run: (okta) => outcome(okta.grant({ ...group, level: 'member' }, 'alice@acme.example')), write: true },
  { name: 'DELETE /api/v1/groups/{id}/users/{userId}', method: 'DELETE', pathPrefix: `/api/v1/groups/${PROD_GROUP_ID}/users/`, run: (okta) => outcome(okta.revoke(group, 'bob@acme.example')), write: true },
];

function config(url: string): OktaTargetConfig {
  const pos = { file: 'oncall-access.yaml', line: 1, col: 1 };
  return { name: 'okta', type: 'okta', orgUrl: url, clientId: OKTA_CLIENT_ID, privateKeyEnv: 'OKTA_KEY', keyId: 'oncall-key-1', pos, fieldPos: { apiUrl: pos, tokenEnv: pos } };
}

async function cell(t: Test, endpoint: Endpoint, fault: Fault, mode: 'transient' | 'persistent'): Promise<void> {
  const emu: OktaEmulator = await startOktaWorld();
  t.teardown(() => emu.close());
  const sleeps: number[] = [];
  const okta = connectOkta(config(emu.url), { fetch: globalThis.fetch, env: { OKTA_KEY: OKTA_KEYS.privatePem } }, { retries: 2, backoffMs: 1, timeoutMs: fault === 'hang' ? TIMEOUT_MS : 30_000, sleep: async (ms) => void sleeps.push(ms) });
  const before = emu.members(PROD_GROUP_ID);
  emu.failNext({ method: endpoint.method, pathPrefix: endpoint.pathPrefix }, response(fault), mode === 'transient' ? 1 : 20);
  let result: { ok: true } | { ok: false; error: string };
  try {
    result = await endpoint.run(okta);
  } catch (e) {
    t.fail(`crashed: ${(e as Error).message}`);
    return;
  }
  // A hang is logged only once the emulator answers, after the cell has moved on.
  if (fault !== 'hang') t.ok(emu.requests.some((r) => r.method === endpoint.method && r.path.startsWith(endpoint.pathPrefix) && r.status === response(fault).status), 'the fault was injected');
  if (mode === 'transient') {
    t.same(result, { ok: true }, 'survived with a retry');
    if (fault.startsWith('429')) t.ok(sleeps.some((ms) => ms >= 1000 && ms <= 3000), `waited for the reset it named (${sleeps.join(', ')} ms)`);
    if (endpoint.write) t.not(emu.members(PROD_GROUP_ID).join(), before.join(), 'the write was made');
  } else {
    t.equal(result.ok, false, 'a failure, never "no holders" or a silent success');
    if (!result.ok) {
      t.notMatch(result.error, /PRIVATE KEY|Bearer |SSWS /, 'no credential in the error');
      if (endpoint.write) t.match(result.error, /alice@acme\.example|bob@acme\.example/, 'names the person');
    }
    if (endpoint.write) t.same(emu.members(PROD_GROUP_ID), before, 'the group is as it was');
  }
  t.same(emu.unexpected, [], 'the emulator saw nothing it could not serve');
}

/** Every endpoint's cells in `mode`, as subtests of `t`: one per endpoint, its faults at once. */
export async function oktaCells(t: Test, mode: 'transient' | 'persistent'): Promise<void> {
  for (const endpoint of ENDPOINTS) {
    await t.test(`${endpoint.name} (${mode})`, async (t) => {
      // Each fault's cell has its own emulator.
      await Promise.all(FAULTS.map((fault) => t.test(fault, (t) => cell(t, endpoint, fault, mode))));
    });
  }
}
