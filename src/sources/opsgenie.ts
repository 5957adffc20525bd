/**
 * The `opsgenie` source: who is on call in Opsgenie schedules, read from each schedule's
 * timeline (`GET /v2/schedules/{identifier}/timeline`) through {@link getJson}.
 *
 * Why the timeline and not who-is-on-call (`/v2/schedules/{identifier}/on-calls?date=`): on-calls
 * answers "who, at one instant" with no shift boundaries, so covering a window would take one
 * request per instant sampled and still miss a handoff between samples. The timeline's
 * `finalTimeline` (rotations, overrides and forwardings applied) lists periods with their
 * `startDate`, `endDate` and `recipient`: real shifts, for the whole window, in one request.
 */
import pLimit from 'p-limit';
import type { RotationBinding } from '../config/model.js';
import { getJson, type HttpOptions } from '../http/client.js';
import type { Fetch } from '../http/read-only.js';
import { bindingKey, bindingLabel, type Shift, type ShiftRead, type Source } from './source.js';

/** Opsgenie's API in the US region; the EU region is `https://api.eu.opsgenie.com`. */
export const OPSGENIE_API_URL = 'https://api.opsgenie.com';

/** What the Opsgenie source needs. */
export interface OpsgenieSourceOptions {
  /** Default {@link OPSGENIE_API_URL}; `https://api.eu.opsgenie.com` for the EU, or an emulator. */
  apiUrl?: string;
  /** An API key with read access to schedules; sent as `Authorization: GenieKey <key>` and never put in an error. */
  apiKey: string;
  fetch: Fetch;
  /** Timeouts, retries and waits of every request (see {@link HttpOptions}). */
  http?: Partial<Omit<HttpOptions, 'fetch'>>;
  /** The environment variable the key came from (the source's `tokenEnv`), named by a 401's error. */
  tokenEnv?: string;
}

/** Schedules read at once. */
const CONCURRENCY = 4;
const DAY_MS = 86_400_000;
/** How far beyond the window the timeline is read: a week (the usual shift) plus a day. */
export const MARGIN_MS = 8 * DAY_MS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What reading one schedule gives: its shifts, or why they are unknown (without the binding's label). */
type ScheduleRead = { ok: true; shifts: Shift[] } | { ok: false; why: string };

/** The parts of Opsgenie's `GetScheduleTimelineResponse` used here; everything is checked, nothing trusted. */
interface TimelineJson {
  data?: { startDate?: unknown; endDate?: unknown; finalTimeline?: { rotations?: unknown } };
}

interface PeriodJson {
  startDate?: unknown;
  endDate?: unknown;
  recipient?: { type?: unknown; name?: unknown };
}

/** `id` for a UUID (how Opsgenie names schedule ids), `name` for anything else. */
export function identifierType(schedule: string): 'id' | 'name' {
  return UUID.test(schedule) ? 'id' : 'name';
}

/**
 * The timeline request covering `[since, until)` with {@link MARGIN_MS} to spare on each side:
 * whole days from `since - margin` to at least `until + margin`. The margin gives shifts of up
 * to a week their true handoffs (a period is clipped at the timeline's edges) and still covers
 * the window should Opsgenie start the timeline at the beginning of `date`'s day in the
 * schedule's time zone. The response's own `startDate`/`endDate` are checked anyway.
 */
export function timelineQuery(schedule: string, since: Date, until: Date): URLSearchParams {
  const from = since.getTime() - MARGIN_MS;
  const days = Math.ceil((Math.max(until.getTime(), since.getTime()) + MARGIN_MS - from) / DAY_MS);
  return new URLSearchParams({ identifierType: identifierType(schedule), date: new Date(from).toISOString(), interval: String(days), intervalUnit: 'days' });
}

/**
 * An Opsgenie source. Serves only `schedule` bindings; each distinct schedule costs exactly one
 * request (however many bindings name it), whose failure leaves only those bindings unknown.
 * Every binding asked for gets an entry; the API key never appears in an error.
 */
export class OpsgenieSource implements Source {
  readonly #apiUrl: string;
  readonly #apiKey: string;
  readonly #http: HttpOptions;
  readonly #tokenEnv: string | undefined;

  constructor(options: OpsgenieSourceOptions) {
    this.#apiUrl = (options.apiUrl ?? OPSGENIE_API_URL).replace(/\/+$/, '');
    this.#apiKey = options.apiKey;
    this.#http = { ...options.http, fetch: options.fetch };
    this.#tokenEnv = options.tokenEnv;
  }

  /**
   * The shifts of each binding over `[since, until)`: every user on call in the schedule's final
   * timeline in a period overlapping the window, with that period's start and end (neighbouring
   * or overlapping periods of one person joined), sorted by start then email. A handoff further
   * than {@link MARGIN_MS} outside the window shows as the edge of the timeline read. A schedule
   * with a team or escalation on call in the window reads as a failure naming it; a period whose
   * recipient is `none` is nobody on call.
   */
  async readShifts(bindings: readonly RotationBinding[], since: Date, until: Date): Promise<Map<string, ShiftRead>> {
    const schedules = [...new Set(bindings.flatMap((b) => (b.kind === 'schedule' ? [b.schedule] : [])))];
    const limit = pLimit(CONCURRENCY);
    const reads = new Map(await Promise.all(schedules.map((s) => limit(async () => [s, await this.#readSchedule(s, since, until)] as const))));
    return new Map(bindings.map((b) => [bindingKey(b), outcome(b, b.kind === 'schedule' ? reads.get(b.schedule) : undefined)]));
  }

  async #readSchedule(schedule: string, since: Date, until: Date): Promise<ScheduleRead> {
    const url = `${this.#apiUrl}/v2/schedules/${encodeURIComponent(schedule)}/timeline?${timelineQuery(schedule, since, until)}`;
    const res = await getJson(url, { authorization: `GenieKey ${this.#apiKey}` }, this.#http);
    const read = res.ok ? parseTimeline(res.body, since.getTime(), until.getTime()) : { ok: false as const, why: this.#explain(schedule, res.status, res.error) };
    return read.ok ? read : { ok: false, why: this.#redact(read.why) };
  }

  /** What a failed request means and what to check. */
  #explain(schedule: string, status: number | undefined, error: string): string {
    switch (status) {
      case 401:
        return `Opsgenie rejected the API key (${error}): check the key in ${this.#tokenEnv === undefined ? "the environment variable named by the source's tokenEnv" : `${this.#tokenEnv} (the source's tokenEnv)`}`;
      case 403:
        return `the API key may not read schedules (${error}): use an API key with Read and Configuration access, or an API integration that is not restricted from configurations`;
      case 404:
        return `schedule not found (${error}): looked up by ${identifierType(schedule)}; check the schedule's ${identifierType(schedule) === 'id' ? 'id' : 'name as Opsgenie shows it, or use its id'}`;
      default:
        return `could not read the schedule's timeline: ${error}`;
    }
  }

  /** `text` without the API key, should the API have echoed it. */
  #redact(text: string): string {
    return this.#apiKey === '' ? text : text.replaceAll(this.#apiKey, '[redacted]');
  }
}

/** The read of binding `b`, given the read of its schedule (`undefined` for a non-schedule binding). */
function outcome(b: RotationBinding, read: ScheduleRead | undefined): ShiftRead {
  if (read === undefined) return { ok: false, error: `${bindingLabel(b)}: an opsgenie source serves schedules` };
  return read.ok ? { ok: true, shifts: read.shifts.map((s) => ({ ...s })) } : { ok: false, error: `${bindingLabel(b)}: ${read.why}` };
}

/** A user on call over `[start, end)` (epoch ms). */
interface Piece {
  email: string;
  start: number;
  end: number;
}

/** One period: a user's piece, nobody (`none`), or why the schedule cannot be used. */
type PeriodRead = { ok: true; piece?: Piece } | { ok: false; why: string };

/** The user shifts overlapping `[since, until)` in a timeline response, or why it cannot be used. */
function parseTimeline(body: unknown, since: number, until: number): ScheduleRead {
  const data = (body as TimelineJson | null)?.data;
  const rotations = data?.finalTimeline?.rotations;
  const start = instant(data?.startDate);
  const end = instant(data?.endDate);
  if (!Array.isArray(rotations) || start === undefined || end === undefined) return malformed('no final timeline with a start and end date');
  if (start > since || end < until) return malformed(`the timeline covers ${iso(start)} to ${iso(end)}, not the whole window ${iso(since)} to ${iso(until)}`);
  const pieces: Piece[] = [];
  for (const rotation of rotations) {
    const periods = (rotation as { periods?: unknown } | null)?.periods ?? [];
    if (!Array.isArray(periods)) return malformed('a rotation whose periods are not a list');
    for (const period of periods as (PeriodJson | null)[]) {
      const read = periodRead(period);
      if (!read.ok) return read;
      if (read.piece) pieces.push(read.piece);
    }
  }
  const shifts = joined(pieces)
    .filter((p) => p.start < until && p.end > since)
    .map((p): Shift => ({ email: p.email, start: new Date(p.start), end: new Date(p.end) }));
  return { ok: true, shifts };
}

/** What one timeline period says; a team or escalation on call is unsupported, not guessed at. */
function periodRead(period: PeriodJson | null): PeriodRead {
  const start = instant(period?.startDate);
  const end = instant(period?.endDate);
  const { type, name } = period?.recipient ?? {};
  if (start === undefined || end === undefined || typeof type !== 'string') return malformed('a period without a start date, end date or recipient');
  if (type === 'none') return { ok: true };
  if (type !== 'user') {
    const who = typeof name === 'string' ? `${type} "${name}"` : `a ${type}`;
    return { ok: false, why: `${who} is on call from ${iso(start)} to ${iso(end)}, and only users are supported: put users, not teams or escalations, in the schedule's rotations` };
  }
  if (typeof name !== 'string' || name === '') return malformed('a user recipient without a username');
  return { ok: true, piece: { email: name, start, end } };
}

/** `pieces` sorted by start then email, with one person's touching or overlapping pieces joined. */
function joined(pieces: readonly Piece[]): Piece[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start || a.email.localeCompare(b.email));
  const out: Piece[] = [];
  const lastOf = new Map<string, Piece>();
  for (const piece of sorted) {
    const last = lastOf.get(piece.email);
    if (last !== undefined && last.end >= piece.start) {
      last.end = Math.max(last.end, piece.end);
    } else {
      const copy = { ...piece };
      out.push(copy);
      lastOf.set(piece.email, copy);
    }
  }
  return out;
}

function malformed(why: string): { ok: false; why: string } {
  return { ok: false, why: `unexpected timeline response from Opsgenie: ${why}` };
}

/** Epoch ms of an ISO date-time string, or `undefined`. */
function instant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
