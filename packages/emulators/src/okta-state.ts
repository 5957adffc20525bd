/**
 * The Okta emulator's world: users, groups, group rules, who is in which group (directly or by a
 * rule), and the per-endpoint and concurrency rate limits. Kept apart from the HTTP layer
 * (`okta.ts`) so that tests and the demo can change the world between requests.
 */

/** A user's lifecycle status (`UserStatus`). Only `ACTIVE` users can sign in. */
export type OktaUserStatus = 'STAGED' | 'PROVISIONED' | 'ACTIVE' | 'RECOVERY' | 'PASSWORD_EXPIRED' | 'LOCKED_OUT' | 'SUSPENDED' | 'DEPROVISIONED';

/** What a group is (`GroupType`): only `OKTA_GROUP` memberships can be written through the API. */
export type OktaGroupType = 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN';

/** One user to serve. */
export interface OktaUserSeed {
  /** An Okta id (`00u...`). */
  id: string;
  /** The sign-in name, an email by default shape; unique, compared without case. */
  login: string;
  /** Default: the login. */
  email?: string;
  firstName?: string;
  lastName?: string;
  /** Default `ACTIVE`. */
  status?: OktaUserStatus;
  /** More profile attributes (what group rules test: `department`, `title`...). */
  profile?: Record<string, string>;
}

/** One group to serve. */
export interface OktaGroupSeed {
  /** An Okta id (`00g...`). */
  id: string;
  name: string;
  description?: string;
  /** Default `OKTA_GROUP`. */
  type?: OktaGroupType;
  /** Ids of the users assigned directly (not by a rule). */
  members?: readonly string[];
}

/**
 * One group rule. Its expression is evaluated against user profiles in the subset the emulator
 * understands: `user.<attribute>=="<value>"` terms joined by `AND` or `OR` (AND binds tighter).
 */
export interface OktaRuleSeed {
  /** An Okta id (`0pr...`). */
  id: string;
  name: string;
  /** Default `ACTIVE`; an inactive rule assigns nobody. */
  status?: 'ACTIVE' | 'INACTIVE';
  expression: string;
  /** The groups it assigns matching users to. */
  groupIds: readonly string[];
  /** Ids of users the rule leaves out (`conditions.people.users.exclude`). */
  exclude?: readonly string[];
}

/** A user as held. */
export interface OktaUser {
  id: string;
  login: string;
  status: OktaUserStatus;
  profile: Record<string, string>;
  created: number;
}

/** A group as held. */
export interface OktaGroup {
  id: string;
  name: string;
  description: string;
  type: OktaGroupType;
  /** Users assigned directly, in assignment order. */
  direct: string[];
  created: number;
  lastMembershipUpdated: number;
}

/** A rule as held. */
export interface OktaRule {
  id: string;
  name: string;
  status: 'ACTIVE' | 'INACTIVE';
  expression: string;
  groupIds: string[];
  exclude: string[];
  created: number;
}

/** One `user.<attribute>=="<value>"` term. */
interface Term {
  attribute: string;
  value: string;
}

const TERM = /^user\.([A-Za-z_][A-Za-z0-9_]*)\s*==\s*"([^"]*)"$/;

/**
 * The expression as alternatives of conjunctions of terms, or `undefined` when it is outside the
 * subset (parentheses, functions, other operators).
 */
export function parseRuleExpression(expression: string): Term[][] | undefined {
  const alternatives = expression.split(/\s+OR\s+/).map((alt) => alt.split(/\s+AND\s+/).map((term) => TERM.exec(term.trim())));
  if (alternatives.some((alt) => alt.some((m) => m === null))) return undefined;
  return alternatives.map((alt) => alt.map((m) => ({ attribute: (m as RegExpExecArray)[1] as string, value: (m as RegExpExecArray)[2] as string })));
}

/** The emulated org. */
export class OktaState {
  readonly users = new Map<string, OktaUser>();
  readonly groups = new Map<string, OktaGroup>();
  readonly rules: OktaRule[] = [];
  private readonly parsed = new Map<string, Term[][]>();

  /** Throws on a seed Okta could not hold: a duplicate id or login, a member or rule naming nobody, an expression outside the subset. */
  constructor(users: readonly OktaUserSeed[], groups: readonly OktaGroupSeed[], rules: readonly OktaRuleSeed[], readonly now: () => number) {
    const created = now() - 86_400_000 * 30;
    for (const u of users) {
      if (this.users.has(u.id) || this.userBy(u.login) !== undefined) throw new RangeError(`two users share the id ${u.id} or the login ${u.login}`);
      this.users.set(u.id, {
        id: u.id,
        login: u.login,
        status: u.status ?? 'ACTIVE',
        profile: { firstName: u.firstName ?? u.login.split('@')[0] ?? u.login, lastName: u.lastName ?? 'Example', email: u.email ?? u.login, login: u.login, ...u.profile },
        created,
      });
    }
    for (const g of groups) {
      if (this.groups.has(g.id) || [...this.groups.values()].some((h) => h.name === g.name)) throw new RangeError(`two groups share the id ${g.id} or the name ${g.name}`);
      for (const m of g.members ?? []) if (!this.users.has(m)) throw new RangeError(`group "${g.name}": no user ${m}`);
      this.groups.set(g.id, { id: g.id, name: g.name, description: g.description ?? '', type: g.type ?? 'OKTA_GROUP', direct: [...new Set(g.members ?? [])], created, lastMembershipUpdated: created });
    }
    for (const r of rules) {
      const terms = parseRuleExpression(r.expression);
      if (terms === undefined) throw new RangeError(`rule "${r.name}": the emulator does not understand ${r.expression}`);
      for (const id of r.groupIds) if (!this.groups.has(id)) throw new RangeError(`rule "${r.name}": no group ${id}`);
      this.parsed.set(r.id, terms);
      this.rules.push({ id: r.id, name: r.name, status: r.status ?? 'ACTIVE', expression: r.expression, groupIds: [...r.groupIds], exclude: [...(r.exclude ?? [])], created });
    }
  }

  /** The user with this id, or login (any case). */
  userBy(idOrLogin: string): OktaUser | undefined {
    return this.users.get(idOrLogin) ?? [...this.users.values()].find((u) => u.login.toLowerCase() === idOrLogin.toLowerCase());
  }

  /** The active rules that put `user` in `group`. */
  rulesFor(groupId: string, user: OktaUser): OktaRule[] {
    return this.rules.filter(
      (r) =>
        r.status === 'ACTIVE' &&
        r.groupIds.includes(groupId) &&
        !r.exclude.includes(user.id) &&
        (this.parsed.get(r.id) as Term[][]).some((alt) => alt.every((term) => user.profile[term.attribute] === term.value)),
    );
  }

  /** The group's members in a stable order: direct assignments first, then rule-made ones. */
  members(groupId: string): OktaUser[] {
    const group = this.groups.get(groupId);
    if (group === undefined) return [];
    const direct = group.direct.map((id) => this.users.get(id) as OktaUser);
    const byRule = [...this.users.values()].filter((u) => !group.direct.includes(u.id) && this.rulesFor(groupId, u).length > 0);
    return [...direct, ...byRule];
  }

  /** Assigns directly; true when the user was not a direct member. */
  assign(groupId: string, userId: string): boolean {
    const group = this.groups.get(groupId) as OktaGroup;
    if (group.direct.includes(userId)) return false;
    group.direct.push(userId);
    group.lastMembershipUpdated = this.now();
    return true;
  }

  /** Removes a direct assignment; true when there was one. */
  unassign(groupId: string, userId: string): boolean {
    const group = this.groups.get(groupId) as OktaGroup;
    const i = group.direct.indexOf(userId);
    if (i < 0) return false;
    group.direct.splice(i, 1);
    group.lastMembershipUpdated = this.now();
    return true;
  }
}

/** Rate limits of one emulated org. */
export interface OktaRateLimits {
  /** Requests per window for each endpoint not named in `perEndpoint`; default 600. */
  limit?: number;
  /** Requests per window for an endpoint, by its bucket name (`GET /api/v1/groups/{groupId}/users`...). */
  perEndpoint?: Readonly<Record<string, number>>;
  /** Window length in milliseconds; default 60 000 (Okta's minute). */
  windowMs?: number;
  /** Requests in flight at once for the org; default 75. */
  concurrent?: number;
}

/** The limiter's answer for one request. */
export interface OktaRateDecision {
  /** The `X-Rate-Limit-*` headers to send. */
  headers: Record<string, string>;
  /** Why the request is refused (`rate limit`, `concurrency limit`), or `undefined` when admitted. */
  refused?: string;
  /** Call once the response is sent (admitted requests only). */
  release?: () => void;
}

interface Window {
  start: number;
  used: number;
}

/**
 * Okta's limits: a fixed window per endpoint bucket (the window starts with its first request;
 * refused requests do not count) and a cap on requests in flight for the whole org. Every
 * decision carries the headers Okta sends: `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` (epoch
 * seconds of the window's end); a concurrency refusal names the concurrency limit instead.
 */
export class OktaRateLimiter {
  private readonly windows = new Map<string, Window>();
  private inFlight = 0;
  /** Requests refused, by reason. */
  readonly refused = { rate: 0, concurrency: 0 };

  constructor(
    private readonly limits: OktaRateLimits,
    private readonly now: () => number,
  ) {}

  admit(bucket: string): OktaRateDecision {
    const limit = this.limits.perEndpoint?.[bucket] ?? this.limits.limit ?? 600;
    const windowMs = this.limits.windowMs ?? 60_000;
    const now = this.now();
    let w = this.windows.get(bucket);
    if (w === undefined || now >= w.start + windowMs) {
      w = { start: now, used: 0 };
      this.windows.set(bucket, w);
    }
    const reset = String(Math.ceil((w.start + windowMs) / 1000));
    if (w.used >= limit) {
      this.refused.rate += 1;
      return { headers: rateHeaders(limit, 0, reset), refused: 'rate limit' };
    }
    const concurrent = this.limits.concurrent ?? 75;
    if (this.inFlight >= concurrent) {
      this.refused.concurrency += 1;
      return { headers: rateHeaders(concurrent, 0, String(Math.ceil(now / 1000) + 1)), refused: 'concurrency limit' };
    }
    w.used += 1;
    this.inFlight += 1;
    let released = false;
    return {
      headers: rateHeaders(limit, limit - w.used, reset),
      release: () => {
        if (!released) this.inFlight -= 1;
        released = true;
      },
    };
  }
}

function rateHeaders(limit: number, remaining: number, reset: string): Record<string, string> {
  return { 'x-rate-limit-limit': String(limit), 'x-rate-limit-remaining': String(remaining), 'x-rate-limit-reset': reset };
}
