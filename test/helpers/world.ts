/**
 * Random worlds for property tests, and the pure pipeline they run through.
 *
 * A world is everything one reconcile run sees: profiles (with rotations, windows, static members
 * and team entitlements, exclusive or additive), what each rotation binding reads (shifts, a
 * built-in Rotation computed by `rotationShifts`, or a failed read), identities (some people
 * have no login, logins come in odd cases), who holds every team now (drift, pending
 * invitations, unreadable teams, teams no profile manages), the grant ledger, the guards and the
 * on-call counts of the last apply.
 *
 * `planWorld` chains the pure core exactly as `src/apply/engine.ts` does (desire, the identity freeze,
 * diff, guard), `applyInMemory` executes a plan's changes on the observed holdings the way
 * GitHub would, and `nextState` (src/record/state.ts) moves the ledger on. `entitledRole` is an
 * independent oracle of who may hold what at an instant, written from the README's rules rather
 * than from `desire`.
 *
 * Also here: `writeWorkspace`, a small on-disk workspace (config, profiles, rotation, identities)
 * for the CLI-level tests, independent of the demo in `profiles/`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { GuardConfig, Profile, Rotation, RotationBinding, GitHubTargetConfig } from '../../src/config/model.js';
import { entitlementKey, holdingKey, type Membership } from '../../src/core/entitlement.js';
import type { Holder, HoldersRead } from '../../src/core/observed.js';
import type { Desired } from '../../src/core/desire.js';
import type { ActiveRequest } from '../../src/core/requests.js';
import type { DiffResult } from '../../src/core/diff.js';
import { holdingOf, type Change, type Plan } from '../../src/core/plan.js';
import { planFrom } from '../../src/core/reconcile.js';
import { LOOKBACK_MS } from '../../src/observe/observe.js';
import { rotationShifts } from '../../src/sources/rotations.js';
import { bindingKey, type Shift, type ShiftRead } from '../../src/sources/source.js';
import { nextState, serializeAdopted, STATE_FILES, type LedgerEntry, type State } from '../../src/record/state.js';
import { teamKey } from '../../src/targets/github/reads.js';
import type { TeamRole } from '../../src/targets/github/kinds.js';
import { KINDS, nameOf } from '../../src/targets/kinds.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const Q = 15 * MINUTE;

/** The seed of every property run: `FC_SEED=<n>` reproduces a run, the default is fixed. */
export const SEED = process.env.FC_SEED !== undefined && /^-?\d+$/.test(process.env.FC_SEED) ? Number(process.env.FC_SEED) : 20261130;
/** How many worlds a property run generates: `FC_RUNS=<n>`, default `fallback`. */
export function runs(fallback: number): number {
  const n = Number(process.env.FC_RUNS);
  return Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

/** The instant worlds are built around: Monday 2026-11-30 08:00Z. */
export const AT0 = Date.parse('2026-11-30T08:00:00Z');

const pos = (file: string) => ({ file, line: 1, col: 1 });

/** Two GitHub targets on two organisations. */
export const TARGETS: ReadonlyMap<string, GitHubTargetConfig> = new Map([
  ['github', { name: 'github', type: 'github', org: 'acme', pos: pos('oncall-access.yaml'), fieldPos: { apiUrl: pos('oncall-access.yaml'), tokenEnv: pos('oncall-access.yaml') } }],
  ['ghe', { name: 'ghe', type: 'github', org: 'acme-internal', pos: pos('oncall-access.yaml'), fieldPos: { apiUrl: pos('oncall-access.yaml'), tokenEnv: pos('oncall-access.yaml') } }],
]);
const TARGET_NAMES = [...TARGETS.keys()];

/** Team slugs profiles may name; `admins` and `security` are never named (always unmanaged). */
export const TEAMS = ['deploy', 'infra', 'db', 'oncall-leads'];
export const UNMANAGED = ['admins', 'security'];

/** People: `p<i>@example.com`, GitHub login `user-<i>` (when they have one). */
export const PEOPLE = Array.from({ length: 8 }, (_, i) => ({ email: `p${i}@example.com`, login: `user-${i}` }));
/** Logins that hold teams without being anybody's identity (drift, break-glass). */
export const STRANGERS = ['drift-0', 'drift-1', 'breakglass'];
const ALL_LOGINS = [...PEOPLE.map((p) => p.login), ...STRANGERS];

/** Every binding a profile may use. */
export const BINDINGS: readonly RotationBinding[] = [
  { kind: 'rotation', source: 'rotations', rotation: 'rot-0', pos: pos('profiles/x.yaml') },
  { kind: 'rotation', source: 'rotations', rotation: 'rot-1', pos: pos('profiles/x.yaml') },
  { kind: 'rotation', source: 'rotations', rotation: 'rot-2', pos: pos('profiles/x.yaml') },
  { kind: 'schedule', source: 'pd', schedule: 'PSCHED0', pos: pos('profiles/x.yaml') },
  { kind: 'escalationPolicy', source: 'pd', escalationPolicy: 'PPOL0', levels: [1], pos: pos('profiles/x.yaml') },
  { kind: 'schedule', source: 'og', schedule: 'og-primary', pos: pos('profiles/x.yaml') },
];

/** What a binding reads: fixed shifts, a built-in rotation (computed per instant), or a failure. */
export type BindingData = { kind: 'shifts'; shifts: Shift[] } | { kind: 'rotation'; rotation: Rotation } | { kind: 'fail'; error: string };

/** One generated world. Holdings are keyed by target, then by `org/team` ({@link teamKey}). */
export interface World {
  /** The instants applies run at, increasing; the first is the main one. */
  instants: Date[];
  profiles: Profile[];
  bindings: Map<string, BindingData>;
  /** email (lower-cased) -> login, per the identities file; people missing here have no login. */
  identities: Map<string, string>;
  /** Targets whose identity read failed (as SAML would): their teams are frozen. */
  identityFailed: Set<string>;
  holdings: Map<string, Map<string, HoldersRead>>;
  ledger: LedgerEntry[];
  guards: GuardConfig;
  previousOnCall: Record<string, number>;
  /** Running access requests for requestable profiles (as `activeRequests` would have found them eligible). */
  requests: ActiveRequest[];
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const caseOf = (s: string) => fc.constantFrom(s, s.toUpperCase(), s[0]!.toUpperCase() + s.slice(1));

const shiftArb = fc.record({
  who: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
  upper: fc.boolean(),
  startQ: fc.integer({ min: -240, max: 240 }),
  lengthQ: fc.option(fc.constantFrom(1, 2, 4, 8, 16, 32, 48, 96, 192, 672), { freq: 8, nil: undefined }),
});

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
const SHIFT_LENGTHS = [HOUR, 90 * MINUTE, 7 * HOUR, 8 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY];

/** `YYYY-MM-DDTHH:MM` of an epoch instant read in UTC: a wall time for any zone. */
const wall = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

const rotationArb = (name: string) =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      shiftMs: fc.constantFrom(...SHIFT_LENGTHS),
      firstQ: fc.integer({ min: -70_000, max: 2_000 }),
      members: fc.uniqueArray(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { minLength: 1, maxLength: 4 }),
      overrides: fc.array(
        fc.record({ member: fc.integer({ min: 0, max: PEOPLE.length - 1 }), covers: fc.option(fc.integer({ min: 0, max: PEOPLE.length - 1 }), { nil: undefined }), startQ: fc.integer({ min: -200, max: 200 }), lengthQ: fc.integer({ min: 1, max: 96 }) }),
        { maxLength: 3 },
      ),
    })
    .map(
      (r): Rotation => ({
        name,
        timeZone: r.timeZone,
        shiftMs: r.shiftMs,
        firstHandoff: wall(AT0 + r.firstQ * Q),
        members: r.members.map((i) => PEOPLE[i]!.email),
        overrides: r.overrides.map((o) => ({
          member: PEOPLE[o.member]!.email,
          ...(o.covers === undefined ? {} : { covers: PEOPLE[o.covers]!.email }),
          start: new Date(AT0 + o.startQ * Q),
          end: new Date(AT0 + (o.startQ + o.lengthQ) * Q),
        })),
        pos: pos(`rotations/${name}.yaml`),
      }),
    );

const bindingDataArb = (b: RotationBinding): fc.Arbitrary<BindingData> => {
  const shifts = fc.array(shiftArb, { maxLength: 6 }).map(
    (list): BindingData => ({
      kind: 'shifts',
      shifts: list.map((s) => {
        const email = s.upper ? PEOPLE[s.who]!.email.toUpperCase() : PEOPLE[s.who]!.email;
        const start = AT0 + s.startQ * Q;
        return { email, start: new Date(start), ...(s.lengthQ === undefined ? {} : { end: new Date(start + s.lengthQ * Q) }) };
      }),
    }),
  );
  const fail = fc.constant<BindingData>({ kind: 'fail', error: 'HTTP 500 after retries' });
  if (b.kind === 'rotation') {
    return fc.oneof({ arbitrary: shifts, weight: 4 }, { arbitrary: rotationArb(b.rotation).map((rotation): BindingData => ({ kind: 'rotation', rotation })), weight: 4 }, { arbitrary: fail, weight: 1 });
  }
  return fc.oneof({ arbitrary: shifts, weight: 7 }, { arbitrary: fail, weight: 1 });
};

const WINDOWS = [0, Q, 2 * Q, HOUR, 2 * HOUR];

const profileArb = (i: number, membership: ReadonlyMap<string, Membership>) =>
  fc
    .record({
      auto: fc.integer({ min: 0, max: 9 }),
      bindings: fc.subarray([...BINDINGS.keys()], { maxLength: 3 }),
      before: fc.constantFrom(...WINDOWS),
      after: fc.constantFrom(...WINDOWS),
      members: fc.subarray([...PEOPLE.keys()], { maxLength: 2 }),
      memberUpper: fc.boolean(),
      entitlements: fc.uniqueArray(fc.record({ target: fc.constantFrom(...TARGET_NAMES), team: fc.constantFrom(...TEAMS), role: fc.constantFrom<TeamRole>('member', 'member', 'maintainer') }), {
        minLength: 1,
        maxLength: 3,
        selector: (e) => `${e.target}/${e.team}`,
      }),
      allowEmptyRotations: fc.boolean(),
    })
    .map(
      (p): Profile => ({
        name: `prof-${i}`,
        mode: p.auto === 0 ? 'requestable' : 'auto',
        ...(p.auto === 0 ? { maxRequestMs: HOUR } : {}),
        approval: 'auto',
        approvers: [],
        rotations: p.bindings.map((k) => BINDINGS[k]!),
        window: { beforeMs: p.before, afterMs: p.after },
        members: p.members.map((k) => (p.memberUpper ? PEOPLE[k]!.email.toUpperCase() : PEOPLE[k]!.email)),
        allowEmptyRotations: p.allowEmptyRotations,
        entitlements: p.entitlements.map((e) => ({ target: e.target, kind: 'team', resource: `${TARGETS.get(e.target)!.org}/${e.team}`, written: e.team, level: e.role, membership: membership.get(`${e.target}/${e.team}`) ?? 'exclusive', pos: pos(`profiles/prof-${i}.yaml`) })),
        file: `profiles/prof-${i}.yaml`,
        pos: pos(`profiles/prof-${i}.yaml`),
      }),
    );

const holderArb = fc.record({ login: fc.constantFrom(...ALL_LOGINS).chain(caseOf), role: fc.constantFrom<TeamRole>('member', 'maintainer'), pending: fc.integer({ min: 0, max: 6 }) });

const teamReadArb: fc.Arbitrary<HoldersRead> = fc.oneof(
  { weight: 12, arbitrary: fc.uniqueArray(holderArb, { maxLength: 6, selector: (h) => h.login.toLowerCase() }).map((hs): HoldersRead => ({ ok: true, holders: hs.map((h): Holder => (h.pending === 0 ? { login: h.login, role: 'member', state: 'pending' } : { login: h.login, role: h.role, state: 'active' })) })) },
  { weight: 1, arbitrary: fc.constant<HoldersRead>({ ok: false, error: 'GitHub answered 502: Bad Gateway' }) },
);

/** Every team of every target, managed or not: `[target, slug]`. */
const ALL_TEAMS = TARGET_NAMES.flatMap((t) => [...TEAMS, ...UNMANAGED].map((team) => [t, team] as const));

/** A whole world. */
export const worldArb: fc.Arbitrary<World> = fc
  .record({
    membership: fc.array(fc.constantFrom<Membership>('exclusive', 'exclusive', 'additive'), { minLength: TARGET_NAMES.length * TEAMS.length, maxLength: TARGET_NAMES.length * TEAMS.length }),
    startQ: fc.integer({ min: -8, max: 8 }),
    steps: fc.array(fc.constantFrom(Q, HOUR, 6 * HOUR, DAY, 3 * DAY), { maxLength: 2 }),
    nProfiles: fc.integer({ min: 1, max: 4 }),
    bindings: fc.tuple(...BINDINGS.map(bindingDataArb)),
    identities: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { freq: 5, nil: undefined }), { minLength: PEOPLE.length, maxLength: PEOPLE.length }),
    identityFailed: fc.subarray(TARGET_NAMES, { maxLength: 1 }).chain((s) => fc.integer({ min: 0, max: 19 }).map((n) => (n === 0 ? s : []))),
    holdings: fc.array(teamReadArb, { minLength: ALL_TEAMS.length, maxLength: ALL_TEAMS.length }),
    ledger: fc.uniqueArray(fc.record({ team: fc.integer({ min: 0, max: ALL_TEAMS.length - 1 }), login: fc.constantFrom(...ALL_LOGINS).chain(caseOf), role: fc.constantFrom('member', 'maintainer') }), { maxLength: 8, selector: (e) => `${e.team}/${e.login.toLowerCase()}` }),
    guards: fc.record({
      maxRevocations: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 8 }) }),
      maxRevocationShare: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(0.25, 0.5, 1) }),
      protectedAccounts: fc.oneof({ weight: 2, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.subarray(ALL_LOGINS, { maxLength: 2 }) }).chain((ls) => fc.tuple(...ls.map(caseOf))),
    }),
    previousOnCall: fc.array(fc.option(fc.integer({ min: 0, max: 2 }), { freq: 2, nil: undefined }), { minLength: BINDINGS.length, maxLength: BINDINGS.length }),
    requests: fc.array(fc.record({ profile: fc.integer({ min: 0, max: 3 }), login: fc.constantFrom(...ALL_LOGINS).chain(caseOf), fromQ: fc.integer({ min: -40, max: 8 }), lengthQ: fc.integer({ min: 1, max: 40 }) }), { maxLength: 3 }),
  })
  .chain((w) => {
    const membership = new Map<string, Membership>();
    TARGET_NAMES.forEach((t, ti) => TEAMS.forEach((team, i) => membership.set(`${t}/${team}`, w.membership[ti * TEAMS.length + i]!)));
    return fc.tuple(...Array.from({ length: w.nProfiles }, (_, i) => profileArb(i, membership))).map((profiles): World => {
      const at = AT0 + w.startQ * Q;
      const instants = [at];
      for (const s of w.steps) instants.push(instants.at(-1)! + s);
      const holdings = new Map<string, Map<string, HoldersRead>>(TARGET_NAMES.map((t) => [t, new Map()]));
      ALL_TEAMS.forEach(([t, team], i) => holdings.get(t)!.set(teamKey({ org: TARGETS.get(t)!.org, team }), w.holdings[i]!));
      const identities = new Map<string, string>();
      PEOPLE.forEach((p, i) => {
        const v = w.identities[i];
        if (v !== undefined) identities.set(p.email, v === 0 ? p.login : v === 1 ? p.login.toUpperCase() : `User-${i}`);
      });
      const previousOnCall: Record<string, number> = {};
      BINDINGS.forEach((b, i) => {
        if (w.previousOnCall[i] !== undefined) previousOnCall[bindingKey(b)] = w.previousOnCall[i]!;
      });
      return {
        instants: instants.map((ms) => new Date(ms)),
        profiles,
        bindings: new Map(BINDINGS.map((b, i) => [bindingKey(b), w.bindings[i]!])),
        identities,
        identityFailed: new Set(w.identityFailed),
        holdings,
        ledger: w.ledger.map((e) => {
          const [target, team] = ALL_TEAMS[e.team]!;
          return { target, kind: 'team', resource: `${TARGETS.get(target)!.org}/${team}`, login: e.login, level: e.role, grantedAt: '2026-11-01T00:00:00.000Z' };
        }),
        guards: { maxRevocations: w.guards.maxRevocations, maxRevocationShare: w.guards.maxRevocationShare, protectedAccounts: [...w.guards.protectedAccounts] },
        previousOnCall,
        requests: w.requests
          .filter((r) => profiles[r.profile]?.mode === 'requestable')
          .map((r, n) => ({ file: `requests/request-${n}.yaml`, profile: `prof-${r.profile}`, login: r.login, from: new Date(at + r.fromQ * Q), until: new Date(at + (r.fromQ + r.lengthQ) * Q), reason: `request by ${r.login}` })),
      };
    });
  });

// ---------------------------------------------------------------------------------------------
// The pipeline

/** The interval a run reads shifts over, as `reconcile` computes it. */
export function readInterval(profiles: readonly Profile[], at: Date): { since: Date; until: Date } {
  const before = Math.max(0, ...profiles.map((p) => p.window.beforeMs));
  const after = Math.max(0, ...profiles.map((p) => p.window.afterMs));
  return { since: new Date(at.getTime() - after - LOOKBACK_MS), until: new Date(at.getTime() + before + 1) };
}

/** What every binding of every profile reads at `at` (as `observeShifts` would hand to desire). */
export function readShifts(w: World, at: Date): Map<string, ShiftRead> {
  const { since, until } = readInterval(w.profiles, at);
  const out = new Map<string, ShiftRead>();
  for (const b of w.profiles.flatMap((p) => p.rotations)) {
    const data = w.bindings.get(bindingKey(b))!;
    out.set(bindingKey(b), data.kind === 'fail' ? { ok: false, error: data.error } : data.kind === 'shifts' ? { ok: true, shifts: data.shifts } : { ok: true, shifts: rotationShifts(data.rotation, since, until) });
  }
  return out;
}

/** `resolve` for desire: the identities file, case-insensitive on the email. */
export function resolver(w: World): (email: string, target: string) => string | undefined {
  return (email) => w.identities.get(email.toLowerCase());
}

/** Holdings of every target (each keyed by `org/team`) as one map keyed by `entitlementKey`, as the engine reads them. */
export function flatten(holdings: ReadonlyMap<string, ReadonlyMap<string, HoldersRead>>): Map<string, HoldersRead> {
  return new Map([...holdings].flatMap(([target, m]) => [...m].map(([key, read]) => [entitlementKey({ target, kind: 'team', resource: key }), read] as const)));
}

/** One planned run: the plan, what it was computed from, and whether apply would execute it. */
export interface Planned {
  plan: Plan;
  desired: Desired;
  delta: DiffResult;
  shifts: Map<string, ShiftRead>;
  applicable: boolean;
  /** The plan as apply executes it: without the changes of a holding an error names (a protected account). */
  run: Plan;
}

/** The plan of a world, by the pure function `reconcile` in src/apply/engine.ts plans with, from the world's shifts, identities and holdings. */
export function planWorld(w: World, at: Date, holdings: ReadonlyMap<string, ReadonlyMap<string, HoldersRead>>, state: State): Planned {
  const shifts = readShifts(w, at);
  const { plan, wanted: desired, delta } = planFrom({
    at,
    createdAt: at,
    configHash: 'world',
    profiles: w.profiles,
    guards: w.guards,
    kinds: KINDS,
    shifts,
    resolve: resolver(w),
    identityFailures: new Map([...w.identityFailed].map((target) => [target, 'SAML external identities'])),
    observed: flatten(holdings),
    grants: state.grants,
    previousOnCall: state.onCall,
    requests: w.requests,
    diagnostics: [],
  });
  const { diagnostics } = plan;
  // As `applicable` and `withoutRefused` in src/apply/apply.ts: an error naming a holding refuses that
  // holding's changes; any other error but a failed read refuses the whole plan.
  const applicable = !diagnostics.some((d) => d.severity === 'error' && d.code !== 'read-failed' && d.holding === undefined);
  const refused = new Set(diagnostics.flatMap((d) => (d.severity === 'error' && d.holding ? [holdingKey(d.holding)] : [])));
  const run = { ...plan, changes: plan.changes.filter((c) => !refused.has(holdingKey(holdingOf(c)))) };
  return { plan, desired, delta, shifts, applicable, run };
}

/** A deep copy of holdings. */
export function cloneHoldings(h: ReadonlyMap<string, ReadonlyMap<string, HoldersRead>>): Map<string, Map<string, HoldersRead>> {
  return new Map([...h].map(([t, m]) => [t, new Map([...m].map(([k, r]) => [k, r.ok ? { ok: true as const, holders: r.holders.map((x) => ({ ...x })) } : r]))]));
}

/**
 * Executes `changes` on `holdings` as GitHub would: a grant adds an active holder, an update sets
 * the role (of an active holder), a revoke removes the holder or cancels the invitation. Throws
 * on a change GitHub would not need (a grant to a holder, a revoke of a non-holder, a change
 * to a team that was not read) and on a change to anything but a team (worlds grant teams only):
 * such a change in a plan is a bug the properties report.
 */
export function applyInMemory(holdings: ReadonlyMap<string, ReadonlyMap<string, HoldersRead>>, changes: readonly Change[]): Map<string, Map<string, HoldersRead>> {
  const out = cloneHoldings(holdings);
  for (const c of changes) {
    const e = c.entitlement;
    if (e.kind !== 'team') throw new Error(`${c.action} on ${e.target}:${nameOf(e)}, but worlds grant teams only`);
    const key = e.resource.toLowerCase();
    const read = out.get(e.target)?.get(key);
    if (!read || !read.ok) throw new Error(`${c.action} on ${e.target}:${key}, a team that was not read`);
    const i = read.holders.findIndex((h) => h.login.toLowerCase() === c.subject.login.toLowerCase());
    if (c.action === 'grant') {
      if (i >= 0) throw new Error(`duplicate grant: ${c.subject.login} already holds ${key}`);
      read.holders.push({ login: c.subject.login, role: e.level, state: 'active' });
    } else if (c.action === 'update') {
      if (i < 0) throw new Error(`update of ${c.subject.login}, who does not hold ${key}`);
      if (read.holders[i]!.state !== 'active') throw new Error(`update of ${c.subject.login}'s pending invitation to ${key}`);
      read.holders[i]!.role = e.level;
    } else {
      if (i < 0) throw new Error(`revoke of ${c.subject.login}, who does not hold ${key}`);
      read.holders.splice(i, 1);
    }
  }
  return out;
}

/** The state after an apply in which every change was applied (as `runApply` writes it). */
export function stateAfter(state: State, plan: Plan, now: Date): State {
  return nextState(state, plan, plan.changes.map((change) => ({ change, status: 'applied' })), now);
}

// ---------------------------------------------------------------------------------------------
// The oracle

const RANK: Record<TeamRole, number> = { member: 0, maintainer: 1 };

/** True when the shift, widened by the window, covers `at`: `[start - before, end + after)` (README). */
function coversAt(s: Shift, window: Profile['window'], at: Date): boolean {
  return s.start.getTime() - window.beforeMs <= at.getTime() && (s.end === undefined || at.getTime() < s.end.getTime() + window.afterMs);
}

/**
 * The highest role any profile entitles `login` to on `target`'s team `team` at `at`, or
 * undefined: for an auto profile someone entitled is a static member, or on call in a readable
 * binding of the profile (widened by its window), and resolves to that login; for a requestable
 * profile, the subject of a request running at `at`.
 */
export function entitledRole(w: World, shifts: ReadonlyMap<string, ShiftRead>, at: Date, target: string, team: string, login: string): TeamRole | undefined {
  let best: TeamRole | undefined;
  for (const p of w.profiles) {
    let entitled: boolean;
    if (p.mode === 'auto') {
      const emails = [...p.members];
      for (const b of p.rotations) {
        const read = shifts.get(bindingKey(b));
        if (read?.ok) emails.push(...read.shifts.filter((s) => coversAt(s, p.window, at)).map((s) => s.email));
      }
      entitled = emails.some((e) => w.identities.get(e.toLowerCase())?.toLowerCase() === login.toLowerCase());
    } else {
      entitled = w.requests.some((r) => r.profile === p.name && r.login.toLowerCase() === login.toLowerCase() && r.from <= at && at < r.until);
    }
    if (!entitled) continue;
    for (const e of p.entitlements) {
      const role = e.level as TeamRole;
      if (e.kind === 'team' && e.target === target && e.written.toLowerCase() === team.toLowerCase() && (best === undefined || RANK[role] > RANK[best])) best = role;
    }
  }
  return best;
}

/** The teams (`target` + `org/team`) profiles name: the only ones a run may change. */
export function managedTeams(w: World): Set<string> {
  return new Set(w.profiles.flatMap((p) => p.entitlements.map((e) => (e.kind === 'team' ? `${e.target}:${e.resource.toLowerCase()}` : ''))));
}

/** For each managed team, whether it is fed by a binding whose read failed (or a failed identity read). */
export function frozenTeams(w: World, shifts: ReadonlyMap<string, ShiftRead>): Set<string> {
  const out = new Set<string>();
  for (const p of w.profiles) {
    // Only auto profiles are fed by rotations; a failed identity read freezes every team of its target.
    const failed = p.mode === 'auto' && p.rotations.some((b) => shifts.get(bindingKey(b))?.ok === false);
    for (const e of p.entitlements) {
      if (e.kind === 'team' && (failed || w.identityFailed.has(e.target))) out.add(`${e.target}:${e.resource.toLowerCase()}`);
    }
  }
  return out;
}

export const rank = (r: string): number => RANK[r as TeamRole] ?? -1;

// ---------------------------------------------------------------------------------------------
// On-disk workspaces for CLI-level tests

/** Options of {@link writeWorkspace}. */
export interface WorkspaceOptions {
  githubUrl: string;
  pagerdutyUrl?: string;
  opsgenieUrl?: string;
  /** Profiles as YAML documents (each a full AccessProfile). Default: {@link PROFILE}. */
  profiles?: Record<string, string>;
  /** Rotation files. Default: {@link ROTATION}. */
  rotations?: Record<string, string>;
  /** `email: login` pairs. Default: alice, bob, carol, dave. */
  identities?: Record<string, string>;
  guards?: string;
  /** Teams recorded as adopted in `state/adopted.json`. Default: every team the profiles name, as after earlier applies. */
  adopted?: string[];
}

/** A weekly rotation handing off Mondays 09:00 Berlin: alice, bob, carol, dave. */
export const ROTATION = `apiVersion: oncall-access/v1
kind: Rotation
metadata: { name: primary }
spec:
  timeZone: Europe/Berlin
  shiftLength: 1w
  firstHandoff: 2026-11-02T09:00
  members: [alice@acme.example, bob@acme.example, carol@acme.example, dave@acme.example]
`;

/** An auto profile on `primary`, granting team `deployers`, with a window. */
export const PROFILE = `apiVersion: oncall-access/v1
kind: AccessProfile
metadata: { name: deployers-oncall }
spec:
  mode: auto
  rotations:
    - source: rotations
      rotation: primary
  window: { before: 15m, after: 30m }
  members: [erin@acme.example]
  entitlements:
    - target: github
      team: deployers
      role: member
`;

export const DEFAULT_IDENTITIES: Record<string, string> = {
  'alice@acme.example': 'alice-acme',
  'bob@acme.example': 'bob-acme',
  'carol@acme.example': 'carol-acme',
  'dave@acme.example': 'dave-acme',
  'erin@acme.example': 'erin-acme',
};

/** Writes a workspace into `dir` (config `oncall-access.yaml`, `profiles/`, `rotations/`, `identities.yaml`). */
export function writeWorkspace(dir: string, o: WorkspaceOptions): void {
  const sources = [
    '    rotations: { type: rotations }',
    ...(o.pagerdutyUrl ? [`    pd: { type: pagerduty, tokenEnv: PAGERDUTY_TOKEN, apiUrl: "${o.pagerdutyUrl}" }`] : []),
    ...(o.opsgenieUrl ? [`    og: { type: opsgenie, tokenEnv: OPSGENIE_KEY, apiUrl: "${o.opsgenieUrl}" }`] : []),
  ];
  const config = [
    'apiVersion: oncall-access/v1',
    'kind: Config',
    'spec:',
    '  sources:',
    ...sources,
    '  targets:',
    `    github: { type: github, org: acme, tokenEnv: GITHUB_TOKEN, apiUrl: "${o.githubUrl}" }`,
    '  guards:',
    o.guards ?? '    maxRevocations: 50\n    protectedAccounts: [acme-breakglass]',
    '',
  ].join('\n');
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  mkdirSync(join(dir, 'rotations'), { recursive: true });
  writeFileSync(join(dir, 'oncall-access.yaml'), config);
  for (const [name, text] of Object.entries(o.profiles ?? { 'deployers.yaml': PROFILE })) writeFileSync(join(dir, 'profiles', name), text);
  for (const [name, text] of Object.entries(o.rotations ?? { 'primary.yaml': ROTATION })) writeFileSync(join(dir, 'rotations', name), text);
  const ids = Object.entries(o.identities ?? DEFAULT_IDENTITIES).map(([email, login]) => `    - { email: ${JSON.stringify(email)}, github: ${JSON.stringify(login)} }`);
  writeFileSync(join(dir, 'identities.yaml'), `apiVersion: oncall-access/v1\nkind: Identities\nspec:\n  identities:\n${ids.join('\n')}\n`);
  const adopted = o.adopted ?? [...new Set(Object.values(o.profiles ?? { 'deployers.yaml': PROFILE }).flatMap((text) => [...text.matchAll(/\bteam: ([\w.-]+)/g)].map((m) => m[1]!)))];
  mkdirSync(join(dir, 'state'), { recursive: true });
  writeFileSync(join(dir, 'state', STATE_FILES.adopted), serializeAdopted(adopted.map((team) => ({ target: 'github', kind: 'team', resource: `acme/${team}`, adoptedAt: '2026-11-01T00:00:00.000Z' }))));
}
