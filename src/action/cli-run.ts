/**
 * Runs the oncall-access CLI in-process for the Action, capturing what it prints, and reads
 * back the plan data it produced. The Action drives the same commands a person would type, so
 * a workflow run and a local run of the CLI cannot disagree.
 */
import { readFileSync } from 'node:fs';
import { main } from '../cli.js';
import type { ApplyResults } from '../apply/results.js';
import type { Plan } from '../core/plan.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Check } from '../observe/check.js';
import { UserError, type Io } from '../io.js';

/** What one CLI run printed, and its exit code. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `oncall-access ARGV` in `io.cwd` with `env` as its environment, capturing what it prints. */
export async function runCli(argv: readonly string[], io: Pick<Io, 'cwd' | 'now' | 'fetch'>, env: NodeJS.ProcessEnv): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: io.cwd,
    now: io.now,
    fetch: io.fetch,
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

/** What `COMMAND --format json` printed, parsed; a failure naming the command when it printed no JSON. */
function parseOutput<T>(command: string, result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw failure(command, result);
  }
}

/** Parses the output of `validate --format json`. */
export function parseValidate(result: CliResult): ValidateResult {
  const data = parseOutput<ValidateResult>('validate', result);
  return { valid: data.valid, diagnostics: data.diagnostics };
}

/** What `doctor --format json` prints. */
export interface DoctorResult {
  ok: boolean;
  checks: Check[];
}

/** Parses the output of `doctor --format json`. */
export function parseDoctor(result: CliResult): DoctorResult {
  const data = parseOutput<DoctorResult>('doctor', result);
  return { ok: data.ok, checks: data.checks };
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

/** What `apply --format json` printed, split: the plan, and the lines around it for the log. */
export interface ApplyOutput {
  /** The plan applied; `undefined` when the run stopped before planning. */
  plan?: Plan;
  /** What was printed before the plan: the changes of an interrupted apply, resolved first. */
  before: string;
  /** What was printed after it: `refused: ...`, `applied: ...`, `failed: ...`, `skipped: ...` and the closing count. */
  after: string;
}

/**
 * Splits what `apply --format json` prints: the plan is pretty-printed JSON, whose only lines
 * that are exactly `{` and `}` are its first and last.
 */
export function parseApplyOutput(stdout: string): ApplyOutput {
  const lines = stdout.split('\n');
  const start = lines.indexOf('{');
  const end = start < 0 ? -1 : lines.indexOf('}', start);
  if (end < 0) return { before: stdout, after: '' };
  return {
    plan: JSON.parse(lines.slice(start, end + 1).join('\n')) as Plan,
    before: lines.slice(0, start).map((l) => `${l}\n`).join(''),
    after: lines.slice(end + 1).join('\n'),
  };
}

/** What `apply --results FILE` wrote; none (nothing applied) when it wrote no file. */
export function readApplyResults(path: string): ApplyResults | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return JSON.parse(text) as ApplyResults;
}
