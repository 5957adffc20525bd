/**
 * Incident hold (issue 18): a holder whose window ended keeps what they hold while on an open
 * PagerDuty incident of a bound rotation, never past `incidentHold.max`, never for someone who
 * does not hold it; a failed incident read extends nothing (it is reported, and access follows
 * the shifts as without the hold).
 */
import t from 'tap';
import fc from 'fast-check';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Profile, RotationBinding } from '../src/config/model.js';
import { readHoldEvents } from '../src/record/audit.js';
import { desire, holdBindings } from '../src/core/desire.js';
import { diff } from '../src/core/diff.js';
import { DEMO_PAGERDUTY } from '@oncall-access/emulators/demo-world';
import { startPagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { PagerDutySource } from '../src/sources/pagerduty.js';
import { bindingKey, type IncidentRead, type Shift } from '../src/sources/source.js';
import { entitlementKey } from '../src/core/entitlement.js';
import type { HoldersRead } from '../src/core/observed.js';
import { KINDS } from '../src/targets/kinds.js';
import { cli, demoWorkspace } from './helpers/demo-workspace.js';

const pos = { file: 'profiles/checkout.yaml', line: 1, col: 1 };
const policy: RotationBinding = { kind: 'escalationPolicy', source: 'pagerduty', escalationPolicy: 'PCHKEP1', levels: [1], pos };
const schedule: RotationBinding = { kind: 'schedule', source: 'pagerduty', schedule: 'PCHKOUT', pos };
const HOUR = 3_600_000;

t.test('the PagerDuty source reads open incidents in two requests: the bound schedule, then one page of incidents', async (t) => {
  const seed = structuredClone(DEMO_PAGERDUTY);
  seed.incidents!.push(
    { number: 4822, title: 'Old one', status: 'resolved', escalationPolicy: 'PCHKEP1', assignees: ['PJUDY01'] },
    { number: 4823, title: 'Paged', status: 'triggered', escalationPolicy: 'PCHKEP1', assignees: ['PKEN001'] },
  );
  const pd = await startPagerDutyEmulator({ ...seed, strict: true, token: 'pd-token' });
  t.teardown(() => pd.close());
  const source = new PagerDutySource({ apiUrl: pd.url, token: 'pd-token', fetch: globalThis.fetch });
  const reads = await source.readIncidents([policy, schedule]);
  const want: IncidentRead = {
    ok: true,
    incidents: [
      { number: 4821, title: 'Checkout 500s', status: 'acknowledged', assigned: ['ivan@acme.example'], acknowledged: ['ivan@acme.example'] },
      { number: 4823, title: 'Paged', status: 'triggered', assigned: ['ken@acme.example'], acknowledged: [] },
    ],
  };
  t.same(reads.get(bindingKey(policy)), want, 'the policy: its open incidents, people by email, the resolved one left out');
  t.same(reads.get(bindingKey(schedule)), want, 'the schedule: the incidents of the policies that page it');
  t.same(pd.requests.map((r) => `${r.method} ${r.path}`), ['GET /schedules/PCHKOUT', 'GET /incidents'], 'two requests, whatever the number of people');
  t.same(pd.unexpected, []);

  pd.failNext({ pathPrefix: '/incidents' }, { status: 500, body: { error: { message: 'boom' } } }, 100);
  const failed = await new PagerDutySource({ apiUrl: pd.url, token: 'pd-token', fetch: globalThis.fetch, http: { backoffMs: 1 } }).readIncidents([policy]);
  const read = failed.get(bindingKey(policy))!;
  t.equal(read.ok, false, 'a failed incident list is a failed read, never "no incidents"');
  t.match(!read.ok && read.error, /500/);
});

// --- the guards, as properties of desire and diff -------------------------------------------

const PEOPLE = ['ann', 'ben', 'cat', 'dan', 'eve'];
const AT = Date.parse('2026-11-30T12:00:00Z');

function profileWith(maxMs: number, afterMs: number): Profile {
  return {
    name: 'checkout-oncall',
    mode: 'auto',
    approval: 'review',
    approvers: [],
    rotations: [policy],
    window: { beforeMs: 0, afterMs },
    members: [],
    allowEmptyRotations: false,
    incidentHold: { maxMs, pos },
    entitlements: [{ target: 'github', kind: 'team', resource: 'acme/checkout-deployers', written: 'checkout-deployers', level: 'member', membership: 'exclusive', pos }],
    file: 'checkout.yaml',
    pos,
  };
}

/** A scenario: shifts ending around the instant, who holds the team, who is on which incident, and whether the incident read fails. */
const scenario = fc.record({
  maxMs: fc.integer({ min: 1, max: 24 }).map((h) => h * HOUR),
  afterMs: fc.integer({ min: 0, max: 4 }).map((q) => q * 15 * 60_000),
  shifts: fc.array(fc.record({ who: fc.constantFrom(...PEOPLE), endsAgoMin: fc.integer({ min: -600, max: 2000 }), lengthH: fc.integer({ min: 1, max: 48 }) }), { maxLength: 6 }),
  holders: fc.subarray(PEOPLE),
  assigned: fc.subarray(PEOPLE),
  acknowledged: fc.subarray(PEOPLE),
  readFails: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function plan(s: Scenario, withHold: boolean) {
  const shifts: Shift[] = s.shifts.map((x) => {
    const end = AT - x.endsAgoMin * 60_000;
    return { email: `${x.who}@acme.example`, start: new Date(end - x.lengthH * HOUR), end: new Date(end) };
  });
  const incidents = new Map<string, IncidentRead>([
    [bindingKey(policy), s.readFails ? { ok: false, error: 'GET /incidents: HTTP 503' } : { ok: true, incidents: [{ number: 1, title: 'Down', status: 'acknowledged', assigned: s.assigned.map((p) => `${p}@acme.example`), acknowledged: s.acknowledged.map((p) => `${p}@acme.example`) }] }],
  ]);
  const profile = profileWith(s.maxMs, s.afterMs);
  const wanted = desire({
    at: new Date(AT),
    profiles: [withHold ? profile : { ...profile, incidentHold: undefined }],
    kinds: KINDS,
    shifts: new Map([[bindingKey(policy), { ok: true, shifts }]]),
    resolve: (email) => `${email.split('@')[0]}-acme`,
    incidents: withHold ? incidents : undefined,
  });
  const observed = new Map<string, HoldersRead>([[entitlementKey({ target: 'github', kind: 'team', resource: 'acme/checkout-deployers' }), { ok: true, holders: s.holders.map((p) => ({ login: `${p}-acme`, role: 'member' as const, state: 'active' as const })) }]]);
  return { wanted, result: diff(wanted, observed), shifts, profile };
}

t.test('property: a hold never grants anyone, never lasts past max, and only ever removes revocations', async (t) => {
  let holds = 0;
  fc.assert(
    fc.property(scenario, (read) => {
      const s = { ...read, readFails: false };
      const held = plan(s, true);
      holds += held.result.holds.length;
      const without = plan(s, false);
      const holders = new Set(s.holders.map((p) => `${p}-acme`));
      // Never grants: the changes with the hold are those without it, less some revocations.
      const key = (c: { action: string; subject: { login: string } }) => `${c.action} ${c.subject.login}`;
      const withKeys = held.result.changes.map(key);
      const withoutKeys = without.result.changes.map(key);
      if (!withKeys.every((k) => withoutKeys.includes(k))) return false;
      const dropped = withoutKeys.filter((k) => !withKeys.includes(k));
      if (!dropped.every((k) => k.startsWith('revoke '))) return false;
      // Each revocation not made is a hold of a present holder, reported as such.
      for (const k of dropped) if (!held.result.holds.some((h) => `revoke ${h.login}` === k)) return false;
      for (const h of held.result.holds) {
        if (!holders.has(h.login)) return false;
        // Never past max: someone's window in the rotation ended less than max ago, and until is that window's end plus max.
        const person = `${h.login.replace(/-acme$/, '')}@acme.example`;
        const ends = held.shifts.filter((x) => x.email === person).map((x) => x.end!.getTime() + s.afterMs);
        if (!ends.some((e) => e <= AT && AT < e + s.maxMs && new Date(e + s.maxMs).toISOString() === h.until)) return false;
        if (Date.parse(h.until) <= AT) return false;
        // Held for a reason: on the incident, which was read.
        const who = h.login.replace(/-acme$/, '');
        if (!(s.assigned.includes(who) || s.acknowledged.includes(who))) return false;
      }
      return true;
    }),
    { numRuns: 500 },
  );
  t.ok(holds > 50, `the scenarios hold people (${holds} holds), so the checks are not vacuous`);
});

t.test('property: a failed incident read extends nothing: the plan is the one without a hold, and an error says so', async (t) => {
  let revoked = 0;
  fc.assert(
    fc.property(scenario, (s) => {
      const failing = plan({ ...s, readFails: true }, true);
      const without = plan(s, false);
      if (failing.result.holds.length > 0) return false;
      if (JSON.stringify(failing.result.changes) !== JSON.stringify(without.result.changes)) return false;
      const candidates = new Set(failing.shifts.filter((x) => x.end!.getTime() + s.afterMs <= AT && AT < x.end!.getTime() + s.afterMs + s.maxMs).map((x) => x.email));
      const changes = failing.result.changes;
      revoked += changes.filter((c) => c.action === 'revoke' && candidates.has(`${c.subject.login.replace(/-acme$/, '')}@acme.example`)).length;
      const errors = failing.wanted.diagnostics.filter((d) => d.severity === 'error' && /open incidents/.test(d.message));
      if (errors.length !== (candidates.size > 0 ? 1 : 0)) return false;
      return errors.every((e) => [...candidates].every((c) => e.message.includes(c)));
    }),
    { numRuns: 500 },
  );
  t.ok(revoked > 50, `people who could have been held are revoked after failed reads (${revoked}), so the check is not vacuous`);
});

t.test('incidents are read only when someone could be held', async (t) => {
  const profile = profileWith(4 * HOUR, 15 * 60_000);
  const at = new Date('2026-11-30T08:20:00Z');
  const shift = (end: string): Shift => ({ email: 'ivan@acme.example', start: new Date('2026-11-23T08:00:00Z'), end: new Date(end) });
  const shifts = (end: string) => new Map([[bindingKey(policy), { ok: true as const, shifts: [shift(end)] }]]);
  t.same(holdBindings([profile], shifts('2026-11-30T08:00:00Z'), at), [policy], 'window ended 5 minutes ago: read');
  t.same(holdBindings([profile], shifts('2026-11-30T03:00:00Z'), at), [], 'window ended more than max ago: nothing to read');
  t.same(holdBindings([profile], shifts('2026-11-30T09:00:00Z'), at), [], 'still on call: nothing to read');
  t.same(holdBindings([{ ...profile, incidentHold: undefined }], shifts('2026-11-30T08:00:00Z'), at), [], 'no incident hold: nothing to read');
});

// --- through the CLI, on the demo world ---------------------------------------------------------

t.test('plan at 08:20: ivan, whose window ended at 08:15, is kept while on incident #4821; explain says why', async (t) => {
  const { dir } = await demoWorkspace(t);
  const at = '2026-11-30T08:20:00Z';
  const plan = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--at', at], { now: new Date(at) });
  t.equal(plan.code, 0, plan.err);
  t.match(plan.out, 'github: acme/checkout-deployers (profile: checkout-oncall)\n  kept: ivan-acme until resolved (at most 12:15Z): assigned to incident #4821 "Checkout 500s" (acknowledged)');
  t.notMatch(plan.out, /- ivan-acme/, 'ivan is not revoked');
  const json = JSON.parse((await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--at', at, '--format', 'json'], { now: new Date(at) })).out);
  t.same(json.holds, [
    { target: 'github', kind: 'team', resource: 'acme/checkout-deployers', login: 'ivan-acme', profile: 'checkout-oncall', until: '2026-11-30T12:15:00.000Z', incident: { number: 4821, title: 'Checkout 500s', status: 'acknowledged', relation: 'assigned' } },
  ]);
  const explain = await cli(dir, ['explain', 'ivan-acme', '--config', 'oncall-access.yaml', '--at', at], { now: new Date(at) });
  t.match(explain.out, 'Kept by an incident hold:\n  acme/checkout-deployers: kept: ivan-acme until resolved (at most 12:15Z)');

  const late = '2026-11-30T12:15:00Z';
  const after = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--at', late], { now: new Date(late) });
  t.match(after.out, /- ivan-acme.*no longer on call/, 'at max after his window, ivan is revoked though the incident is open');
  t.notMatch(after.out, 'kept:');
});

t.test('apply at 08:20 keeps ivan and writes one audit hold line naming the incident; a second apply writes none', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const at = '2026-11-30T08:20:00Z';
  for (const run of [1, 2]) {
    const r = await cli(dir, ['apply', '--config', 'oncall-access.yaml', '--at', at, '--yes'], { now: new Date(at) });
    t.equal(r.code, 0, `apply ${run}: ${r.err}`);
  }
  t.ok(emu.teamMembers('acme', 'checkout-deployers').some((m) => m.login === 'ivan-acme'), 'ivan still holds checkout-deployers');
  const lines = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const holds = lines.filter((l) => l.action === 'hold');
  t.equal(holds.length, 1, 'one line for the hold, not one per run');
  t.match(holds[0], { formatVersion: 2, action: 'hold', target: 'github', kind: 'team', resource: 'acme/checkout-deployers', login: 'ivan-acme', profile: 'checkout-oncall', until: '2026-11-30T12:15:00.000Z', incident: { number: 4821, title: 'Checkout 500s', status: 'acknowledged', relation: 'assigned' }, planAt: '2026-11-30T08:20:00.000Z' });
  const explain = await cli(dir, ['explain', 'ivan-acme', '--config', 'oncall-access.yaml', '--at', '2026-11-30T08:30:00Z'], { now: new Date('2026-11-30T09:00:00Z') });
  t.equal(explain.code, 0, 'the audit log with a hold line still reads');
});

t.test('a hold line written before format 2 (GitHub\'s org and team, no formatVersion) reads as format 2 and still counts: apply adds no second line', async (t) => {
  const { dir } = await demoWorkspace(t);
  const at = '2026-11-30T08:20:00Z';
  const incident = { number: 4821, title: 'Checkout 500s', status: 'acknowledged', relation: 'assigned' };
  const v1 = { time: '2026-11-30T08:16:00.000Z', action: 'hold', target: 'github', org: 'acme', team: 'checkout-deployers', login: 'ivan-acme', profile: 'checkout-oncall', until: '2026-11-30T12:15:00.000Z', incident, planAt: '2026-11-30T08:16:00.000Z', configHash: 'c0ffee' };
  const audit = join(dir, 'state', 'audit.jsonl');
  mkdirSync(join(dir, 'state'), { recursive: true });
  appendFileSync(audit, `${JSON.stringify(v1)}\n`);
  t.same(readHoldEvents(audit), [
    { formatVersion: 2, time: '2026-11-30T08:16:00.000Z', action: 'hold', target: 'github', kind: 'team', resource: 'acme/checkout-deployers', login: 'ivan-acme', profile: 'checkout-oncall', until: '2026-11-30T12:15:00.000Z', incident, planAt: '2026-11-30T08:16:00.000Z', configHash: 'c0ffee' },
  ]);
  const r = await cli(dir, ['apply', '--config', 'oncall-access.yaml', '--at', at, '--yes'], { now: new Date(at) });
  t.equal(r.code, 0, r.err);
  const holds = readFileSync(audit, 'utf8').trim().split('\n').filter((l) => l.includes('"action":"hold"'));
  t.same(holds, [JSON.stringify(v1)], 'the same hold (holding, incident, limit): no new line, the old one as it was');
});

t.test('apply at 08:20 with the incident list failing: ivan is revoked as without the hold, an error says why, exit 1', async (t) => {
  const { dir, emu, emulators } = await demoWorkspace(t);
  emulators.pagerduty.failNext({ pathPrefix: '/incidents' }, { status: 503, body: { error: { message: 'down' } } }, 100);
  const at = '2026-11-30T08:20:00Z';
  const plan = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--at', at], { now: new Date(at) });
  t.equal(plan.code, 1);
  t.match(plan.out, /error: cannot read the open incidents of pagerduty escalation policy PCHKEP1 level 1: .*503.*No incident hold this run: access ends with the shift for ivan@acme\.example/);
  t.match(plan.out, /- ivan-acme/, 'ivan is revoked, as without the hold');
  t.notMatch(plan.out, 'kept:');
  const apply = await cli(dir, ['apply', '--config', 'oncall-access.yaml', '--at', at, '--yes'], { now: new Date(at) });
  t.equal(apply.code, 1, 'the failed read is reported');
  t.notOk(emu.teamMembers('acme', 'checkout-deployers').some((m) => m.login === 'ivan-acme'), 'shift-based access proceeds: ivan is revoked');
  t.notOk(readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').includes('"action":"hold"'), 'no hold is recorded');
});

t.test('validate: incidentHold.max longer than a day, zero, or on a requestable profile is an error at its line', async (t) => {
  const { dir } = await demoWorkspace(t);
  const file = join(dir, 'checkout.yaml');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace('max: 4h', 'max: 2d'));
  const long = await cli(dir, ['validate', '--config', 'oncall-access.yaml']);
  t.equal(long.code, 1);
  t.match(long.out, /checkout\.yaml:\d+:\d+: error: spec\.incidentHold\.max: 2d is longer than 1d/);
  writeFileSync(file, text.replace('max: 4h', 'max: 0m'));
  t.match((await cli(dir, ['validate', '--config', 'oncall-access.yaml'])).out, /spec\.incidentHold\.max: 0m holds nobody/);
  writeFileSync(file, text.replace('max: 4h', 'hours: 4'));
  const bad = await cli(dir, ['validate', '--config', 'oncall-access.yaml']);
  t.equal(bad.code, 1);
  t.notMatch(bad.out + bad.err, /\n\s+at /, 'no stack trace');
});

t.test('the Markdown plan (the pull request comment, the job summary) shows the hold under its entitlement, escaped', async (t) => {
  const { dir } = await demoWorkspace(t);
  const at = '2026-11-30T08:20:00Z';
  const md = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--at', at, '--format', 'markdown'], { now: new Date(at) });
  t.equal(md.code, 0, md.err);
  t.match(md.out, '> [!NOTE]\n> Kept by an incident hold: their window ended, but they are on an open incident.\n\n### github: acme/checkout-deployers (profile: checkout-oncall) — incident hold\n\n- kept: ivan-acme until resolved (at most 12:15Z): assigned to incident `#4821` "Checkout 500s" (acknowledged)\n', 'the incident number in code, so GitHub links no issue #4821');
});
