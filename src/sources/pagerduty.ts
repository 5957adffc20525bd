/**
 * The PagerDuty source: shifts of PagerDuty schedules and escalation policies (optionally some
 * levels), read with the official `@pagerduty/pdjs` client.
 *
 * pdjs builds and sends every request (URL, `[]` array parameters, the versioned `Accept` and
 * `Authorization: Token token=...` headers); everything around it is ours, because pdjs gets
 * it wrong (see ARCHITECTURE.md, "Library notes"): {@link getJson} supplies the timeout,
 * retries, backoff and 429 waits, and this module pages (`limit` 100, never past
 * `offset + limit` = 10000) and checks statuses. pdjs has no fetch option and sends through
 * `cross-fetch`; we route that through the configured {@link Fetch} (so read-only mode applies),
 * and hand the response straight back to `getJson` before pdjs's own response handling (its
 * 429 retry loop, its resolve-on-error) can see it.
 *
 * Reads: `GET /oncalls` in a few batched requests (ids chunked so URLs stay under 6 KB),
 * with users included so emails need no extra requests. A schedule no on-call entry names
 * (used by no escalation policy, or nobody on call) falls back to its final rendered schedule
 * plus `GET /schedules/{id}/users`; an escalation policy with nothing at a level asked for is
 * checked with `GET /escalation_policies/{id}`, so a wrong id or level is an error, not "nobody".
 *
 * Latency: pages ask for `total=true`, so the pages after the first are fetched at once instead
 * of one after another (and a list that changed while paged is noticed and read again); a
 * binding's follow-up requests start as soon as the chunk holding its id is read, not after
 * every chunk. At most {@link CONCURRENCY} requests are in flight: PagerDuty allows 960 requests
 * per minute per key and documents no concurrency limit; a plan of 400 profiles makes about 70.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { api } from '@pagerduty/pdjs';
import crossFetchModule from 'cross-fetch';
import pLimit, { type LimitFunction } from 'p-limit';
import type { RotationBinding } from '../config/model.js';
import type { ReadFailure } from '../core/diagnostics.js';
import { getJson, unreachableMessage, type HttpOptions, type HttpResult } from '../http/client.js';
import type { Fetch } from '../http/read-only.js';
import { redact } from '../util/redact.js';
import { bindingKey, type Incident, type IncidentRead, type Shift, type ShiftRead, type Source } from './source.js';

/** How to reach PagerDuty. */
export interface PagerDutySourceOptions {
  /** Default `https://api.pagerduty.com`; the EU service is `https://api.eu.pagerduty.com`. */
  apiUrl?: string;
  /** A REST API key (sent as `Token token=...`). Never appears in errors. */
  token: string;
  /** The environment variable the token came from (the source's `tokenEnv`), named by a 401's or 403's error. */
  tokenEnv?: string;
  /** The transport every request goes through (wrap it in `readOnlyFetch` for plans). */
  fetch: Fetch;
  /** Timeouts, retries and waits for {@link getJson}. */
  http?: Partial<Omit<HttpOptions, 'fetch'>>;
}

const DEFAULT_API_URL = 'https://api.pagerduty.com';
const PAGE_LIMIT = 100;
const MAX_OFFSET_PLUS_LIMIT = 10_000;
const MAX_URL_LENGTH = 6_000;
/** Requests in flight at once. */
export const CONCURRENCY = 12;
/** Times a list is read again from offset 0 when it changed while being paged. */
export const PAGE_REREADS = 2;

/** A read that worked, or why it did not. */
type Read<T> = { ok: true; value: T } | ReadFailure;

type Query = Record<string, string | string[]>;

/** One `/oncalls` entry, checked. `start`/`end` are absent for a permanent on-call. */
interface OnCallEntry {
  userId: string;
  email?: string;
  policyId: string;
  level: number;
  scheduleId?: string;
  start?: Date;
  end?: Date;
}

/** What a binding's read is about, for error messages. */
interface Subject {
  kind: 'schedule' | 'escalation policy';
  id: string;
}

/** The state of one `readShifts` call. */
interface Run {
  since: Date;
  until: Date;
  /** Each id's chunk of `/oncalls` entries, settling when that chunk is read. */
  onCalls: { schedules: Map<string, Promise<Read<OnCallEntry[]>>>; policies: Map<string, Promise<Read<OnCallEntry[]>>> };
  /** Escalation policies fetched so far (their number of levels), shared by bindings of one policy. */
  policies: Map<string, Promise<Read<number>>>;
}

/**
 * Reads shifts from PagerDuty. Invariants: every request goes through the configured fetch
 * with pdjs building it; every binding asked for gets an entry; a failed request fails exactly
 * the bindings whose data it carried; no error contains the token.
 */
export class PagerDutySource implements Source {
  private readonly base: string;
  private readonly token: string;
  private readonly tokenEnv: string | undefined;
  private readonly http: HttpOptions;
  private readonly limit: LimitFunction = pLimit(CONCURRENCY);

  constructor(options: PagerDutySourceOptions) {
    this.base = (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
    this.token = options.token;
    this.tokenEnv = options.tokenEnv;
    this.http = { ...options.http, fetch: pdjsFetch(options.token, options.fetch) };
  }

  /** Shifts of each schedule and escalation-policy binding overlapping `[since, until)`; see {@link Source}. */
  async readShifts(bindings: readonly RotationBinding[], since: Date, until: Date): Promise<Map<string, ShiftRead>> {
    const unique = new Map(bindings.map((b) => [bindingKey(b), b]));
    const scheduleIds = [...new Set(bindings.flatMap((b) => (b.kind === 'schedule' ? [b.schedule] : [])))];
    const policyIds = [...new Set(bindings.flatMap((b) => (b.kind === 'escalationPolicy' ? [b.escalationPolicy] : [])))];
    const schedules = this.onCallsBy('schedule_ids[]', scheduleIds, since, until);
    const policies = this.onCallsBy('escalation_policy_ids[]', policyIds, since, until);
    const run: Run = { since, until, onCalls: { schedules, policies }, policies: new Map() };
    const reads = await Promise.all([...unique].map(async ([key, b]) => [key, this.redact(await this.readBinding(b, run))] as const));
    return new Map(reads);
  }

  /**
   * The open incidents routed through each binding: those whose escalation policy is the bound
   * one, or (for a schedule) one of the policies that page it. Requests: one `GET /schedules/{id}`
   * per bound schedule (its `escalation_policies`), then the pages of one `GET /incidents` for
   * every open incident of the account (`statuses[]` triggered and acknowledged, `date_range=all`
   * so that an incident open longer than the default month counts), with the assignees and
   * acknowledgers included so that people come with their emails. A failed incident list fails
   * every binding; a failed schedule read, that schedule's.
   */
  async readIncidents(bindings: readonly RotationBinding[]): Promise<Map<string, IncidentRead>> {
    const unique = new Map(bindings.map((b) => [bindingKey(b), b]));
    const schedules = new Map([...new Set(bindings.flatMap((b) => (b.kind === 'schedule' ? [b.schedule] : [])))].map((id) => [id, this.policiesPaging(id)]));
    const listed = this.openIncidents();
    const reads = await Promise.all(
      [...unique].map(async ([key, b]): Promise<[string, IncidentRead]> => {
        if (b.kind === 'rotation') return [key, { ok: false, error: 'a pagerduty source serves schedules and escalation policies' }];
        const policies: Read<string[]> = b.kind === 'schedule' ? await schedules.get(b.schedule)! : { ok: true, value: [b.escalationPolicy] };
        const open = await listed;
        if (!policies.ok) return [key, this.redactFailure(policies)];
        if (!open.ok) return [key, this.redactFailure(open)];
        return [key, { ok: true, incidents: open.value.filter((i) => policies.value.includes(i.policyId)).map(({ policyId: _, ...i }) => i) }];
      }),
    );
    return new Map(reads);
  }

  /** The ids of the escalation policies that page schedule `id`. */
  private async policiesPaging(id: string): Promise<Read<string[]>> {
    const path = `/schedules/${encodeURIComponent(id)}`;
    const res = await this.get(path, {}, { kind: 'schedule', id });
    if (!res.ok) return res;
    const refs = field(field(res.value, 'schedule'), 'escalation_policies');
    const ids = Array.isArray(refs) ? refs.map((r) => str(field(r, 'id'))) : [undefined];
    return ids.every((x) => x !== undefined) ? { ok: true, value: ids } : shapeError(path);
  }

  /** Every open incident of the account, with the policy it is routed through. */
  private async openIncidents(): Promise<Read<(Incident & { policyId: string })[]>> {
    const query: Query = { 'statuses[]': ['triggered', 'acknowledged'], date_range: 'all', 'include[]': ['assignees', 'acknowledgers'] };
    const items = await this.list('/incidents', query, 'incidents', 'open incidents');
    if (!items.ok) return items;
    const incidents = items.value.map(parseIncident);
    return incidents.every((i) => i !== undefined) ? { ok: true, value: incidents } : shapeError('/incidents');
  }

  private async readBinding(b: RotationBinding, run: Run): Promise<ShiftRead> {
    switch (b.kind) {
      case 'schedule':
        return this.readSchedule(b.schedule, run);
      case 'escalationPolicy':
        return this.readPolicy(b.escalationPolicy, b.levels, run);
      case 'rotation':
        return { ok: false, error: 'a pagerduty source serves schedules and escalation policies' };
    }
  }

  private async readSchedule(id: string, run: Run): Promise<ShiftRead> {
    const read = (await run.onCalls.schedules.get(id)) as Read<OnCallEntry[]>;
    if (!read.ok) return read;
    const entries = read.value.filter((e) => e.scheduleId === id);
    return entries.length > 0 ? shiftsOf(entries, run.since) : this.renderedSchedule(id, run);
  }

  private async readPolicy(id: string, levels: readonly number[] | undefined, run: Run): Promise<ShiftRead> {
    const read = (await run.onCalls.policies.get(id)) as Read<OnCallEntry[]>;
    if (!read.ok) return read;
    const entries = read.value.filter((e) => e.policyId === id && (levels === undefined || levels.includes(e.level)));
    const empty = levels === undefined ? entries.length === 0 : levels.some((l) => !entries.some((e) => e.level === l));
    if (empty) {
      const checked = await this.checkLevels(id, levels, run);
      if (!checked.ok) return checked;
    }
    return shiftsOf(entries, run.since);
  }

  /** Confirms the policy exists and has every level in `levels`, fetching it once per run. */
  private async checkLevels(id: string, levels: readonly number[] | undefined, run: Run): Promise<Read<void>> {
    let count = run.policies.get(id);
    if (count === undefined) {
      count = this.levelCount(id);
      run.policies.set(id, count);
    }
    const n = await count;
    if (!n.ok) return n;
    const missing = (levels ?? []).filter((l) => l < 1 || l > n.value);
    if (missing.length > 0) return { ok: false, error: `escalation policy ${id} has no level ${missing.join(', ')} (it has ${n.value})` };
    return { ok: true, value: undefined };
  }

  private async levelCount(id: string): Promise<Read<number>> {
    const path = `/escalation_policies/${encodeURIComponent(id)}`;
    const res = await this.get(path, {}, { kind: 'escalation policy', id });
    if (!res.ok) return res;
    const rules = field(field(res.value, 'escalation_policy'), 'escalation_rules');
    return Array.isArray(rules) ? { ok: true, value: rules.length } : shapeError(path);
  }

  /**
   * A schedule's shifts from its final rendered schedule (overrides included), with emails from
   * its users over the same window: two requests, whatever the number of people.
   */
  private async renderedSchedule(id: string, run: Run): Promise<ShiftRead> {
    const subject: Subject = { kind: 'schedule', id };
    const path = `/schedules/${encodeURIComponent(id)}`;
    const window = { since: run.since.toISOString(), until: run.until.toISOString() };
    const res = await this.get(path, { ...window, time_zone: 'UTC' }, subject);
    if (!res.ok) return res;
    const raw = field(field(field(res.value, 'schedule'), 'final_schedule'), 'rendered_schedule_entries');
    const entries = Array.isArray(raw) ? raw.map(parseRendered) : [undefined];
    if (!entries.every((e) => e !== undefined)) return shapeError(path);
    if (entries.length === 0) return { ok: true, shifts: [] };
    const emails = await this.scheduleEmails(id, window, subject);
    if (!emails.ok) return emails;
    return shiftsOf(entries.map((e) => ({ ...e, email: emails.value.get(e.userId) })), run.since);
  }

  private async scheduleEmails(id: string, window: Query, subject: Subject): Promise<Read<Map<string, string | undefined>>> {
    const path = `/schedules/${encodeURIComponent(id)}/users`;
    const res = await this.get(path, window, subject);
    if (!res.ok) return res;
    const users = field(res.value, 'users');
    const parsed = Array.isArray(users) ? users.map(parseUser) : [undefined];
    if (!parsed.every((u) => u !== undefined)) return shapeError(path);
    return { ok: true, value: new Map(parsed.map((u) => [u.id, u.email])) };
  }

  /**
   * `/oncalls` entries for `ids` (passed as `param`), in chunks that keep URLs short; every id
   * maps to its chunk's outcome, which settles as soon as that chunk is read. The number of
   * requests depends on ids and entries, not bindings.
   */
  private onCallsBy(param: string, ids: readonly string[], since: Date, until: Date): Map<string, Promise<Read<OnCallEntry[]>>> {
    const fixed: Query = { since: since.toISOString(), until: until.toISOString(), time_zone: 'UTC', earliest: 'false', 'include[]': ['users'] };
    const room = MAX_URL_LENGTH - this.url('/oncalls', { ...fixed, limit: String(PAGE_LIMIT), offset: String(MAX_OFFSET_PLUS_LIMIT), total: 'true' }).length;
    const chunks = chunkIds(ids, param, room);
    return new Map(
      chunks.flatMap((chunk) => {
        const read = this.onCalls({ ...fixed, [param]: chunk }, chunk.length);
        return chunk.map((id) => [id, read] as const);
      }),
    );
  }

  private async onCalls(query: Query, idCount: number): Promise<Read<OnCallEntry[]>> {
    const items = await this.list('/oncalls', query, 'oncalls', `${idCount} id(s)`);
    if (!items.ok) return items;
    const entries = items.value.map(parseOnCall);
    return entries.every((e) => e !== undefined) ? { ok: true, value: entries } : shapeError('/oncalls');
  }

  /**
   * Every item of a classic-paginated list: `limit` 100, next `offset` from the page's own
   * `limit`, until `more` is false. Every page asks for `total`; when the answer has it, the
   * pages after the first are requested together, else one after another. Offset pages shift
   * when entries come or go between two requests (one would be read twice or not at all, and a
   * person on call then revoked), so when a page's total differs from the first page's, or the
   * items read do not add up to it, the list is read again from offset 0, up to
   * {@link PAGE_REREADS} times, after which the read fails. Refuses (as an error) to ask past
   * `offset + limit` = 10000.
   */
  private async list(path: string, query: Query, key: string, what: string): Promise<Read<unknown[]>> {
    for (let reread = 0; ; reread++) {
      const read = await this.listOnce(path, { ...query, total: 'true' }, key, what);
      if (read !== 'changed') return read;
      if (reread >= PAGE_REREADS) return { ok: false, error: `GET ${path} for ${what}: the list kept changing while being paged (${PAGE_REREADS + 1} tries); the next run will read it again` };
    }
  }

  private async listOnce(path: string, query: Query, key: string, what: string): Promise<Read<unknown[]> | 'changed'> {
    const tooMany: Read<unknown[]> = { ok: false, error: `GET ${path} for ${what} has more than ${MAX_OFFSET_PLUS_LIMIT} results, more than PagerDuty can page through; bind fewer rotations to this source or shorten the window` };
    const first = await this.page(path, query, key, 0);
    if (!first.ok) return first;
    const items = [...first.items];
    if (!first.more) return { ok: true, value: items };
    let offset = first.limit;
    if (first.total !== undefined) {
      if (first.total > MAX_OFFSET_PLUS_LIMIT) return tooMany;
      const offsets: number[] = [];
      for (; offset < first.total; offset += first.limit) offsets.push(offset);
      const pages = await Promise.all(offsets.map((o) => this.page(path, query, key, o)));
      for (const p of pages) {
        if (!p.ok) return p;
        if (p.total !== first.total) return 'changed';
        items.push(...p.items);
      }
      return items.length === first.total ? { ok: true, value: items } : 'changed';
    }
    for (;;) {
      if (offset + PAGE_LIMIT > MAX_OFFSET_PLUS_LIMIT) return tooMany;
      const p = await this.page(path, query, key, offset);
      if (!p.ok) return p;
      items.push(...p.items);
      if (!p.more) return { ok: true, value: items };
      offset += p.limit;
    }
  }

  /** One page at `offset`, with what it says about the rest: `more`, its `limit`, the `total` when given. */
  private async page(path: string, query: Query, key: string, offset: number): Promise<{ ok: true; items: unknown[]; more: boolean; limit: number; total?: number } | { ok: false; error: string }> {
    const res = await this.get(path, { ...query, limit: String(PAGE_LIMIT), offset: String(offset) });
    if (!res.ok) return res;
    const items = field(res.value, key);
    if (!Array.isArray(items)) return shapeError(path);
    const limit = field(res.value, 'limit');
    const total = field(res.value, 'total');
    return { ok: true, items, more: field(res.value, 'more') === true, limit: typeof limit === 'number' && limit > 0 ? limit : PAGE_LIMIT, ...(typeof total === 'number' && total >= 0 ? { total } : {}) };
  }

  /** One GET through pdjs and {@link getJson}, with the failure described for people. */
  private async get(path: string, query: Query, subject?: Subject): Promise<Read<unknown>> {
    const res = await this.limit(() => getJson(this.url(path, query), {}, this.http));
    return res.ok ? { ok: true, value: res.body } : describeFailure(res, { path, base: this.base, tokenEnv: this.tokenEnv, subject });
  }

  private url(path: string, query: Query): string {
    const url = new URL(`${this.base}${path}`);
    for (const [k, v] of Object.entries(query)) for (const value of [v].flat()) url.searchParams.append(k, value);
    return url.toString();
  }

  /** `read` with the token redacted, in case a server or proxy echoed it. */
  private redact(read: ShiftRead): ShiftRead {
    return read.ok ? read : this.redactFailure(read);
  }

  private redactFailure(read: ReadFailure): ReadFailure {
    return { ...read, error: redact(read.error, [this.token]) };
  }
}

/**
 * A person-readable reason for a failed request of `path` (on `base`), naming what to check; with
 * the fault when the fix is the source's apiUrl (no connection) or its token (401, 403).
 */
function describeFailure(res: Extract<HttpResult, { ok: false }>, on: { path: string; base: string; tokenEnv?: string; subject?: Subject }): ReadFailure {
  const token = on.tokenEnv === undefined ? 'the token' : `the token in ${on.tokenEnv}`;
  if (res.unreachable !== undefined) return { ok: false, error: unreachableMessage(on.base, res.unreachable), fault: 'endpoint' };
  switch (res.status) {
    case 401:
      return { ok: false, error: `PagerDuty rejected ${token} (HTTP 401): it is wrong or was revoked; put a valid REST API key there (read-only is enough)`, fault: 'token' };
    case 403:
      return { ok: false, error: `${token} may not read this (HTTP 403 on GET ${on.path}): use a general access REST API key (read-only is enough), or a user token of a user who can see it`, fault: 'token' };
    case 404:
      if (on.subject !== undefined) return { ok: false, error: `${on.subject.kind} ${on.subject.id} not found (check the ${on.subject.kind} id)` };
  }
  return { ok: false, error: `GET ${on.path}: ${res.error}` };
}

function shapeError(path: string): { ok: false; error: string } {
  return { ok: false, error: `GET ${path} answered a body this source does not understand` };
}

/** Splits `ids` so that each chunk, written as `&param=id...`, fits in `room` characters. */
export function chunkIds(ids: readonly string[], param: string, room: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let used = 0;
  for (const id of ids) {
    const cost = `&${encodeURIComponent(param)}=${encodeURIComponent(id)}`.length;
    if (current.length > 0 && used + cost > room) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(id);
    used += cost;
  }
  return current.length > 0 ? [...chunks, current] : chunks;
}

/**
 * Shifts from entries, de-duplicated (one per email, start and end: `/oncalls` repeats a shift
 * per policy and level) and sorted. A permanent on-call starts at `since` and never ends. A user
 * without an email fails the whole read: guessing who they are could grant the wrong person.
 */
function shiftsOf(entries: readonly Omit<OnCallEntry, 'policyId' | 'level'>[], since: Date): ShiftRead {
  const shifts = new Map<string, Shift>();
  for (const e of entries) {
    if (e.email === undefined || e.email === '') return { ok: false, error: `PagerDuty user ${e.userId} has no email address` };
    const shift: Shift = { email: e.email, start: e.start ?? since, ...(e.end === undefined ? {} : { end: e.end }) };
    shifts.set(`${shift.email}\u0000${shift.start.getTime()}\u0000${shift.end?.getTime()}`, shift);
  }
  const sorted = [...shifts.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.email.localeCompare(b.email));
  return { ok: true, shifts: sorted };
}

// --- response parsing -----------------------------------------------------------------------

/** `value[key]` when `value` is an object, else `undefined`. */
function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An instant, `null` (absent), or `false` when the value is neither. */
function instantOrNull(value: unknown): Date | undefined | false {
  if (value === null || value === undefined) return undefined;
  const d = typeof value === 'string' ? new Date(value) : undefined;
  return d !== undefined && !Number.isNaN(d.getTime()) ? d : false;
}

function parseUser(raw: unknown): { id: string; email?: string } | undefined {
  const id = str(field(raw, 'id'));
  return id === undefined ? undefined : { id, email: str(field(raw, 'email')) };
}

function parseOnCall(raw: unknown): OnCallEntry | undefined {
  const user = parseUser(field(raw, 'user'));
  const policyId = str(field(field(raw, 'escalation_policy'), 'id'));
  const level = field(raw, 'escalation_level');
  const start = instantOrNull(field(raw, 'start'));
  const end = instantOrNull(field(raw, 'end'));
  if (user === undefined || policyId === undefined || typeof level !== 'number' || start === false || end === false) return undefined;
  const scheduleId = str(field(field(raw, 'schedule'), 'id'));
  return { userId: user.id, email: user.email, policyId, level, scheduleId, start, end };
}

/**
 * An open incident of `GET /incidents` with `include[]` assignees and acknowledgers: its number,
 * title, status, policy, and the emails of whoever it is assigned to or acknowledged by (an
 * acknowledger that is not a user, such as an integration, names nobody).
 */
function parseIncident(raw: unknown): (Incident & { policyId: string }) | undefined {
  const number = field(raw, 'incident_number');
  const title = field(raw, 'title');
  const status = field(raw, 'status');
  const policyId = str(field(field(raw, 'escalation_policy'), 'id'));
  const assignments = field(raw, 'assignments');
  const acknowledgements = field(raw, 'acknowledgements') ?? [];
  if (typeof number !== 'number' || typeof title !== 'string' || (status !== 'triggered' && status !== 'acknowledged') || policyId === undefined || !Array.isArray(assignments) || !Array.isArray(acknowledgements)) return undefined;
  const emails = (refs: unknown[], key: string): string[] => refs.flatMap((r) => {
    const who = field(r, key);
    const email = str(field(who, 'email'));
    return email !== undefined && /user/.test(String(field(who, 'type'))) ? [email.toLowerCase()] : [];
  });
  return { number, title, status, policyId, assigned: emails(assignments, 'assignee'), acknowledged: emails(acknowledgements, 'acknowledger') };
}

function parseRendered(raw: unknown): { userId: string; start: Date; end: Date } | undefined {
  const userId = str(field(field(raw, 'user'), 'id'));
  const start = instantOrNull(field(raw, 'start'));
  const end = instantOrNull(field(raw, 'end'));
  return userId === undefined || !start || !end ? undefined : { userId, start, end };
}

// --- pdjs transport -------------------------------------------------------------------------

/** The request pdjs is sending for us: the fetch to use and, once sent, its response. */
interface RoutedCall {
  fetch: Fetch;
  response?: Response;
}

/** What pdjs hands `cross-fetch`: always a method and a node-fetch `Headers` (iterable as pairs), and our signal. */
interface PdjsInit {
  method: string;
  headers: Iterable<[string, string]>;
  signal?: AbortSignal | null;
}

type CrossFetch = (url: string, init: PdjsInit) => Promise<unknown>;

/** Rejects pdjs's fetch once ours has answered, so pdjs neither retries nor reads the response. */
class HandedBack extends Error {}

const routedCalls = new AsyncLocalStorage<RoutedCall>();
let routing = false;

/**
 * Makes pdjs send through the fetch of the {@link routedCalls} call it runs in. pdjs calls
 * `require('cross-fetch').default` at request time, so replacing that export reroutes it;
 * requests made outside a routed call still go to cross-fetch. The copy patched is the one pdjs
 * loads: cross-fetch is our own dependency too, in pdjs's range, so npm installs one copy, and
 * the Action's bundle holds one (`.ci/bundle-check` checks that). The default import of a
 * CommonJS module is its `module.exports`, the object pdjs reads `default` from, in Node and in
 * the bundle alike; static, so that esbuild bundles it.
 */
function routePdjs(): void {
  if (routing) return;
  const crossFetch = crossFetchModule as unknown as { default: CrossFetch };
  const original = crossFetch.default;
  crossFetch.default = (url, init) => {
    const call = routedCalls.getStore();
    return call === undefined ? original(url, init) : send(call, url, init);
  };
  routing = true;
}

async function send(call: RoutedCall, url: string, init: PdjsInit): Promise<never> {
  call.response = await call.fetch(url, { method: init.method, headers: [...init.headers], signal: init.signal ?? null });
  throw new HandedBack();
}

/**
 * A {@link Fetch} that performs GETs with pdjs: the URL's query becomes pdjs's
 * `queryParameters`, pdjs adds `Accept` and `Authorization`, and the request leaves through
 * `fetch`. The response is returned untouched (body unread), for `getJson` to judge.
 */
function pdjsFetch(token: string, fetch: Fetch): Fetch {
  routePdjs();
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    const queryParameters = queryOf(url.searchParams);
    url.search = '';
    const call: RoutedCall = { fetch };
    try {
      // requestTimeout 0: pdjs's timeout only starts a timer that keeps the process alive.
      await routedCalls.run(call, () => api({ url: url.toString(), token, tokenType: 'token', method: 'GET', queryParameters, signal: init?.signal ?? null, requestTimeout: 0 }));
    } catch (err) {
      if (!(err instanceof HandedBack)) throw err;
    }
    if (call.response === undefined) throw new Error('pdjs did not send the request through the configured fetch');
    return call.response;
  };
}

/** URL parameters as pdjs takes them: `[]` names (and repeated names) as arrays. */
function queryOf(params: URLSearchParams): Query {
  const query: Query = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    query[key] = values.length === 1 && !key.endsWith('[]') ? (values[0] as string) : values;
  }
  return query;
}
