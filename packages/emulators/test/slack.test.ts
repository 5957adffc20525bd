import t, { type Test } from 'tap';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { SLACK_METHODS, startSlackEmulator, type SlackEmulator, type SlackEmulatorOptions } from '@oncall-access/emulators/slack';
import { fakeSlackToken } from '../../../test/helpers/fake-token.js';

const TOKEN = fakeSlackToken('1-emulator-test');
const READ_ONLY = fakeSlackToken('2-read-only');

/** Acme's workspace: alice and bob active, dave deactivated, a bot; payments-oncall holds alice, an old disabled group. */
function options(extra: Partial<SlackEmulatorOptions> = {}): SlackEmulatorOptions {
  return {
    users: [
      { id: 'U0ALICE001', name: 'alice', email: 'alice@acme.example', realName: 'Alice' },
      { id: 'U0BOB00001', name: 'bob', email: 'Bob@acme.example' },
      { id: 'U0DAVE0001', name: 'dave', email: 'dave@acme.example', deleted: true },
      { id: 'U0PAGERBOT', name: 'pagerbot', isBot: true },
    ],
    usergroups: [
      { id: 'S0PAYMENTS', handle: 'payments-oncall', name: 'Payments on call', users: ['U0ALICE001'], dateUpdate: 1_700_000_000 },
      { id: 'S0OLDTEAM1', handle: 'old-team', users: ['U0BOB00001'], disabled: true },
    ],
    tokens: [{ token: TOKEN }, { token: READ_ONLY, scopes: ['usergroups:read', 'users:read'] }],
    strict: true,
    ...extra,
  };
}

async function start(t: Test, extra: Partial<SlackEmulatorOptions> = {}): Promise<SlackEmulator> {
  const emu = await startSlackEmulator(options(extra));
  t.teardown(() => emu.close());
  return emu;
}

type Body = any; // JSON of any shape, asserted field by field

/** POSTs form-encoded arguments, as @slack/web-api does, with the token as a Bearer header. */
async function post(emu: SlackEmulator, method: string, args: Record<string, string> = {}, token: string | null = TOKEN): Promise<{ status: number; headers: Headers; body: Body }> {
  const res = await fetch(`${emu.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: new URLSearchParams(args).toString(),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** GETs a method with its arguments in the query. */
async function get(emu: SlackEmulator, method: string, args: Record<string, string> = {}, token = TOKEN): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${emu.url}/api/${method}?${new URLSearchParams(args)}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: await res.json() };
}

t.test('usergroups.list: every enabled group, members only with include_users, disabled ones only with include_disabled', async (t) => {
  const emu = await start(t);
  const plain = await post(emu, 'usergroups.list');
  t.equal(plain.status, 200);
  t.same(plain.body.usergroups.map((g: Body) => g.handle), ['payments-oncall']);
  t.equal(plain.body.usergroups[0].users, undefined, 'no users without include_users');
  const full = await post(emu, 'usergroups.list', { include_users: 'true', include_disabled: 'true', include_count: 'true' });
  t.same(
    full.body.usergroups.map((g: Body) => [g.handle, g.users, g.user_count, g.date_delete > 0]),
    [
      ['old-team', ['U0BOB00001'], 1, true],
      ['payments-oncall', ['U0ALICE001'], 1, false],
    ],
  );
  t.match(full.body.usergroups[1], { id: 'S0PAYMENTS', team_id: 'T0ACME0001', name: 'Payments on call', date_update: 1_700_000_000 });
  t.same((await get(emu, 'usergroups.list', { include_users: '1', team_id: 'T0ACME0001' })).body.usergroups[0].users, ['U0ALICE001'], 'GET with query arguments; 1 is true');
});

t.test('usergroups.users.update replaces the whole list and bumps date_update; usergroups.users.list reads it', async (t) => {
  let now = 1_800_000_000_000;
  const emu = await start(t, { now: () => now });
  const res = await post(emu, 'usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0BOB00001,U0ALICE001,U0BOB00001' });
  t.equal(res.body.ok, true);
  t.same(res.body.usergroup.users, ['U0BOB00001', 'U0ALICE001'], 'duplicates dropped, order kept');
  t.equal(res.body.usergroup.date_update, 1_800_000_000);
  t.equal(res.body.usergroup.updated_by, 'U0BOT00001');
  const again = await post(emu, 'usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0BOB00001' });
  t.equal(again.body.usergroup.date_update, 1_800_000_001, 'date_update moves forward even within one second');
  now += 5_000;
  t.same((await get(emu, 'usergroups.users.list', { usergroup: 'S0PAYMENTS' })).body, { ok: true, users: ['U0BOB00001'] });
  t.same(emu.members('payments-oncall'), ['U0BOB00001']);
  t.equal(emu.dateUpdate('S0PAYMENTS'), 1_800_000_001);
});

t.test('usergroups.users.update refuses, changing nothing: an empty list, no list, a deactivated, unknown or bot user, an unknown group', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const cases: [Record<string, string>, string][] = [
    [{ usergroup: 'S0PAYMENTS', users: '' }, 'invalid_users'],
    [{ usergroup: 'S0PAYMENTS', users: ' , ' }, 'invalid_users'],
    [{ usergroup: 'S0PAYMENTS' }, 'no_users_provided'],
    [{ usergroup: 'S0PAYMENTS', users: 'U0ALICE001,U0DAVE0001' }, 'invalid_users'],
    [{ usergroup: 'S0PAYMENTS', users: 'U0NOBODY01' }, 'invalid_users'],
    [{ usergroup: 'S0PAYMENTS', users: 'U0PAGERBOT' }, 'invalid_users'],
    [{ usergroup: 'S0NOSUCH01', users: 'U0ALICE001' }, 'no_such_subteam'],
  ];
  for (const [args, error] of cases) t.same((await post(emu, 'usergroups.users.update', args)).body, { ok: false, error }, JSON.stringify(args));
  t.same(emu.members('S0PAYMENTS'), ['U0ALICE001']);
  t.equal(emu.dateUpdate('S0PAYMENTS'), 1_700_000_000);
  const missing = await post(emu, 'usergroups.users.update', { users: 'U0ALICE001' });
  t.same(missing.body, { ok: false, error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] missing required field: usergroup'] } });
  t.same(emu.unexpected.map((u) => u.reason), ['usergroups.users.update without usergroup'], 'refusals are answers; a missing argument is a client bug');
});

t.test('a member deactivated after joining stays in the group, and any update naming them fails with invalid_users', async (t) => {
  const emu = await start(t);
  await post(emu, 'usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0ALICE001,U0BOB00001' });
  emu.deactivate('U0BOB00001');
  t.same(emu.members('S0PAYMENTS'), ['U0ALICE001', 'U0BOB00001']);
  t.same((await post(emu, 'usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0ALICE001,U0BOB00001' })).body, { ok: false, error: 'invalid_users' });
  t.equal((await post(emu, 'usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0ALICE001' })).body.ok, true, 'dropping them works');
  t.throws(() => emu.deactivate('U0NOBODY01'));
});

t.test('usergroups.disable and enable; a disabled group is listed and read only with include_disabled', async (t) => {
  const emu = await start(t);
  const off = await post(emu, 'usergroups.disable', { usergroup: 'S0PAYMENTS' });
  t.equal(off.body.ok, true);
  t.ok(off.body.usergroup.date_delete > 0);
  t.equal(emu.disabled('payments-oncall'), true);
  t.same((await post(emu, 'usergroups.users.list', { usergroup: 'S0PAYMENTS' })).body, { ok: false, error: 'no_such_subteam' });
  t.same((await post(emu, 'usergroups.users.list', { usergroup: 'S0PAYMENTS', include_disabled: 'true' })).body.users, ['U0ALICE001'], 'members kept');
  const on = await post(emu, 'usergroups.enable', { usergroup: 'S0PAYMENTS', include_count: 'true' });
  t.match(on.body.usergroup, { date_delete: 0, user_count: 1, deleted_by: null });
  t.same((await post(emu, 'usergroups.enable', { usergroup: 'S0NOSUCH01' })).body, { ok: false, error: 'no_such_subteam' });
});

t.test('editMembers changes a group out of band, as someone in Slack would; it refuses what Slack refuses', async (t) => {
  const emu = await start(t);
  emu.editMembers('payments-oncall', ['U0BOB00001']);
  t.same(emu.members('S0PAYMENTS'), ['U0BOB00001']);
  t.ok(emu.dateUpdate('S0PAYMENTS') > 1_700_000_000);
  t.throws(() => emu.editMembers('payments-oncall', []), /invalid_users/);
  t.throws(() => emu.members('nope'), /no user group nope/);
});

t.test('users.lookupByEmail: case-insensitive; deactivated users are found, deleted: true; unknown emails are users_not_found', async (t) => {
  const emu = await start(t);
  const alice = await post(emu, 'users.lookupByEmail', { email: 'ALICE@acme.example' });
  t.match(alice.body, { ok: true, user: { id: 'U0ALICE001', deleted: false, is_bot: false, profile: { email: 'alice@acme.example', real_name: 'Alice' } } });
  t.match((await post(emu, 'users.lookupByEmail', { email: 'bob@acme.example' })).body.user, { id: 'U0BOB00001' });
  t.match((await post(emu, 'users.lookupByEmail', { email: 'dave@acme.example' })).body.user, { id: 'U0DAVE0001', deleted: true });
  t.same((await post(emu, 'users.lookupByEmail', { email: 'nobody@acme.example' })).body, { ok: false, error: 'users_not_found' });
});

t.test('users.list pages with limit and response_metadata.next_cursor; an unknown cursor is invalid_cursor', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const ids: string[] = [];
  let cursor = '';
  let pages = 0;
  do {
    const res = await post(emu, 'users.list', { limit: '3', ...(cursor === '' ? {} : { cursor }) });
    t.equal(res.body.ok, true);
    t.type(res.body.cache_ts, 'number');
    ids.push(...res.body.members.map((m: Body) => m.id));
    cursor = res.body.response_metadata.next_cursor;
    pages += 1;
  } while (cursor !== '');
  t.equal(pages, 2);
  t.same(ids, ['U0ALICE001', 'U0BOB00001', 'U0DAVE0001', 'U0PAGERBOT'], 'every user once, deactivated ones and bots included');
  t.equal((await post(emu, 'users.list')).body.members.length, 4, 'no limit: everything (up to 1000)');
  t.same((await post(emu, 'users.list', { cursor: 'bm9wZQ==' })).body, { ok: false, error: 'invalid_cursor' });
  t.same((await post(emu, 'users.list', { limit: 'many' })).body, { ok: false, error: 'invalid_limit' });
});

t.test('auth.test names the workspace and the bot; headers name the token scopes and those the method accepts', async (t) => {
  const emu = await start(t);
  const res = await post(emu, 'auth.test');
  t.same(res.body, { ok: true, url: 'https://acme.slack.com/', team: 'acme', user: 'oncall-access', team_id: 'T0ACME0001', user_id: 'U0BOT00001', bot_id: 'B0BOT000001', is_enterprise_install: false });
  t.equal(res.headers.get('x-oauth-scopes'), 'usergroups:read,usergroups:write,users:read,users:read.email');
  t.equal((await post(emu, 'usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0ALICE001' })).headers.get('x-accepted-oauth-scopes'), 'usergroups:write');
});

t.test('authentication: no token is not_authed, a wrong one invalid_auth, a missing scope names needed and provided; the token may come in the form', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  t.same((await post(emu, 'usergroups.list', {}, null)).body, { ok: false, error: 'not_authed' });
  t.same((await post(emu, 'usergroups.list', {}, fakeSlackToken('9-wrong'))).body, { ok: false, error: 'invalid_auth' });
  const scoped = await post(emu, 'usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0BOB00001' }, READ_ONLY);
  t.same(scoped.body, { ok: false, error: 'missing_scope', needed: 'usergroups:write', provided: 'usergroups:read,users:read' });
  t.equal(scoped.headers.get('x-oauth-scopes'), 'usergroups:read,users:read');
  t.same((await post(emu, 'users.lookupByEmail', { email: 'alice@acme.example' }, READ_ONLY)).body.needed, 'users:read.email');
  t.same(emu.members('S0PAYMENTS'), ['U0ALICE001'], 'nothing changed');
  t.equal((await post(emu, 'usergroups.list', { token: TOKEN }, null)).body.ok, true, 'token as a form argument');
  const query = await fetch(`${emu.url}/api/usergroups.list?token=${TOKEN}`);
  t.same(await query.json(), { ok: false, error: 'not_authed' }, 'a token in the query string is not accepted');
  t.same(emu.unexpected.map((u) => u.reason), ['no token', 'unknown token', 'token in the query string; no token']);
  const open = await start(t, { tokens: undefined });
  t.equal((await post(open, 'usergroups.list', {}, 'anything')).body.ok, true, 'without tokens configured any token is accepted');
});

t.test('JSON bodies are accepted; other bodies are errors, recorded as unexpected', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const send = async (type: string, body: string): Promise<Body> =>
    (await fetch(`${emu.url}/api/usergroups.users.update`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${TOKEN}` }, body })).json();
  const status = async (type: string, body: string): Promise<number> =>
    (await fetch(`${emu.url}/api/usergroups.users.update`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${TOKEN}` }, body })).status;
  t.match(await send('application/json; charset=utf-8', JSON.stringify({ usergroup: 'S0PAYMENTS', users: ['U0BOB00001', 'U0ALICE001'] })), { ok: true, usergroup: { users: ['U0BOB00001', 'U0ALICE001'] } }, 'an array of users');
  t.match(await send('application/json', JSON.stringify({ usergroup: 'S0PAYMENTS', users: 'U0BOB00001', include_count: true })), { ok: true, usergroup: { user_count: 1 } });
  t.same(await send('application/json', '{'), { ok: false, error: 'invalid_json' });
  t.same(await send('application/json', '[1]'), { ok: false, error: 'json_not_object' });
  t.equal(await status('text/plain', 'usergroup=S0PAYMENTS'), 400, 'neither form nor JSON');
  t.same(emu.unexpected.map((u) => u.reason), ['body is not JSON', 'JSON body is not an object', 'body is not JSON']);
});

t.test('strict mode records unknown arguments, a foreign team_id and unknown methods', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  t.equal((await post(emu, 'usergroups.list', { include_users: 'true', presence: 'true' })).body.ok, true, 'served anyway');
  t.same((await post(emu, 'usergroups.list', { team_id: 'T0OTHER001' })).body, { ok: false, error: 'team_not_found' });
  const unknown = await post(emu, 'chat.postMessage', { channel: 'C1', text: 'hi' });
  t.equal(unknown.status, 501);
  t.same(unknown.body, { ok: false, error: 'unknown_method' });
  t.same(emu.unexpected.map((u) => u.reason), ['usergroups.list does not take presence', 'team_id T0OTHER001 is not this workspace\'s', 'no such route']);
  const lenient = await start(t, { strict: false });
  lenient.acceptUnexpected();
  t.equal((await post(lenient, 'usergroups.list', { presence: 'true' })).body.ok, true);
  t.equal((await post(lenient, 'chat.postMessage')).status, 404);
  t.same(lenient.unexpected.map((u) => u.reason), ['no such route']);
});

t.test('rate limits: a method over its tier is HTTP 429 ratelimited with Retry-After; methods count apart; the window slides', async (t) => {
  let now = 0;
  const emu = await start(t, { rateLimits: { now: () => now, perMinute: { 'usergroups.users.update': 2 } } });
  const update = () => post(emu, 'usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0ALICE001' });
  t.equal((await update()).status, 200);
  now = 10_000;
  t.equal((await update()).status, 200);
  const refused = await update();
  t.equal(refused.status, 429);
  t.same(refused.body, { ok: false, error: 'ratelimited' });
  t.equal(refused.headers.get('retry-after'), '50', 'until the first call leaves the window');
  t.equal((await post(emu, 'usergroups.list')).status, 200, 'another method has its own budget');
  now = 60_001;
  t.equal((await update()).status, 200);
  t.same(emu.rateStats(), { refused: { 'usergroups.users.update': 1 }, peakPerMinute: { 'usergroups.users.update': 2, 'usergroups.list': 1 } });
  t.equal((await post(emu, 'chat.postMessage', {})).status, 501, 'an unknown method is not rate limited');
  emu.acceptUnexpected();
});

t.test('rate limits follow the tiers, scaled: tier 2 admits 20 a window, tier 3 50; Retry-After is at least 1 s', async (t) => {
  let now = 0;
  const emu = await start(t, { rateLimits: { now: () => now, timeScale: 60 } });
  const codes = async (n: number, call: () => Promise<{ status: number }>) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await call()).status);
    return out;
  };
  t.same(await codes(21, () => post(emu, 'users.list', { limit: '1' })), [...Array(20).fill(200), 429]);
  t.same(await codes(51, () => post(emu, 'users.lookupByEmail', { email: 'alice@acme.example' })), [...Array(50).fill(200), 429]);
  now = 999;
  const late = await post(emu, 'users.list');
  t.equal(late.headers.get('retry-after'), '1');
  t.same((await start(t, { rateLimits: true })).rateStats(), { refused: {}, peakPerMinute: {} }, 'real-time tiers');
  t.equal(emu.rateStats()?.peakPerMinute['users.lookupByEmail'], 50);
  t.equal((await start(t)).rateStats(), undefined, 'off by default');
  await t.rejects(startSlackEmulator({ ...options(), rateLimits: { timeScale: 0 } }), /timeScale must be positive/);
});

t.test('latency and fault injection come from the shared server', async (t) => {
  const emu = await start(t, { latencyMs: 30 });
  emu.failNext({ pathPrefix: '/api/usergroups.users.update' }, { status: 503, raw: 'upstream' });
  const started = performance.now();
  t.equal((await fetch(`${emu.url}/api/usergroups.users.update`, { method: 'POST' })).status, 503);
  t.ok(performance.now() - started >= 25, 'latency added');
});

t.test('a seed Slack could not hold is refused', async (t) => {
  const bad: [Partial<SlackEmulatorOptions>, RegExp][] = [
    [{ teamId: 'acme' }, /team id "acme"/],
    [{ users: [{ id: 'alice', name: 'alice' }] }, /user id "alice"/],
    [{ users: [{ id: 'U0A1', name: 'a' }, { id: 'U0A1', name: 'b' }] }, /two users have the id/],
    [{ users: [{ id: 'U0A1', name: 'a', email: 'x@y' }, { id: 'U0A2', name: 'b', email: 'X@y' }] }, /two users have the email/],
    [{ usergroups: [{ id: 'oncall', handle: 'x' }] }, /user group id "oncall"/],
    [{ usergroups: [{ id: 'S01', handle: 'x' }, { id: 'S02', handle: 'x' }] }, /share the id S02 or the handle x/],
    [{ usergroups: [{ id: 'S01', handle: 'x', users: ['U0NOBODY01'] }] }, /member U0NOBODY01, who is not a user/],
  ];
  for (const [extra, message] of bad) await t.rejects(startSlackEmulator(options(extra)), message);
});

// --- contract ------------------------------------------------------------------------------

/**
 * Slack's Web API description (OpenAPI 2, MIT), vendored with its license in `contracts/slack/`.
 * It was last published in 2021; arguments Slack documents since (for Enterprise Grid) are listed
 * here rather than silently allowed, and so are error codes its enums leave out but Slack's
 * method pages give.
 */
const SPEC = JSON.parse(readFileSync(new URL('../contracts/slack/slack_web_openapi_v2.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, { schema: unknown }> }>>;
  definitions: Record<string, unknown>;
};
const LATER_ARGUMENTS: Record<string, string[]> = {
  'usergroups.list': ['team_id'],
  'usergroups.users.list': ['team_id'],
  'usergroups.users.update': ['team_id'],
  'usergroups.enable': ['team_id'],
  'usergroups.disable': ['team_id'],
  'users.list': ['team_id'],
  'users.lookupByEmail': ['team_id'],
};
const contract = new Ajv({ strict: false, validateFormats: false, allErrors: true });
contract.addSchema({ definitions: SPEC.definitions }, 'slack');

/** The method's one operation in the description (GET for reads, POST for writes). */
function operation(method: string): { parameters: { name: string }[]; responses: Record<string, { schema: unknown }> } {
  return Object.values(SPEC.paths[`/${method}`]!)[0]!;
}

/** Validates a success body against the method's 200 schema, its `$ref`s resolved in the vendored document. */
function contractErrors(method: string, body: unknown): unknown[] {
  const schema = JSON.parse(JSON.stringify(operation(method).responses['200']!.schema).replaceAll('"#/definitions/', '"slack#/definitions/'));
  const validate = contract.compile(schema);
  return validate(body) ? [] : (validate.errors ?? []);
}

t.test('every method and argument the emulator serves is in the vendored Slack description (or listed as added since)', async (t) => {
  for (const [method, args] of Object.entries(SLACK_METHODS)) {
    t.ok(SPEC.paths[`/${method}`], `${method} is described`);
    const described = operation(method).parameters.map((p) => p.name);
    t.same(args.filter((a) => !described.includes(a) && !(LATER_ARGUMENTS[method] ?? []).includes(a)), [], `${method}'s arguments are described`);
  }
});

t.test('every emulated success answer conforms to the vendored Slack description', async (t) => {
  const emu = await start(t);
  const answers: [string, Record<string, string>][] = [
    ['auth.test', {}],
    ['usergroups.list', { include_users: 'true', include_disabled: 'true', include_count: 'true' }],
    ['usergroups.list', {}],
    ['usergroups.users.list', { usergroup: 'S0PAYMENTS' }],
    ['usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0BOB00001', include_count: 'true' }],
    ['usergroups.disable', { usergroup: 'S0PAYMENTS' }],
    ['usergroups.enable', { usergroup: 'S0PAYMENTS' }],
    ['users.list', { limit: '2' }],
    ['users.lookupByEmail', { email: 'alice@acme.example' }],
  ];
  for (const [method, args] of answers) {
    const { body } = await post(emu, method, args);
    t.equal(body.ok, true, method);
    t.same(contractErrors(method, body), [], `${method} ${JSON.stringify(args)} matches the contract`);
  }
  t.not(contractErrors('usergroups.list', { ok: true, usergroups: [{ id: 'payments' }] }).length, 0, 'the contract refuses a body of the wrong shape');
});

t.test('every emulated error is { ok: false, error } with a code the description or Slack\'s method pages give', async (t) => {
  const documentedSince: Record<string, string[]> = {
    // Slack's method pages: usergroups.users.update (no_users_provided, invalid_users), every
    // method (missing_scope with needed/provided, invalid_arguments, team_not_found, ratelimited).
    '*': ['missing_scope', 'invalid_arguments', 'team_not_found', 'ratelimited'],
    'usergroups.users.update': ['no_such_subteam', 'no_users_provided', 'invalid_users'],
    'usergroups.users.list': ['no_such_subteam'],
    'usergroups.enable': ['no_such_subteam'],
    'users.list': ['invalid_limit'],
  };
  const emu = await start(t);
  emu.acceptUnexpected();
  const errors: [string, Record<string, string>, string | null][] = [
    ['usergroups.users.update', { usergroup: 'S0PAYMENTS', users: '' }, TOKEN],
    ['usergroups.users.update', { usergroup: 'S0PAYMENTS' }, TOKEN],
    ['usergroups.users.update', { usergroup: 'S0NOSUCH01', users: 'U0ALICE001' }, TOKEN],
    ['usergroups.users.update', { usergroup: 'S0PAYMENTS', users: 'U0ALICE001' }, READ_ONLY],
    ['usergroups.users.list', { usergroup: 'S0NOSUCH01' }, TOKEN],
    ['usergroups.enable', { usergroup: 'S0NOSUCH01' }, TOKEN],
    ['users.lookupByEmail', { email: 'nobody@acme.example' }, TOKEN],
    ['users.lookupByEmail', {}, TOKEN],
    ['users.list', { cursor: 'bm9wZQ==' }, TOKEN],
    ['users.list', { limit: 'x' }, TOKEN],
    ['usergroups.list', {}, null],
    ['usergroups.list', { team_id: 'T0OTHER001' }, TOKEN],
  ];
  for (const [method, args, token] of errors) {
    const { status, body } = await post(emu, method, args, token);
    t.equal(status, 200, `${method}: HTTP 200`);
    t.equal(body.ok, false);
    const schema = operation(method).responses.default!.schema as { properties: { error: { enum: string[] } } };
    const known = [...schema.properties.error.enum, ...(documentedSince[method] ?? []), ...documentedSince['*']!];
    t.ok(known.includes(body.error), `${method}: ${body.error} is a documented error`);
  }
});
