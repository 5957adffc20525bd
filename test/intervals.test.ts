/**
 * heldIntervals (src/core/intervals.ts): who holds each entitlement over a span, in stretches
 * that say why (shift, window before or after, request, static member), checked by hand on small
 * worlds and, on random worlds, against `desire` itself at random instants.
 */
import t from 'tap';
import fc from 'fast-check';
import { desire, type DesireInput } from '../src/core/desire.js';
import { entitlementKey } from '../src/core/entitlement.js';
import { changeInstants, heldIntervals, type AccessTimeline } from '../src/core/intervals.js';
import type { ActiveRequest } from '../src/core/requests.js';
import { splitResource } from '../src/targets/github/kinds.js';
import { KINDS, nameOf } from '../src/targets/kinds.js';
import { MINUTE, profile, resolver, shifts, ts } from './helpers/core-fixtures.js';
import { runs, SEED, worldArb } from './helpers/world.js';
import { worldInput } from './helpers/timeline-world.js';

const FROM = ts('2026-11-30T08:00:00Z');
const TO = ts('2026-11-30T20:00:00Z');

function input(over: Partial<DesireInput> = {}): Omit<DesireInput, 'at'> {
  return { profiles: [profile({ before: 15 * MINUTE, after: 30 * MINUTE })], kinds: KINDS, shifts: shifts({}), resolve: resolver(), ...over };
}

/** The team or repository of a GitHub entitlement, without its organisation: `sre`, `infra`. */
const bare = (e: { resource: string }): string => splitResource(e.resource).name;

/** `login kind start-end level` per stretch, times as HH:MM UTC, for one entitlement. */
function bars(timeline: AccessTimeline, name = 'sre'): string[] {
  const e = timeline.entitlements.find((x) => bare(x) === name);
  return (e?.holders ?? []).flatMap((h) => h.intervals.map((i) => `${h.login} ${i.kind} ${i.start.slice(11, 16)}-${i.end.slice(11, 16)} ${i.level}`));
}

t.test('a handoff: the old holder keeps the window after, the new one gets the window before, each as its own stretch', async (t) => {
  const { timeline, diagnostics } = heldIntervals(input({ shifts: shifts({ primary: [['alice', '2026-11-23T09:00:00Z', '2026-11-30T09:00:00Z'], ['bob', '2026-11-30T09:00:00Z', '2026-12-07T09:00:00Z']] }) }), FROM, TO);
  t.same(diagnostics, []);
  t.equal(timeline.from, FROM.toISOString());
  t.equal(timeline.to, TO.toISOString());
  t.same(bars(timeline), ['alice shift 08:00-09:00 member', 'alice after 09:00-09:30 member', 'bob before 08:45-09:00 member', 'bob shift 09:00-20:00 member']);
});

t.test('a static member holds the whole span, and names the stretch even while also on call', async (t) => {
  const p = profile({ members: ['carol'], before: 0, after: 0 });
  const { timeline } = heldIntervals(input({ profiles: [p], shifts: shifts({ primary: [['carol', '2026-11-30T10:00:00Z', '2026-11-30T12:00:00Z'], ['dave', '2026-11-30T12:00:00Z']] }) }), FROM, TO);
  t.same(bars(timeline), ['carol member 08:00-20:00 member', 'dave shift 12:00-20:00 member'], 'an open-ended shift runs to the end of the span');
});

t.test('a request to a requestable profile is a request stretch; its team is listed while nobody holds it', async (t) => {
  const p = profile({ name: 'breakglass', mode: 'requestable', teams: ['admins:maintainer'] });
  const request: ActiveRequest = { file: 'requests/r.yaml', profile: 'breakglass', login: 'erin', email: 'erin@example.com', from: ts('2026-11-30T10:00:00Z'), until: ts('2026-11-30T14:00:00Z'), reason: 'request r.yaml' };
  const { timeline } = heldIntervals(input({ profiles: [p], requests: [request] }), FROM, TO);
  t.same(bars(timeline, 'admins'), ['erin request 10:00-14:00 maintainer']);
  const quiet = heldIntervals(input({ profiles: [p], requests: [] }), FROM, TO);
  t.same(quiet.timeline.entitlements.map((e) => [bare(e), e.holders.length]), [['admins', 0]]);
});

t.test('a role change starts a new stretch; the highest role any reason asks for wins', async (t) => {
  const member = profile({ name: 'a', teams: ['sre'] });
  const maintainer = profile({ name: 'b', rotations: ['secondary'], teams: ['sre:maintainer'] });
  const world = shifts({ primary: [['alice', '2026-11-30T00:00:00Z', '2026-11-30T23:00:00Z']], secondary: [['alice', '2026-11-30T10:00:00Z', '2026-11-30T11:00:00Z']] });
  const { timeline } = heldIntervals(input({ profiles: [member, maintainer], shifts: world }), FROM, TO);
  t.same(bars(timeline), ['alice shift 08:00-10:00 member', 'alice shift 10:00-11:00 maintainer', 'alice shift 11:00-20:00 member']);
});

t.test('stretches are cut at the span, teams and repositories are sorted by name, holders by first start then login', async (t) => {
  const p = profile({ teams: ['zeta', 'alpha'], extra: [{ target: 'github', kind: 'repository', resource: 'acme/infra', written: 'infra', level: 'push', membership: 'additive', pos: { file: 'p.yaml', line: 1, col: 1 } }] });
  const world = shifts({ primary: [['bob', '2026-11-29T00:00:00Z', '2026-12-01T00:00:00Z'], ['alice', '2026-11-29T00:00:00Z', '2026-12-01T00:00:00Z']] });
  const { timeline } = heldIntervals(input({ profiles: [p], shifts: world }), FROM, TO);
  t.same(timeline.entitlements.map(nameOf), ['acme/alpha', 'acme/infra (repository)', 'acme/zeta']);
  t.same(bars(timeline, 'alpha'), ['alice shift 08:00-20:00 member', 'bob shift 08:00-20:00 member']);
  t.same(bars(timeline, 'infra'), ['alice shift 08:00-20:00 push', 'bob shift 08:00-20:00 push']);
});

t.test('a rotation that cannot be read: the entitlement says so, and the diagnostics are those of desire at the start', async (t) => {
  const { timeline, diagnostics } = heldIntervals(input({ shifts: shifts({ primary: 'HTTP 500' }) }), FROM, TO);
  t.same(timeline.entitlements.map((e) => [bare(e), e.holders.length, e.unknown]), [['sre', 0, ['rotation primary']]]);
  t.match(diagnostics, [{ severity: 'error', code: 'read-failed' }]);
});

t.test('changeInstants: windows widen the shift boundaries; edges add the shifts own; requests count; sorted and unique', async (t) => {
  const request: ActiveRequest = { file: 'r.yaml', profile: 'x', login: 'erin', from: ts('2026-11-30T10:00:00Z'), until: ts('2026-11-30T12:00:00Z'), reason: 'r' };
  const world = input({ shifts: shifts({ primary: [['alice', '2026-11-30T09:00:00Z', '2026-11-30T12:00:00Z'], ['bob', '2026-11-30T12:00:00Z']] }), requests: [request] });
  const iso = (xs: number[]) => xs.map((x) => new Date(x).toISOString().slice(11, 16));
  t.same(iso(changeInstants(world, false)), ['08:45', '10:00', '11:45', '12:00', '12:30']);
  t.same(iso(changeInstants(world, true)), ['08:45', '09:00', '10:00', '11:45', '12:00', '12:30']);
  t.same(changeInstants(input({ profiles: [profile({ mode: 'requestable' })], shifts: shifts({ primary: [['alice', '2026-11-30T09:00:00Z']] }) }), true), [], 'requestable profiles grant only through requests');
});

t.test('on random worlds, the stretch covering any instant is exactly what desire wants then', async (t) => {
  let checked = 0;
  fc.assert(
    fc.property(worldArb, fc.array(fc.integer({ min: 0, max: 24 * 60 - 1 }), { minLength: 1, maxLength: 8 }), (w, minutes) => {
      const { input: base, from, to } = worldInput(w);
      const { timeline } = heldIntervals(base, from, to);
      for (const m of minutes) {
        const at = new Date(from.getTime() + m * MINUTE);
        const wanted = desire({ ...base, at });
        const got = new Map<string, string>();
        for (const e of timeline.entitlements) {
          for (const h of e.holders) {
            const i = h.intervals.find((x) => Date.parse(x.start) <= at.getTime() && at.getTime() < Date.parse(x.end));
            if (i) got.set(`${entitlementKey(e)}/${h.login}`.toLowerCase(), i.level);
          }
        }
        const want = new Map<string, string>();
        for (const [key, e] of wanted.entitlements) for (const [login, h] of e.holders) want.set(`${key}/${login}`, h.level);
        if (JSON.stringify([...got].sort()) !== JSON.stringify([...want].sort())) throw new Error(`at ${at.toISOString()}: got ${JSON.stringify([...got])}, want ${JSON.stringify([...want])}`);
        checked += 1;
      }
      for (const e of timeline.entitlements) {
        for (const h of e.holders) {
          for (const [i, x] of h.intervals.entries()) {
            if (!(x.start < x.end && x.start >= timeline.from && x.end <= timeline.to)) throw new Error(`bad stretch ${JSON.stringify(x)}`);
            const next = h.intervals[i + 1];
            if (next && (next.start < x.end || (next.start === x.end && next.kind === x.kind && next.level === x.level))) throw new Error(`stretches overlap or should be one: ${JSON.stringify([x, next])}`);
          }
        }
      }
    }),
    { seed: SEED, numRuns: runs(60) },
  );
  t.ok(checked > 60, `${checked} instants checked`);
});
