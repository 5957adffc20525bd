import t, { type Test } from 'tap';
import type { OktaEmulator, OktaEmulatorOptions } from '@oncall-access/emulators/okta';
import type { OktaTargetConfig } from '../src/config/model.js';
import type { Holder, HoldersRead } from '../src/core/observed.js';
import { entitlementKey, type Entitlement, type EntitlementRef } from '../src/core/entitlement.js';
import { readOnlyFetch } from '../src/http/read-only.js';
import { bucketOf, nextLink, OktaClient, type OktaClientOptions } from '../src/targets/okta/client.js';
import { connectOkta, EMAILS_PER_SEARCH, OktaTarget, oktaAuth } from '../src/targets/okta/target.js';
import { activeRules, parseExpression } from '../src/targets/okta/rules.js';
import { loadSigningKey } from '../src/targets/okta/auth.js';
import { AD_GROUP_ID, OKTA_API_TOKEN, OKTA_CLIENT_ID, OKTA_KEYS, PROD_GROUP_ID, startOktaWorld } from './helpers/okta.js';
import { closedPort } from './helpers/net.js';

async function world(t: Test, extra: Partial<OktaEmulatorOptions> = {}): Promise<OktaEmulator> {
  const emu = await startOktaWorld(extra);
  t.teardown(() => emu.close());
  return emu;
}

/** A config block for the emulator: the service app unless `ssws`. */
function config(emu: { url: string }, ssws = false, over: Partial<OktaTargetConfig> = {}): OktaTargetConfig {
  const pos = { file: 'oncall-access.yaml', line: 1, col: 1 };
  const base = { name: 'okta', type: 'okta' as const, orgUrl: emu.url, pos, fieldPos: { apiUrl: pos, tokenEnv: pos } };
  return { ...base, ...(ssws ? { tokenEnv: 'OKTA_TOKEN' } : { clientId: OKTA_CLIENT_ID, privateKeyEnv: 'OKTA_KEY', keyId: 'oncall-key-1' }), ...over };
}

const ENV = { OKTA_KEY: OKTA_KEYS.privatePem };
const fast: Partial<OktaClientOptions> = { backoffMs: 1, retries: 1 };

function connect(emu: OktaEmulator, ssws = false, tuning: Partial<OktaClientOptions> = fast, fetch = globalThis.fetch) {
  return connectOkta(config(emu, ssws), { token: ssws ? OKTA_API_TOKEN : undefined, fetch, env: ENV }, tuning);
}

const group = (resource: string): EntitlementRef => ({ target: 'okta', kind: 'group', resource });
const member = (resource: string): Entitlement => ({ ...group(resource), level: 'member' });

function holders(t: Test, read: HoldersRead | undefined): Holder[] {
  if (!read?.ok) {
    t.fail(`should read: ${read ? read.error : 'missing'}`);
    return [];
  }
  return read.holders;
}

t.test('members of a group by name or by id, paged; one a group rule makes is held by that rule', async (t) => {
  const emu = await world(t, { maxPage: 1 });
  const okta = connect(emu);
  const reads = await okta.readHolders([group('prod-aws-oncall'), group(PROD_GROUP_ID), group('Staging-Oncall')]);
  const expected = [
    { login: 'bob@acme.example', role: 'member', state: 'active' },
    { login: 'erin.okta', role: 'member', state: 'active' },
    { login: 'sam@acme.example', role: 'member', state: 'active', heldBy: 'rule SRE in prod' },
  ];
  t.same(holders(t, reads.get(entitlementKey(group('prod-aws-oncall')))), expected);
  t.same(holders(t, reads.get(entitlementKey(group(PROD_GROUP_ID)))), expected);
  t.same(holders(t, reads.get(entitlementKey(group('Staging-Oncall')))), [], 'a name in another case finds the group; an empty group has no holders');
  t.equal(emu.requests.filter((r) => r.path === '/oauth2/v1/token').length, 1, 'one access token for the run');
  t.equal(emu.requests.filter((r) => r.path === '/api/v1/groups/rules').length, 1, 'rules read once');
  t.equal(emu.requests.filter((r) => r.path === `/api/v1/groups/${PROD_GROUP_ID}/users`).length, 6, 'three pages, for each of the two references');
});

t.test('an APP_GROUP, a group nobody has, and an unknown id are failed reads that say why', async (t) => {
  const emu = await world(t);
  const okta = connect(emu, true);
  const reads = await okta.readHolders([group('AD Admins'), group('nope'), group('00gnotthere000000001'), group(AD_GROUP_ID)]);
  const error = (r: string) => {
    const read = reads.get(entitlementKey(group(r)));
    return read?.ok === false ? read.error : 'read';
  };
  t.match(error('AD Admins'), /Okta group AD Admins is an APP_GROUP: its members come from its source .* manage an OKTA_GROUP instead/);
  t.match(error(AD_GROUP_ID), /is an APP_GROUP/);
  t.match(error('nope'), /no Okta group is named nope/);
  t.match(error('00gnotthere000000001'), /Okta group 00gnotthere000000001 does not exist/);
  await t.rejects(okta.readHolders([{ target: 'okta', kind: 'team', resource: 'x' }]), /no entitlements of kind "team"/);
  t.same(await okta.readHolders([]), new Map());
});

t.test("directory: people by email or login; suspended, deactivated and nobody's emails are told apart", async (t) => {
  const emu = await world(t);
  const okta = connect(emu, true);
  const read = await okta.readIdentities('directory', ['Alice@acme.example', 'erin@acme.example', 'carol@acme.example', 'dave@acme.example', 'nobody@acme.example']);
  t.same(read, {
    ok: true,
    pairs: [
      { email: 'alice@acme.example', login: 'alice@acme.example' },
      { email: 'erin@acme.example', login: 'erin.okta' },
    ],
    unusable: [
      { email: 'carol@acme.example', login: 'carol@acme.example', reason: 'suspended' },
      { email: 'dave@acme.example', login: 'dave@acme.example', reason: 'deactivated' },
    ],
  });
  const searches = emu.requests.filter((r) => r.path === '/api/v1/users').length;
  t.equal(searches, 1, 'one search for five people');
  t.same(await okta.readIdentities('directory', ['alice@acme.example']), { ok: true, pairs: [{ email: 'alice@acme.example', login: 'alice@acme.example' }] });
  t.equal(emu.requests.filter((r) => r.path === '/api/v1/users').length, searches, 'asked once per run');
  t.match(await okta.readIdentities('saml', []), { ok: false, error: /Okta resolves people through its own directory/ });
});

t.test(`directory: more than ${EMAILS_PER_SEARCH} people are looked up in batches`, async (t) => {
  const emu = await world(t);
  const okta = connect(emu, true);
  const emails = Array.from({ length: EMAILS_PER_SEARCH + 1 }, (_, i) => `someone${i}@acme.example`);
  t.same(await okta.readIdentities('directory', emails), { ok: true, pairs: [] });
  t.equal(emu.requests.filter((r) => r.path === '/api/v1/users').length, 2);
});

t.test('grant and revoke with PUT and DELETE; a rule-made membership, a suspended user and an APP_GROUP are refused', async (t) => {
  const emu = await world(t);
  const okta = connect(emu);
  await okta.grant(member('prod-aws-oncall'), 'alice@acme.example');
  await okta.revoke(group('prod-aws-oncall'), 'bob@acme.example');
  t.same(emu.members(PROD_GROUP_ID), ['00uerin000000000005', '00ualice00000000001', '00usre0000000000006']);
  await t.rejects(okta.revoke(group('prod-aws-oncall'), 'sam@acme.example'), /cannot remove sam@acme.example from Okta group prod-aws-oncall: .*managed by the group rule SRE in prod/);
  await t.rejects(okta.grant(member('prod-aws-oncall'), 'carol@acme.example'), /Okta user carol@acme.example is suspended, so it is never granted/);
  await t.rejects(okta.grant(member('AD Admins'), 'alice@acme.example'), /is an APP_GROUP/);
  await t.rejects(okta.grant(member('prod-aws-oncall'), 'nobody@acme.example'), /Okta has no user nobody@acme.example/);
  t.same(emu.members(PROD_GROUP_ID), ['00uerin000000000005', '00ualice00000000001', '00usre0000000000006'], 'nothing else changed');
});

t.test('a read-only run gets its token (a POST that changes nothing) and reads, but cannot write', async (t) => {
  const emu = await world(t);
  const okta = connect(emu, false, fast, readOnlyFetch(globalThis.fetch));
  t.ok((await okta.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall')))?.ok);
  await t.rejects(okta.grant(member('prod-aws-oncall'), 'alice@acme.example'), /read-only run refused PUT \/api\/v1\/groups\//);
  t.equal(emu.requests.filter((r) => r.method === 'PUT').length, 0);
});

t.test('service app: a key that is missing, not a key, or not granted the scopes fails every read, saying what to fix', async (t) => {
  const emu = await world(t);
  emu.acceptUnexpected();
  const failure = async (env: NodeJS.ProcessEnv, over: Partial<OktaTargetConfig> = {}) => {
    const okta = connectOkta(config(emu, false, over), { fetch: globalThis.fetch, env }, fast);
    const read = (await okta.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall')));
    return read?.ok === false ? read : undefined;
  };
  t.match(await failure({}), { error: /OKTA_KEY \(the privateKeyEnv of target "okta"\) is not set/, fault: 'token' });
  t.match(await failure({ OKTA_KEY: 'not a key' }), { error: /OKTA_KEY does not hold a private key as PEM or JWK/, fault: 'token' });
  const granted = await failure(ENV, { scopes: ['okta.groups.manage', 'okta.users.read', 'okta.groups.read'] });
  t.match(granted, { error: /Okta refused a token to the service app 0oaoncallaccess00001 \(HTTP 400, invalid_scope: The following scopes are not allowed: okta.groups.read\)/, fault: 'token' });
  t.notOk(JSON.stringify(granted).includes('PRIVATE KEY'), 'the key is never in a message');
  const okta = connectOkta(config(emu, false), { fetch: globalThis.fetch, env: ENV }, fast);
  await t.rejects(okta.grant(member('prod-aws-oncall'), 'alice@acme.example').then(() => connectOkta(config(emu, false), { fetch: globalThis.fetch, env: {} }).grant(member('x'), 'y')), /is not set/);
  t.match(await connectOkta(config(emu, false), { fetch: globalThis.fetch, env: {} }).readIdentities('directory', ['a@b.example']), { ok: false });
  await t.rejects(connectOkta(config(emu, false), { fetch: globalThis.fetch, env: {} }).revoke(group('x'), 'y'), /is not set/);
});

t.test('an API token Okta refuses is a token fault naming its variable; a token without a scope a 403 naming the scope', async (t) => {
  const emu = await world(t);
  emu.acceptUnexpected();
  const wrong = connectOkta(config(emu, true), { token: 'wrong-token-value-000', fetch: globalThis.fetch, env: {} }, fast);
  const read = (await wrong.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall')));
  t.match(read, { ok: false, fault: 'token', error: /Okta refused the API token in OKTA_TOKEN \(HTTP 401, Invalid token provided \(E0000011\)\)/ });
  const limited = await world(t, { serviceApp: { clientId: OKTA_CLIENT_ID, publicKey: OKTA_KEYS.publicPem, scopes: ['okta.groups.manage'] } });
  limited.acceptUnexpected();
  const okta = connectOkta(config(limited, false, { scopes: ['okta.groups.manage'] }), { fetch: globalThis.fetch, env: ENV }, fast);
  t.match(await okta.readIdentities('directory', ['alice@acme.example']), { ok: false, fault: 'token', error: /needs the scope okta.users.read/ });
});

t.test('credentials and org URL are checked before anything is sent', async (t) => {
  const c = config({ url: 'http://okta.example.com' }, true);
  t.match(oktaAuth(c, OKTA_API_TOKEN, {}), { ok: false, fault: 'endpoint', error: /is not https/ });
  t.match(oktaAuth(config({ url: 'https://acme.okta.com' }, true, { tokenEnv: undefined }), undefined, {}), { ok: false, error: /has no credentials/ });
  t.match(oktaAuth(config({ url: 'https://acme.okta.com' }, true), OKTA_API_TOKEN, {}), { kind: 'ssws', env: 'OKTA_TOKEN' });
  const { generateKeyPairSync } = await import('node:crypto');
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  t.match(loadSigningKey(JSON.stringify({ ...ec, kid: 'jwk-kid' }), 'K'), { alg: 'ES256', kid: 'jwk-kid' });
  t.match(loadSigningKey(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'K'), { problem: /K holds a ed25519 key; Okta service apps sign with an RSA or EC P-256 private key/ });
});

t.test('an EC key as a JWK signs assertions Okta accepts', async (t) => {
  const { generateKeyPairSync } = await import('node:crypto');
  const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const emu = await world(t, { serviceApp: { clientId: OKTA_CLIENT_ID, publicKey: pair.publicKey.export({ format: 'jwk' }), scopes: ['okta.groups.manage', 'okta.users.read'] } });
  const okta = connectOkta(config(emu, false, { keyId: undefined }), { fetch: globalThis.fetch, env: { OKTA_KEY: JSON.stringify(pair.privateKey.export({ format: 'jwk' })) } }, fast);
  t.ok((await okta.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall')))?.ok);
});

// --- rate limits ------------------------------------------------------------------------------

t.test('an endpoint whose limit is used up waits for the reset instead of being refused', async (t) => {
  const emu = await world(t, { maxPage: 1, rateLimits: { perEndpoint: { 'GET /api/v1/groups/{groupId}/users': 2 }, windowMs: 500 } });
  const okta = connect(emu, true);
  t.equal(holders(t, (await okta.readHolders([group(PROD_GROUP_ID)])).get(entitlementKey(group(PROD_GROUP_ID)))).length, 3);
  t.same(emu.refused, { rate: 0, concurrency: 0 }, 'no request refused');
});

t.test('a 429 waits until the reset it names, then retries; beyond the longest wait it fails', async (t) => {
  const emu = await world(t);
  const waits: number[] = [];
  const now = Date.now();
  const okta = connect(emu, true, { ...fast, now: () => now, sleep: async (ms) => void waits.push(ms), maxRateLimitWaitMs: 10_000 });
  const limited = { status: 429, body: { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' } };
  emu.failNext({ pathPrefix: '/api/v1/groups/rules' }, { ...limited, headers: { 'x-rate-limit-reset': String(Math.ceil(now / 1000) + 3) } });
  t.ok((await okta.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall')))?.ok);
  t.ok(waits[0]! > 3000 && waits[0]! <= 4000, `waited ${waits[0]} ms for the reset`);
  const other = connect(emu, true, { ...fast, now: () => now, sleep: async () => {}, maxRateLimitWaitMs: 1000 });
  emu.failNext({ pathPrefix: '/api/v1/groups/rules' }, { ...limited, headers: { 'x-rate-limit-reset': String(Math.ceil(now / 1000) + 120) } });
  t.match((await other.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall'))), { ok: false, error: /rate limited by Okta on GET \/api\/v1\/groups\/rules, asked to wait 1\d\d s/ });
});

t.test('reads stay within the concurrency limit: no request refused', async (t) => {
  const groups = Array.from({ length: 12 }, (_, i) => ({ id: `00gmany${String(i).padStart(13, '0')}`, name: `many-${i}` }));
  const emu = await world(t, { groups: [...groups], rules: [], latencyMs: 15, rateLimits: { concurrent: 3 } });
  const okta = connect(emu, true, { ...fast, concurrency: 3 });
  const reads = await okta.readHolders(groups.map((g) => group(g.name)));
  t.ok([...reads.values()].every((r) => r.ok));
  t.same(emu.refused, { rate: 0, concurrency: 0 });
  t.ok(emu.peakInFlight <= 3);
});

// --- faults -----------------------------------------------------------------------------------

t.test('a 5xx is retried; a host nobody listens on is an endpoint fault naming orgUrl', async (t) => {
  const emu = await world(t);
  emu.failNext({ pathPrefix: '/api/v1/groups' }, { status: 503, body: { errorCode: 'E0000009', errorSummary: 'Internal Server Error' } });
  const okta = connect(emu, true);
  t.ok((await okta.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall')))?.ok);
  emu.failNext({ pathPrefix: '/api/v1/groups' }, { status: 500, body: { errorCode: 'E0000009', errorSummary: 'Internal Server Error' } }, 3);
  const again = connect(emu, true);
  t.match((await again.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall'))), { ok: false, error: /HTTP 500: Internal Server Error \(E0000009\)/ });
  const closed = await closedPort();
  const nowhere = connectOkta(config({ url: closed }, true), { token: OKTA_API_TOKEN, fetch: globalThis.fetch, env: {} }, fast);
  t.match((await nowhere.readHolders([group('x')])).get(entitlementKey(group('x'))), { ok: false, fault: 'endpoint', error: /cannot connect to http:\/\/127.0.0.1:\d+ \(ECONNREFUSED\): check orgUrl/ });
  const app = connectOkta(config({ url: closed }), { fetch: globalThis.fetch, env: ENV }, fast);
  t.match((await app.readHolders([group('x')])).get(entitlementKey(group('x'))), { ok: false, fault: 'endpoint' });
});

t.test('hostile answers: a next link to another host is not followed; malformed JSON and a non-list are failures', async (t) => {
  const emu = await world(t);
  const okta = connect(emu, true, { ...fast, retries: 0 });
  emu.failNext({ pathPrefix: '/api/v1/groups/rules' }, { status: 200, body: [], headers: { link: '<https://evil.example/api/v1/groups/rules?after=x>; rel="next"' } });
  t.match((await okta.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall'))), { ok: false, error: /next page link points away from http:\/\/127\.0\.0\.1/ });
  const second = connect(emu, true, { ...fast, retries: 0 });
  emu.failNext({ pathPrefix: '/api/v1/groups/rules' }, { status: 200, raw: '[{' });
  t.match((await second.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall'))), { ok: false, error: /malformed JSON/ });
  const third = connect(emu, true, { ...fast, retries: 0 });
  emu.failNext({ pathPrefix: '/api/v1/groups/rules' }, { status: 200, body: { not: 'a list' } });
  t.match((await third.readHolders([group('prod-aws-oncall')])).get(entitlementKey(group('prod-aws-oncall'))), { ok: false, error: /something other than a list/ });
});

// --- pure parts -------------------------------------------------------------------------------

t.test('rule expressions: the subset is evaluated; anything else holds every member', async (t) => {
  t.same(parseExpression('user.department=="SRE" AND user.title=="Lead" OR user.team == "ops"'), [
    [
      ['department', 'SRE'],
      ['title', 'Lead'],
    ],
    [['team', 'ops']],
  ]);
  t.equal(parseExpression('isMemberOfAnyGroup("00g1")'), undefined);
  const [subset, opaque] = activeRules([
    { id: 'a', name: 'A', status: 'ACTIVE', conditions: { expression: { value: 'user.department=="SRE"' }, people: { users: { exclude: ['u2'] } } }, actions: { assignUserToGroups: { groupIds: ['g'] } } },
    { id: 'b', name: 'B', status: 'ACTIVE', conditions: { expression: { value: 'String.stringContains(user.title, "SRE")' } } },
    { id: 'c', name: 'C', status: 'INACTIVE' },
  ]);
  t.ok(subset!.assigns('u1', { department: 'SRE' }));
  t.notOk(subset!.assigns('u2', { department: 'SRE' }), 'an excluded user');
  t.notOk(subset!.assigns('u1', { department: 'Ops' }));
  t.ok(opaque!.assigns('u1', {}), 'an expression outside the subset holds everyone');
  t.same(opaque!.groupIds, []);
});

t.test('buckets are per endpoint; Link headers give their next URL', async (t) => {
  t.equal(bucketOf('GET', `/api/v1/groups/${PROD_GROUP_ID}/users`), 'GET /api/v1/groups/{groupId}/users');
  t.equal(bucketOf('GET', '/api/v1/groups/rules'), 'GET /api/v1/groups/rules');
  t.equal(bucketOf('PUT', '/api/v1/groups/g/users/u'), 'PUT /api/v1/groups/{groupId}/users/{userId}');
  t.equal(bucketOf('GET', '/api/v1/users/alice%40acme.example'), 'GET /api/v1/users/{id}');
  t.equal(nextLink('<https://a/x?after=1>; rel="self", <https://a/x?after=2>; rel="next"'), 'https://a/x?after=2');
  t.equal(nextLink('<https://a/x>; rel="self"'), undefined);
  t.equal(nextLink(null), undefined);
  const client = new OktaClient({ orgUrl: 'https://acme.okta.com', auth: { kind: 'ssws', token: OKTA_API_TOKEN, env: 'T' }, fetch: async () => new Response(null, { status: 204 }) });
  t.match(await client.request('DELETE', '/api/v1/groups/g/users/u'), { ok: true, status: 204, body: undefined });
  t.ok(new OktaTarget(client));
});

t.test('service app: a token about to expire is renewed before use, and one Okta refuses is renewed once', async (t) => {
  let oktaNow = Date.now();
  const emu = await world(t, { now: () => oktaNow, tokenTtlSeconds: 120 });
  let clientNow = Date.now();
  const okta = connect(emu, false, { ...fast, now: () => clientNow });
  let asked = 0;
  const read = async () => (await okta.readIdentities('directory', [`someone${asked++}@acme.example`])).ok;
  t.ok(await read());
  clientNow += 61_000; // past the client's margin (a minute early): a new token before the next request
  t.ok(await read());
  t.equal(emu.tokensIssued, 2);
  oktaNow += 3 * 60_000; // Okta has expired it (its assertion, five minutes long, still holds); the client still thinks it good: a 401, then one renewal
  t.ok(await read());
  t.equal(emu.tokensIssued, 3);
  t.equal(emu.requests.filter((r) => r.status === 401).length, 1);
  emu.acceptUnexpected();
});
