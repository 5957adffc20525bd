/**
 * A local emulator of the part of Okta's Management API that the `okta` target calls, built from
 * Okta's published description (vendored in `contracts/okta/`, which its contract test checks
 * every served path, method and query parameter against):
 *
 * - `GET /api/v1/groups` (`q` name prefix, `search` and `filter` in a small subset of Okta's
 *   expression syntax, `limit`, `after`), `GET /api/v1/groups/{groupId}`;
 * - `GET /api/v1/groups/{groupId}/users` (members, direct and rule-made, paged by `limit` and an
 *   `after` cursor with `Link: <...>; rel="next"`);
 * - `PUT` and `DELETE /api/v1/groups/{groupId}/users/{userId}`: only `OKTA_GROUP` groups accept
 *   them (`APP_GROUP` and `BUILT_IN` are a 403 E0000006), and a membership that only a group rule
 *   makes cannot be removed (a 403 naming the rule);
 * - `GET /api/v1/users/{id}` (an id or a login), `GET /api/v1/users` (`search`, `filter`, `q`);
 * - `GET /api/v1/groups/rules` (which groups each rule assigns to, its expression);
 * - `POST /oauth2/v1/token` for an OAuth 2.0 service app: `client_credentials` with a
 *   `private_key_jwt` client assertion whose signature is checked against the app's registered
 *   public key; the access token carries the scopes asked for, which routes check.
 *
 * Requests carry `Authorization: SSWS <API token>` or `Bearer <access token>`; errors have Okta's
 * body (`errorCode`, `errorSummary`, `errorLink`, `errorId`, `errorCauses`). Every admitted
 * request counts against its endpoint's limit and answers `X-Rate-Limit-Limit/Remaining/Reset`;
 * an exhausted limit or the org's concurrency limit is a 429 E0000047. Strict mode answers unknown
 * routes with 501 and records unknown query parameters. It listens on 127.0.0.1 only.
 */
import { createPublicKey, randomBytes, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { startJsonServer, type Admission, type JsonRequest, type JsonResponse, type JsonServer, type Route } from './http-server.js';
import { OktaRateLimiter, OktaState, type OktaGroup, type OktaRateLimits, type OktaRuleSeed, type OktaUser, type OktaGroupSeed, type OktaUserSeed } from './okta-state.js';

export type { FaultMatch, FaultResponse, RequestRecord, UnexpectedRequest } from './http-server.js';
export { parseRuleExpression, type OktaGroupSeed, type OktaGroupType, type OktaRateLimits, type OktaRuleSeed, type OktaUserSeed, type OktaUserStatus } from './okta-state.js';

/** The scopes the emulated routes check of an access token. */
export const OKTA_SCOPES = ['okta.groups.read', 'okta.groups.manage', 'okta.users.read', 'okta.users.manage'] as const;

/** An OAuth 2.0 service app allowed to ask for tokens. */
export interface OktaServiceApp {
  clientId: string;
  /** The public half of its key pair: PEM (SPKI) or a JWK (RSA or EC P-256). */
  publicKey: string | JsonWebKey;
  /** When set, an assertion naming another `kid` is refused. */
  keyId?: string;
  /** The scopes granted to the app; asking for another is `invalid_scope`. */
  scopes: readonly string[];
}

/** How to start the emulator. */
export interface OktaEmulatorOptions {
  users: readonly OktaUserSeed[];
  groups: readonly OktaGroupSeed[];
  rules?: readonly OktaRuleSeed[];
  /** An SSWS API token accepted with every scope; `*` accepts any (the demo's emulators without required tokens). */
  apiToken?: string;
  serviceApp?: OktaServiceApp;
  /** Seconds an access token lives; default 3600. */
  tokenTtlSeconds?: number;
  /** Per-endpoint and concurrency limits; default 600 a minute per endpoint, 75 in flight. */
  rateLimits?: OktaRateLimits;
  /** Largest page served (`limit` is cut to it); default 200. */
  maxPage?: number;
  /** The emulator's clock (tokens, rate-limit windows); default `Date.now`. */
  now?: () => number;
  /** Unknown routes answer 501 instead of 404, and unknown query parameters are recorded in `unexpected`. */
  strict?: boolean;
  latencyMs?: number;
  port?: number;
  traffic?: boolean;
}

/** A running emulator: a {@link JsonServer} with Okta's routes, and a handle on its world. */
export interface OktaEmulator extends JsonServer {
  /** Ids of the group's members (direct first, then rule-made). */
  members(groupId: string): string[];
  /** Assigns a user directly, as an admin in the console would. */
  assign(groupId: string, userId: string): void;
  /** Removes a direct assignment, as an admin in the console would. */
  unassign(groupId: string, userId: string): void;
  /** Changes a user's status (suspend, deactivate...). */
  setStatus(userId: string, status: OktaUser['status']): void;
  /** Requests refused by each limit so far. */
  readonly refused: { rate: number; concurrency: number };
  /** Access tokens issued so far. */
  readonly tokensIssued: number;
}

/** One emulated operation, named as in the contract (path with `{name}` placeholders). */
export interface OktaOperation {
  method: string;
  path: string;
  /** The query parameters served; others are recorded as unexpected in strict mode. */
  query: readonly string[];
  /** The scope an access token needs (`undefined`: none, the token endpoint). */
  scope?: string;
}

/** Every operation served, for routing and for the contract test. */
export const OKTA_OPERATIONS: readonly OktaOperation[] = [
  { method: 'GET', path: '/api/v1/groups', query: ['q', 'search', 'filter', 'limit', 'after'], scope: 'okta.groups.read' },
  { method: 'GET', path: '/api/v1/groups/rules', query: ['limit', 'after', 'search', 'expand'], scope: 'okta.groups.read' },
  { method: 'GET', path: '/api/v1/groups/{groupId}', query: [], scope: 'okta.groups.read' },
  { method: 'GET', path: '/api/v1/groups/{groupId}/users', query: ['limit', 'after'], scope: 'okta.groups.read' },
  { method: 'PUT', path: '/api/v1/groups/{groupId}/users/{userId}', query: [], scope: 'okta.groups.manage' },
  { method: 'DELETE', path: '/api/v1/groups/{groupId}/users/{userId}', query: [], scope: 'okta.groups.manage' },
  { method: 'GET', path: '/api/v1/users', query: ['q', 'search', 'filter', 'limit', 'after'], scope: 'okta.users.read' },
  { method: 'GET', path: '/api/v1/users/{id}', query: [], scope: 'okta.users.read' },
  { method: 'POST', path: '/oauth2/v1/token', query: [] },
];

/** Thrown by a handler for a request Okta would refuse; turned into Okta's error response. */
class OktaError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly causes: string[] = [],
    readonly unexpected?: string,
  ) {
    super(message);
  }
}

/** Okta's error body. */
export function oktaErrorBody(code: string, summary: string, causes: readonly string[] = []): unknown {
  return { errorCode: code, errorSummary: summary, errorLink: code, errorId: `oae${randomBytes(11).toString('base64url')}`, errorCauses: causes.map((c) => ({ errorSummary: c })) };
}

const notFound = (what: string, kind: string) => new OktaError(404, 'E0000007', `Not found: Resource not found: ${what} (${kind})`);
const forbidden = (causes: string[] = []) => new OktaError(403, 'E0000006', 'You do not have permission to perform the requested action', causes);

interface Token {
  scopes: string[];
  expires: number;
}

interface World {
  state: OktaState;
  maxPage: number;
  tokens: Map<string, Token>;
  /** `jti`s of accepted client assertions: a replay is refused. */
  assertions: Set<string>;
  app?: { clientId: string; key: KeyObject; keyId?: string; scopes: readonly string[] };
  tokenTtl: number;
  issued: number;
}

/** Starts an emulator; throws on a seed Okta could not hold (see {@link OktaState}). */
export async function startOktaEmulator(options: OktaEmulatorOptions): Promise<OktaEmulator> {
  const now = options.now ?? Date.now;
  const state = new OktaState(options.users, options.groups, options.rules ?? [], now);
  const app = options.serviceApp;
  const world: World = {
    state,
    maxPage: options.maxPage ?? 200,
    tokens: new Map(),
    assertions: new Set(),
    tokenTtl: options.tokenTtlSeconds ?? 3600,
    issued: 0,
    ...(app === undefined
      ? {}
      : { app: { clientId: app.clientId, key: typeof app.publicKey === 'string' ? createPublicKey(app.publicKey) : createPublicKey({ key: app.publicKey, format: 'jwk' }), keyId: app.keyId, scopes: app.scopes } }),
  };
  const limiter = new OktaRateLimiter(options.rateLimits ?? {}, now);
  const strict = options.strict === true;
  const server = await startJsonServer({
    name: 'Okta emulator',
    routes: routes(world, strict),
    errorBody: (status, message) => oktaErrorBody(status === 404 ? 'E0000022' : 'E0000009', message),
    port: options.port,
    strict: options.strict,
    latencyMs: options.latencyMs,
    traffic: options.traffic,
    authenticate: (req) => authenticate(world, options.apiToken, req),
    headers: () => ({ 'x-okta-request-id': randomBytes(12).toString('base64url') }),
    admit: (req) => admit(limiter, req),
  });
  const group = (id: string): OktaGroup => {
    const g = state.groups.get(id);
    if (g === undefined) throw new RangeError(`no group ${id}`);
    return g;
  };
  const user = (id: string): OktaUser => {
    const u = state.users.get(id);
    if (u === undefined) throw new RangeError(`no user ${id}`);
    return u;
  };
  // A getter would be read once by Object.assign: define it on the result instead.
  return Object.defineProperty(Object.assign(server, {
    members: (groupId: string) => state.members(group(groupId).id).map((u) => u.id),
    assign: (groupId: string, userId: string) => void state.assign(group(groupId).id, user(userId).id),
    unassign: (groupId: string, userId: string) => void state.unassign(group(groupId).id, user(userId).id),
    setStatus: (userId: string, status: OktaUser['status']) => void (user(userId).status = status),
    refused: limiter.refused,
  }), 'tokensIssued', { get: () => world.issued }) as OktaEmulator;
}

/** The operation serving `method` and `path`, if any. */
function operationOf(method: string, path: string): OktaOperation | undefined {
  // `/api/v1/groups/rules` comes before `/api/v1/groups/{groupId}` in the list, so it wins.
  return OKTA_OPERATIONS.find((op) => op.method === method && new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
}

function admit(limiter: OktaRateLimiter, req: JsonRequest): Admission {
  const op = operationOf(req.method, req.path);
  const decision = limiter.admit(op === undefined ? 'other' : `${op.method} ${op.path}`);
  if (decision.refused !== undefined) {
    return {
      reason: decision.refused,
      refuse: { status: 429, body: oktaErrorBody('E0000047', 'API call exceeded rate limit due to too many requests.'), headers: decision.headers },
    };
  }
  return { headers: decision.headers, release: decision.release };
}

function routes(world: World, strict: boolean): Route[] {
  const serve = (op: OktaOperation, handler: (req: JsonRequest) => JsonResponse): Route => ({
    method: op.method,
    pattern: op.path.replace(/\{([^}]+)\}/g, ':$1'),
    handler: (req) => handle(req, strict ? op.query : undefined, () => handler(req)),
  });
  const handlers: Record<string, (req: JsonRequest) => JsonResponse> = {
    'GET /api/v1/groups': (req) => listGroupsHandler(world, req),
    'GET /api/v1/groups/rules': (req) => listRulesHandler(world, req),
    'GET /api/v1/groups/{groupId}': (req) => ({ status: 200, body: groupJson(req, groupOf(world, req.params.groupId as string)) }),
    'GET /api/v1/groups/{groupId}/users': (req) => listMembersHandler(world, req),
    'PUT /api/v1/groups/{groupId}/users/{userId}': (req) => membershipHandler(world, req, 'assign'),
    'DELETE /api/v1/groups/{groupId}/users/{userId}': (req) => membershipHandler(world, req, 'unassign'),
    'GET /api/v1/users': (req) => listUsersHandler(world, req),
    'GET /api/v1/users/{id}': (req) => {
      const user = world.state.userBy(req.params.id as string);
      if (user === undefined) throw notFound(req.params.id as string, 'User');
      return { status: 200, body: userJson(req, user) };
    },
  };
  // In the order of OKTA_OPERATIONS: `/api/v1/groups/rules` before `/api/v1/groups/:groupId`.
  return OKTA_OPERATIONS.map((op) =>
    op.scope === undefined ? { method: op.method, pattern: op.path, handler: (req) => tokenHandler(world, req) } : serve(op, handlers[`${op.method} ${op.path}`] as (req: JsonRequest) => JsonResponse),
  );
}

/** Serves `req`, turning an {@link OktaError} into Okta's error response; records unknown query parameters when `known` is given. */
function handle(req: JsonRequest, known: readonly string[] | undefined, serve: () => JsonResponse): JsonResponse {
  let response: JsonResponse;
  try {
    response = serve();
  } catch (e) {
    if (!(e instanceof OktaError)) throw e;
    response = { status: e.status, body: oktaErrorBody(e.code, e.message, e.causes), unexpected: e.unexpected };
  }
  const unknown = known === undefined ? [] : [...new Set(req.query.keys())].filter((k) => !known.includes(k));
  if (unknown.length > 0 && response.unexpected === undefined) response.unexpected = `unknown query parameter ${unknown.join(', ')}`;
  return response;
}

/** SSWS API token (every scope) or an access token (its scopes); the token endpoint needs neither. */
function authenticate(world: World, apiToken: string | undefined, req: JsonRequest): JsonResponse | undefined {
  const op = operationOf(req.method, req.path);
  if (op !== undefined && op.scope === undefined) return undefined;
  const header = req.headers.authorization ?? '';
  const ssws = /^SSWS\s+(\S+)$/.exec(header)?.[1];
  const bearer = /^Bearer\s+(\S+)$/.exec(header)?.[1];
  const invalid = (why: string): JsonResponse => ({ status: 401, body: oktaErrorBody('E0000011', 'Invalid token provided'), unexpected: why });
  if (ssws !== undefined) return apiToken !== undefined && (ssws === apiToken || apiToken === '*') ? undefined : invalid('wrong API token');
  if (bearer === undefined) return invalid('no credentials');
  const token = world.tokens.get(bearer);
  if (token === undefined || token.expires <= world.state.now()) return invalid(token === undefined ? 'unknown access token' : 'expired access token');
  const needs = op?.scope;
  if (needs === undefined || satisfies(token.scopes, needs)) return undefined;
  return {
    status: 403,
    body: oktaErrorBody('E0000006', 'You do not have permission to perform the requested action'),
    headers: { 'www-authenticate': `Bearer authorization_uri="${req.origin}/oauth2/v1/authorize", realm="${req.origin}", scope="${needs}", error="insufficient_scope", error_description="The access token provided does not contain the required scopes."` },
    unexpected: `access token without ${needs}`,
  };
}

/** A `manage` scope includes its `read`. */
function satisfies(scopes: readonly string[], needs: string): boolean {
  return scopes.includes(needs) || (needs.endsWith('.read') && scopes.includes(needs.replace(/\.read$/, '.manage')));
}

function groupOf(world: World, id: string): OktaGroup {
  const group = world.state.groups.get(id);
  if (group === undefined) throw notFound(id, 'UserGroup');
  return group;
}

/** `limit` within 1..max, else Okta's default for the route. */
function limitOf(req: JsonRequest, fallback: number, max: number): number {
  const raw = req.query.get('limit');
  if (raw === null) return Math.min(fallback, max);
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new OktaError(400, 'E0000001', 'Api validation failed: limit', [`limit: Invalid value ${raw}`], 'invalid limit');
  return Math.min(Number(raw), max);
}

/**
 * One page of `items` after the `after` cursor (the id of the last item of the previous page),
 * with Okta's `Link` header: `self`, and `next` while more follow.
 */
function page<T extends { id: string }>(req: JsonRequest, items: readonly T[], limit: number, json: (item: T) => unknown): JsonResponse {
  const after = req.query.get('after');
  const from = after === null ? 0 : items.findIndex((i) => i.id === after) + 1;
  if (after !== null && from === 0) return { status: 200, body: [], unexpected: `unknown after cursor ${after}` };
  const slice = items.slice(from, from + limit);
  const link = (query: URLSearchParams) => `${req.origin}${req.path}${query.size === 0 ? '' : `?${query}`}`;
  const links = [`<${link(req.query)}>; rel="self"`];
  if (from + limit < items.length) {
    const next = new URLSearchParams(req.query);
    next.set('limit', String(limit));
    next.set('after', (slice[slice.length - 1] as T).id);
    links.push(`<${link(next)}>; rel="next"`);
  }
  return { status: 200, body: slice.map(json), headers: { link: links.join(', ') } };
}

/** One `attr op "value"` term of a search or filter. */
interface Condition {
  attribute: string;
  op: 'eq' | 'sw';
  value: string;
}

const CONDITION = /^([A-Za-z][A-Za-z0-9_.]*)\s+(eq|sw)\s+"((?:[^"\\]|\\.)*)"$/;

/**
 * A search or filter expression in the subset served: `attr eq "v"` and `attr sw "v"` terms
 * joined by `and` / `or` (and binds tighter), without parentheses; a 400 E0000031 otherwise.
 */
function parseSearch(expression: string): Condition[][] {
  const alternatives = expression.split(/\s+or\s+/i).map((alt) =>
    alt.split(/\s+and\s+/i).map((term) => {
      const m = CONDITION.exec(term.trim());
      if (m === null) throw new OktaError(400, 'E0000031', 'Invalid search criteria.', [], `search not emulated: ${expression}`);
      return { attribute: m[1] as string, op: m[2] as 'eq' | 'sw', value: (m[3] as string).replace(/\\(.)/g, '$1') };
    }),
  );
  return alternatives;
}

function matches(expression: Condition[][], value: (attribute: string) => string | undefined): boolean {
  return expression.some((alt) =>
    alt.every((c) => {
      const v = value(c.attribute);
      if (v === undefined) return false;
      return c.op === 'eq' ? v.toLowerCase() === c.value.toLowerCase() : v.toLowerCase().startsWith(c.value.toLowerCase());
    }),
  );
}

function groupAttribute(g: OktaGroup, attribute: string): string | undefined {
  const values: Record<string, string> = { id: g.id, type: g.type, 'profile.name': g.name, 'profile.description': g.description };
  return values[attribute];
}

function userAttribute(u: OktaUser, attribute: string): string | undefined {
  if (attribute === 'id') return u.id;
  if (attribute === 'status') return u.status;
  return attribute.startsWith('profile.') ? u.profile[attribute.slice('profile.'.length)] : undefined;
}

/** The expressions of `search` and `filter`, both to be met. */
function conditions(req: JsonRequest): Condition[][][] {
  return ['search', 'filter'].flatMap((name) => {
    const raw = req.query.get(name);
    return raw === null ? [] : [parseSearch(raw)];
  });
}

/** `GET /api/v1/groups`: `q` is a prefix of the name; `search` and `filter` in the subset served. */
function listGroupsHandler(world: World, req: JsonRequest): JsonResponse {
  const q = req.query.get('q')?.toLowerCase();
  const where = conditions(req);
  const groups = [...world.state.groups.values()].filter((g) => (q === undefined || g.name.toLowerCase().startsWith(q)) && where.every((e) => matches(e, (a) => groupAttribute(g, a))));
  return page(req, groups, limitOf(req, 10_000, world.maxPage), (g) => groupJson(req, g));
}

/** `GET /api/v1/users`: without `search` or `filter`, deprovisioned users are left out, as Okta does. */
function listUsersHandler(world: World, req: JsonRequest): JsonResponse {
  const q = req.query.get('q')?.toLowerCase();
  const where = conditions(req);
  const users = [...world.state.users.values()].filter(
    (u) =>
      (where.length > 0 || u.status !== 'DEPROVISIONED') &&
      (q === undefined || ['firstName', 'lastName', 'email', 'login'].some((k) => u.profile[k]?.toLowerCase().startsWith(q))) &&
      where.every((e) => matches(e, (a) => userAttribute(u, a))),
  );
  return page(req, users, limitOf(req, 200, world.maxPage), (u) => userJson(req, u));
}

function listMembersHandler(world: World, req: JsonRequest): JsonResponse {
  const group = groupOf(world, req.params.groupId as string);
  return page(req, world.state.members(group.id), limitOf(req, 1000, world.maxPage), (u) => userJson(req, u));
}

/** `GET /api/v1/groups/rules`: `search` is a keyword of the name; `expand=groupIdToGroupNameMap` adds the groups' names. */
function listRulesHandler(world: World, req: JsonRequest): JsonResponse {
  const keyword = req.query.get('search')?.toLowerCase();
  const expand = req.query.get('expand');
  if (expand !== null && expand !== 'groupIdToGroupNameMap') throw new OktaError(400, 'E0000001', 'Api validation failed: expand', [`expand: Invalid value ${expand}`], 'invalid expand');
  const rules = world.state.rules.filter((r) => keyword === undefined || r.name.toLowerCase().includes(keyword));
  return page(req, rules, limitOf(req, 50, Math.min(200, world.maxPage)), (r) => ({
    type: 'group_rule',
    id: r.id,
    status: r.status,
    name: r.name,
    created: iso(r.created),
    lastUpdated: iso(r.created),
    conditions: { people: { users: { exclude: r.exclude }, groups: { exclude: [] } }, expression: { value: r.expression, type: 'urn:okta:expression:1.0' } },
    actions: { assignUserToGroups: { groupIds: r.groupIds } },
    ...(expand === null ? {} : { _embedded: { groupIdToGroupNameMap: Object.fromEntries(r.groupIds.map((id) => [id, world.state.groups.get(id)?.name])) } }),
  }));
}

/** `PUT` / `DELETE /api/v1/groups/{groupId}/users/{userId}`: 204 whether or not anything changed. */
function membershipHandler(world: World, req: JsonRequest, change: 'assign' | 'unassign'): JsonResponse {
  const group = groupOf(world, req.params.groupId as string);
  const user = world.state.users.get(req.params.userId as string);
  if (user === undefined) throw notFound(req.params.userId as string, 'User');
  if (group.type !== 'OKTA_GROUP') throw forbidden([`Group memberships of an ${group.type} group cannot be changed through the API: they come from its source.`]);
  if (change === 'assign') {
    world.state.assign(group.id, user.id);
    return { status: 204 };
  }
  if (!world.state.unassign(group.id, user.id)) {
    const rules = world.state.rulesFor(group.id, user);
    if (rules.length > 0) throw forbidden(rules.map((r) => `The membership is managed by the group rule ${r.name} (${r.id}).`));
  }
  return { status: 204 };
}

function groupJson(req: JsonRequest, g: OktaGroup): unknown {
  const self = `${req.origin}/api/v1/groups/${g.id}`;
  return {
    id: g.id,
    created: iso(g.created),
    lastUpdated: iso(g.created),
    lastMembershipUpdated: iso(g.lastMembershipUpdated),
    objectClass: [g.type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group'],
    type: g.type,
    profile: { name: g.name, description: g.description },
    _links: {
      logo: [{ name: 'medium', href: `${req.origin}/assets/img/logos/groups/okta-medium.png`, type: 'image/png' }],
      users: { href: `${self}/users` },
      apps: { href: `${self}/apps` },
      ...(g.type === 'APP_GROUP' ? { source: { href: `${req.origin}/api/v1/apps/0oa${g.id.slice(3)}` } } : {}),
    },
  };
}

function userJson(req: JsonRequest, u: OktaUser): unknown {
  return {
    id: u.id,
    status: u.status,
    created: iso(u.created),
    activated: u.status === 'STAGED' ? null : iso(u.created),
    statusChanged: iso(u.created),
    lastLogin: null,
    lastUpdated: iso(u.created),
    passwordChanged: null,
    type: { id: 'oty1aaaaaaaaaaaaaaa1' },
    profile: u.profile,
    credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
    _links: { self: { href: `${req.origin}/api/v1/users/${u.id}` } },
  };
}

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** `POST /oauth2/v1/token`: client credentials with a `private_key_jwt` assertion, answered with a Bearer token. */
function tokenHandler(world: World, req: JsonRequest): JsonResponse {
  const oauth = (status: number, error: string, description: string, why = description): JsonResponse => ({ status, body: { error, error_description: description }, unexpected: why });
  const form = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, string | undefined>;
  if (!/^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) return oauth(400, 'invalid_request', 'The request body must be form-encoded.');
  if (form.grant_type !== 'client_credentials') return oauth(400, 'unsupported_grant_type', `The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].`);
  const app = world.app;
  if (app === undefined) return oauth(401, 'invalid_client', 'Client authentication failed.', 'no service app configured');
  if (form.client_assertion_type !== ASSERTION_TYPE || form.client_assertion === undefined) return oauth(401, 'invalid_client', 'Client authentication failed. Either the client or the client credentials are invalid.', 'no client assertion');
  const why = checkAssertion(world, app, form.client_assertion, `${req.origin}/oauth2/v1/token`);
  if (why !== undefined) return oauth(401, 'invalid_client', 'The client_assertion token is invalid.', why);
  if (form.client_id !== undefined && form.client_id !== app.clientId) return oauth(401, 'invalid_client', 'The client_id does not match the client assertion.');
  const scopes = (form.scope ?? '').split(' ').filter((s) => s !== '');
  if (scopes.length === 0) return oauth(400, 'invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
  const refused = scopes.filter((s) => !app.scopes.includes(s));
  if (refused.length > 0) return oauth(400, 'invalid_scope', `The following scopes are not allowed: ${refused.join(' ')}`);
  const accessToken = randomBytes(32).toString('base64url');
  world.tokens.set(accessToken, { scopes, expires: world.state.now() + world.tokenTtl * 1000 });
  world.issued += 1;
  return { status: 200, body: { token_type: 'Bearer', expires_in: world.tokenTtl, access_token: accessToken, scope: scopes.join(' ') } };
}

/** Why the client assertion is not acceptable, or `undefined` when its signature, claims and freshness hold. */
function checkAssertion(world: World, app: NonNullable<World['app']>, jwt: string, audience: string): string | undefined {
  const parts = jwt.split('.');
  if (parts.length !== 3) return 'the assertion is not a JWT';
  const [h, p, s] = parts as [string, string, string];
  let header: { alg?: string; kid?: string };
  let claims: { iss?: string; sub?: string; aud?: string; exp?: number; iat?: number; jti?: string };
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    return 'the assertion is not JSON';
  }
  // RS256 signs with PKCS#1 v1.5; ES256 is a raw r||s pair (JWS), not DER.
  const key = header.alg === 'RS256' ? app.key : header.alg === 'ES256' ? { key: app.key, dsaEncoding: 'ieee-p1363' as const } : undefined;
  if (key === undefined) return `algorithm ${String(header.alg)} not accepted`;
  if (app.keyId !== undefined && header.kid !== undefined && header.kid !== app.keyId) return `unknown key id ${header.kid}`;
  if (!verify('sha256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) return 'bad signature';
  const nowS = world.state.now() / 1000;
  if (claims.iss !== app.clientId || claims.sub !== app.clientId) return 'iss and sub must be the client id';
  if (claims.aud !== audience) return `aud must be ${audience}`;
  if (typeof claims.exp !== 'number' || claims.exp <= nowS || claims.exp > nowS + 3600) return 'exp missing, past, or more than an hour ahead';
  if (typeof claims.jti !== 'string' || world.assertions.has(claims.jti)) return 'jti missing or replayed';
  world.assertions.add(claims.jti);
  return undefined;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
