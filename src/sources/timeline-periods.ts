/**
 * The reading of a schedule timeline in Opsgenie's model, for every source whose API serves it:
 * Opsgenie (`GET /v2/schedules/{identifier}/timeline`, the `data` of its
 * `GetScheduleTimelineResponse`) and Jira Service Management Operations
 * (`GET /v1/schedules/{scheduleId}/timeline`, its `ScheduleTimelineResponse`), which keeps the
 * model and renames three fields (see {@link TimelineModel}). Pure: no I/O, no clock.
 *
 * What each period type and recipient type means, and where that comes from, is in the library
 * notes of the Opsgenie source (`./opsgenie.ts`); {@link PERIOD_TYPES} and
 * {@link RECIPIENT_TYPES} are those meanings as data.
 */

/** Where one API's timeline model keeps what the reading needs. */
export interface TimelineModel {
  /** The API, as messages name it: `Opsgenie`. */
  api: string;
  /** A period's recipient: Opsgenie `recipient`; JSM `responder`. */
  recipient: string;
  /** A `historical` period's people: Opsgenie `flattenedRecipients`; JSM `flattenedResponders`. */
  flattened: string;
  /** The field naming a recipient: Opsgenie `name` (for a user, the username: an email); JSM `id` (an account id). */
  name: string;
}

/** Opsgenie's field names (`TimelinePeriod` and `TimelineRecipient` in its Swagger description). */
export const OPSGENIE_TIMELINE: TimelineModel = { api: 'Opsgenie', recipient: 'recipient', flattened: 'flattenedRecipients', name: 'name' };

/** JSM Operations' field names (`TimelinePeriod` and `TimelineResponder` in its OpenAPI description): people by account id. */
export const JSM_TIMELINE: TimelineModel = { api: 'Jira Service Management', recipient: 'responder', flattened: 'flattenedResponders', name: 'id' };

const DAY_MS = 86_400_000;
/** How far beyond the window a timeline is read: a week (the usual shift) plus a day. */
export const MARGIN_MS = 8 * DAY_MS;

/**
 * The timeline to ask for to cover `[since, until)` with {@link MARGIN_MS} to spare on each side:
 * whole days from `since - margin` to at least `until + margin` (a reversed window reads as the
 * instant `since`). The margin gives shifts of up to a week their true handoffs (a period is
 * clipped at the timeline's edges) and still covers the window should the API start the
 * timeline at the beginning of the day in the schedule's time zone; {@link readTimeline} checks
 * the response's own start and end anyway.
 */
export function timelineSpan(since: Date, until: Date): { from: Date; days: number } {
  const from = since.getTime() - MARGIN_MS;
  return { from: new Date(from), days: Math.ceil((Math.max(until.getTime(), since.getTime()) + MARGIN_MS - from) / DAY_MS) };
}

/**
 * Where each known period type keeps its people: in the period's recipient, or (`historical`) in
 * its flattened recipients. `default` is Opsgenie's name for a rotation's own period, `base` JSM's.
 * A period without a type is read as `default`; a period of any other type is ignored with a warning.
 */
export const PERIOD_TYPES: Readonly<Record<string, 'recipient' | 'flattened'>> = { default: 'recipient', base: 'recipient', override: 'recipient', forwarding: 'recipient', historical: 'flattened' };

/**
 * What each known recipient type means: a `person` on call, `nobody` on call (`none` in Opsgenie,
 * `noone` in JSM), or a `group` (team, escalation) that is not expanded: while on call in the
 * window it fails the read. A recipient of any other type fails it the same way.
 */
export const RECIPIENT_TYPES: Readonly<Record<string, 'person' | 'nobody' | 'group'>> = { user: 'person', none: 'nobody', noone: 'nobody', team: 'group', escalation: 'group' };

/** One user on call over `[start, end)` (epoch ms), named as the timeline names users ({@link TimelineModel.name}). */
export interface OnCallPeriod {
  user: string;
  start: number;
  end: number;
}

/**
 * A timeline read: the users on call, with warnings about what was ignored (a period type not
 * known); or why the timeline cannot be used at all.
 */
export type TimelineRead = { ok: true; onCall: OnCallPeriod[]; warnings: string[] } | { ok: false; why: string };

/** The parts of a `ScheduleTimeline` read; everything is checked, nothing trusted. */
interface TimelineJson {
  startDate?: unknown;
  endDate?: unknown;
  finalTimeline?: { rotations?: unknown };
}

/** One period: who it puts on call, the unknown type it has, or why the timeline cannot be used. */
type PeriodRead = { ok: true; onCall: OnCallPeriod[]; unknownType?: string } | { ok: false; why: string };

/** One recipient: the user it names (none for nobody), or why the timeline cannot be used. */
type RecipientRead = { ok: true; user?: string } | { ok: false; why: string };

/**
 * The users on call in `timeline`'s final timeline (a `ScheduleTimeline` object) in periods
 * overlapping `[since, until)` (epoch ms), each with the period's start and end (one user's
 * touching or overlapping periods joined), sorted by start then user. The timeline must cover
 * the whole window. A period of an unknown type is ignored with one warning per type; a team,
 * escalation or unknown recipient on call in the window, or a shape that does not fit the model,
 * fails the read.
 */
export function readTimeline(timeline: unknown, since: number, until: number, model: TimelineModel): TimelineRead {
  const data = timeline as TimelineJson | null | undefined;
  const rotations = data?.finalTimeline?.rotations;
  const start = instant(data?.startDate);
  const end = instant(data?.endDate);
  if (!Array.isArray(rotations) || start === undefined || end === undefined) return malformed(model, 'no final timeline with a start and end date');
  if (start > since || end < until) return malformed(model, `the timeline covers ${iso(start)} to ${iso(end)}, not the whole window ${iso(since)} to ${iso(until)}`);
  const onCall: OnCallPeriod[] = [];
  const unknown = new Map<string, number>();
  for (const rotation of rotations) {
    const periods = (rotation as { periods?: unknown } | null)?.periods ?? [];
    if (!Array.isArray(periods)) return malformed(model, 'a rotation whose periods are not a list');
    for (const period of periods) {
      const read = readPeriod(period, since, until, model);
      if (!read.ok) return read;
      if (read.unknownType !== undefined) unknown.set(read.unknownType, (unknown.get(read.unknownType) ?? 0) + 1);
      onCall.push(...read.onCall);
    }
  }
  const known = Object.keys(PERIOD_TYPES).join(', ');
  const warnings = [...unknown].map(([type, n]) => `ignored ${n} timeline period(s) of type "${type}", which this tool does not know (it knows ${known}): whoever they name is not counted as on call`);
  return { ok: true, onCall: joined(onCall).filter((p) => p.start < until && p.end > since), warnings };
}

/** What one period says: the users it puts on call, read where its type keeps them. */
function readPeriod(value: unknown, since: number, until: number, model: TimelineModel): PeriodRead {
  const period = (value ?? {}) as Record<string, unknown>;
  const type = period.type ?? 'default';
  if (typeof type !== 'string') return malformed(model, 'a period whose type is not a string');
  const where = Object.hasOwn(PERIOD_TYPES, type) ? PERIOD_TYPES[type] : undefined;
  if (where === undefined) return { ok: true, onCall: [], unknownType: type };
  const start = instant(period.startDate);
  const end = instant(period.endDate);
  const people = where === 'flattened' ? period[model.flattened] : undefined;
  const recipient = period[model.recipient];
  if (start === undefined || end === undefined || (people === undefined && (typeof recipient !== 'object' || recipient === null))) return malformed(model, 'a period without a start date, end date or recipient');
  const recipients = people ?? [recipient];
  if (!Array.isArray(recipients)) return malformed(model, `a ${type} period whose ${model.flattened} is not a list`);
  const onCall: OnCallPeriod[] = [];
  for (const r of recipients) {
    const read = readRecipient(r, start, end, start < until && end > since, model);
    if (!read.ok) return read;
    if (read.user !== undefined) onCall.push({ user: read.user, start, end });
  }
  return { ok: true, onCall };
}

/** What one recipient means; `inWindow` says whether its period overlaps the window. */
function readRecipient(value: unknown, start: number, end: number, inWindow: boolean, model: TimelineModel): RecipientRead {
  const recipient = (value ?? {}) as Record<string, unknown>;
  const { type } = recipient;
  const name = recipient[model.name];
  if (typeof type !== 'string') return malformed(model, `a ${model.recipient} without a type`);
  const meaning = Object.hasOwn(RECIPIENT_TYPES, type) ? RECIPIENT_TYPES[type] : undefined;
  if (meaning === 'nobody') return { ok: true };
  if (meaning === 'person') return typeof name === 'string' && name !== '' ? { ok: true, user: name } : malformed(model, `a user ${model.recipient} without a "${model.name}"`);
  if (!inWindow) return { ok: true };
  const who = typeof name === 'string' ? `${type} "${name}"` : `a ${type}`;
  return { ok: false, why: `${who} is on call from ${iso(start)} to ${iso(end)}, and only users are supported: put users, not teams or escalations, in the schedule's rotations` };
}

/** `periods` sorted by start then user, with one user's touching or overlapping periods joined. */
function joined(periods: readonly OnCallPeriod[]): OnCallPeriod[] {
  const sorted = [...periods].sort((a, b) => a.start - b.start || a.user.localeCompare(b.user));
  const out: OnCallPeriod[] = [];
  const lastOf = new Map<string, OnCallPeriod>();
  for (const period of sorted) {
    const last = lastOf.get(period.user);
    if (last !== undefined && last.end >= period.start) {
      last.end = Math.max(last.end, period.end);
    } else {
      const copy = { ...period };
      out.push(copy);
      lastOf.set(period.user, copy);
    }
  }
  return out;
}

function malformed(model: TimelineModel, why: string): { ok: false; why: string } {
  return { ok: false, why: `unexpected timeline response from ${model.api}: ${why}` };
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
