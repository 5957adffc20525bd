/**
 * The GitHub emulator's world: organisations, their members, teams (with parents), pending
 * invitations, and rate-limit counters. Pure data and rules, no HTTP: the REST routes and the
 * GraphQL resolvers both read and change it through this module.
 *
 * Like GitHub, logins, organisation names and team slugs are matched case-insensitively and
 * reported with the case they were created with.
 */
import type { RepoSeed } from './github-collaborators.js';
import type { PullRequestSeed } from './github-pulls.js';

/** A member's role on a team, as GitHub's REST API spells it. */
export type GitHubTeamRole = 'member' | 'maintainer';

/** A team to seed. Team members must be organisation members (GitHub enforces that). */
export interface TeamSeed {
  slug: string;
  /** Display name; defaults to the slug. */
  name?: string;
  /** Slug of the parent team in the same organisation. */
  parent?: string;
  members: { login: string; role: GitHubTeamRole }[];
}

/** A pending organisation invitation to seed, granting `member` on each listed team on acceptance. */
export interface InvitationSeed {
  id: number;
  /** `null` for an invitation sent to an email address without a GitHub account. */
  login: string | null;
  email?: string;
  /** Slugs of teams in the same organisation. */
  teams: string[];
}

/** An organisation to seed. */
/** A SAML external identity: `email` is its nameId and its one emails attribute, unless `nameId` or `emails` say otherwise. */
export interface SamlIdentitySeed {
  email: string;
  login: string;
  nameId?: string | null;
  emails?: string[];
}

export interface OrgSeed {
  /** Logins of the organisation's members. */
  members: string[];
  teams: TeamSeed[];
  invitations?: InvitationSeed[];
  /** SAML single sign-on: the organisation's external identities (none: no SAML provider). */
  samlIdentities?: SamlIdentitySeed[];
  /** Emails of members in the organisation's verified domains, by login. */
  verifiedEmails?: Record<string, string[]>;
}

/** The whole world to seed. */
export interface GitHubSeed {
  /** Keyed by organisation login. */
  orgs: Record<string, OrgSeed>;
  /**
   * GitHub accounts that exist besides organisation members and invitees; a login outside all
   * of them is unknown (404). When omitted, every login is an existing account.
   */
  users?: string[];
  /** Repositories with direct collaborators (and pending invitations), keyed `owner/name`; only these have collaborator routes. */
  repos?: Record<string, RepoSeed>;
  /** Pull requests with their merge and reviews; only their repositories have the pull-request read routes. */
  pullRequests?: PullRequestSeed[];
}

/** An organisation. Maps are keyed by lower-cased login or slug. */
export interface Org {
  id: number;
  login: string;
  /** Values are logins as seeded or first added. */
  members: Map<string, string>;
  teams: Map<string, Team>;
  /** In creation order. */
  invitations: Invitation[];
  samlIdentities?: SamlIdentitySeed[];
  verifiedEmails: Map<string, string[]>;
}

/** A team. `members` holds immediate members only, in the order they were added. */
export interface Team {
  id: number;
  org: Org;
  slug: string;
  name: string;
  parent: Team | undefined;
  children: Team[];
  /** Keyed by lower-cased login. */
  members: Map<string, { login: string; role: GitHubTeamRole }>;
}

/** A pending organisation invitation. It may have no teams left (GitHub keeps it until cancelled). */
export interface Invitation {
  id: number;
  login: string | null;
  email: string | null;
  /** ISO instant. */
  createdAt: string;
  /** Login of whoever sent it. */
  inviter: string;
  /** Keyed by lower-cased slug; the role the invitee gets on acceptance. */
  teams: Map<string, { team: Team; role: GitHubTeamRole }>;
}

/** Someone holding a team membership, active or pending; what tests assert on. */
export interface TeamMember {
  login: string;
  role: GitHubTeamRole;
  state: 'active' | 'pending';
}

/** GitHub's rate-limit resources the emulator counts. */
export type RateResource = 'core' | 'graphql';

/** A rate-limit counter; `remaining` is `limit - used`, never below 0. */
export interface RateLimitSnapshot {
  limit: number;
  used: number;
  remaining: number;
  /** When the window resets, in seconds since the epoch. */
  reset: number;
}

/** Which members a GraphQL `Team.members` query lists (GitHub's `TeamMembershipType`). */
export type MembershipFilter = 'IMMEDIATE' | 'CHILD_TEAM' | 'ALL';

const RATE_LIMIT = 5000;

/**
 * The global node id of an object, the same in REST (`node_id`) and GraphQL (`id`): opaque,
 * prefixed by kind like GitHub's (`U_` user, `T_` team, `O_` organisation, `OI_` invitation).
 */
export function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`emulator:${id}`).toString('base64url')}`;
}

/** The emulator's mutable world; see the module comment for the rules it keeps. */
export class GitHubState {
  /** ISO instant the state was created; seeded invitations carry it. */
  readonly startedAt = new Date().toISOString();
  private readonly orgs = new Map<string, Org>();
  /** Extra existing accounts by lower-cased login; `undefined` when every login exists. */
  private readonly users: Map<string, string> | undefined;
  private readonly userIds = new Map<string, number>();
  private readonly rate: Record<RateResource, { used: number; reset: number }>;
  private nextId = 1;
  private nextInvitationId = 1;

  /** Builds the world from `seed`; throws on a seed GitHub could not be in. */
  constructor(
    seed: GitHubSeed,
    /** Login of the token's owner: the inviter of invitations created through the API. */
    readonly viewer: string,
  ) {
    this.users = seed.users && new Map(seed.users.map((u) => [u.toLowerCase(), u]));
    for (const [login, orgSeed] of Object.entries(seed.orgs)) this.seedOrg(login, orgSeed);
    const reset = Math.floor(Date.now() / 1000) + 3600;
    this.rate = { core: { used: 0, reset }, graphql: { used: 0, reset } };
  }

  /** The organisation, or `undefined` when there is none by that login. */
  org(login: string): Org | undefined {
    return this.orgs.get(login.toLowerCase());
  }

  /** The team, or `undefined` when the organisation or the team does not exist. */
  team(org: string, slug: string): Team | undefined {
    return this.org(org)?.teams.get(slug.toLowerCase());
  }

  /** Like {@link team} but throws, for test accessors where a typo must not pass silently. */
  requireTeam(org: string, slug: string): Team {
    const team = this.team(org, slug);
    if (team === undefined) throw new Error(`GitHub emulator: no team ${org}/${slug}`);
    return team;
  }

  /** Like {@link org} but throws. */
  requireOrg(login: string): Org {
    const org = this.org(login);
    if (org === undefined) throw new Error(`GitHub emulator: no organisation ${login}`);
    return org;
  }

  /** The account's login in its canonical case, or `undefined` when no such account exists. */
  user(login: string): string | undefined {
    const key = login.toLowerCase();
    for (const org of this.orgs.values()) {
      const member = org.members.get(key);
      if (member !== undefined) return member;
    }
    return this.users === undefined ? login : this.users.get(key);
  }

  /** A stable numeric id for an account, assigned on first use. */
  userId(login: string): number {
    const key = login.toLowerCase();
    let id = this.userIds.get(key);
    if (id === undefined) {
      id = this.nextId++;
      this.userIds.set(key, id);
    }
    return id;
  }

  /** The team and all its descendants, the team first, then breadth-first. */
  subtree(team: Team): Team[] {
    const out = [team];
    for (let i = 0; i < out.length; i++) out.push(...out[i].children);
    return out;
  }

  /**
   * Members as GraphQL's `Team.members(membership:)` lists them, each login once, immediate
   * members first. Members inherited from a child team count as `member` on this team.
   */
  listMembers(team: Team, membership: MembershipFilter): { login: string; role: GitHubTeamRole }[] {
    const immediate = [...team.members.values()];
    if (membership === 'IMMEDIATE') return immediate;
    const seen = new Set(team.members.keys());
    const inherited: { login: string; role: GitHubTeamRole }[] = [];
    for (const child of this.subtree(team).slice(1)) {
      for (const [key, m] of child.members) {
        if (!seen.has(key)) inherited.push({ login: m.login, role: 'member' });
        seen.add(key);
      }
    }
    return membership === 'ALL' ? [...immediate, ...inherited] : inherited;
  }

  /** Immediate members (`active`, in order added) followed by pending invitees (`pending`). */
  holders(team: Team): TeamMember[] {
    const active = [...team.members.values()].map((m): TeamMember => ({ ...m, state: 'active' }));
    const pending = team.org.invitations.flatMap((inv): TeamMember[] => {
      const entry = inv.teams.get(team.slug.toLowerCase());
      return entry && inv.login !== null ? [{ login: inv.login, role: entry.role, state: 'pending' }] : [];
    });
    return [...active, ...pending];
  }

  /**
   * GitHub's view of one user's membership of a team: immediate, through a pending invitation,
   * or (as `member`) through a child team, as the REST API's "get team membership" reports it.
   */
  membership(team: Team, login: string): { role: GitHubTeamRole; state: 'active' | 'pending' } | undefined {
    const key = login.toLowerCase();
    const immediate = team.members.get(key);
    if (immediate) return { role: immediate.role, state: 'active' };
    const invited = this.invitationFor(team.org, key)?.teams.get(team.slug.toLowerCase());
    if (invited) return { role: invited.role, state: 'pending' };
    return this.subtree(team).some((t) => t.members.has(key)) ? { role: 'member', state: 'active' } : undefined;
  }

  /**
   * Adds `login` (an existing account) to the team with `role`, or changes their role. An
   * organisation member becomes an active member; anyone else gets (or has extended) a pending
   * organisation invitation including the team.
   */
  setMembership(team: Team, login: string, role: GitHubTeamRole): 'active' | 'pending' {
    const key = login.toLowerCase();
    const existing = team.members.get(key);
    if (existing) {
      existing.role = role;
      return 'active';
    }
    const member = team.org.members.get(key);
    if (member !== undefined) {
      team.members.set(key, { login: member, role });
      return 'active';
    }
    let invitation = this.invitationFor(team.org, key);
    if (invitation === undefined) {
      invitation = { id: this.nextInvitationId++, login, email: null, createdAt: new Date().toISOString(), inviter: this.viewer, teams: new Map() };
      team.org.invitations.push(invitation);
    }
    invitation.teams.set(team.slug.toLowerCase(), { team, role });
    return 'pending';
  }

  /**
   * Removes `login`'s immediate membership of the team, and the team from their pending
   * invitation. The invitation itself stays, even with no teams left: on GitHub only cancelling
   * it ({@link cancelInvitation}) withdraws the offer to join the organisation.
   */
  removeMembership(team: Team, login: string): void {
    const key = login.toLowerCase();
    team.members.delete(key);
    this.invitationFor(team.org, key)?.teams.delete(team.slug.toLowerCase());
  }

  /** Withdraws an invitation; false when there is none with that id. */
  cancelInvitation(org: Org, id: number): boolean {
    const i = org.invitations.findIndex((inv) => inv.id === id);
    if (i < 0) return false;
    org.invitations.splice(i, 1);
    return true;
  }

  /** What happens when the invitee accepts: they join the organisation and the invitation's teams. */
  acceptInvitation(org: Org, login: string): void {
    const key = login.toLowerCase();
    const invitation = this.invitationFor(org, key);
    if (invitation === undefined) throw new Error(`GitHub emulator: no pending invitation for ${login} in ${org.login}`);
    org.invitations.splice(org.invitations.indexOf(invitation), 1);
    org.members.set(key, login);
    for (const { team, role } of invitation.teams.values()) team.members.set(key, { login, role });
  }

  /** Counts one request against `resource` and returns the counter after it. */
  consume(resource: RateResource): RateLimitSnapshot {
    this.rate[resource].used += 1;
    return this.rateLimit(resource);
  }

  /** The counter for `resource`, without counting anything. */
  rateLimit(resource: RateResource): RateLimitSnapshot {
    const { used, reset } = this.rate[resource];
    return { limit: RATE_LIMIT, used, remaining: Math.max(0, RATE_LIMIT - used), reset };
  }

  private invitationFor(org: Org, key: string): Invitation | undefined {
    return org.invitations.find((inv) => inv.login?.toLowerCase() === key);
  }

  private seedOrg(login: string, seed: OrgSeed): void {
    const org: Org = {
      id: this.nextId++,
      login,
      members: new Map(seed.members.map((m) => [m.toLowerCase(), m])),
      teams: new Map(),
      invitations: [],
      samlIdentities: seed.samlIdentities,
      verifiedEmails: new Map(Object.entries(seed.verifiedEmails ?? {}).map(([l, e]) => [l.toLowerCase(), e])),
    };
    this.orgs.set(login.toLowerCase(), org);
    for (const t of seed.teams) {
      const members = new Map<string, { login: string; role: GitHubTeamRole }>();
      for (const m of t.members) {
        const canonical = org.members.get(m.login.toLowerCase());
        if (canonical === undefined) throw new Error(`GitHub emulator seed: ${m.login} is on ${login}/${t.slug} but not an organisation member`);
        members.set(m.login.toLowerCase(), { login: canonical, role: m.role });
      }
      org.teams.set(t.slug.toLowerCase(), { id: this.nextId++, org, slug: t.slug, name: t.name ?? t.slug, parent: undefined, children: [], members });
    }
    for (const t of seed.teams) {
      if (t.parent === undefined) continue;
      const team = this.requireTeam(login, t.slug);
      const parent = this.requireTeam(login, t.parent);
      team.parent = parent;
      parent.children.push(team);
    }
    for (const team of org.teams.values()) {
      let steps = 0;
      for (let t = team.parent; t !== undefined; t = t.parent) {
        if (++steps > org.teams.size) throw new Error(`GitHub emulator seed: ${login}/${team.slug} is its own ancestor`);
      }
    }
    for (const inv of seed.invitations ?? []) {
      const teams = new Map(inv.teams.map((slug) => [slug.toLowerCase(), { team: this.requireTeam(login, slug), role: 'member' as const }]));
      org.invitations.push({ id: inv.id, login: inv.login, email: inv.email ?? null, createdAt: this.startedAt, inviter: this.viewer, teams });
      if (inv.login !== null) this.users?.set(inv.login.toLowerCase(), inv.login);
      this.nextInvitationId = Math.max(this.nextInvitationId, inv.id + 1);
    }
  }
}

/** A comment on an issue or pull request to seed: `repo` is `owner/name`. */
export interface IssueCommentSeed {
  repo: string;
  issue: number;
  /** Login of the author; `[bot]` logins are reported as bots. */
  user: string;
  body: string;
}

/** An issue or pull-request comment. */
export interface IssueComment {
  id: number;
  /** `owner/name` as first used. */
  repo: string;
  issue: number;
  user: string;
  body: string;
  /** ISO instants. */
  createdAt: string;
  updatedAt: string;
}

/**
 * Issue and pull-request comments, by repository and number. Repositories are not modelled:
 * any `owner/name` has comments (matched case-insensitively, like GitHub).
 */
export class IssueCommentsState {
  private readonly comments: IssueComment[] = [];
  private nextId = 1_000_001;

  constructor(seed: readonly IssueCommentSeed[] = []) {
    for (const c of seed) this.add(c.repo, c.issue, c.user, c.body);
  }

  /** The issue's comments, oldest first. */
  list(repo: string, issue: number): IssueComment[] {
    const key = repo.toLowerCase();
    return this.comments.filter((c) => c.repo.toLowerCase() === key && c.issue === issue);
  }

  /** Adds a comment and returns it. */
  add(repo: string, issue: number, user: string, body: string): IssueComment {
    const now = new Date().toISOString();
    const comment: IssueComment = { id: this.nextId++, repo, issue, user, body, createdAt: now, updatedAt: now };
    this.comments.push(comment);
    return comment;
  }

  /** The comment with `id` in `repo`, or `undefined`. */
  get(repo: string, id: number): IssueComment | undefined {
    return this.comments.find((c) => c.id === id && c.repo.toLowerCase() === repo.toLowerCase());
  }

  /** Replaces the body of an existing comment. */
  update(comment: IssueComment, body: string): IssueComment {
    comment.body = body;
    comment.updatedAt = new Date().toISOString();
    return comment;
  }
}

/** A GitHub App to seed: its id, the public half of its key, and its installations. */
export interface AppSeed {
  id: number;
  /** PEM (SPKI) public key matching the private key the App signs its JWTs with. */
  publicKey: string;
  /** The installation token each installation id hands out. */
  installations: Record<string, string>;
}

/**
 * GitHub's documented secondary rate limits, for benchmarks (the emulator enforces none unless
 * asked). Numbers from "Rate limits for the REST API", section "About secondary rate limits":
 * at most 100 concurrent requests (REST and GraphQL together); at most 900 points per minute for
 * REST endpoints and 2,000 for the GraphQL endpoint, where a REST GET/HEAD/OPTIONS or a GraphQL
 * query costs 1 point and a REST POST/PATCH/PUT/DELETE or a GraphQL mutation costs 5; at most 80
 * content-generating requests per minute and 500 per hour. Every write counts as
 * content-generating here (GitHub does not list which endpoints do; assuming all is the safe side).
 */
export interface GitHubRateLimitOptions {
  /**
   * How many times faster than real time the limits' minutes and hours pass: with 20 a "minute"
   * lasts 3 s, so a benchmark can run at the limit without waiting minutes. Default 1.
   */
  timeScale?: number;
  /** Default 100. */
  concurrent?: number;
  /** Default 900. */
  restPointsPerMinute?: number;
  /** Default 2000. */
  graphqlPointsPerMinute?: number;
  /** Content-generating (write) requests per minute; default 80. */
  writesPerMinute?: number;
  /** Content-generating (write) requests per hour; default 500. */
  writesPerHour?: number;
  /** The primary limit: requests per hour and resource (core, GraphQL) before 403s; default 5,000. */
  primaryPerHour?: number;
  /** Clock in milliseconds; default `performance.now`. */
  now?: () => number;
}

/** What a request is, for the secondary limits. */
export interface RateClass {
  resource: RateResource;
  /** A REST POST/PATCH/PUT/DELETE or a GraphQL mutation. */
  write: boolean;
}

/** The limiter's decision: admitted (call `release` when the response is sent) or refused. */
export type RateDecision = { ok: true; release: () => void } | { ok: false; reason: string; retryAfterMs: number };

/** Refusals by reason and the busiest moments so far. */
export interface RateLimitStats {
  /** Requests refused, by reason. */
  refused: Record<string, number>;
  /** Most requests admitted and in flight at once. */
  peakConcurrent: number;
  /** Most points spent in any one (scaled) minute, per resource, and most writes in any minute. */
  peakPointsPerMinute: Record<RateResource, number>;
  peakWritesPerMinute: number;
  /** The limits in force, after scaling defaults. */
  limits: Required<Omit<GitHubRateLimitOptions, 'now'>>;
}

/** Timestamped costs inside a sliding window, oldest first. */
class SlidingWindow {
  private readonly events: { t: number; cost: number }[] = [];
  private head = 0;
  private sum = 0;

  constructor(readonly windowMs: number) {}

  /** Total cost of the events in `(now - windowMs, now]`. */
  total(now: number): number {
    while (this.head < this.events.length && this.events[this.head]!.t <= now - this.windowMs) {
      this.sum -= this.events[this.head]!.cost;
      this.head += 1;
    }
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events.splice(0, this.head);
      this.head = 0;
    }
    return this.sum;
  }

  add(now: number, cost: number): void {
    this.events.push({ t: now, cost });
    this.sum += cost;
  }

  /** Milliseconds until `cost` more fits under `limit` (0 when it fits now). */
  waitFor(now: number, cost: number, limit: number): number {
    let excess = this.total(now) + cost - limit;
    if (excess <= 0) return 0;
    for (let i = this.head; i < this.events.length; i++) {
      excess -= this.events[i]!.cost;
      if (excess <= 0) return this.events[i]!.t + this.windowMs - now;
    }
    return this.windowMs;
  }
}

/**
 * Enforces {@link GitHubRateLimitOptions} with sliding windows: a request is refused when
 * admitting it would put a window over its limit; refused requests cost nothing.
 */
export class SecondaryRateLimiter {
  private readonly o: Required<GitHubRateLimitOptions>;
  private readonly points: Record<RateResource, SlidingWindow>;
  private readonly writesMinute: SlidingWindow;
  private readonly writesHour: SlidingWindow;
  private inFlight = 0;
  private readonly stats: Omit<RateLimitStats, 'limits'> = { refused: {}, peakConcurrent: 0, peakPointsPerMinute: { core: 0, graphql: 0 }, peakWritesPerMinute: 0 };

  constructor(options: GitHubRateLimitOptions = {}) {
    this.o = {
      timeScale: options.timeScale ?? 1,
      concurrent: options.concurrent ?? 100,
      restPointsPerMinute: options.restPointsPerMinute ?? 900,
      graphqlPointsPerMinute: options.graphqlPointsPerMinute ?? 2000,
      writesPerMinute: options.writesPerMinute ?? 80,
      writesPerHour: options.writesPerHour ?? 500,
      primaryPerHour: options.primaryPerHour ?? RATE_LIMIT,
      now: options.now ?? (() => performance.now()),
    };
    if (!(this.o.timeScale > 0)) throw new Error('GitHub emulator: rateLimits.timeScale must be positive');
    const minute = 60_000 / this.o.timeScale;
    this.points = { core: new SlidingWindow(minute), graphql: new SlidingWindow(minute) };
    this.writesMinute = new SlidingWindow(minute);
    this.writesHour = new SlidingWindow(60 * minute);
  }

  /** Decides on one request arriving now. */
  admit(c: RateClass): RateDecision {
    const now = this.o.now();
    const cost = c.write ? 5 : 1;
    const pointLimit = c.resource === 'graphql' ? this.o.graphqlPointsPerMinute : this.o.restPointsPerMinute;
    const checks: [string, number][] = [
      ['concurrent requests', this.inFlight >= this.o.concurrent ? 1000 : 0],
      [`${c.resource === 'graphql' ? 'GraphQL' : 'REST'} points per minute`, this.points[c.resource].waitFor(now, cost, pointLimit)],
      ...(c.write
        ? ([
            ['content-generating requests per minute', this.writesMinute.waitFor(now, 1, this.o.writesPerMinute)],
            ['content-generating requests per hour', this.writesHour.waitFor(now, 1, this.o.writesPerHour)],
          ] as [string, number][])
        : []),
    ];
    const refused = checks.filter(([, wait]) => wait > 0);
    if (refused.length > 0) {
      const [reason] = refused[0]!;
      this.stats.refused[reason] = (this.stats.refused[reason] ?? 0) + 1;
      return { ok: false, reason, retryAfterMs: Math.max(...refused.map(([, wait]) => wait)) };
    }
    this.points[c.resource].add(now, cost);
    this.stats.peakPointsPerMinute[c.resource] = Math.max(this.stats.peakPointsPerMinute[c.resource], this.points[c.resource].total(now));
    if (c.write) {
      this.writesMinute.add(now, 1);
      this.writesHour.add(now, 1);
      this.stats.peakWritesPerMinute = Math.max(this.stats.peakWritesPerMinute, this.writesMinute.total(now));
    }
    this.stats.peakConcurrent = Math.max(this.stats.peakConcurrent, ++this.inFlight);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (!released) this.inFlight -= 1;
        released = true;
      },
    };
  }

  /** A copy of the statistics so far. */
  snapshot(): RateLimitStats {
    const { now: _now, ...limits } = this.o;
    return { refused: { ...this.stats.refused }, peakConcurrent: this.stats.peakConcurrent, peakPointsPerMinute: { ...this.stats.peakPointsPerMinute }, peakWritesPerMinute: this.stats.peakWritesPerMinute, limits };
  }
}
