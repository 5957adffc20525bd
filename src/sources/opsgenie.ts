/**
 * The `opsgenie` source: who is on call in Opsgenie schedules, read from each schedule's
 * timeline (`GET /v2/schedules/{identifier}/timeline`) through {@link getJson}.
 *
 * Why the timeline and not who-is-on-call (`/v2/schedules/{identifier}/on-calls?date=`): on-calls
 * answers "who, at one instant" with no shift boundaries, so covering a window would take one
 * request per instant sampled and still miss a handoff between samples. The timeline's
 * `finalTimeline` (rotations, overrides and forwardings applied) lists periods with their
 * `startDate`, `endDate` and recipients: real shifts, for the whole window, in one request.
 * The periods are read by {@link readTimeline} (`./timeline-periods.ts`, pure), which a Jira
 * Service Management Operations source can share: JSM's schedule timelines keep this model and
 * rename `recipient` to `responder`, `flattenedRecipients` to `flattenedResponders`, and name
 * recipients by account `id`.
 *
 * ## What the timeline's period and recipient types mean
 *
 * References: Opsgenie's Swagger description, `definitions/schedule.yaml` (`TimelinePeriod`,
 * `TimelineRecipient`), `definitions/common.yaml` (`Recipient`), `definitions/scheduleOverride.yaml`
 * and `definitions/forwardingRule.yaml`; and the JSM Operations REST API, "Schedule timelines"
 * (developer.atlassian.com/cloud/jira/service-desk-ops/rest/v2/api-group-schedule-timelines/),
 * whose OpenAPI enumerates `TimelinePeriod.type` (`base`, `override`, `forwarding`, `historical`)
 * and `TimelineResponder.type` (`user`, `team`, `escalation`, `noone`). Opsgenie leaves
 * `TimelinePeriod.type` free text; its timelines say `default` where JSM says `base`.
 *
 * Period types (`TimelinePeriod.type`):
 * - `default` (Opsgenie), `base` (JSM): the rotation's own turn; its `recipient` is on call.
 * - `override`: someone takes the rotation's place; its `recipient` is on call ("the user object
 *   who will take on call responsibility or reserved word none", `CreateScheduleOverridePayload.user`).
 * - `forwarding`: the on-call person forwards to another; the `recipient` (the forwarding rule's
 *   `toUser`) is on call, `fromUser` ("Only used by 'forwarding' period types") is not.
 * - `historical`: a period already past, as it happened; its people are in `flattenedRecipients`
 *   ("Only used by 'historical' period types"), and each user there is on call for the period
 *   (their `forwardedFrom` only says whom they stood in for). A team or escalation in the
 *   `recipient` of such a period is read through this list, the API's own expansion of it.
 *   Without `flattenedRecipients`, its `recipient` is read (JSM's example has `noone` so).
 * - no type: read as `default` (the description does not require `type`).
 * - any other: not guessed at. Its periods are ignored and the read carries a warning naming the
 *   type; the rest of the timeline is read. Only a response that cannot be read at all fails.
 *
 * Recipient types (`TimelineRecipient.type`; a rotation's participants are `Recipient`s of type
 * `user`, `team`, `escalation` or the reserved `none`):
 * - `user`: that person, by `name` (the username, which is the email), is on call.
 * - `none` (Opsgenie), `noone` (JSM): nobody is on call; not a failure.
 * - `team`, `escalation`: an error naming it, when on call in the window read (elsewhere it
 *   changes nothing), so the teams the schedule feeds are frozen. Not expanded through the teams
 *   API on purpose: whom a team or an escalation pages follows its own routing and escalation
 *   rules, not its member list, so granting to every member would give access to people nobody
 *   paged. The error says to put users in the schedule's rotations.
 * - any other (`Recipient` also lists `all`, `schedule`, `group`): the same error, as someone
 *   may be on call and the timeline does not say who.
 */
import pLimit from 'p-limit';
import type { RotationBinding } from '../config/model.js';
import type { ReadFault } from '../core/diagnostics.js';
import { getJson, unreachableMessage, type HttpOptions, type HttpResult } from '../http/client.js';
import type { Fetch } from '../http/read-only.js';
import { redact } from '../util/redact.js';
import { bindingKey, bindingLabel, type Shift, type ShiftRead, type Source } from './source.js';
import { MARGIN_MS, OPSGENIE_TIMELINE, readTimeline, timelineSpan } from './timeline-periods.js';

export { MARGIN_MS };

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
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What reading one schedule gives: its shifts and warnings, or why they are unknown (without the binding's label) and whose fault. */
type ScheduleRead = { ok: true; shifts: Shift[]; warnings: string[] } | { ok: false; why: string; fault?: ReadFault };

/** `id` for a UUID (how Opsgenie names schedule ids), `name` for anything else. */
export function identifierType(schedule: string): 'id' | 'name' {
  return UUID.test(schedule) ? 'id' : 'name';
}

/** The timeline request covering `[since, until)` with a margin on each side ({@link timelineSpan}). */
export function timelineQuery(schedule: string, since: Date, until: Date): URLSearchParams {
  const { from, days } = timelineSpan(since, until);
  return new URLSearchParams({ identifierType: identifierType(schedule), date: from.toISOString(), interval: String(days), intervalUnit: 'days' });
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
   * than {@link MARGIN_MS} outside the window shows as the edge of the timeline read. Each period
   * and recipient type means what the module notes say: a schedule with a team or escalation on
   * call in the window reads as a failure naming it, a `none` recipient is nobody on call, and
   * periods of a type not known are left out with a warning on the read.
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
    if (!res.ok) {
      const { why, fault } = this.#explain(schedule, res);
      return { ok: false, why: this.#redact(why), ...(fault ? { fault } : {}) };
    }
    const read = readTimeline((res.body as { data?: unknown } | null)?.data, since.getTime(), until.getTime(), OPSGENIE_TIMELINE);
    if (!read.ok) return { ok: false, why: this.#redact(read.why) };
    return { ok: true, shifts: read.onCall.map((p) => ({ email: p.user, start: new Date(p.start), end: new Date(p.end) })), warnings: read.warnings.map((w) => this.#redact(w)) };
  }

  /** What a failed request means and what to check, with the fault when the fix is the source's apiUrl or key. */
  #explain(schedule: string, res: Extract<HttpResult, { ok: false }>): { why: string; fault?: ReadFault } {
    const key = this.#tokenEnv === undefined ? "the environment variable named by the source's tokenEnv" : `${this.#tokenEnv} (the source's tokenEnv)`;
    if (res.unreachable !== undefined) return { why: unreachableMessage(this.#apiUrl, res.unreachable), fault: 'endpoint' };
    switch (res.status) {
      case 401:
        return { why: `Opsgenie rejected the API key (${res.error}): check the key in ${key}`, fault: 'token' };
      case 403:
        return { why: `the API key in ${key} may not read schedules (${res.error}): use an API key with Read and Configuration access, or an API integration that is not restricted from configurations`, fault: 'token' };
      case 404:
        return { why: `schedule not found (${res.error}): looked up by ${identifierType(schedule)}; check the schedule's ${identifierType(schedule) === 'id' ? 'id' : 'name as Opsgenie shows it, or use its id'}` };
      default:
        return { why: `could not read the schedule's timeline: ${res.error}` };
    }
  }

  /** `text` without the API key, should the API have echoed it. */
  #redact(text: string): string {
    return redact(text, [this.#apiKey]);
  }
}

/** The read of binding `b`, given the read of its schedule (`undefined` for a non-schedule binding). */
function outcome(b: RotationBinding, read: ScheduleRead | undefined): ShiftRead {
  if (read === undefined) return { ok: false, error: `${bindingLabel(b)}: an opsgenie source serves schedules` };
  if (!read.ok) return { ok: false, error: `${bindingLabel(b)}: ${read.why}`, ...(read.fault ? { fault: read.fault } : {}) };
  return { ok: true, shifts: read.shifts.map((s) => ({ ...s })), ...(read.warnings.length > 0 ? { warnings: [...read.warnings] } : {}) };
}
