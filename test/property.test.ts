/**
 * Property-based tests of the pure core (desire -> diff -> guard) over generated worlds, with an
 * in-memory apply that executes each plan on the observed holdings and moves the grant ledger on
 * (`nextState`). Each world is run at one to three increasing instants; after every run:
 *
 * 1. observed equals desired for every managed team (exclusive: exactly; additive: desired is
 *    held and nothing the ledger does not own was removed; frozen teams lose nothing);
 * 2. a second plan at the same instant is empty (and prunes nothing);
 * 3. nobody is granted anything (or a higher role) unless a profile entitles them at that
 *    instant, per an oracle written from the README's rules, not from `desire`;
 * 4. nothing outside the managed teams changes;
 * 5. protected accounts are never revoked or downgraded (a guard refusal means no apply);
 * 6. a team fed by a source read that failed loses no holder and no role.
 *
 * Reproduce a failure with the seed fast-check prints: `FC_SEED=<seed> npx tap test/property.test.ts`
 * (the default seed is fixed, so every run generates the same worlds; `FC_RUNS=<n>` changes how many).
 */
import t from 'tap';
import fc from 'fast-check';
import { entitlementKey } from '../src/core/entitlement.js';
import type { HoldersRead } from '../src/core/observed.js';
import type { Change } from '../src/core/plan.js';
import { splitResource } from '../src/targets/github/kinds.js';
import { nameOf } from '../src/targets/kinds.js';
import { rotationShifts } from '../src/sources/rotations.js';
import type { Rotation } from '../src/config/model.js';
import type { State } from '../src/record/state.js';
import { applicable as srcApplicable, applyPlan, withoutRefused } from '../src/apply/apply.js';
import { reconcile } from '../src/apply/engine.js';
import type { Adapters } from '../src/observe/adapters.js';
import type { Workspace } from '../src/config/model.js';
import { bindingKey } from '../src/sources/source.js';
import { nextState } from '../src/record/state.js';
import type { Target } from '../src/targets/target.js';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGitHubEmulator } from '@oncall-access/emulators/github';
import { main } from '../src/cli.js';
import { captureIo } from './helpers/io.js';
import {
  AT0,
  DAY,
  HOUR,
  MINUTE,
  PEOPLE,
  SEED,
  TARGETS,
  applyInMemory,
  cloneHoldings,
  readShifts,
  writeWorkspace,
  entitledRole,
  frozenTeams,
  managedTeams,
  planWorld,
  rank,
  runs,
  stateAfter,
  worldArb,
  type World,
} from './helpers/world.js';

const RUNS = runs(1000);

/** Counters over all worlds, printed as a comment so the figures are visible in the test log. */
const stats = { worlds: 0, runs: 0, applied: 0, refused: 0, changes: 0, grants: 0, revokes: 0, updates: 0, frozen: 0, additive: 0, pending: 0 };

const holdersOf = (r: HoldersRead | undefined) => new Map((r?.ok ? r.holders : []).map((h) => [h.login.toLowerCase(), h]));

/** Throws (with a readable message) when `cond` is false; fast-check then shrinks and prints the seed. */
function check(cond: boolean, message: () => string): asserts cond {
  if (!cond) throw new Error(message());
}

function changeName(c: Change): string {
  return `${c.action} ${c.subject.login} ${c.entitlement.target}:${nameOf(c.entitlement)} ${c.entitlement.level}`;
}

/** Runs the world's instants in order, checking every property after each run. */
function runWorld(w: World): void {
  stats.worlds += 1;
  let holdings = w.holdings;
  let state: State = { grants: w.ledger, onCall: w.previousOnCall };
  const managed = managedTeams(w);
  const protectedLogins = new Set(w.guards.protectedAccounts.map((l) => l.toLowerCase()));
  for (const at of w.instants) {
    stats.runs += 1;
    const p = planWorld(w, at, holdings, state);
    const { plan, desired, shifts } = p;
    check(p.applicable === srcApplicable(plan), () => 'the model of apply\'s refusal disagrees with src/apply/apply.ts');
    const frozen = frozenTeams(w, shifts);

    // desire agrees with the oracle: exactly the entitled logins, with the highest role.
    for (const team of desired.entitlements.values()) {
      check(team.kind === 'team', () => `desire manages ${team.target}:${nameOf(team)}, but worlds grant teams only`);
      const logins = new Set([...w.identities.values(), ...w.requests.map((r) => r.login)].map((l) => l.toLowerCase()));
      const oracle = new Map([...logins].flatMap((l) => {
        const role = entitledRole(w, shifts, at, team.target, splitResource(team.resource).name, l);
        return role ? [[l, role] as const] : [];
      }));
      const got = new Map([...team.holders].map(([k, h]) => [k, h.level]));
      check(JSON.stringify([...got].sort()) === JSON.stringify([...oracle].sort()), () => `desire for ${team.target}:${team.resource} at ${at.toISOString()} is ${JSON.stringify([...got])}, the README's rules give ${JSON.stringify([...oracle])}`);
    }

    // Every change is to a managed team, once per holding, and grants are entitled (3, 4, 7).
    const seen = new Set<string>();
    for (const c of plan.changes) {
      const e = c.entitlement;
      check(e.kind === 'team', () => `change to something other than a team: ${changeName(c)}`);
      const key = `${e.target}:${e.resource.toLowerCase()}`;
      check(managed.has(key), () => `change outside the managed teams: ${changeName(c)}`);
      const one = `${key}/${c.subject.login.toLowerCase()}`;
      check(!seen.has(one), () => `two changes for one holding: ${changeName(c)}`);
      seen.add(one);
      if (c.action !== 'revoke') {
        const role = entitledRole(w, shifts, at, e.target, splitResource(e.resource).name, c.subject.login);
        check(role === e.level, () => `${changeName(c)} at ${at.toISOString()}, but the profiles entitle ${role ?? 'nothing'}`);
      }
      if (protectedLogins.has(c.subject.login.toLowerCase()) && (c.action === 'revoke' || c.previousLevel === 'maintainer')) {
        check(!p.run.changes.includes(c), () => `apply would ${c.action} protected account ${c.subject.login}`);
      }
    }
    const revokes = plan.changes.filter((c) => c.action === 'revoke');
    if (p.applicable && w.guards.maxRevocations !== undefined) check(revokes.length <= w.guards.maxRevocations, () => `applicable plan revokes ${revokes.length} > maxRevocations ${w.guards.maxRevocations}`);

    if (!p.applicable) {
      // Apply refuses the whole plan: nothing changes, the state is not written.
      stats.refused += 1;
      check(planWorld(w, at, holdings, state).plan.changes.length === plan.changes.length, () => 'planning is not deterministic');
      continue;
    }
    stats.applied += 1;
    stats.changes += p.run.changes.length;
    stats.grants += plan.summary.grant;
    stats.revokes += plan.summary.revoke;
    stats.updates += plan.summary.update;
    const after = applyInMemory(holdings, p.run.changes);
    const next = stateAfter(state, p.run, at);

    for (const [target, teams] of holdings) {
      const org = TARGETS.get(target)!.org;
      for (const [key, read] of teams) {
        const id = `${target}:${key}`;
        const now = after.get(target)!.get(key)!;
        if (!managed.has(id) || !read.ok) {
          check(JSON.stringify(now) === JSON.stringify(read), () => `${id} changed but is ${read.ok ? 'not managed' : 'unreadable'}`);
          continue;
        }
        const slug = key.slice(org.length + 1);
        const ref = { target, kind: 'team', resource: key };
        const team = desired.entitlements.get(entitlementKey(ref))!;
        const isFrozen = frozen.has(id);
        if (isFrozen) stats.frozen += 1;
        if (team.membership === 'additive') stats.additive += 1;
        const was = holdersOf(read);
        const is = holdersOf(now);
        stats.pending += [...is.values()].filter((h) => h.state === 'pending').length;
        // (1) every desired holder holds, with the desired role (pending invitations count as held;
        // a frozen team keeps a higher role than wanted).
        const ownedBefore = new Set(state.grants.filter((g) => entitlementKey(g) === entitlementKey(ref)).map((g) => g.login.toLowerCase()));
        for (const [login, want] of team.holders) {
          const h = is.get(login);
          check(h !== undefined, () => `${id}: ${login} is desired but does not hold it after apply`);
          // In an additive team a holding someone else gave keeps the role they gave.
          const notOurs = team.membership === 'additive' && was.has(login) && !ownedBefore.has(login);
          // A frozen team, or a protected account (its downgrade is refused), keeps a higher role than wanted.
          const kept = (isFrozen || protectedLogins.has(login)) && rank(h!.role) > rank(want.level);
          check(h!.state === 'pending' || h!.role === want.level || notOurs || kept, () => `${id}: ${login} holds ${h!.role}, desired ${want.level}`);
        }
        if (!isFrozen && team.membership === 'exclusive') {
          const unwanted = [...is.keys()].filter((l) => !team.holders.has(l) && !protectedLogins.has(l));
          check(unwanted.length === 0, () => `${id} (exclusive) still has unwanted holders: ${unwanted}`);
        }
        if (team.membership === 'additive') {
          const owned = new Set(state.grants.filter((g) => entitlementKey(g) === entitlementKey(ref)).map((g) => g.login.toLowerCase()));
          for (const l of was.keys()) if (!is.has(l)) check(owned.has(l), () => `${id} (additive): ${l} was removed but the ledger does not own that holding`);
        }
        // (6) a team fed by a failed read loses nobody and no role.
        if (isFrozen) {
          for (const [l, h] of was) check(is.has(l) && (is.get(l)!.state === 'pending' || rank(is.get(l)!.role) >= rank(h.role)), () => `${id} is frozen (failed read) but ${l} lost ${h.role}`);
        }
        // (5) protected accounts keep what they hold.
        for (const [l, h] of was) {
          if (protectedLogins.has(l)) check(is.has(l) && (is.get(l)!.state === 'pending' || rank(is.get(l)!.role) >= rank(h.role)), () => `${id}: protected account ${l} lost ${h.role}`);
        }
        // (3) whoever holds more than before is entitled to it now.
        for (const [l, h] of is) {
          const before = was.get(l);
          if (before && (before.state === 'pending' || rank(before.role) >= rank(h.role))) continue;
          const role = entitledRole(w, shifts, at, target, slug, l);
          check(role !== undefined && rank(role) >= rank(h.role), () => `${id}: ${l} gained ${h.role} at ${at.toISOString()} but is entitled to ${role ?? 'nothing'}`);
        }
      }
    }

    // (2) converged: a second plan at the same instant finds nothing to do and nothing to prune.
    const again = planWorld(w, at, after, next);
    check(again.run.changes.length === 0, () => `second plan at ${at.toISOString()} is not empty: ${again.run.changes.map(changeName).join('; ')}`);
    check(again.delta.prune.length === 0, () => `second plan prunes ${JSON.stringify(again.delta.prune)}`);
    holdings = after;
    state = next;
  }
}

t.test(`${RUNS} generated worlds converge safely (seed ${SEED})`, async (t) => {
  const started = Date.now();
  fc.assert(fc.property(worldArb, runWorld), { seed: SEED, numRuns: RUNS, endOnFailure: false });
  t.comment(`property worlds: ${JSON.stringify(stats)} in ${Date.now() - started} ms`);
  t.ok(stats.worlds >= RUNS, `${stats.worlds} worlds generated`);
  // The generator reaches the interesting cases, not only empty plans.
  t.ok(stats.applied > RUNS / 4 && stats.refused > RUNS / 50, 'plans both applied and refused');
  t.ok(stats.grants > RUNS && stats.revokes > RUNS / 2 && stats.updates > RUNS / 20, 'grants, revocations and role changes all occur');
  t.ok(stats.frozen > RUNS / 20 && stats.additive > RUNS / 10 && stats.pending > RUNS / 20, 'frozen and additive teams and pending invitations all occur');
});

/** A built-in rotation, and an interval to read it over. */
const rotationCase = fc.record({
  timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/Santiago'),
  shiftMs: fc.constantFrom(HOUR, 90 * MINUTE, 8 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY),
  firstOffsetMin: fc.integer({ min: -3 * 365 * 24 * 60, max: 365 * 24 * 60 }),
  members: fc.uniqueArray(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { minLength: 1, maxLength: 5 }),
  overrides: fc.array(fc.record({ member: fc.integer({ min: 0, max: PEOPLE.length - 1 }), covers: fc.option(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { nil: undefined }), startMin: fc.integer({ min: -5000, max: 5000 }), lengthMin: fc.integer({ min: 1, max: 5000 }) }), { maxLength: 4 }),
  sinceMin: fc.integer({ min: -4000, max: 4000 }),
  spanMin: fc.integer({ min: 0, max: 20_000 }),
});

t.test(`${RUNS} generated built-in rotations read as contiguous, sorted, merged shifts covering the interval (seed ${SEED})`, async (t) => {
  let shiftsSeen = 0;
  fc.assert(
    fc.property(rotationCase, (c) => {
      const rotation: Rotation = {
        name: 'r',
        timeZone: c.timeZone,
        shiftMs: c.shiftMs,
        firstHandoff: new Date(AT0 + c.firstOffsetMin * MINUTE).toISOString().slice(0, 16),
        members: c.members.map((i) => PEOPLE[i]!.email),
        overrides: c.overrides.map((o) => ({ member: PEOPLE[o.member]!.email, ...(o.covers === undefined ? {} : { covers: PEOPLE[o.covers]!.email }), start: new Date(AT0 + o.startMin * MINUTE), end: new Date(AT0 + (o.startMin + o.lengthMin) * MINUTE) })),
        pos: { file: 'r.yaml', line: 1, col: 1 },
      };
      const since = AT0 + c.sinceMin * MINUTE;
      const until = since + c.spanMin * MINUTE;
      const shifts = rotationShifts(rotation, new Date(since), new Date(until));
      shiftsSeen += shifts.length;
      if (until <= since) return check(shifts.length === 0, () => 'an empty interval has shifts');
      check(shifts.length > 0, () => 'a non-empty interval has nobody on call');
      check(shifts[0]!.start.getTime() <= since && shifts.at(-1)!.end!.getTime() >= until, () => 'shifts do not cover the interval');
      const people = new Set([...rotation.members, ...rotation.overrides.map((o) => o.member)]);
      shifts.forEach((s, i) => {
        check(s.end !== undefined && s.start < s.end, () => `shift ${i} is empty or open`);
        check(people.has(s.email), () => `shift ${i} belongs to ${s.email}, who is not in the rotation`);
        check(s.start.getTime() < until && s.end!.getTime() > since, () => `shift ${i} does not overlap the interval`);
        if (i > 0) {
          check(shifts[i - 1]!.end!.getTime() === s.start.getTime(), () => `gap or overlap before shift ${i}`);
          check(shifts[i - 1]!.email !== s.email, () => `shift ${i} was not merged with its neighbour of the same person`);
        }
      });
    }),
    { seed: SEED, numRuns: RUNS },
  );
  t.comment(`rotation cases: ${RUNS}, shifts checked: ${shiftsSeen}`);
  t.ok(shiftsSeen > RUNS);
});

const AT_TOP = { file: 'oncall-access.yaml', line: 1, col: 1 };
/** Where the sources of {@link engineWorld} are declared: everything at the top of the config. */
const CONFIG_POS = { pos: AT_TOP, fieldPos: { apiUrl: AT_TOP, tokenEnv: AT_TOP } };

/** The world as a Workspace and in-memory adapters, for the real engine (`reconcile`) and `applyPlan`. */
function engineWorld(w: World, holdings: Map<string, Map<string, HoldersRead>>, at: () => Date): { ws: Workspace; adapters: Adapters } {
  const ws: Workspace = {
    config: {
      file: 'oncall-access.yaml',
      dir: '/nonexistent',
      sources: new Map([
        ['rotations', { name: 'rotations', type: 'rotations', ...CONFIG_POS }],
        ['pd', { name: 'pd', type: 'pagerduty', tokenEnv: 'PAGERDUTY_TOKEN', ...CONFIG_POS }],
        ['og', { name: 'og', type: 'opsgenie', tokenEnv: 'OPSGENIE_KEY', ...CONFIG_POS }],
      ]),
      targets: new Map(TARGETS),
      guards: w.guards,
      coverage: { gaps: 'warn' },
      shards: [],
      identities: ['file'],
      samlAttributes: ['nameId'],
      paths: { profiles: '/p', rotations: '/r', requests: '/q', identities: '/i', state: '/s' },
    },
    profiles: w.profiles,
    rotations: [],
    identities: [...w.identities].map(([email, login]) => ({ email, accounts: { github: login }, pos: { file: 'identities.yaml', line: 1, col: 1 } })),
    requests: [],
    files: [],
  };
  const source = { readShifts: async (bindings: readonly { source: string }[]) => { const all = readShifts(w, at()); return new Map((bindings as Parameters<typeof bindingKey>[0][]).map((b) => [bindingKey(b), all.get(bindingKey(b))!])); } };
  const target = (): Target => ({
    readIdentities: async () => ({ ok: true, pairs: [] }),
    readHolders: async (refs) => new Map(refs.map((r) => [entitlementKey(r), structuredClone(teamOf(r, false))])),
    grant: async (e, login) => {
      const read = teamOf(e, true);
      if (!read.ok) throw new Error('not readable');
      const h = read.holders.find((x) => x.login.toLowerCase() === login.toLowerCase());
      if (h) h.role = e.level;
      else read.holders.push({ login, role: e.level, state: 'active' });
    },
    revoke: async (e, login) => {
      const read = teamOf(e, true);
      if (!read.ok) throw new Error('not readable');
      read.holders = read.holders.filter((x) => x.login.toLowerCase() !== login.toLowerCase());
    },
  });
  /** The world's holders of a team (held by `org/team`); worlds grant teams only, so anything else is a bug. */
  function teamOf(ref: { target: string; kind: string; resource: string }, write: boolean): HoldersRead {
    if (ref.kind !== 'team') throw new Error(`worlds grant teams only: no ${ref.kind} is ${write ? 'written' : 'read'}`);
    return holdings.get(ref.target)!.get(ref.resource.toLowerCase()) ?? { ok: false, error: 'no such team' };
  }
  return { ws, adapters: { sources: new Map([['rotations', source], ['pd', source], ['og', source]]), targets: new Map([...TARGETS.keys()].map((n) => [n, target()])), diagnostics: [] } };
}

const ENGINE_RUNS = runs(1000) >= 1000 ? 300 : runs(300);

t.test(`${ENGINE_RUNS} generated worlds through the real engine and applyPlan give the pure model's plans and outcomes (seed ${SEED})`, async (t) => {
  let compared = 0;
  await fc.assert(
    fc.asyncProperty(worldArb.map((w) => ({ ...w, identityFailed: new Set<string>(), requests: [] })), async (w) => {
      const live = cloneHoldings(w.holdings);
      let model = cloneHoldings(w.holdings);
      let state: State = { grants: w.ledger, onCall: w.previousOnCall };
      let current = w.instants[0]!;
      const { ws, adapters } = engineWorld(w, live, () => current);
      for (const at of w.instants) {
        current = at;
        compared += 1;
        const { plan } = await reconcile(ws, adapters, { at, now: at, state });
        const expected = planWorld(w, at, model, state);
        const norm = (cs: readonly Change[]) => cs.map((c) => JSON.stringify(c)).sort();
        check(JSON.stringify(norm(plan.changes)) === JSON.stringify(norm(expected.plan.changes)), () => `engine plan differs from the pure model at ${at.toISOString()}:\n${norm(plan.changes).join('\n')}\nvs\n${norm(expected.plan.changes).join('\n')}`);
        check(srcApplicable(plan) === expected.applicable, () => `engine applicability ${srcApplicable(plan)} differs from the model ${expected.applicable}`);
        if (!expected.applicable) continue;
        const run = withoutRefused(plan).plan;
        const outcomes = await applyPlan(run, adapters.targets, 4);
        check(outcomes.every((o) => o.status === 'applied'), () => `an in-memory change failed: ${JSON.stringify(outcomes.filter((o) => o.status !== 'applied'))}`);
        state = nextState(state, run, outcomes, at);
        model = applyInMemory(model, expected.run.changes);
        check(JSON.stringify([...live].map(([k, m]) => [k, [...m]])) === JSON.stringify([...model].map(([k, m]) => [k, [...m]])), () => 'holdings after applyPlan differ from the in-memory model');
      }
    }),
    { seed: SEED, numRuns: ENGINE_RUNS },
  );
  t.comment(`engine runs compared: ${compared}`);
  t.ok(compared >= ENGINE_RUNS);
});

t.test('two targets on organisations of the same name keep their teams apart', async (t) => {
  // github.com and a GitHub Enterprise Server can both have an organisation "acme" with a team
  // "deployers". Each target's team must be diffed against its own holders.
  const seed = (members: string[]) => ({ token: 'tok', strict: true, orgs: { acme: { members: ['alice-acme', 'dave-acme', 'erin-acme', 'mallory-acme'], teams: [{ slug: 'deployers', members: members.map((login) => ({ login, role: 'member' as const })) }] } } });
  const cloud = await startGitHubEmulator(seed(['alice-acme', 'dave-acme', 'erin-acme', 'mallory-acme']));
  const server = await startGitHubEmulator(seed([]));
  t.teardown(async () => { await cloud.close(); await server.close(); });
  const dir = t.testdir({});
  writeWorkspace(dir, { githubUrl: cloud.url });
  const cfg = join(dir, 'oncall-access.yaml');
  writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('  guards:', `    ghe: { type: github, org: acme, tokenEnv: GITHUB_TOKEN, apiUrl: "${server.url}" }\n  guards:`));
  const profile = join(dir, 'profiles', 'deployers.yaml');
  writeFileSync(profile, `${readFileSync(profile, 'utf8')}    - target: ghe\n      team: deployers\n`);
  const c = captureIo(dir, { GITHUB_TOKEN: 'tok' }, new Date('2026-11-30T07:50:00Z'));
  t.equal(await main(['plan', '--format', 'json'], c.io), 0, c.err());
  const changes = (JSON.parse(c.out()).changes as Change[]).map((x) => `${x.action} ${x.subject.login} on ${x.entitlement.target}`).sort();
  // At 07:50Z dave is on call, alice starts in 10 minutes (15m window), erin is a static member.
  t.same(changes, ['grant alice-acme on ghe', 'grant dave-acme on ghe', 'grant erin-acme on ghe', 'revoke mallory-acme on github'], 'each target diffed against its own team');
});

t.test('an additive team: a holding the tool does not own keeps the role someone else gave it, during and after the shift', async (t) => {
  // alice was made a member of the additive team by hand. While on call the profile wants her as
  // maintainer, but the holding is not the tool's: it is left alone, so nothing is left raised.
  const shiftEnd = new Date(AT0 + 8 * HOUR);
  const w: World = {
    instants: [new Date(AT0), new Date(AT0 + DAY)],
    profiles: [{ name: 'leads', mode: 'auto', approval: 'auto', approvers: [], rotations: [{ kind: 'schedule', source: 'pd', schedule: 'PSCHED0', pos: { file: 'p.yaml', line: 1, col: 1 } }], window: { beforeMs: 0, afterMs: 0 }, members: [], allowEmptyRotations: true, entitlements: [{ target: 'github', kind: 'team', resource: 'acme/deploy', written: 'deploy', level: 'maintainer', membership: 'additive', pos: { file: 'p.yaml', line: 1, col: 1 } }], file: 'p.yaml', pos: { file: 'p.yaml', line: 1, col: 1 } }],
    bindings: new Map([['pd/schedule/PSCHED0', { kind: 'shifts', shifts: [{ email: 'p0@example.com', start: new Date(AT0 - HOUR), end: shiftEnd }] }]]),
    identities: new Map([['p0@example.com', 'user-0']]),
    identityFailed: new Set(),
    holdings: new Map([['github', new Map<string, HoldersRead>([['acme/deploy', { ok: true, holders: [{ login: 'user-0', role: 'member', state: 'active' }] }]])], ['ghe', new Map()]]),
    ledger: [],
    guards: { protectedAccounts: [] },
    previousOnCall: {},
    requests: [],
  };
  let holdings = w.holdings;
  let state: State = { grants: [], onCall: {} };
  const log: string[] = [];
  for (const at of w.instants) {
    const p = planWorld(w, at, holdings, state);
    log.push(...p.plan.changes.map(changeName));
    holdings = applyInMemory(holdings, p.plan.changes);
    state = stateAfter(state, p.plan, at);
  }
  t.same(log, [], 'no change to a holding the tool does not own');
  const after = holdings.get('github')!.get('acme/deploy')!;
  t.same(after.ok && after.holders.map((h) => `${h.login}:${h.role}`), ['user-0:member'], 'she keeps the role she was given');
});
