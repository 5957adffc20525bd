/**
 * The audit record: every executed (or skipped) change becomes one JSON line appended to the
 * audit file, naming who, what, why, when, and from which commit and run. Nothing secret is in
 * an event: no token, no header, only names, logins, emails and reasons.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { AUDIT_FORMAT_VERSION, type AuditEvent } from '../core/audit-event.js';
import type { HeldAccess, Outcome, Plan } from '../core/plan.js';
import { UserError } from '../io.js';
import { fromV1, type V1Entitlement } from '../targets/github/kinds.js';

/**
 * A hold line of the audit file: an incident hold kept `login` instead of revoking them, and why
 * (the incident). Nothing was changed. One line per hold, not per run: a later apply keeping the
 * same holder for the same incident and limit adds none. Written as version 2 (the entitlement by
 * `target`, `kind` and `resource`, see {@link AUDIT_FORMAT_VERSION}); a hold line without
 * `formatVersion` (GitHub's `org` with `team` or `repository`) is read as version 2.
 * {@link readAuditLog} leaves these lines out (they are no change); {@link readHoldEvents} reads them.
 */
export interface HoldEvent extends HeldAccess {
  formatVersion: typeof AUDIT_FORMAT_VERSION;
  /** When the apply that kept the holder ran (ISO). */
  time: string;
  action: 'hold';
  planAt: string;
  configHash: string;
  commit?: string;
  run?: AuditEvent['run'];
}

/** The line for hold `h` of `plan`, kept at `time`. */
export function holdEvent(plan: Pick<Plan, 'at' | 'configHash'>, h: HeldAccess, time: Date, env: NodeJS.ProcessEnv, commit: string | undefined): HoldEvent {
  const run = actionsRun(env);
  return { formatVersion: AUDIT_FORMAT_VERSION, time: time.toISOString(), action: 'hold', ...h, planAt: plan.at, configHash: plan.configHash, ...(commit ? { commit } : {}), ...(run ? { run } : {}) };
}

/** True when `value` is a hold line (see {@link HoldEvent}), of either version. */
function isHold(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && (value as { action?: unknown }).action === 'hold';
}

/** A hold line as version 2: one without `formatVersion` names GitHub's `org` and `team` or `repository`. */
function holdLine(line: Record<string, unknown>): HoldEvent {
  if (line.formatVersion !== undefined) return line as unknown as HoldEvent;
  const { org, team, repository, ...rest } = line as V1Entitlement & Record<string, unknown>;
  const { kind, resource } = fromV1({ org, team, repository });
  const { time, action, target, login, ...after } = rest;
  return { formatVersion: AUDIT_FORMAT_VERSION, time, action, target, kind, resource, login, ...after } as HoldEvent;
}

/** The hold lines of the audit file at `path`, in file order, as version 2 (lines that are not JSON are left to {@link readAuditLog} to report). */
export function readHoldEvents(path: string): HoldEvent[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.includes('"hold"'))
    .flatMap((line) => {
      try {
        const value: unknown = JSON.parse(line);
        return isHold(value) ? [holdLine(value)] : [];
      } catch {
        return [];
      }
    });
}

/** What a recovering run knew of an interrupted change: how it judged it. */
export const INTERRUPTED = {
  observed: 'observed after an interrupted apply: the target shows the change made',
  notApplied: 'not applied: the apply sending it was interrupted, and the target does not show it made',
} as const;

/** The commit of the repository holding `dir`: `GITHUB_SHA` in Actions, else `git rev-parse HEAD`, else none. */
export function configCommit(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_SHA) return env.GITHUB_SHA;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The run a line comes from, in GitHub Actions. */
function actionsRun(env: NodeJS.ProcessEnv): AuditEvent['run'] | undefined {
  return env.GITHUB_ACTIONS === 'true'
    ? { id: env.GITHUB_RUN_ID, attempt: env.GITHUB_RUN_ATTEMPT, actor: env.GITHUB_ACTOR, workflow: env.GITHUB_WORKFLOW, repository: env.GITHUB_REPOSITORY, event: env.GITHUB_EVENT_NAME }
    : undefined;
}

/** The event for one outcome of a plan (its instant and config hash), at `time`. */
export function auditEvent(plan: Pick<Plan, 'at' | 'configHash'>, outcome: Outcome, time: Date, env: NodeJS.ProcessEnv, commit: string | undefined, interrupted?: string): AuditEvent {
  const { change: c, status, error } = outcome;
  const run = actionsRun(env);
  return {
    formatVersion: AUDIT_FORMAT_VERSION,
    time: time.toISOString(),
    action: c.action,
    outcome: status,
    ...(error ? { error } : {}),
    target: c.entitlement.target,
    kind: c.entitlement.kind,
    resource: c.entitlement.resource,
    level: c.entitlement.level,
    ...(c.previousLevel ? { previousLevel: c.previousLevel } : {}),
    login: c.subject.login,
    ...(c.subject.email ? { email: c.subject.email } : {}),
    reasons: c.reasons,
    profiles: c.profiles,
    ...(c.action === 'revoke' ? {} : { until: c.until ?? null }),
    ...(c.drift ? { drift: true as const } : {}),
    planAt: plan.at,
    configHash: plan.configHash,
    ...(commit ? { commit } : {}),
    ...(run ? { run } : {}),
    ...(interrupted ? { interrupted } : {}),
  };
}

const ACTIONS: readonly string[] = ['grant', 'revoke', 'update'];
const OUTCOMES: readonly string[] = ['applied', 'failed', 'skipped'];

/** What makes `value` not an audit event of either version (the fields readers rely on), or undefined when it is one. */
function notAnEvent(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const e = value as Record<string, unknown>;
  if (e.formatVersion !== undefined && e.formatVersion !== AUDIT_FORMAT_VERSION) return `"formatVersion" is not ${AUDIT_FORMAT_VERSION} (nor absent, as in a version 1 line)`;
  if (typeof e.time !== 'string' || Number.isNaN(Date.parse(e.time))) return '"time" is not an ISO instant';
  if (!ACTIONS.includes(e.action as string)) return '"action" is not grant, revoke or update';
  if (!OUTCOMES.includes(e.outcome as string)) return '"outcome" is not applied, failed or skipped';
  const named = e.formatVersion === undefined ? (['target', 'org', 'login'] as const) : (['target', 'kind', 'resource', 'level', 'login'] as const);
  for (const key of named) if (typeof e[key] !== 'string') return `"${key}" is not a string`;
  if (e.formatVersion === undefined && (typeof e.repository === 'string' ? typeof e.permission !== 'string' : typeof e.team !== 'string' || typeof e.role !== 'string')) return 'it names no "team" with a "role" or "repository" with a "permission"';
  if (!Array.isArray(e.reasons) || !e.reasons.every((r) => typeof r === 'string')) return '"reasons" is not a list of strings';
  if (e.until !== undefined && e.until !== null && (typeof e.until !== 'string' || Number.isNaN(Date.parse(e.until)))) return '"until" is not an ISO instant';
  return undefined;
}

/** A version 1 audit line (checked by {@link notAnEvent}) as version 2: its entitlement by kind, resource and level. */
function fromV1Line(line: V1Entitlement & { previousRole?: string } & Record<string, unknown>): AuditEvent {
  const { org, team, repository, role, permission, previousRole, ...rest } = line;
  const { kind, resource, level } = fromV1({ org, team, repository, role, permission });
  const entitlement = { target: rest.target, kind, resource, level, ...(previousRole === undefined ? {} : { previousLevel: previousRole }) };
  return { formatVersion: AUDIT_FORMAT_VERSION, ...rest, ...entitlement } as AuditEvent;
}

/**
 * The change events of the audit file at `path`, in file order, version 1 lines read as version 2
 * (see {@link AUDIT_FORMAT_VERSION}); an empty list when there is no file. Blank lines and hold
 * lines ({@link HoldEvent}) are skipped. A line that is not JSON, or lacks a field readers rely
 * on, is a UserError naming the file (as `shown`) and line.
 */
export function readAuditLog(path: string, shown = path): AuditEvent[] {
  if (!existsSync(path)) return [];
  const events: AuditEvent[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new UserError(`${shown}:${i + 1}: not a JSON audit event; restore the file from git history`);
      }
      if (isHold(value)) return;
      const problem = notAnEvent(value);
      if (problem !== undefined) throw new UserError(`${shown}:${i + 1}: not an audit event: ${problem}; restore the file from git history`);
      const e = value as AuditEvent | Parameters<typeof fromV1Line>[0];
      events.push(e.formatVersion === AUDIT_FORMAT_VERSION ? (e as AuditEvent) : fromV1Line(e as Parameters<typeof fromV1Line>[0]));
    });
  return events;
}
