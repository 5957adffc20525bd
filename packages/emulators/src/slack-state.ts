/**
 * The Slack emulator's world: one workspace's users and user groups, the rules Slack applies
 * when a group's member list is replaced, and the per-method rate-limit tiers. No HTTP here:
 * `slack.ts` serves it.
 */

/** One user of the workspace. */
export interface SlackUserSeed {
  /** `U...` or `W...` (Enterprise Grid), as Slack encodes user ids. */
  id: string;
  /** The `name` (legacy username). */
  name: string;
  /** `profile.email`; bots and some guests have none. */
  email?: string;
  realName?: string;
  /** Deactivated: `deleted: true`. Still listed and looked up, never a valid group member. */
  deleted?: boolean;
  /** A bot user (`is_bot`): never a valid group member. */
  isBot?: boolean;
}

/** One user group (a "subteam" in Slack's objects). */
export interface SlackUsergroupSeed {
  /** `S...`. */
  id: string;
  /** The mention handle without `@`: `payments-oncall`. */
  handle: string;
  /** Default: the handle. */
  name?: string;
  description?: string;
  /** Member user ids, in order. */
  users?: readonly string[];
  /** A disabled group (`date_delete` set): listed only with `include_disabled`. */
  disabled?: boolean;
  /** `date_update` in epoch seconds; default the emulator's start. */
  dateUpdate?: number;
}

/** The workspace to serve. */
export interface SlackSeed {
  /** `T...`, nine characters or more; default `T0ACME0001`. */
  teamId?: string;
  /** The workspace's name and `<domain>.slack.com`; default `acme`. */
  teamDomain?: string;
  users: readonly SlackUserSeed[];
  usergroups: readonly SlackUsergroupSeed[];
}

/** A user as kept. */
export interface User {
  id: string;
  name: string;
  email?: string;
  realName: string;
  deleted: boolean;
  isBot: boolean;
  /** Epoch seconds of the last profile change. */
  updated: number;
}

/** A user group as kept. */
export interface Usergroup {
  id: string;
  handle: string;
  name: string;
  description: string;
  users: string[];
  dateCreate: number;
  dateUpdate: number;
  /** 0 while enabled. */
  dateDelete: number;
  createdBy: string;
  updatedBy: string;
  deletedBy: string | null;
}

/** Why a member list was refused: Slack's error codes. */
export type UpdateRefusal = 'no_such_subteam' | 'no_users_provided' | 'invalid_users';

/** The bot user every token acts as (`auth.test`'s `user_id`, `updated_by` of its writes). */
export const BOT_USER_ID = 'U0BOT00001';

/** The workspace. */
export class SlackState {
  readonly teamId: string;
  readonly teamDomain: string;
  readonly users = new Map<string, User>();
  /** By lower-cased email. */
  private readonly byEmail = new Map<string, User>();
  readonly groups = new Map<string, Usergroup>();
  /** The clock, in epoch seconds. */
  readonly nowSeconds: () => number;

  /** Throws on a seed Slack could not hold: malformed or duplicate ids, emails or handles, members that are not users. */
  constructor(seed: SlackSeed, nowSeconds: () => number) {
    this.nowSeconds = nowSeconds;
    this.teamId = seed.teamId ?? 'T0ACME0001';
    this.teamDomain = seed.teamDomain ?? 'acme';
    if (!/^T[A-Z0-9]{8,}$/.test(this.teamId)) throw new RangeError(`Slack emulator: team id "${this.teamId}" is not T followed by 8 or more capitals and digits`);
    const start = nowSeconds();
    for (const u of seed.users) {
      if (!/^[UW][A-Z0-9]{2,}$/.test(u.id)) throw new RangeError(`Slack emulator: user id "${u.id}" is not U or W followed by capitals and digits`);
      if (this.users.has(u.id)) throw new RangeError(`Slack emulator: two users have the id ${u.id}`);
      const user: User = { id: u.id, name: u.name, ...(u.email === undefined ? {} : { email: u.email }), realName: u.realName ?? u.name, deleted: u.deleted ?? false, isBot: u.isBot ?? false, updated: start };
      this.users.set(u.id, user);
      if (u.email !== undefined) {
        const key = u.email.toLowerCase();
        if (this.byEmail.has(key)) throw new RangeError(`Slack emulator: two users have the email ${u.email}`);
        this.byEmail.set(key, user);
      }
    }
    const handles = new Set<string>();
    for (const g of seed.usergroups) {
      if (!/^S[A-Z0-9]{2,}$/.test(g.id)) throw new RangeError(`Slack emulator: user group id "${g.id}" is not S followed by capitals and digits`);
      if (this.groups.has(g.id) || handles.has(g.handle)) throw new RangeError(`Slack emulator: two user groups share the id ${g.id} or the handle ${g.handle}`);
      handles.add(g.handle);
      const unknown = (g.users ?? []).find((id) => !this.users.has(id));
      if (unknown !== undefined) throw new RangeError(`Slack emulator: user group ${g.handle} has member ${unknown}, who is not a user`);
      const created = g.dateUpdate ?? start;
      this.groups.set(g.id, {
        id: g.id,
        handle: g.handle,
        name: g.name ?? g.handle,
        description: g.description ?? '',
        users: [...new Set(g.users ?? [])],
        dateCreate: created,
        dateUpdate: created,
        dateDelete: g.disabled ? created : 0,
        createdBy: BOT_USER_ID,
        updatedBy: BOT_USER_ID,
        deletedBy: g.disabled ? BOT_USER_ID : null,
      });
    }
  }

  /** The user with this email (case-insensitive), deactivated or not. */
  userByEmail(email: string): User | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  /**
   * Replaces a group's whole member list with `users` (a comma-separated list of ids, as the
   * `users` argument carries it), as `usergroups.users.update` does: refused when the group is
   * unknown, the argument absent (`no_users_provided`), or the list empty or naming anyone who is
   * not an active human user (`invalid_users`); nothing changes on a refusal. On success
   * `date_update` moves forward (strictly, even within one second).
   */
  replaceMembers(groupId: string, users: string | undefined, by: string): Usergroup | UpdateRefusal {
    const group = this.groups.get(groupId);
    if (group === undefined) return 'no_such_subteam';
    if (users === undefined) return 'no_users_provided';
    const ids = [...new Set(users.split(',').map((id) => id.trim()).filter((id) => id !== ''))];
    if (ids.length === 0) return 'invalid_users';
    if (ids.some((id) => !this.isValidMember(id))) return 'invalid_users';
    group.users = ids;
    this.touch(group, by);
    return group;
  }

  /** Disables or enables a group (`date_delete` set or cleared); `undefined` when there is no such group. */
  setEnabled(groupId: string, enabled: boolean, by: string): Usergroup | undefined {
    const group = this.groups.get(groupId);
    if (group === undefined) return undefined;
    group.dateDelete = enabled ? 0 : this.nowSeconds();
    group.deletedBy = enabled ? null : by;
    this.touch(group, by);
    return group;
  }

  /** Deactivates a user, as an admin would; their group memberships stay, as Slack keeps them. */
  deactivate(userId: string): void {
    const user = this.users.get(userId);
    if (user === undefined) throw new RangeError(`Slack emulator: no user ${userId}`);
    user.deleted = true;
    user.updated = this.nowSeconds();
  }

  private isValidMember(id: string): boolean {
    const user = this.users.get(id);
    return user !== undefined && !user.deleted && !user.isBot;
  }

  private touch(group: Usergroup, by: string): void {
    group.dateUpdate = Math.max(this.nowSeconds(), group.dateUpdate + 1);
    group.updatedBy = by;
  }
}

/** Slack's rate-limit tiers: requests per minute per method, per workspace and app. */
export const SLACK_TIERS = { 1: 1, 2: 20, 3: 50, 4: 100 } as const;

/** The tier of each emulated method, as Slack's method reference gives it (auth.test is "special": served as tier 4). */
export const METHOD_TIERS: Readonly<Record<string, keyof typeof SLACK_TIERS>> = {
  'auth.test': 4,
  'usergroups.list': 2,
  'usergroups.users.list': 4,
  'usergroups.users.update': 2,
  'usergroups.enable': 2,
  'usergroups.disable': 2,
  'users.list': 2,
  'users.lookupByEmail': 3,
};

/** How the emulator enforces the tiers. */
export interface SlackRateLimitOptions {
  /**
   * How much faster than real time the window runs: 60 makes a minute one second, so a tier-2
   * method admits 20 requests a second. Default 1. `Retry-After` is in whole seconds of the
   * scaled window, at least 1.
   */
  timeScale?: number;
  /** Requests per (scaled) minute by method, overriding the method's tier. */
  perMinute?: Readonly<Record<string, number>>;
  /** Clock in milliseconds; default `performance.now`. */
  now?: () => number;
}

/** What the limiter has seen: refusals per method, and the most requests admitted in one window per method. */
export interface SlackRateStats {
  refused: Record<string, number>;
  peakPerMinute: Record<string, number>;
}

/** A sliding (scaled) minute per method; refused requests are not counted. */
export class SlackRateLimiter {
  private readonly windows = new Map<string, number[]>();
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly stats: SlackRateStats = { refused: {}, peakPerMinute: {} };

  constructor(private readonly o: SlackRateLimitOptions = {}) {
    const scale = o.timeScale ?? 1;
    if (!(scale > 0)) throw new RangeError('Slack emulator: rateLimits.timeScale must be positive');
    this.windowMs = 60_000 / scale;
    this.now = o.now ?? (() => performance.now());
  }

  /** The limit of `method` per window. */
  limit(method: string): number {
    return this.o.perMinute?.[method] ?? SLACK_TIERS[METHOD_TIERS[method] ?? 4];
  }

  /** Admits one call of `method` now, or says how many whole seconds to wait. */
  admit(method: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const times = (this.windows.get(method) ?? []).filter((t) => t > now - this.windowMs);
    this.windows.set(method, times);
    if (times.length >= this.limit(method)) {
      this.stats.refused[method] = (this.stats.refused[method] ?? 0) + 1;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + this.windowMs - now) / 1000)) };
    }
    times.push(now);
    this.stats.peakPerMinute[method] = Math.max(this.stats.peakPerMinute[method] ?? 0, times.length);
    return { ok: true };
  }

  /** A copy of the statistics so far. */
  snapshot(): SlackRateStats {
    return { refused: { ...this.stats.refused }, peakPerMinute: { ...this.stats.peakPerMinute } };
  }
}
