import t, { type Test } from 'tap';
import { main } from '../src/cli.js';
import type { RotationBinding } from '../src/config/model.js';
import { startGitHubEmulator } from '@oncall-access/emulators/github';
import { startOpsgenieEmulator, type OpsgenieEmulator, type OpsgenieScheduleSeed } from '@oncall-access/emulators/opsgenie';
import type { HttpOptions } from '../src/http/client.js';
import { readOnlyFetch, type Fetch } from '../src/http/read-only.js';
import { MARGIN_MS, OpsgenieSource, identifierType, timelineQuery, type OpsgenieSourceOptions } from '../src/sources/opsgenie.js';
import { bindingKey, type ShiftRead } from '../src/sources/source.js';
import { OPSGENIE_TIMELINE, PERIOD_TYPES, RECIPIENT_TYPES, readTimeline, type TimelineModel } from '../src/sources/timeline-periods.js';
import { captureIo } from './helpers/io.js';
import { closedPort } from './helpers/net.js';
import { failure, recording, schedule as bind, shift, shifts, sleeper } from './helpers/shift-reads.js';
import { writeWorkspace } from './helpers/world.js';

const KEY = 'eb243592-faa2-4ba2-a551-1afdf565c889';
const PAYMENTS_ID = '9e1f7a2c-0d3b-4c55-8a11-5b7c2f0e6d41';
const SPECIAL = 'SRE / Nights & Weekends #1?';
const pos = { file: 'profiles/p.yaml', line: 1, col: 1 };

/** The window asked for: 08:00 to 10:00 UTC on Monday 2 March 2026, around the 09:00 handoff. */
const SINCE = new Date('2026-03-02T08:00:00Z');
const UNTIL = new Date('2026-03-02T10:00:00Z');

/**
 * payments_primary: a weekly rotation handing off Mondays 09:00 UTC (alice, then bob).
 * The special-characters schedule: carol all month. team-run: a team on call from noon on 2 March.
 * escalated: an escalation on call. quiet: a `none` participant. split: dave in three rotations,
 * touching and overlapping, with erin and adam (starting with dave) alongside. every-type: every
 * period and recipient type, the past as `historical` up to 08:30 (the read's "now"). shadowed:
 * alice, with periods of types Opsgenie does not document. team-history: a team's past period
 * flattened to the team itself (as JSM's example shows one).
 */
function schedules(): OpsgenieScheduleSeed[] {
  return [
    {
      id: PAYMENTS_ID,
      name: 'payments_primary',
      periods: [
        { user: 'zoe@example.com', start: '2026-02-16T09:00:00Z', end: '2026-02-23T09:00:00Z' },
        { user: 'alice@example.com', start: '2026-02-23T09:00:00Z', end: '2026-03-02T09:00:00Z' },
        { user: 'bob@example.com', start: '2026-03-02T09:00:00Z', end: '2026-03-09T09:00:00Z' },
        { user: 'zoe@example.com', start: '2026-03-09T09:00:00Z', end: '2026-03-16T09:00:00Z' },
      ],
    },
    { id: '11111111-2222-4333-8444-555555555555', name: SPECIAL, periods: [{ user: 'carol@example.com', start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' }] },
    {
      id: '22222222-2222-4333-8444-555555555555',
      name: 'team-run',
      periods: [
        { user: 'alice@example.com', start: '2026-03-01T00:00:00Z', end: '2026-03-02T09:30:00Z' },
        { user: 'payments_team', recipientType: 'team', start: '2026-03-02T09:30:00Z', end: '2026-03-03T00:00:00Z' },
      ],
    },
    { id: '33333333-2222-4333-8444-555555555555', name: 'escalated', periods: [{ user: 'payments_escalation', recipientType: 'escalation', start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z' }] },
    { id: '44444444-2222-4333-8444-555555555555', name: 'quiet', periods: [{ user: 'none', recipientType: 'none', start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z' }] },
    {
      id: '66666666-2222-4333-8444-555555555555',
      name: 'every-type',
      periods: [
        { type: 'historical', flattened: [{ name: 'alice@example.com' }], start: '2026-02-23T09:00:00Z', end: '2026-03-02T08:30:00Z' },
        { type: 'default', user: 'alice@example.com', start: '2026-03-02T08:30:00Z', end: '2026-03-02T09:00:00Z' },
        { type: 'override', user: 'carol@example.com', start: '2026-03-02T09:00:00Z', end: '2026-03-02T09:30:00Z' },
        { type: 'default', user: 'bob@example.com', start: '2026-03-02T09:30:00Z', end: '2026-03-09T09:00:00Z' },
        {
          type: 'historical',
          user: 'payments_escalation',
          recipientType: 'escalation',
          flattened: [{ name: 'dave@example.com' }, { name: 'erin@example.com', forwardedFrom: 'frank@example.com' }],
          start: '2026-03-02T00:00:00Z',
          end: '2026-03-02T08:30:00Z',
          rotation: 'Secondary',
        },
        { type: 'forwarding', user: 'gina@example.com', fromUser: 'frank@example.com', start: '2026-03-02T08:30:00Z', end: '2026-03-02T12:00:00Z', rotation: 'Secondary' },
        { type: 'default', user: 'payments_team', recipientType: 'team', start: '2026-03-02T12:00:00Z', end: '2026-03-03T00:00:00Z', rotation: 'Secondary' },
        { type: 'historical', flattened: [], start: '2026-02-28T00:00:00Z', end: '2026-03-01T00:00:00Z', rotation: 'Quiet' },
        { type: 'historical', user: 'none', recipientType: 'none', start: '2026-03-01T00:00:00Z', end: '2026-03-02T08:30:00Z', rotation: 'Quiet' },
        { type: 'override', user: 'none', recipientType: 'none', start: '2026-03-02T08:30:00Z', end: '2026-03-03T00:00:00Z', rotation: 'Quiet' },
      ],
    },
    {
      id: '77777777-2222-4333-8444-555555555555',
      name: 'shadowed',
      periods: [
        { user: 'alice@example.com', start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z' },
        { type: 'shadow', user: 'zed@example.com', start: '2026-03-02T06:00:00Z', end: '2026-03-02T12:00:00Z', rotation: 'Shadow' },
        { type: 'shadow', user: 'zed@example.com', start: '2026-03-05T06:00:00Z', end: '2026-03-05T12:00:00Z', rotation: 'Shadow' },
        { type: 'swap', user: 'yan@example.com', start: '2026-03-02T06:00:00Z', end: '2026-03-02T12:00:00Z', rotation: 'Shadow' },
      ],
    },
    {
      id: '88888888-2222-4333-8444-555555555555',
      name: 'team-history',
      periods: [{ type: 'historical', user: 'payments_team', recipientType: 'team', flattened: [{ name: 'payments_team', type: 'team' }], start: '2026-03-01T00:00:00Z', end: '2026-03-02T08:30:00Z' }],
    },
    {
      id: '55555555-2222-4333-8444-555555555555',
      name: 'split',
      periods: [
        { user: 'dave@example.com', start: '2026-03-02T00:00:00Z', end: '2026-03-02T08:30:00Z' },
        { user: 'dave@example.com', start: '2026-03-02T08:30:00Z', end: '2026-03-02T12:00:00Z' },
        { user: 'dave@example.com', start: '2026-03-02T11:00:00Z', end: '2026-03-02T18:00:00Z', rotation: 'Backup' },
        { user: 'erin@example.com', start: '2026-03-02T06:00:00Z', end: '2026-03-02T20:00:00Z', rotation: 'Backup' },
        { user: 'dave@example.com', start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z', rotation: 'Third' },
        { user: 'adam@example.com', start: '2026-03-02T00:00:00Z', end: '2026-03-02T09:00:00Z', rotation: 'Third' },
      ],
    },
  ];
}

async function emulator(t: Test): Promise<OpsgenieEmulator> {
  const emu = await startOpsgenieEmulator({ schedules: schedules(), apiKey: KEY, strict: true });
  t.teardown(() => emu.close());
  return emu;
}

function source(emu: OpsgenieEmulator, over: Partial<OpsgenieSourceOptions> = {}, http: Partial<Omit<HttpOptions, 'fetch'>> = {}): OpsgenieSource {
  return new OpsgenieSource({ apiUrl: emu.url, apiKey: KEY, fetch: globalThis.fetch, http: { retries: 0, ...http }, ...over });
}

const schedule = (name: string, src = 'og'): RotationBinding => bind(name, src);

async function readOne(src: OpsgenieSource, name: string): Promise<ShiftRead | undefined> {
  const b = schedule(name);
  return (await src.readShifts([b], SINCE, UNTIL)).get(bindingKey(b));
}

const HANDOFF = [shift('alice@example.com', '2026-02-23T09:00:00Z', '2026-03-02T09:00:00Z'), shift('bob@example.com', '2026-03-02T09:00:00Z', '2026-03-09T09:00:00Z')];

t.test('handoff inside the window: alice until 09:00 and bob from 09:00, each with the true weekly boundaries', async (t) => {
  const emu = await emulator(t);
  const { fetch, urls } = recording();
  t.same(shifts(t, await readOne(source(emu, { fetch }), PAYMENTS_ID)), HANDOFF, 'zoe, on call before and after, is outside the window');
  t.equal(urls.length, 1, 'one request');
  t.equal(urls[0]?.pathname, `/v2/schedules/${PAYMENTS_ID}/timeline`);
  t.same(Object.fromEntries(urls[0]!.searchParams), { identifierType: 'id', date: '2026-02-22T08:00:00.000Z', interval: '17', intervalUnit: 'days' });
  t.same(emu.unexpected, []);
});

t.test('schedule by name and by id: identifierType follows the shape of the value', async (t) => {
  const emu = await emulator(t);
  const { fetch, urls } = recording();
  const src = source(emu, { fetch });
  const read = await src.readShifts([schedule('payments_primary'), schedule(PAYMENTS_ID)], SINCE, UNTIL);
  t.same(shifts(t, read.get('og/schedule/payments_primary')), HANDOFF);
  t.same(shifts(t, read.get(`og/schedule/${PAYMENTS_ID}`)), HANDOFF);
  t.same(urls.map((u) => u.searchParams.get('identifierType')).sort(), ['id', 'name']);
  t.equal(identifierType('9E1F7A2C-0D3B-4C55-8A11-5B7C2F0E6D41'), 'id', 'upper-case UUIDs are ids too');
  t.equal(identifierType('9e1f7a2c-0d3b-4c55-8a11'), 'name');
  t.same(emu.unexpected, []);
});

t.test('a schedule name with spaces, slash, ampersand, hash and question mark is URL-encoded into one path segment', async (t) => {
  const emu = await emulator(t);
  const { fetch, urls } = recording();
  t.same(
    shifts(t, await readOne(source(emu, { fetch }), SPECIAL)),
    [shift('carol@example.com', '2026-03-01T00:00:00Z', '2026-03-11T08:00:00Z')],
    'a month-long shift ends, as read, at the edge of the timeline (the margin past the window)',
  );
  t.equal(urls[0]?.pathname, '/v2/schedules/SRE%20%2F%20Nights%20%26%20Weekends%20%231%3F/timeline');
  t.equal(urls[0]?.searchParams.get('identifierType'), 'name');
  t.same(emu.unexpected, []);
});

t.test('many profiles binding one schedule cost one request; every binding gets an entry', async (t) => {
  const emu = await emulator(t);
  const bindings = [schedule('payments_primary'), schedule('payments_primary', 'og-eu'), schedule('payments_primary'), schedule(SPECIAL), schedule(SPECIAL, 'og-eu')];
  const read = await source(emu).readShifts(bindings, SINCE, UNTIL);
  t.same([...read.keys()].sort(), ['og-eu/schedule/SRE / Nights & Weekends #1?', 'og-eu/schedule/payments_primary', 'og/schedule/SRE / Nights & Weekends #1?', 'og/schedule/payments_primary']);
  t.same(shifts(t, read.get('og-eu/schedule/payments_primary')), HANDOFF);
  t.equal(emu.requests.length, 2, 'one request per distinct schedule');
  const a = shifts(t, read.get('og/schedule/payments_primary'));
  const b = shifts(t, read.get('og-eu/schedule/payments_primary'));
  t.not(a[0], b[0], 'bindings do not share shift objects');
});

t.test('one person in several rotations, touching or overlapping, is one shift; others alongside stay separate', async (t) => {
  const emu = await emulator(t);
  t.same(shifts(t, await readOne(source(emu), 'split')), [
    shift('adam@example.com', '2026-03-02T00:00:00Z', '2026-03-02T09:00:00Z'),
    shift('dave@example.com', '2026-03-02T00:00:00Z', '2026-03-02T18:00:00Z'),
    shift('erin@example.com', '2026-03-02T06:00:00Z', '2026-03-02T20:00:00Z'),
  ]);
});

t.test('a none participant is nobody on call, not a failure', async (t) => {
  const emu = await emulator(t);
  t.same(shifts(t, await readOne(source(emu), 'quiet')), []);
});

t.test('a timeline mixing every period and recipient type: historical, default, override and forwarding users are on call; none, fromUser and forwardedFrom are not', async (t) => {
  const emu = await emulator(t);
  const read = await readOne(source(emu), 'every-type');
  t.same(shifts(t, read), [
    shift('alice@example.com', '2026-02-23T09:00:00Z', '2026-03-02T09:00:00Z'),
    shift('dave@example.com', '2026-03-02T00:00:00Z', '2026-03-02T08:30:00Z'),
    shift('erin@example.com', '2026-03-02T00:00:00Z', '2026-03-02T08:30:00Z'),
    shift('gina@example.com', '2026-03-02T08:30:00Z', '2026-03-02T12:00:00Z'),
    shift('carol@example.com', '2026-03-02T09:00:00Z', '2026-03-02T09:30:00Z'),
    shift('bob@example.com', '2026-03-02T09:30:00Z', '2026-03-09T09:00:00Z'),
  ]);
  t.equal(read?.ok && read.warnings, undefined, 'no warnings: every type is known');
  t.notOk(JSON.stringify(read).includes('frank'), 'frank forwarded his on-call: neither fromUser nor forwardedFrom is on call');
  t.notOk(JSON.stringify(read).includes('payments_'), 'the escalation is read through its flattened recipients; the team is on call only after the window');
  t.same(emu.unexpected, []);
});

t.test('a period type the source does not know is a warning naming it; the other periods are still read', async (t) => {
  const emu = await emulator(t);
  const read = await readOne(source(emu), 'shadowed');
  t.same(shifts(t, read), [shift('alice@example.com', '2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z')], 'zed and yan are not counted as on call');
  t.same(read?.ok && read.warnings, [
    'ignored 2 timeline period(s) of type "shadow", which this tool does not know (it knows default, base, override, forwarding, historical): whoever they name is not counted as on call',
    'ignored 1 timeline period(s) of type "swap", which this tool does not know (it knows default, base, override, forwarding, historical): whoever they name is not counted as on call',
  ]);
  const window = { startDate: '2026-02-22T00:00:00Z', endDate: '2026-03-12T00:00:00Z' };
  emu.failNext({}, { status: 200, body: { data: { ...window, finalTimeline: { rotations: [{ periods: [{ type: 'constructor' }, { type: 'rota', recipients: 'in a shape never seen' }] }] } } } });
  const odd = await readOne(source(emu), 'shadowed');
  t.same(shifts(t, odd), []);
  t.match(odd?.ok && odd.warnings, [/^ignored 1 timeline period\(s\) of type "constructor"/, /^ignored 1 timeline period\(s\) of type "rota"/], 'a period of an unknown type is not inspected further, whatever its shape');
});

t.test('the period reading is pure and serves a JSM Operations timeline through its field names', async (t) => {
  t.same(Object.keys(PERIOD_TYPES), ['default', 'base', 'override', 'forwarding', 'historical']);
  t.same(Object.keys(RECIPIENT_TYPES), ['user', 'none', 'noone', 'team', 'escalation']);
  const jsm: TimelineModel = { api: 'Jira Service Management', recipient: 'responder', flattened: 'flattenedResponders', name: 'id' };
  const user = (id: string) => ({ id, type: 'user' });
  // Shaped after the example of JSM's ScheduleTimelineResponse.
  const timeline = {
    startDate: '2024-01-29T00:00:00Z',
    endDate: '2024-02-12T00:00:00Z',
    finalTimeline: {
      rotations: [
        {
          name: 'Primary Rotation',
          periods: [
            { startDate: '2024-01-29T00:00:00Z', endDate: '2024-02-01T08:11:21.263Z', type: 'historical', responder: { id: 'esc', type: 'escalation' }, flattenedResponders: [user('u1'), user('u2')] },
            { startDate: '2024-02-01T08:11:21.263Z', endDate: '2024-02-02T00:00:00Z', type: 'override', responder: user('u2') },
            { startDate: '2024-02-02T00:00:00Z', endDate: '2024-02-03T07:00:00Z', type: 'base', responder: user('u1') },
            { startDate: '2024-02-03T07:00:00Z', endDate: '2024-02-04T00:00:00Z', type: 'forwarding', from: { id: 'u1', type: 'user' }, responder: user('u3') },
            { startDate: '2024-02-04T00:00:00Z', endDate: '2024-02-12T00:00:00Z', type: 'base', responder: { id: 'team-1', type: 'team' } },
          ],
        },
        { name: 'Old Rotation', periods: [{ startDate: '2024-01-29T08:00:00Z', endDate: '2024-01-30T18:30:00Z', type: 'historical', responder: { type: 'noone' } }] },
      ],
    },
  };
  const since = Date.parse('2024-01-31T00:00:00Z');
  const read = readTimeline(timeline, since, Date.parse('2024-02-04T00:00:00Z'), jsm);
  t.same(read, {
    ok: true,
    onCall: [
      { user: 'u1', start: Date.parse('2024-01-29T00:00:00Z'), end: Date.parse('2024-02-01T08:11:21.263Z') },
      { user: 'u2', start: Date.parse('2024-01-29T00:00:00Z'), end: Date.parse('2024-02-02T00:00:00Z') },
      { user: 'u1', start: Date.parse('2024-02-02T00:00:00Z'), end: Date.parse('2024-02-03T07:00:00Z') },
      { user: 'u3', start: Date.parse('2024-02-03T07:00:00Z'), end: Date.parse('2024-02-04T00:00:00Z') },
    ],
    warnings: [],
  });
  t.same(readTimeline(timeline, since, Date.parse('2024-02-05T00:00:00Z'), jsm), {
    ok: false,
    why: 'team "team-1" is on call from 2024-02-04T00:00:00.000Z to 2024-02-12T00:00:00.000Z, and only users are supported: put users, not teams or escalations, in the schedule\'s rotations',
  });
  t.same(readTimeline(undefined, since, since, jsm), { ok: false, why: 'unexpected timeline response from Jira Service Management: no final timeline with a start and end date' });
  t.same(readTimeline(timeline, since, since, OPSGENIE_TIMELINE), { ok: false, why: 'unexpected timeline response from Opsgenie: a period without a start date, end date or recipient' }, 'the same timeline does not fit Opsgenie\'s field names');
});

t.test('through plan and timeline: a historical person is on call, and an unknown period type is a warning naming the rotation', async (t) => {
  const env = { GITHUB_TOKEN: 'ghp_test0000000000000000000000000000000000', OPSGENIE_KEY: KEY };
  const gh = await startGitHubEmulator({ token: env.GITHUB_TOKEN, strict: true, orgs: { acme: { members: ['alice-acme', 'bob-acme', 'carol-acme'], teams: [{ slug: 'deployers', members: [{ login: 'alice-acme', role: 'member' }] }] } } });
  const og = await startOpsgenieEmulator({
    apiKey: KEY,
    strict: true,
    schedules: [
      {
        id: PAYMENTS_ID,
        name: 'ops-primary',
        periods: [
          { type: 'historical', flattened: [{ name: 'alice@acme.example' }], start: '2026-11-23T09:00:00Z', end: '2026-11-30T07:00:00Z' },
          { type: 'historical', flattened: [{ name: 'bob@acme.example' }], start: '2026-11-30T07:00:00Z', end: '2026-11-30T07:50:00Z' },
          { type: 'default', user: 'bob@acme.example', start: '2026-11-30T07:50:00Z', end: '2026-12-07T09:00:00Z' },
          { type: 'shadow', user: 'carol@acme.example', start: '2026-11-30T00:00:00Z', end: '2026-12-01T00:00:00Z', rotation: 'Shadow' },
        ],
      },
    ],
  });
  t.teardown(async () => {
    await gh.close();
    await og.close();
  });
  const dir = t.testdir({});
  const profile = ['apiVersion: oncall-access/v1', 'kind: AccessProfile', 'metadata: { name: ops }', 'spec:', '  mode: auto', '  rotations:', '    - source: og', '      schedule: ops-primary', '  window: { before: 15m, after: 30m }', '  entitlements:', '    - target: github', '      team: deployers', '      role: member', ''];
  writeWorkspace(dir, { githubUrl: gh.url, opsgenieUrl: og.url, profiles: { 'ops.yaml': profile.join('\n') } });
  const run = async (...args: string[]) => {
    const c = captureIo(dir, env);
    const code = await main(args, c.io);
    return { code, out: c.out(), err: c.err() };
  };
  const warned = {
    severity: 'warning',
    code: 'read-partial',
    file: 'profiles/ops.yaml',
    line: 7,
    message:
      'og schedule ops-primary: ignored 1 timeline period(s) of type "shadow", which this tool does not know (it knows default, base, override, forwarding, historical): whoever they name is not counted as on call',
  };
  const plan = await run('plan', '--format', 'json');
  t.equal(plan.code, 0, plan.err);
  const p = JSON.parse(plan.out);
  t.same(
    p.changes.map((c: { action: string; subject: { login: string } }) => [c.action, c.subject.login]),
    [
      ['grant', 'bob-acme'],
      ['revoke', 'alice-acme'],
    ],
    'bob, on call since 07:00 by a historical period, is granted; alice, whose historical shift ended at 07:00, is revoked as a handoff',
  );
  t.same(p.changes[1].reasons, ['no longer on call in og schedule ops-primary (shift ended 2026-11-30 07:00Z)']);
  t.match(p.diagnostics, [warned]);
  t.equal(p.diagnostics.length, 1);
  const timeline = await run('timeline', '--from', '2026-11-30T07:50:00Z', '--hours', '24', '--format', 'json');
  t.equal(timeline.code, 0, timeline.err);
  t.match(JSON.parse(timeline.out).diagnostics, [warned]);
  t.same(og.unexpected, []);
});

t.test('a team or an escalation on call is reported, not guessed at; other schedules still read', async (t) => {
  const emu = await emulator(t);
  const read = await source(emu).readShifts([schedule('team-run'), schedule('escalated'), schedule('team-history'), schedule('payments_primary')], SINCE, UNTIL);
  t.equal(
    failure(t, read.get('og/schedule/team-run')),
    'og schedule team-run: team "payments_team" is on call from 2026-03-02T09:30:00.000Z to 2026-03-03T00:00:00.000Z, and only users are supported: put users, not teams or escalations, in the schedule\'s rotations',
  );
  t.match(failure(t, read.get('og/schedule/escalated')), /^og schedule escalated: escalation "payments_escalation" is on call from .*only users are supported/);
  t.match(failure(t, read.get('og/schedule/team-history')), /^og schedule team-history: team "payments_team" is on call from 2026-03-01T00:00:00.000Z to 2026-03-02T08:30:00.000Z, and only users/, 'a team among the flattened recipients of a past period');
  t.same(shifts(t, read.get('og/schedule/payments_primary')), HANDOFF);
});

t.test('bindings other than schedules are refused by name', async (t) => {
  const emu = await emulator(t);
  const policy: RotationBinding = { kind: 'escalationPolicy', source: 'og', escalationPolicy: 'payments_escalation', pos };
  const rotation: RotationBinding = { kind: 'rotation', source: 'og', rotation: 'primary', pos };
  const read = await source(emu).readShifts([policy, rotation], SINCE, UNTIL);
  t.equal(failure(t, read.get(bindingKey(policy))), 'og escalation policy payments_escalation: an opsgenie source serves schedules');
  t.equal(failure(t, read.get(bindingKey(rotation))), 'rotation primary: an opsgenie source serves schedules');
  t.equal(emu.requests.length, 0, 'no request for them');
});

t.test('429 with Retry-After: 1 waits the second asked for, then reads', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ pathPrefix: '/v2/schedules' }, { status: 429, body: { message: 'You are making too many requests!', took: 0, requestId: 'r1' }, headers: { 'retry-after': '1' } });
  const { sleep, waits } = sleeper();
  t.same(shifts(t, await readOne(source(emu, {}, { retries: 3, sleep }), PAYMENTS_ID)), HANDOFF);
  t.same(waits, [1000], 'waited what Retry-After asked, not the backoff');
  t.same(emu.requests.map((r) => r.status), [429, 200]);
});

t.test('500, 502 and 503 in a row are retried with doubling backoff, then the read succeeds', async (t) => {
  const emu = await emulator(t);
  for (const status of [500, 502, 503]) emu.failNext({ pathPrefix: '/v2/schedules' }, { status, body: { message: 'Internal error', took: 0, requestId: 'r' } });
  const { sleep, waits } = sleeper();
  t.same(shifts(t, await readOne(source(emu, {}, { retries: 3, backoffMs: 10, sleep }), PAYMENTS_ID)), HANDOFF);
  t.same(waits, [10, 20, 40]);
  t.same(emu.requests.map((r) => r.status), [500, 502, 503, 200]);
});

t.test('a dropped connection is retried', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ pathPrefix: '/v2/schedules' }, { status: 200, drop: true });
  const { sleep, waits } = sleeper();
  t.same(shifts(t, await readOne(source(emu, {}, { retries: 1, sleep }), PAYMENTS_ID)), HANDOFF);
  t.equal(waits.length, 1);
});

t.test('malformed JSON is retried', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ pathPrefix: '/v2/schedules' }, { status: 200, raw: '{"data": {"finalTimeline": ' });
  const { sleep } = sleeper();
  t.same(shifts(t, await readOne(source(emu, {}, { retries: 1, sleep }), PAYMENTS_ID)), HANDOFF);
  t.same(emu.requests.map((r) => r.status), [200, 200]);
});

t.test('a response hanging past timeoutMs is abandoned and retried', async (t) => {
  const emu = await emulator(t);
  // The hang (30 s) is ten times the timeout (3 s), so a loaded machine cannot blur the two.
  emu.failNext({ pathPrefix: '/v2/schedules' }, { status: 200, body: {}, delayMs: 30_000 });
  const { sleep } = sleeper();
  const started = Date.now();
  t.same(shifts(t, await readOne(source(emu, {}, { retries: 1, timeoutMs: 3_000, sleep }), PAYMENTS_ID)), HANDOFF);
  t.ok(Date.now() - started < 15_000, 'did not wait for the hung response');
});

t.test('persistent failures leave only the affected binding unknown, with a clear error', async (t) => {
  const emu = await emulator(t);
  const path = `/v2/schedules/${encodeURIComponent('payments_primary')}`;
  const { sleep } = sleeper();
  const cases: [string, Parameters<OpsgenieEmulator['failNext']>[1], RegExp][] = [
    ['503', { status: 503, body: { message: 'Service Unavailable', took: 0, requestId: 'r' } }, /could not read the schedule's timeline: server error \(HTTP 503\) after retries$/],
    ['429', { status: 429, body: {}, headers: { 'retry-after': '1' } }, /rate limited \(HTTP 429\) after retries$/],
    ['drop', { status: 200, drop: true }, /network error \(.+\) after retries$/],
    ['malformed', { status: 200, raw: 'not json' }, /malformed JSON in the response after retries$/],
    ['hang', { status: 200, body: {}, delayMs: 30_000 }, /no answer within 3000 ms after retries$/],
  ];
  for (const [name, fault, expected] of cases) {
    emu.failNext({ pathPrefix: path }, fault, 3);
    // 3 s: an answer a loaded machine is slow to deliver must not turn into a timeout.
    const read = await source(emu, {}, { retries: 2, timeoutMs: 3_000, sleep }).readShifts([schedule('payments_primary'), schedule(SPECIAL)], SINCE, UNTIL);
    t.match(failure(t, read.get('og/schedule/payments_primary')), expected, name);
    t.match(failure(t, read.get('og/schedule/payments_primary')), /^og schedule payments_primary: /, `${name}: names the binding`);
    t.equal(shifts(t, read.get(`og/schedule/${SPECIAL}`)).length, 1, `${name}: the other schedule still reads`);
  }
});

t.test('401: the key was rejected; the error names the variable to check and never the key', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected();
  const wrong = 'a-wrong-key-0000';
  const read = await readOne(source(emu, { apiKey: wrong, tokenEnv: 'OPSGENIE_KEY' }), 'payments_primary');
  t.equal(failure(t, read), 'og schedule payments_primary: Opsgenie rejected the API key (HTTP 401: Could not authenticate): check the key in OPSGENIE_KEY (the source\'s tokenEnv)');
  t.match(read, { fault: 'token' }, 'the fix is the source\'s token');
  const unnamed = await readOne(source(emu, { apiKey: wrong }), 'payments_primary');
  t.match(failure(t, unnamed), /check the key in the environment variable named by the source's tokenEnv$/);
  t.same(emu.requests.map((r) => r.status), [401, 401], 'a 401 is not retried');
});

t.test('an API error message that echoes the key is redacted', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected();
  emu.failNext({}, { status: 401, body: { message: `Key ${KEY} is not valid`, took: 0, requestId: 'r' } });
  emu.failNext({}, { status: 422, body: { message: `GenieKey ${KEY} cannot do that`, took: 0, requestId: 'r' } });
  const first = failure(t, await readOne(source(emu), 'payments_primary'));
  const second = failure(t, await readOne(source(emu), 'payments_primary'));
  t.equal(first, 'og schedule payments_primary: Opsgenie rejected the API key (HTTP 401: Key [redacted] is not valid): check the key in the environment variable named by the source\'s tokenEnv');
  t.equal(second, "og schedule payments_primary: could not read the schedule's timeline: HTTP 422: GenieKey [redacted] cannot do that");
  const empty = failure(t, await readOne(new OpsgenieSource({ apiUrl: emu.url, apiKey: '', fetch: globalThis.fetch, http: { retries: 0 } }), 'payments_primary'));
  t.match(empty, /HTTP 401/, 'an empty key is sent, rejected and redacts nothing');
});

t.test('a one-character key (a mistake) redacts nothing: the error stays readable', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected();
  const read = await readOne(source(emu, { apiKey: 'e', tokenEnv: 'OPSGENIE_KEY' }), 'payments_primary');
  t.equal(failure(t, read), 'og schedule payments_primary: Opsgenie rejected the API key (HTTP 401: Could not authenticate): check the key in OPSGENIE_KEY (the source\'s tokenEnv)');
});

t.test('403: the key lacks read access; the error names its variable and says which kind of key works', async (t) => {
  const emu = await emulator(t);
  emu.failNext({}, { status: 403, body: { message: 'You are not authorized for this operation', took: 0, requestId: 'r' } });
  const read = await readOne(source(emu, { tokenEnv: 'OPSGENIE_KEY' }), PAYMENTS_ID);
  const error = failure(t, read);
  t.equal(error, `og schedule ${PAYMENTS_ID}: the API key in OPSGENIE_KEY (the source's tokenEnv) may not read schedules (HTTP 403: You are not authorized for this operation): use an API key with Read and Configuration access, or an API integration that is not restricted from configurations`);
  t.match(read, { fault: 'token' });
  t.notMatch(error, KEY);
});

t.test('a host that refuses connections: the error names the URL and says to check apiUrl', async (t) => {
  const url = await closedPort();
  const read = await readOne(new OpsgenieSource({ apiUrl: url, apiKey: KEY, fetch: globalThis.fetch, http: { retries: 1, backoffMs: 1 } }), 'payments_primary');
  t.equal(failure(t, read), `og schedule payments_primary: cannot connect to ${url} (ECONNREFUSED): check apiUrl, and that this machine can reach the host`);
  t.match(read, { fault: 'endpoint' }, 'the fix is the source\'s apiUrl');
});

t.test('404: schedule not found; the error says how it was looked up and what to check', async (t) => {
  const emu = await emulator(t);
  const read = await source(emu).readShifts([schedule('Payments_Primary'), schedule('00000000-0000-4000-8000-0000000000ff')], SINCE, UNTIL);
  t.equal(
    failure(t, read.get('og/schedule/Payments_Primary')),
    "og schedule Payments_Primary: schedule not found (HTTP 404: No schedule exists with name [Payments_Primary]): looked up by name; check the schedule's name as Opsgenie shows it, or use its id",
  );
  t.equal(
    failure(t, read.get('og/schedule/00000000-0000-4000-8000-0000000000ff')),
    "og schedule 00000000-0000-4000-8000-0000000000ff: schedule not found (HTTP 404: No schedule exists with id [00000000-0000-4000-8000-0000000000ff]): looked up by id; check the schedule's id",
  );
});

t.test('the key never appears in any error, whatever fails', async (t) => {
  const emu = await emulator(t);
  const { sleep } = sleeper();
  const faults: Parameters<OpsgenieEmulator['failNext']>[1][] = [
    { status: 401, body: { message: KEY } },
    { status: 403, body: { message: KEY } },
    { status: 404, body: { message: KEY } },
    { status: 500, body: { message: KEY } },
    { status: 200, raw: KEY },
    { status: 200, body: { data: { message: KEY } } },
    { status: 200, body: { data: { startDate: '2026-01-01T00:00:00Z', endDate: '2027-01-01T00:00:00Z', finalTimeline: { rotations: [{ periods: [{ startDate: '2026-03-02T00:00:00Z', endDate: '2026-03-03T00:00:00Z', recipient: { type: 'team', name: KEY } }] }] } } } },
  ];
  for (const fault of faults) {
    emu.failNext({}, fault);
    t.notMatch(failure(t, await readOne(source(emu, {}, { sleep }), 'payments_primary')), KEY, `HTTP ${fault.status}`);
  }
});

t.test('responses that do not fit the contract are errors, never "nobody on call"', async (t) => {
  const emu = await emulator(t);
  const window = { startDate: '2026-02-22T00:00:00Z', endDate: '2026-03-12T00:00:00Z' };
  const period = { startDate: '2026-03-02T00:00:00Z', endDate: '2026-03-03T00:00:00Z', type: 'default' };
  const bodies: [string, unknown, string][] = [
    ['no data', {}, 'no final timeline with a start and end date'],
    ['null body', null, 'no final timeline with a start and end date'],
    ['no finalTimeline', { data: window }, 'no final timeline with a start and end date'],
    ['bad endDate', { data: { ...window, endDate: 'later', finalTimeline: { rotations: [] } } }, 'no final timeline with a start and end date'],
    ['late start', { data: { ...window, startDate: '2026-03-02T09:00:00Z', finalTimeline: { rotations: [] } } }, 'the timeline covers 2026-03-02T09:00:00.000Z to 2026-03-12T00:00:00.000Z, not the whole window 2026-03-02T08:00:00.000Z to 2026-03-02T10:00:00.000Z'],
    ['early end', { data: { ...window, endDate: '2026-03-02T09:00:00Z', finalTimeline: { rotations: [] } } }, 'the timeline covers 2026-02-22T00:00:00.000Z to 2026-03-02T09:00:00.000Z, not the whole window 2026-03-02T08:00:00.000Z to 2026-03-02T10:00:00.000Z'],
    ['periods not a list', { data: { ...window, finalTimeline: { rotations: [{ periods: {} }] } } }, 'a rotation whose periods are not a list'],
    ['no recipient', { data: { ...window, finalTimeline: { rotations: [{ periods: [period] }] } } }, 'a period without a start date, end date or recipient'],
    ['null period', { data: { ...window, finalTimeline: { rotations: [{ periods: [null] }] } } }, 'a period without a start date, end date or recipient'],
    ['no username', { data: { ...window, finalTimeline: { rotations: [{ periods: [{ ...period, recipient: { type: 'user', name: '' } }] }] } } }, 'a user recipient without a "name"'],
    ['recipient without a type', { data: { ...window, finalTimeline: { rotations: [{ periods: [{ ...period, recipient: { name: 'alice@example.com' } }] }] } } }, 'a recipient without a type'],
    ['type not a string', { data: { ...window, finalTimeline: { rotations: [{ periods: [{ ...period, type: 7, recipient: { type: 'user', name: 'alice@example.com' } }] }] } } }, 'a period whose type is not a string'],
    ['historical without recipients', { data: { ...window, finalTimeline: { rotations: [{ periods: [{ ...period, type: 'historical' }] }] } } }, 'a period without a start date, end date or recipient'],
    ['flattenedRecipients not a list', { data: { ...window, finalTimeline: { rotations: [{ periods: [{ ...period, type: 'historical', flattenedRecipients: { name: 'alice@example.com' } }] }] } } }, 'a historical period whose flattenedRecipients is not a list'],
    ['null flattened recipient', { data: { ...window, finalTimeline: { rotations: [{ periods: [{ ...period, type: 'historical', flattenedRecipients: [null] }] }] } } }, 'a recipient without a type'],
  ];
  for (const [name, body, why] of bodies) {
    emu.failNext({}, { status: 200, body });
    t.equal(failure(t, await readOne(source(emu), 'payments_primary')), `og schedule payments_primary: unexpected timeline response from Opsgenie: ${why}`, name);
  }
  const odd = { data: { ...window, finalTimeline: { rotations: [null, { name: 'no periods' }, { periods: [{ ...period, recipient: { type: 'group' } }] }] } } };
  emu.failNext({}, { status: 200, body: odd });
  t.match(failure(t, await readOne(source(emu), 'payments_primary')), /: a group is on call from 2026-03-02T00:00:00.000Z/, 'a rotation without periods is empty; an unnamed recipient of another type is named by its type');
});

t.test('timelineQuery covers the window with a margin in whole days, even for an empty or reversed window', async (t) => {
  const q = (since: string, until: string): Record<string, string> => Object.fromEntries(timelineQuery('x', new Date(since), new Date(until)));
  t.same(q('2026-03-02T08:00:00Z', '2026-03-02T08:00:00Z'), { identifierType: 'name', date: '2026-02-22T08:00:00.000Z', interval: '16', intervalUnit: 'days' });
  t.same(q('2026-03-02T08:00:00Z', '2026-03-01T08:00:00Z').interval, '16', 'a reversed window reads as the instant since');
  t.same(q('2026-03-02T08:00:00Z', '2026-03-02T08:00:00.001Z').interval, '17');
  t.equal(MARGIN_MS, 8 * 86_400_000);
});

t.test('the default API URL is Opsgenie US; a trailing slash on apiUrl is ignored; the key goes in a GenieKey header', async (t) => {
  const seen: { url: string; auth: string | null }[] = [];
  const fake: Fetch = async (input, init) => {
    seen.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
    return new Response(JSON.stringify({ data: { startDate: '2026-01-01T00:00:00Z', endDate: '2026-12-01T00:00:00Z', finalTimeline: { rotations: [] } }, took: 0, requestId: 'r' }));
  };
  await new OpsgenieSource({ apiKey: KEY, fetch: fake }).readShifts([schedule('x')], SINCE, UNTIL);
  await new OpsgenieSource({ apiUrl: 'https://api.eu.opsgenie.com/', apiKey: KEY, fetch: fake }).readShifts([schedule('x')], SINCE, UNTIL);
  t.match(seen[0], { url: /^https:\/\/api\.opsgenie\.com\/v2\/schedules\/x\/timeline\?/, auth: `GenieKey ${KEY}` });
  t.match(seen[1], { url: /^https:\/\/api\.eu\.opsgenie\.com\/v2\/schedules\/x\/timeline\?/ });
});

t.test('a read-only run may read: readOnlyFetch lets the timeline GETs through', async (t) => {
  const emu = await emulator(t);
  const read = await source(emu, { fetch: readOnlyFetch(globalThis.fetch) }).readShifts([schedule('payments_primary'), schedule(SPECIAL)], SINCE, UNTIL);
  t.same(shifts(t, read.get('og/schedule/payments_primary')), HANDOFF);
  t.equal(shifts(t, read.get(`og/schedule/${SPECIAL}`)).length, 1);
  t.ok(emu.requests.every((r) => r.method === 'GET'));
});

t.test('many schedules are all read, a few at a time', async (t) => {
  const many = Array.from({ length: 9 }, (_, i): OpsgenieScheduleSeed => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `s${i}`, periods: [{ user: `u${i}@example.com`, start: '2026-03-01T00:00:00Z', end: '2026-03-03T00:00:00Z' }] }));
  const emu = await startOpsgenieEmulator({ schedules: many, apiKey: KEY, strict: true, latencyMs: 5 });
  t.teardown(() => emu.close());
  let inFlight = 0;
  let peak = 0;
  const counting: Fetch = async (input, init) => {
    peak = Math.max(peak, ++inFlight);
    try {
      return await globalThis.fetch(input, init);
    } finally {
      inFlight -= 1;
    }
  };
  const read = await source(emu, { fetch: counting }).readShifts(many.map((s) => schedule(s.name)), SINCE, UNTIL);
  t.same([...read.values()].map((r) => (r.ok ? r.shifts[0]?.email : r.error)), many.map((_, i) => `u${i}@example.com`));
  t.ok(peak <= 4, `at most 4 requests at once (saw ${peak})`);
  t.same(emu.unexpected, []);
});
