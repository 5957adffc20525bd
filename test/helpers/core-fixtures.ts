/**
 * Plain-value builders for the pure core (desire, diff, guard): profiles, targets, shift reads
 * and holder reads written by hand, plus a tiny "apply" that plays a plan's changes onto an
 * observed state so a second diff can check idempotency. No I/O anywhere.
 */
import type { ActiveRequest } from '../../src/core/requests.js';
import type { Profile, RotationBinding, GitHubTargetConfig } from '../../src/config/model.js';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { desire, type Desired } from '../../src/core/desire.js';
import { diff, type DiffResult } from '../../src/core/diff.js';
import { entitlementKey } from '../../src/core/entitlement.js';
import type { Holder, HoldersRead } from '../../src/core/observed.js';
import type { Change } from '../../src/core/plan.js';
import { bindingKey, type Shift, type ShiftRead } from '../../src/sources/source.js';
import { KINDS, nameOf } from '../../src/targets/kinds.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

/** The domain every test person's email is in: `alice` is `alice@example.com`. */
export const DOMAIN = 'example.com';

/** `alice` -> `alice@example.com`; an argument with an `@` is returned as is. */
export const email = (who: string): string => (who.includes('@') ? who : `${who}@${DOMAIN}`);

/** An ISO instant (or epoch ms) as a Date; `+ms` shifts it. */
export const ts = (iso: string | number, ms = 0): Date => new Date(new Date(iso).getTime() + ms);

const pos = (file: string) => ({ file, line: 1, col: 1 });

/** The GitHub target `github` on org `acme`, and another, `ghe` on org `acme-internal`. */
export const TARGETS: ReadonlyMap<string, GitHubTargetConfig> = new Map([
  ['github', { name: 'github', type: 'github', org: 'acme', pos: pos('oncall-access.yaml'), fieldPos: { apiUrl: pos('oncall-access.yaml'), tokenEnv: pos('oncall-access.yaml') } }],
  ['ghe', { name: 'ghe', type: 'github', org: 'acme-internal', pos: pos('oncall-access.yaml'), fieldPos: { apiUrl: pos('oncall-access.yaml'), tokenEnv: pos('oncall-access.yaml') } }],
]);

/** A built-in rotation binding by rotation name. */
export function rotation(name: string): RotationBinding {
  return { kind: 'rotation', source: 'rotations', rotation: name, pos: pos(`profiles/rotations/${name}.yaml`) };
}

/** A team a profile names, `[target/]team[:role]`: `sre` (member on github), `sre:maintainer`, `ghe/ops`. */
export type TeamSpec = string;

function teamSpec(spec: TeamSpec, profile: string): Profile['entitlements'][number] {
  const [where, role = 'member'] = spec.split(':');
  const [targetName, team] = where!.includes('/') ? where!.split('/') : ['github', where];
  return { target: targetName!, kind: 'team', resource: `${TARGETS.get(targetName!)!.org}/${team}`, written: team!, level: role, membership: 'exclusive', pos: pos(`profiles/${profile}.yaml`) };
}

export interface ProfileSpec {
  name?: string;
  mode?: Profile['mode'];
  /** Rotation names, bound through the `rotations` source. */
  rotations?: string[];
  /** Short names or emails of static members. */
  members?: string[];
  teams?: TeamSpec[];
  /** Extra raw entitlements (e.g. a repository). */
  extra?: Profile['entitlements'];
  before?: number;
  after?: number;
}

/**
 * A profile; by default `oncall-sre`, auto, rotation `primary`, team `sre` as member, no window,
 * and the loader's defaults for the rest (approval by review, no approvers, the empty-rotation guard on).
 */
export function profile(spec: ProfileSpec = {}): Profile {
  const name = spec.name ?? 'oncall-sre';
  return {
    name,
    mode: spec.mode ?? 'auto',
    approval: 'review',
    approvers: [],
    rotations: (spec.rotations ?? ['primary']).map(rotation),
    window: { beforeMs: spec.before ?? 0, afterMs: spec.after ?? 0 },
    members: (spec.members ?? []).map(email),
    allowEmptyRotations: false,
    entitlements: [...(spec.teams ?? ['sre']).map((s) => teamSpec(s, name)), ...(spec.extra ?? [])],
    file: `profiles/${name}.yaml`,
    pos: pos(`profiles/${name}.yaml`),
  };
}

/** `[who, start, end?]`: a shift from ISO instants; no end means open-ended. */
export type ShiftSpec = readonly [who: string, start: string, end?: string];

export function shift([who, start, end]: ShiftSpec): Shift {
  return { email: email(who), start: ts(start), ...(end === undefined ? {} : { end: ts(end) }) };
}

/** Shift reads by rotation name: a list of shifts, or a string that is the read error. */
export function shifts(byRotation: Record<string, readonly ShiftSpec[] | Shift[] | string>): Map<string, ShiftRead> {
  return new Map(
    Object.entries(byRotation).map(([name, v]): [string, ShiftRead] => [
      bindingKey(rotation(name)),
      typeof v === 'string' ? { ok: false, error: v } : { ok: true, shifts: v.map((s) => (Array.isArray(s) ? shift(s as ShiftSpec) : (s as Shift))) },
    ]),
  );
}

/** `alice`, `alice:maintainer`, `alice:member:pending`, `alice::pending`. */
export type HolderSpec = string;

export function holder(spec: HolderSpec): Holder {
  const [login, role, state] = spec.split(':');
  return { login: login!, role: role || 'member', state: (state || 'active') as Holder['state'] };
}

/** Holder reads by `org/team`: a list of holders, or a string that is the read error. */
export function held(byTeam: Record<string, readonly HolderSpec[] | string>): Map<string, HoldersRead> {
  return new Map(
    Object.entries(byTeam).map(([key, v]): [string, HoldersRead] => [key, typeof v === 'string' ? { ok: false, error: v } : { ok: true, holders: v.map(holder) }]),
  );
}

/** Resolves `x@example.com` to login `x`, except the emails (or short names) in `unknown`. */
export function resolver(unknown: readonly string[] = [], overrides: Record<string, string> = {}): (e: string) => string | undefined {
  const missing = new Set(unknown.map(email));
  const extra = new Map(Object.entries(overrides).map(([k, v]) => [email(k), v]));
  return (e) => (missing.has(e) ? undefined : (extra.get(e) ?? (e.endsWith(`@${DOMAIN}`) ? e.slice(0, -DOMAIN.length - 1) : undefined)));
}

export interface Scenario {
  at: Date;
  profiles: Profile[];
  shifts: Map<string, ShiftRead>;
  observed: Map<string, HoldersRead>;
  resolve?: (e: string) => string | undefined;
  /** Eligible access requests running or not at `at`. */
  requests?: ActiveRequest[];
}

/** Observed reads keyed `org/team` or `org/repo (repository)` (as tests write them) re-keyed by `entitlementKey` as the engine does. */
export function byTarget(observed: ReadonlyMap<string, HoldersRead>): Map<string, HoldersRead> {
  const targetOf = new Map([...TARGETS.values()].map((t) => [t.org.toLowerCase(), t.name]));
  return new Map(
    [...observed].map(([key, read]) => {
      const repository = / \(repository\)$/.exec(key);
      const resource = repository ? key.slice(0, repository.index) : key;
      return [entitlementKey({ target: targetOf.get(key.split('/')[0]!.toLowerCase()) ?? 'github', kind: repository ? 'repository' : 'team', resource }), read];
    }),
  );
}

/** desire then diff, exactly as the engine chains them. */
export function plan(s: Scenario): { desired: Desired; result: DiffResult } {
  const desired = desire({ at: s.at, profiles: s.profiles, kinds: KINDS, shifts: s.shifts, resolve: s.resolve ?? resolver(), requests: s.requests });
  return { desired, result: diff(desired, byTarget(s.observed)) };
}

/**
 * The observed state after `changes` were applied the way a target would: grant adds an
 * active holder, update sets the role, revoke removes the holder (or cancels the invitation).
 * Returns a new map; throws on a change that makes no sense against `observed`.
 */
export function applyChanges(observed: ReadonlyMap<string, HoldersRead>, changes: readonly Change[]): Map<string, HoldersRead> {
  const out = new Map<string, HoldersRead>([...observed].map(([k, v]) => [k, v.ok ? { ok: true, holders: v.holders.map((h) => ({ ...h })) } : v]));
  for (const c of changes) {
    const key = nameOf(c.entitlement);
    const read = lookup(out, key);
    if (!read || !read.ok) throw new Error(`change to ${key}, which was not read`);
    const i = read.holders.findIndex((h) => h.login.toLowerCase() === c.subject.login.toLowerCase());
    if (c.action === 'grant') {
      if (i >= 0) throw new Error(`grant of ${c.subject.login}, who already holds ${key}`);
      read.holders.push({ login: c.subject.login, role: c.entitlement.level, state: 'active' });
    } else if (c.action === 'update') {
      if (i < 0) throw new Error(`update of ${c.subject.login}, who does not hold ${key}`);
      read.holders[i]!.role = c.entitlement.level;
    } else {
      if (i < 0) throw new Error(`revoke of ${c.subject.login}, who does not hold ${key}`);
      read.holders.splice(i, 1);
    }
  }
  return out;
}

/** `map.get(key)`, with `org/team` keys compared case-insensitively as GitHub does. */
export function lookup<V>(map: ReadonlyMap<string, V>, key: string): V | undefined {
  return map.get(key) ?? [...map].find(([k]) => k.toLowerCase() === key.toLowerCase())?.[1];
}

/** The fields of a change tests compare (reasons apart), with absent fields left out. */
export interface ChangeView {
  action: Change['action'];
  /** `org/team` (or `org/repo (repository)`), plus `@target` when the target is not `github`. */
  team: string;
  login: string;
  role: string;
  previousRole?: string;
  until?: string;
  drift?: boolean;
  pending?: boolean;
  email?: string;
}

export function view(c: Change): ChangeView {
  const v: ChangeView = {
    action: c.action,
    team: `${nameOf(c.entitlement)}${c.entitlement.target === 'github' ? '' : `@${c.entitlement.target}`}`,
    login: c.subject.login,
    role: c.entitlement.level,
  };
  if ('previousLevel' in c) v.previousRole = c.previousLevel;
  if ('until' in c) v.until = c.until;
  if ('drift' in c) v.drift = c.drift;
  if ('pending' in c) v.pending = c.pending;
  return v;
}

/** A diagnostic as tests compare it. */
export function diag(d: Diagnostic): string {
  return `${d.severity}${d.code ? `[${d.code}]` : ''}: ${d.message}`;
}
