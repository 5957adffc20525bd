import t, { type Test } from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { PAGERDUTY_ACCEPT, renderInstant, startPagerDutyEmulator, type PagerDutyEmulator, type PagerDutyEmulatorOptions } from '@oncall-access/emulators/pagerduty';
import { PagerDutyState } from '@oncall-access/emulators/pagerduty-state';

const TOKEN = 'emulator-test-token';
const NOW = new Date('2026-03-02T09:30:00Z');

/**
 * PS1 hands off from alice to bob at 10:00 on 2 March, with carol overriding 11:00-12:00.
 * PS2 (level 2 of PE1) has dave all week; PS3 is used by no policy. PE1 level 3 is erin directly.
 */
function seed(extra: Partial<PagerDutyEmulatorOptions> = {}): PagerDutyEmulatorOptions {
  return {
    token: TOKEN,
    strict: true,
    now: () => NOW,
    users: [
      { id: 'PU1', name: 'Alice', email: 'alice@example.com', timeZone: 'Europe/Berlin' },
      { id: 'PU2', name: 'Bob', email: 'bob@example.com' },
      { id: 'PU3', name: 'Carol', email: 'carol@example.com' },
      { id: 'PU4', name: 'Dave', email: 'dave@example.com' },
      { id: 'PU5', name: 'Erin' },
    ],
    schedules: [
      {
        id: 'PS1',
        name: 'Payments primary',
        entries: [
          { userId: 'PU1', start: '2026-02-23T10:00:00Z', end: '2026-03-02T10:00:00Z' },
          { userId: 'PU2', start: '2026-03-02T10:00:00Z', end: '2026-03-09T10:00:00Z' },
        ],
        overrides: [{ userId: 'PU3', start: '2026-03-02T11:00:00Z', end: '2026-03-02T12:00:00Z' }],
      },
      { id: 'PS2', name: 'Payments secondary', timeZone: 'Europe/Berlin', entries: [{ userId: 'PU4', start: new Date('2026-03-01T00:00:00Z'), end: '2026-03-08T00:00:00Z' }] },
      { id: 'PS3', name: 'Unused', entries: [{ userId: 'PU3', start: '2026-03-01T00:00:00Z', end: '2026-03-08T00:00:00Z' }] },
    ],
    escalationPolicies: [
      { id: 'PE1', name: 'Payments', levels: [[{ schedule: 'PS1' }], [{ schedule: 'PS2' }], [{ user: 'PU5' }]] },
      { id: 'PE2', name: 'Payments again', levels: [[{ schedule: 'PS1' }]] },
    ],
    ...extra,
  };
}

async function start(t: Test, options: PagerDutyEmulatorOptions = seed()): Promise<PagerDutyEmulator> {
  const emu = await startPagerDutyEmulator(options);
  t.teardown(() => emu.close());
  return emu;
}

const HEADERS = { accept: PAGERDUTY_ACCEPT, authorization: `Token token=${TOKEN}` };

async function get(emu: PagerDutyEmulator, path: string, headers: Record<string, string> = HEADERS): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${emu.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

interface OnCallJson {
  user: { id: string; email?: string; type: string };
  escalation_policy: { id: string };
  schedule: { id: string } | null;
  escalation_level: number;
  start: string | null;
  end: string | null;
}

/** `user level start..end` lines of an `/oncalls` answer. */
function lines(body: Record<string, unknown>): string[] {
  return (body.oncalls as OnCallJson[]).map((o) => `${o.escalation_policy.id} L${o.escalation_level} ${o.schedule?.id ?? '-'} ${o.user.id} ${o.start ?? 'null'}..${o.end ?? 'null'}`);
}

// --- contract ------------------------------------------------------------------------------

/**
 * PagerDuty's description has no license, so it is read from `../shared` beside the checkout and
 * never copied in; on a clone without it, the contract test says so and skips.
 */
const SPEC_URL = new URL('../../../../shared/contracts/pagerduty/openapiv3.json', import.meta.url);
const spec = existsSync(SPEC_URL) ? (JSON.parse(readFileSync(SPEC_URL, 'utf8')) as Record<string, unknown>) : undefined;
const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
if (spec) ajv.addSchema(spec, 'pd');

/** The node at a local JSON pointer (`#/a/b~1c`) of the contract. */
function resolve(pointer: string): Record<string, unknown> {
  const keys = pointer.slice(2).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  return keys.reduce<Record<string, unknown>>((node, k) => node[k] as Record<string, unknown>, spec!);
}

/** A pointer to the JSON schema of `path`'s GET response `status`, following response `$ref`s. */
function responseSchema(path: string, status: number): string {
  let pointer = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/${status}`;
  for (let node = resolve(pointer); typeof node.$ref === 'string'; node = resolve(pointer)) pointer = node.$ref;
  return `pd${pointer}/content/application~1json/schema`;
}

/**
 * Where the contract disagrees with PagerDuty's own documentation, the documentation wins:
 * `start`, `end` and `schedule` of an on-call are null for a permanent on-call, and
 * `include[]=users` replaces user references by full users (`type: user`).
 */
const DOCUMENTED_DEVIATIONS = [/^\/oncalls\/\d+\/(start|end|schedule)$/, /^\/oncalls\/\d+\/user\/type$/];

/** Validates `body` against the contract's schema for `path`'s GET response `status`. */
function contractErrors(path: string, status: number, body: unknown): ErrorObject[] {
  const validate = ajv.compile({ $ref: responseSchema(path, status) });
  if (validate(body)) return [];
  return (validate.errors ?? []).filter((e) => !DOCUMENTED_DEVIATIONS.some((re) => re.test(e.instancePath)));
}

t.test('every emulated answer conforms to the PagerDuty contract', spec ? {} : { skip: `the PagerDuty description is not here (${SPEC_URL.pathname}); it is read from ../shared, never copied in` }, async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const cases: [string, string, number][] = [
    ['/oncalls', '/oncalls?include[]=users&since=2026-03-01T00:00:00Z&until=2026-03-03T00:00:00Z', 200],
    ['/oncalls', '/oncalls?since=2026-03-01T00:00:00Z&total=true', 200],
    ['/oncalls', '/oncalls?limit=oops', 400],
    ['/schedules/{id}', '/schedules/PS1?since=2026-03-02T00:00:00Z&until=2026-03-03T00:00:00Z', 200],
    ['/schedules/{id}', '/schedules/NOPE', 404],
    ['/schedules/{id}/users', '/schedules/PS1/users?since=2026-03-02T00:00:00Z&until=2026-03-03T00:00:00Z', 200],
    ['/escalation_policies/{id}', '/escalation_policies/PE1', 200],
    ['/escalation_policies/{id}', '/escalation_policies/NOPE', 404],
    ['/users', '/users?limit=4', 200], // the fifth user is seeded without the email PagerDuty requires
    ['/users/{id}', '/users/PU1', 200],
  ];
  for (const [contractPath, path, status] of cases) {
    const res = await get(emu, path);
    t.equal(res.status, status, path);
    t.same(contractErrors(contractPath, status, res.body), [], `${path} matches the contract`);
  }
  const denied = await get(emu, '/users', { accept: PAGERDUTY_ACCEPT, authorization: 'Token token=wrong' });
  t.same(contractErrors('/users', 401, denied.body), [], 'a 401 body matches the contract');
  t.same(emu.unexpected, [{ method: 'GET', path: '/users', reason: 'bad credentials' }]);
});

t.test('/oncalls has one entry per user, policy and level, only for schedules some policy uses', async (t) => {
  const emu = await start(t);
  const { body } = await get(emu, '/oncalls?since=2026-03-02T09:00:00Z&until=2026-03-02T12:30:00Z');
  t.same(lines(body), [
    'PE1 L1 PS1 PU1 2026-02-23T10:00:00Z..2026-03-02T10:00:00Z',
    'PE1 L1 PS1 PU2 2026-03-02T10:00:00Z..2026-03-02T11:00:00Z',
    'PE1 L1 PS1 PU3 2026-03-02T11:00:00Z..2026-03-02T12:00:00Z',
    'PE1 L1 PS1 PU2 2026-03-02T12:00:00Z..2026-03-09T10:00:00Z',
    'PE1 L2 PS2 PU4 2026-03-01T00:00:00Z..2026-03-08T00:00:00Z',
    'PE1 L3 - PU5 null..null',
    'PE2 L1 PS1 PU1 2026-02-23T10:00:00Z..2026-03-02T10:00:00Z',
    'PE2 L1 PS1 PU2 2026-03-02T10:00:00Z..2026-03-02T11:00:00Z',
    'PE2 L1 PS1 PU3 2026-03-02T11:00:00Z..2026-03-02T12:00:00Z',
    'PE2 L1 PS1 PU2 2026-03-02T12:00:00Z..2026-03-09T10:00:00Z',
  ]);
  t.equal((body.oncalls as OnCallJson[])[0]?.user.type, 'user_reference', 'users are references unless included');
  t.same(emu.unexpected, []);
});

t.test('/oncalls filters by schedule, policy and user, and include[]=users adds emails', async (t) => {
  const emu = await start(t);
  const window = 'since=2026-03-02T09:00:00Z&until=2026-03-02T10:30:00Z';
  const bySchedule = await get(emu, `/oncalls?${window}&schedule_ids[]=PS2&include[]=users`);
  t.same(lines(bySchedule.body), ['PE1 L2 PS2 PU4 2026-03-01T00:00:00Z..2026-03-08T00:00:00Z']);
  t.equal((bySchedule.body.oncalls as OnCallJson[])[0]?.user.email, 'dave@example.com');
  const permanent = await get(emu, `/oncalls?${window}&schedule_ids[]=null&include[]=users`);
  t.same(lines(permanent.body), ['PE1 L3 - PU5 null..null'], 'null selects permanent on-calls');
  t.notOk((permanent.body.oncalls as OnCallJson[])[0]?.user.email, 'a user seeded without email has none');
  const byPolicyAndUser = await get(emu, `/oncalls?${window}&escalation_policy_ids[]=PE2&user_ids[]=PU2`);
  t.same(lines(byPolicyAndUser.body), ['PE2 L1 PS1 PU2 2026-03-02T10:00:00Z..2026-03-02T11:00:00Z']);
  const unused = await get(emu, `/oncalls?${window}&schedule_ids[]=PS3`);
  t.same(lines(unused.body), [], 'a schedule no policy uses has no on-calls');
  const earliest = await get(emu, '/oncalls?since=2026-03-02T09:00:00Z&until=2026-03-02T13:00:00Z&escalation_policy_ids[]=PE2&earliest=true');
  t.same(lines(earliest.body), [
    'PE2 L1 PS1 PU1 2026-02-23T10:00:00Z..2026-03-02T10:00:00Z',
    'PE2 L1 PS1 PU2 2026-03-02T10:00:00Z..2026-03-02T11:00:00Z',
    'PE2 L1 PS1 PU3 2026-03-02T11:00:00Z..2026-03-02T12:00:00Z',
  ]);
  const now = await get(emu, '/oncalls?escalation_policy_ids[]=PE2');
  t.same(lines(now.body), ['PE2 L1 PS1 PU1 2026-02-23T10:00:00Z..2026-03-02T10:00:00Z'], 'since and until default to now');
  t.same(emu.unexpected, []);
});

t.test('/oncalls renders times in the time zone asked for', async (t) => {
  const emu = await start(t);
  const { body } = await get(emu, '/oncalls?since=2026-03-02T10:30:00&until=2026-03-02T10:30:00&time_zone=Europe/Berlin&schedule_ids[]=PS1&escalation_policy_ids[]=PE1');
  t.same(lines(body), ['PE1 L1 PS1 PU1 2026-02-23T11:00:00+01:00..2026-03-02T11:00:00+01:00'], 'a wall time since is read in that zone');
  t.equal(renderInstant(Date.parse('2026-07-01T12:00:00Z'), 'America/New_York'), '2026-07-01T08:00:00-04:00');
  t.equal(renderInstant(Date.parse('2026-07-01T12:00:00.750Z'), 'Etc/UTC'), '2026-07-01T12:00:00Z');
});

t.test('/oncalls pages with limit (25 by default, at most 100), offset, more and total', async (t) => {
  const entries = Array.from({ length: 130 }, (_, i) => ({ userId: 'PU1', start: new Date(Date.UTC(2026, 2, 2, 0, i)), end: new Date(Date.UTC(2026, 2, 2, 0, i + 1)) }));
  const emu = await start(t, {
    users: [{ id: 'PU1', name: 'Alice', email: 'alice@example.com' }],
    schedules: [{ id: 'PS1', name: 'Minutes', entries }],
    escalationPolicies: [{ id: 'PE1', name: 'P', levels: [[{ schedule: 'PS1' }]] }],
  });
  const window = 'since=2026-03-02T00:00:00Z&until=2026-03-02T03:00:00Z';
  const first = await get(emu, `/oncalls?${window}`);
  t.match(first.body, { limit: 25, offset: 0, more: true, total: null });
  t.equal((first.body.oncalls as unknown[]).length, 25);
  const clamped = await get(emu, `/oncalls?${window}&limit=500&offset=100&total=true`);
  t.match(clamped.body, { limit: 100, offset: 100, more: false, total: 130 });
  t.equal((clamped.body.oncalls as unknown[]).length, 30);
  const edge = await get(emu, `/oncalls?${window}&limit=100&offset=9900`);
  t.equal(edge.status, 200, 'offset + limit = 10000 is allowed');
  const past = await get(emu, `/oncalls?${window}&limit=100&offset=9901`);
  t.equal(past.status, 400);
  t.match(past.body, { error: { code: 2001, message: 'Invalid Input Provided', errors: [/Offset \+ limit must not exceed 10000/] } });
});

t.test('/oncalls refuses bad arguments with 400 and PagerDuty error bodies', async (t) => {
  const emu = await start(t);
  const bad: [string, RegExp][] = [
    ['since=yesterday', /since is not a valid date-time/],
    ['since=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z', /until time cannot be before/],
    ['since=2026-01-01T00:00:00Z&until=2026-06-01T00:00:00Z', /cannot exceed 3 months/],
    ['time_zone=Mars/Olympus', /not a valid time zone/],
    ['earliest=maybe', /earliest must be true or false/],
    ['offset=-1', /offset must be a non-negative integer/],
  ];
  for (const [query, message] of bad) {
    const res = await get(emu, `/oncalls?${query}`);
    t.equal(res.status, 400, query);
    t.match(res.body, { error: { code: 2001, errors: [message] } }, query);
  }
  t.same(emu.unexpected, [], 'a 400 is PagerDuty behaviour, not an emulator gap');
});

t.test('/schedules/{id} renders the final schedule with overrides, cut to the window unless overflow', async (t) => {
  const emu = await start(t);
  const window = 'since=2026-03-02T09:00:00Z&until=2026-03-02T12:30:00Z';
  const { body } = await get(emu, `/schedules/PS1?${window}&time_zone=UTC`);
  const schedule = body.schedule as Record<string, { rendered_schedule_entries: { user: { id: string }; start: string; end: string }[]; rendered_coverage_percentage: number }>;
  const show = (s: { rendered_schedule_entries: { user: { id: string }; start: string; end: string }[] } | undefined): string[] =>
    (s?.rendered_schedule_entries ?? []).map((e) => `${e.user.id} ${e.start}..${e.end}`);
  t.same(show(schedule.final_schedule), [
    'PU1 2026-03-02T09:00:00Z..2026-03-02T10:00:00Z',
    'PU2 2026-03-02T10:00:00Z..2026-03-02T11:00:00Z',
    'PU3 2026-03-02T11:00:00Z..2026-03-02T12:00:00Z',
    'PU2 2026-03-02T12:00:00Z..2026-03-02T12:30:00Z',
  ]);
  t.equal(schedule.final_schedule?.rendered_coverage_percentage, 100);
  t.same(show(schedule.overrides_subschedule), ['PU3 2026-03-02T11:00:00Z..2026-03-02T12:00:00Z']);
  t.match(body.schedule, { escalation_policies: [{ id: 'PE1' }, { id: 'PE2' }], users: [{ id: 'PU1' }, { id: 'PU2' }, { id: 'PU3' }] });
  const overflow = await get(emu, `/schedules/PS1?${window}&overflow=true`);
  t.same(show((overflow.body.schedule as typeof schedule).final_schedule)[0], 'PU1 2026-02-23T10:00:00Z..2026-03-02T10:00:00Z');
  const empty = await get(emu, '/schedules/PS3?since=2027-01-01T00:00:00Z&until=2027-01-02T00:00:00Z');
  t.same(show((empty.body.schedule as typeof schedule).final_schedule), []);
  t.equal((empty.body.schedule as typeof schedule).final_schedule?.rendered_coverage_percentage, 0);
  t.same(emu.unexpected, []);
});

t.test('/schedules/{id}/users lists who is on call in the window, with emails', async (t) => {
  const emu = await start(t);
  const { body } = await get(emu, '/schedules/PS1/users?since=2026-03-02T10:30:00Z&until=2026-03-02T11:30:00Z');
  t.same((body.users as { email: string }[]).map((u) => u.email), ['bob@example.com', 'carol@example.com']);
  t.equal((await get(emu, '/schedules/NOPE/users')).status, 404);
});

t.test('/escalation_policies/{id} lists its rules and targets', async (t) => {
  const emu = await start(t);
  const { body } = await get(emu, '/escalation_policies/PE1');
  t.match(body, {
    escalation_policy: {
      id: 'PE1',
      type: 'escalation_policy',
      escalation_rules: [{ targets: [{ id: 'PS1', type: 'schedule_reference' }] }, { targets: [{ id: 'PS2' }] }, { targets: [{ id: 'PU5', type: 'user_reference' }] }],
    },
  });
});

t.test('/users pages and filters by query; /users/{id} finds one user or 404s', async (t) => {
  const emu = await start(t);
  const all = await get(emu, '/users?limit=2&offset=2');
  t.same((all.body.users as { id: string }[]).map((u) => u.id), ['PU3', 'PU4']);
  t.match(all.body, { more: true });
  const found = await get(emu, '/users?query=BOB');
  t.same((found.body.users as { id: string }[]).map((u) => u.id), ['PU2']);
  t.match((await get(emu, '/users/PU1')).body, { user: { id: 'PU1', email: 'alice@example.com', time_zone: 'Europe/Berlin' } });
  const missing = await get(emu, '/users/NOPE');
  t.equal(missing.status, 404);
  t.match(missing.body, { error: { code: 2100, message: 'Not Found' } });
});

t.test('requests need the token as Token token=... or Bearer', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  t.equal((await get(emu, '/users', { accept: PAGERDUTY_ACCEPT, authorization: `Bearer ${TOKEN}` })).status, 200);
  const none = await get(emu, '/users', { accept: PAGERDUTY_ACCEPT });
  t.equal(none.status, 401);
  t.match(none.body, { error: { code: 2006, message: 'Authentication failed' } });
  t.same(emu.unexpected, [{ method: 'GET', path: '/users', reason: 'no credentials' }]);
});

t.test('strict mode records unknown routes, unknown parameters, features not emulated and a missing Accept', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const route = await get(emu, '/services');
  t.equal(route.status, 501);
  t.match(route.body, { error: { message: 'Not emulated: GET /services' } });
  t.equal((await get(emu, '/oncalls?schedule_ids=PS1&include[]=schedules')).status, 200, 'PagerDuty ignores unknown parameters, so the answer is 200');
  await get(emu, '/schedules/PS1?include_next_oncall_for_user=PU1');
  await get(emu, '/users?team_ids[]=PT1&include[]=teams');
  await get(emu, '/users/PU1?include[]=contact_methods');
  await get(emu, '/escalation_policies/PE1?include[]=targets');
  await get(emu, '/users', { accept: 'application/json', authorization: `Token token=${TOKEN}` });
  t.same(
    emu.unexpected.map((u) => `${u.path}: ${u.reason}`),
    [
      '/services: no such route',
      '/oncalls: unknown query parameter schedule_ids; include[]=schedules is not emulated',
      '/schedules/PS1: include_next_oncall_for_user is not emulated',
      '/users: include[]=teams is not emulated; team_ids[] is not emulated (the account has no teams)',
      '/users/PU1: include[]=contact_methods is not emulated',
      '/escalation_policies/PE1: include[]=targets is not emulated',
      `/users: Accept is "application/json", not ${PAGERDUTY_ACCEPT}`,
    ],
  );
});

t.test('without strict mode and token, unknown parameters pass silently and unknown routes are 404', async (t) => {
  const emu = await start(t, seed({ strict: false, token: undefined }));
  emu.acceptUnexpected();
  t.equal((await get(emu, '/oncalls?bogus=1', {})).status, 200);
  t.equal((await get(emu, '/services', {})).status, 404);
  t.same(emu.unexpected, [{ method: 'GET', path: '/services', reason: 'no such route' }]);
});

t.test('the real clock is the default for since and until', async (t) => {
  const now = Date.now();
  const emu = await start(t, {
    users: [{ id: 'PU1', name: 'Alice', email: 'a@example.com' }],
    schedules: [{ id: 'PS1', name: 'S', entries: [{ userId: 'PU1', start: new Date(now - 3_600_000), end: new Date(now + 3_600_000) }] }],
    escalationPolicies: [{ id: 'PE1', name: 'P', levels: [[{ schedule: 'PS1' }]] }],
  });
  t.equal(((await get(emu, '/oncalls', {})).body.oncalls as unknown[]).length, 1);
});

t.test('a seed PagerDuty could not be in is refused', async (t) => {
  const user = { id: 'PU1', name: 'Alice' };
  const shift = { userId: 'PU1', start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' };
  t.throws(() => new PagerDutyState({ users: [user, user] }), /duplicate user id PU1/);
  t.throws(() => new PagerDutyState({ users: [user], schedules: [{ id: 'S', name: 'S', entries: [{ ...shift, userId: 'PU9' }] }] }), /unknown user PU9/);
  t.throws(() => new PagerDutyState({ users: [user], schedules: [{ id: 'S', name: 'S', entries: [{ ...shift, end: shift.start }] }] }), /ends before it starts/);
  t.throws(() => new PagerDutyState({ users: [user], schedules: [{ id: 'S', name: 'S', entries: [shift, shift] }] }), /overlap/);
  t.throws(() => new PagerDutyState({ users: [user], schedules: [{ id: 'S', name: 'S', entries: [{ ...shift, start: 'soon' }] }] }), /soon is not an instant/);
  t.throws(() => new PagerDutyState({ users: [user], escalationPolicies: [{ id: 'E', name: 'E', levels: [[{ schedule: 'S9' }]] }] }), /unknown schedule S9/);
  t.throws(() => new PagerDutyState({ users: [user], escalationPolicies: [{ id: 'E', name: 'E', levels: [[{ user: 'PU9' }]] }] }), /unknown user PU9/);
});

t.test('an override covering a whole shift, or the middle of one, replaces exactly its interval', async (t) => {
  const state = new PagerDutyState({
    users: [
      { id: 'A', name: 'A' },
      { id: 'B', name: 'B' },
    ],
    schedules: [
      {
        id: 'S',
        name: 'S',
        entries: [
          { userId: 'A', start: '2026-03-02T00:00:00Z', end: '2026-03-02T08:00:00Z' },
          { userId: 'A', start: '2026-03-02T08:00:00Z', end: '2026-03-02T16:00:00Z' },
        ],
        overrides: [
          { userId: 'B', start: '2026-03-02T00:00:00Z', end: '2026-03-02T08:00:00Z' },
          { userId: 'B', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' },
        ],
      },
    ],
  });
  const show = state.schedules.get('S')?.final.map((s) => `${s.user.id} ${new Date(s.start).toISOString().slice(11, 16)}-${new Date(s.end).toISOString().slice(11, 16)}`);
  t.same(show, ['B 00:00-08:00', 'A 08:00-10:00', 'B 10:00-11:00', 'A 11:00-16:00']);
});
