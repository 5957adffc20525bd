import t, { type Test } from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { startOpsgenieEmulator, type OpsgenieEmulator, type OpsgenieEmulatorOptions, type OpsgenieScheduleSeed } from '@oncall-access/emulators/opsgenie';

const KEY = 'eb243592-faa2-4ba2-a551-1afdf565c889';
const PRIMARY_ID = '9e1f7a2c-0d3b-4c55-8a11-5b7c2f0e6d41';

/** Payments: alice until 09:00 on 2 March, then bob; a second rotation with the secondary; a `none` gap. */
function payments(): OpsgenieScheduleSeed {
  return {
    id: PRIMARY_ID,
    name: 'Payments Primary',
    timezone: 'Europe/Berlin',
    periods: [
      { user: 'alice@example.com', start: '2026-03-01T09:00:00Z', end: '2026-03-02T09:00:00Z' },
      { user: 'bob@example.com', start: '2026-03-02T09:00:00Z', end: '2026-03-09T09:00:00Z' },
      { user: 'carol@example.com', start: '2026-03-01T00:00:00Z', end: '2026-03-08T00:00:00Z', rotation: 'Secondary' },
      { user: 'none', recipientType: 'none', start: '2026-03-09T09:00:00Z', end: '2026-03-10T09:00:00Z' },
    ],
  };
}

async function start(t: Test, extra: Partial<OpsgenieEmulatorOptions> = {}): Promise<OpsgenieEmulator> {
  const emu = await startOpsgenieEmulator({ schedules: [payments()], apiKey: KEY, strict: true, ...extra });
  t.teardown(() => emu.close());
  return emu;
}

/** GETs `path` from the emulator with the key, returning status, headers and parsed body. */
async function get(emu: OpsgenieEmulator, path: string, key: string | null = KEY): Promise<{ status: number; headers: Headers; body: any /* JSON of any shape, asserted field by field */ }> {
  const res = await fetch(`${emu.url}${path}`, { headers: key === null ? {} : { authorization: `GenieKey ${key}` } });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

t.test('timeline: final timeline from date for interval days, clipped, grouped by rotation, in the envelope', async (t) => {
  const emu = await start(t);
  const { status, headers, body } = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline?identifierType=id&date=2026-03-02T00:00:00Z&interval=2&intervalUnit=days`);
  t.equal(status, 200);
  t.type(body.took, 'number');
  t.type(body.requestId, 'string');
  t.equal(headers.get('x-request-id'), body.requestId);
  t.same(body.expandable, ['base', 'forwarding', 'override']);
  t.same(body.data._parent, { id: PRIMARY_ID, name: 'Payments Primary', enabled: true });
  t.equal(body.data.startDate, '2026-03-02T00:00:00.000Z');
  t.equal(body.data.endDate, '2026-03-04T00:00:00.000Z');
  const [primary, secondary] = body.data.finalTimeline.rotations;
  t.equal(primary.name, 'Rotation 1');
  t.match(primary, { order: 1, id: /^[0-9a-f-]{36}$/ });
  t.same(
    primary.periods.map((p: { startDate: string; endDate: string; recipient: { name: string; type: string } }) => [p.startDate, p.endDate, p.recipient.name, p.recipient.type]),
    [
      ['2026-03-02T00:00:00.000Z', '2026-03-02T09:00:00.000Z', 'alice@example.com', 'user'],
      ['2026-03-02T09:00:00.000Z', '2026-03-04T00:00:00.000Z', 'bob@example.com', 'user'],
    ],
    'periods clipped to the timeline',
  );
  t.match(primary.periods[0], { type: 'default', recipient: { id: /^[0-9a-f-]{36}$/ } });
  t.equal(secondary.name, 'Secondary');
  t.equal(body.data.baseTimeline, undefined, 'not expanded');
  t.same(emu.unexpected, []);
});

t.test('timeline by name (URL-encoded), default one week from now, weeks and months, expand', async (t) => {
  const emu = await start(t);
  const byName = await get(emu, `/v2/schedules/${encodeURIComponent('Payments Primary')}/timeline?identifierType=name&date=2026-03-01T00:00:00Z`);
  t.equal(byName.status, 200);
  t.equal(byName.body.data.endDate, '2026-03-08T00:00:00.000Z', 'interval defaults to 1, intervalUnit to weeks');

  const before = Date.now();
  const now = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline`);
  t.ok(Date.parse(now.body.data.startDate) >= before - 1000, 'date defaults to now');

  const weeks = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline?date=2026-03-01T00:00:00Z&interval=2&intervalUnit=weeks`);
  t.equal(weeks.body.data.endDate, '2026-03-15T00:00:00.000Z');
  const months = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline?date=2026-01-31T00:00:00Z&interval=1&intervalUnit=months&expand=base,override&expand=forwarding`);
  t.equal(months.body.data.endDate, '2026-03-03T00:00:00.000Z', 'calendar months in UTC');
  t.same(months.body.expandable, []);
  t.same(months.body.data.baseTimeline, months.body.data.finalTimeline);
  t.same(months.body.data.overrideTimeline, { rotations: [] });
  t.same(months.body.data.forwardingTimeline, { rotations: [] });
  const gap = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline?date=2026-03-09T12:00:00Z&interval=1&intervalUnit=days`);
  t.same(gap.body.data.finalTimeline.rotations[0].periods[0].recipient.type, 'none', 'a none participant shows as a none recipient');
  t.same(emu.unexpected, []);
});

t.test('unknown schedule: 404 with Opsgenie error body, by id and by name', async (t) => {
  const emu = await start(t);
  const byId = await get(emu, '/v2/schedules/00000000-0000-4000-8000-0000000000ff/timeline');
  t.equal(byId.status, 404);
  t.match(byId.body, { message: 'No schedule exists with id [00000000-0000-4000-8000-0000000000ff]', took: Number, requestId: String });
  const wrongType = await get(emu, `/v2/schedules/${encodeURIComponent('Payments Primary')}/timeline?identifierType=id`);
  t.equal(wrongType.status, 404, 'a name looked up as an id is not found');
  const caseMatters = await get(emu, '/v2/schedules/payments%20primary/timeline?identifierType=name');
  t.equal(caseMatters.status, 404);
  t.same(emu.unexpected, [], 'a 404 for an unknown schedule is an answer, not an emulator gap');
});

t.test('invalid parameters: 422 and recorded as unexpected', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const base = `/v2/schedules/${PRIMARY_ID}/timeline?`;
  for (const query of ['identifierType=uuid', 'intervalUnit=hours', 'interval=0', 'interval=x', 'date=yesterday', 'expand=everything']) {
    const res = await get(emu, base + query);
    t.equal(res.status, 422, query);
    t.match(res.body, { message: /^Invalid /, requestId: String }, query);
  }
  t.same(
    emu.unexpected.map((u) => u.reason),
    ['invalid identifierType', 'invalid intervalUnit', 'invalid interval', 'invalid interval', 'invalid date', 'invalid expand'],
  );
});

t.test('strict mode records unknown query parameters and routes; lenient mode answers 404 for routes', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const res = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline?date=2026-03-01T00:00:00Z&limit=5&limit=6`);
  t.equal(res.status, 200, 'served anyway, as Opsgenie ignores unknown parameters');
  const route = await get(emu, '/v2/escalations');
  t.equal(route.status, 501);
  t.match(route.body, { message: 'Not emulated: GET /v2/escalations' });
  t.same(emu.unexpected, [
    { method: 'GET', path: `/v2/schedules/${PRIMARY_ID}/timeline`, reason: 'unknown query parameter limit' },
    { method: 'GET', path: '/v2/escalations', reason: 'no such route' },
  ]);

  const lenient = await start(t, { strict: false });
  lenient.acceptUnexpected();
  t.equal((await get(lenient, `/v2/schedules/${PRIMARY_ID}/timeline?limit=5`)).status, 200);
  t.equal((await get(lenient, '/v2/escalations')).status, 404);
  t.same(lenient.unexpected.map((u) => u.reason), ['no such route'], 'lenient mode does not check parameters');
});

t.test('GenieKey authentication: missing or wrong key is 401 with Opsgenie error body; no key configured accepts all', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const missing = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline`, null);
  t.equal(missing.status, 401);
  t.match(missing.body, { message: 'Could not authenticate', took: Number, requestId: String });
  const wrong = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline`, 'not-the-key');
  t.equal(wrong.status, 401);
  const bearer = await fetch(`${emu.url}/v2/schedules/${PRIMARY_ID}/timeline`, { headers: { authorization: `Bearer ${KEY}` } });
  t.equal(bearer.status, 401, 'only the GenieKey scheme');
  t.same(emu.unexpected.map((u) => u.reason), ['no GenieKey credentials', 'wrong API key', 'no GenieKey credentials']);

  const open = await start(t, { apiKey: undefined });
  t.equal((await get(open, `/v2/schedules/${PRIMARY_ID}/timeline`, null)).status, 200);
});

t.test('on-calls of one schedule at a date, as participants or flat, by id or scheduleIdentifierType=name', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  const at = (date: string, extra = ''): string => `/v2/schedules/${PRIMARY_ID}/on-calls?date=${date}${extra}`;
  const morning = await get(emu, at('2026-03-02T08:00:00Z'));
  t.equal(morning.status, 200);
  t.same(morning.body.data._parent, { id: PRIMARY_ID, name: 'Payments Primary', enabled: true });
  t.same(
    morning.body.data.onCallParticipants.map((p: { name: string; type: string }) => [p.name, p.type]),
    [
      ['alice@example.com', 'user'],
      ['carol@example.com', 'user'],
    ],
  );
  const flat = await get(emu, at('2026-03-02T09:00:00Z', '&flat=true'));
  t.same(flat.body.data.onCallRecipients, ['bob@example.com', 'carol@example.com'], 'the handoff instant belongs to the next shift');
  t.equal(flat.body.data.onCallParticipants, undefined);
  const gap = await get(emu, at('2026-03-09T10:00:00Z', '&flat=false'));
  t.same(gap.body.data.onCallParticipants, [], 'a none period is nobody on call');
  const byName = await get(emu, `/v2/schedules/${encodeURIComponent('Payments Primary')}/on-calls?scheduleIdentifierType=name&date=2026-03-05T00:00:00Z&flat=true`);
  t.same(byName.body.data.onCallRecipients, ['bob@example.com', 'carol@example.com']);
  const nameAsId = await get(emu, `/v2/schedules/${encodeURIComponent('Payments Primary')}/on-calls?identifierType=name`);
  t.equal(nameAsId.status, 404, 'on-calls takes scheduleIdentifierType, not identifierType');
  t.equal((await get(emu, at('2026-03-02T09:00:00Z', '&flat=yes'))).status, 422);
  t.same(emu.unexpected.map((u) => u.reason), ['unknown query parameter identifierType', 'invalid flat']);
});

t.test('on-calls of all schedules and the schedule itself', async (t) => {
  const other: OpsgenieScheduleSeed = { id: '11111111-2222-4333-8444-555555555555', name: 'infra', periods: [{ user: 'dave@example.com', start: '2026-01-01T00:00:00Z', end: '2027-01-01T00:00:00Z' }] };
  const emu = await start(t, { schedules: [payments(), other] });
  const all = await get(emu, '/v2/schedules/on-calls?date=2026-03-02T08:00:00Z&flat=true');
  t.equal(all.status, 200);
  t.same(
    all.body.data.map((d: { _parent: { name: string }; onCallRecipients: string[] }) => [d._parent.name, d.onCallRecipients]),
    [
      ['Payments Primary', ['alice@example.com', 'carol@example.com']],
      ['infra', ['dave@example.com']],
    ],
  );
  const now = await get(emu, '/v2/schedules/on-calls');
  t.equal(now.status, 200, 'date defaults to now');
  const schedule = await get(emu, '/v2/schedules/infra?identifierType=name');
  t.same(schedule.body.data, { id: other.id, name: 'infra', enabled: true, description: '', timezone: 'UTC', rotations: [] });
  t.equal((await get(emu, `/v2/schedules/${PRIMARY_ID}`)).body.data.timezone, 'Europe/Berlin');
  t.same(emu.unexpected, []);
});

t.test('the same user gets the same recipient id everywhere; teams and escalations keep their type', async (t) => {
  const emu = await start(t, {
    schedules: [
      {
        id: PRIMARY_ID,
        name: 'mixed',
        periods: [
          { user: 'alice@example.com', start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' },
          { user: 'payments_team', recipientType: 'team', start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z' },
          { user: 'alice@example.com', start: '2026-03-03T00:00:00Z', end: '2026-03-04T00:00:00Z' },
          { user: 'payments_escalation', recipientType: 'escalation', start: '2026-03-04T00:00:00Z', end: '2026-03-05T00:00:00Z', rotation: 'Esc' },
        ],
      },
    ],
  });
  const { body } = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline?date=2026-03-01T00:00:00Z`);
  const [main, esc] = body.data.finalTimeline.rotations;
  const recipients = main.periods.map((p: { recipient: { id: string; name: string; type: string } }) => p.recipient);
  t.same(recipients.map((r: { type: string }) => r.type), ['user', 'team', 'user']);
  t.equal(recipients[0].id, recipients[2].id);
  t.not(recipients[0].id, recipients[1].id);
  t.same(esc.periods[0].recipient.type, 'escalation');
});

/** One schedule with every period type and recipient type the contract describes, on 1 to 3 March. */
function everyType(): OpsgenieScheduleSeed {
  return {
    id: PRIMARY_ID,
    name: 'every-type',
    periods: [
      { type: 'historical', flattened: [{ name: 'alice@example.com' }, { name: 'bob@example.com', forwardedFrom: 'carol@example.com' }], start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' },
      { type: 'default', user: 'alice@example.com', start: '2026-03-02T00:00:00Z', end: '2026-03-02T12:00:00Z' },
      { type: 'override', user: 'dave@example.com', start: '2026-03-02T12:00:00Z', end: '2026-03-02T18:00:00Z' },
      { type: 'forwarding', user: 'erin@example.com', fromUser: 'alice@example.com', start: '2026-03-02T18:00:00Z', end: '2026-03-03T00:00:00Z' },
      { type: 'historical', user: 'payments_escalation', recipientType: 'escalation', flattened: [{ name: 'frank@example.com' }], start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z', rotation: 'Groups' },
      { user: 'payments_team', recipientType: 'team', start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z', rotation: 'Groups' },
      { type: 'historical', user: 'none', recipientType: 'none', start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z', rotation: 'Quiet' },
      { type: 'override', user: 'none', recipientType: 'none', start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z', rotation: 'Quiet' },
      { type: 'shadow', user: 'zed@example.com', start: '2026-03-02T00:00:00Z', end: '2026-03-03T00:00:00Z', rotation: 'Quiet' },
    ],
  };
}

type PeriodJson = { startDate: string; endDate: string; type: string; fromUser?: string; recipient?: { id: string; name: string; type: string }; flattenedRecipients?: { id: string; name: string; type: string; forwardedFrom?: string }[] };

/** A period without the recipients' ids (asserted separately), its fields in the order served. */
const withoutIds = (p: PeriodJson) => ({
  ...p,
  ...(p.recipient ? { recipient: { name: p.recipient.name, type: p.recipient.type } } : {}),
  ...(p.flattenedRecipients ? { flattenedRecipients: p.flattenedRecipients.map(({ id: _id, ...r }) => r) } : {}),
});

t.test('every period type and recipient type, each field only where the contract uses it', async (t) => {
  const emu = await start(t, { schedules: [everyType()] });
  const { body } = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline?date=2026-03-01T00:00:00Z&interval=2&intervalUnit=days`);
  const [main, groups, quiet] = body.data.finalTimeline.rotations as { name: string; periods: PeriodJson[] }[];
  t.same(main!.periods.map(withoutIds), [
    { startDate: '2026-03-01T00:00:00.000Z', endDate: '2026-03-02T00:00:00.000Z', type: 'historical', flattenedRecipients: [{ name: 'alice@example.com', type: 'user' }, { name: 'bob@example.com', type: 'user', forwardedFrom: 'carol@example.com' }] },
    { startDate: '2026-03-02T00:00:00.000Z', endDate: '2026-03-02T12:00:00.000Z', type: 'default', recipient: { name: 'alice@example.com', type: 'user' } },
    { startDate: '2026-03-02T12:00:00.000Z', endDate: '2026-03-02T18:00:00.000Z', type: 'override', recipient: { name: 'dave@example.com', type: 'user' } },
    { startDate: '2026-03-02T18:00:00.000Z', endDate: '2026-03-03T00:00:00.000Z', type: 'forwarding', fromUser: 'alice@example.com', recipient: { name: 'erin@example.com', type: 'user' } },
  ]);
  t.equal(main!.periods[0]!.flattenedRecipients![0]!.id, main!.periods[1]!.recipient!.id, 'a user has one id, flattened or not');
  t.same(groups!.periods.map(withoutIds), [
    { startDate: '2026-03-01T00:00:00.000Z', endDate: '2026-03-02T00:00:00.000Z', type: 'historical', recipient: { name: 'payments_escalation', type: 'escalation' }, flattenedRecipients: [{ name: 'frank@example.com', type: 'user' }] },
    { startDate: '2026-03-02T00:00:00.000Z', endDate: '2026-03-03T00:00:00.000Z', type: 'default', recipient: { name: 'payments_team', type: 'team' } },
  ]);
  t.same(
    quiet!.periods.map((p) => [p.type, p.recipient?.type]),
    [
      ['historical', 'none'],
      ['override', 'none'],
      ['shadow', 'user'],
    ],
    'a type the contract does not name is served as seeded',
  );
  t.same(emu.unexpected, []);
});

t.test('expanded layers hold the periods of their type; on-calls read historical periods through their flattened recipients', async (t) => {
  const emu = await start(t, { schedules: [everyType()] });
  const { body } = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline?date=2026-03-01T00:00:00Z&interval=2&intervalUnit=days&expand=base,override,forwarding`);
  const layer = (name: string) => (body.data[name].rotations as { name: string; periods: PeriodJson[] }[]).map((r) => [r.name, r.periods.map((p) => p.type)]);
  t.same(layer('baseTimeline'), [
    ['Rotation 1', ['default']],
    ['Groups', ['default']],
  ]);
  t.same(layer('overrideTimeline'), [
    ['Rotation 1', ['override']],
    ['Quiet', ['override']],
  ]);
  t.same(layer('forwardingTimeline'), [['Rotation 1', ['forwarding']]]);
  t.same(body.data.overrideTimeline.rotations[1].order, 3, 'a rotation keeps its order and id in every layer');
  const onCalls = async (date: string) => (await get(emu, `/v2/schedules/${PRIMARY_ID}/on-calls?date=${date}&flat=true`)).body.data.onCallRecipients;
  t.same(await onCalls('2026-03-01T12:00:00Z'), ['alice@example.com', 'bob@example.com', 'frank@example.com'], 'historical: the flattened recipients; none is nobody');
  t.same(await onCalls('2026-03-02T20:00:00Z'), ['erin@example.com', 'payments_team', 'zed@example.com'], 'forwarding: the recipient, not fromUser');
  const participants = (await get(emu, `/v2/schedules/${PRIMARY_ID}/on-calls?date=2026-03-01T12:00:00Z`)).body.data.onCallParticipants;
  t.same(Object.keys(participants[1]), ['id', 'name', 'type'], 'an on-call participant has no forwardedFrom string');
  t.same(emu.unexpected, []);
});

t.test('faults, latency and a chosen port come from the shared JSON server', async (t) => {
  const emu = await start(t, { latencyMs: 20 });
  emu.failNext({ pathPrefix: '/v2/schedules' }, { status: 429, body: { message: 'Too many requests', took: 0, requestId: 'r' }, headers: { 'retry-after': '1' } });
  const limited = await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline`);
  t.equal(limited.status, 429);
  t.equal(limited.headers.get('retry-after'), '1');
  const started = Date.now();
  t.equal((await get(emu, `/v2/schedules/${PRIMARY_ID}/timeline`)).status, 200);
  t.ok(Date.now() - started >= 15, 'latency added');
  t.same(emu.requests.map((r) => r.status), [429, 200]);
  t.ok(emu.url.startsWith('http://127.0.0.1:'));
});

t.test('seeds Opsgenie could not hold are refused', async (t) => {
  const period = { user: 'a@example.com', start: '2026-03-01T00:00:00Z', end: '2026-03-02T00:00:00Z' };
  await t.rejects(startOpsgenieEmulator({ schedules: [{ id: PRIMARY_ID, name: 'x', periods: [{ ...period, end: period.start }] }] }), /ends before it starts/);
  await t.rejects(startOpsgenieEmulator({ schedules: [{ id: PRIMARY_ID, name: 'x', periods: [{ ...period, start: 'soon' }] }] }), /"soon" is not an instant/);
  await t.rejects(
    startOpsgenieEmulator({
      schedules: [
        { id: PRIMARY_ID, name: 'x', periods: [] },
        { id: PRIMARY_ID, name: 'y', periods: [] },
      ],
    }),
    /two schedules share one id/,
  );
  await t.rejects(
    startOpsgenieEmulator({
      schedules: [
        { id: PRIMARY_ID, name: 'x', periods: [] },
        { id: '11111111-2222-4333-8444-555555555555', name: 'x', periods: [] },
      ],
    }),
    /two schedules share one name/,
  );
  const refused = (p: Partial<OpsgenieScheduleSeed['periods'][number]>) => startOpsgenieEmulator({ schedules: [{ id: PRIMARY_ID, name: 'x', periods: [{ ...period, ...p }] }] });
  await t.rejects(refused({ user: undefined }), /^schedule "x": the default period from 2026-03-01T00:00:00Z has no recipient$/);
  await t.rejects(refused({ fromUser: 'b@example.com' }), /the default period .* has a fromUser, which only 'forwarding' periods use/);
  await t.rejects(refused({ type: 'override', flattened: [{ name: 'b@example.com' }] }), /the override period .* has flattened recipients, which only 'historical' periods use/);
  const dated = await startOpsgenieEmulator({ schedules: [{ id: PRIMARY_ID, name: 'x', periods: [{ ...period, start: new Date(period.start) }] }] });
  t.teardown(() => dated.close());
  t.equal((await get(dated, `/v2/schedules/${PRIMARY_ID}/on-calls?date=2026-03-01T12:00:00Z&flat=true`)).body.data.onCallRecipients[0], 'a@example.com', 'Date instants are accepted');
});

t.test('a handler crash is a 500 with an Opsgenie error body, recorded as unexpected', async (t) => {
  const emu = await start(t);
  emu.acceptUnexpected();
  // A malformed percent-encoding makes the shared server's decodeURIComponent throw while routing.
  const res = await get(emu, '/v2/schedules/%E0%A4%A/timeline');
  t.equal(res.status, 500);
  t.match(res.body, { message: /emulator crashed/, requestId: String });
  t.equal(emu.unexpected.length, 1);
});

// --- contract ------------------------------------------------------------------------------

/**
 * Opsgenie's response definitions, vendored with their license in `contracts/opsgenie/` (Apache-2.0):
 * Swagger 2 fragments whose `$ref`s name `#/definitions/<name>` of the document they merge into.
 */
const CONTRACT = new URL('../contracts/opsgenie/definitions/', import.meta.url);
const definitions = Object.assign({}, ...readdirSync(CONTRACT).map((file) => parse(readFileSync(new URL(file, CONTRACT), 'utf8')) as Record<string, unknown>));
const contract = new Ajv({ strict: false, validateFormats: false, allErrors: true });
contract.addSchema({ definitions }, 'og');

t.test('every emulated answer conforms to the Opsgenie contract (vendored)', async (t) => {
  const emu = await start(t);
  const cases: [string, number, string][] = [
    [`/v2/schedules/${PRIMARY_ID}/timeline?date=2026-03-02T00:00:00Z&interval=2&intervalUnit=days`, 200, 'GetScheduleTimelineResponse'],
    [`/v2/schedules/${PRIMARY_ID}/timeline?date=2026-03-01T00:00:00Z&interval=2&intervalUnit=weeks&expand=base,forwarding,override`, 200, 'GetScheduleTimelineResponse'],
    [`/v2/schedules/${PRIMARY_ID}/on-calls?date=2026-03-02T08:00:00Z`, 200, 'GetOnCallResponse'],
    [`/v2/schedules/${PRIMARY_ID}/on-calls?date=2026-03-02T08:00:00Z&flat=true`, 200, 'GetOnCallResponse'],
    ['/v2/schedules/on-calls?date=2026-03-02T08:00:00Z', 200, 'ListOnCallsResponse'],
    [`/v2/schedules/${PRIMARY_ID}`, 200, 'GetScheduleResponse'],
    ['/v2/schedules/00000000-0000-4000-8000-0000000000ff/timeline', 404, 'ErrorResponse'],
  ];
  for (const [path, status, definition] of cases) {
    const r = await get(emu, path);
    t.equal(r.status, status, path);
    const validate = contract.compile({ $ref: `og#/definitions/${definition}` });
    t.ok(validate(r.body), `${path} is a ${definition}`, { errors: validate.errors });
  }
  const onCall = contract.compile({ $ref: 'og#/definitions/GetOnCallResponse' });
  t.notOk(onCall({ took: 'slow', requestId: 'x', data: { onCallParticipants: 'alice' } }), 'the contract refuses a body of the wrong shape');
  t.same(emu.unexpected, []);
});
