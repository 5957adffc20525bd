/**
 * intervals: who holds each managed entitlement over a span, as intervals, each saying why it is
 * held (a shift, the window before or after one, an access request, static membership). The
 * picture a timeline chart draws. Pure.
 *
 * Like `timeline`, it evaluates `desire` at every instant where what is wanted can change and
 * holds the answer until the next one, with the kinds of reason `desire` gives each holding. It
 * does so one profile at a time (see {@link heldIntervals}).
 */
import type { Diagnostic } from './diagnostics.js';
import { desire, HOLDING_KINDS, type DesireInput, type HoldingKind } from './desire.js';
import { entitlementName, levelRank, refOf, type EntitlementRef, type KindSpec } from './entitlement.js';
import { bindingKey } from './shift.js';

/** One stretch of one holding, with one reason and one level throughout. */
export interface HeldInterval {
  kind: HoldingKind;
  /** ISO instant the stretch starts, at or after the span's `from`. */
  start: string;
  /** ISO instant it ends, at or before the span's `to` (the span's end when it runs on). */
  end: string;
  /** The level held (GitHub: the team role, or the repository permission): the highest any reason asks for. */
  level: string;
}

/** One login's stretches of one entitlement, in order, never overlapping or touching with the same kind and level. */
export interface HolderIntervals {
  login: string;
  intervals: HeldInterval[];
}

/** A managed entitlement and who holds it when; `entitlementName` names it. */
export interface EntitlementIntervals extends EntitlementRef {
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
  /** Every managed entitlement, held or not, sorted by target and name (as its kind declares it read). */
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

/** One login's stretches of one entitlement (by `entitlementKey`) that one profile gives. */
interface ProfileStretches {
  key: string;
  login: string;
  intervals: HeldInterval[];
}

/**
 * The stretches `input` (one profile, with its requests) gives over `[from, to)`: `desire` at
 * each instant where that can change, each holding named by the first of {@link HOLDING_KINDS}
 * among the kinds of its reasons.
 */
function stretchesOf(input: Omit<DesireInput, 'at'>, from: Date, to: Date): ProfileStretches[] {
  const out = new Map<string, ProfileStretches>();
  const instants = [from.getTime(), ...changeInstants(input, true).filter((i) => i > from.getTime() && i < to.getTime())];
  instants.forEach((t, i) => {
    const at = new Date(t).toISOString();
    const end = new Date(instants[i + 1] ?? to.getTime()).toISOString();
    for (const [key, e] of desire({ ...input, at: new Date(t) }).entitlements) {
      for (const [login, h] of e.holders) {
        const kind = HOLDING_KINDS.find((k) => h.reasonKinds.includes(k))!;
        const entry = out.get(`${key}\0${login}`) ?? { key, login: h.login, intervals: [] };
        out.set(`${key}\0${login}`, entry);
        const last = entry.intervals.at(-1);
        if (last && last.end === at && last.kind === kind && last.level === h.level) last.end = end;
        else entry.intervals.push({ kind, start: at, end, level: h.level });
      }
    }
  });
  return [...out.values()];
}

/**
 * Several profiles' stretches of one holding as one list: over each piece of time the first kind
 * of {@link HOLDING_KINDS} any of them gives, at the highest level any asks for (as `spec`, the
 * entitlement's kind, ranks levels).
 */
function combine(lists: readonly HeldInterval[][], spec: KindSpec): HeldInterval[] {
  if (lists.length === 1) return lists[0]!;
  const all = lists.flat();
  const cuts = [...new Set(all.flatMap((i) => [i.start, i.end]))].sort();
  const out: HeldInterval[] = [];
  cuts.slice(0, -1).forEach((start, n) => {
    const end = cuts[n + 1]!;
    const here = all.filter((i) => i.start <= start && start < i.end);
    if (here.length === 0) return;
    const kind = HOLDING_KINDS.find((k) => here.some((i) => i.kind === k))!;
    const level = here.map((i) => i.level).reduce((a, b) => (levelRank(spec, b) > levelRank(spec, a) ? b : a));
    const last = out.at(-1);
    if (last && last.end === start && last.kind === kind && last.level === level) last.end = end;
    else out.push({ kind, start, end, level });
  });
  return out;
}

/**
 * Who holds each managed entitlement over `[from, to)`, in stretches of one kind and level (see
 * {@link HoldingKind}; when several reasons hold at once the first of {@link HOLDING_KINDS}
 * names the stretch, and the level is the highest any asks for), with the diagnostics `desire`
 * gives at `from`. Stretches are cut at the span's ends. Every entitlement a profile manages is
 * listed, held or not. What one profile wants does not depend on the others, so each profile is
 * followed on its own and the results combined: the cost grows with the profiles, not with
 * their square.
 */
export function heldIntervals(input: Omit<DesireInput, 'at'>, from: Date, to: Date): { timeline: AccessTimeline; diagnostics: Diagnostic[] } {
  const start = desire({ ...input, at: from });
  const byHolding = new Map<string, { key: string; login: string; lists: HeldInterval[][] }>();
  for (const p of input.profiles) {
    const one = { ...input, profiles: [p], requests: (input.requests ?? []).filter((r) => r.profile === p.name) };
    for (const s of stretchesOf(one, from, to)) {
      const id = `${s.key}\0${s.login.toLowerCase()}`;
      const seen = byHolding.get(id) ?? { key: s.key, login: s.login, lists: [] };
      seen.lists.push(s.intervals);
      byHolding.set(id, seen);
    }
  }
  const entitlements = new Map<string, EntitlementIntervals>();
  for (const [key, e] of start.entitlements) {
    entitlements.set(key, { ...refOf(e), holders: [], ...(e.unknownRotations.length > 0 ? { unknown: [...e.unknownRotations] } : {}) });
  }
  for (const h of byHolding.values()) entitlements.get(h.key)!.holders.push({ login: h.login, intervals: combine(h.lists, start.entitlements.get(h.key)!.spec) });
  const firstStart = (h: HolderIntervals): string => h.intervals[0]!.start;
  const sorted = [...entitlements.values()]
    .map((e) => ({ ...e, holders: e.holders.sort((a, b) => firstStart(a).localeCompare(firstStart(b)) || a.login.localeCompare(b.login)) }))
    .sort((a, b) => `${a.target}\0${entitlementName(a, input.kinds[a.kind])}`.localeCompare(`${b.target}\0${entitlementName(b, input.kinds[b.kind])}`));
  return { timeline: { from: from.toISOString(), to: to.toISOString(), entitlements: sorted }, diagnostics: start.diagnostics };
}
