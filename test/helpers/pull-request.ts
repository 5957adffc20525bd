/** Pull request attacks (issue 12): a demo workspace as a repository, request files, and plans run for a pull_request event. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ENV } from './demo-workspace.js';
import { pullRequestEventFile } from './git-repo.js';

/** The config flag of the demo workspace. */
export const C = ['--config', 'oncall-access.yaml'];
/** The demo's requestable profile (approval: review by carol-acme, at most 4h). */
export const PROFILE = 'payments-incident-commander';

/** The environment of a pull_request workflow run opened by `author` on `base`. */
export const prEnv = (dir: string, author: string, base: string): NodeJS.ProcessEnv => ({ ...ENV, GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: pullRequestEventFile(dir, author, base) });

/** An access request file's text. */
export const request = (subject: string, requestedAt: string, duration = '2h', profile = PROFILE) =>
  `apiVersion: oncall-access/v1\nkind: AccessRequest\nspec:\n  profile: ${profile}\n  subject: ${subject}\n  reason: INC-9 payments outage\n  duration: ${duration}\n  requestedAt: ${requestedAt}\n`;

/** Writes request files (name to text) into the workspace's requests folder. */
export function addRequests(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'requests', name, '..'), { recursive: true });
    writeFileSync(join(dir, 'requests', name), text);
  }
}

/** A plan as its JSON reads. */
export interface PlanJson {
  changes: { action: string; subject: { login: string } }[];
  diagnostics: { severity: string; message: string; file?: string }[];
  proposed?: { base: string; plan?: PlanJson; notPlanned?: string };
}

/** Plans the pull request `author` made on `base` as JSON, at `now` (default: the demo instant). */
export async function prPlan(dir: string, author: string, base: string, now?: Date): Promise<{ code: number; out: string; err: string; plan: PlanJson }> {
  const r = await cli(dir, ['plan', ...C, '--format', 'json'], { env: prEnv(dir, author, base), now });
  return { ...r, plan: JSON.parse(r.out) as PlanJson };
}

/** The grants a plan makes to `login`. */
export const grantsTo = (plan: PlanJson, login: string) => plan.changes.filter((c) => c.action === 'grant' && c.subject.login === login);
/** A plan's diagnostics, one per line: `severity file: message`. */
export const messages = (plan: PlanJson) => plan.diagnostics.map((d) => `${d.severity} ${d.file ?? ''}: ${d.message}`).join('\n');
