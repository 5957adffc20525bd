import t, { type Test } from 'tap';
import { createRequire } from 'node:module';
import { api } from '@pagerduty/pdjs';
import type { RotationBinding } from '../src/config/model.js';
import { startPagerDutyEmulator, type PagerDutyEmulator, type PagerDutyEmulatorOptions, type PagerDutyShiftSeed } from '@oncall-access/emulators/pagerduty';
import type { HttpOptions } from '../src/http/client.js';
import { readOnlyFetch, type Fetch } from '../src/http/read-only.js';
import { chunkIds, PagerDutySource } from '../src/sources/pagerduty.js';
import { bindingKey, type Shift, type ShiftRead } from '../src/sources/source.js';
import { closedPort } from './helpers/net.js';

const TOKEN = 'pd-secret-token-123';
const SINCE = new Date('2026-03-02T08:00:00Z');
const UNTIL = new Date('2026-03-02T12:00:00Z');
const pos = { file: 'profiles/payments.yaml', line: 1, col: 1 };

const schedule = (id: string): RotationBinding => ({ kind: 'schedule', source: 'pd', schedule: id, pos });
const policy = (id: string, levels?: number[]): RotationBinding => ({ kind: 'escalationPolicy', source: 'pd', escalationPolicy: id, ...(levels ? { levels } : {}), pos });

const shift = (userId: string, start: string, end: string): PagerDutyShiftSeed => ({ userId, start: `2026-03-${start}:00Z`, end: `2026-03-${end}:00Z` });

/**
 * The Payments account on 2 March 2026 (window 08:00-12:00 UTC):
 * - PS_PRIMARY hands off from alice to bob at 10:00.
 * - PS_OVERRIDE is carol's week, with dave overriding 09:00-11:00.
 * - PS_SECONDARY (level 2 of PE_PAY) is erin's week; level 3 of PE_PAY is frank, directly (permanent).
 * - PE_TWICE has PS_PRIMARY at levels 1 and 2.
 * - PS_UNUSED (frank) is used by no escalation policy; PS_QUIET's only shift is next week.
 * - PS_NOMAIL belongs to PNOMAIL, a user without email, on PE_NOMAIL.
 */
function world(extra: Partial<PagerDutyEmulatorOptions> = {}): PagerDutyEmulatorOptions {
  return {
    token: TOKEN,
    strict: true,
    users: [
      { id: 'PALICE', name: 'Alice', email: 'alice@example.com' },
      { id: 'PBOB', name: 'Bob', email: 'bob@example.com' },
      { id: 'PCAROL', name: 'Carol', email: 'carol@example.com' },
      { id: 'PDAVE', name: 'Dave', email: 'dave@example.com' },
      { id: 'PERIN', name: 'Erin', email: 'erin@example.com' },
      { id: 'PFRANK', name: 'Frank', email: 'frank@example.com' },
      { id: 'PNOMAIL', name: 'Nomail' },
    ],
    schedules: [
      { id: 'PS_PRIMARY', name: 'Primary', entries: [shift('PALICE', '01T10:00', '02T10:00'), shift('PBOB', '02T10:00', '03T10:00')] },
      { id: 'PS_OVERRIDE', name: 'Overridden', entries: [shift('PCAROL', '01T00:00', '08T00:00')], overrides: [shift('PDAVE', '02T09:00', '02T11:00')] },
      { id: 'PS_SECONDARY', name: 'Secondary', entries: [shift('PERIN', '01T00:00', '08T00:00')] },
      { id: 'PS_UNUSED', name: 'Unused', entries: [shift('PFRANK', '01T00:00', '03T00:00')] },
      { id: 'PS_QUIET', name: 'Quiet', entries: [shift('PFRANK', '09T00:00', '10T00:00')] },
      { id: 'PS_NOMAIL', name: 'No mail', entries: [shift('PNOMAIL', '01T00:00', '08T00:00')] },
    ],
    escalationPolicies: [
      { id: 'PE_PAY', name: 'Payments', levels: [[{ schedule: 'PS_PRIMARY' }], [{ schedule: 'PS_SECONDARY' }], [{ user: 'PFRANK' }]] },
      { id: 'PE_TWICE', name: 'Twice', levels: [[{ schedule: 'PS_PRIMARY' }], [{ schedule: 'PS_PRIMARY' }]] },
      { id: 'PE_OVERRIDE', name: 'Overridden', levels: [[{ schedule: 'PS_OVERRIDE' }]] },
      { id: 'PE_QUIET', name: 'Quiet', levels: [[{ schedule: 'PS_QUIET' }]] },
      { id: 'PE_NOMAIL', name: 'No mail', levels: [[{ schedule: 'PS_NOMAIL' }]] },
    ],
    ...extra,
  };
}

interface Harness {
  emu: PagerDutyEmulator;
  source: PagerDutySource;
  /** Waits `getJson` asked for, in milliseconds (nothing really sleeps). */
  waits: number[];
  /** Every request the source made, as the fetch it was given saw it. */
  sent: { url: string; headers: Headers }[];
}

async function start(t: Test, o: { world?: PagerDutyEmulatorOptions; http?: Partial<Omit<HttpOptions, 'fetch'>>; token?: string; tokenEnv?: string; fetch?: Fetch } = {}): Promise<Harness> {
  const emu = await startPagerDutyEmulator(o.world ?? world());
  t.teardown(() => emu.close());
  const waits: number[] = [];
  const sent: Harness['sent'] = [];
  const inner = o.fetch ?? globalThis.fetch;
  const spy: Fetch = (input, init) => {
    sent.push({ url: String(input), headers: new Headers(init?.headers) });
    return inner(input, init);
  };
  const source = new PagerDutySource({
    apiUrl: `${emu.url}/`,
    token: o.token ?? TOKEN,
    tokenEnv: o.tokenEnv,
    fetch: spy,
    http: { sleep: async (ms) => void waits.push(ms), backoffMs: 10, ...o.http },
  });
  return { emu, source, waits, sent };
}

/** Shifts as `email start..end` (HH:MM on 2 March, or the ISO date-time, or `open`). */
function show(shifts: readonly Shift[]): string[] {
  const at = (d: Date | undefined): string => {
    if (d === undefined) return 'open';
    const iso = d.toISOString();
    return iso.startsWith('2026-03-02') ? iso.slice(11, 16) : iso.slice(0, 16);
  };
  return shifts.map((s) => `${s.email.split('@')[0]} ${at(s.start)}..${at(s.end)}`);
}

/** Reads `bindings` and returns each one's read, in order. */
async function read(h: Harness, bindings: RotationBinding[]): Promise<ShiftRead[]> {
  const reads = await h.source.readShifts(bindings, SINCE, UNTIL);
  return bindings.map((b) => reads.get(bindingKey(b)) as ShiftRead);
}

/** The shifts of a read that must have worked. */
function ok(t: Test, r: ShiftRead | undefined): string[] {
  if (r?.ok) return show(r.shifts);
  t.fail(`expected shifts, got ${JSON.stringify(r)}`);
  return [];
}

/** The error of a read that must have failed; asserts it does not contain the token. */
function failed(t: Test, r: ShiftRead | undefined): string {
  if (r === undefined || r.ok) {
    t.fail(`expected a failure, got ${JSON.stringify(r)}`);
    return '';
  }
  t.notMatch(r.error, TOKEN, 'the error never contains the token');
  return r.error;
}

/** Requests the emulator served, as `path status`. */
const log = (emu: PagerDutyEmulator): string[] => emu.requests.map((r) => `${r.path} ${r.status}`);

t.test('a handoff inside the window gives both people their own shift', async (t) => {
  const h = await start(t);
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.same(ok(t, primary), ['alice 2026-03-01T10:00..10:00', 'bob 10:00..2026-03-03T10:00']);
  t.same(log(h.emu), ['/oncalls 200'], 'one request, emails included');
  t.same(h.emu.unexpected, []);
});

t.test('an override shows up as its own shift, splitting the scheduled one', async (t) => {
  const h = await start(t);
  const [overridden] = await read(h, [schedule('PS_OVERRIDE')]);
  t.same(ok(t, overridden), ['carol 2026-03-01T00:00..09:00', 'dave 09:00..11:00', 'carol 11:00..2026-03-08T00:00']);
});

t.test('an escalation policy bound at level 1 leaves out the people at levels 2 and 3', async (t) => {
  const h = await start(t);
  const [level1, all] = await read(h, [policy('PE_PAY', [1]), policy('PE_PAY')]);
  t.same(ok(t, level1), ['alice 2026-03-01T10:00..10:00', 'bob 10:00..2026-03-03T10:00']);
  t.same(ok(t, all), ['erin 2026-03-01T00:00..2026-03-08T00:00', 'alice 2026-03-01T10:00..10:00', 'frank 08:00..open', 'bob 10:00..2026-03-03T10:00']);
  t.same(log(h.emu), ['/oncalls 200'], 'both bindings come from one request');
});

t.test('the same person on two levels of one policy is one shift, not two', async (t) => {
  const h = await start(t);
  const [twice] = await read(h, [policy('PE_TWICE')]);
  t.same(ok(t, twice), ['alice 2026-03-01T10:00..10:00', 'bob 10:00..2026-03-03T10:00']);
});

t.test('a permanent on-call (a user targeted directly) is an open-ended shift from since', async (t) => {
  const h = await start(t);
  const [level3] = await read(h, [policy('PE_PAY', [3])]);
  const r = level3 as Extract<ShiftRead, { ok: true }>;
  t.same(r.shifts, [{ email: 'frank@example.com', start: SINCE }]);
  t.equal(r.shifts[0]?.end, undefined);
});

t.test('a schedule no escalation policy uses is read from its final schedule, in two more requests', async (t) => {
  const h = await start(t);
  const [unused, primary] = await read(h, [schedule('PS_UNUSED'), schedule('PS_PRIMARY')]);
  t.same(ok(t, unused), ['frank 08:00..12:00'], 'cut to the window, as PagerDuty renders schedules');
  t.same(ok(t, primary), ['alice 2026-03-01T10:00..10:00', 'bob 10:00..2026-03-03T10:00']);
  t.same(log(h.emu), ['/oncalls 200', '/schedules/PS_UNUSED 200', '/schedules/PS_UNUSED/users 200']);
  t.same(h.emu.unexpected, []);
});

t.test('a schedule with nobody on call in the window is empty, not failed, after one check', async (t) => {
  const h = await start(t);
  const [quiet, quietPolicy] = await read(h, [schedule('PS_QUIET'), policy('PE_QUIET', [1])]);
  t.same(ok(t, quiet), []);
  t.same(ok(t, quietPolicy), []);
  t.same(log(h.emu).sort(), ['/escalation_policies/PE_QUIET 200', '/oncalls 200', '/oncalls 200', '/schedules/PS_QUIET 200']);
});

t.test('250 on-call entries come back over three pages', async (t) => {
  const entries = Array.from({ length: 250 }, (_, i) => ({ userId: 'PALICE', start: new Date(SINCE.getTime() + i * 60_000), end: new Date(SINCE.getTime() + (i + 1) * 60_000) }));
  const h = await start(t, {
    world: world({ schedules: [{ id: 'PS_MINUTES', name: 'Minutes', entries }], escalationPolicies: [{ id: 'PE_MINUTES', name: 'M', levels: [[{ schedule: 'PS_MINUTES' }]] }] }),
  });
  const reads = await h.source.readShifts([schedule('PS_MINUTES')], SINCE, new Date(SINCE.getTime() + 250 * 60_000));
  const r = reads.get(bindingKey(schedule('PS_MINUTES')));
  t.equal(r?.ok && r.shifts.length, 250);
  t.same(log(h.emu), ['/oncalls 200', '/oncalls 200', '/oncalls 200']);
  t.same(
    h.sent.map((s) => new URL(s.url).searchParams.get('offset')),
    ['0', '100', '200'],
  );
});

t.test('forty bindings over four rotations take two requests', async (t) => {
  const h = await start(t);
  const bindings = Array.from({ length: 10 }, (_, i) => [
    { ...schedule('PS_PRIMARY'), pos: { ...pos, line: i } },
    { ...policy('PE_PAY', [1]), pos: { ...pos, line: i } },
    policy('PE_PAY', [2, 1]),
    policy('PE_TWICE'),
  ]).flat();
  const reads = await h.source.readShifts(bindings, SINCE, UNTIL);
  t.equal(reads.size, 4, 'bindings of one rotation share one key');
  t.ok([...reads.values()].every((r) => r.ok));
  t.same(log(h.emu), ['/oncalls 200', '/oncalls 200'], 'one /oncalls for schedules, one for escalation policies');
  const params = h.sent.map((s) => [...new URL(s.url).searchParams.keys()].sort().join(' '));
  t.same(new Set(params).size, 2);
  t.match(h.sent[0]?.url, /include%5B%5D=users/);
  t.match(h.sent[0]?.url, /time_zone=UTC/);
  t.match(h.sent[0]?.url, /earliest=false/);
});

t.test('six hundred schedules are batched into URLs under 6 KB', async (t) => {
  const ids = Array.from({ length: 600 }, (_, i) => `PS${String(i).padStart(5, '0')}`);
  const h = await start(t, {
    world: world({
      schedules: ids.map((id) => ({ id, name: id, entries: [shift('PALICE', '02T00:00', '03T00:00')] })),
      escalationPolicies: [{ id: 'PE_ALL', name: 'All', levels: [ids.map((id) => ({ schedule: id }))] }],
    }),
  });
  const reads = await h.source.readShifts(ids.map(schedule), SINCE, UNTIL);
  t.ok([...reads.values()].every((r) => r.ok && r.shifts.length === 1), 'every schedule has its shift');
  t.ok(h.sent.every((s) => s.url.length < 6000), 'every URL is under 6 KB');
  const chunks = h.sent.filter((s) => new URL(s.url).searchParams.get('offset') === '0').map((s) => new URL(s.url).searchParams.getAll('schedule_ids[]').length);
  t.equal(chunks.length, 3, 'three chunks of ids');
  t.equal(chunks.reduce((a, b) => a + b, 0), 600);
  t.ok(Math.max(...h.sent.map((s) => s.url.length)) > 5900, 'chunks are filled up to the limit');
  t.equal(h.emu.requests.length, 8, 'each chunk paged by 100: 3 + 3 + 2 requests');
  t.same(h.emu.unexpected, []);
});

t.test('chunks never split an id and always hold at least one', async (t) => {
  t.same(chunkIds(['A', 'B', 'C'], 'x[]', 20), [['A', 'B'], ['C']]);
  t.same(chunkIds(['TOOLONG'], 'x[]', 1), [['TOOLONG']]);
  t.same(chunkIds([], 'x[]', 100), []);
});

t.test('a user without an email fails the read and names the user', async (t) => {
  const h = await start(t);
  const [nomail, primary] = await read(h, [policy('PE_NOMAIL'), policy('PE_PAY', [1])]);
  t.equal(failed(t, nomail), 'PagerDuty user PNOMAIL has no email address');
  t.ok(primary?.ok, 'other bindings are unaffected');
});

t.test('a user without an email on a schedule no policy uses fails the read too', async (t) => {
  const h = await start(t, { world: world({ escalationPolicies: [] }) });
  const [nomail] = await read(h, [schedule('PS_NOMAIL')]);
  t.equal(failed(t, nomail), 'PagerDuty user PNOMAIL has no email address');
});

t.test('a 429 waits as long as ratelimit-reset says, then succeeds', async (t) => {
  const h = await start(t);
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 429, headers: { 'ratelimit-reset': '1' }, body: { error: { message: 'Rate Limit Exceeded', code: 2020 } } });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.ok(primary?.ok);
  t.same(h.waits, [1000]);
  t.same(log(h.emu), ['/oncalls 429', '/oncalls 200'], 'pdjs did not retry on its own');
});

for (const status of [500, 502, 503]) {
  t.test(`an HTTP ${status} is retried with backoff, then succeeds`, async (t) => {
    const h = await start(t);
    h.emu.failNext({ pathPrefix: '/oncalls' }, { status, raw: '<html>Bad gateway</html>' }, 2);
    const [primary] = await read(h, [schedule('PS_PRIMARY')]);
    t.same(ok(t, primary), ['alice 2026-03-01T10:00..10:00', 'bob 10:00..2026-03-03T10:00']);
    t.same(h.waits, [10, 20]);
  });
}

t.test('a dropped connection is retried, then succeeds', async (t) => {
  const h = await start(t);
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 200, drop: true });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.ok(primary?.ok);
  t.equal(h.waits.length, 1);
});

t.test('malformed JSON is retried, then succeeds', async (t) => {
  const h = await start(t);
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 200, raw: '{"oncalls": [' });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.ok(primary?.ok);
  t.equal(h.waits.length, 1);
});

t.test('an answer that hangs past the timeout is abandoned and retried', async (t) => {
  // The hang (30 s) is ten times the timeout (3 s), so a loaded machine cannot blur the two.
  const h = await start(t, { http: { timeoutMs: 3_000 } });
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 200, body: { oncalls: [], more: false }, delayMs: 30_000 });
  const began = Date.now();
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.same(ok(t, primary), ['alice 2026-03-01T10:00..10:00', 'bob 10:00..2026-03-03T10:00'], 'the late empty answer was not used');
  t.ok(Date.now() - began < 15_000, 'pdjs did not wait for the hung response');
});

t.test('persistent failures fail only the bindings whose data they carried', async (t) => {
  const h = await start(t, { http: { retries: 1 } });
  h.emu.failNext({ pathPrefix: '/schedules/PS_UNUSED' }, { status: 503 }, 2);
  const [unused, primary] = await read(h, [schedule('PS_UNUSED'), schedule('PS_PRIMARY')]);
  t.equal(failed(t, unused), 'GET /schedules/PS_UNUSED: server error (HTTP 503) after retries');
  t.ok(primary?.ok);
});

t.test('a schedule deleted between its two fallback reads is reported as not found', async (t) => {
  const h = await start(t);
  h.emu.failNext({ pathPrefix: '/schedules/PS_UNUSED/users' }, { status: 404, body: { error: { message: 'Not Found', code: 2100 } } });
  const [unused] = await read(h, [schedule('PS_UNUSED')]);
  t.equal(failed(t, unused), 'schedule PS_UNUSED not found (check the schedule id)');
});

t.test('a persistent timeout says how long was waited', async (t) => {
  const h = await start(t, { http: { timeoutMs: 50, retries: 1 } });
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 200, body: {}, delayMs: 30_000 }, 2);
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.equal(failed(t, primary), 'GET /oncalls: no answer within 50 ms after retries');
});

t.test('a wrong token names the variable it came from, and never shows the token', async (t) => {
  const h = await start(t, { token: 'wrong-token', tokenEnv: 'PAGERDUTY_TOKEN' });
  h.emu.acceptUnexpected();
  const [primary, pay] = await read(h, [schedule('PS_PRIMARY'), policy('PE_PAY')]);
  const expected = 'PagerDuty rejected the token in PAGERDUTY_TOKEN (HTTP 401): it is wrong or was revoked; put a valid REST API key there (read-only is enough)';
  t.equal(failed(t, primary), expected);
  t.equal(failed(t, pay), expected);
  t.match(primary, { fault: 'token' }, 'the fix is the source\'s token');
});

t.test('a token without read access names its variable and the access it needs', async (t) => {
  const h = await start(t, { tokenEnv: 'PAGERDUTY_TOKEN' });
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 403, body: { error: { message: 'Access Denied', code: 2010 } } });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.equal(failed(t, primary), 'the token in PAGERDUTY_TOKEN may not read this (HTTP 403 on GET /oncalls): use a general access REST API key (read-only is enough), or a user token of a user who can see it');
  t.match(primary, { fault: 'token' });
});

t.test('a host that refuses connections: the error names the URL and says to check apiUrl', async (t) => {
  const url = await closedPort();
  const source = new PagerDutySource({ apiUrl: url, token: TOKEN, fetch: globalThis.fetch, http: { retries: 1, backoffMs: 1 } });
  const reads = await source.readShifts([schedule('PS_PRIMARY')], SINCE, UNTIL);
  const primary = reads.get(bindingKey(schedule('PS_PRIMARY')));
  t.equal(failed(t, primary), `cannot connect to ${url} (ECONNREFUSED): check apiUrl, and that this machine can reach the host`);
  t.match(primary, { fault: 'endpoint' }, 'the fix is the source\'s apiUrl');
});

t.test('an unknown schedule or escalation policy, or a level a policy lacks, is an error naming the id', async (t) => {
  const h = await start(t);
  const [s, p, level] = await read(h, [schedule('PNOPE'), policy('PENOPE', [1]), policy('PE_PAY', [1, 5])]);
  t.equal(failed(t, s), 'schedule PNOPE not found (check the schedule id)');
  t.equal(failed(t, p), 'escalation policy PENOPE not found (check the escalation policy id)');
  t.equal(failed(t, level), 'escalation policy PE_PAY has no level 5 (it has 3)');
  t.equal(h.emu.requests.filter((r) => r.path === '/escalation_policies/PE_PAY').length, 1);
});

t.test('two bindings of one empty policy check it once', async (t) => {
  const h = await start(t);
  await read(h, [policy('PE_QUIET', [1]), policy('PE_QUIET')]);
  t.equal(h.emu.requests.filter((r) => r.path === '/escalation_policies/PE_QUIET').length, 1);
});

t.test('an error message echoing the token is redacted', async (t) => {
  const h = await start(t);
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 400, body: { error: { message: `Token token=${TOKEN} is odd`, code: 2001 } } });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.equal(failed(t, primary), 'GET /oncalls: HTTP 400: Token token=[redacted] is odd');
});

t.test('answers of an unexpected shape are errors, not empty rotations', async (t) => {
  const h = await start(t);
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 200, body: { oncalls: 'none' } });
  h.emu.failNext({ pathPrefix: '/oncalls' }, { status: 200, body: { oncalls: [{ user: { id: 'PALICE' } }], more: false } });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  const [pay] = await read(h, [policy('PE_PAY')]);
  t.equal(failed(t, primary), 'GET /oncalls answered a body this source does not understand');
  t.equal(failed(t, pay), 'GET /oncalls answered a body this source does not understand');
  h.emu.failNext({ pathPrefix: '/schedules/PS_UNUSED' }, { status: 200, body: { schedule: {} } });
  t.equal(failed(t, (await read(h, [schedule('PS_UNUSED')]))[0]), 'GET /schedules/PS_UNUSED answered a body this source does not understand');
  h.emu.failNext({ pathPrefix: '/schedules/PS_UNUSED/users' }, { status: 200, body: { users: [{ name: 'no id' }] } });
  t.equal(failed(t, (await read(h, [schedule('PS_UNUSED')]))[0]), 'GET /schedules/PS_UNUSED/users answered a body this source does not understand');
  h.emu.failNext({ pathPrefix: '/escalation_policies/PE_QUIET' }, { status: 200, body: { escalation_policy: { id: 'PE_QUIET' } } });
  t.equal(failed(t, (await read(h, [policy('PE_QUIET')]))[0]), 'GET /escalation_policies/PE_QUIET answered a body this source does not understand');
  h.emu.failNext({ pathPrefix: '/schedules/PS_UNUSED' }, { status: 200, body: { schedule: { final_schedule: { rendered_schedule_entries: [{ user: { id: 'PFRANK' }, start: 'soon', end: null }] } } } });
  t.equal(failed(t, (await read(h, [schedule('PS_UNUSED')]))[0]), 'GET /schedules/PS_UNUSED answered a body this source does not understand');
});

t.test('a list PagerDuty cannot page through (over 10000 results) is an error, found without asking past it', async (t) => {
  let calls = 0;
  const endless: Fetch = async (input) => {
    calls += 1;
    const offset = Number(new URL(String(input)).searchParams.get('offset'));
    return new Response(JSON.stringify({ oncalls: [], more: true, offset }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const h = await start(t, { fetch: endless });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.match(failed(t, primary), /^GET \/oncalls for 1 id\(s\) has more than 10000 results/);
  t.equal(calls, 100, 'offsets 0 to 9900, never 10000');
});

t.test('rotation bindings belong to the rotations source', async (t) => {
  const h = await start(t);
  const [r] = await read(h, [{ kind: 'rotation', source: 'pd', rotation: 'primary', pos }]);
  t.equal(failed(t, r), 'a pagerduty source serves schedules and escalation policies');
  t.same(h.emu.requests, [], 'nothing to ask PagerDuty');
});

t.test('reads work through readOnlyFetch, built and sent by pdjs', async (t) => {
  const h = await start(t, { fetch: readOnlyFetch(globalThis.fetch) });
  const [primary, unused] = await read(h, [schedule('PS_PRIMARY'), schedule('PS_UNUSED')]);
  t.ok(primary?.ok && unused?.ok);
  for (const s of h.sent) {
    t.match(s.headers.get('user-agent'), /^pdjs\//, 'pdjs built the request');
    t.equal(s.headers.get('accept'), 'application/vnd.pagerduty+json;version=2');
    t.equal(s.headers.get('authorization'), `Token token=${TOKEN}`);
  }
  t.equal(h.sent.length, h.emu.requests.length, 'every request went through the given fetch');
  t.same(h.emu.unexpected, []);
});

t.test('a fetch that refuses a request fails the read with its reason', async (t) => {
  const refusing: Fetch = async () => {
    throw new Error('refused by policy');
  };
  const h = await start(t, { fetch: refusing, http: { retries: 0 } });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.equal(failed(t, primary), 'GET /oncalls: network error (refused by policy) after retries');
});

t.test('if pdjs stops sending through cross-fetch, reads fail instead of bypassing the fetch', async (t) => {
  const crossFetch = createRequire(createRequire(import.meta.url).resolve('@pagerduty/pdjs'))('cross-fetch') as { default: unknown };
  const routed = crossFetch.default;
  crossFetch.default = async () => new Response('{}', { status: 200 });
  t.teardown(() => {
    crossFetch.default = routed;
  });
  const h = await start(t, { http: { retries: 0 } });
  const [primary] = await read(h, [schedule('PS_PRIMARY')]);
  t.equal(failed(t, primary), 'GET /oncalls: network error (pdjs did not send the request through the configured fetch) after retries');
});

t.test('pdjs used directly still reaches cross-fetch, and resolves a 401 instead of rejecting', async (t) => {
  const h = await start(t);
  h.emu.acceptUnexpected();
  const res = await api({ url: `${h.emu.url}/users`, token: 'wrong', requestTimeout: 0 });
  t.equal(res.status, 401, 'why the source checks statuses itself');
  t.match(res.data, { error: { message: 'Authentication failed' } });
});

t.test('the default API URL is PagerDuty US', async (t) => {
  let url = '';
  const capture: Fetch = async (input) => {
    url = String(input);
    return new Response(JSON.stringify({ oncalls: [], more: false }), { status: 200 });
  };
  const source = new PagerDutySource({ token: TOKEN, fetch: capture });
  await source.readShifts([policy('PE1')], SINCE, UNTIL);
  t.match(url, /^https:\/\/api\.pagerduty\.com\/(oncalls|escalation_policies)/);
});
