/**
 * The world a PagerDuty emulator serves: users, schedules (their rendered layer entries plus
 * overrides, from which the final schedule is computed) and escalation policies, and the
 * on-call computation PagerDuty's `/oncalls` performs over them. Pure data, no HTTP.
 */

/** A user as seeded. PagerDuty always has an email; leaving it out models a broken answer. */
export interface PagerDutyUserSeed {
  id: string;
  name: string;
  email?: string;
  /** IANA zone; default `UTC`. */
  timeZone?: string;
}

/** `userId` on call over `[start, end)`; instants as `Date` or ISO strings with `Z` or an offset. */
export interface PagerDutyShiftSeed {
  userId: string;
  start: string | Date;
  end: string | Date;
}

/** A schedule: its layers already rendered to entries, plus overrides applied on top. */
export interface PagerDutyScheduleSeed {
  id: string;
  name: string;
  /** IANA zone; default `UTC`. */
  timeZone?: string;
  /** The rendered layers: who the rotation puts on call, before overrides. Must not overlap. */
  entries: PagerDutyShiftSeed[];
  /** Replacements: each gives its interval to its user, whoever the layers had. Must not overlap. */
  overrides?: PagerDutyShiftSeed[];
}

/** An escalation rule target: a schedule, or a user (who is then permanently on call). */
export type PagerDutyTargetSeed = { schedule: string } | { user: string };

/** An escalation policy: `levels[0]` is escalation level 1. */
export interface PagerDutyEscalationPolicySeed {
  id: string;
  name: string;
  levels: PagerDutyTargetSeed[][];
}

/** One incident, routed through an escalation policy. */
export interface PagerDutyIncidentSeed {
  /** `incident_number`; unique. */
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  /** The escalation policy's id. */
  escalationPolicy: string;
  /** Ids of the users it is assigned to (none once resolved). */
  assignees: string[];
  /** Ids of the users who acknowledged it. */
  acknowledgers?: string[];
}

/** Everything a PagerDuty emulator starts with. Ids must be unique per kind. */
export interface PagerDutySeed {
  users: PagerDutyUserSeed[];
  schedules?: PagerDutyScheduleSeed[];
  escalationPolicies?: PagerDutyEscalationPolicySeed[];
  incidents?: PagerDutyIncidentSeed[];
}

/** An incident of the emulated account. */
export interface Incident {
  number: number;
  title: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  policy: EscalationPolicy;
  assignees: User[];
  acknowledgers: User[];
}

/** A user of the emulated account. */
export interface User {
  id: string;
  name: string;
  email?: string;
  timeZone: string;
}

/** Someone on call over `[start, end)`, epoch milliseconds. */
export interface Span {
  user: User;
  start: number;
  end: number;
}

/** A schedule with its final (overrides applied) entries, sorted by start, never overlapping. */
export interface Schedule {
  id: string;
  name: string;
  timeZone: string;
  layer: Span[];
  overrides: Span[];
  final: Span[];
}

/** An escalation rule's resolved target. */
export type Target = { kind: 'schedule'; schedule: Schedule } | { kind: 'user'; user: User };

/** An escalation policy with resolved targets; `levels[0]` is level 1. */
export interface EscalationPolicy {
  id: string;
  name: string;
  levels: Target[][];
}

/**
 * One `/oncalls` entry: a user on call for a policy at a level. `schedule`, `start` and `end`
 * are absent for a permanent on-call (a user targeted directly by the rule).
 */
export interface OnCall {
  user: User;
  policy: EscalationPolicy;
  level: number;
  schedule?: Schedule;
  start?: number;
  end?: number;
}

/**
 * `/oncalls` filters. An absent id set does not filter. In `scheduleIds`, `null` selects
 * permanent on-calls, as PagerDuty's `schedule_ids[]=null` does.
 */
export interface OnCallFilter {
  since: number;
  until: number;
  userIds?: ReadonlySet<string>;
  policyIds?: ReadonlySet<string>;
  scheduleIds?: ReadonlySet<string | null>;
  earliest: boolean;
}

/** The seeded world; the constructor throws on a seed PagerDuty could not be in. */
export class PagerDutyState {
  readonly users = new Map<string, User>();
  readonly schedules = new Map<string, Schedule>();
  readonly policies = new Map<string, EscalationPolicy>();
  /** Incidents in seed order, by number. */
  readonly incidents = new Map<number, Incident>();

  constructor(seed: PagerDutySeed) {
    for (const u of seed.users) {
      unique(this.users, u.id, 'user');
      this.users.set(u.id, { id: u.id, name: u.name, timeZone: u.timeZone ?? 'UTC', ...(u.email === undefined ? {} : { email: u.email }) });
    }
    for (const s of seed.schedules ?? []) {
      unique(this.schedules, s.id, 'schedule');
      this.schedules.set(s.id, this.schedule(s));
    }
    for (const p of seed.escalationPolicies ?? []) {
      unique(this.policies, p.id, 'escalation policy');
      this.policies.set(p.id, { id: p.id, name: p.name, levels: p.levels.map((targets) => targets.map((t) => this.target(t, p.id))) });
    }
    for (const i of seed.incidents ?? []) {
      if (this.incidents.has(i.number)) throw new Error(`duplicate incident number ${i.number}`);
      const policy = this.policies.get(i.escalationPolicy);
      if (policy === undefined) throw new Error(`incident ${i.number}: unknown escalation policy ${i.escalationPolicy}`);
      const what = `incident ${i.number}`;
      this.incidents.set(i.number, { number: i.number, title: i.title, status: i.status, policy, assignees: i.assignees.map((u) => this.user(u, what)), acknowledgers: (i.acknowledgers ?? []).map((u) => this.user(u, what)) });
    }
  }

  /** The policies with a rule targeting `schedule`, in seed order. */
  policiesUsing(schedule: Schedule): EscalationPolicy[] {
    return [...this.policies.values()].filter((p) => p.levels.some((targets) => targets.some((t) => t.kind === 'schedule' && t.schedule === schedule)));
  }

  /**
   * The on-calls matching `filter`, ordered by policy (seed order), level, then start. Only
   * schedules some policy uses appear, as in PagerDuty: on-calls exist per policy and level.
   */
  onCalls(filter: OnCallFilter): OnCall[] {
    const all = [...this.policies.values()].flatMap((policy) =>
      policy.levels.flatMap((targets, i) => targets.flatMap((target) => this.targetOnCalls(policy, i + 1, target, filter))),
    );
    const matching = all.filter((o) => matches(o, filter));
    return filter.earliest ? earliestOnly(matching) : matching;
  }

  private targetOnCalls(policy: EscalationPolicy, level: number, target: Target, filter: OnCallFilter): OnCall[] {
    if (target.kind === 'user') return [{ user: target.user, policy, level }];
    const { schedule } = target;
    return overlapping(schedule.final, filter.since, filter.until).map((s) => ({ user: s.user, policy, level, schedule, start: s.start, end: s.end }));
  }

  private schedule(seed: PagerDutyScheduleSeed): Schedule {
    const layer = this.spans(seed.entries, `schedule ${seed.id} entries`);
    const overrides = this.spans(seed.overrides ?? [], `schedule ${seed.id} overrides`);
    return { id: seed.id, name: seed.name, timeZone: seed.timeZone ?? 'UTC', layer, overrides, final: applyOverrides(layer, overrides) };
  }

  /** Seed shifts as sorted spans; throws on an unknown user, a bad instant, an empty or overlapping span. */
  private spans(seeds: readonly PagerDutyShiftSeed[], what: string): Span[] {
    const spans = seeds
      .map((s) => ({ user: this.user(s.userId, what), start: instant(s.start, what), end: instant(s.end, what) }))
      .sort((a, b) => a.start - b.start);
    for (const [i, s] of spans.entries()) {
      if (s.end <= s.start) throw new Error(`${what}: a shift of ${s.user.id} ends before it starts`);
      const next = spans[i + 1];
      if (next !== undefined && next.start < s.end) throw new Error(`${what}: shifts of ${s.user.id} and ${next.user.id} overlap`);
    }
    return spans;
  }

  private target(seed: PagerDutyTargetSeed, policyId: string): Target {
    if ('user' in seed) return { kind: 'user', user: this.user(seed.user, `escalation policy ${policyId}`) };
    const schedule = this.schedules.get(seed.schedule);
    if (schedule === undefined) throw new Error(`escalation policy ${policyId}: unknown schedule ${seed.schedule}`);
    return { kind: 'schedule', schedule };
  }

  private user(id: string, what: string): User {
    const user = this.users.get(id);
    if (user === undefined) throw new Error(`${what}: unknown user ${id}`);
    return user;
  }
}

function unique(map: ReadonlyMap<string, unknown>, id: string, kind: string): void {
  if (map.has(id)) throw new Error(`duplicate ${kind} id ${id}`);
}

function instant(value: string | Date, what: string): number {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new Error(`${what}: ${String(value)} is not an instant`);
  return ms;
}

/**
 * The spans overlapping `[since, until)`; when `since === until`, those containing that
 * instant (PagerDuty's "who is on call now").
 */
export function overlapping(spans: readonly Span[], since: number, until: number): Span[] {
  const end = Math.max(until, since + 1);
  return spans.filter((s) => s.start < end && s.end > since);
}

/** `spans` cut to `[since, until)`. */
export function clip(spans: readonly Span[], since: number, until: number): Span[] {
  return overlapping(spans, since, until).map((s) => ({ ...s, start: Math.max(s.start, since), end: Math.min(s.end, Math.max(until, since + 1)) }));
}

/** The final schedule: `layer` with every override's interval given to the override's user. */
export function applyOverrides(layer: readonly Span[], overrides: readonly Span[]): Span[] {
  const remaining = overrides.reduce<Span[]>((spans, o) => spans.flatMap((s) => subtract(s, o)), [...layer]);
  return [...remaining, ...overrides].sort((a, b) => a.start - b.start);
}

/** The parts of `s` outside `o`: none, one or two spans. */
function subtract(s: Span, o: Span): Span[] {
  if (o.end <= s.start || o.start >= s.end) return [s];
  return [
    ...(o.start > s.start ? [{ ...s, end: o.start }] : []),
    ...(o.end < s.end ? [{ ...s, start: o.end }] : []),
  ];
}

function matches(o: OnCall, f: OnCallFilter): boolean {
  return (
    (f.userIds === undefined || f.userIds.has(o.user.id)) &&
    (f.policyIds === undefined || f.policyIds.has(o.policy.id)) &&
    (f.scheduleIds === undefined || f.scheduleIds.has(o.schedule?.id ?? null))
  );
}

/** The earliest on-call of each (policy, level, user); a permanent one counts as earliest. */
function earliestOnly(onCalls: readonly OnCall[]): OnCall[] {
  const first = new Map<string, OnCall>();
  for (const o of onCalls) {
    const key = `${o.policy.id}\u0000${o.level}\u0000${o.user.id}`;
    const seen = first.get(key);
    if (seen === undefined || (o.start ?? -Infinity) < (seen.start ?? -Infinity)) first.set(key, o);
  }
  const kept = new Set(first.values());
  return onCalls.filter((o) => kept.has(o));
}

/**
 * PagerDuty's REST API rate limit, for benchmarks: 960 requests per minute per API key
 * (PagerDuty's "REST API Rate Limits"), counted over a sliding minute. `timeScale` shrinks the
 * minute (20: it lasts 3 s).
 */
export interface PagerDutyRateLimitOptions {
  /** Default 960. */
  perMinute?: number;
  /** Default 1. */
  timeScale?: number;
  /** Clock in milliseconds; default `performance.now`. */
  now?: () => number;
}

/** The decision on one request, with the values of PagerDuty's `ratelimit-*` headers. */
export interface PagerDutyRateDecision {
  ok: boolean;
  limit: number;
  remaining: number;
  /** Seconds until a request would be admitted again (0 when admitted). */
  resetSeconds: number;
}

/** Counts requests over a sliding (scaled) minute; refused requests are not counted. */
export class PagerDutyRateLimiter {
  private readonly times: number[] = [];
  private head = 0;
  private readonly perMinute: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  /** Requests refused so far. */
  refused = 0;
  /** Most requests admitted in any one window. */
  peak = 0;

  constructor(o: PagerDutyRateLimitOptions = {}) {
    this.perMinute = o.perMinute ?? 960;
    this.windowMs = 60_000 / (o.timeScale ?? 1);
    this.now = o.now ?? (() => performance.now());
  }

  admit(): PagerDutyRateDecision {
    const now = this.now();
    while (this.head < this.times.length && this.times[this.head]! <= now - this.windowMs) this.head += 1;
    const used = this.times.length - this.head;
    if (used >= this.perMinute) {
      this.refused += 1;
      const oldest = this.times[this.head]!;
      return { ok: false, limit: this.perMinute, remaining: 0, resetSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    this.times.push(now);
    this.peak = Math.max(this.peak, used + 1);
    return { ok: true, limit: this.perMinute, remaining: this.perMinute - used - 1, resetSeconds: 0 };
  }
}
