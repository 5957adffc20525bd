/**
 * Runs the oncall-access CLI in-process for the Action, capturing what it prints, and reads
 * back the plan data it produced. The Action drives the same commands a person would type, so
 * a workflow run and a local run of the CLI cannot disagree.
 */
import { readFileSync } from 'node:fs';
import { main } from '../cli.js';
import type { Plan } from '../core/plan.js';
import type { Diagnostic } from '../diagnostics.js';
import { UserError, type Io } from '../io.js';

/** What one CLI run printed, and its exit code. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `oncall-access ARGV` with `env` as its environment; nothing reaches `io`'s streams. */
export async function runCli(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    ...io,
    env,
    stdinIsTTY: false,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

/**
 * The environment the CLI gets: the step's, without the Action's inputs (`INPUT_*`, which
 * hold tokens) and the runner's own credentials (`ACTIONS_*`), so a config's `tokenEnv` can
 * only ever name a credential that was meant for it.
 */
export function cliEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^(INPUT_|ACTIONS_)/i.test(k)));
}

/** Why a CLI run produced no result: its first line of errors. */
export function failure(command: string, result: CliResult): UserError {
  const line = result.stderr.split('\n').find((l) => l.trim() !== '') ?? `exit code ${result.code}`;
  return new UserError(`${command} produced no result: ${line}`);
}

/** What `validate --format json` prints. */
export interface ValidateResult {
  valid: boolean;
  diagnostics: Diagnostic[];
}

/** Parses the output of `validate --format json`. */
export function parseValidate(result: CliResult): ValidateResult {
  try {
    const data = JSON.parse(result.stdout) as ValidateResult;
    return { valid: data.valid, diagnostics: data.diagnostics };
  } catch {
    throw failure('validate', result);
  }
}

/** The plan `plan --out FILE` wrote; a missing file means the plan was never computed. */
export function readPlanFile(path: string, result: CliResult): Plan {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw failure('plan', result);
  }
  return JSON.parse(text) as Plan;
}

/**
 * Splits what `apply --format json` prints: the plan (pretty-printed JSON, whose only line
 * that is exactly `}` is its last) and the outcome lines (`applied: ...`, `failed: ...`,
 * `skipped: ...`).
 * The plan is `undefined` when the run stopped before planning.
 */
export function parseApplyOutput(stdout: string): { plan?: Plan; json?: string; outcomes: string[] } {
  const lines = stdout.split('\n');
  const end = lines.indexOf('}');
  const json = end < 0 ? undefined : `${lines.slice(0, end + 1).join('\n')}\n`;
  return {
    plan: json === undefined ? undefined : (JSON.parse(json) as Plan),
    json,
    outcomes: lines.slice(end + 1).filter((l) => /^(applied|failed|skipped): /.test(l)),
  };
}
