/**
 * A local Opsgenie API emulator for tests and the demo, built from Opsgenie's Swagger contract
 * (the parts it answers with are vendored in `contracts/opsgenie/`, which its tests check the
 * answers against): the schedule timeline, who-is-on-call (one schedule and
 * all schedules) and the schedule itself, with Opsgenie's response envelope
 * (`data`, `took`, `requestId`), `GenieKey` authentication, error bodies and `X-Request-ID`
 * headers. Schedules are seeded as flat lists of final-timeline periods, each of any period type
 * (`default`, `override`, `forwarding`, `historical`) and recipient type the contract describes,
 * in the contract's shapes (`TimelinePeriod`, `TimelineRecipient`). It listens on 127.0.0.1 only.
 */
import { randomUUID } from 'node:crypto';
import { startJsonServer, type JsonRequest, type JsonResponse, type JsonServer, type Route } from './http-server.js';

export type { FaultMatch, FaultResponse, RequestRecord, UnexpectedRequest } from './http-server.js';

/** What an on-call period's recipient is; Opsgenie schedules may rotate teams and escalations too. */
export type OpsgenieRecipientType = 'user' | 'team' | 'escalation' | 'none';

/**
 * The period types Opsgenie's timelines use (`TimelinePeriod.type`): a rotation's own turn, an
 * override, a forwarding, and a period already past as it happened.
 */
export type OpsgeniePeriodType = 'default' | 'override' | 'forwarding' | 'historical';

/** One of a historical period's `flattenedRecipients` (a `TimelineRecipient`). */
export interface OpsgenieRecipientSeed {
  /** The username (an email) of a user; for another `type`, that recipient's name. */
  name: string;
  /** Default `user`. */
  type?: OpsgenieRecipientType;
  /** `forwardedFrom`: the username of the person this one stood in for. */
  forwardedFrom?: string;
}

/** One period of a schedule's final timeline over `[start, end)`. */
export interface OpsgeniePeriodSeed {
  /**
   * The `recipient`'s name: the username (an email) of a user, else the team's or escalation's
   * name. May be left out only by a `historical` period with `flattened` recipients.
   */
  user?: string;
  start: Date | string;
  end: Date | string;
  /** Default `user`. */
  recipientType?: OpsgenieRecipientType;
  /**
   * `TimelinePeriod.type`, default `default`. The contract leaves it free text, so any other
   * string is served as given (what a type Opsgenie adds later would look like).
   */
  type?: OpsgeniePeriodType | string;
  /** `fromUser` of a `forwarding` period: the username whose on-call is forwarded to the recipient. */
  fromUser?: string;
  /** `flattenedRecipients` of a `historical` period: who was on call. */
  flattened?: readonly OpsgenieRecipientSeed[];
  /** The rotation the period belongs to in the timeline; default `Rotation 1`. */
  rotation?: string;
}

/** One schedule to serve. */
export interface OpsgenieScheduleSeed {
  /** A UUID, as Opsgenie gives schedules. */
  id: string;
  name: string;
  /** IANA time zone, echoed by `GET /v2/schedules/{identifier}`; default `UTC`. */
  timezone?: string;
  periods: readonly OpsgeniePeriodSeed[];
}

/** How to start the emulator. */
export interface OpsgenieEmulatorOptions {
  schedules: readonly OpsgenieScheduleSeed[];
  /** When set, every request must carry `Authorization: GenieKey <it>`, else 401. */
  apiKey?: string;
  /** Unknown routes answer 501 instead of 404, and unknown query parameters are recorded in `unexpected`. */
  strict?: boolean;
  /** Milliseconds added before every response. */
  latencyMs?: number;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Keep the detailed traffic log (`traffic`). */
  traffic?: boolean;
}

/** A running emulator: a {@link JsonServer} with Opsgenie's routes. */
export type OpsgenieEmulator = JsonServer;

/** Opsgenie's `TimelineRecipient`, as served. */
interface Recipient {
  id: string;
  name: string;
  type: OpsgenieRecipientType;
  forwardedFrom?: string;
}

interface Period {
  type: string;
  recipient?: Recipient;
  fromUser?: string;
  flattened?: Recipient[];
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

const DAY_MS = 86_400_000;
const EXPANDABLE = ['base', 'forwarding', 'override'];
const TIMELINE_PARAMS = ['identifierType', 'expand', 'interval', 'intervalUnit', 'date'];
const ON_CALL_PARAMS = ['scheduleIdentifierType', 'flat', 'date'];

/** Thrown by a handler for a request Opsgenie would refuse; turned into that response. */
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
 * Starts an emulator serving `options.schedules`; throws on a seed Opsgenie could not hold
 * (duplicate id or name, a period with an unparsable instant or ending before it starts, a
 * period without a recipient, `fromUser` on a period that is not a forwarding, or flattened
 * recipients on one that is not historical). Lookups by name are exact and case-sensitive.
 */
export async function startOpsgenieEmulator(options: OpsgenieEmulatorOptions): Promise<OpsgenieEmulator> {
  const schedules = seed(options.schedules);
  return startJsonServer({
    name: 'Opsgenie emulator',
    routes: routes(schedules, options.strict === true),
    errorBody: (_status, message) => errorBody(message),
    port: options.port,
    strict: options.strict,
    latencyMs: options.latencyMs,
    traffic: options.traffic,
    authenticate: (req) => authenticate(options.apiKey, req),
    headers: () => ({ 'x-request-id': randomUUID() }),
  });
}

function seed(seeds: readonly OpsgenieScheduleSeed[]): Schedule[] {
  const ids = new Map<string, string>();
  const recipient = (name: string, type: OpsgenieRecipientType = 'user', forwardedFrom?: string): Recipient => {
    const id = ids.get(name) ?? fakeUuid(ids.size + 1);
    ids.set(name, id);
    return { id, name, type, ...(forwardedFrom === undefined ? {} : { forwardedFrom }) };
  };
  const out = seeds.map((s) => ({
    id: s.id,
    name: s.name,
    timezone: s.timezone ?? 'UTC',
    periods: s.periods.map((p): Period => {
      const start = instant(p.start, s.name);
      const end = instant(p.end, s.name);
      const type = p.type ?? 'default';
      const refuse = (why: string): never => {
        throw new RangeError(`schedule "${s.name}": the ${type} period from ${String(p.start)} ${why}`);
      };
      if (end <= start) refuse('ends before it starts');
      if (p.user === undefined && p.flattened === undefined) refuse('has no recipient');
      if (p.fromUser !== undefined && type !== 'forwarding') refuse("has a fromUser, which only 'forwarding' periods use");
      if (p.flattened !== undefined && type !== 'historical') refuse("has flattened recipients, which only 'historical' periods use");
      return {
        type,
        ...(p.user === undefined ? {} : { recipient: recipient(p.user, p.recipientType) }),
        ...(p.fromUser === undefined ? {} : { fromUser: p.fromUser }),
        ...(p.flattened === undefined ? {} : { flattened: p.flattened.map((f) => recipient(f.name, f.type, f.forwardedFrom)) }),
        start,
        end,
        rotation: p.rotation ?? 'Rotation 1',
      };
    }),
  }));
  for (const key of ['id', 'name'] as const) {
    const seen = new Set(out.map((s) => s[key]));
    if (seen.size !== out.length) throw new RangeError(`two schedules share one ${key}`);
  }
  return out;
}

function instant(value: Date | string, schedule: string): number {
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`schedule "${schedule}": "${String(value)}" is not an instant`);
  return ms;
}

/** A UUID-shaped id that is stable for a seed: `00000000-0000-4000-8000-00000000000n`. */
function fakeUuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

function routes(schedules: Schedule[], strict: boolean): Route[] {
  const guarded = (known: string[], serve: (req: JsonRequest) => JsonResponse) => (req: JsonRequest) => handle(req, strict ? known : undefined, serve);
  return [
    { method: 'GET', pattern: '/v2/schedules/on-calls', handler: guarded(['flat', 'date'], (req) => listOnCalls(schedules, req)) },
    { method: 'GET', pattern: '/v2/schedules/:identifier/timeline', handler: guarded(TIMELINE_PARAMS, (req) => timeline(schedules, req)) },
    { method: 'GET', pattern: '/v2/schedules/:identifier/on-calls', handler: guarded(ON_CALL_PARAMS, (req) => getOnCalls(schedules, req)) },
    { method: 'GET', pattern: '/v2/schedules/:identifier', handler: guarded(['identifierType'], (req) => getSchedule(schedules, req)) },
  ];
}

/**
 * Serves `req`, turning an {@link ApiError} into Opsgenie's error response. When `known` is
 * given (strict mode), query parameters outside it are recorded as unexpected; the request is
 * still served, as Opsgenie ignores them.
 */
function handle(req: JsonRequest, known: string[] | undefined, serve: (req: JsonRequest) => JsonResponse): JsonResponse {
  const started = performance.now();
  let response: JsonResponse;
  try {
    response = serve(req);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    response = { status: e.status, body: errorBody(e.message, started), unexpected: e.unexpected };
  }
  const unknown = known === undefined ? [] : [...new Set(req.query.keys())].filter((k) => !known.includes(k));
  if (unknown.length > 0 && response.unexpected === undefined) response.unexpected = `unknown query parameter ${unknown.join(', ')}`;
  return response;
}

function authenticate(apiKey: string | undefined, req: JsonRequest): JsonResponse | undefined {
  if (apiKey === undefined) return undefined;
  const given = /^GenieKey\s+(.*)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (given === apiKey) return undefined;
  return { status: 401, body: errorBody('Could not authenticate'), unexpected: given === undefined ? 'no GenieKey credentials' : 'wrong API key' };
}

/** Opsgenie's `ErrorResponse`. */
function errorBody(message: string, started = performance.now()): Record<string, unknown> {
  return { message, took: took(started), requestId: randomUUID() };
}

/** Opsgenie's success envelope around `data`; the `X-Request-ID` header repeats `requestId`. */
function ok(data: unknown, started: number, extra: Record<string, unknown> = {}): JsonResponse {
  const requestId = randomUUID();
  return { status: 200, body: { data, ...extra, took: took(started), requestId }, headers: { 'x-request-id': requestId } };
}

/** Seconds spent, as Opsgenie's `took` reports them. */
function took(started: number): number {
  return Math.round(performance.now() - started) / 1000;
}

/** The schedule the path names, by `typeParam` (`identifierType` or `scheduleIdentifierType`); 404 when none. */
function findSchedule(schedules: Schedule[], req: JsonRequest, typeParam: string): Schedule {
  const type = oneOf(req, typeParam, ['id', 'name'], 'id');
  const identifier = req.params.identifier;
  const found = schedules.find((s) => s[type as 'id' | 'name'] === identifier);
  if (found === undefined) throw new ApiError(404, `No schedule exists with ${type} [${identifier}]`);
  return found;
}

/** The query parameter `name`, which must be one of `allowed`; 422 otherwise. */
function oneOf(req: JsonRequest, name: string, allowed: string[], fallback: string): string {
  const value = req.query.get(name) ?? fallback;
  if (!allowed.includes(value)) throw new ApiError(422, `Invalid ${name} [${value}], should be one of ${allowed.join(', ')}`, `invalid ${name}`);
  return value;
}

/** The `date` query parameter in epoch ms; now when absent; 422 when unparsable. */
function dateParam(req: JsonRequest): number {
  const raw = req.query.get('date');
  if (raw === null) return Date.now();
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new ApiError(422, `Invalid date [${raw}]`, 'invalid date');
  return ms;
}

/** The end of a timeline of `interval` `unit`s from `start` (months in UTC calendar months). */
function timelineEnd(start: number, interval: number, unit: string): number {
  if (unit === 'days') return start + interval * DAY_MS;
  if (unit === 'weeks') return start + interval * 7 * DAY_MS;
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + interval);
  return end.getTime();
}

function intervalParam(req: JsonRequest): number {
  const raw = req.query.get('interval') ?? '1';
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ApiError(422, `Invalid interval [${raw}]`, 'invalid interval');
  return Number(raw);
}

function expandParam(req: JsonRequest): string[] {
  const expand = req.query.getAll('expand').flatMap((v) => v.split(',')).filter((v) => v !== '');
  const bad = expand.find((v) => !EXPANDABLE.includes(v));
  if (bad !== undefined) throw new ApiError(422, `Invalid expand [${bad}]`, 'invalid expand');
  return expand;
}

/**
 * `GET /v2/schedules/{identifier}/timeline`: the timeline from `date` for `interval`
 * `intervalUnit`s (default 1 week from now). The final timeline is the seeded periods; the
 * expanded layers are those of their type (`base`: `default` periods, `override`, `forwarding`).
 * Periods are clipped to the timeline and grouped by rotation, in the order rotations first
 * appear in the seed.
 */
function timeline(schedules: Schedule[], req: JsonRequest): JsonResponse {
  const started = performance.now();
  const schedule = findSchedule(schedules, req, 'identifierType');
  const start = dateParam(req);
  const end = timelineEnd(start, intervalParam(req), oneOf(req, 'intervalUnit', ['days', 'weeks', 'months'], 'weeks'));
  const expand = expandParam(req);
  const layer = (type?: string) => timelineJson(schedule, start, end, type);
  return ok(
    {
      _parent: scheduleMeta(schedule),
      startDate: iso(start),
      endDate: iso(end),
      finalTimeline: layer(),
      ...(expand.includes('base') ? { baseTimeline: layer('default') } : {}),
      ...(expand.includes('override') ? { overrideTimeline: layer('override') } : {}),
      ...(expand.includes('forwarding') ? { forwardingTimeline: layer('forwarding') } : {}),
    },
    started,
    { expandable: EXPANDABLE.filter((e) => !expand.includes(e)) },
  );
}

/** Opsgenie's `Timeline` of the periods (of `type`, when given) overlapping `[start, end)`. */
function timelineJson(schedule: Schedule, start: number, end: number, type?: string): { rotations: unknown[] } {
  const names = [...new Set(schedule.periods.map((p) => p.rotation))];
  const rotations = names.flatMap((name, i) => {
    const periods = schedule.periods.filter((p) => p.rotation === name && (type === undefined || p.type === type) && p.start < end && p.end > start);
    if (periods.length === 0) return [];
    return [{ id: fakeUuid(0x10000 + i), name, order: i + 1, periods: periods.sort((a, b) => a.start - b.start).map((p) => periodJson(p, start, end)) }];
  });
  return { rotations };
}

/** Opsgenie's `TimelinePeriod`, clipped to `[start, end)`: each field only where its type uses it. */
function periodJson(p: Period, start: number, end: number): Record<string, unknown> {
  return {
    startDate: iso(Math.max(p.start, start)),
    endDate: iso(Math.min(p.end, end)),
    type: p.type,
    ...(p.fromUser === undefined ? {} : { fromUser: p.fromUser }),
    ...(p.recipient === undefined ? {} : { recipient: p.recipient }),
    ...(p.flattened === undefined ? {} : { flattenedRecipients: p.flattened }),
  };
}

/** `GET /v2/schedules/{identifier}/on-calls`: who is on call at `date` (default now). */
function getOnCalls(schedules: Schedule[], req: JsonRequest): JsonResponse {
  const started = performance.now();
  const schedule = findSchedule(schedules, req, 'scheduleIdentifierType');
  return ok(onCallJson(schedule, dateParam(req), flatParam(req)), started);
}

/** `GET /v2/schedules/on-calls`: who is on call at `date` in every schedule. */
function listOnCalls(schedules: Schedule[], req: JsonRequest): JsonResponse {
  const started = performance.now();
  const at = dateParam(req);
  const flat = flatParam(req);
  return ok(schedules.map((s) => onCallJson(s, at, flat)), started);
}

/** `GET /v2/schedules/{identifier}`: the schedule (rotations are not emulated: always empty). */
function getSchedule(schedules: Schedule[], req: JsonRequest): JsonResponse {
  const started = performance.now();
  const s = findSchedule(schedules, req, 'identifierType');
  return ok({ ...scheduleMeta(s), description: '', timezone: s.timezone, rotations: [] }, started);
}

function flatParam(req: JsonRequest): boolean {
  return oneOf(req, 'flat', ['true', 'false'], 'false') === 'true';
}

/** Opsgenie's `OnCall`: participants as objects, or (flat) recipient names; a historical period's are its flattened recipients. */
function onCallJson(schedule: Schedule, at: number, flat: boolean): Record<string, unknown> {
  const now = schedule.periods
    .filter((p) => p.start <= at && at < p.end)
    .flatMap((p) => p.flattened ?? [p.recipient!])
    .filter((r) => r.type !== 'none');
  const unique = [...new Map(now.map((r) => [r.id, r])).values()];
  return {
    _parent: scheduleMeta(schedule),
    ...(flat ? { onCallRecipients: unique.map((r) => r.name) } : { onCallParticipants: unique.map((r) => ({ id: r.id, name: r.name, type: r.type })) }),
  };
}

function scheduleMeta(s: Schedule): Record<string, unknown> {
  return { id: s.id, name: s.name, enabled: true };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
