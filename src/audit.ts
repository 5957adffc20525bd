/**
 * The audit record: every executed (or skipped) change becomes one JSON line appended to the
 * audit file, naming who, what, why, when, and from which commit and run. Nothing secret is in
 * an event: no token, no header, only names, logins, emails and reasons.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Outcome } from './apply.js';
import type { Plan } from './core/plan.js';

/** One line of the audit file. */
export interface AuditEvent {
  /** When the change was executed (ISO). */
  time: string;
  action: 'grant' | 'revoke' | 'update';
  outcome: Outcome['status'];
  /** Why a change failed or was skipped. */
  error?: string;
  target: string;
  org: string;
  /** The team, for a team membership. */
  team?: string;
  /** The repository, for a repository permission. */
  repository?: string;
  /** The team role, for a team membership. */
  role?: string;
  /** The repository permission, for a repository. */
  permission?: string;
  /** For an update: the role (or permission) held before. */
  previousRole?: string;
  login: string;
  email?: string;
  reasons: string[];
  profiles: string[];
  /** The instant the plan was computed for, and the config it came from. */
  planAt: string;
  configHash: string;
  /** The git commit of the config repository, when known. */
  commit?: string;
  /** GitHub Actions run, when running there. */
  run?: { id?: string; attempt?: string; actor?: string; workflow?: string; repository?: string; event?: string };
}

/** The commit of the repository holding `dir`: `GITHUB_SHA` in Actions, else `git rev-parse HEAD`, else none. */
export function configCommit(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_SHA) return env.GITHUB_SHA;
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Builds the events for a run's outcomes. */
export function auditEvents(plan: Plan, outcomes: readonly Outcome[], time: Date, env: NodeJS.ProcessEnv, commit: string | undefined): AuditEvent[] {
  const run = env.GITHUB_ACTIONS === 'true'
    ? { id: env.GITHUB_RUN_ID, attempt: env.GITHUB_RUN_ATTEMPT, actor: env.GITHUB_ACTOR, workflow: env.GITHUB_WORKFLOW, repository: env.GITHUB_REPOSITORY, event: env.GITHUB_EVENT_NAME }
    : undefined;
  return outcomes.map(({ change: c, status, error }) => ({
    time: time.toISOString(),
    action: c.action,
    outcome: status,
    ...(error ? { error } : {}),
    target: c.target,
    org: c.entitlement.org,
    ...(c.entitlement.kind === 'repository' ? { repository: c.entitlement.repository, permission: c.entitlement.permission } : { team: c.entitlement.team, role: c.entitlement.role }),
    ...(c.previousRole ? { previousRole: c.previousRole } : {}),
    login: c.subject.login,
    ...(c.subject.email ? { email: c.subject.email } : {}),
    reasons: c.reasons,
    profiles: c.profiles,
    planAt: plan.at,
    configHash: plan.configHash,
    ...(commit ? { commit } : {}),
    ...(run ? { run } : {}),
  }));
}

/** Appends events, one JSON object per line. */
export function appendAudit(path: string, events: readonly AuditEvent[]): void {
  if (events.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
}
