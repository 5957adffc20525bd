/**
 * desire: who should hold which entitlement at an instant, and why. Pure.
 */
import { error, warning, type Diagnostic, type SourcePos } from './diagnostics.js';
import type { Profile, RotationBinding } from './policy.js';
import { entitlementKey, levelRank, refOf, type EntitlementRef, type KindCatalogue, type KindSpec, type Membership } from './entitlement.js';
import type { Incident, IncidentRead } from './incident.js';
import type { HoldersRead } from './observed.js';
import type { ActiveRequest } from './requests.js';
import { bindingKey, bindingLabel, covers, instant, type ShiftRead } from './shift.js';

/**
 * Why a holding is held:
 * - `member`: a static member of an `auto` profile (`spec.members`);
 * - `shift`: on call in a rotation the profile binds;
 * - `request`: an eligible access request to a `requestable` profile;
 * - `before` / `after`: within the profile's `window.before` ahead of a shift, or `window.after` past one.
 */
export type HoldingKind = 'member' | 'shift' | 'request' | 'before' | 'after';

/**
 * The order kinds are told apart in: when several reasons hold at once (a static member who is
 * also on call), the first of these names the holding.
 */
export const HOLDING_KINDS: readonly HoldingKind[] = ['member', 'shift', 'request', 'before', 'after'];

/** One subject's wanted holding of one entitlement. */
export interface DesiredHolding {
  login: string;
  email: string;
  /** The highest level any reason asks for (by the kind's {@link KindSpec.levels}). */
  level: string;
  reasons: string[];
  /** The kinds of its reasons, each once. */
  reasonKinds: HoldingKind[];
  /** When the last reason ends (shift end + window); undefined when one is open-ended. */
  until?: Date;
}

/**
 * Why a person whose window ended may keep what they hold: an open incident they are assigned to
 * or acknowledged, never past `until`, the window's end plus the profile's `incidentHold.max`.
 */
export interface IncidentHold {
  login: string;
  email: string;
  profile: string;
  /** The rotation whose shift ended. */
  label: string;
  until: Date;
  incident: Incident & { relation: 'assigned' | 'acknowledged' };
}

/** An entitlement some profile manages, with who should hold it. */
export interface ManagedEntitlement extends EntitlementRef {
  /** What its target declares of its kind: how levels rank, how it is named. */
  spec: KindSpec;
  /** Profiles that name it, sorted. */
  profiles: string[];
  /** Wanted holders by login (lower-cased). */
  holders: Map<string, DesiredHolding>;
  /**
   * Logins (lower-cased) of people whose shift in a rotation feeding it ended before the
   * instant, with their email: a revocation of theirs is a handoff, not drift.
   */
  recentlyOnCall: Map<string, { label: string; end: Date; email: string }>;
  /** Labels of rotations feeding it that could not be read: nothing may be revoked. */
  unknownRotations: string[];
  /** Holders kept by an incident hold, by login (lower-cased); kept only if they hold it now (diff decides). */
  holds: Map<string, IncidentHold>;
  /** `exclusive`: unwanted holders are revoked. `additive`: only holders in the grant ledger are. */
  membership: Membership;
  /** True when a profile says `adopt: remove-drift`: never applied to yet, its unwanted holders are removed all the same. */
  removeDrift: boolean;
  /** Where the first profile naming it declares it: what the plan points at, and where a problem with the entitlement itself (it does not exist) is reported. */
  declaredAt: SourcePos;
}

/** What {@link desire} needs, all plain values. */
export interface DesireInput {
  at: Date;
  profiles: readonly Profile[];
  /** What the targets declare of each kind the profiles name. */
  kinds: KindCatalogue;
  /** Shifts read per binding, by `bindingKey`. */
  shifts: ReadonlyMap<string, ShiftRead>;
  /** The account for an email on a target, or undefined when the person cannot be resolved. */
  resolve: (email: string, target: string) => string | undefined;
  /** Eligible access requests (see `activeRequests`); each grants its profile while it runs. */
  requests?: readonly ActiveRequest[];
  /** Open incidents per binding (by `bindingKey`) of profiles with an incident hold; a binding without an entry holds nobody. */
  incidents?: ReadonlyMap<string, IncidentRead>;
  /**
   * Targets whose identity source could not be read: who has no account there is unknown, not
   * missing, so nobody is warned about (the read failure is the error, and their entitlements freeze).
   */
  unreadIdentities?: ReadonlySet<string>;
}

/** The wanted state of every managed entitlement, plus problems found on the way. */
export interface Desired {
  /** Managed entitlements, by {@link entitlementKey}. */
  entitlements: Map<string, ManagedEntitlement>;
  diagnostics: Diagnostic[];
}

/** The instant a hold of a shift ending at `end` ends at the latest, or undefined when the profile has no incident hold. */
function holdLimit(profile: Profile, end: Date): number | undefined {
  return profile.incidentHold && end.getTime() + profile.window.afterMs + profile.incidentHold.maxMs;
}

/**
 * The bindings whose open incidents {@link desire} needs at `at`: those of profiles with an
 * incident hold in which someone's window ended less than `incidentHold.max` ago. Pure; empty
 * (so nothing is read) when nobody could be held.
 */
export function holdBindings(profiles: readonly Profile[], shifts: ReadonlyMap<string, ShiftRead>, at: Date): RotationBinding[] {
  const out = new Map<string, RotationBinding>();
  for (const p of profiles) {
    for (const b of p.mode === 'auto' && p.incidentHold ? p.rotations : []) {
      const read = shifts.get(bindingKey(b));
      const held = read?.ok === true && read.shifts.some((s) => s.end !== undefined && s.end.getTime() + p.window.afterMs <= at.getTime() && at.getTime() < holdLimit(p, s.end)!);
      if (held) out.set(bindingKey(b), b);
    }
  }
  return [...out.values()];
}

/** True when a shift ending at `end` could still hold someone at `at`: its window ended less than `incidentHold.max` ago. */
function holdable(profile: Profile, end: Date, at: Date): boolean {
  const limit = holdLimit(profile, end);
  return limit !== undefined && at.getTime() < limit;
}

/**
 * The hold of `email`, whose window in `b` ended at `end`, given the binding's open incidents;
 * undefined when nothing holds them. Incidents that could not be read hold nobody.
 */
function holdOf(profile: Profile, b: RotationBinding, email: string, end: Date, at: Date, incidents: IncidentRead | undefined): Omit<IncidentHold, 'login'> | undefined {
  if (!holdable(profile, end, at) || incidents?.ok !== true) return undefined;
  const base = { email, profile: profile.name, label: bindingLabel(b), until: new Date(holdLimit(profile, end)!) };
  const who = email.toLowerCase();
  const assigned = incidents.incidents.find((i) => i.assigned.includes(who));
  const acknowledged = incidents.incidents.find((i) => i.acknowledged.includes(who));
  if (assigned) return { ...base, incident: { ...assigned, relation: 'assigned' } };
  if (acknowledged) return { ...base, incident: { ...acknowledged, relation: 'acknowledged' } };
  return undefined;
}

/**
 * Who should hold what at `input.at`. `auto` profiles grant to whoever is on call (widened by
 * the window) and to their static members; `requestable` profiles grant only to the subjects
 * of eligible requests running at the instant (their entitlements are managed all the same). A
 * person who cannot be resolved to a login gets a warning and nothing. A rotation that could not
 * be read marks every entitlement it feeds as unknown.
 */
export function desire(input: DesireInput): Desired {
  const entitlements = new Map<string, ManagedEntitlement>();
  const diagnostics: Diagnostic[] = [];
  const warned = new Set<string>();
  const once = (key: string, d: Diagnostic): void => {
    if (!warned.has(key)) diagnostics.push(d);
    warned.add(key);
  };

  for (const profile of input.profiles) {
    const wanted: { email: string; login?: string; reason: string; kind: HoldingKind; until?: Date }[] =
      profile.mode === 'auto'
        ? profile.members.map((email) => ({ email, reason: `static member of profile ${profile.name}`, kind: 'member' as const }))
        : (input.requests ?? []).filter((r) => r.profile === profile.name && r.from <= input.at && input.at < r.until).map((r) => ({ email: r.email ?? '', ...(r.email === undefined ? { login: r.login } : {}), reason: r.reason, kind: 'request' as const, until: r.until }));
    const ended: { email: string; label: string; end: Date }[] = [];
    const holds: Omit<IncidentHold, 'login'>[] = [];
    const unknown: string[] = [];
    for (const b of profile.mode === 'auto' ? profile.rotations : []) {
      const label = bindingLabel(b);
      const read = input.shifts.get(bindingKey(b)) ?? { ok: false, error: 'it was not read' };
      if (!read.ok) {
        unknown.push(label);
        once(`read:${bindingKey(b)}`, { ...error(`cannot read ${label}: ${read.error}. Teams it feeds are frozen: nothing is revoked from them this run`, read.pos ?? b.pos), code: 'read-failed' });
        continue;
      }
      const incidents = input.incidents?.get(bindingKey(b));
      const unheld: string[] = [];
      for (const shift of read.shifts) {
        if (covers(shift, profile.window, input.at)) {
          const until = shift.end && new Date(shift.end.getTime() + profile.window.afterMs);
          const span = `${instant(shift.start)} – ${shift.end ? instant(shift.end) : 'open-ended'}`;
          const kind = input.at < shift.start ? 'before' : shift.end && input.at >= shift.end ? 'after' : 'shift';
          wanted.push({ email: shift.email, reason: `on call in ${label} (${span}), profile ${profile.name}`, kind, until });
        } else if (shift.end && shift.end.getTime() + profile.window.afterMs <= input.at.getTime()) {
          ended.push({ email: shift.email, label, end: shift.end });
          const hold = holdOf(profile, b, shift.email, shift.end, input.at, incidents);
          if (hold) holds.push(hold);
          if (incidents?.ok === false && holdable(profile, shift.end, input.at) && !unheld.includes(shift.email)) unheld.push(shift.email);
        }
      }
      if (incidents?.ok === false && unheld.length > 0) {
        const message = `cannot read the open incidents of ${label}: ${incidents.error}. No incident hold this run: access ends with the shift for ${unheld.join(', ')} as if the profile had no incidentHold (a failed read extends nothing)`;
        once(`incidents:${bindingKey(b)}`, { ...error(message, incidents.pos ?? profile.incidentHold?.pos ?? b.pos), code: 'read-failed' });
      }
    }
    for (const spec of profile.entitlements) {
      const key = entitlementKey(spec);
      let managed = entitlements.get(key);
      if (!managed) {
        const kind = input.kinds[spec.kind];
        if (!kind) throw new Error(`no target declares entitlements of kind "${spec.kind}"`);
        managed = { ...refOf(spec), spec: kind, profiles: [], holders: new Map(), recentlyOnCall: new Map(), unknownRotations: [], holds: new Map(), membership: spec.membership, removeDrift: false, declaredAt: spec.pos };
        entitlements.set(key, managed);
      }
      const m = managed;
      if (!m.profiles.includes(profile.name)) m.profiles.push(profile.name);
      if (spec.adopt === 'remove-drift') m.removeDrift = true;
      m.profiles.sort();
      m.unknownRotations.push(...unknown.filter((u) => !m.unknownRotations.includes(u)));
      for (const e of ended) {
        const login = input.resolve(e.email, spec.target);
        const seen = login && m.recentlyOnCall.get(login.toLowerCase());
        if (login && (!seen || seen.end < e.end)) m.recentlyOnCall.set(login.toLowerCase(), { label: e.label, end: e.end, email: e.email });
      }
      for (const h of holds) {
        const login = input.resolve(h.email, spec.target);
        const seen = login && m.holds.get(login.toLowerCase());
        if (login && (!seen || seen.until < h.until)) m.holds.set(login.toLowerCase(), { ...h, login });
      }
      for (const w of wanted) {
        const login = w.login ?? input.resolve(w.email, spec.target);
        if (!login) {
          const missing = input.kinds[spec.kind]?.unresolved ?? 'has no GitHub login; granting nothing (add them to the identities file)';
          if (!input.unreadIdentities?.has(spec.target)) once(`id:${w.email.toLowerCase()}:${profile.name}:${missing}`, { ...warning(`${w.email} is entitled by profile ${profile.name} but ${missing}`, profile.pos), code: 'identity' });
          continue;
        }
        addHolding(m, { login, email: w.email, level: spec.level, reasons: [w.reason], reasonKinds: [w.kind], until: w.until });
      }
    }
  }
  return { entitlements, diagnostics };
}

/** Counts of frozen entitlements by kind, only kinds with some (see `PlanSummary.frozen` in plan.ts): `{ team: 2, repository: 1 }`. */
export type Frozen = Readonly<Record<string, number>>;

/**
 * The managed entitlements a plan leaves frozen (see `PlanSummary.frozen`), counted by kind:
 * those whose holders could not be read, and those fed by a rotation or identity source that
 * could not be. `observed` is keyed by {@link entitlementKey}.
 */
export function countFrozen(wanted: Desired, observed: ReadonlyMap<string, HoldersRead>): Frozen {
  const frozen: Record<string, number> = {};
  for (const e of wanted.entitlements.values()) {
    if (e.unknownRotations.length > 0 || observed.get(entitlementKey(e))?.ok !== true) frozen[e.kind] = (frozen[e.kind] ?? 0) + 1;
  }
  return frozen;
}

function addHolding(managed: ManagedEntitlement, h: DesiredHolding): void {
  const key = h.login.toLowerCase();
  const seen = managed.holders.get(key);
  if (!seen) {
    managed.holders.set(key, h);
    return;
  }
  if (levelRank(managed.spec, h.level) > levelRank(managed.spec, seen.level)) seen.level = h.level;
  for (const r of h.reasons) if (!seen.reasons.includes(r)) seen.reasons.push(r);
  for (const k of h.reasonKinds) if (!seen.reasonKinds.includes(k)) seen.reasonKinds.push(k);
  seen.until = seen.until === undefined || h.until === undefined ? undefined : new Date(Math.max(seen.until.getTime(), h.until.getTime()));
}
