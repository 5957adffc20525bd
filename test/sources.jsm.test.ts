import t, { type Test } from 'tap';
import type { RotationBinding } from '../src/config/model.js';
import { JSM_OPS_SCOPE, startJsmEmulator, type JsmEmulator, type JsmEmulatorOptions, type JsmScheduleSeed, type JsmUserSeed } from '@oncall-access/emulators/jsm';
import type { HttpOptions } from '../src/http/client.js';
import { readOnlyFetch, type Fetch } from '../src/http/read-only.js';
import { JsmSource, SCHEDULE_PAGE, USER_CHUNK, type JsmSourceOptions } from '../src/sources/jsm.js';
import { bindingKey, type ShiftRead } from '../src/sources/source.js';
import { ALICE, BOB, CAROL, CLOUD, EMAIL, PAYMENTS_ID, TOKEN } from './helpers/jsm.js';
import { closedPort } from './helpers/net.js';
import { failure, recording, schedule as bind, shift, shifts, sleeper } from './helpers/shift-reads.js';

const ZOE = '5b10ac8d82e05b22cc7d4e00';
const pos = { file: 'profiles/p.yaml', line: 1, col: 1 };

/** The window asked for: 08:00 to 10:00 UTC on Monday 2 March 2026, around the 09:00 handoff. */
const SINCE = new Date('2026-03-02T08:00:00Z');
const UNTIL = new Date('2026-03-02T10:00:00Z');
const TODAY = Date.parse('2026-03-02T08:30:00Z');

const USERS: JsmUserSeed[] = [
  { accountId: ALICE, displayName: 'Alice Example', email: 'alice@example.com' },
  { accountId: BOB, displayName: 'Bob Example', email: 'bob@example.com' },
  { accountId: CAROL, displayName: 'Carol Hidden', email: null },
  { accountId: ZOE, displayName: 'Zoe Example', email: 'zoe@example.com' },
];

/**
 * payments_primary: weekly, handing off Mondays 09:00 UTC (alice, then bob), zoe around them.
 * hidden: carol, whose profile hides her email, beside alice. ghost: an account Jira does not
 * know. team-run: a team on call from 09:30. shadowed: alice, and a period type JSM does not document.
 */
function schedules(): JsmScheduleSeed[] {
  return [
    {
      id: PAYMENTS_ID,
      name: 'payments_primary',
      periods: [
        { responder: ZOE, start: '2026-02-16T09:00:00Z', end: '2026-02-23T09:00:00Z' },
        { responder: ALICE, start: '2026-02-23T09:00:00Z', end: '2026-03-02T09:00:00Z' },
        { responder: BOB, start: '2026-03-02T09:00:00Z', end: '2026-03-09T09:00:00Z' },
        { responder: ZOE, start: '2026-03-09T09:00:00Z', end: '2026-03-16T09:00:00Z' },
      ],
    },
    {
      id: '11111111-2222-4333-8444-555555555555',
      name: 'hidden',
      periods: [
        { responder: CAROL, start: '2026-03-01T00:00:00Z', end: '2026-03-02T09:00:00Z' },
        { responder: CAROL, start: '2026-03-02T09:30:00Z', end: '2026-03-03T00:00:00Z' },
        { responder: ALICE, start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z', rotation: 'Backup' },
      ],
    },
    { id: '22222222-2222-4333-8444-555555555555', name: 'ghost', periods: [{ responder: '5b10deaddeaddeaddeaddead', start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z' }] },
    {
      id: '33333333-2222-4333-8444-555555555555',
      name: 'team-run',
      periods: [
        { responder: ALICE, start: '2026-03-01T00:00:00Z', end: '2026-03-02T09:30:00Z' },
        { responder: 'c5646941-3f05-404d-8594-825fa73af99f', responderType: 'team', start: '2026-03-02T09:30:00Z', end: '2026-03-03T00:00:00Z' },
      ],
    },
    {
      id: '44444444-2222-4333-8444-555555555555',
      name: 'shadowed',
      periods: [
        { responder: ALICE, start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z' },
        { type: 'shadow', responder: BOB, start: '2026-03-02T06:00:00Z', end: '2026-03-02T12:00:00Z', rotation: 'Shadow' },
      ],
    },
    { id: '55555555-2222-4333-8444-555555555555', name: 'Payments', periods: [{ responder: BOB, start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z' }] },
  ];
}

async function emulator(t: Test, extra: Partial<JsmEmulatorOptions> = {}): Promise<JsmEmulator> {
  const emu = await startJsmEmulator({ cloudId: CLOUD, schedules: schedules(), users: USERS, credentials: { email: EMAIL, token: TOKEN }, now: () => TODAY, strict: true, ...extra });
  t.teardown(() => emu.close());
  return emu;
}

function source(emu: JsmEmulator, over: Partial<JsmSourceOptions> = {}, http: Partial<Omit<HttpOptions, 'fetch'>> = {}): JsmSource {
  return new JsmSource({ apiUrl: emu.url, cloudId: CLOUD, email: EMAIL, token: TOKEN, fetch: globalThis.fetch, http: { retries: 0, ...http }, ...over });
}

const schedule = (name: string, src = 'jsm'): RotationBinding => bind(name, src);

async function readOne(src: JsmSource, name: string): Promise<ShiftRead | undefined> {
  const b = schedule(name);
  return (await src.readShifts([b], SINCE, UNTIL)).get(bindingKey(b));
}

const HANDOFF = [shift('alice@example.com', '2026-02-23T09:00:00Z', '2026-03-02T09:00:00Z'), shift('bob@example.com', '2026-03-02T09:00:00Z', '2026-03-09T09:00:00Z')];
const OPS = `/jsm/ops/api/${CLOUD}/v1`;
const USERS_PATH = `/ex/jira/${CLOUD}/rest/api/3/user/bulk`;

t.test('handoff inside the window: alice until 09:00 and bob from 09:00 by email, in one timeline and one user request', async (t) => {
  const emu = await emulator(t);
  const { fetch, urls } = recording();
  t.same(shifts(t, await readOne(source(emu, { fetch }), PAYMENTS_ID)), HANDOFF, 'zoe, on call before and after, is outside the window');
  t.same(urls.map((u) => u.pathname), [`${OPS}/schedules/${PAYMENTS_ID}/timeline`, USERS_PATH]);
  t.same(Object.fromEntries(urls[0]!.searchParams), { date: '2026-02-22T08:00:00Z', interval: '17', intervalUnit: 'days' }, 'whole seconds, with Z');
  t.same([...urls[1]!.searchParams], [['accountId', ALICE], ['accountId', BOB], ['maxResults', String(USER_CHUNK)], ['startAt', '0']], 'only the people on call in the window are looked up');
  t.same(emu.unexpected, []);
});

t.test('a schedule by name: the schedule list is paged once for every name, and names match exactly', async (t) => {
  const emu = await emulator(t, { maxPage: 2 });
  const { fetch, urls } = recording();
  const src = source(emu, { fetch });
  const read = await src.readShifts([schedule('payments_primary'), schedule('Payments'), schedule(PAYMENTS_ID)], SINCE, UNTIL);
  t.same(shifts(t, read.get('jsm/schedule/payments_primary')), HANDOFF);
  t.same(shifts(t, read.get(`jsm/schedule/${PAYMENTS_ID}`)), HANDOFF);
  t.same(shifts(t, read.get('jsm/schedule/Payments')), [shift('bob@example.com', '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z')], '"Payments" is not "payments_primary"');
  const lists = urls.filter((u) => u.pathname === `${OPS}/schedules`);
  t.same(lists.map((u) => [u.searchParams.get('offset'), u.searchParams.get('size')]), [['0', String(SCHEDULE_PAGE)], ['2', String(SCHEDULE_PAGE)], ['4', String(SCHEDULE_PAGE)]], 'three pages of two, the emulator cutting the size asked for');
  t.equal(urls.filter((u) => u.pathname.endsWith(`/schedules/${PAYMENTS_ID}/timeline`)).length, 2, 'one timeline per binding value (the name and the id)');
  await src.readShifts([schedule('payments_primary')], SINCE, UNTIL);
  t.equal(urls.filter((u) => u.pathname === `${OPS}/schedules`).length, 3, 'the list is kept for the run');
  t.same(emu.unexpected, []);
});

t.test('a name nobody has, or that two schedules share, is an error saying what to check', async (t) => {
  const emu = await emulator(t);
  const read = await source(emu).readShifts([schedule('payments primary')], SINCE, UNTIL);
  t.equal(
    failure(t, read.get('jsm/schedule/payments primary')),
    'jsm schedule payments primary: no schedule is named "payments primary" among the 6 this account can see: check the name as JSM shows it (exact, case-sensitive) and that the account may see the schedule, or use its id',
  );
  // The emulator, like Opsgenie, holds one schedule per name; should JSM answer two, the source does not pick one.
  const twins = [PAYMENTS_ID, '66666666-2222-4333-8444-555555555555'].map((id) => ({ id, name: 'Payments' }));
  emu.failNext({ pathPrefix: `${OPS}/schedules` }, { status: 200, body: { values: twins, links: {} } });
  const twin = await source(emu).readShifts([schedule('Payments')], SINCE, UNTIL);
  t.equal(failure(t, twin.get('jsm/schedule/Payments')), `jsm schedule Payments: 2 schedules are named "Payments" (${PAYMENTS_ID}, 66666666-2222-4333-8444-555555555555): bind the one meant by its id`);
});

t.test('a responder whose email Atlassian does not show gets nothing, with a warning naming them and the two fixes', async (t) => {
  const emu = await emulator(t);
  const read = await readOne(source(emu), 'hidden');
  t.same(shifts(t, read), [shift('alice@example.com', '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z')]);
  t.same(read?.ok && read.warnings, [
    `Carol Hidden (Atlassian account ${CAROL}) is on call from 2026-03-01T00:00:00.000Z to 2026-03-02T09:00:00.000Z (and 1 more time(s)), but Atlassian does not show their email (their profile hides it), so nothing is granted for them: make the email visible (a managed account of your organisation's verified domain shows it to the organisation), or add an entry with accountId: ${CAROL} beside their email and github to the identities file`,
  ]);
  const ghost = await readOne(source(emu), 'ghost');
  t.same(shifts(t, ghost), []);
  t.match(ghost?.ok && ghost.warnings, [/^Atlassian account 5b10deaddeaddeaddeaddead is on call from .* but Jira's user lookup does not know the account \(deleted, or not a user of this site\), so nothing is granted/]);
  t.same(emu.unexpected, []);
});

t.test('the identities file names people by account id first: a hidden email is no longer hidden, and nobody known is looked up', async (t) => {
  const emu = await emulator(t);
  const { fetch, urls } = recording();
  const accounts = new Map([
    [CAROL, 'carol@example.com'],
    [ALICE, 'alice.file@example.com'],
  ]);
  const read = await readOne(source(emu, { fetch, accounts }), 'hidden');
  t.same(shifts(t, read), [shift('alice.file@example.com', '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'), shift('carol@example.com', '2026-03-01T00:00:00Z', '2026-03-02T09:00:00Z'), shift('carol@example.com', '2026-03-02T09:30:00Z', '2026-03-03T00:00:00Z')]);
  t.equal(read?.ok && read.warnings, undefined);
  t.same(urls.map((u) => u.pathname), [`${OPS}/schedules`, `${OPS}/schedules/11111111-2222-4333-8444-555555555555/timeline`], 'the schedule list (bound by name) and its timeline: no user request');
});

t.test('many people: one user request per 100 accounts, each paged by startAt when Jira answers less; accounts are kept for the run', async (t) => {
  const people = Array.from({ length: 150 }, (_, i) => `5b10ac8d82e05b22cc7d${String(i).padStart(4, '0')}`);
  const start = Date.parse('2026-03-02T08:00:00Z');
  const many: JsmScheduleSeed = { id: PAYMENTS_ID, name: 'many', periods: people.map((id, i) => ({ responder: id, start: new Date(start + i * 30_000).toISOString(), end: new Date(start + (i + 1) * 30_000).toISOString() })) };
  const emu = await emulator(t, { schedules: [many], users: people.map((id, i) => ({ accountId: id, displayName: `P${i}`, email: `p${i}@example.com` })), maxPage: 40 });
  const { fetch, urls } = recording();
  const src = source(emu, { fetch });
  const read = await readOne(src, PAYMENTS_ID);
  t.same(shifts(t, read).map((s) => s.email), people.map((_, i) => `p${i}@example.com`));
  const lookups = urls.filter((u) => u.pathname === USERS_PATH);
  t.same(lookups.map((u) => `${u.searchParams.getAll('accountId').length} from ${u.searchParams.get('startAt')}`).sort(), ['100 from 0', '100 from 40', '100 from 80', '50 from 0', '50 from 40']);
  await readOne(src, PAYMENTS_ID);
  t.equal(urls.filter((u) => u.pathname === USERS_PATH).length, 5, 'a second read asks for nobody again');
  t.same(emu.unexpected, []);
});

t.test('through a read-only transport: every request is a GET', async (t) => {
  const emu = await emulator(t);
  t.same(shifts(t, await readOne(source(emu, { fetch: readOnlyFetch(globalThis.fetch) }), 'payments_primary')), HANDOFF);
  t.ok(emu.requests.every((r) => r.method === 'GET'));
});

t.test('a team on call is reported, not guessed at; an unknown period type is a warning; other schedules still read', async (t) => {
  const emu = await emulator(t);
  const read = await source(emu).readShifts([schedule('team-run'), schedule('shadowed'), schedule(PAYMENTS_ID)], SINCE, UNTIL);
  t.equal(
    failure(t, read.get('jsm/schedule/team-run')),
    'jsm schedule team-run: team "c5646941-3f05-404d-8594-825fa73af99f" is on call from 2026-03-02T09:30:00.000Z to 2026-03-03T00:00:00.000Z, and only users are supported: put users, not teams or escalations, in the schedule\'s rotations',
  );
  const shadowed = read.get('jsm/schedule/shadowed');
  t.same(shifts(t, shadowed), [shift('alice@example.com', '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z')]);
  t.match(shadowed?.ok && shadowed.warnings, [/^ignored 1 timeline period\(s\) of type "shadow"/]);
  t.same(shifts(t, read.get(`jsm/schedule/${PAYMENTS_ID}`)), HANDOFF);
});

t.test('bindings other than schedules are refused by name, asking nothing', async (t) => {
  const emu = await emulator(t);
  const policy: RotationBinding = { kind: 'escalationPolicy', source: 'jsm', escalationPolicy: 'esc', pos };
  const read = await source(emu).readShifts([policy], SINCE, UNTIL);
  t.equal(failure(t, read.get(bindingKey(policy))), 'jsm escalation policy esc: a jsm source serves schedules');
  t.equal(emu.requests.length, 0);
});

t.test('401: credentials refused, naming both variables and the scope; not retried; the fix is the tokenEnv line', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected(); // the wrong token is refused on purpose
  const read = await readOne(source(emu, { token: 'ATATTwrongTOKEN000000', tokenEnv: 'ATLASSIAN_API_TOKEN', emailEnv: 'ATLASSIAN_EMAIL' }, { retries: 2, sleep: async () => {} }), PAYMENTS_ID);
  t.equal(failure(t, read), `jsm schedule ${PAYMENTS_ID}: Atlassian refused the credentials (HTTP 401: Unauthorized): check the account email in ATLASSIAN_EMAIL (the source's emailEnv) and the API token in ATLASSIAN_API_TOKEN (the source's tokenEnv), which needs the scope read:ops-config:jira-service-management`);
  t.match(read, { fault: 'token' });
  t.same(emu.requests.map((r) => r.status), [401]);
});

t.test('401 on the user lookup: a token without read:jira-user fails the schedules whose people needed it', async (t) => {
  const emu = await emulator(t, { scopes: [JSM_OPS_SCOPE] });
  emu.acceptUnexpected(); // the user lookup is refused on purpose
  const read = await readOne(source(emu), PAYMENTS_ID);
  t.equal(
    failure(t, read),
    `jsm schedule ${PAYMENTS_ID}: could not look up the emails of the people on call: Atlassian refused the credentials (HTTP 401: Unauthorized; scope does not match): check the account email in the environment variable named by the source's emailEnv and the API token in the environment variable named by the source's tokenEnv, which needs the scope read:jira-user (Jira's user lookup)`,
  );
  t.match(read, { fault: 'token' });
  const known = await readOne(source(emu, { accounts: new Map([[ALICE, 'alice@example.com'], [BOB, 'bob@example.com']]) }), PAYMENTS_ID);
  t.same(shifts(t, known), HANDOFF, 'people the identities file names need no lookup');
});

t.test('403: the account may not read the schedule, or may not look users up', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ pathPrefix: `${OPS}/schedules/` }, { status: 403, body: { errors: [{ title: 'You are not allowed to access this schedule' }] } });
  const read = await readOne(source(emu, { emailEnv: 'ATLASSIAN_EMAIL' }), PAYMENTS_ID);
  t.equal(failure(t, read), `jsm schedule ${PAYMENTS_ID}: the Atlassian account in ATLASSIAN_EMAIL (the source's emailEnv) may not read this schedule (HTTP 403: You are not allowed to access this schedule): give it a read-only administrator role in JSM Operations, or make it a member of the schedule's team`);
  t.match(read, { fault: 'token' });
  emu.failNext({ pathPrefix: USERS_PATH }, { status: 403, body: { errorMessages: ['You do not have permission to browse users'], errors: {} } });
  t.match(failure(t, await readOne(source(emu), PAYMENTS_ID)), /may not look up users \(HTTP 403: You do not have permission to browse users\): it needs permission to access Jira/);
  emu.failNext({ pathPrefix: `${OPS}/schedules` }, { status: 403, body: { errors: [{ title: 'no' }] } });
  t.match(failure(t, await readOne(source(emu), 'payments_primary')), /could not list the schedules to find the one named "payments_primary": the Atlassian account .* may not read the schedules/);
});

t.test('5xx: retried with backoff and survived; persistent, it fails only the bindings that needed the failed request', async (t) => {
  const emu = await emulator(t);
  for (const status of [500, 502, 503]) emu.failNext({ pathPrefix: USERS_PATH }, { status, body: { errorMessages: ['oops'], errors: {} } });
  const { sleep, waits } = sleeper();
  t.same(shifts(t, await readOne(source(emu, {}, { retries: 3, backoffMs: 10, sleep }), PAYMENTS_ID)), HANDOFF);
  t.same(waits, [10, 20, 40]);

  const fresh = await emulator(t);
  // Every attempt fails: the first and its one retry.
  fresh.failNext({ pathPrefix: USERS_PATH }, { status: 503, body: { errorMessages: ['Service Unavailable'], errors: {} } }, 2);
  fresh.failNext({ pathPrefix: `${OPS}/schedules/44444444` }, { status: 502, body: { errors: [{ title: 'Bad gateway' }] } }, 2);
  const src = source(fresh, { accounts: new Map([[ALICE, 'alice@example.com']]) }, { retries: 1, sleep });
  const read = await src.readShifts([schedule(PAYMENTS_ID), schedule('shadowed'), schedule('team-run')], SINCE, UNTIL);
  t.equal(failure(t, read.get(`jsm/schedule/${PAYMENTS_ID}`)), `jsm schedule ${PAYMENTS_ID}: could not look up the emails of the people on call: could not look up users' emails: server error (HTTP 503) after retries`);
  t.equal(failure(t, read.get('jsm/schedule/shadowed')), "jsm schedule shadowed: could not read the schedule's timeline: server error (HTTP 502) after retries");
  t.match(failure(t, read.get('jsm/schedule/team-run')), /team "c5646941/, 'a schedule that fails on its own says why');
  const later = await src.readShifts([schedule(PAYMENTS_ID)], SINCE, UNTIL);
  t.same(shifts(t, later.get(`jsm/schedule/${PAYMENTS_ID}`)), HANDOFF, 'a failed lookup is not kept: the next read asks again');
});

t.test('404: an unknown schedule id, or a cloud id of no site', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected(); // the cloud id of no site is asked for on purpose
  t.equal(failure(t, await readOne(source(emu), '00000000-0000-4000-8000-0000000000ff')), "jsm schedule 00000000-0000-4000-8000-0000000000ff: schedule not found (HTTP 404: Schedule with id [00000000-0000-4000-8000-0000000000ff] does not exist): check the schedule's id, and the source's cloudId");
  const other = source(emu, { cloudId: '00000000-0000-4000-8000-000000000000' });
  t.match(failure(t, await readOne(other, 'payments_primary')), /could not list the schedules to find the one named "payments_primary": not found \(HTTP 404: No site with cloud id 00000000-0000-4000-8000-000000000000\): check the source's cloudId$/);
});

t.test('a window JSM will not serve (more than a year back) is an error saying so', async (t) => {
  const emu = await emulator(t);
  const b = schedule(PAYMENTS_ID);
  const read = await source(emu).readShifts([b], new Date('2024-12-01T00:00:00Z'), new Date('2024-12-02T00:00:00Z'));
  t.equal(failure(t, read.get(bindingKey(b))), `jsm schedule ${PAYMENTS_ID}: could not read the schedule's timeline (HTTP 400: The time range of the timeline can go back at most one year from today and as far as two years from today): JSM serves timelines from at most a year back to two years ahead of today`);
});

t.test('a host that refuses connections: the error names the URL and says to check apiUrl', async (t) => {
  const url = await closedPort();
  const read = await readOne(new JsmSource({ apiUrl: url, cloudId: CLOUD, email: EMAIL, token: TOKEN, fetch: globalThis.fetch, http: { retries: 1, backoffMs: 1 } }), PAYMENTS_ID);
  t.equal(failure(t, read), `jsm schedule ${PAYMENTS_ID}: cannot connect to ${url} (ECONNREFUSED): check apiUrl, and that this machine can reach the host`);
  t.match(read, { fault: 'endpoint' });
});

t.test('answers that do not fit the contract are errors, never "nobody on call"', async (t) => {
  const emu = await emulator(t);
  const window = { startDate: '2026-02-22T00:00:00Z', endDate: '2026-03-12T00:00:00Z' };
  emu.failNext({ pathPrefix: `${OPS}/schedules/` }, { status: 200, body: { data: window } });
  t.equal(failure(t, await readOne(source(emu), PAYMENTS_ID)), `jsm schedule ${PAYMENTS_ID}: unexpected timeline response from Jira Service Management: no final timeline with a start and end date`, 'an Opsgenie-style envelope is not JSM\'s');
  emu.failNext({ pathPrefix: `${OPS}/schedules/` }, { status: 200, body: { ...window, finalTimeline: { rotations: [{ periods: [{ startDate: '2026-03-02T00:00:00Z', endDate: '2026-03-03T00:00:00Z', type: 'base', recipient: { type: 'user', name: 'alice@example.com' } }] }] } } });
  t.match(failure(t, await readOne(source(emu), PAYMENTS_ID)), /a period without a start date, end date or recipient$/, "Opsgenie's field names are not JSM's");
  for (const body of [{}, { values: [{ id: 1, name: 'x' }] }, null]) {
    emu.failNext({ pathPrefix: `${OPS}/schedules` }, { status: 200, body });
    t.match(failure(t, await readOne(source(emu), 'payments_primary')), /unexpected schedule list from Jira Service Management: no values with an id and a name$/);
  }
  for (const body of [{ values: 'none' }, { values: [{ id: ALICE }] }]) {
    emu.failNext({ pathPrefix: USERS_PATH }, { status: 200, body });
    t.match(failure(t, await readOne(source(emu), PAYMENTS_ID)), /unexpected answer from Jira's user lookup: no values with an accountId$/);
  }
  emu.failNext({ pathPrefix: USERS_PATH }, { status: 200, body: { isLast: true, values: [{ accountId: ALICE, displayName: 'Alice', emailAddress: null }, { accountId: BOB, emailAddress: 'not an email' }] } });
  const odd = await readOne(source(emu), PAYMENTS_ID);
  t.same(shifts(t, odd), []);
  t.match(odd?.ok && odd.warnings, [/^Alice \(Atlassian account 5b10/, /^Atlassian account 712020:.* does not show their email/], 'a null or malformed email is a hidden one; a user without a display name is named by account id');
  t.same(emu.unexpected, []);
});

t.test('lists that never end are errors, not hangs', async (t) => {
  const emu = await emulator(t);
  const { sleep } = sleeper();
  emu.failNext({ pathPrefix: `${OPS}/schedules` }, { status: 200, body: { values: [{ id: 'x', name: 'x' }], links: { next: '/v1/schedules?offset=1' } } }, 200);
  t.match(failure(t, await readOne(source(emu, {}, { sleep }), 'payments_primary')), /the schedule list did not end after 200 pages$/);
  emu.failNext({ pathPrefix: USERS_PATH }, { status: 200, body: { isLast: false, values: [{ accountId: ALICE, emailAddress: 'alice@example.com' }] } }, 200);
  t.match(failure(t, await readOne(source(emu, {}, { sleep }), PAYMENTS_ID)), /Jira's user lookup did not end after 200 pages$/);
});

t.test('the token never appears in any error, whatever fails', async (t) => {
  const emu = await emulator(t);
  const basic = Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64');
  const { sleep } = sleeper();
  for (const [path, fault] of [
    [`${OPS}/schedules/`, { status: 401, body: { code: 401, message: `bad token ${TOKEN}` } }],
    [`${OPS}/schedules/`, { status: 403, body: { errors: [{ title: `Basic ${basic}` }] } }],
    [`${OPS}/schedules/`, { status: 404, body: { errors: [{ title: TOKEN }] } }],
    [`${OPS}/schedules/`, { status: 500, body: { errors: [{ title: TOKEN }] } }],
    [`${OPS}/schedules/`, { status: 200, raw: TOKEN }],
    [`${OPS}/schedules/`, { status: 200, body: { startDate: '2026-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z', finalTimeline: { rotations: [{ periods: [{ startDate: '2026-03-02T00:00:00Z', endDate: '2026-03-03T00:00:00Z', responder: { type: 'team', id: TOKEN } }] }] } } }],
    [USERS_PATH, { status: 400, body: { errorMessages: [TOKEN], errors: {} } }],
    [USERS_PATH, { status: 200, body: { isLast: true, values: [{ accountId: ALICE, displayName: TOKEN }] } }],
  ] as const) {
    emu.failNext({ pathPrefix: path }, fault);
    const read = await readOne(source(emu, {}, { sleep }), PAYMENTS_ID);
    const text = JSON.stringify(read);
    t.notMatch(text, TOKEN, `${path} ${fault.status}`);
    t.notMatch(text, basic);
  }
});

t.test('the default API is api.atlassian.com; a trailing slash on apiUrl is ignored; credentials go as Basic email:token', async (t) => {
  const seen: { url: string; auth: string | null }[] = [];
  const fake: Fetch = async (input, init) => {
    seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
    return new Response(JSON.stringify({ startDate: '2026-01-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z', finalTimeline: { rotations: [] } }));
  };
  await new JsmSource({ cloudId: CLOUD, email: EMAIL, token: TOKEN, fetch: fake }).readShifts([schedule(PAYMENTS_ID)], SINCE, UNTIL);
  await new JsmSource({ apiUrl: 'https://gateway.example/', cloudId: CLOUD, email: EMAIL, token: TOKEN, fetch: fake }).readShifts([schedule(PAYMENTS_ID)], SINCE, UNTIL);
  t.match(seen[0], { url: new RegExp(`^https://api\\.atlassian\\.com/jsm/ops/api/${CLOUD}/v1/schedules/${PAYMENTS_ID}/timeline\\?`), auth: `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}` });
  t.match(seen[1], { url: /^https:\/\/gateway\.example\/jsm\/ops\/api\// });
});
