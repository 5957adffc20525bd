/**
 * A local emulator of Jira Service Management (JSM) Operations for tests and the demo: the part
 * of Atlassian's cloud API the `jsm` source reads, under one origin as at `https://api.atlassian.com`.
 *
 * - `GET /jsm/ops/api/{cloudId}/v1/schedules`: the schedules, paged by `offset` and `size`, with a
 *   `links.next` path while more follow (`ListSchedulesResponse`).
 * - `GET /jsm/ops/api/{cloudId}/v1/schedules/{scheduleId}/timeline`: a schedule's timeline from
 *   `date` for `interval` `intervalUnit`s, periods clipped to it and grouped by rotation
 *   (`ScheduleTimelineResponse`: no envelope; responders are `{ id, type }`, people by account id).
 *   The range may reach one year back and two years ahead of today, as the reference says.
 * - `GET /ex/jira/{cloudId}/rest/api/3/user/bulk`: users by repeated `accountId`, paged by
 *   `startAt` and `maxResults` (`PageBeanUser`); `emailAddress` is left out for a user whose
 *   profile hides it, as Atlassian does.
 *
 * Basic authentication (account email and API token) on every request: missing or wrong
 * credentials are a 401 `{ code, message }` as Atlassian's gateway answers, and a token without
 * the scope a route needs (`read:ops-config:jira-service-management`, `read:jira-user`) is a 401
 * "Unauthorized; scope does not match". JSM errors have JSM's body (`{ errors: [{ title }] }`),
 * the Jira user route Jira's (`{ errorMessages, errors }`). Strict mode answers unknown routes
 * with 501 and records unknown query parameters; faults come from the shared JSON server. It
 * listens on 127.0.0.1 only and imports only its siblings.
 */
import { randomBytes } from 'node:crypto';
import { startJsonServer, type JsonRequest, type JsonResponse, type JsonServer, type Route } from './http-server.js';

export type { FaultMatch, FaultResponse, RequestRecord, UnexpectedRequest } from './http-server.js';

/** The scope the schedule routes need of a token. */
export const JSM_OPS_SCOPE = 'read:ops-config:jira-service-management';
/** The scope the user route needs of a token. */
export const JIRA_USER_SCOPE = 'read:jira-user';

/** What a period's responder is (`TimelineResponder.type`). */
export type JsmResponderType = 'user' | 'team' | 'escalation' | 'noone';

/** The period types of JSM timelines (`TimelinePeriod.type`). */
export type JsmPeriodType = 'base' | 'override' | 'forwarding' | 'historical';

/** One of a historical period's `flattenedResponders`. */
export interface JsmResponderSeed {
  /** An account id for a user; the team's or escalation's id otherwise. */
  id: string;
  /** Default `user`. */
  type?: JsmResponderType;
}

/** One period of a schedule's final timeline over `[start, end)`. */
export interface JsmPeriodSeed {
  /** The responder's id: an account id for a user. May be left out only by a `historical` period with `flattened` responders. */
  responder?: string;
  /** Default `user`. */
  responderType?: JsmResponderType;
  start: Date | string;
  end: Date | string;
  /** Default `base`; any other string is served as given (what a type JSM adds later would look like). */
  type?: JsmPeriodType | string;
  /** `from` of a `forwarding` period: the account id whose on-call is forwarded to the responder. */
  from?: string;
  /** `flattenedResponders` of a `historical` period: who was on call. */
  flattened?: readonly JsmResponderSeed[];
  /** The rotation the period belongs to; default `Rotation 1`. */
  rotation?: string;
}

/** One schedule to serve. */
export interface JsmScheduleSeed {
  /** A UUID, as JSM gives schedules. */
  id: string;
  name: string;
  /** IANA time zone; default `UTC`. */
  timezone?: string;
  periods: readonly JsmPeriodSeed[];
}

/** One Atlassian account the user route knows. */
export interface JsmUserSeed {
  accountId: string;
  displayName: string;
  /** `null`: the person's profile hides the email, so the API leaves it out. */
  email: string | null;
  /** Default `atlassian` (a person); `app` and `customer` are the others. */
  accountType?: 'atlassian' | 'app' | 'customer';
  /** Default true. */
  active?: boolean;
}

/** How to start the emulator. */
export interface JsmEmulatorOptions {
  /** The one site served; requests naming another cloud id are a 404. */
  cloudId: string;
  schedules: readonly JsmScheduleSeed[];
  users: readonly JsmUserSeed[];
  /** When set, every request must carry Basic credentials of this email and API token, else 401. */
  credentials?: { email: string; token: string };
  /** Scopes of that token; default both {@link JSM_OPS_SCOPE} and {@link JIRA_USER_SCOPE}. */
  scopes?: readonly string[];
  /** Largest page served (schedules' `size`, users' `maxResults`, which are cut to it); default 100. */
  maxPage?: number;
  /** The emulator's "today", for the timeline's range; default the clock. */
  now?: () => number;
  /** Unknown routes answer 501 instead of 404, and unknown query parameters are recorded in `unexpected`. */
  strict?: boolean;
  latencyMs?: number;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  traffic?: boolean;
}

/** A running emulator: a {@link JsonServer} with JSM's routes. */
export type JsmEmulator = JsonServer;

interface Responder {
  id: string;
  type: JsmResponderType;
}

interface Period {
  type: string;
  responder?: Responder;
  from?: Responder;
  flattened?: Responder[];
  start: number;
  end: number;
  rotation: string;
}

interface Schedule {
  id: string;
  name: string;
  timezone: string;
  periods: Period[];
}

interface World {
  cloudId: string;
  schedules: Schedule[];
  users: Map<string, JsmUserSeed>;
  maxPage: number;
  now: () => number;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365 * DAY_MS;
/** Account ids one user request may name: the most the `jsm` source sends (the reference gives no maximum). */
export const MAX_ACCOUNT_IDS = 100;
const EXPANDABLE = ['base', 'forwarding', 'override'];

/** Thrown by a handler for a request the API would refuse; turned into that response. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly unexpected?: string,
  ) {
    super(message);
  }
}

/**
 * Starts an emulator; throws on a seed JSM could not hold (duplicate schedule id or name or
 * account id, a period with an unparsable instant or ending before it starts, a period without a
 * responder, `from` on a period that is not a forwarding, flattened responders on one that is not
 * historical).
 */
export async function startJsmEmulator(options: JsmEmulatorOptions): Promise<JsmEmulator> {
  const world: World = { cloudId: options.cloudId, schedules: seed(options.schedules), users: users(options.users), maxPage: options.maxPage ?? 100, now: options.now ?? Date.now };
  const scopes = options.scopes ?? [JSM_OPS_SCOPE, JIRA_USER_SCOPE];
  return startJsonServer({
    name: 'JSM Operations emulator',
    routes: routes(world, options.strict === true),
    errorBody: (_status, message) => jsmError(message),
    port: options.port,
    strict: options.strict,
    latencyMs: options.latencyMs,
    traffic: options.traffic,
    authenticate: (req) => authenticate(options.credentials, scopes, req),
    headers: () => ({ 'atl-traceid': randomBytes(8).toString('hex') }),
  });
}

function seed(seeds: readonly JsmScheduleSeed[]): Schedule[] {
  const out = seeds.map((s) => ({
    id: s.id,
    name: s.name,
    timezone: s.timezone ?? 'UTC',
    periods: s.periods.map((p): Period => {
      const start = instant(p.start, s.name);
      const end = instant(p.end, s.name);
      const type = p.type ?? 'base';
      const refuse = (why: string): never => {
        throw new RangeError(`schedule "${s.name}": the ${type} period from ${String(p.start)} ${why}`);
      };
      if (end <= start) refuse('ends before it starts');
      if (p.responder === undefined && p.flattened === undefined) refuse('has no responder');
      if (p.from !== undefined && type !== 'forwarding') refuse("has a from, which only 'forwarding' periods use");
      if (p.flattened !== undefined && type !== 'historical') refuse("has flattened responders, which only 'historical' periods use");
      return {
        type,
        ...(p.responder === undefined ? {} : { responder: { id: p.responder, type: p.responderType ?? 'user' } }),
        ...(p.from === undefined ? {} : { from: { id: p.from, type: 'user' as const } }),
        ...(p.flattened === undefined ? {} : { flattened: p.flattened.map((f) => ({ id: f.id, type: f.type ?? 'user' })) }),
        start,
        end,
        rotation: p.rotation ?? 'Rotation 1',
      };
    }),
  }));
  for (const key of ['id', 'name'] as const) {
    if (new Set(out.map((s) => s[key])).size !== out.length) throw new RangeError(`two schedules share one ${key}`);
  }
  return out;
}

function users(seeds: readonly JsmUserSeed[]): Map<string, JsmUserSeed> {
  const out = new Map(seeds.map((u) => [u.accountId, u]));
  if (out.size !== seeds.length) throw new RangeError('two users share one account id');
  return out;
}

function instant(value: Date | string, schedule: string): number {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`schedule "${schedule}": "${String(value)}" is not an instant`);
  return ms;
}

function routes(world: World, strict: boolean): Route[] {
  const ops = (known: string[], serve: (req: JsonRequest) => JsonResponse) => (req: JsonRequest) => handle(req, strict ? known : undefined, () => serve(site(world, req)), jsmError);
  return [
    { method: 'GET', pattern: '/jsm/ops/api/:cloudId/v1/schedules', handler: ops(['query', 'size', 'offset', 'expand'], (req) => listSchedules(world, req)) },
    { method: 'GET', pattern: '/jsm/ops/api/:cloudId/v1/schedules/:scheduleId/timeline', handler: ops(['interval', 'intervalUnit', 'date', 'expand'], (req) => timeline(world, req)) },
    {
      method: 'GET',
      pattern: '/ex/jira/:cloudId/rest/api/3/user/bulk',
      handler: (req) => handle(req, strict ? ['accountId', 'startAt', 'maxResults'] : undefined, () => bulkUsers(world, site(world, req)), jiraError),
    },
  ];
}

/** `req` when it names the emulated site; a 404 otherwise. */
function site(world: World, req: JsonRequest): JsonRequest {
  if (req.params.cloudId !== world.cloudId) throw new ApiError(404, `No site with cloud id ${req.params.cloudId}`, 'unknown cloud id');
  return req;
}

/**
 * Serves `req`, turning an {@link ApiError} into the API's error response (`body`). When `known`
 * is given (strict mode), query parameters outside it are recorded as unexpected; the request is
 * still served.
 */
function handle(req: JsonRequest, known: string[] | undefined, serve: () => JsonResponse, body: (message: string) => unknown): JsonResponse {
  let response: JsonResponse;
  try {
    response = serve();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    response = { status: e.status, body: body(e.message), unexpected: e.unexpected };
  }
  const unknown = known === undefined ? [] : [...new Set(req.query.keys())].filter((k) => !known.includes(k));
  if (unknown.length > 0 && response.unexpected === undefined) response.unexpected = `unknown query parameter ${unknown.join(', ')}`;
  return response;
}

/** Basic credentials checked, then the scope the route needs; Atlassian's gateway answers both with a 401. */
function authenticate(credentials: { email: string; token: string } | undefined, scopes: readonly string[], req: JsonRequest): JsonResponse | undefined {
  if (credentials === undefined) return undefined;
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const given = basic === undefined ? undefined : Buffer.from(basic, 'base64').toString('utf8');
  if (given !== `${credentials.email}:${credentials.token}`) {
    return { status: 401, body: { code: 401, message: 'Unauthorized' }, headers: { 'www-authenticate': 'Basic realm="Atlassian"' }, unexpected: given === undefined ? 'no Basic credentials' : 'wrong email or API token' };
  }
  const needs = req.path.startsWith('/ex/jira/') ? JIRA_USER_SCOPE : JSM_OPS_SCOPE;
  if (!scopes.includes(needs)) return { status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' }, unexpected: `token without ${needs}` };
  return undefined;
}

/** JSM Operations' error body. */
function jsmError(message: string): unknown {
  return { errors: [{ title: message }] };
}

/** The Jira platform's error body. */
function jiraError(message: string): unknown {
  return { errorMessages: [message], errors: {} };
}

/** The non-negative integer query parameter `name`, or `fallback`; 400 otherwise. */
function intParam(req: JsonRequest, name: string, fallback: number, min = 0): number {
  const raw = req.query.get(name);
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) throw new ApiError(400, `Invalid ${name} [${raw}]`, `invalid ${name}`);
  return Number(raw);
}

/** `GET /v1/schedules`: the schedules whose name contains `query` (any case), `size` from `offset`. */
function listSchedules(world: World, req: JsonRequest): JsonResponse {
  const query = req.query.get('query')?.toLowerCase();
  const size = Math.min(intParam(req, 'size', 20, 1), world.maxPage);
  const offset = intParam(req, 'offset', 0);
  const matching = world.schedules.filter((s) => query === undefined || s.name.toLowerCase().includes(query));
  const values = matching.slice(offset, offset + size).map((s) => ({ id: s.id, name: s.name, description: '', timezone: s.timezone, enabled: true, teamId: '00000000-0000-4000-8000-00000000a000' }));
  const next = offset + size < matching.length ? new URLSearchParams({ ...(query === undefined ? {} : { query: req.query.get('query')! }), offset: String(offset + size), size: String(size) }) : undefined;
  return { status: 200, body: { values, links: next === undefined ? {} : { next: `/v1/schedules?${next}` } } };
}

/** The end of a timeline of `interval` `unit`s from `start` (months in UTC calendar months). */
function timelineEnd(start: number, interval: number, unit: string): number {
  if (unit === 'days') return start + interval * DAY_MS;
  if (unit === 'weeks') return start + interval * 7 * DAY_MS;
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + interval);
  return end.getTime();
}

/**
 * `GET /v1/schedules/{scheduleId}/timeline`: by id only (a name is a 404). From `date` (default
 * now) for `interval` `intervalUnit`s (default 1 week); the range may not start more than a year
 * before today nor end more than two years after it (the status of that refusal is not
 * documented: 400 here). Expanded layers hold the periods of their type (`base`, `override`,
 * `forwarding`).
 */
function timeline(world: World, req: JsonRequest): JsonResponse {
  const schedule = world.schedules.find((s) => s.id === req.params.scheduleId);
  if (schedule === undefined) throw new ApiError(404, `Schedule with id [${req.params.scheduleId}] does not exist`);
  const raw = req.query.get('date');
  const start = raw === null ? world.now() : Date.parse(raw);
  if (Number.isNaN(start)) throw new ApiError(400, `Invalid date [${raw}]`, 'invalid date');
  const unit = req.query.get('intervalUnit') ?? 'weeks';
  if (!['days', 'weeks', 'months'].includes(unit)) throw new ApiError(400, `Invalid intervalUnit [${unit}], should be one of days, weeks, months`, 'invalid intervalUnit');
  const end = timelineEnd(start, intParam(req, 'interval', 1, 1), unit);
  const today = world.now();
  if (start < today - YEAR_MS || end > today + 2 * YEAR_MS) throw new ApiError(400, 'The time range of the timeline can go back at most one year from today and as far as two years from today');
  const expand = req.query.getAll('expand').flatMap((v) => v.split(',')).filter((v) => v !== '');
  const bad = expand.find((v) => !EXPANDABLE.includes(v));
  if (bad !== undefined) throw new ApiError(400, `Invalid expand [${bad}]`, 'invalid expand');
  const layer = (type?: string) => timelineJson(schedule, start, end, type);
  return {
    status: 200,
    body: {
      startDate: iso(start),
      endDate: iso(end),
      finalTimeline: layer(),
      ...(expand.includes('base') ? { baseTimeline: layer('base') } : {}),
      ...(expand.includes('override') ? { overrideTimeline: layer('override') } : {}),
      ...(expand.includes('forwarding') ? { forwardingTimeline: layer('forwarding') } : {}),
    },
  };
}

/** A timeline of the periods (of `type`, when given) overlapping `[start, end)`, clipped to it. */
function timelineJson(schedule: Schedule, start: number, end: number, type?: string): { rotations: unknown[] } {
  const names = [...new Set(schedule.periods.map((p) => p.rotation))];
  const rotations = names.flatMap((name, i) => {
    const periods = schedule.periods.filter((p) => p.rotation === name && (type === undefined || p.type === type) && p.start < end && p.end > start);
    if (periods.length === 0) return [];
    const id = `00000000-0000-4000-8000-${(0x10000 + i).toString(16).padStart(12, '0')}`;
    return [{ id, name, order: i + 1, periods: periods.sort((a, b) => a.start - b.start).map((p) => periodJson(p, start, end)) }];
  });
  return { rotations };
}

/** A `TimelinePeriod`, clipped to `[start, end)`: each field only where its type uses it. */
function periodJson(p: Period, start: number, end: number): Record<string, unknown> {
  return {
    startDate: iso(Math.max(p.start, start)),
    endDate: iso(Math.min(p.end, end)),
    type: p.type,
    ...(p.responder === undefined ? {} : { responder: p.responder }),
    ...(p.from === undefined ? {} : { from: p.from }),
    ...(p.flattened === undefined ? {} : { flattenedResponders: p.flattened }),
  };
}

/**
 * `GET /rest/api/3/user/bulk`: the users named by the repeated `accountId` (at least one, at most
 * {@link MAX_ACCOUNT_IDS}), in the order asked, `maxResults` (default 10) from `startAt`. An
 * account id nobody has is left out, as Jira leaves out accounts it does not find.
 */
function bulkUsers(world: World, req: JsonRequest): JsonResponse {
  const ids = [...new Set(req.query.getAll('accountId'))];
  if (ids.length === 0) throw new ApiError(400, 'The accountId query parameter is required.', 'no accountId');
  if (ids.length > MAX_ACCOUNT_IDS) throw new ApiError(400, `At most ${MAX_ACCOUNT_IDS} accountId parameters are accepted here.`, 'too many account ids');
  const startAt = intParam(req, 'startAt', 0);
  const maxResults = Math.min(intParam(req, 'maxResults', 10, 1), world.maxPage);
  const found = ids.flatMap((id) => {
    const u = world.users.get(id);
    return u === undefined ? [] : [u];
  });
  const page = found.slice(startAt, startAt + maxResults);
  return {
    status: 200,
    body: {
      self: `${req.origin}${req.path}?${req.query}`,
      maxResults,
      startAt,
      total: found.length,
      isLast: startAt + page.length >= found.length,
      values: page.map((u) => ({
        self: `${req.origin}/ex/jira/${world.cloudId}/rest/api/3/user?accountId=${encodeURIComponent(u.accountId)}`,
        accountId: u.accountId,
        accountType: u.accountType ?? 'atlassian',
        ...(u.email === null ? {} : { emailAddress: u.email }),
        displayName: u.displayName,
        active: u.active ?? true,
        timeZone: 'UTC',
        locale: 'en_US',
      })),
    },
  };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
