/** The Slack target against the Slack emulator: reads, identities, one write per group, rate limits. */
import t, { type Test } from 'tap';
import { startSlackEmulator, type SlackEmulator, type SlackEmulatorOptions } from '@oncall-access/emulators/slack';
import type { Change, Outcome } from '../src/core/plan.js';
import type { Entitlement } from '../src/core/entitlement.js';
import { readOnlyFetch } from '../src/http/read-only.js';
import { SlackTarget, type SlackTargetOptions } from '../src/targets/slack/target.js';
import { Pacer, slackError, type SlackApi } from '../src/targets/slack/client.js';
import { fakeSlackToken } from './helpers/fake-token.js';
import { closedPort } from './helpers/net.js';

const TOKEN = fakeSlackToken('1-target-test');

/** Acme: alice and bob active, dave deactivated, a bot; @payments-oncall holds alice and carol; @empty-ish holds bob. */
function world(extra: Partial<SlackEmulatorOptions> = {}): SlackEmulatorOptions {
  return {
    users: [
      { id: 'U0ALICE001', name: 'alice', email: 'alice@acme.example' },
      { id: 'U0BOB00001', name: 'bob', email: 'bob@acme.example' },
      { id: 'U0CAROL001', name: 'carol', email: 'carol@acme.example' },
      { id: 'U0DAVE0001', name: 'dave', email: 'dave@acme.example', deleted: true },
      { id: 'U0PAGERBOT', name: 'pagerbot', email: 'pagerbot@acme.example', isBot: true },
    ],
    usergroups: [
      { id: 'S0PAYMENTS', handle: 'payments-oncall', users: ['U0ALICE001', 'U0CAROL001'], dateUpdate: 1_700_000_000 },
      { id: 'S0PLATFORM', handle: 'platform-oncall', users: ['U0BOB00001'], dateUpdate: 1_700_000_000 },
    ],
    tokens: [{ token: TOKEN }],
    strict: true,
    ...extra,
  };
}

async function emulator(t: Test, extra: Partial<SlackEmulatorOptions> = {}): Promise<SlackEmulator> {
  const emu = await startSlackEmulator(world(extra));
  t.teardown(() => emu.close());
  return emu;
}

function target(emu: SlackEmulator, over: Partial<SlackTargetOptions> = {}): SlackTarget {
  return new SlackTarget({ apiUrl: `${emu.url}/api/`, token: TOKEN, tokenEnv: 'SLACK_TOKEN', fetch: globalThis.fetch, ...over });
}

const group = (resource: string): Entitlement => ({ target: 'slack', kind: 'usergroup', resource, level: 'member' });
const change = (action: Change['action'], resource: string, login: string): Change => ({ action, entitlement: group(resource), subject: { login }, reasons: [], profiles: ['p'] });
const statuses = (outcomes: Outcome[]): string[] => outcomes.map((o) => `${o.change.action} ${o.change.subject.login}: ${o.status}${o.error ? ` (${o.error})` : ''}`);
const calls = (emu: SlackEmulator, method: string): number => emu.requests.filter((r) => r.path === `/api/${method}`).length;

t.test('reads every group with its members in one usergroups.list, by handle or id; an unknown group is a failed read', async (t) => {
  const emu = await emulator(t);
  const reads = await target(emu).readHolders([group('@payments-oncall'), group('S0PLATFORM'), group('@nobody')]);
  t.same(reads.get('slack/usergroup/@payments-oncall'), { ok: true, holders: [{ login: 'U0ALICE001', role: 'member', state: 'active' }, { login: 'U0CAROL001', role: 'member', state: 'active' }] });
  t.same(reads.get('slack/usergroup/s0platform'), { ok: true, holders: [{ login: 'U0BOB00001', role: 'member', state: 'active' }] });
  t.match(reads.get('slack/usergroup/@nobody'), { ok: false, error: 'Slack has no user group @nobody: create it in Slack (or fix the profile\'s usergroup)' });
  t.equal(calls(emu, 'usergroups.list'), 1);
  t.equal(emu.requests[0]!.method, 'GET', 'reads go out as GETs, so a read-only run may make them');
  t.same(await target(emu).readHolders([]), new Map(), 'nothing asked, nothing read');
});

t.test('a plan reads through a read-only fetch; writes are refused there', async (t) => {
  const emu = await emulator(t);
  const slack = target(emu, { fetch: readOnlyFetch(globalThis.fetch) });
  t.ok((await slack.readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall')?.ok);
  t.ok((await slack.readIdentities('directory', ['alice@acme.example'])).ok);
  const [outcome] = await slack.applyChanges([change('grant', '@payments-oncall', 'U0BOB00001')]);
  t.match(outcome, { status: 'failed', error: /read-only run refused POST \/api\/usergroups\.users\.update/ });
  t.same(emu.members('S0PAYMENTS'), ['U0ALICE001', 'U0CAROL001']);
});

t.test('a disabled group holds nobody; a group named by a handle that is not there fails alone', async (t) => {
  const emu = await emulator(t, { usergroups: [{ id: 'S0PAYMENTS', handle: 'payments-oncall', users: ['U0ALICE001'], disabled: true }] });
  t.same((await target(emu).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall'), { ok: true, holders: [] });
});

t.test('identities: a few emails are looked up one by one; deactivated users and bots are unusable; unknown emails unresolved', async (t) => {
  const emu = await emulator(t);
  const slack = target(emu);
  const read = await slack.readIdentities('directory', ['Alice@acme.example', 'dave@acme.example', 'pagerbot@acme.example', 'nobody@acme.example']);
  t.same(read, {
    ok: true,
    pairs: [{ email: 'Alice@acme.example', login: 'U0ALICE001' }],
    unusable: [
      { email: 'dave@acme.example', login: 'U0DAVE0001', reason: 'deactivated' },
      { email: 'pagerbot@acme.example', login: 'U0PAGERBOT', reason: 'a bot' },
    ],
  });
  t.equal(calls(emu, 'users.lookupByEmail'), 4);
  await slack.readIdentities('directory', ['alice@acme.example']);
  t.equal(calls(emu, 'users.lookupByEmail'), 4, 'each email asked once per run');
  t.match(await slack.readIdentities('saml', []), { ok: false, error: /Slack has no SAML external identities/ });
  t.match(await slack.readIdentities('verifiedEmail', []), { ok: false, error: /Slack has no verified-domain emails/ });
});

t.test('identities: many emails list the directory once, paged with users.list', async (t) => {
  const emu = await emulator(t);
  const slack = target(emu, { lookupLimit: 1 });
  const read = await slack.readIdentities('directory', ['alice@acme.example', 'bob@acme.example', 'dave@acme.example', 'nobody@acme.example']);
  t.match(read, { ok: true, pairs: [{ login: 'U0ALICE001' }, { login: 'U0BOB00001' }], unusable: [{ login: 'U0DAVE0001', reason: 'deactivated' }] });
  await slack.readIdentities('directory', ['carol@acme.example', 'alice@acme.example']);
  t.equal(calls(emu, 'users.list'), 1, 'listed once per run');
  t.equal(calls(emu, 'users.lookupByEmail'), 0);
});

t.test('identity reads that fail are failures, not "nobody": a refused token, an unreachable host', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected();
  const refused = await target(emu, { token: fakeSlackToken('9-wrong') }).readIdentities('directory', ['alice@acme.example']);
  t.same(refused, { ok: false, error: 'Slack: invalid_auth: the token was refused; check SLACK_TOKEN', fault: 'token' });
  const listing = await target(emu, { token: fakeSlackToken('9-wrong'), lookupLimit: 0 }).readIdentities('directory', ['alice@acme.example']);
  t.match(listing, { ok: false, fault: 'token' });
  const closed = await closedPort();
  const down = await target(emu, { apiUrl: `${closed}/api`, timeoutMs: 500 }).readHolders([group('@payments-oncall')]);
  t.same(down.get('slack/usergroup/@payments-oncall'), { ok: false, error: `cannot connect to ${closed}/api/ (ECONNREFUSED): check apiUrl, and that this machine can reach the host`, fault: 'endpoint' });
});

t.test("one write per group with the whole new list: the run's grants and revokes together, members the plan did not revoke kept", async (t) => {
  const emu = await emulator(t);
  const slack = target(emu);
  await slack.readHolders([group('@payments-oncall')]);
  const outcomes = await slack.applyChanges([change('grant', '@payments-oncall', 'U0BOB00001'), change('revoke', '@payments-oncall', 'U0ALICE001')]);
  t.same(statuses(outcomes), ['grant U0BOB00001: applied', 'revoke U0ALICE001: applied']);
  t.same(emu.members('S0PAYMENTS'), ['U0CAROL001', 'U0BOB00001'], 'carol, whom the plan did not revoke, is kept');
  t.equal(calls(emu, 'usergroups.users.update'), 1);
  t.equal(calls(emu, 'usergroups.list'), 2, 'the plan read, and one read right before writing');
});

t.test('a group edited in Slack since the plan (date_update moved) is not written: every change of it skipped', async (t) => {
  const emu = await emulator(t);
  const slack = target(emu);
  await slack.readHolders([group('@payments-oncall'), group('@platform-oncall')]);
  emu.editMembers('payments-oncall', ['U0ALICE001', 'U0CAROL001', 'U0BOB00001']);
  const outcomes = await slack.applyChanges([change('revoke', '@payments-oncall', 'U0ALICE001')]);
  t.match(outcomes, [{ status: 'skipped', error: /^@payments-oncall changed in Slack since this run read it \(date_update 1700000000 -> \d+\): not written/ }]);
  t.same(emu.members('S0PAYMENTS'), ['U0ALICE001', 'U0CAROL001', 'U0BOB00001'], 'the edit stands');
  t.same(statuses(await slack.applyChanges([change('grant', '@platform-oncall', 'U0ALICE001')])), ['grant U0ALICE001: applied'], "another group's re-read does not hide this one's edit, nor block it");
});

t.test('whenEmpty: disable empties a group by disabling it, and a grant enables it again with the new list', async (t) => {
  const emu = await emulator(t);
  const slack = target(emu);
  await slack.readHolders([group('@platform-oncall')]);
  t.same(statuses(await slack.applyChanges([change('revoke', '@platform-oncall', 'U0BOB00001')])), ['revoke U0BOB00001: applied']);
  t.equal(emu.disabled('S0PLATFORM'), true);
  t.equal(calls(emu, 'usergroups.users.update'), 0, 'no empty list is sent');
  const again = target(emu);
  t.same((await again.readHolders([group('@platform-oncall')])).get('slack/usergroup/@platform-oncall'), { ok: true, holders: [] }, 'converged: nobody holds it');
  t.same(statuses(await again.applyChanges([change('grant', '@platform-oncall', 'U0ALICE001')])), ['grant U0ALICE001: applied']);
  t.equal(emu.disabled('S0PLATFORM'), false);
  t.same(emu.members('S0PLATFORM'), ['U0ALICE001'], 'the old members of the disabled group are not carried over');
});

t.test('whenEmpty: keep skips the last revocation; error fails it; neither writes', async (t) => {
  const emu = await emulator(t);
  for (const [whenEmpty, status] of [['keep', 'skipped'], ['error', 'failed']] as const) {
    const slack = target(emu, { whenEmpty });
    await slack.readHolders([group('@platform-oncall')]);
    const [outcome] = await slack.applyChanges([change('revoke', '@platform-oncall', 'U0BOB00001')]);
    t.match(outcome, { status, error: /would leave @platform-oncall with nobody, which Slack refuses/ }, whenEmpty);
  }
  t.same(emu.members('S0PLATFORM'), ['U0BOB00001']);
  t.equal(emu.disabled('S0PLATFORM'), false);
});

t.test('invalid_users: a member deactivated since joining is dropped and the list written again; a deactivated grantee fails alone', async (t) => {
  const emu = await emulator(t);
  const slack = target(emu);
  await slack.readHolders([group('@payments-oncall')]);
  emu.deactivate('U0CAROL001');
  const outcomes = await slack.applyChanges([change('grant', '@payments-oncall', 'U0BOB00001')]);
  t.same(statuses(outcomes), ['grant U0BOB00001: applied']);
  t.same(emu.members('S0PAYMENTS'), ['U0ALICE001', 'U0BOB00001']);
  t.same(emu.requests.filter((r) => r.path === '/api/usergroups.users.update').map((r) => r.status), [200, 200], 'refused (HTTP 200, ok: false), then written');

  const fresh = target(emu);
  await fresh.readHolders([group('@payments-oncall')]);
  emu.deactivate('U0BOB00001');
  t.same(statuses(await fresh.applyChanges([change('revoke', '@payments-oncall', 'U0ALICE001'), change('grant', '@payments-oncall', 'U0CAROL001')])), [
    'revoke U0ALICE001: failed (Slack refused the members of payments-oncall as invalid_users, and no active member is left)',
    'grant U0CAROL001: failed (Slack refused the members of payments-oncall as invalid_users, and no active member is left)',
  ]);
});

t.test('a write that fails reports every change of the group failed, in words, without the token', async (t) => {
  const emu = await emulator(t, { tokens: [{ token: TOKEN, scopes: ['usergroups:read', 'users:read', 'users:read.email'] }] });
  const slack = target(emu);
  await slack.readHolders([group('@payments-oncall')]);
  const outcomes = await slack.applyChanges([change('grant', '@payments-oncall', 'U0BOB00001'), change('revoke', '@payments-oncall', 'U0ALICE001')]);
  t.same(outcomes.map((o) => o.error), Array(2).fill("Slack: the token lacks the scope usergroups:write (it has usergroups:read,users:read,users:read.email): add it to the Slack app's bot token scopes and reinstall the app"));
  t.notMatch(JSON.stringify(outcomes), TOKEN);
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 500, raw: 'oops' }, 4);
  t.match(await slack.applyChanges([change('grant', '@payments-oncall', 'U0BOB00001')]), [{ status: 'failed', error: /^could not read @payments-oncall again before writing: Slack at http:\/\/127\.0\.0\.1:\d+\/api\/ answered HTTP 500$/ }]);
  const gone = await emulator(t, { usergroups: [] });
  t.match(await target(gone).applyChanges([change('grant', '@payments-oncall', 'U0BOB00001')]), [{ status: 'failed', error: 'Slack has no user group @payments-oncall any more' }]);
});

t.test('grant and revoke one at a time go through the same single write', async (t) => {
  const emu = await emulator(t);
  const slack = target(emu);
  await slack.grant(group('@payments-oncall'), 'U0BOB00001');
  await slack.revoke(group('@payments-oncall'), 'U0ALICE001');
  t.same(emu.members('S0PAYMENTS'), ['U0CAROL001', 'U0BOB00001']);
  await t.rejects(slack.grant(group('@payments-oncall'), 'U0DAVE0001'), /^U0DAVE0001 is deactivated \(or not a person\) in Slack, so cannot join @payments-oncall$/);
});

t.test('transient failures are retried by the SDK: a 503 then success', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 503, raw: 'busy' });
  t.ok((await target(emu).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall')?.ok);
  t.same(emu.requests.map((r) => r.status), [503, 200]);
});

t.test('a 429 waits its Retry-After and retries', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': '1' } });
  const started = Date.now();
  t.ok((await target(emu).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall')?.ok);
  t.ok(Date.now() - started >= 900, 'waited about a second');
});

t.test('50 changed groups apply without one refused request: the target keeps under the tiers itself', async (t) => {
  const users = Array.from({ length: 60 }, (_, i) => ({ id: `U0USER${String(i).padStart(4, '0')}`, name: `user${i}`, email: `user${i}@acme.example` }));
  const usergroups = Array.from({ length: 50 }, (_, i) => ({ id: `S0GROUP${String(i).padStart(3, '0')}`, handle: `team-${i}-oncall`, users: [users[i]!.id] }));
  const emu = await emulator(t, { users, usergroups, rateLimits: { timeScale: 60 } });
  const slack = target(emu, { timeScale: 60 });
  const refs = usergroups.map((g) => group(`@${g.handle}`));
  await slack.readHolders(refs);
  const outcomes = await Promise.all(usergroups.map((g, i) => slack.applyChanges([change('grant', `@${g.handle}`, users[i + 1]!.id), change('revoke', `@${g.handle}`, users[i]!.id)])));
  t.equal(outcomes.flat().filter((o) => o.status === 'applied').length, 100);
  t.same(emu.rateStats()!.refused, {}, 'no request refused');
  t.equal(calls(emu, 'usergroups.users.update'), 50, 'one write per group');
  t.equal(emu.rateStats()!.peakPerMinute['usergroups.users.update'], 20);
});

t.test('the pacer reserves slots: the 21st tier-2 call waits a window, a tier-3 method counts apart', async (t) => {
  let now = 0;
  const waits: number[] = [];
  const pacer = new Pacer(1, {
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
  const first = await pacer.take('usergroups.users.update');
  now = 5_000;
  first();
  for (let i = 0; i < 19; i++) await pacer.take('usergroups.users.update');
  for (let i = 0; i < 50; i++) await pacer.take('users.lookupByEmail');
  t.same(waits, [], 'twenty tier-2 calls and fifty tier-3 ones in a minute');
  await pacer.take('usergroups.users.update');
  t.same(waits, [60_600], 'the 21st waits until the first, counted from its answer, leaves the window (plus a margin)');
  await pacer.take('some.method');
  t.equal(waits.length, 1, 'an unknown method counts as tier 2');
});

t.test('errors read as what to fix', async (t) => {
  const api: SlackApi = { call: async () => ({}) as never, context: { apiUrl: 'https://slack.com/api/', tokenEnv: null } };
  const platform = (error: string) => ({ code: 'slack_webapi_platform_error', data: { error } });
  t.same(slackError(api, platform('token_revoked')), { ok: false, error: 'Slack: token_revoked: the token was revoked; the target has no tokenEnv', fault: 'token' });
  t.same(slackError(api, platform('team_not_found')), { ok: false, error: 'Slack: team_not_found: the teamId is not a workspace this token can reach; the target has no tokenEnv' });
  t.same(slackError(api, platform('fatal_error')), { ok: false, error: 'Slack: fatal_error' });
  t.same(slackError(api, { code: 'slack_webapi_platform_error', data: { error: 'missing_scope' } }).error, "Slack: the token lacks the scope (unnamed) (it has none): add it to the Slack app's bot token scopes and reinstall the app");
  t.same(slackError(api, { code: 'slack_webapi_request_error', original: new Error('socket hang up') }), { ok: false, error: 'Slack at https://slack.com/api/ did not answer: socket hang up' });
  t.same(slackError(api, { code: 'slack_webapi_request_error' }), { ok: false, error: 'Slack at https://slack.com/api/ did not answer: request failed' });
  t.same(slackError(api, { code: 'slack_webapi_rate_limited_error' }), { ok: false, error: 'Slack kept refusing for its rate limit' });
  t.same(slackError(api, { code: 'slack_webapi_http_error' }), { ok: false, error: 'Slack at https://slack.com/api/ answered HTTP ?' });
  t.same(slackError(api, new Error('boom')), { ok: false, error: 'Slack: boom' });
  t.same(slackError(api, undefined), { ok: false, error: 'Slack: undefined' });
});

t.test('doctor: whoAmI names the workspace and lists the token scopes', async (t) => {
  const emu = await emulator(t);
  t.same(await target(emu).whoAmI(), { ok: true, team: 'acme', teamId: 'T0ACME0001', scopes: ['usergroups:read', 'usergroups:write', 'users:read', 'users:read.email'] });
  emu.acceptUnexpected();
  t.match(await target(emu, { token: fakeSlackToken('9-wrong') }).whoAmI(), { ok: false, fault: 'token' });
});

t.test('teamId is sent with every call; a workspace the token cannot reach fails the read', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected();
  t.ok((await target(emu, { teamId: 'T0ACME0001' }).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall')?.ok);
  t.match((await target(emu, { teamId: 'T0OTHER001' }).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall'), { ok: false, error: /team_not_found/ });
});

t.test('a hang is abandoned at the client timeout and retried; one that lasts fails the read, in words', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 504, delayMs: 3_000 });
  t.ok((await target(emu, { timeoutMs: 300 }).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall')?.ok, 'transient: retried');
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 504, delayMs: 3_000 }, 4);
  t.match((await target(emu, { timeoutMs: 300 }).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall'), { ok: false, error: /^Slack at http:\/\/127\.0\.0\.1:\d+\/api\/ did not answer: / });
});

t.test('an answer that is not JSON is retried; one that stays so fails without its text', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 200, raw: '<html>oops</html>' });
  t.ok((await target(emu).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall')?.ok);
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 200, raw: '<html>oops</html>' }, 3);
  const read = (await target(emu).readHolders([group('@payments-oncall')])).get('slack/usergroup/@payments-oncall');
  t.match(read, { ok: false, error: /answered something unexpected: usergroups\.list answered something that is not JSON$/ });
  t.notMatch(JSON.stringify(read), 'oops');
});

t.test('doctor: token, workspace, the scopes plan and apply need, each managed group', async (t) => {
  const { slackChecks } = await import('../src/targets/slack/doctor-checks.js');
  const readOnly = fakeSlackToken('3-read-only');
  const emu = await emulator(t, { tokens: [{ token: TOKEN }, { token: readOnly, scopes: ['usergroups:read', 'users:read'] }] });
  const ws = { profiles: [{ entitlements: [{ target: 'slack', kind: 'usergroup', resource: '@payments-oncall', level: 'member' }, { target: 'slack', kind: 'usergroup', resource: '@nobody', level: 'member' }, { target: 'github', kind: 'team', resource: 'acme/x', level: 'member' }] }] } as never;
  const config = (over: object = {}) => ({ type: 'slack' as const, name: 'slack', tokenEnv: 'SLACK_TOKEN', apiUrl: `${emu.url}/api/`, whenEmpty: 'disable' as const, pos: { file: 'c', line: 1, col: 1 }, fieldPos: {} as never, ...over });
  const lines = (checks: { what: string; status: string; detail?: string }[]) => checks.map((c) => `${c.status}: ${c.what}${c.detail ? ` (${c.detail})` : ''}`);
  t.same(lines(await slackChecks(ws, config(), { SLACK_TOKEN: TOKEN }, globalThis.fetch)), [
    'ok: token (SLACK_TOKEN)',
    `ok: API ${emu.url}/api/, workspace acme (T0ACME0001)`,
    'ok: scopes to read user groups and find people by email (plan)',
    'ok: scope to change user groups (apply)',
    'ok: user group @payments-oncall',
    "missing: user group @nobody (Slack has no user group @nobody: create it in Slack (or fix the profile's usergroup))",
  ]);
  const scoped = lines(await slackChecks(ws, config({ teamId: 'T0ACME0001' }), { SLACK_TOKEN: readOnly }, globalThis.fetch));
  t.match(scoped[2], /^missing: scopes to read .* \(the token in SLACK_TOKEN lacks users:read.email: add them/);
  t.match(scoped[3], /^missing: scope to change user groups \(apply\) \(the token in SLACK_TOKEN lacks usergroups:write/);
  const unlisted: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const headers = new Headers(res.headers);
    headers.delete('x-oauth-scopes');
    return new Response(await res.text(), { status: res.status, headers });
  };
  t.match(lines(await slackChecks(ws, config(), { SLACK_TOKEN: TOKEN }, unlisted))[3], /^unverified: scope to change user groups \(apply\) \(Slack did not list the token's scopes/);
  t.same(lines(await slackChecks(ws, config(), {}, globalThis.fetch)), ['missing: token (SLACK_TOKEN) (environment variable SLACK_TOKEN is not set: set it to a Slack bot token (xoxb-...) with the scopes usergroups:read, usergroups:write, users:read, users:read.email)']);
  emu.acceptUnexpected();
  t.match(lines(await slackChecks(ws, config({ apiUrl: undefined }), { SLACK_TOKEN: fakeSlackToken('9-wrong') }, async (input, init) => fetch(String(input).replace('https://slack.com/api/', `${emu.url}/api/`), init)))[1], /^missing: API https:\/\/slack\.com\/api\/, workspace \(the token's\) \(Slack: invalid_auth/);
});

t.test('invalid_users: a member the directory shows active but without an email is kept; only the deactivated one is dropped', async (t) => {
  const emu = await emulator(t, {
    users: [...world().users, { id: 'U0NOMAIL01', name: 'guest' }],
    usergroups: [{ id: 'S0PAYMENTS', handle: 'payments-oncall', users: ['U0ALICE001', 'U0NOMAIL01', 'U0CAROL001'] }],
  });
  const slack = target(emu);
  await slack.readHolders([group('@payments-oncall')]);
  emu.deactivate('U0CAROL001');
  t.same(statuses(await slack.applyChanges([change('grant', '@payments-oncall', 'U0BOB00001')])), ['grant U0BOB00001: applied']);
  t.same(emu.members('S0PAYMENTS'), ['U0ALICE001', 'U0NOMAIL01', 'U0BOB00001']);
});
