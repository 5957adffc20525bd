/**
 * The coverage check (src/core/coverage.ts): the stretches of the coming week in which a rotation
 * leaves nobody with access, and the diagnostics naming them.
 */
import t from 'tap';
import { COVERAGE_HORIZON_MS, coverageDiagnostics, coverageGaps, type CoverageGap } from '../src/core/coverage.js';
import { bindingKey } from '../src/sources/source.js';
import { email, profile, resolver, rotation, shift, shifts, ts, type ShiftSpec } from './helpers/core-fixtures.js';

const FROM = ts('2026-11-30T08:00:00Z');
const TO = ts('2026-12-07T08:00:00Z');
const everyone = (): boolean => true;

/** Gaps as `start-end cause`, instants as MM-DDTHH:MM. */
function show(gaps: CoverageGap[]): string[] {
  const at = (d: Date) => d.toISOString().slice(5, 16);
  return gaps.map((g) => `${at(g.start)}-${at(g.end)} ${g.cause.kind === 'nobody' ? 'nobody' : g.cause.emails.join('+')}`);
}

const gaps = (specs: ShiftSpec[], hasIdentity: (e: string) => boolean = everyone) => show(coverageGaps(specs.map(shift), FROM, TO, hasIdentity));

t.test('a hole between two shifts (between layers, or where an override ends early) is a gap; touching shifts are none', async (t) => {
  t.same(gaps([['alice', '2026-11-29T08:00:00Z', '2026-12-01T08:00:00Z'], ['bob', '2026-12-01T08:00:00Z', '2026-12-08T08:00:00Z']]), []);
  t.same(gaps([['alice', '2026-11-29T08:00:00Z', '2026-12-01T08:00:00Z'], ['bob', '2026-12-01T20:00:00Z', '2026-12-08T08:00:00Z']]), ['12-01T08:00-12-01T20:00 nobody']);
});

t.test('overlapping layers cover each other; the gap is only where neither does', async (t) => {
  const day = [['alice', '2026-11-30T00:00:00Z', '2026-12-03T00:00:00Z'], ['bob', '2026-12-02T00:00:00Z', '2026-12-04T00:00:00Z'], ['carol', '2026-12-05T00:00:00Z', '2026-12-09T00:00:00Z']] as const;
  t.same(gaps([...day]), ['12-04T00:00-12-05T00:00 nobody']);
});

t.test('an open-ended shift covers the rest of the week; a shift that started before the week counts from its start', async (t) => {
  t.same(gaps([['alice', '2026-11-01T00:00:00Z']]), []);
  t.same(gaps([['alice', '2026-11-20T00:00:00Z', '2026-11-30T12:00:00Z']]), ['11-30T12:00-12-07T08:00 nobody'], 'nobody from the end of the only shift to the end of the week');
  t.same(gaps([]), ['11-30T08:00-12-07T08:00 nobody'], 'nobody at all');
  t.same(gaps([['alice', '2026-12-10T00:00:00Z', '2026-12-11T00:00:00Z']]), ['11-30T08:00-12-07T08:00 nobody'], 'a shift after the week');
});

t.test('people without a login leave a gap of their own, apart from a stretch with nobody; neighbours without a login are one gap', async (t) => {
  const noLogin = (e: string) => !['grace@example.com', 'heidi@example.com'].includes(e);
  const week: ShiftSpec[] = [
    ['alice', '2026-11-29T00:00:00Z', '2026-12-01T00:00:00Z'],
    ['grace', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z'],
    ['heidi', '2026-12-02T00:00:00Z', '2026-12-03T00:00:00Z'],
    ['bob', '2026-12-04T00:00:00Z', '2026-12-08T00:00:00Z'],
  ];
  t.same(gaps(week, noLogin), ['12-01T00:00-12-03T00:00 grace@example.com+heidi@example.com', '12-03T00:00-12-04T00:00 nobody']);
  t.same(gaps([['grace', '2026-11-29T00:00:00Z', '2026-12-09T00:00:00Z'], ['alice', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z']], noLogin), ['11-30T08:00-12-01T00:00 grace@example.com', '12-02T00:00-12-07T08:00 grace@example.com'], 'someone with a login covers a stretch');
});

t.test('coverageDiagnostics names the rotation, the stretch in its time zone and the cause, where the profile binds it', async (t) => {
  const p = profile({ name: 'payments' });
  const reads = shifts({ primary: [['alice', '2026-11-29T00:00:00Z', '2026-12-01T08:00:00Z'], ['bob', '2026-12-01T20:00:00Z', '2026-12-09T00:00:00Z']] });
  const read = reads.get(bindingKey(rotation('primary')))!;
  const berlin = new Map([[bindingKey(rotation('primary')), { ...read, timeZone: 'Europe/Berlin' }]]);
  const input = { profiles: [p], shifts: berlin, resolve: resolver(), from: FROM, to: TO, policy: 'warn' as const };
  t.same(coverageDiagnostics(input), [
    { severity: 'warning', message: 'rotation primary leaves nobody with access from Tue 2026-12-01 09:00 to Tue 2026-12-01 21:00 Europe/Berlin (12h): nobody is on call (a gap between layers or shifts, or an override that leaves a hole)', file: 'profiles/rotations/primary.yaml', line: 1, col: 1, code: 'coverage' },
  ]);
  t.match(coverageDiagnostics({ ...input, shifts: reads }), [{ message: /from Tue 2026-12-01 08:00 to Tue 2026-12-01 20:00 UTC \(12h\)/ }], 'UTC when the source gives no time zone');
  t.match(coverageDiagnostics({ ...input, policy: 'error' }), [{ severity: 'error', code: 'coverage' }], 'error for teams that require 24/7 coverage');
  t.same(coverageDiagnostics({ ...input, policy: 'off' }), [], 'off checks nothing');
});

t.test('a gap running past the week says "at least"; people without a login are named, once per rotation', async (t) => {
  const p = profile({ name: 'payments', teams: ['sre', 'ghe/ops'] });
  const q = profile({ name: 'payments-2', teams: ['db'] });
  const reads = shifts({ primary: [['alice', '2026-11-29T00:00:00Z', '2026-12-06T08:00:00Z'], ['grace', '2026-12-06T08:00:00Z', '2026-12-20T00:00:00Z']] });
  const onlyGithub = (e: string, target: string) => (target === 'ghe' && e === email('grace') ? undefined : resolver()(e));
  const found = coverageDiagnostics({ profiles: [p, q], shifts: reads, resolve: onlyGithub, from: FROM, to: TO, policy: 'warn' });
  t.same(
    found.map((d) => d.message),
    ['rotation primary leaves nobody with access from Sun 2026-12-06 08:00 to at least Mon 2026-12-07 08:00 UTC (1d): only grace@example.com is on call, and has no GitHub login (add them to the identities file)'],
    'a login on every target the rotation feeds is needed',
  );
  const two = shifts({ primary: [['grace', '2026-11-29T00:00:00Z', '2026-12-20T00:00:00Z'], ['heidi', '2026-11-29T00:00:00Z', '2026-12-20T00:00:00Z']] });
  t.match(coverageDiagnostics({ profiles: [p], shifts: two, resolve: resolver(['grace', 'heidi']), from: FROM, to: TO, policy: 'warn' }), [{ message: /only grace@example.com, heidi@example.com are on call, and have no GitHub login \(add 2 people to the identities file\)$/ }]);
});

t.test('rotations that were not read, or that only profiles allowing empty rotations bind, are not checked', async (t) => {
  const empty = shifts({ primary: [] });
  const allow = { ...profile({ name: 'business-hours' }), allowEmptyRotations: true };
  t.same(coverageDiagnostics({ profiles: [allow], shifts: empty, resolve: resolver(), from: FROM, to: TO, policy: 'error' }), []);
  t.equal(coverageDiagnostics({ profiles: [allow, profile({ name: 'strict' })], shifts: empty, resolve: resolver(), from: FROM, to: TO, policy: 'error' }).length, 1, 'one profile that needs the rotation is enough');
  t.same(coverageDiagnostics({ profiles: [profile()], shifts: shifts({ primary: 'HTTP 500' }), resolve: resolver(), from: FROM, to: TO, policy: 'error' }), []);
  t.same(coverageDiagnostics({ profiles: [profile()], shifts: new Map(), resolve: resolver(), from: FROM, to: TO, policy: 'error' }), []);
  t.equal(COVERAGE_HORIZON_MS, 7 * 24 * 3_600_000);
});
