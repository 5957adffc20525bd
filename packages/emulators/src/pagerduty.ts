/**
 * A local PagerDuty REST API emulator for tests, the demo and benchmarks: the read endpoints
 * the PagerDuty source uses (`/oncalls`, `/schedules/{id}`, `/schedules/{id}/users`,
 * `/escalation_policies/{id}`, `/users`, `/users/{id}`) with PagerDuty's response shapes,
 * classic offset pagination (`limit` at most 100, `offset + limit` at most 10000), error bodies
 * and `Authorization: Token token=...` authentication. It listens on 127.0.0.1 only.
 *
 * Times are rendered in the `time_zone` asked for (default UTC) with an offset, or `Z` for UTC.
 * Schedule entries are clipped to `since`/`until` unless `overflow=true`; `/oncalls` entries
 * keep their whole span, as PagerDuty does.
 */
import { startJsonServer, type JsonRequest, type JsonResponse, type JsonServer, type Route } from './http-server.js';
import { clip, overlapping, PagerDutyRateLimiter, PagerDutyState, type EscalationPolicy, type PagerDutyRateLimitOptions, type PagerDutySeed, type OnCall, type Schedule, type Span, type Target, type User } from './pagerduty-state.js';
import { isTimeZone, offsetMinutes, parseDateTime } from './zone.js';

export type { PagerDutyRateLimitOptions, PagerDutyEscalationPolicySeed, PagerDutyIncidentSeed, PagerDutyScheduleSeed, PagerDutySeed, PagerDutyShiftSeed, PagerDutyTargetSeed, PagerDutyUserSeed } from './pagerduty-state.js';
export type { FaultMatch, FaultResponse, RequestRecord, TrafficRecord, UnexpectedRequest } from './http-server.js';

/** How to start the emulator: the world to seed plus server behaviour. */
export interface PagerDutyEmulatorOptions extends PagerDutySeed {
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** When set, every request must carry `Authorization: Token token=<it>` (or `Bearer <it>`), else 401. */
  token?: string;
  /**
   * Tokens of reduced scope also accepted: scoped OAuth tokens, each with its scopes
   * (`schedules.read`, `escalation_policies.read`, `oncalls.read`, `users.read`). A request
   * for a resource whose `<resource>.read` scope the token lacks is refused 403 with PagerDuty's
   * error code 2010, "Access Denied".
   */
  scopedTokens?: { token: string; scopes: string[] }[];
  /**
   * Unknown routes answer 501 instead of PagerDuty's 404, and requests PagerDuty would serve but
   * that show a client bug are recorded in `unexpected`: an unknown query parameter, a missing
   * or wrong versioned `Accept` header.
   */
  strict?: boolean;
  /** Milliseconds added before every response. */
  latencyMs?: number;
  /** The clock `since`/`until` default to; default the real one. */
  now?: () => Date;
  /**
   * Enforce PagerDuty's REST rate limit (960 requests per minute per key; `true` for that):
   * a request over it is answered 429 with `ratelimit-limit`, `ratelimit-remaining` (0) and
   * `ratelimit-reset` (seconds to wait). Off by default.
   */
  rateLimit?: PagerDutyRateLimitOptions | true;
  /** Keep the detailed traffic log (`traffic`). */
  traffic?: boolean;
}

/** A running emulator: request log, `unexpected` log, fault injection, `close`. */
export interface PagerDutyEmulator extends JsonServer {
  /** Requests refused by the rate limit and the most admitted in one minute; `undefined` when it is off. */
  rateStats(): { refused: number; peakPerMinute: number; perMinute: number } | undefined;
}

/** The versioned media type PagerDuty's REST API v2 expects in `Accept`. */
export const PAGERDUTY_ACCEPT = 'application/vnd.pagerduty+json;version=2';

const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 100;
const MAX_OFFSET_PLUS_LIMIT = 10_000;
const MAX_RANGE_MS = 90 * 86_400_000;

/** Starts an emulator seeded with `options`; throws on a seed PagerDuty could not be in. */
export async function startPagerDutyEmulator(options: PagerDutyEmulatorOptions): Promise<PagerDutyEmulator> {
  const state = new PagerDutyState(options);
  const now = options.now ?? (() => new Date());
  const limitOptions = options.rateLimit === true ? {} : options.rateLimit;
  const limiter = limitOptions === undefined ? undefined : new PagerDutyRateLimiter(limitOptions);
  const server = await startJsonServer({
    name: 'PagerDuty emulator',
    routes: routes(state, now, options.strict ?? false, options.scopedTokens ?? []),
    errorBody: (status, message) => errorBody(status, message),
    port: options.port,
    strict: options.strict,
    latencyMs: options.latencyMs,
    authenticate: (req) => (scopedToken(options.scopedTokens ?? [], req) ? undefined : authenticate(options.token, req)),
    traffic: options.traffic,
    ...(limiter
      ? {
          admit: () => {
            const d = limiter.admit();
            const headers = { 'ratelimit-limit': String(d.limit), 'ratelimit-remaining': String(d.remaining), 'ratelimit-reset': String(d.resetSeconds) };
            return d.ok ? {} : { refuse: { status: 429, body: errorBody(429, 'Rate Limit Exceeded'), headers }, reason: 'requests per minute' };
          },
        }
      : {}),
  });
  // The server itself (its live logs and peak counter) plus this emulator's accessors.
  return Object.assign(server, {
    rateStats: () => limiter && { refused: limiter.refused, peakPerMinute: limiter.peak, perMinute: limitOptions?.perMinute ?? 960 },
  } satisfies Omit<PagerDutyEmulator, keyof JsonServer>);
}

/** A query the request got wrong: answered 400 with PagerDuty's error body. */
class BadRequest extends Error {}

/** Reads a request's query: what every handler gets. */
interface Ctx {
  req: JsonRequest;
  state: PagerDutyState;
  now: () => Date;
  /** `time_zone`, validated; `UTC` when absent. */
  timeZone: string;
  /** Reasons the answer is not what PagerDuty would send (a feature not emulated). */
  notEmulated: string[];
}

type Serve = (ctx: Ctx) => JsonResponse;

function routes(state: PagerDutyState, now: () => Date, strict: boolean, scoped: readonly { token: string; scopes: string[] }[]): Route[] {
  const get = (pattern: string, params: readonly string[], serve: Serve): Route => ({
    method: 'GET',
    pattern,
    handler: (req) => {
      const scope = `${pattern.split('/')[1]!}.read`;
      const token = scopedToken(scoped, req);
      return token && !token.scopes.includes(scope) ? { status: 403, body: errorBody(403, 'Access Denied') } : endpoint(req, { state, now, strict, params, serve });
    },
  });
  const paging = ['limit', 'offset', 'total'];
  return [
    get('/oncalls', ['time_zone', 'include[]', 'user_ids[]', 'escalation_policy_ids[]', 'schedule_ids[]', 'since', 'until', 'earliest', ...paging], listOnCalls),
    get('/schedules/:id', ['time_zone', 'since', 'until', 'overflow', 'include_next_oncall_for_user'], getSchedule),
    get('/schedules/:id/users', ['since', 'until'], listScheduleUsers),
    get('/escalation_policies/:id', ['include[]'], getEscalationPolicy),
    get('/users', ['query', 'team_ids[]', 'include[]', ...paging], listUsers),
    get('/users/:id', ['include[]'], getUser),
    get('/incidents', ['statuses[]', 'date_range', 'include[]', 'service_ids[]', 'team_ids[]', 'user_ids[]', 'urgencies[]', 'since', 'until', 'time_zone', 'sort_by', 'incident_key', ...paging], listIncidents),
  ];
}

/** Runs `serve` for `req`, turning {@link BadRequest} into a 400 and collecting strict-mode findings. */
function endpoint(req: JsonRequest, o: { state: PagerDutyState; now: () => Date; strict: boolean; params: readonly string[]; serve: Serve }): JsonResponse {
  const findings = o.strict ? strictFindings(req, o.params) : [];
  let response: JsonResponse;
  const ctx: Ctx = { req, state: o.state, now: o.now, timeZone: 'UTC', notEmulated: [] };
  try {
    ctx.timeZone = timeZoneParam(req.query);
    response = o.serve(ctx);
  } catch (err) {
    if (!(err instanceof BadRequest)) throw err;
    response = { status: 400, body: errorBody(400, 'Invalid Input Provided', [err.message]) };
  }
  const reasons = [...findings, ...ctx.notEmulated];
  return reasons.length === 0 ? response : { ...response, unexpected: reasons.join('; ') };
}

/** What strict mode records about a request PagerDuty would still serve. */
function strictFindings(req: JsonRequest, params: readonly string[]): string[] {
  const unknown = [...new Set(req.query.keys())].filter((k) => !params.includes(k));
  const accept = req.headers.accept ?? '';
  return [
    ...unknown.map((k) => `unknown query parameter ${k}`),
    ...(accept.replace(/\s+/g, '').includes(PAGERDUTY_ACCEPT) ? [] : [`Accept is ${JSON.stringify(accept)}, not ${PAGERDUTY_ACCEPT}`]),
  ];
}

/** The token a request carries: `Authorization: Token token=<it>` or `Bearer <it>`. */
function givenToken(req: JsonRequest): string | undefined {
  const header = req.headers.authorization ?? '';
  return /^Token token=(.*)$/i.exec(header)?.[1] ?? /^Bearer (.*)$/i.exec(header)?.[1];
}

/** The scoped token a request carries, if it carries one. */
function scopedToken<T extends { token: string }>(tokens: readonly T[], req: JsonRequest): T | undefined {
  const given = givenToken(req);
  return tokens.find((t) => t.token === given);
}

function authenticate(token: string | undefined, req: JsonRequest): JsonResponse | undefined {
  if (token === undefined) return undefined;
  const header = req.headers.authorization ?? '';
  if (givenToken(req) === token) return undefined;
  return { status: 401, body: errorBody(401, 'Authentication failed'), unexpected: header === '' ? 'no credentials' : 'bad credentials' };
}

const ERROR_CODES: Record<number, number> = { 400: 2001, 401: 2006, 403: 2010, 404: 2100, 429: 2020 };

/** PagerDuty's error body: `{ error: { message, code, errors } }`. */
function errorBody(status: number, message: string, errors: string[] = []): { error: { message: string; code: number; errors: string[] } } {
  return { error: { message, code: ERROR_CODES[status] ?? 2000, errors } };
}

function notFound(): JsonResponse {
  return { status: 404, body: errorBody(404, 'Not Found') };
}

// --- handlers -------------------------------------------------------------------------------

function listOnCalls(ctx: Ctx): JsonResponse {
  const q = ctx.req.query;
  const { since, until } = range(ctx, true);
  const include = includes(ctx, ['users']);
  const onCalls = ctx.state.onCalls({
    since,
    until,
    userIds: idSet(q, 'user_ids[]'),
    policyIds: idSet(q, 'escalation_policy_ids[]'),
    scheduleIds: scheduleIdSet(q),
    earliest: booleanParam(q, 'earliest'),
  });
  return page(ctx, 'oncalls', onCalls, (o) => onCallJson(ctx, o, include.has('users')));
}

function getSchedule(ctx: Ctx): JsonResponse {
  const schedule = ctx.state.schedules.get(ctx.req.params.id);
  if (ctx.req.query.has('include_next_oncall_for_user')) ctx.notEmulated.push('include_next_oncall_for_user is not emulated');
  const { since, until } = range(ctx, false);
  if (schedule === undefined) return notFound();
  const cut = (spans: readonly Span[]): Span[] => (booleanParam(ctx.req.query, 'overflow') ? overlapping(spans, since, until) : clip(spans, since, until));
  return { status: 200, body: { schedule: scheduleJson(ctx, schedule, cut) } };
}

function listScheduleUsers(ctx: Ctx): JsonResponse {
  const schedule = ctx.state.schedules.get(ctx.req.params.id);
  const { since, until } = range(ctx, false);
  if (schedule === undefined) return notFound();
  const users = new Set(overlapping(schedule.final, since, until).map((s) => s.user));
  return { status: 200, body: { users: [...users].map((u) => userJson(ctx, u)) } };
}

function getEscalationPolicy(ctx: Ctx): JsonResponse {
  const policy = ctx.state.policies.get(ctx.req.params.id);
  includes(ctx, []);
  if (policy === undefined) return notFound();
  return { status: 200, body: { escalation_policy: policyJson(ctx, policy) } };
}

function listUsers(ctx: Ctx): JsonResponse {
  const query = (ctx.req.query.get('query') ?? '').toLowerCase();
  includes(ctx, []);
  if (ctx.req.query.has('team_ids[]')) ctx.notEmulated.push('team_ids[] is not emulated (the account has no teams)');
  const users = [...ctx.state.users.values()].filter((u) => `${u.name}\n${u.email ?? ''}`.toLowerCase().includes(query));
  return page(ctx, 'users', users, (u) => userJson(ctx, u));
}

function getUser(ctx: Ctx): JsonResponse {
  const user = ctx.state.users.get(ctx.req.params.id);
  includes(ctx, []);
  if (user === undefined) return notFound();
  return { status: 200, body: { user: userJson(ctx, user) } };
}

/**
 * `GET /incidents`: incidents filtered by `statuses[]`, in number order; `include[]` assignees and
 * acknowledgers turn those references into full users (with emails). Without `date_range=all`
 * PagerDuty filters by a month of creation, which is not emulated (recorded in strict mode), nor
 * are the service, team, user and urgency filters.
 */
function listIncidents(ctx: Ctx): JsonResponse {
  const q = ctx.req.query;
  const include = includes(ctx, ['assignees', 'acknowledgers']);
  if (q.get('date_range') !== 'all') ctx.notEmulated.push('incidents are not filtered by created_at: ask with date_range=all');
  for (const p of ['service_ids[]', 'team_ids[]', 'user_ids[]', 'urgencies[]', 'incident_key', 'sort_by']) if (q.has(p)) ctx.notEmulated.push(`${p} is not emulated`);
  const statuses = q.getAll('statuses[]');
  const unknown = statuses.filter((x) => !['triggered', 'acknowledged', 'resolved'].includes(x));
  if (unknown.length > 0) throw new BadRequest(`statuses[] must be triggered, acknowledged or resolved, not ${unknown.join(', ')}`);
  const incidents = [...ctx.state.incidents.values()].filter((i) => statuses.length === 0 || statuses.includes(i.status));
  const person = (u: User, full: boolean) => (full ? userJson(ctx, u) : userRef(ctx, u));
  return page(ctx, 'incidents', incidents, (i) => ({
    ...reference(ctx, 'incident', 'incidents', `Q${String(i.number).padStart(6, '0')}`, i.title),
    incident_number: i.number,
    title: i.title,
    status: i.status,
    urgency: 'high',
    escalation_policy: policyRef(ctx, i.policy),
    assignments: (i.status === 'resolved' ? [] : i.assignees).map((u) => ({ at: '2026-11-30T06:00:00Z', assignee: person(u, include.has('assignees')) })),
    acknowledgements: i.acknowledgers.map((u) => ({ at: '2026-11-30T06:05:00Z', acknowledger: person(u, include.has('acknowledgers')) })),
  }));
}

// --- query parameters -----------------------------------------------------------------------

function timeZoneParam(q: URLSearchParams): string {
  const tz = q.get('time_zone');
  if (tz === null) return 'UTC';
  if (!isTimeZone(tz)) throw new BadRequest(`Time Zone ${JSON.stringify(tz)} is not a valid time zone`);
  return tz;
}

/**
 * `since`/`until` as epoch milliseconds; each defaults to now. `/oncalls` (`limited`) refuses a
 * range over 90 days, as PagerDuty does.
 */
function range(ctx: Ctx, limited: boolean): { since: number; until: number } {
  const now = ctx.now().getTime();
  const since = instantParam(ctx, 'since') ?? now;
  const until = instantParam(ctx, 'until') ?? Math.max(now, since);
  if (until < since) throw new BadRequest('The until time cannot be before the since time');
  if (limited && until - since > MAX_RANGE_MS) throw new BadRequest('The search range cannot exceed 3 months');
  return { since, until };
}

function instantParam(ctx: Ctx, name: string): number | undefined {
  const text = ctx.req.query.get(name);
  if (text === null) return undefined;
  const ms = parseDateTime(text, ctx.timeZone);
  if (ms === undefined) throw new BadRequest(`${name} is not a valid date-time: ${JSON.stringify(text)}`);
  return ms;
}

function booleanParam(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  if (v === null || v === 'false') return false;
  if (v === 'true') return true;
  throw new BadRequest(`${name} must be true or false`);
}

function idSet(q: URLSearchParams, name: string): Set<string> | undefined {
  return q.has(name) ? new Set(q.getAll(name)) : undefined;
}

/** `schedule_ids[]`, where the string `null` selects permanent on-calls. */
function scheduleIdSet(q: URLSearchParams): Set<string | null> | undefined {
  return q.has('schedule_ids[]') ? new Set(q.getAll('schedule_ids[]').map((id) => (id === 'null' ? null : id))) : undefined;
}

/** The `include[]` values asked for; those not in `emulated` are recorded as not emulated. */
function includes(ctx: Ctx, emulated: readonly string[]): Set<string> {
  const asked = new Set(ctx.req.query.getAll('include[]'));
  for (const v of asked) if (!emulated.includes(v)) ctx.notEmulated.push(`include[]=${v} is not emulated`);
  return asked;
}

function intParam(q: URLSearchParams, name: string, fallback: number): number {
  const v = q.get(name);
  if (v === null) return fallback;
  if (!/^\d+$/.test(v)) throw new BadRequest(`${name} must be a non-negative integer`);
  return Number(v);
}

/**
 * One page of `items` in PagerDuty's classic pagination: `limit` (default 25, at most 100),
 * `offset`, `more`, and `total` (null unless `total=true`). `offset + limit` over 10000 is refused.
 */
function page<T>(ctx: Ctx, key: string, items: readonly T[], toJson: (item: T) => unknown): JsonResponse {
  const q = ctx.req.query;
  const limit = Math.min(intParam(q, 'limit', DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT);
  const offset = intParam(q, 'offset', 0);
  if (offset + limit > MAX_OFFSET_PLUS_LIMIT) throw new BadRequest(`Offset + limit must not exceed ${MAX_OFFSET_PLUS_LIMIT}; use filters to narrow the results`);
  const body = {
    [key]: items.slice(offset, offset + limit).map(toJson),
    limit,
    offset,
    more: offset + limit < items.length,
    total: booleanParam(q, 'total') ? items.length : null,
  };
  return { status: 200, body };
}

// --- JSON shapes ----------------------------------------------------------------------------

/** An instant as PagerDuty renders it in `timeZone`: `2026-01-05T09:00:00+01:00`, or `...Z` in UTC. */
export function renderInstant(ms: number, timeZone: string): string {
  const utc = Math.floor(ms / 1000) * 1000;
  if (/^(Etc\/)?(UTC|GMT)$/i.test(timeZone)) return new Date(utc).toISOString().replace('.000Z', 'Z');
  const offset = offsetMinutes(utc, timeZone);
  const two = (n: number): string => String(n).padStart(2, '0');
  const abs = Math.abs(offset);
  return `${new Date(utc + offset * 60_000).toISOString().slice(0, 19)}${offset < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

function reference(ctx: Ctx, type: string, collection: string, id: string, summary: string): Record<string, string> {
  return { id, type, summary, self: `${ctx.req.origin}/${collection}/${id}`, html_url: `${ctx.req.origin}/web/${collection}/${id}` };
}

function userRef(ctx: Ctx, u: User): Record<string, string> {
  return reference(ctx, 'user_reference', 'users', u.id, u.name);
}

function scheduleRef(ctx: Ctx, s: Schedule): Record<string, string> {
  return reference(ctx, 'schedule_reference', 'schedules', s.id, s.name);
}

function policyRef(ctx: Ctx, p: EscalationPolicy): Record<string, string> {
  return reference(ctx, 'escalation_policy_reference', 'escalation_policies', p.id, p.name);
}

/** A full user object; `email` is left out when the seed has none. */
function userJson(ctx: Ctx, u: User): Record<string, unknown> {
  return {
    ...reference(ctx, 'user', 'users', u.id, u.name),
    name: u.name,
    ...(u.email === undefined ? {} : { email: u.email }),
    time_zone: u.timeZone,
    color: 'purple',
    role: 'user',
    avatar_url: `${ctx.req.origin}/web/avatars/${u.id}`,
    description: null,
    invitation_sent: false,
    job_title: '',
    teams: [],
    contact_methods: [],
    notification_rules: [],
  };
}

function onCallJson(ctx: Ctx, o: OnCall, fullUser: boolean): Record<string, unknown> {
  return {
    escalation_policy: policyRef(ctx, o.policy),
    escalation_level: o.level,
    schedule: o.schedule === undefined ? null : scheduleRef(ctx, o.schedule),
    user: fullUser ? userJson(ctx, o.user) : userRef(ctx, o.user),
    start: o.start === undefined ? null : renderInstant(o.start, ctx.timeZone),
    end: o.end === undefined ? null : renderInstant(o.end, ctx.timeZone),
  };
}

function entriesJson(ctx: Ctx, spans: readonly Span[]): Record<string, unknown>[] {
  return spans.map((s) => ({ user: userRef(ctx, s.user), start: renderInstant(s.start, ctx.timeZone), end: renderInstant(s.end, ctx.timeZone) }));
}

/** Percentage of `[since, until)` that `spans` (already cut to it) cover. */
function coverage(spans: readonly Span[], since: number, until: number): number {
  if (until <= since) return spans.length > 0 ? 100 : 0;
  const covered = spans.reduce((sum, s) => sum + (Math.min(s.end, until) - Math.max(s.start, since)), 0);
  return Math.round((covered / (until - since)) * 10_000) / 100;
}

function subschedule(ctx: Ctx, name: string, spans: readonly Span[]): Record<string, unknown> {
  const { since, until } = range(ctx, false);
  return { name, rendered_schedule_entries: entriesJson(ctx, spans), rendered_coverage_percentage: coverage(spans, since, until) };
}

/**
 * The schedule object. Its one layer stands for the seeded entries (the emulator does not model
 * rotation rules); `final_schedule` is that layer with the overrides applied.
 */
function scheduleJson(ctx: Ctx, s: Schedule, cut: (spans: readonly Span[]) => Span[]): Record<string, unknown> {
  const first = s.layer[0];
  const users = [...new Set([...s.layer, ...s.overrides].map((e) => e.user))];
  return {
    ...reference(ctx, 'schedule', 'schedules', s.id, s.name),
    name: s.name,
    description: '',
    time_zone: s.timeZone,
    schedule_layers: [
      {
        ...subschedule(ctx, 'Layer 1', cut(s.layer)),
        id: `${s.id}-L1`,
        start: first === undefined ? null : renderInstant(first.start, ctx.timeZone),
        users: [...new Set(s.layer.map((e) => e.user))].map((u) => ({ user: userRef(ctx, u) })),
        rotation_virtual_start: first === undefined ? null : renderInstant(first.start, ctx.timeZone),
        rotation_turn_length_seconds: first === undefined ? 0 : (first.end - first.start) / 1000,
        restrictions: [],
      },
    ],
    overrides_subschedule: subschedule(ctx, 'Overrides', cut(s.overrides)),
    final_schedule: subschedule(ctx, 'Final Schedule', cut(s.final)),
    escalation_policies: ctx.state.policiesUsing(s).map((p) => policyRef(ctx, p)),
    users: users.map((u) => userRef(ctx, u)),
    teams: [],
  };
}

function targetJson(ctx: Ctx, t: Target): Record<string, string> {
  return t.kind === 'user' ? userRef(ctx, t.user) : scheduleRef(ctx, t.schedule);
}

function policyJson(ctx: Ctx, p: EscalationPolicy): Record<string, unknown> {
  return {
    ...reference(ctx, 'escalation_policy', 'escalation_policies', p.id, p.name),
    name: p.name,
    description: '',
    num_loops: 0,
    on_call_handoff_notifications: 'if_has_services',
    escalation_rules: p.levels.map((targets, i) => ({ id: `${p.id}-R${i + 1}`, escalation_delay_in_minutes: 30, targets: targets.map((t) => targetJson(ctx, t)) })),
    services: [],
    teams: [],
  };
}
