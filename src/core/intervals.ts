/**
 * intervals: who holds each managed entitlement over a span, as intervals, each saying why it is
 * held (a shift, the window before or after one, an access request, static membership). The
 * picture a timeline chart draws. Pure.
 *
 * Like `timeline`, it evaluates `desire` at every instant where what is wanted can change and
 * holds the answer until the next one; to tell why a holding is held it also asks `desire` about
 * the same instant with only one kind of reason left in the profiles.
 */
import type { Profile } from '../config/model.js';
import type { Diagnostic } from '../diagnostics.js';
import { bindingKey } from '../sources/source.js';
import { desire, type DesireInput, type Desired } from './desire.js';
import type { Level } from './plan.js';

/**
 * Why an interval is held:
 * - `member`: a static member of an `auto` profile (`spec.members`);
 * - `shift`: on call in a rotation the profile binds;
 * - `request`: an eligible access request to a `requestable` profile;
 * - `before` / `after`: within the profile's `window.before` ahead of a shift, or `window.after` past one.
 */
export type HoldingKind = 'member' | 'shift' | 'request' | 'before' | 'after';

/**
 * The order kinds are told apart in: when several reasons hold at once (a static member who is
 * also on call), the first of these names the interval.
 */
export const HOLDING_KINDS: readonly HoldingKind[] = ['member', 'shift', 'request', 'before', 'after'];

/** One stretch of one holding, with one reason and one level throughout. */
export interface HeldInterval {
  kind: HoldingKind;
  /** ISO instant the stretch starts, at or after the span's `from`. */
  start: string;
  /** ISO instant it ends, at or before the span's `to` (the span's end when it runs on). */
  end: string;
  /** The role (repository: permission) held: the highest any reason asks for. */
  role: Level;
}

/** One login's stretches of one entitlement, in order, never overlapping or touching with the same kind and role. */
export interface HolderIntervals {
  login: string;
  intervals: HeldInterval[];
}

/** A managed team or repository and who holds it when; `entitlementName` names it. */
export interface EntitlementIntervals {
  /** Name of the target, as declared in the config. */
  target: string;
  org: string;
  /** The team, for a team membership. */
  team?: string;
  /** The repository, for a repository permission. */
  repository?: string;
  /** Holders by first start, then login. */
  holders: HolderIntervals[];
  /** Labels of the rotations feeding it that could not be read at `from`: the picture of it is incomplete. Absent when none. */
  unknown?: string[];
}

/** Who holds what over `[from, to)`: the data a timeline chart is drawn from. */
export interface AccessTimeline {
  /** ISO instant the span starts (the plan's instant, for a plan). */
  from: string;
  /** ISO instant the span ends. */
  to: string;
  /** Every managed entitlement, held or not, sorted by target and name. */
  entitlements: EntitlementIntervals[];
}

/**
 * The instants (epoch ms, sorted) where what `desire` answers can change: the start and end of
 * every shift of the `auto` profiles' rotations widened by the profile's window, and every
 * request's start and end; with `edges`, also the shifts' own starts and ends, where a window
 * gives way to the shift or the shift to a window.
 */
export function changeInstants(input: Omit<DesireInput, 'at'>, edges: boolean): number[] {
  const instants = new Set<number>();
  for (const p of input.profiles) {
    if (p.mode !== 'auto') continue;
    for (const b of p.rotations) {
      const read = input.shifts.get(bindingKey(b));
      if (!read?.ok) continue;
      for (const s of read.shifts) {
        instants.add(s.start.getTime() - p.window.beforeMs);
        if (edges) instants.add(s.start.getTime());
        if (s.end && edges) instants.add(s.end.getTime());
        if (s.end) instants.add(s.end.getTime() + p.window.afterMs);
      }
    }
  }
  for (const r of input.requests ?? []) instants.add(r.from.getTime()).add(r.until.getTime());
  return [...instants].sort((a, b) => a - b);
}

/** `input` with only the reasons of `kind` left: what `desire` wants for that reason alone. */
function only(input: Omit<DesireInput, 'at'>, kind: HoldingKind): Omit<DesireInput, 'at'> {
  const strip = (p: Profile): Profile => {
    switch (kind) {
      case 'member':
        return { ...p, rotations: [] };
      case 'request':
        return { ...p, members: [], rotations: [] };
      case 'shift':
        return { ...p, members: [], window: { beforeMs: 0, afterMs: 0 } };
      case 'before':
        return { ...p, members: [], window: { beforeMs: p.window.beforeMs, afterMs: 0 } };
      case 'after':
        return { ...p, members: [] };
    }
  };
  return { ...input, profiles: input.profiles.map(strip), requests: kind === 'request' ? input.requests : [] };
}

/**
 * Who holds each managed entitlement over `[from, to)`, in stretches of one kind and role (see
 * {@link HoldingKind}; when several reasons hold at once the first of {@link HOLDING_KINDS}
 * names the stretch), with the diagnostics `desire` gives at `from`. Stretches are cut at the
 * span's ends. Every entitlement a profile manages is listed, held or not.
 */
export function heldIntervals(input: Omit<DesireInput, 'at'>, from: Date, to: Date): { timeline: AccessTimeline; diagnostics: Diagnostic[] } {
  const views = HOLDING_KINDS.map((kind) => ({ kind, input: only(input, kind) }));
  const entitlements = new Map<string, EntitlementIntervals>();
  const holders = new Map<string, HolderIntervals>();
  const instants = [from.getTime(), ...changeInstants(input, true).filter((i) => i > from.getTime() && i < to.getTime())];
  let diagnostics: Diagnostic[] = [];
  instants.forEach((t, i) => {
    const at = new Date(t);
    const end = new Date(instants[i + 1] ?? to.getTime()).toISOString();
    const all = desire({ ...input, at });
    if (i === 0) diagnostics = all.diagnostics;
    const why = views.map((v) => ({ kind: v.kind, wanted: desire({ ...v.input, at }) }));
    for (const [key, e] of all.teams) {
      let entry = entitlements.get(key);
      if (!entry) {
        entry = { target: e.target, org: e.org, ...(e.kind === 'repository' ? { repository: e.repository } : { team: e.team }), holders: [], ...(e.unknownRotations.length > 0 ? { unknown: [...e.unknownRotations] } : {}) };
        entitlements.set(key, entry);
      }
      for (const [login, h] of e.holders) {
        const kind = why.find((w) => held(w.wanted, key, login))!.kind;
        let holder = holders.get(`${key}\0${login}`);
        if (!holder) {
          holder = { login: h.login, intervals: [] };
          holders.set(`${key}\0${login}`, holder);
          entry.holders.push(holder);
        }
        const last = holder.intervals.at(-1);
        if (last && last.end === at.toISOString() && last.kind === kind && last.role === h.role) last.end = end;
        else holder.intervals.push({ kind, start: at.toISOString(), end, role: h.role });
      }
    }
  });
  const firstStart = (h: HolderIntervals): string => h.intervals[0]!.start;
  const sorted = [...entitlements.values()]
    .map((e) => ({ ...e, holders: e.holders.sort((a, b) => firstStart(a).localeCompare(firstStart(b)) || a.login.localeCompare(b.login)) }))
    .sort((a, b) => `${a.target}\0${a.org}\0${a.team ?? a.repository}`.localeCompare(`${b.target}\0${b.org}\0${b.team ?? b.repository}`));
  return { timeline: { from: from.toISOString(), to: to.toISOString(), entitlements: sorted }, diagnostics };
}

function held(wanted: Desired, key: string, login: string): boolean {
  return wanted.teams.get(key)?.holders.has(login) === true;
}
