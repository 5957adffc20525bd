import t, { type Test } from 'tap';
import { JIRA_USER_SCOPE, JSM_OPS_SCOPE, MAX_ACCOUNT_IDS, startJsmEmulator, type JsmEmulator, type JsmEmulatorOptions, type JsmScheduleSeed } from '@oncall-access/emulators/jsm';

import { ALICE, BOB, CAROL, CLOUD, EMAIL, PAYMENTS_ID as PRIMARY, TOKEN } from '../../../test/helpers/jsm.js';

/** "Today" for the timeline's range: Monday 2 March 2026. */
const TODAY = Date.parse('2026-03-02T12:00:00Z');

/** Payments: alice until 09:00 on 2 March, then bob; carol in a second rotation; nobody after bob. */
function payments(): JsmScheduleSeed {
  return {
    id: PRIMARY,
    name: 'Payments Primary',
    timezone: 'Europe/Berlin',
    periods: [
      { responder: ALICE, start: '2026-03-01T09:00:00Z', end: '2026-03-02T09:00:00Z' },
      { responder: BOB, start: '2026-03-02T09:00:00Z', end: '2026-03-09T09:00:00Z' },
      { responder: CAROL, start: '2026-03-01T00:00:00Z', end: '2026-03-08T00:00:00Z', rotation: 'Secondary' },
      { responder: 'noone', responderType: 'noone', start: '2026-03-09T09:00:00Z', end: '2026-03-10T09:00:00Z' },
    ],
  };
}

const USERS: JsmEmulatorOptions['users'] = [
  { accountId: ALICE, displayName: 'Alice Example', email: 'alice@acme.example' },
  { accountId: BOB, displayName: 'Bob Example', email: null },
  { accountId: CAROL, displayName: 'Carol Example', email: 'carol@acme.example', accountType: 'atlassian', active: false },
];

async function start(t: Test, extra: Partial<JsmEmulatorOptions> = {}): Promise<JsmEmulator> {
  const emu = await startJsmEmulator({ cloudId: CLOUD, schedules: [payments()], users: USERS, credentials: { email: EMAIL, token: TOKEN }, now: () => TODAY, strict: true, ...extra });
  t.teardown(() => emu.close());
  return emu;
}

const basic = (email: string, token: string) => `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

/** GETs `path` with the credentials (or the `authorization` given), returning status, headers and parsed body. */
async function get(emu: JsmEmulator, path: string, authorization: string | null = basic(EMAIL, TOKEN)): Promise<{ status: number; headers: Headers; body: any /* JSON of any shape, asserted field by field */ }> {
  const res = await fetch(`${emu.url}${path}`, { headers: authorization === null ? {} : { authorization } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

const OPS = `/jsm/ops/api/${CLOUD}/v1`;
const USERS_PATH = `/ex/jira/${CLOUD}/rest/api/3/user/bulk`;

t.test('timeline: the final timeline from date for interval days, clipped, grouped by rotation, without an envelope', async (t) => {
  const emu = await start(t);
  const { status, headers, body } = await get(emu, `${OPS}/schedules/${PRIMARY}/timeline?date=2026-03-02T00:00:00Z&interval=2&intervalUnit=days`);
  t.equal(status, 200);
  t.match(headers.get('atl-traceid'), /^[0-9a-f]{16}$/);
  t.equal(body.startDate, '2026-03-02T00:00:00.000Z');
  t.equal(body.endDate, '2026-03-04T00:00:00.000Z');
  const [primary, secondary] = body.finalTimeline.rotations;
  t.match(primary, { name: 'Rotation 1', order: 1, id: /^[0-9a-f-]{36}$/ });
  t.same(primary.periods, [
    { startDate: '2026-03-02T00:00:00.000Z', endDate: '2026-03-02T09:00:00.000Z', type: 'base', responder: { id: ALICE, type: 'user' } },
    { startDate: '2026-03-02T09:00:00.000Z', endDate: '2026-03-04T00:00:00.000Z', type: 'base', responder: { id: BOB, type: 'user' } },
  ]);
  t.equal(secondary.name, 'Secondary');
  t.equal(body.baseTimeline, undefined, 'not expanded');
  t.same(emu.unexpected, []);
});

t.test('timeline: default one week from today, weeks and months, expanded layers, every period type', async (t) => {
  const emu = await start(t, {
    schedules: [
      {
        id: PRIMARY,
        name: 'every-type',
        periods: [
          { type: 'historical', responder: 'esc-1', responderType: 'escalation', flattened: [{ id: ALICE }, { id: 'team-1', type: 'team' }], start: '2026-03-01T00:00:00Z', end: '2026-03-02T12:00:00Z' },
          { type: 'override', responder: BOB, start: '2026-03-02T12:00:00Z', end: '2026-03-03T00:00:00Z' },
          { type: 'forwarding', responder: CAROL, from: ALICE, start: '2026-03-03T00:00:00Z', end: '2026-03-04T00:00:00Z' },
          { type: 'shadow', responder: CAROL, start: '2026-03-04T00:00:00Z', end: '2026-03-05T00:00:00Z' },
        ],
      },
    ],
  });
  const week = await get(emu, `${OPS}/schedules/${PRIMARY}/timeline`);
  t.equal(week.body.startDate, new Date(TODAY).toISOString());
  t.equal(week.body.endDate, new Date(TODAY + 7 * 86_400_000).toISOString());
  const months = await get(emu, `${OPS}/schedules/${PRIMARY}/timeline?date=2026-03-01T00:00:00Z&interval=1&intervalUnit=months&expand=base,override&expand=forwarding`);
  t.equal(months.body.endDate, '2026-04-01T00:00:00.000Z');
  t.same(
    months.body.finalTimeline.rotations[0].periods.map((p: Record<string, unknown>) => p.type),
    ['historical', 'override', 'forwarding', 'shadow'],
  );
  t.same(months.body.finalTimeline.rotations[0].periods[0], {
    startDate: '2026-03-01T00:00:00.000Z',
    endDate: '2026-03-02T12:00:00.000Z',
    type: 'historical',
    responder: { id: 'esc-1', type: 'escalation' },
    flattenedResponders: [
      { id: ALICE, type: 'user' },
      { id: 'team-1', type: 'team' },
    ],
  });
  t.same(months.body.finalTimeline.rotations[0].periods[2].from, { id: ALICE, type: 'user' });
  t.same(months.body.overrideTimeline.rotations[0].periods.map((p: { responder: { id: string } }) => p.responder.id), [BOB]);
  t.same(months.body.forwardingTimeline.rotations[0].periods.length, 1);
  t.same(months.body.baseTimeline.rotations, [], 'no base period in the seed');
  const weeks = await get(emu, `${OPS}/schedules/${PRIMARY}/timeline?date=2026-03-01T00:00:00Z&interval=2&intervalUnit=weeks`);
  t.equal(weeks.body.endDate, '2026-03-15T00:00:00.000Z');
  t.same(emu.unexpected, []);
});

t.test('timeline: by id only, within a year back and two years ahead of today; bad parameters are 400s with JSM error bodies', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected(); // the bad parameters are asserted on below
  const byName = await get(emu, `${OPS}/schedules/Payments%20Primary/timeline`);
  t.same([byName.status, byName.body], [404, { errors: [{ title: 'Schedule with id [Payments Primary] does not exist' }] }]);
  const old = await get(emu, `${OPS}/schedules/${PRIMARY}/timeline?date=2025-02-01T00:00:00Z&interval=1&intervalUnit=days`);
  t.same([old.status, old.body.errors[0].title], [400, 'The time range of the timeline can go back at most one year from today and as far as two years from today']);
  const far = await get(emu, `${OPS}/schedules/${PRIMARY}/timeline?date=2028-02-01T00:00:00Z&interval=3&intervalUnit=months`);
  t.equal(far.status, 400);
  t.equal(emu.unexpected.length, 0, 'out-of-range requests are the API refusing, not the emulator');
  for (const [query, reason] of [
    ['date=yesterday', 'invalid date'],
    ['intervalUnit=hours', 'invalid intervalUnit'],
    ['interval=0', 'invalid interval'],
    ['expand=everything', 'invalid expand'],
  ]) {
    const r = await get(emu, `${OPS}/schedules/${PRIMARY}/timeline?${query}`);
    t.equal(r.status, 400, query);
    t.equal(emu.unexpected.at(-1)?.reason, reason);
  }
});

t.test('schedules: paged by offset and size (cut to the largest page), links.next while more follow, query matches part of a name', async (t) => {
  const many = Array.from({ length: 5 }, (_, i): JsmScheduleSeed => ({ id: `00000000-0000-4000-8000-00000000000${i}`, name: i === 3 ? 'Payments Nights' : `s${i}`, periods: [] }));
  const emu = await start(t, { schedules: [payments(), ...many], maxPage: 4 });
  emu.acceptUnexpected(); // the invalid size is asserted on below
  const first = await get(emu, `${OPS}/schedules?size=50`);
  t.same(first.body.values.map((s: { name: string }) => s.name), ['Payments Primary', 's0', 's1', 's2']);
  t.same(first.body.links, { next: '/v1/schedules?offset=4&size=4' });
  t.match(first.body.values[0], { id: PRIMARY, timezone: 'Europe/Berlin', enabled: true, teamId: /^[0-9a-f-]{36}$/ });
  const second = await get(emu, `${OPS}/schedules?offset=4&size=4`);
  t.same(second.body.values.map((s: { name: string }) => s.name), ['Payments Nights', 's4']);
  t.same(second.body.links, {}, 'no next on the last page');
  const found = await get(emu, `${OPS}/schedules?query=payments&size=1`);
  t.same(found.body.values.map((s: { name: string }) => s.name), ['Payments Primary']);
  t.same(found.body.links, { next: '/v1/schedules?query=payments&offset=1&size=1' });
  t.equal((await get(emu, `${OPS}/schedules`)).body.values.length, 4, 'default size 20, cut to the largest page');
  t.equal((await get(emu, `${OPS}/schedules?size=0`)).status, 400);
  t.same(emu.unexpected.map((u) => u.reason), ['invalid size']);
});

t.test('users: by repeated accountId in the order asked, paged by startAt and maxResults; a hidden email is left out; unknown ids are not listed', async (t) => {
  const emu = await start(t, { maxPage: 2 });
  const ids = [BOB, 'nobody-has-this-id', ALICE, CAROL, BOB].map((id) => `accountId=${encodeURIComponent(id)}`).join('&');
  const first = await get(emu, `${USERS_PATH}?${ids}&maxResults=100`);
  t.equal(first.status, 200);
  t.match(first.body, { startAt: 0, maxResults: 2, total: 3, isLast: false });
  t.same(
    first.body.values.map((u: Record<string, unknown>) => [u.accountId, u.displayName, u.emailAddress]),
    [
      [BOB, 'Bob Example', undefined],
      [ALICE, 'Alice Example', 'alice@acme.example'],
    ],
  );
  t.notOk('emailAddress' in first.body.values[0], "bob's profile hides his email: the field is absent");
  t.match(first.body.values[1], { accountType: 'atlassian', active: true, self: `${emu.url}/ex/jira/${CLOUD}/rest/api/3/user?accountId=${ALICE}` });
  const second = await get(emu, `${USERS_PATH}?${ids}&maxResults=100&startAt=2`);
  t.match(second.body, { startAt: 2, total: 3, isLast: true });
  t.same(second.body.values.map((u: Record<string, unknown>) => [u.accountId, u.active]), [[CAROL, false]]);
  t.equal((await get(emu, `${USERS_PATH}?accountId=${ALICE}`)).body.maxResults, 2, 'the default (10) is cut to the largest page too');
  t.same(emu.unexpected, []);
});

t.test('users: no accountId, or more than the source ever sends, is a 400 with a Jira error body', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected(); // both refusals are asserted on below
  const none = await get(emu, USERS_PATH);
  t.same([none.status, none.body], [400, { errorMessages: ['The accountId query parameter is required.'], errors: {} }]);
  const many = Array.from({ length: MAX_ACCOUNT_IDS + 1 }, (_, i) => `accountId=id-${i}`).join('&');
  t.equal((await get(emu, `${USERS_PATH}?${many}`)).status, 400);
  t.same(emu.unexpected.map((u) => u.reason), ['no accountId', 'too many account ids']);
});

t.test('Basic authentication: missing or wrong credentials are a 401 as the gateway answers; a token without the route\'s scope too', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected(); // every credential is refused on purpose
  const none = await get(emu, `${OPS}/schedules`, null);
  t.same([none.status, none.body], [401, { code: 401, message: 'Unauthorized' }]);
  t.equal(none.headers.get('www-authenticate'), 'Basic realm="Atlassian"');
  t.equal((await get(emu, `${OPS}/schedules`, basic(EMAIL, 'wrong'))).status, 401);
  t.equal((await get(emu, `${OPS}/schedules`, basic('other@acme.example', TOKEN))).status, 401);
  t.equal((await get(emu, `${OPS}/schedules`, `Bearer ${TOKEN}`)).status, 401);
  t.same(emu.unexpected.map((u) => u.reason), ['no Basic credentials', 'wrong email or API token', 'wrong email or API token', 'no Basic credentials']);

  const opsOnly = await start(t, { scopes: [JSM_OPS_SCOPE] });
  opsOnly.acceptUnexpected();
  t.equal((await get(opsOnly, `${OPS}/schedules`)).status, 200);
  t.same(await get(opsOnly, `${USERS_PATH}?accountId=${ALICE}`).then((r) => [r.status, r.body]), [401, { code: 401, message: 'Unauthorized; scope does not match' }]);
  const usersOnly = await start(t, { scopes: [JIRA_USER_SCOPE] });
  usersOnly.acceptUnexpected();
  t.equal((await get(usersOnly, `${OPS}/schedules`)).status, 401);
  t.same(usersOnly.unexpected.map((u) => u.reason), [`token without ${JSM_OPS_SCOPE}`]);

  const open = await start(t, { credentials: undefined });
  t.equal((await get(open, `${OPS}/schedules`, null)).status, 200, 'no credentials configured: every request is accepted (the demo)');
});

t.test('another cloud id is a 404 on both APIs', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected(); // both 404s are asserted on below
  const ops = await get(emu, '/jsm/ops/api/00000000-0000-4000-8000-000000000000/v1/schedules');
  t.same([ops.status, ops.body], [404, { errors: [{ title: 'No site with cloud id 00000000-0000-4000-8000-000000000000' }] }]);
  const users = await get(emu, `/ex/jira/00000000-0000-4000-8000-000000000000/rest/api/3/user/bulk?accountId=${ALICE}`);
  t.same([users.status, users.body.errorMessages], [404, ['No site with cloud id 00000000-0000-4000-8000-000000000000']]);
  t.same(emu.unexpected.map((u) => u.reason), ['unknown cloud id', 'unknown cloud id']);
});

t.test('strict mode records unknown query parameters and routes; lenient mode answers 404 for routes', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected(); // what strict mode records is the subject
  t.equal((await get(emu, `${OPS}/schedules?limit=5`)).status, 200, 'served anyway');
  t.equal((await get(emu, `${USERS_PATH}?accountId=${ALICE}&expand=groups`)).status, 200);
  const route = await get(emu, `${OPS}/schedules/${PRIMARY}/on-calls`);
  t.same([route.status, route.body], [501, { errors: [{ title: `Not emulated: GET ${OPS}/schedules/${PRIMARY}/on-calls` }] }]);
  t.same(emu.unexpected.map((u) => u.reason), ['unknown query parameter limit', 'unknown query parameter expand', 'no such route']);
  const lenient = await start(t, { strict: false });
  lenient.acceptUnexpected();
  t.equal((await get(lenient, `${OPS}/schedules?limit=5`)).status, 200);
  t.equal((await get(lenient, `${OPS}/alerts`)).status, 404);
  t.same(lenient.unexpected.map((u) => u.reason), ['no such route']);
});

t.test('faults and latency come from the shared JSON server', async (t) => {
  const emu = await start(t, { latencyMs: 20 });
  emu.failNext({ pathPrefix: '/ex/jira/' }, { status: 503, body: { message: 'injected' } });
  const started = performance.now();
  t.equal((await get(emu, `${USERS_PATH}?accountId=${ALICE}`)).status, 503);
  t.ok(performance.now() - started >= 15, 'latency added');
  t.equal((await get(emu, `${USERS_PATH}?accountId=${ALICE}`)).status, 200);
  t.same(emu.requests.map((r) => r.status), [503, 200]);
  t.same(emu.unexpected, [], 'a fault is not unexpected');
});

t.test('seeds JSM could not hold are refused', async (t) => {
  const period = { responder: ALICE, start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' };
  const refused = async (schedules: JsmScheduleSeed[], users: JsmEmulatorOptions['users'] = []) => startJsmEmulator({ cloudId: CLOUD, schedules, users });
  await t.rejects(refused([{ id: PRIMARY, name: 'a', periods: [] }, { id: PRIMARY, name: 'b', periods: [] }]), /two schedules share one id/);
  await t.rejects(refused([{ id: PRIMARY, name: 'a', periods: [] }, { id: 'other', name: 'a', periods: [] }]), /two schedules share one name/);
  await t.rejects(refused([], [USERS[0]!, USERS[0]!]), /two users share one account id/);
  await t.rejects(refused([{ id: PRIMARY, name: 'a', periods: [{ ...period, end: period.start }] }]), /ends before it starts/);
  await t.rejects(refused([{ id: PRIMARY, name: 'a', periods: [{ ...period, start: 'soon' }] }]), /"soon" is not an instant/);
  await t.rejects(refused([{ id: PRIMARY, name: 'a', periods: [{ start: period.start, end: period.end }] }]), /has no responder/);
  await t.rejects(refused([{ id: PRIMARY, name: 'a', periods: [{ ...period, from: BOB }] }]), /from, which only 'forwarding'/);
  await t.rejects(refused([{ id: PRIMARY, name: 'a', periods: [{ ...period, flattened: [{ id: BOB }] }] }]), /flattened responders, which only 'historical'/);
});

t.test('a handler crash is a 500 with a JSM error body, recorded as unexpected', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected(); // the crash is the subject
  // An interval too large for a Date makes the date arithmetic throw.
  const r = await get(emu, `${OPS}/schedules/${PRIMARY}/timeline?date=2026-03-01T00:00:00Z&interval=99999999999999999999&intervalUnit=months`);
  t.equal(r.status, 500);
  t.match(r.body, { errors: [{ title: /^emulator crashed: / }] });
  t.match(emu.unexpected, [{ reason: /^emulator crashed: / }]);
});
