/**
 * A local Slack Web API emulator for tests, the demo and benchmarks, built from Slack's published
 * OpenAPI description (vendored in `contracts/slack/`, which its tests check it against): the
 * user-group and user methods an on-call user-group syncer calls (`usergroups.list`,
 * `usergroups.users.list`, `usergroups.users.update`, `usergroups.enable`/`disable`,
 * `users.list`, `users.lookupByEmail`) and `auth.test`. It listens on 127.0.0.1 only.
 *
 * Slack's conventions: every method is `/api/<method>`, called with GET (arguments in the query)
 * or POST (arguments form-encoded, as `@slack/web-api` sends them, or a JSON object; a body that
 * is neither is HTTP 400 `invalid_json` here, where Slack answers 200); the token is
 * a Bearer `Authorization` header or a `token` form argument. Every answer is HTTP 200 with
 * `ok: true` or `ok: false` and an `error` code, except a rate-limited call: HTTP 429 with
 * `Retry-After` seconds. Each answer names the token's scopes (`x-oauth-scopes`) and those the
 * method accepts (`x-accepted-oauth-scopes`); a token without them is `missing_scope`.
 */
import { startJsonServer, type JsonRequest, type JsonResponse, type JsonServer, type Route } from './http-server.js';
import { BOT_USER_ID, SlackRateLimiter, SlackState, type SlackRateLimitOptions, type SlackRateStats, type SlackSeed, type User, type Usergroup } from './slack-state.js';

export type { SlackRateLimitOptions, SlackRateStats, SlackSeed, SlackUsergroupSeed, SlackUserSeed } from './slack-state.js';
export { METHOD_TIERS, SLACK_TIERS } from './slack-state.js';
export type { FaultMatch, FaultResponse, RequestRecord, TrafficRecord, UnexpectedRequest } from './http-server.js';

/** The bot scopes a user-group syncer needs; a token given without scopes has these. */
export const SLACK_SCOPES = ['usergroups:read', 'usergroups:write', 'users:read', 'users:read.email'] as const;

/** A token the emulator accepts, with its scopes. */
export interface SlackTokenSeed {
  token: string;
  /** Default {@link SLACK_SCOPES}. */
  scopes?: readonly string[];
}

/** How to start the emulator: the workspace plus server behaviour. */
export interface SlackEmulatorOptions extends SlackSeed {
  /**
   * The tokens accepted; any other is `invalid_auth`, none `not_authed`. When absent, any token
   * is accepted with {@link SLACK_SCOPES}.
   */
  tokens?: readonly SlackTokenSeed[];
  /**
   * Unknown routes answer 501 instead of 404, and calls Slack would answer but that show a client
   * bug are recorded in `unexpected`: an argument the method does not take, a missing required
   * one, a token in the query string.
   */
  strict?: boolean;
  /** Milliseconds added before every response. */
  latencyMs?: number;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Keep the detailed traffic log (`traffic`). */
  traffic?: boolean;
  /** Enforce Slack's per-method tiers (`true`: real time); off by default. */
  rateLimits?: SlackRateLimitOptions | true;
  /** The clock `date_update` and friends read, in epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

/** A running emulator: a {@link JsonServer} with Slack's methods, and the workspace to inspect or change. */
export interface SlackEmulator extends JsonServer {
  /** A user group's members now, by id or handle (a copy); throws when there is none. */
  members(group: string): string[];
  /** A user group's `date_update` now, by id or handle. */
  dateUpdate(group: string): number;
  /** Whether a user group is disabled now, by id or handle. */
  disabled(group: string): boolean;
  /** Deactivates a user, as an admin would: they stay in their groups, and any update naming them fails. */
  deactivate(userId: string): void;
  /** Replaces a group's members out of band (someone editing it in Slack), bumping `date_update`. */
  editMembers(group: string, users: readonly string[]): void;
  /** Refusals and peaks of the rate-limit accounting; `undefined` when it is off. */
  rateStats(): SlackRateStats | undefined;
}

/** The arguments each method takes (besides `token`), and which of them are required. */
const METHODS: Readonly<Record<string, { scope: string | undefined; args: readonly string[]; required: readonly string[] }>> = {
  'auth.test': { scope: undefined, args: [], required: [] },
  'usergroups.list': { scope: 'usergroups:read', args: ['include_users', 'include_disabled', 'include_count', 'team_id'], required: [] },
  'usergroups.users.list': { scope: 'usergroups:read', args: ['usergroup', 'include_disabled', 'team_id'], required: ['usergroup'] },
  'usergroups.users.update': { scope: 'usergroups:write', args: ['usergroup', 'users', 'include_count', 'team_id'], required: ['usergroup'] },
  'usergroups.enable': { scope: 'usergroups:write', args: ['usergroup', 'include_count', 'team_id'], required: ['usergroup'] },
  'usergroups.disable': { scope: 'usergroups:write', args: ['usergroup', 'include_count', 'team_id'], required: ['usergroup'] },
  'users.list': { scope: 'users:read', args: ['limit', 'cursor', 'include_locale', 'team_id'], required: [] },
  'users.lookupByEmail': { scope: 'users:read.email', args: ['email', 'team_id'], required: ['email'] },
};

/** The methods the emulator serves, with the arguments each takes: what the contract test checks. */
export const SLACK_METHODS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(Object.entries(METHODS).map(([m, d]) => [m, d.args]));

/** Most users one `users.list` page holds; larger `limit`s are cut to it, as Slack does. */
const MAX_PAGE = 1000;

/** Starts an emulator serving `options`' workspace; throws on a seed Slack could not hold. */
export async function startSlackEmulator(options: SlackEmulatorOptions): Promise<SlackEmulator> {
  const clock = options.now ?? Date.now;
  const state = new SlackState(options, () => Math.floor(clock() / 1000));
  const limiter = options.rateLimits === undefined ? undefined : new SlackRateLimiter(options.rateLimits === true ? {} : options.rateLimits);
  const strict = options.strict ?? false;
  const server = await startJsonServer({
    name: 'Slack emulator',
    routes: Object.keys(METHODS).flatMap((method) => ['GET', 'POST'].map((verb): Route => ({ method: verb, pattern: `/api/${method}`, handler: (req) => serve(state, options.tokens, strict, method, req) }))),
    // 400 is the shared server's answer to a body that is neither a form nor JSON (Slack's own is HTTP 200).
    errorBody: (status) => ({ ok: false, error: status === 400 ? 'invalid_json' : status === 500 ? 'fatal_error' : 'unknown_method' }),
    port: options.port,
    strict: options.strict,
    latencyMs: options.latencyMs,
    traffic: options.traffic,
    ...(limiter
      ? {
          admit: (req: JsonRequest) => {
            const method = req.path.replace(/^\/api\//, '');
            if (!(method in METHODS)) return undefined;
            const d = limiter.admit(method);
            return d.ok ? {} : { refuse: { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(d.retryAfterSeconds) } }, reason: `${method} tier` };
          },
        }
      : {}),
  });
  const group = (ref: string): Usergroup => {
    const found = state.groups.get(ref) ?? [...state.groups.values()].find((g) => g.handle === ref);
    if (found === undefined) throw new RangeError(`Slack emulator: no user group ${ref}`);
    return found;
  };
  return Object.assign(server, {
    members: (ref: string) => [...group(ref).users],
    dateUpdate: (ref: string) => group(ref).dateUpdate,
    disabled: (ref: string) => group(ref).dateDelete !== 0,
    deactivate: (userId: string) => state.deactivate(userId),
    editMembers: (ref: string, users: readonly string[]) => {
      const result = state.replaceMembers(group(ref).id, users.join(','), 'U0ADMIN001');
      if (typeof result === 'string') throw new RangeError(`Slack emulator: cannot set ${ref} to ${users.join(',')}: ${result}`);
    },
    rateStats: () => limiter?.snapshot(),
  } satisfies Omit<SlackEmulator, keyof JsonServer>);
}

/**
 * The call's arguments: the query, then the form or JSON object body (which wins), as strings
 * (a JSON array of user ids as Slack's comma-separated list).
 */
function argumentsOf(req: JsonRequest): Record<string, string> {
  const args: Record<string, string> = Object.fromEntries(req.query);
  for (const [k, v] of Object.entries(req.body as Record<string, unknown>)) args[k] = typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : JSON.stringify(v);
  return args;
}

/** Authenticates, checks the arguments and scope, then runs the method. */
function serve(state: SlackState, tokens: readonly SlackTokenSeed[] | undefined, strict: boolean, method: string, req: JsonRequest): JsonResponse {
  const spec = METHODS[method]!;
  if (req.body !== undefined && (req.body === null || typeof req.body !== 'object' || Array.isArray(req.body))) return { status: 200, body: { ok: false, error: 'json_not_object' }, unexpected: 'JSON body is not an object' };
  const args = argumentsOf(req.body === undefined ? { ...req, body: {} } : req);
  const findings: string[] = [];
  if (req.query.has('token')) findings.push('token in the query string');
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const given = bearer ?? (req.query.has('token') ? undefined : args.token);
  delete args.token;
  const answer = (body: Record<string, unknown>, scopes: readonly string[] = [], unexpected?: string): JsonResponse => {
    const reasons = [...findings, ...(unexpected === undefined ? [] : [unexpected])];
    return {
      status: 200,
      body,
      headers: { 'x-oauth-scopes': scopes.join(','), 'x-accepted-oauth-scopes': spec.scope ?? '' },
      ...(reasons.length > 0 ? { unexpected: reasons.join('; ') } : {}),
    };
  };
  if (given === undefined) return answer({ ok: false, error: 'not_authed' }, [], 'no token');
  const token = tokens === undefined ? { token: given, scopes: SLACK_SCOPES } : tokens.find((t) => t.token === given);
  if (token === undefined) return answer({ ok: false, error: 'invalid_auth' }, [], 'unknown token');
  const scopes = token.scopes ?? SLACK_SCOPES;
  if (strict) {
    const unknown = Object.keys(args).filter((a) => !spec.args.includes(a));
    if (unknown.length > 0) findings.push(`${method} does not take ${unknown.join(', ')}`);
  }
  const missing = spec.required.filter((a) => args[a] === undefined);
  if (missing.length > 0) return answer({ ok: false, error: 'invalid_arguments', response_metadata: { messages: missing.map((a) => `[ERROR] missing required field: ${a}`) } }, scopes, `${method} without ${missing.join(', ')}`);
  if (spec.scope !== undefined && !scopes.includes(spec.scope)) return answer({ ok: false, error: 'missing_scope', needed: spec.scope, provided: scopes.join(',') }, scopes);
  if (args.team_id !== undefined && args.team_id !== state.teamId) return answer({ ok: false, error: 'team_not_found' }, scopes, `team_id ${args.team_id} is not this workspace's`);
  return answer(METHOD_HANDLERS[method]!(state, args), scopes);
}

/** Serves one method's arguments (`token` removed, required ones present) with Slack's body. */
type Handler = (state: SlackState, args: Record<string, string>) => Record<string, unknown>;

const METHOD_HANDLERS: Readonly<Record<string, Handler>> = {
  'auth.test': (state) => ({ ok: true, url: `https://${state.teamDomain}.slack.com/`, team: state.teamDomain, user: 'oncall-access', team_id: state.teamId, user_id: BOT_USER_ID, bot_id: 'B0BOT000001', is_enterprise_install: false }),
  'usergroups.list': (state, args) => {
    const users = flag(args.include_users);
    const count = flag(args.include_count);
    const groups = [...state.groups.values()].filter((g) => g.dateDelete === 0 || flag(args.include_disabled));
    return { ok: true, usergroups: groups.sort((a, b) => a.name.localeCompare(b.name)).map((g) => groupJson(state, g, { users, count })) };
  },
  'usergroups.users.list': (state, args) => {
    const g = state.groups.get(args.usergroup!);
    if (g === undefined || (g.dateDelete !== 0 && !flag(args.include_disabled))) return { ok: false, error: 'no_such_subteam' };
    return { ok: true, users: [...g.users] };
  },
  'usergroups.users.update': (state, args) => {
    const result = state.replaceMembers(args.usergroup!, args.users, BOT_USER_ID);
    if (typeof result === 'string') return { ok: false, error: result };
    return { ok: true, usergroup: groupJson(state, result, { users: true, count: flag(args.include_count) }) };
  },
  'usergroups.enable': (state, args) => enable(state, args, true),
  'usergroups.disable': (state, args) => enable(state, args, false),
  'users.list': (state, args) => {
    const all = [...state.users.values()].sort((a, b) => a.id.localeCompare(b.id));
    const limit = args.limit === undefined || args.limit === '0' ? MAX_PAGE : Number(args.limit);
    if (!Number.isInteger(limit) || limit < 0) return { ok: false, error: 'invalid_limit' };
    let from = 0;
    if (args.cursor !== undefined && args.cursor !== '') {
      const after = /^user:([UW][A-Z0-9]+)$/.exec(Buffer.from(args.cursor, 'base64').toString('utf8'))?.[1];
      from = after === undefined ? -1 : all.findIndex((u) => u.id === after);
      if (from < 0) return { ok: false, error: 'invalid_cursor' };
    }
    const page = all.slice(from, from + Math.min(limit, MAX_PAGE));
    const next = all[from + page.length];
    return { ok: true, members: page.map((u) => userJson(state, u)), cache_ts: state.nowSeconds(), response_metadata: { next_cursor: next === undefined ? '' : Buffer.from(`user:${next.id}`).toString('base64') } };
  },
  'users.lookupByEmail': (state, args) => {
    const user = state.userByEmail(args.email!);
    return user === undefined ? { ok: false, error: 'users_not_found' } : { ok: true, user: userJson(state, user) };
  },
};

function enable(state: SlackState, args: Record<string, string>, on: boolean): Record<string, unknown> {
  const g = state.groups.get(args.usergroup!);
  if (g === undefined) return { ok: false, error: 'no_such_subteam' };
  return { ok: true, usergroup: groupJson(state, state.setEnabled(g.id, on, BOT_USER_ID)!, { users: false, count: flag(args.include_count) }) };
}

/** Slack's boolean arguments: `true` or `1`. */
function flag(value: string | undefined): boolean {
  return value === 'true' || value === '1';
}

/** Slack's `objs_subteam`: `users` only when asked for, `user_count` only with `include_count`. */
function groupJson(state: SlackState, g: Usergroup, o: { users: boolean; count: boolean }): Record<string, unknown> {
  return {
    id: g.id,
    team_id: state.teamId,
    is_usergroup: true,
    is_subteam: true,
    name: g.name,
    description: g.description,
    handle: g.handle,
    is_external: false,
    date_create: g.dateCreate,
    date_update: g.dateUpdate,
    date_delete: g.dateDelete,
    auto_type: null,
    auto_provision: false,
    enterprise_subteam_id: '',
    created_by: g.createdBy,
    updated_by: g.updatedBy,
    deleted_by: g.deletedBy,
    prefs: { channels: [], groups: [] },
    ...(o.users ? { users: [...g.users] } : {}),
    ...(o.count ? { user_count: g.users.length } : {}),
  };
}

/** Slack's `objs_user` with the profile fields its contract requires. */
function userJson(state: SlackState, u: User): Record<string, unknown> {
  return {
    id: u.id,
    team_id: state.teamId,
    name: u.name,
    deleted: u.deleted,
    real_name: u.realName,
    is_bot: u.isBot,
    is_app_user: false,
    updated: u.updated,
    profile: {
      real_name: u.realName,
      real_name_normalized: u.realName,
      display_name: u.name,
      display_name_normalized: u.name,
      avatar_hash: '',
      title: '',
      phone: '',
      skype: '',
      status_text: '',
      status_emoji: '',
      fields: null,
      ...(u.email === undefined ? {} : { email: u.email }),
    },
  };
}
