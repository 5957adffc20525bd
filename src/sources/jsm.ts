/**
 * The `jsm` source: who is on call in Jira Service Management (JSM) Operations schedules, the
 * successor of Opsgenie (whose API ends on 2027-04-05). It binds schedules as the Opsgenie source
 * does (`schedule:` by id or by name), reads each schedule's final timeline, and turns the
 * Atlassian account ids the timeline names into emails with Jira's bulk user lookup, through
 * {@link getJson} (timeouts, retries, 429 waits).
 *
 * ## Library notes (JSM Operations REST API and Jira's user API)
 *
 * References: the JSM Operations REST API, developer.atlassian.com/cloud/jira/service-desk-ops/rest/v2/
 * ("About": authentication, error bodies; "Schedules"; "Schedule timelines"; "Schedule on-calls"),
 * Jira Cloud's "Bulk get users" (developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/),
 * "Profile visibility" (developer.atlassian.com/cloud/jira/platform/profile-visibility/) and
 * "Manage API tokens for your Atlassian account" (support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/).
 *
 * - Base URL and site: `https://api.atlassian.com/jsm/ops/api/{cloudId}/v1/...`; the cloud id
 *   names the Atlassian site (`https://SITE.atlassian.net/_edge/tenant_info` shows it). OAuth 2.0
 *   (3LO) apps call `https://api.atlassian.com/ex/jira/{cloudId}/jsm/ops/api/...` instead; this
 *   source uses Basic authentication and the first form. Jira's user API for the same site is
 *   `https://api.atlassian.com/ex/jira/{cloudId}/rest/api/3/...`, the form Atlassian gives for API
 *   tokens with scopes. `apiUrl` replaces `https://api.atlassian.com` for both (an emulator).
 * - Authentication: Basic, the Atlassian account's email and an API token. Scopes: schedules,
 *   timelines and on-calls need `read:ops-config:jira-service-management`; the user lookup needs
 *   Jira's `read:jira-user` (granular: `read:user:jira`). Atlassian's gateway answers a wrong
 *   email or token, and a token whose scopes do not cover the route, with 401 (a missing scope
 *   says "Unauthorized; scope does not match"), so a 401 is read as "credentials or scopes".
 *   Atlassian deprecates API tokens without scopes and documents those for the site's own URL
 *   (`https://SITE.atlassian.net`), so use a token with scopes.
 * - Permissions: the account sees a schedule when it has a read-only administrator right, is in
 *   the schedule's team, is a responder in one of its rotations (directly or through a team or
 *   escalation), or has an override in it; the schedule list holds only schedules it sees.
 *   Looking users up needs permission to access Jira; emails follow profile visibility (below).
 * - Errors: JSM answers `{ "errors": [{ "title": ... }] }`; Jira `{ "errorMessages": [...], "errors": {} }`.
 * - Schedules: `GET /v1/schedules` pages by `offset` and `size` and gives the next page as a
 *   path in `links.next` (the example: `/v1/schedules?offset=50&size=25`); `query` filters with
 *   semantics the reference does not spell out. The reference's pagination section gives no
 *   largest `size` in what we could read, so this source asks for {@link SCHEDULE_PAGE}, steps
 *   `offset` by what it got, stops when `links.next` is absent, and matches names exactly itself.
 * - Timelines: `GET /v1/schedules/{scheduleId}/timeline?date=&interval=&intervalUnit=&expand=`,
 *   by id only (no `identifierType` as in Opsgenie: a name is looked up in the schedule list).
 *   The range "can go back at most one year from today and as far as two years from today".
 *   The response (`ScheduleTimelineResponse`, no envelope) keeps Opsgenie's model and renames
 *   `recipient` to `responder` and `flattenedRecipients` to `flattenedResponders`; a responder
 *   is `{ id, type }` with `type` `user`, `team`, `escalation` or `noone`, a user by account id.
 *   Period types are `base`, `override`, `forwarding`, `historical` (read as for Opsgenie: see
 *   `./opsgenie.ts` and `./timeline-periods.ts`). `finalTimeline` is the schedule with overrides
 *   and forwardings applied. The timeline serves a span, so `--at` and `timeline` work; the
 *   on-calls endpoint (`/v1/schedules/{id}/on-calls?date=`) answers one instant only.
 * - Time format: ISO 8601 date-times in UTC (`2023-11-10T05:00:00Z` in the examples); this source
 *   sends whole seconds with `Z` and accepts fractions in answers.
 * - Account ids to emails: `GET /rest/api/3/user/bulk?accountId=A&accountId=B&startAt=&maxResults=`
 *   (a `PageBeanUser`: `values`, `startAt`, `maxResults`, `total`, `isLast`; `maxResults` defaults
 *   to 10). The reference sets no limit on how many `accountId`s one request names; this source
 *   sends {@link USER_CHUNK} at most (URLs stay near 6 KB) with `maxResults` as many, and pages
 *   by `startAt` until `isLast` should the answer be shorter. Accounts asked once are kept for the
 *   run. An account id the lookup does not return (a deleted account) is treated as a hidden email.
 * - Hidden emails: `emailAddress` "Depending on the user's privacy settings, this may be returned
 *   as null" (or be left out). Profile visibility lets each person hide their email; managed
 *   accounts (emails of a domain the organisation verified) show it to the organisation by
 *   default. A responder whose email is not visible is not on call as far as access goes: a
 *   warning names them (display name and account id) and the fix (make the email visible, or map
 *   the account id in the identities file: `accountId` beside `email` and `github`). The
 *   identities file's account ids are used first, without a lookup.
 */
import pLimit from 'p-limit';
import type { RotationBinding } from '../config/model.js';
import type { ReadFault } from '../core/diagnostics.js';
import { getJson, unreachableMessage, type HttpOptions, type HttpResult } from '../http/client.js';
import type { Fetch } from '../http/read-only.js';
import { redact } from '../util/redact.js';
import { identifierType } from './opsgenie.js';
import { bindingKey, bindingLabel, type Shift, type ShiftRead, type Source } from './source.js';
import { JSM_TIMELINE, readTimeline, timelineSpan, type OnCallPeriod } from './timeline-periods.js';

/** Atlassian's cloud API, for JSM Operations and Jira's user API alike. */
export const ATLASSIAN_API_URL = 'https://api.atlassian.com';
/** Account ids named in one user request. */
export const USER_CHUNK = 100;
/** Schedules asked for per page of the schedule list. */
export const SCHEDULE_PAGE = 50;
/** Requests at once. */
const CONCURRENCY = 4;
/** Pages of one list read at most: a list that does not end is an error, not a hang. */
const MAX_PAGES = 200;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** What the JSM source needs. */
export interface JsmSourceOptions {
  /** Default {@link ATLASSIAN_API_URL}; an emulator's URL in tests. */
  apiUrl?: string;
  /** The Atlassian site's cloud id. */
  cloudId: string;
  /** The email of the Atlassian account the token belongs to (Basic authentication's user name). */
  email: string;
  /** An Atlassian API token; never put in an error. */
  token: string;
  fetch: Fetch;
  /** Timeouts, retries and waits of every request (see {@link HttpOptions}). */
  http?: Partial<Omit<HttpOptions, 'fetch'>>;
  /** The environment variables the token and the email came from (`tokenEnv`, `emailEnv`), named by errors. */
  tokenEnv?: string;
  emailEnv?: string;
  /** Emails by Atlassian account id, from the identities file: used before, and instead of, the user lookup. */
  accounts?: ReadonlyMap<string, string>;
}

/** Why something could not be read (without the binding's label), and whose fault when the fix is the source's settings. */
type Failure = { ok: false; why: string; fault?: ReadFault };
type TimelineResult = { ok: true; onCall: OnCallPeriod[]; warnings: string[] } | Failure;
type ScheduleRead = { ok: true; shifts: Shift[]; warnings: string[] } | Failure;
/** What the user lookup said of an account: its display name and visible email; `null` when it does not know the account. */
type Account = { name?: string; email?: string } | null;
/** What is read: decides the words of an error. */
type What = 'timeline' | 'schedules' | 'users';

/**
 * A JSM Operations source. Serves only `schedule` bindings: each distinct schedule costs one
 * timeline request (plus, once per run, the schedule list when some schedule is bound by name),
 * and the people on call cost one user request per {@link USER_CHUNK} accounts not yet known.
 * A failed read leaves only the bindings that needed it unknown. Every binding asked for gets
 * an entry; the token never appears in an error.
 */
export class JsmSource implements Source {
  readonly #apiUrl: string;
  readonly #cloudId: string;
  readonly #authorization: string;
  readonly #secrets: string[];
  readonly #http: HttpOptions;
  readonly #tokenEnv: string | undefined;
  readonly #emailEnv: string | undefined;
  readonly #accounts: ReadonlyMap<string, string>;
  readonly #limit = pLimit(CONCURRENCY);
  /** Accounts looked up this run. */
  readonly #users = new Map<string, Account>();
  /** Schedule ids by name, once listed this run (a failed listing is not kept). */
  #names: Promise<Map<string, string[]> | Failure> | undefined;

  constructor(options: JsmSourceOptions) {
    this.#apiUrl = (options.apiUrl ?? ATLASSIAN_API_URL).replace(/\/+$/, '');
    this.#cloudId = options.cloudId;
    const basic = Buffer.from(`${options.email}:${options.token}`).toString('base64');
    this.#authorization = `Basic ${basic}`;
    this.#secrets = [options.token, basic];
    this.#http = { ...options.http, fetch: options.fetch };
    this.#tokenEnv = options.tokenEnv;
    this.#emailEnv = options.emailEnv;
    this.#accounts = options.accounts ?? new Map();
  }

  /**
   * The shifts of each binding over `[since, until)`: every user on call in the schedule's final
   * timeline in a period overlapping the window, by email, with that period's start and end (one
   * person's neighbouring or overlapping periods joined), sorted by start then email. Periods
   * and responder types mean what they mean for Opsgenie (a team or escalation on call fails the
   * read). A person whose email is not visible is left out with a warning naming them and the fix.
   */
  async readShifts(bindings: readonly RotationBinding[], since: Date, until: Date): Promise<Map<string, ShiftRead>> {
    const schedules = [...new Set(bindings.flatMap((b) => (b.kind === 'schedule' ? [b.schedule] : [])))];
    const timelines = new Map(await Promise.all(schedules.map(async (s) => [s, await this.#timeline(s, since, until)] as const)));
    const failed = await this.#lookUp([...timelines.values()].flatMap((r) => (r.ok ? r.onCall.map((p) => p.user) : [])));
    const reads = new Map(schedules.map((s) => [s, this.#shifts(timelines.get(s)!, failed)]));
    return new Map(bindings.map((b) => [bindingKey(b), outcome(b, b.kind === 'schedule' ? reads.get(b.schedule) : undefined)]));
  }

  /** The people on call in `schedule`'s final timeline, by account id. */
  async #timeline(schedule: string, since: Date, until: Date): Promise<TimelineResult> {
    const id = identifierType(schedule) === 'id' ? schedule : await this.#idOf(schedule);
    if (typeof id !== 'string') return id;
    const { from, days } = timelineSpan(since, until);
    const query = new URLSearchParams({ date: from.toISOString().replace(/\.\d{3}Z$/, 'Z'), interval: String(days), intervalUnit: 'days' });
    const res = await this.#get(`${this.#ops()}/schedules/${encodeURIComponent(id)}/timeline?${query}`);
    if (!res.ok) return this.#failed('timeline', res);
    const read = readTimeline(res.body, since.getTime(), until.getTime(), JSM_TIMELINE);
    return read.ok ? read : { ok: false, why: this.#redact(read.why) };
  }

  /** The id of the one schedule named `name` (exactly), or why there is none. */
  async #idOf(name: string): Promise<string | Failure> {
    this.#names ??= this.#listSchedules();
    const names = await this.#names;
    if (!(names instanceof Map)) {
      this.#names = undefined;
      return { ...names, why: `could not list the schedules to find the one named "${name}": ${names.why}` };
    }
    const ids = names.get(name) ?? [];
    if (ids.length === 1) return ids[0]!;
    if (ids.length === 0) return { ok: false, why: `no schedule is named "${name}" among the ${names.size} this account can see: check the name as JSM shows it (exact, case-sensitive) and that the account may see the schedule, or use its id` };
    return { ok: false, why: `${ids.length} schedules are named "${name}" (${ids.join(', ')}): bind the one meant by its id` };
  }

  /** Every schedule the account sees, ids by name, through the pages of `GET /v1/schedules`. */
  async #listSchedules(): Promise<Map<string, string[]> | Failure> {
    const names = new Map<string, string[]>();
    for (let offset = 0, page = 0; page < MAX_PAGES; page++) {
      const res = await this.#get(`${this.#ops()}/schedules?${new URLSearchParams({ size: String(SCHEDULE_PAGE), offset: String(offset) })}`);
      if (!res.ok) return this.#failed('schedules', res);
      const body = res.body as { values?: unknown; links?: { next?: unknown } } | null;
      const values = body?.values;
      if (!Array.isArray(values) || !values.every((v) => typeof v?.id === 'string' && typeof v?.name === 'string')) return { ok: false, why: 'unexpected schedule list from Jira Service Management: no values with an id and a name' };
      for (const { id, name } of values as { id: string; name: string }[]) names.set(name, [...(names.get(name) ?? []), id]);
      if (typeof body?.links?.next !== 'string' || values.length === 0) return names;
      offset += values.length;
    }
    return { ok: false, why: `the schedule list did not end after ${MAX_PAGES} pages` };
  }

  /**
   * Looks up the accounts of `ids` not known yet (from the identities file or earlier this run),
   * {@link USER_CHUNK} per request; the failures, by account id, of requests that failed.
   */
  async #lookUp(ids: readonly string[]): Promise<Map<string, Failure>> {
    const wanted = [...new Set(ids)].filter((id) => !this.#accounts.has(id) && !this.#users.has(id));
    const chunks = Array.from({ length: Math.ceil(wanted.length / USER_CHUNK) }, (_, i) => wanted.slice(i * USER_CHUNK, (i + 1) * USER_CHUNK));
    const failed = new Map<string, Failure>();
    await Promise.all(
      chunks.map(async (chunk) => {
        const found = await this.#bulkUsers(chunk);
        if (!found.ok) for (const id of chunk) failed.set(id, found);
        else for (const id of chunk) this.#users.set(id, found.accounts.get(id) ?? null);
      }),
    );
    return failed;
  }

  /** The accounts of `ids` that Jira knows, through the pages of one bulk request. */
  async #bulkUsers(ids: readonly string[]): Promise<{ ok: true; accounts: Map<string, Account> } | Failure> {
    const accounts = new Map<string, Account>();
    for (let startAt = 0, page = 0; page < MAX_PAGES; page++) {
      const query = new URLSearchParams([...ids.map((id) => ['accountId', id]), ['maxResults', String(USER_CHUNK)], ['startAt', String(startAt)]]);
      const res = await this.#get(`${this.#apiUrl}/ex/jira/${encodeURIComponent(this.#cloudId)}/rest/api/3/user/bulk?${query}`);
      if (!res.ok) return this.#failed('users', res);
      const body = res.body as { values?: unknown; isLast?: unknown } | null;
      const values = body?.values;
      if (!Array.isArray(values) || !values.every((v) => typeof v?.accountId === 'string')) return { ok: false, why: 'unexpected answer from Jira\'s user lookup: no values with an accountId' };
      for (const v of values as { accountId: string; displayName?: unknown; emailAddress?: unknown }[]) {
        const email = typeof v.emailAddress === 'string' && EMAIL.test(v.emailAddress) ? v.emailAddress : undefined;
        accounts.set(v.accountId, { ...(typeof v.displayName === 'string' ? { name: v.displayName } : {}), ...(email === undefined ? {} : { email }) });
      }
      if (body?.isLast !== false || values.length === 0) return { ok: true, accounts };
      startAt += values.length;
    }
    return { ok: false, why: `Jira's user lookup did not end after ${MAX_PAGES} pages` };
  }

  /** A schedule's shifts by email, given its timeline and the user lookups that failed. */
  #shifts(timeline: TimelineResult, failed: ReadonlyMap<string, Failure>): ScheduleRead {
    if (!timeline.ok) return timeline;
    const shifts: Shift[] = [];
    const hidden = new Map<string, OnCallPeriod[]>();
    for (const p of timeline.onCall) {
      const lookup = failed.get(p.user);
      if (lookup !== undefined) return { ...lookup, why: `could not look up the emails of the people on call: ${lookup.why}` };
      const email = this.#accounts.get(p.user) ?? this.#users.get(p.user)?.email;
      if (email !== undefined) shifts.push({ email, start: new Date(p.start), end: new Date(p.end) });
      else hidden.set(p.user, [...(hidden.get(p.user) ?? []), p]);
    }
    shifts.sort((a, b) => a.start.getTime() - b.start.getTime() || a.email.localeCompare(b.email));
    return { ok: true, shifts, warnings: [...timeline.warnings, ...[...hidden].map(([id, periods]) => this.#redact(hiddenEmail(id, this.#users.get(id) ?? null, periods)))] };
  }

  #ops(): string {
    return `${this.#apiUrl}/jsm/ops/api/${encodeURIComponent(this.#cloudId)}/v1`;
  }

  #get(url: string): Promise<HttpResult> {
    return this.#limit(() => getJson(url, { authorization: this.#authorization }, this.#http));
  }

  /** What a failed request means and what to check, with the fault when the fix is the source's apiUrl or credentials. */
  #failed(what: What, res: Extract<HttpResult, { ok: false }>): Failure {
    const { why, fault } = this.#explain(what, res);
    return { ok: false, why: this.#redact(why), ...(fault ? { fault } : {}) };
  }

  #explain(what: What, res: Extract<HttpResult, { ok: false }>): { why: string; fault?: ReadFault } {
    const token = this.#tokenEnv === undefined ? "the environment variable named by the source's tokenEnv" : `${this.#tokenEnv} (the source's tokenEnv)`;
    const email = this.#emailEnv === undefined ? "the environment variable named by the source's emailEnv" : `${this.#emailEnv} (the source's emailEnv)`;
    if (res.unreachable !== undefined) return { why: unreachableMessage(this.#apiUrl, res.unreachable), fault: 'endpoint' };
    const users = what === 'users';
    switch (res.status) {
      case 401: {
        const scope = users ? "read:jira-user (Jira's user lookup)" : 'read:ops-config:jira-service-management';
        return { why: `Atlassian refused the credentials (${res.error}): check the account email in ${email} and the API token in ${token}, which needs the scope ${scope}`, fault: 'token' };
      }
      case 403:
        return users
          ? { why: `the Atlassian account in ${email} may not look up users (${res.error}): it needs permission to access Jira (and "Browse users and groups")`, fault: 'token' }
          : { why: `the Atlassian account in ${email} may not read ${what === 'timeline' ? 'this schedule' : 'the schedules'} (${res.error}): give it a read-only administrator role in JSM Operations, or make it a member of the schedule's team`, fault: 'token' };
      case 404:
        return { why: what === 'timeline' ? `schedule not found (${res.error}): check the schedule's id, and the source's cloudId` : `not found (${res.error}): check the source's cloudId` };
      case 400:
        if (what === 'timeline') return { why: `could not read the schedule's timeline (${res.error}): JSM serves timelines from at most a year back to two years ahead of today` };
        break;
    }
    return { why: `${users ? "could not look up users' emails" : what === 'timeline' ? "could not read the schedule's timeline" : 'could not list the schedules'}: ${res.error}` };
  }

  /** `text` without the token (or the Basic credentials), should the API have echoed it. */
  #redact(text: string): string {
    return redact(text, this.#secrets);
  }
}

/** The warning for an account on call whose email is not visible: who, when, and the two fixes. */
function hiddenEmail(id: string, account: Account, periods: readonly OnCallPeriod[]): string {
  const who = account?.name === undefined ? `Atlassian account ${id}` : `${account.name} (Atlassian account ${id})`;
  const first = periods[0]!;
  const when = `from ${new Date(first.start).toISOString()} to ${new Date(first.end).toISOString()}${periods.length > 1 ? ` (and ${periods.length - 1} more time(s))` : ''}`;
  const why = account === null ? "Jira's user lookup does not know the account (deleted, or not a user of this site)" : 'Atlassian does not show their email (their profile hides it)';
  return `${who} is on call ${when}, but ${why}, so nothing is granted for them: make the email visible (a managed account of your organisation's verified domain shows it to the organisation), or add an entry with accountId: ${id} beside their email and github to the identities file`;
}

/** The read of binding `b`, given the read of its schedule (`undefined` for a non-schedule binding). */
function outcome(b: RotationBinding, read: ScheduleRead | undefined): ShiftRead {
  if (read === undefined) return { ok: false, error: `${bindingLabel(b)}: a jsm source serves schedules` };
  if (!read.ok) return { ok: false, error: `${bindingLabel(b)}: ${read.why}`, ...(read.fault ? { fault: read.fault } : {}) };
  return { ok: true, shifts: read.shifts.map((s) => ({ ...s })), ...(read.warnings.length > 0 ? { warnings: [...read.warnings] } : {}) };
}
