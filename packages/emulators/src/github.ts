/**
 * A local GitHub API emulator for tests, the demo and benchmarks: GitHub's GraphQL endpoint
 * (validated against the real schema) and the REST endpoints the GitHub target uses for team
 * memberships and organisation invitations (and those for comments, repositories, collaborators
 * and pull-request reviews in the `github-*` modules), with GitHub's response shapes, error bodies,
 * pagination `Link` headers and rate-limit headers. It listens on 127.0.0.1 only.
 */
import { verify } from 'node:crypto';
import { GitHubState, IssueCommentsState, nodeId, SecondaryRateLimiter, type AppSeed, type GitHubRateLimitOptions, type RateLimitStats, type IssueComment, type IssueCommentSeed, type GitHubSeed, type GitHubTeamRole, type Invitation, type Org, type RateLimitSnapshot, type RateResource, type Team, type TeamMember } from './github-state.js';
import { serveGraphQL } from './github-graphql.js';
import { RepoState, repoRoutes, type EmulatedPull } from './github-repos.js';
import { CollaboratorState, collaboratorRoutes, type Collaborator } from './github-collaborators.js';
import { PullRequestState, pullRoutes, type PullRequestSeed, type ReviewSeed } from './github-pulls.js';
import { scopedRoutes, scopeHeaders, scopedTokenOf, type ScopedToken } from './github-scopes.js';
import { startJsonServer, type Admission, type JsonRequest, type JsonResponse, type JsonServer, type Route } from './http-server.js';

export { loadGitHubSchema } from './github-graphql.js';
export type { AppPermissionLevel, ScopedToken } from './github-scopes.js';
export type { Collaborator, RepoSeed } from './github-collaborators.js';
export type { PullRequestSeed, ReviewSeed, ReviewState } from './github-pulls.js';
export type { AppSeed, GitHubRateLimitOptions, GitHubSeed, GitHubTeamRole, RateLimitStats, IssueComment, IssueCommentSeed, InvitationSeed, OrgSeed, RateLimitSnapshot, RateResource, TeamMember, TeamSeed } from './github-state.js';
export type { FaultMatch, FaultResponse, RequestRecord, TrafficRecord, UnexpectedRequest } from './http-server.js';

/** How to start the emulator: the world to seed plus server behaviour. */
export interface GitHubEmulatorOptions extends GitHubSeed {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** When set, every request must carry `Authorization: token <it>` or `bearer <it>`, else 401. */
  token?: string;
  /** Tokens of reduced scope also accepted, each refused what its scopes or permissions do not allow (see `github-scopes.ts`). */
  scopedTokens?: ScopedToken[];
  /**
   * Unknown routes answer 501 instead of GitHub's 404 (they are recorded in `unexpected` either
   * way), and the pull-request read routes record query parameters GitHub does not take in `unexpected`.
   */
  strict?: boolean;
  /** Milliseconds added before every response. */
  latencyMs?: number;
  /** Login of the token's owner: what `viewer` resolves to and who invitations come from. Default `emulator-admin`. */
  viewer?: string;
  /** Issue and pull-request comments that exist at start. */
  comments?: IssueCommentSeed[];
  /** GitHub Apps whose installations can mint tokens (`POST /app/installations/{id}/access_tokens`). */
  apps?: AppSeed[];
  /**
   * Enforce GitHub's secondary rate limits (and the primary 5,000 per hour): requests over a limit
   * are answered 403 with `retry-after`, as GitHub does. Off by default; `true` uses GitHub's numbers.
   */
  rateLimits?: GitHubRateLimitOptions | true;
  /** Keep the detailed traffic log (`traffic`): timings, routes, repeated answers. */
  traffic?: boolean;
}

/** A pending organisation invitation as tests see it. */
export interface PendingInvitation {
  id: number;
  login: string | null;
  email: string | null;
  teams: { slug: string; role: GitHubTeamRole }[];
}

/**
 * A running emulator. The state accessors return copies taken at call time and throw on an
 * unknown organisation or team, so a typo in a test cannot pass as "no members".
 */
export interface GitHubEmulator extends JsonServer {
  /** A team's immediate members (`active`, in order added) then its pending invitees (`pending`). */
  teamMembers(org: string, slug: string): TeamMember[];
  /** Logins of the organisation's members, in order added. */
  orgMembers(org: string): string[];
  /** The organisation's pending invitations, oldest first. */
  invitations(org: string): PendingInvitation[];
  /** Plays the invitee accepting: they join the organisation and the invitation's teams. Throws when none is pending. */
  acceptInvitation(org: string, login: string): void;
  /** Requests counted against a rate-limit resource so far (every request counts one, errors included). */
  rateLimit(resource: RateResource): RateLimitSnapshot;
  /** Comments on an issue or pull request of `owner/name`, oldest first (copies). */
  issueComments(repo: string, issue: number): IssueComment[];
  /** Pull requests opened on `owner/name`, oldest first. */
  pulls(repo: string): EmulatedPull[];
  /** The text of a file written through the contents API, if any. */
  repoFile(repo: string, branch: string, path: string): string | undefined;
  /** Refusals and peaks of the rate-limit accounting; `undefined` when it is off. */
  rateStats(): RateLimitStats | undefined;
  /** A seeded repository's direct collaborators (`active`, in order added) then pending invitees (`pending`). Throws on an unseeded repository. */
  collaborators(org: string, repo: string): Collaborator[];
  /** Adds a pull request, merged or open, with its reviews; throws on one GitHub could not have. */
  addPullRequest(seed: PullRequestSeed): void;
  /** Submits a review now on a pull request added before; throws on an unknown pull request or a commit not on it. */
  addReview(repo: string, pull: number, review: ReviewSeed): void;
}

const API_DOCS = 'https://docs.github.com/rest';
const DEFAULT_PAGE = 30;
const MAX_PAGE = 100;

/** Starts an emulator seeded with `options`; throws on a seed GitHub could not be in. */
export async function startGitHubEmulator(options: GitHubEmulatorOptions): Promise<GitHubEmulator> {
  const state = new GitHubState(options, options.viewer ?? 'emulator-admin');
  const comments = new IssueCommentsState(options.comments);
  const repos = new RepoState();
  const collaborators = new CollaboratorState(options.repos);
  const pullRequests = new PullRequestState(options.pullRequests);
  const limiter = options.rateLimits === undefined ? undefined : new SecondaryRateLimiter(options.rateLimits === true ? {} : options.rateLimits);
  const scoped = options.scopedTokens ?? [];
  const server = await startJsonServer({
    name: 'GitHub emulator',
    routes: scopedRoutes([...routes(state), ...commentRoutes(state, comments), ...appRoutes(options.apps ?? []), ...repoRoutes(repos, options.viewer ?? 'emulator-admin'), ...collaboratorRoutes(collaborators, paginate, (org, login) => state.org(org)?.members.has(login.toLowerCase()) ?? false), ...pullRoutes(pullRequests, { paginate, error, user: (origin, login) => simpleUser(state, origin, login), strict: options.strict ?? false })], scoped, error),
    errorBody: error,
    port: options.port,
    strict: options.strict,
    latencyMs: options.latencyMs,
    authenticate: (req) => (scopedTokenOf(scoped, req) ? undefined : authenticate(options.token, req)),
    headers: (req) => ({ ...rateLimitHeaders(state, req.path === '/graphql' ? 'graphql' : 'core'), ...scopeHeaders(scoped, req) }),
    traffic: options.traffic,
    ...(limiter ? { admit: (req: JsonRequest) => admit(state, limiter, req) } : {}),
  });
  // The server itself (its live logs and peak counter) plus this emulator's accessors.
  return Object.assign(server, {
    rateStats: () => limiter?.snapshot(),
    teamMembers: (org, slug) => state.holders(state.requireTeam(org, slug)),
    orgMembers: (org) => [...state.requireOrg(org).members.values()],
    invitations: (org) =>
      state.requireOrg(org).invitations.map((inv) => ({
        id: inv.id,
        login: inv.login,
        email: inv.email,
        teams: [...inv.teams.values()].map(({ team, role }) => ({ slug: team.slug, role })),
      })),
    acceptInvitation: (org, login) => state.acceptInvitation(state.requireOrg(org), login),
    rateLimit: (resource) => state.rateLimit(resource),
    issueComments: (repo, issue) => comments.list(repo, issue).map((c) => ({ ...c })),
    pulls: (repo) => repos.pulls(repo),
    repoFile: (repo, branch, path) => repos.file(repo, branch, path),
    collaborators: (org, repo) => collaborators.list(org, repo),
    addPullRequest: (seed) => pullRequests.add(seed),
    addReview: (repo, pull, review) => pullRequests.review(repo, pull, review),
  } satisfies Omit<GitHubEmulator, keyof JsonServer>);
}

function routes(state: GitHubState): Route[] {
  const membership = '/orgs/:org/teams/:team_slug/memberships/:username';
  return [
    { method: 'POST', pattern: '/graphql', handler: (req) => serveGraphQL(state, req) },
    { method: 'GET', pattern: '/orgs/:org', handler: (req) => getOrg(state, req) },
    { method: 'GET', pattern: '/orgs/:org/teams/:team_slug/members', handler: (req) => listTeamMembers(state, req) },
    { method: 'GET', pattern: '/orgs/:org/invitations', handler: (req) => listInvitations(state, req) },
    { method: 'DELETE', pattern: '/orgs/:org/invitations/:invitation_id', handler: (req) => cancelInvitation(state, req) },
    { method: 'GET', pattern: '/orgs/:org/invitations/:invitation_id/teams', handler: (req) => listInvitationTeams(state, req) },
    { method: 'GET', pattern: membership, handler: (req) => getMembership(state, req) },
    { method: 'PUT', pattern: membership, handler: (req) => putMembership(state, req) },
    { method: 'DELETE', pattern: membership, handler: (req) => deleteMembership(state, req) },
  ];
}

function authenticate(token: string | undefined, req: JsonRequest): JsonResponse | undefined {
  if (token === undefined) return undefined;
  // App routes authenticate with the App's signed JWT, which their handler verifies.
  if (req.path.startsWith('/app/')) return undefined;
  const header = req.headers.authorization;
  if (header === undefined) {
    return { status: 401, body: error(401, 'Requires authentication'), unexpected: 'no credentials' };
  }
  if (/^(?:token|bearer)\s+(.*)$/i.exec(header)?.[1] !== token) {
    return { status: 401, body: error(401, 'Bad credentials'), unexpected: 'bad credentials' };
  }
  return undefined;
}

function rateLimitHeaders(state: GitHubState, resource: RateResource): Record<string, string> {
  const r = state.consume(resource);
  return {
    'x-ratelimit-limit': String(r.limit),
    'x-ratelimit-remaining': String(r.remaining),
    'x-ratelimit-reset': String(r.reset),
    'x-ratelimit-used': String(r.used),
    'x-ratelimit-resource': resource,
  };
}

const SECONDARY_DOCS = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits';

/** The rate-limit accounting's decision on one request: GitHub's 403 and `retry-after` when over a limit. */
function admit(state: GitHubState, limiter: SecondaryRateLimiter, req: JsonRequest): Admission {
  const graphql = req.path === '/graphql';
  const primary = state.rateLimit(graphql ? 'graphql' : 'core');
  if (primary.used > limiter.snapshot().limits.primaryPerHour) {
    return {
      refuse: { status: 403, body: { message: `API rate limit exceeded for user ID 1.`, documentation_url: API_DOCS, status: '403' }, headers: { 'retry-after': String(Math.max(1, primary.reset - Math.floor(Date.now() / 1000))) } },
      reason: 'primary rate limit',
    };
  }
  const query = graphql && typeof req.body === 'object' && req.body !== null && 'query' in req.body ? req.body.query : undefined;
  const write = graphql ? typeof query === 'string' && /\bmutation\b/.test(query) : !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
  const decision = limiter.admit({ resource: graphql ? 'graphql' : 'core', write });
  if (decision.ok) return { release: decision.release };
  return {
    refuse: {
      status: 403,
      body: { message: `You have exceeded a secondary rate limit (${decision.reason}). Please wait a few minutes before you try again.`, documentation_url: SECONDARY_DOCS, status: '403' },
      headers: { 'retry-after': String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))) },
    },
    reason: decision.reason,
  };
}

/**
 * `GET /orgs/{org}/teams/{team_slug}/members`: like GitHub, members of child teams are included
 * (as `member`); `role` filters (`all`, the default, `member`, `maintainer`). Paginated.
 */
function listTeamMembers(state: GitHubState, req: JsonRequest): JsonResponse {
  const team = state.team(req.params.org, req.params.team_slug);
  if (team === undefined) return notFound();
  const role = req.query.get('role') ?? 'all';
  if (!['all', 'member', 'maintainer'].includes(role)) return { status: 422, body: error(422, `Invalid request.\n\n${JSON.stringify(role)} is not a valid role.`) };
  const members = state.listMembers(team, 'ALL').filter((m) => role === 'all' || m.role === role);
  return paginate(req, members.map((m) => simpleUser(state, req.origin, m.login)));
}

function listInvitations(state: GitHubState, req: JsonRequest): JsonResponse {
  const org = state.org(req.params.org);
  if (org === undefined) return notFound();
  return paginate(req, org.invitations.map((inv) => invitationJson(state, req.origin, org, inv)));
}

function cancelInvitation(state: GitHubState, req: JsonRequest): JsonResponse {
  const org = state.org(req.params.org);
  if (org === undefined || !state.cancelInvitation(org, Number(req.params.invitation_id))) return notFound();
  return { status: 204 };
}

function listInvitationTeams(state: GitHubState, req: JsonRequest): JsonResponse {
  const id = Number(req.params.invitation_id);
  const invitation = state.org(req.params.org)?.invitations.find((inv) => inv.id === id);
  if (invitation === undefined) return notFound();
  return paginate(req, [...invitation.teams.values()].map(({ team }) => teamJson(req.origin, team)));
}

function getMembership(state: GitHubState, req: JsonRequest): JsonResponse {
  const { team, login } = membershipTarget(state, req);
  if (team === undefined || login === undefined) return notFound();
  const held = state.membership(team, login);
  if (held === undefined) return notFound();
  return { status: 200, body: membershipJson(req.origin, team, login, held.role, held.state) };
}

function putMembership(state: GitHubState, req: JsonRequest): JsonResponse {
  const { team, login } = membershipTarget(state, req);
  if (team === undefined) return notFound();
  const role = typeof req.body === 'object' && req.body !== null && 'role' in req.body ? req.body.role : 'member';
  if (role !== 'member' && role !== 'maintainer') {
    return { status: 422, body: error(422, `Invalid request.\n\nFor 'properties/role', ${JSON.stringify(role)} is not one of ["member", "maintainer"].`) };
  }
  if (login === undefined) return notFound();
  const held = state.setMembership(team, login, role);
  return { status: 200, body: membershipJson(req.origin, team, login, role, held) };
}

function deleteMembership(state: GitHubState, req: JsonRequest): JsonResponse {
  const { team, login } = membershipTarget(state, req);
  if (team === undefined || login === undefined) return notFound();
  state.removeMembership(team, login);
  return { status: 204 };
}

/** The route's team and the user's canonical login; either is `undefined` when it does not exist. */
function membershipTarget(state: GitHubState, req: JsonRequest): { team: Team | undefined; login: string | undefined } {
  return { team: state.team(req.params.org, req.params.team_slug), login: state.user(req.params.username) };
}

/**
 * One page of `items` with GitHub's pagination: `per_page` (default 30, capped at 100) and
 * 1-based `page`, and a `Link` header (`prev`, `next`, `last`, `first` as applicable) only when
 * there is more than one page. A page past the end is empty.
 */
function paginate(req: JsonRequest, items: readonly unknown[]): JsonResponse {
  const asked = Number.parseInt(req.query.get('per_page') ?? '', 10);
  const perPage = asked >= 1 ? Math.min(asked, MAX_PAGE) : DEFAULT_PAGE;
  const page = Math.max(1, Number.parseInt(req.query.get('page') ?? '', 10) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (n: number, rel: string): string => {
    const query = new URLSearchParams(req.query);
    query.set('page', String(n));
    return `<${req.origin}${req.path}?${query}>; rel="${rel}"`;
  };
  const links = [
    ...(page > 1 ? [link(page - 1, 'prev')] : []),
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first')] : []),
  ];
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

/** `GET /orgs/{org}`: the organisation's public fields (any token may read them). */
function getOrg(state: GitHubState, req: JsonRequest): JsonResponse {
  const org = state.org(req.params.org!);
  if (!org) return notFound();
  return { status: 200, body: { login: org.login, id: org.id, node_id: nodeId('O', org.id), url: `${req.origin}/orgs/${org.login}`, description: null } };
}

function notFound(): JsonResponse {
  return { status: 404, body: error(404, 'Not Found') };
}

/** GitHub's error body; recent API versions repeat the status as a string. */
function error(status: number, message: string): Record<string, string> {
  return { message, documentation_url: API_DOCS, status: String(status) };
}

function membershipJson(origin: string, team: Team, login: string, role: GitHubTeamRole, state: 'active' | 'pending'): Record<string, unknown> {
  return { url: `${origin}/organizations/${team.org.id}/team/${team.id}/memberships/${login}`, role, state };
}

function simpleUser(state: GitHubState, origin: string, login: string): Record<string, unknown> {
  const id = state.userId(login);
  return {
    login,
    id,
    node_id: nodeId('U', id),
    avatar_url: `${origin}/avatars/${login}`,
    url: `${origin}/users/${login}`,
    html_url: `${origin}/${login}`,
    type: 'User',
    site_admin: false,
  };
}

function invitationJson(state: GitHubState, origin: string, org: Org, inv: Invitation): Record<string, unknown> {
  return {
    id: inv.id,
    node_id: nodeId('OI', inv.id),
    login: inv.login,
    email: inv.email,
    role: 'direct_member',
    created_at: inv.createdAt,
    failed_at: null,
    failed_reason: null,
    inviter: simpleUser(state, origin, inv.inviter),
    team_count: inv.teams.size,
    invitation_teams_url: `${origin}/orgs/${org.login}/invitations/${inv.id}/teams`,
    invitation_source: 'member',
  };
}

/** GitHub's "team" object; its `parent` is the shorter "team-simple" form. */
function teamJson(origin: string, team: Team): Record<string, unknown> {
  return { ...teamSimpleJson(origin, team), parent: team.parent === undefined ? null : teamSimpleJson(origin, team.parent) };
}

function teamSimpleJson(origin: string, team: Team): Record<string, unknown> {
  const url = `${origin}/organizations/${team.org.id}/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId('T', team.id),
    url,
    html_url: `${origin}/orgs/${team.org.login}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${url}/members{/member}`,
    repositories_url: `${url}/repos`,
  };
}

/** Issue comments: list (paginated), create, and edit, as the PR-comment flow uses them. */
function commentRoutes(state: GitHubState, comments: IssueCommentsState): Route[] {
  const onIssue = '/repos/:owner/:repo/issues/:issue_number/comments';
  const repoOf = (req: JsonRequest): string => `${req.params.owner}/${req.params.repo}`;
  const issueOf = (req: JsonRequest): number | undefined => (/^[1-9]\d{0,9}$/.test(req.params.issue_number) ? Number(req.params.issue_number) : undefined);
  const bodyOf = (req: JsonRequest): string | undefined => {
    const body = typeof req.body === 'object' && req.body !== null && 'body' in req.body ? req.body.body : undefined;
    return typeof body === 'string' ? body : undefined;
  };
  const invalidBody: JsonResponse = { status: 422, body: error(422, 'Invalid request.\n\n"body" wasn\'t supplied.') };
  return [
    {
      method: 'GET',
      pattern: onIssue,
      handler: (req) => {
        const issue = issueOf(req);
        if (issue === undefined) return notFound();
        return paginate(req, comments.list(repoOf(req), issue).map((c) => commentJson(state, req.origin, c)));
      },
    },
    {
      method: 'POST',
      pattern: onIssue,
      handler: (req) => {
        const issue = issueOf(req);
        const body = bodyOf(req);
        if (issue === undefined) return notFound();
        if (body === undefined) return invalidBody;
        return { status: 201, body: commentJson(state, req.origin, comments.add(repoOf(req), issue, state.viewer, body)) };
      },
    },
    {
      method: 'PATCH',
      pattern: '/repos/:owner/:repo/issues/comments/:comment_id',
      handler: (req) => {
        const comment = comments.get(repoOf(req), Number(req.params.comment_id));
        const body = bodyOf(req);
        if (comment === undefined) return notFound();
        if (body === undefined) return invalidBody;
        return { status: 200, body: commentJson(state, req.origin, comments.update(comment, body)) };
      },
    },
  ];
}

function commentJson(state: GitHubState, origin: string, c: IssueComment): Record<string, unknown> {
  const user = simpleUser(state, origin, c.user);
  return {
    id: c.id,
    node_id: nodeId('IC', c.id),
    url: `${origin}/repos/${c.repo}/issues/comments/${c.id}`,
    html_url: `${origin}/${c.repo}/pull/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${origin}/repos/${c.repo}/issues/${c.issue}`,
    body: c.body,
    user: { ...user, type: c.user.endsWith('[bot]') ? 'Bot' : 'User' },
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    author_association: c.user.endsWith('[bot]') ? 'NONE' : 'MEMBER',
  };
}

/** `POST /app/installations/{id}/access_tokens`: an installation token for a valid App JWT. */
function appRoutes(apps: readonly AppSeed[]): Route[] {
  return [
    {
      method: 'POST',
      pattern: '/app/installations/:installation_id/access_tokens',
      handler: (req) => {
        const app = verifyAppJwt(apps, req.headers.authorization);
        if (app === undefined) return { status: 401, body: error(401, 'A JSON web token could not be decoded'), unexpected: 'bad app JWT' };
        const token = app.installations[req.params.installation_id];
        if (token === undefined) return notFound();
        return {
          status: 201,
          body: { token, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: { members: 'read', metadata: 'read' }, repository_selection: 'all' },
        };
      },
    },
  ];
}

/** The App whose key signed the `Bearer` JWT in `header` (RS256, `iss` = app id, unexpired), or `undefined`. */
function verifyAppJwt(apps: readonly AppSeed[], header: string | undefined): AppSeed | undefined {
  const jwt = /^bearer\s+([\w-]+)\.([\w-]+)\.([\w-]+)$/i.exec(header ?? '');
  if (jwt === null) return undefined;
  const [, head = '', payload = '', signature = ''] = jwt;
  let claims: { iss?: unknown; exp?: unknown; iat?: unknown };
  try {
    if ((JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown }).alg !== 'RS256') return undefined;
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return undefined;
  }
  const now = Date.now() / 1000;
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number' || claims.exp <= now || claims.iat > now + 60 || claims.exp - claims.iat > 660) return undefined;
  const app = apps.find((a) => String(a.id) === String(claims.iss));
  if (app === undefined) return undefined;
  return verify('sha256', Buffer.from(`${head}.${payload}`), app.publicKey, Buffer.from(signature, 'base64url')) ? app : undefined;
}
