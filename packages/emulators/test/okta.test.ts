import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import t, { type Test } from 'tap';
import { parse } from 'yaml';
import { OKTA_OPERATIONS, startOktaEmulator, type OktaEmulator, type OktaEmulatorOptions } from '@oncall-access/emulators/okta';

/** A recognisable fake API token, built at run time. */
const API_TOKEN = ['00', 'oktaFAKEapiTOKENforTESTS'].join('');
const CLIENT_ID = '0oafakeserviceapp0001';
const NOW = Date.parse('2026-03-02T12:00:00Z');

const USERS: OktaEmulatorOptions['users'] = [
  { id: '00ualice0000000001', login: 'alice@acme.example', profile: { department: 'SRE' } },
  { id: '00ubob00000000002', login: 'bob@acme.example' },
  { id: '00ucarol000000003', login: 'carol@acme.example', status: 'SUSPENDED' },
  { id: '00udave0000000004', login: 'dave@acme.example', status: 'DEPROVISIONED', profile: { department: 'SRE' } },
  { id: '00uerin0000000005', login: 'erin@acme.example', email: 'erin.example@acme.example' },
];
const [ALICE, BOB, CAROL, DAVE, ERIN] = USERS.map((u) => u.id) as [string, string, string, string, string];
const PROD = '00gprodawsoncall01';
const AD = '00gadsyncedgroup01';
const GROUPS: OktaEmulatorOptions['groups'] = [
  { id: PROD, name: 'prod-aws-oncall', description: 'AWS production', members: [BOB, ERIN] },
  { id: '00gprodgcponcall01', name: 'prod-gcp-oncall' },
  { id: AD, name: 'AD Admins', type: 'APP_GROUP', members: [BOB] },
  { id: '00geveryone0000001', name: 'Everyone', type: 'BUILT_IN' },
];
const RULES: OktaEmulatorOptions['rules'] = [
  { id: '0prsreprod00000001', name: 'SRE in prod', expression: 'user.department=="SRE"', groupIds: [PROD] },
  { id: '0prinactive0000001', name: 'Old rule', status: 'INACTIVE', expression: 'user.department=="Ops" OR user.title=="x" AND user.a=="b"', groupIds: [PROD] },
];

async function start(t: Test, extra: Partial<OktaEmulatorOptions> = {}): Promise<OktaEmulator> {
  const emu = await startOktaEmulator({ users: USERS, groups: GROUPS, rules: RULES, apiToken: API_TOKEN, now: () => NOW, strict: true, ...extra });
  t.teardown(() => emu.close());
  return emu;
}

interface Answer {
  status: number;
  headers: Headers;
  body: any; // JSON of any shape, asserted field by field
}

async function call(emu: OktaEmulator, method: string, path: string, authorization: string | null = `SSWS ${API_TOKEN}`): Promise<Answer> {
  const res = await fetch(`${emu.url}${path}`, { method, headers: authorization === null ? {} : { authorization, accept: 'application/json' } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
}

const get = (emu: OktaEmulator, path: string, authorization?: string | null) => call(emu, 'GET', path, authorization);

/** The `rel="next"` URL of a Link header, if any. */
const nextLink = (headers: Headers) => /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1];

t.test('groups: q is a name prefix, limit pages with an after cursor in Link rel="next"', async (t) => {
  const emu = await start(t);
  const first = await get(emu, '/api/v1/groups?q=prod&limit=1');
  t.equal(first.status, 200);
  t.same(first.body.map((g: any) => g.profile.name), ['prod-aws-oncall']);
  t.match(first.body[0], { id: PROD, type: 'OKTA_GROUP', objectClass: ['okta:user_group'], profile: { description: 'AWS production' } });
  const next = nextLink(first.headers);
  t.equal(next, `${emu.url}/api/v1/groups?q=prod&limit=1&after=${PROD}`);
  const second = await get(emu, (next as string).slice(emu.url.length));
  t.same(second.body.map((g: any) => g.profile.name), ['prod-gcp-oncall']);
  t.equal(nextLink(second.headers), undefined, 'the last page has no next link');
  t.match(second.headers.get('link'), /rel="self"/);
});

t.test('groups: search and filter in the served subset; another expression is 400 E0000031', async (t) => {
  const emu = await start(t);
  const byName = await get(emu, `/api/v1/groups?search=${encodeURIComponent('profile.name eq "AD Admins" or id eq "00gprodawsoncall01"')}`);
  t.same(byName.body.map((g: any) => g.id), [PROD, AD]);
  t.match(byName.body[1], { type: 'APP_GROUP', _links: { source: { href: /\/api\/v1\/apps\// } } });
  const okta = await get(emu, `/api/v1/groups?filter=${encodeURIComponent('type eq "OKTA_GROUP"')}&search=${encodeURIComponent('profile.name sw "prod-g"')}`);
  t.same(okta.body.map((g: any) => g.profile.name), ['prod-gcp-oncall']);
  emu.acceptUnexpected();
  const bad = await get(emu, `/api/v1/groups?search=${encodeURIComponent('(type eq "X")')}`);
  t.equal(bad.status, 400);
  t.match(bad.body, { errorCode: 'E0000031', errorSummary: 'Invalid search criteria.', errorLink: 'E0000031', errorId: /^oae/, errorCauses: [] });
  const limit = await get(emu, '/api/v1/groups?limit=0');
  t.match(limit.body, { errorCode: 'E0000001', errorCauses: [{ errorSummary: 'limit: Invalid value 0' }] });
});

t.test('one group by id; an unknown id is 404 E0000007', async (t) => {
  const emu = await start(t);
  t.match((await get(emu, `/api/v1/groups/${PROD}`)).body, { id: PROD, profile: { name: 'prod-aws-oncall' }, _links: { users: { href: `${emu.url}/api/v1/groups/${PROD}/users` } } });
  const missing = await get(emu, '/api/v1/groups/00gnothere');
  t.equal(missing.status, 404);
  t.match(missing.body, { errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: 00gnothere (UserGroup)' });
});

t.test('members: direct then rule-made (an inactive rule and a non-matching profile add nobody), paged', async (t) => {
  const emu = await start(t);
  t.same(emu.members(PROD), [BOB, ERIN, ALICE, DAVE], 'dave matches the rule though deprovisioned, as Okta leaves him');
  const ids: string[] = [];
  let path: string | undefined = `/api/v1/groups/${PROD}/users?limit=3`;
  let pages = 0;
  while (path !== undefined) {
    const answer = await get(emu, path);
    ids.push(...answer.body.map((u: any) => u.id));
    const next = nextLink(answer.headers);
    path = next?.slice(emu.url.length);
    pages += 1;
  }
  t.same(ids, [BOB, ERIN, ALICE, DAVE]);
  t.equal(pages, 2);
  t.equal((await get(emu, '/api/v1/groups/00gnothere/users')).status, 404);
});

t.test('assign and unassign: 204 on an OKTA_GROUP, idempotent; APP_GROUP and BUILT_IN are 403 E0000006', async (t) => {
  const emu = await start(t);
  t.equal((await call(emu, 'PUT', `/api/v1/groups/${PROD}/users/${CAROL}`)).status, 204);
  t.equal((await call(emu, 'PUT', `/api/v1/groups/${PROD}/users/${CAROL}`)).status, 204, 'assigning a member again changes nothing');
  t.ok(emu.members(PROD).includes(CAROL));
  t.equal((await call(emu, 'DELETE', `/api/v1/groups/${PROD}/users/${CAROL}`)).status, 204);
  t.equal((await call(emu, 'DELETE', `/api/v1/groups/${PROD}/users/${CAROL}`)).status, 204, 'removing a non-member changes nothing');
  t.notOk(emu.members(PROD).includes(CAROL));
  for (const group of [AD, '00geveryone0000001']) {
    const refused = await call(emu, 'PUT', `/api/v1/groups/${group}/users/${ALICE}`);
    t.equal(refused.status, 403);
    t.match(refused.body, { errorCode: 'E0000006', errorCauses: [{ errorSummary: /cannot be changed through the API/ }] });
  }
  t.equal((await call(emu, 'DELETE', `/api/v1/groups/${AD}/users/${BOB}`)).status, 403);
  t.same(emu.members(AD), [BOB]);
  t.match((await call(emu, 'PUT', `/api/v1/groups/${PROD}/users/00unobody`)).body, { errorCode: 'E0000007', errorSummary: /00unobody \(User\)/ });
});

t.test('a membership a group rule makes cannot be removed; a direct one that a rule also makes can, and the rule keeps it', async (t) => {
  const emu = await start(t);
  const refused = await call(emu, 'DELETE', `/api/v1/groups/${PROD}/users/${ALICE}`);
  t.equal(refused.status, 403);
  t.match(refused.body, { errorCode: 'E0000006', errorCauses: [{ errorSummary: 'The membership is managed by the group rule SRE in prod (0prsreprod00000001).' }] });
  t.ok(emu.members(PROD).includes(ALICE));
  emu.assign(PROD, ALICE);
  t.equal((await call(emu, 'DELETE', `/api/v1/groups/${PROD}/users/${ALICE}`)).status, 204);
  t.ok(emu.members(PROD).includes(ALICE), 'still a member by the rule');
});

t.test('users: by id or login (any case), with their status; 404 E0000007 for nobody', async (t) => {
  const emu = await start(t);
  t.match((await get(emu, `/api/v1/users/${CAROL}`)).body, { id: CAROL, status: 'SUSPENDED', profile: { login: 'carol@acme.example', email: 'carol@acme.example' } });
  t.match((await get(emu, `/api/v1/users/${encodeURIComponent('Erin@ACME.example')}`)).body, { id: ERIN, status: 'ACTIVE', profile: { email: 'erin.example@acme.example' } });
  t.match((await get(emu, `/api/v1/users/${DAVE}`)).body, { status: 'DEPROVISIONED' });
  const missing = await get(emu, '/api/v1/users/nobody%40acme.example');
  t.equal(missing.status, 404);
  t.match(missing.body, { errorCode: 'E0000007', errorSummary: 'Not found: Resource not found: nobody@acme.example (User)' });
  emu.setStatus(CAROL, 'ACTIVE');
  t.match((await get(emu, `/api/v1/users/${CAROL}`)).body, { status: 'ACTIVE' });
});

t.test('users: a search finds several at once, deprovisioned included; a plain list leaves them out', async (t) => {
  const emu = await start(t);
  const search = encodeURIComponent('profile.login eq "alice@acme.example" or profile.email eq "erin.example@acme.example" or profile.login eq "dave@acme.example"');
  t.same((await get(emu, `/api/v1/users?search=${search}`)).body.map((u: any) => u.id), [ALICE, DAVE, ERIN]);
  t.same((await get(emu, '/api/v1/users?limit=200')).body.map((u: any) => u.id), [ALICE, BOB, CAROL, ERIN]);
  t.same((await get(emu, `/api/v1/users?q=car&filter=${encodeURIComponent('status eq "SUSPENDED"')}`)).body.map((u: any) => u.id), [CAROL]);
});

t.test('group rules: expression, target groups, exclusions; expand names the groups', async (t) => {
  const emu = await start(t);
  const { body } = await get(emu, '/api/v1/groups/rules?limit=200&expand=groupIdToGroupNameMap');
  t.equal(body.length, 2);
  t.match(body[0], {
    type: 'group_rule',
    id: '0prsreprod00000001',
    status: 'ACTIVE',
    name: 'SRE in prod',
    conditions: { expression: { value: 'user.department=="SRE"', type: 'urn:okta:expression:1.0' }, people: { users: { exclude: [] } } },
    actions: { assignUserToGroups: { groupIds: [PROD] } },
    _embedded: { groupIdToGroupNameMap: { [PROD]: 'prod-aws-oncall' } },
  });
  t.same((await get(emu, '/api/v1/groups/rules?search=old')).body.map((r: any) => r.status), ['INACTIVE']);
  emu.acceptUnexpected();
  t.equal((await get(emu, '/api/v1/groups/rules?expand=other')).status, 400);
});

t.test('credentials: none, a wrong API token or an unknown access token are 401 E0000011', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  for (const authorization of [null, 'SSWS wrong', 'Bearer unknown', 'Basic abc']) {
    const answer = await get(emu, '/api/v1/groups', authorization);
    t.equal(answer.status, 401, String(authorization));
    t.match(answer.body, { errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
  }
  t.same(
    emu.unexpected.map((u) => u.reason),
    ['no credentials', 'wrong API token', 'unknown access token', 'no credentials'],
  );
});

// --- OAuth 2.0 service app --------------------------------------------------------------------

interface Keys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A `private_key_jwt` client assertion signed with `key`. */
function assertion(emu: OktaEmulator, key: KeyObject, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  const alg = key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256';
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const seconds = Math.floor(NOW / 1000);
  const body = `${b64({ alg, kid: 'key-1', ...header })}.${b64({ iss: CLIENT_ID, sub: CLIENT_ID, aud: `${emu.url}/oauth2/v1/token`, iat: seconds, exp: seconds + 300, jti: randomUUID(), ...claims })}`;
  const signature = sign('sha256', Buffer.from(body), alg === 'ES256' ? { key, dsaEncoding: 'ieee-p1363' } : key);
  return `${body}.${signature.toString('base64url')}`;
}

async function token(emu: OktaEmulator, form: Record<string, string>): Promise<Answer> {
  const res = await fetch(`${emu.url}/oauth2/v1/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: new URLSearchParams(form).toString() });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const grant = (jwt: string, scope = 'okta.groups.manage okta.users.read') => ({ grant_type: 'client_credentials', scope, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: jwt });

async function withApp(t: Test, keys: Keys, extra: Partial<OktaEmulatorOptions> = {}): Promise<OktaEmulator> {
  return start(t, { serviceApp: { clientId: CLIENT_ID, publicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }) as string, keyId: 'key-1', scopes: ['okta.groups.manage', 'okta.users.read'] }, ...extra });
}

t.test('service app: a signed client assertion buys a Bearer token with the scopes asked for, which the routes check', async (t) => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const emu = await withApp(t, keys);
  const answer = await token(emu, grant(assertion(emu, keys.privateKey), 'okta.groups.manage'));
  t.equal(answer.status, 200);
  t.match(answer.body, { token_type: 'Bearer', expires_in: 3600, access_token: /^[\w-]{40,}$/, scope: 'okta.groups.manage' });
  t.match(answer.headers.get('x-rate-limit-remaining'), /^\d+$/);
  const bearer = `Bearer ${answer.body.access_token}`;
  t.equal((await get(emu, `/api/v1/groups/${PROD}/users`, bearer)).status, 200, 'manage includes read');
  t.equal((await call(emu, 'PUT', `/api/v1/groups/${PROD}/users/${ALICE}`, bearer)).status, 204);
  emu.acceptUnexpected();
  const noUsers = await get(emu, `/api/v1/users/${ALICE}`, bearer);
  t.equal(noUsers.status, 403);
  t.match(noUsers.body, { errorCode: 'E0000006' });
  t.match(noUsers.headers.get('www-authenticate'), /error="insufficient_scope"/);
  t.equal(emu.tokensIssued, 1);
});

t.test('service app: an EC key as a JWK works too; tokens expire', async (t) => {
  const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let now = NOW;
  const emu = await start(t, { now: () => now, tokenTtlSeconds: 60, serviceApp: { clientId: CLIENT_ID, publicKey: keys.publicKey.export({ format: 'jwk' }), scopes: ['okta.users.read'] } });
  const answer = await token(emu, grant(assertion(emu, keys.privateKey), 'okta.users.read'));
  t.equal(answer.status, 200);
  const bearer = `Bearer ${answer.body.access_token}`;
  t.equal((await get(emu, `/api/v1/users/${ALICE}`, bearer)).status, 200);
  now += 61_000;
  emu.acceptUnexpected();
  t.equal((await get(emu, `/api/v1/users/${ALICE}`, bearer)).status, 401);
});

t.test('service app: bad assertions are invalid_client, scopes beyond the grant invalid_scope', async (t) => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const emu = await withApp(t, keys);
  emu.acceptUnexpected();
  const cases: [string, Record<string, string>, number, string, string][] = [
    ['signed by another key', grant(assertion(emu, other.privateKey)), 401, 'invalid_client', 'bad signature'],
    ['for another audience', grant(assertion(emu, keys.privateKey, { aud: 'https://elsewhere.example/oauth2/v1/token' })), 401, 'invalid_client', `aud must be ${emu.url}/oauth2/v1/token`],
    ['expired', grant(assertion(emu, keys.privateKey, { exp: NOW / 1000 - 1 })), 401, 'invalid_client', 'exp missing, past, or more than an hour ahead'],
    ['another client', grant(assertion(emu, keys.privateKey, { iss: 'someone', sub: 'someone' })), 401, 'invalid_client', 'iss and sub must be the client id'],
    ['another key id', grant(assertion(emu, keys.privateKey, {}, { kid: 'key-2' })), 401, 'invalid_client', 'unknown key id key-2'],
    ['no algorithm we accept', grant(assertion(emu, keys.privateKey, {}, { alg: 'none' })), 401, 'invalid_client', 'algorithm none not accepted'],
    ['not a JWT', grant('abc'), 401, 'invalid_client', 'the assertion is not a JWT'],
    ['not JSON', grant('a.b.c'), 401, 'invalid_client', 'the assertion is not JSON'],
    ['a scope not granted', grant(assertion(emu, keys.privateKey), 'okta.groups.manage okta.apps.manage'), 400, 'invalid_scope', 'The following scopes are not allowed: okta.apps.manage'],
    ['no scope', grant(assertion(emu, keys.privateKey), ''), 400, 'invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided."],
    ['another grant', { ...grant(assertion(emu, keys.privateKey)), grant_type: 'password' }, 400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].'],
    ['no assertion', { grant_type: 'client_credentials', scope: 'okta.users.read' }, 401, 'invalid_client', 'no client assertion'],
    ['another client id', { ...grant(assertion(emu, keys.privateKey)), client_id: 'other' }, 401, 'invalid_client', 'The client_id does not match the client assertion.'],
  ];
  for (const [name, form, status, error, reason] of cases) {
    const answer = await token(emu, form);
    t.equal(answer.status, status, name);
    t.equal(answer.body.error, error, name);
    t.equal(emu.unexpected.at(-1)?.reason, reason, name);
  }
  const jwt = assertion(emu, keys.privateKey);
  t.equal((await token(emu, grant(jwt))).status, 200);
  t.equal((await token(emu, grant(jwt))).status, 401, 'a replayed assertion is refused');
  const json = await fetch(`${emu.url}/oauth2/v1/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  t.equal(json.status, 400, 'the body must be a form');
  const noApp = await start(t);
  noApp.acceptUnexpected();
  t.equal((await token(noApp, grant(jwt))).status, 401, 'an org without the app refuses');
});

// --- rate limits ------------------------------------------------------------------------------

t.test('rate limits: every answer counts down its endpoint; an exhausted one is 429 E0000047 until the reset', async (t) => {
  let now = NOW;
  const emu = await start(t, { now: () => now, rateLimits: { limit: 5, perEndpoint: { 'GET /api/v1/groups/{groupId}/users': 2 }, windowMs: 10_000 } });
  const reset = String(Math.ceil((NOW + 10_000) / 1000));
  const first = await get(emu, `/api/v1/groups/${PROD}/users`);
  t.same([first.headers.get('x-rate-limit-limit'), first.headers.get('x-rate-limit-remaining'), first.headers.get('x-rate-limit-reset')], ['2', '1', reset]);
  t.equal((await get(emu, `/api/v1/groups/00gprodgcponcall01/users`)).headers.get('x-rate-limit-remaining'), '0', 'one bucket for the endpoint, whatever the group');
  const refused = await get(emu, `/api/v1/groups/${PROD}/users`);
  t.equal(refused.status, 429);
  t.match(refused.body, { errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' });
  t.same([refused.headers.get('x-rate-limit-remaining'), refused.headers.get('x-rate-limit-reset')], ['0', reset]);
  t.equal((await get(emu, `/api/v1/groups/${PROD}`)).headers.get('x-rate-limit-limit'), '5', 'other endpoints have their own limit');
  now += 10_000;
  t.equal((await get(emu, `/api/v1/groups/${PROD}/users`)).status, 200, 'a new window after the reset');
  t.same(emu.refused, { rate: 1, concurrency: 0 });
  t.equal(emu.unexpected.length, 0, 'a refusal is not unexpected');
});

t.test('rate limits: more requests in flight than the concurrency limit are 429', async (t) => {
  const emu = await start(t, { latencyMs: 60, rateLimits: { concurrent: 1 } });
  const answers = await Promise.all([get(emu, '/api/v1/groups'), get(emu, `/api/v1/users/${ALICE}`)]);
  t.same(answers.map((a) => a.status).sort(), [200, 429]);
  const refused = answers.find((a) => a.status === 429) as Answer;
  t.same([refused.headers.get('x-rate-limit-limit'), refused.headers.get('x-rate-limit-remaining')], ['1', '0']);
  t.equal((await get(emu, '/api/v1/groups')).status, 200, 'admitted again once the first is answered');
  t.same(emu.refused, { rate: 0, concurrency: 1 });
});

// --- strictness, faults, seeds ------------------------------------------------------------------

t.test('strict: an unknown route is 501, an unknown query parameter is recorded', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  t.equal((await get(emu, '/api/v1/apps')).status, 501);
  t.equal((await get(emu, `/api/v1/groups/${PROD}/users?expand=user`)).status, 200);
  t.same(emu.unexpected.map((u) => u.reason), ['no such route', 'unknown query parameter expand']);
  t.equal((await get(emu, '/api/v1/groups?after=00gnothere')).body.length, 0, 'an unknown cursor is an empty page');
});

t.test('faults: the next matching request gets the injected answer', async (t) => {
  const emu = await start(t);
  emu.failNext({ method: 'DELETE', pathPrefix: '/api/v1/groups/' }, { status: 500, body: { errorCode: 'E0000009', errorSummary: 'Internal Server Error' } });
  t.equal((await call(emu, 'DELETE', `/api/v1/groups/${PROD}/users/${BOB}`)).status, 500);
  t.same(emu.members(PROD).slice(0, 2), [BOB, ERIN], 'nothing changed');
});

t.test('seeds Okta could not hold are refused', async (t) => {
  await t.rejects(startOktaEmulator({ users: [...USERS, { id: 'x', login: 'ALICE@acme.example' }], groups: [] }), /two users/);
  await t.rejects(startOktaEmulator({ users: USERS, groups: [...GROUPS, { id: 'y', name: 'prod-aws-oncall' }] }), /two groups/);
  await t.rejects(startOktaEmulator({ users: USERS, groups: [{ id: 'g', name: 'g', members: ['nobody'] }] }), /no user nobody/);
  await t.rejects(startOktaEmulator({ users: USERS, groups: GROUPS, rules: [{ id: 'r', name: 'r', expression: 'isMemberOfGroup("x")', groupIds: [PROD] }] }), /does not understand/);
  await t.rejects(startOktaEmulator({ users: USERS, groups: GROUPS, rules: [{ id: 'r', name: 'r', expression: 'user.a=="b"', groupIds: ['nothing'] }] }), /no group nothing/);
  const emu = await start(t);
  t.throws(() => emu.assign('nothing', ALICE), /no group nothing/);
  t.throws(() => emu.setStatus('nobody', 'ACTIVE'), /no user nobody/);
});

// --- contract -----------------------------------------------------------------------------------

/**
 * Okta's Management API description, as `contracts/okta/management-paths.yaml` keeps it (derived by
 * its extract.mjs: every described path, the served ones' operations and parameters; Apache-2.0).
 * The token endpoint belongs to Okta's OAuth 2.0 API, which that description does not hold.
 */
t.test('every served path, method and query parameter is in the Okta Management API description (vendored)', async (t) => {
  const spec = parse(await readFile(new URL('../contracts/okta/management-paths.yaml', import.meta.url), 'utf8')) as {
    describedPaths: string[];
    paths: Record<string, Record<string, { parameters?: { $ref?: string; name?: string; in?: string }[] }> & { parameters?: { $ref?: string; name?: string; in?: string }[] }>;
    components: { parameters: Record<string, { name: string; in: string }> };
  };
  const resolve = (p: { $ref?: string; name?: string; in?: string }) => (p.$ref === undefined ? p : spec.components.parameters[p.$ref.replace('#/components/parameters/', '')]);
  for (const op of OKTA_OPERATIONS.filter((o) => o.path !== '/oauth2/v1/token')) {
    const path = spec.paths[op.path];
    const operation = path?.[op.method.toLowerCase()];
    t.ok(operation, `${op.method} ${op.path} is described`);
    const params = [...(path?.parameters ?? []), ...(operation?.parameters ?? [])].map(resolve);
    const query = params.filter((p) => p?.in === 'query').map((p) => p?.name);
    for (const name of op.query) t.ok(query.includes(name), `${op.method} ${op.path} takes ?${name}`);
    const placeholders = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    t.same(placeholders, params.filter((p) => p?.in === 'path').map((p) => p?.name), `${op.method} ${op.path}: path parameters as described`);
  }
  t.notOk(spec.describedPaths.includes('/oauth2/v1/token'), 'the token endpoint is not part of the Management API');
});
