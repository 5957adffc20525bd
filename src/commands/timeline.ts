/**
 * `oncall-access timeline`: what will change, and when, over the next hours: each upcoming
 * grant and revocation across all profiles, for an on-call lead to check before a handoff; or,
 * as a Mermaid gantt chart, who holds what when.
 */
import { buildAdapters } from '../observe/adapters.js';
import { formatDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { timeline, type TimelineEvent } from '../core/timeline.js';
import { KINDS, nameOf, v1Fields } from '../targets/kinds.js';
import { idLabel } from '../core/plan.js';
import { heldIntervals } from '../core/intervals.js';
import { readOnlyFetch } from '../http/read-only.js';
import { EXIT, UserError, type Io } from '../io.js';
import { escapeMarkdown } from '../render/markdown.js';
import { renderGantt } from '../render/mermaid.js';
import { observeAhead } from '../observe/look-ahead.js';
import { sanitizeText } from '../render/text.js';
import { formatInZone, isTimeZone } from '../core/zoned.js';
import { redact, secretsIn } from '../util/redact.js';
import { loadOrReport, parseAt, tokenEnvs } from './reconcile.js';

/** Output formats of `timeline`. */
export type TimelineFormat = 'text' | 'markdown' | 'json' | 'mermaid';

/** Options of `timeline`. */
export interface TimelineOptions {
  config: string;
  from?: string;
  hours: string;
  format: TimelineFormat;
  timeZone: string;
}

/** The longest look ahead: on-call APIs render schedules about three months out. */
export const MAX_HOURS = 24 * 90;

const SIGN = { grant: '+', revoke: '-', update: '~' } as const;

function line(e: TimelineEvent, tz: string): string {
  const when = formatInZone(new Date(e.at), tz);
  const name = nameOf(e);
  const spec = KINDS[e.kind];
  // Slack's user ids read with the person's name; its user groups have one level, which says nothing.
  const who = spec?.account === 'id' ? idLabel({ login: e.login, email: e.email }) : e.login;
  const level = spec?.levels.length === 1 ? '' : ` as ${e.level}`;
  const what = e.action === 'grant' ? `+ ${who} to ${name}${level}` : e.action === 'revoke' ? `- ${who} from ${name}` : `~ ${who} on ${name}: ${e.previousLevel} -> ${e.level}`;
  return `${when}: ${what} (${e.action === 'revoke' ? 'ends: ' : ''}${e.reasons.join('; ')})`;
}

/**
 * An event as the timeline's JSON (format 1) has it: GitHub's `org` with `team` or `repository`,
 * the level as `role` (and `previousRole`), and since entitlements are every target's, the
 * `kind` and `resource` after them.
 */
function jsonEvent(e: TimelineEvent): object {
  const { org, team, repository } = v1Fields(e);
  return {
    at: e.at,
    action: e.action,
    target: e.target,
    ...(org === null ? {} : { org }),
    ...(team === null ? {} : { team }),
    ...(repository === null ? {} : { repository }),
    login: e.login,
    email: e.email,
    role: e.level,
    ...(e.previousLevel === undefined ? {} : { previousRole: e.previousLevel }),
    reasons: e.reasons,
    kind: e.kind,
    resource: e.resource,
  };
}

/** Runs `timeline`; exit 0, or 1 when something could not be read. */
export async function runTimeline(opts: TimelineOptions, io: Io): Promise<number> {
  const from = parseAt(opts.from, io, '--from');
  if (!/^\d{1,4}$/.test(opts.hours) || Number(opts.hours) < 1 || Number(opts.hours) > MAX_HOURS) throw new UserError(`--hours must be a whole number from 1 to ${MAX_HOURS}; got "${opts.hours}"`);
  if (!isTimeZone(opts.timeZone)) throw new UserError(`--time-zone must be an IANA time zone like Europe/Berlin; got "${opts.timeZone}"`);
  const to = new Date(from.getTime() + Number(opts.hours) * 3_600_000);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  const adapters = buildAdapters(ws, io.env, readOnlyFetch(io.fetch));
  const ahead = await observeAhead(ws, adapters, from, to);
  // Targets are read only to resolve identities beyond the file; a missing GitHub token matters only then.
  const targetNeeded = ws.config.identities.some((m) => m !== 'file');
  const secrets = secretsIn(io.env, tokenEnvs(ws));
  const redacted = (ds: Diagnostic[]): Diagnostic[] => sortDiagnostics([...(targetNeeded ? ahead.adapterDiagnostics : []), ...ahead.diagnostics, ...ds]).map((d) => ({ ...d, message: redact(d.message, secrets) }));
  if (opts.format === 'mermaid') {
    const held = heldIntervals(ahead.input, from, to);
    const diagnostics = redacted(held.diagnostics);
    io.stdout.write(renderGantt(held.timeline, { timeZone: opts.timeZone }).text);
    io.stderr.write(diagnostics.map((d) => `${sanitizeText(formatDiagnostic(d))}\n`).join(''));
    return hasErrors(diagnostics) ? EXIT.error : EXIT.ok;
  }
  const result = timeline(ahead.input, from, to);
  const diagnostics = redacted(result.diagnostics);
  if (opts.format === 'json') {
    io.stdout.write(`${JSON.stringify({ formatVersion: 1, from: from.toISOString(), to: to.toISOString(), events: result.events.map(jsonEvent), diagnostics }, null, 2)}\n`);
  } else if (opts.format === 'markdown') {
    const rows = result.events.map((e) => `| ${escapeMarkdown(formatInZone(new Date(e.at), opts.timeZone))} | ${SIGN[e.action]} | ${escapeMarkdown(e.login)} | ${escapeMarkdown(nameOf(e))} | ${escapeMarkdown(e.reasons.join('; '))} |`);
    io.stdout.write([`### Access timeline ${from.toISOString()} – ${to.toISOString()}`, '', ...(rows.length ? ['| when | | who | team | why |', '| --- | --- | --- | --- | --- |', ...rows] : ['No access changes are due in this period.']), ...diagnostics.map((d) => `- ${escapeMarkdown(formatDiagnostic(d))}`), ''].join('\n'));
  } else {
    const header = `Access timeline from ${formatInZone(from, opts.timeZone)} for ${opts.hours} h`;
    const body = result.events.length ? result.events.map((e) => sanitizeText(line(e, opts.timeZone))) : ['No access changes are due in this period.'];
    io.stdout.write(`${[header, '', ...body, ...diagnostics.map((d) => sanitizeText(formatDiagnostic(d)))].join('\n')}\n`);
  }
  return hasErrors(diagnostics) ? EXIT.error : EXIT.ok;
}
