#!/usr/bin/env node
/**
 * The GitHub Action's entry point (`action.yml` runs it with `node`). It reads its inputs and
 * the event like any Action, runs the CLI in-process, and reports the way GitHub shows it: the
 * plan and each applied change in the log as the CLI prints them, annotations on the lines at
 * fault, step outputs, the job summary, and on pull requests one plan comment kept up to date.
 *
 * Safety rules it keeps whatever the workflow around it says:
 * - a pull request from a fork is validated only: no credential is minted or used, no plan is
 *   computed, and no request at all is sent (such runs have no secrets and a read-only token);
 * - `apply` refuses to run for pull-request events, whose configuration is not reviewed yet;
 * - a pull request from this repository that got no secrets (Dependabot's) is validated only,
 *   with a notice saying why and what to set, and the step succeeds when the config is valid;
 * - tokens and keys are never printed; minted tokens are masked in the log first.
 */
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processIo } from '../cli.js';
import type { Plan } from '../core/plan.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../core/diagnostics.js';
import { EXIT, UserError, type Io } from '../io.js';
import { redact, secretsIn } from '../util/redact.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText, shouldColor, summarySentence } from '../render/text.js';
import { createOctokit } from '../targets/github/client.js';
import { mintInstallationToken } from './app-token.js';
import { checkLine } from '../observe/doctor.js';
import { cliEnvironment, failure, parseApplyOutput, parseDoctor, parseValidate, readApplyResults, readPlanFile, runCli, type ValidateResult } from './cli-run.js';
import { readContext, readInputs, type ActionContext, type ActionInputs, type PullRequestContext } from './context.js';
import { checkStaleness, readHeartbeat, writeHeartbeat } from './heartbeat.js';
import { commentMarker, upsertComment } from './pr-comment.js';
import { auditMarkdown, doctorMarkdown, footer, forkMarkdown, validationMarkdown, withoutSecretsMarkdown, withoutSecretsNote } from './report.js';
import { runnerFor, type AnnotationLevel, type Runner } from './workflow.js';

/** What the Action needs of its process: the log goes to `process.stdout` through `@actions/core`. */
export type ActionIo = Pick<Io, 'stderr' | 'env' | 'cwd' | 'now' | 'fetch'>;

/** One run of the Action: what it was given and what it will report. */
interface Step {
  /** The process; its stderr redacted with the run's secrets. */
  io: ActionIo;
  /** The log, annotations, masks and outputs, redacted with the run's secrets. */
  runner: Runner;
  inputs: ActionInputs;
  ctx: ActionContext;
  /** The CLI's environment; the target token is added to it once minted. */
  cliEnv: NodeJS.ProcessEnv;
  /** The token for the config's GitHub target, once known. */
  targetToken?: string;
  outputs: Record<string, string>;
  summary: string[];
  /** Diagnostics already annotated, by their formatted text, so none is annotated twice. */
  annotated: Set<string>;
}

function annotate(step: Step, diagnostics: readonly Diagnostic[]): void {
  const fresh = diagnostics.filter((d) => !step.annotated.has(formatDiagnostic(d)));
  for (const d of fresh) {
    step.annotated.add(formatDiagnostic(d));
    step.runner.annotate(d.severity, d.message, { file: d.file, line: d.line, col: d.col });
  }
}

async function validate(step: Step, args: readonly string[] = []): Promise<ValidateResult> {
  const result = parseValidate(await runCli(['validate', '--config', step.inputs.config, '--format', 'json', ...args], step.io, step.cliEnv));
  annotate(step, result.diagnostics);
  step.outputs.valid = String(result.valid);
  return result;
}

/** Mints the App token or takes the token input, masks it, and hands it to the CLI. */
async function useCredentials(step: Step): Promise<void> {
  const given = step.inputs.credentials;
  if (given.kind === 'none') return;
  if (given.kind === 'invalid') throw new UserError(given.reason);
  const value = given.kind === 'app' ? await mintInstallationToken(given.app, step.ctx.apiUrl, step.io.fetch) : given.token;
  step.runner.mask(value);
  step.cliEnv[step.inputs.tokenEnv] = value;
  step.targetToken = value;
}

/**
 * True when no secret for the config's GitHub target reached this run: neither secret input
 * (token, app-private-key) is set, whatever variables (app-id, installation-id) are, and the
 * target's token variable is not set either.
 */
function withoutSecrets(step: Step): boolean {
  const given = step.inputs.credentials;
  if (given.kind === 'invalid') return given.withoutSecret;
  return given.kind === 'none' && !step.cliEnv[step.inputs.tokenEnv];
}

function planOutputs(step: Step, plan: Plan): void {
  writeFileSync(step.inputs.planFile, renderJson(plan));
  Object.assign(step.outputs, {
    'has-changes': String(plan.changes.length > 0),
    grants: String(plan.summary.grant),
    revokes: String(plan.summary.revoke),
    updates: String(plan.summary.update),
    'plan-file': step.inputs.planFile,
    'auto-approve': String(autoApprovable(plan)),
  });
}

/**
 * True when the plan is for a pull request that adds access requests only to profiles with
 * `approval: auto`, every one eligible, changes no policy, and the plan has no error: the
 * workflow may merge it.
 */
export function autoApprovable(plan: Plan): boolean {
  const requests = plan.requests ?? [];
  return requests.length > 0 && plan.proposed === undefined && requests.every((r) => r.eligible && r.approval === 'auto') && !plan.diagnostics.some((d) => d.severity === 'error');
}

function commentError(e: unknown): string {
  const status = (e as { status?: number }).status;
  if (status === 401) return 'GitHub rejected github-token (401)';
  if (status === 403 || status === 404) return `GitHub refused (${status}): github-token may not write pull-request comments (the job needs permissions: pull-requests: write)`;
  return status === undefined ? (e as Error).message : `GitHub answered ${status}`;
}

/** Posts or updates the plan comment; false (after an annotation of level `failed`) when that failed. */
async function comment(step: Step, pr: PullRequestContext, markdown: string, failed: AnnotationLevel = 'error'): Promise<boolean> {
  if (!step.inputs.comment) return true;
  const token = step.inputs.githubToken ?? step.targetToken;
  if (token === undefined) {
    step.runner.annotate('warning', 'No github-token input: the plan is in the job summary but is not posted on the pull request.');
    return true;
  }
  if (step.ctx.repository === undefined) throw new UserError('GITHUB_REPOSITORY is not set: cannot tell which repository the pull request is in');
  const octokit = createOctokit({ baseUrl: step.ctx.apiUrl, token, fetch: step.io.fetch });
  try {
    const result = await upsertComment(octokit, { ...step.ctx.repository, issue: pr.number }, commentMarker(step.inputs.config), markdown);
    step.outputs['comment-url'] = result.url;
    step.runner.info(`Plan comment ${result.action}: ${result.url}`);
    return true;
  } catch (e) {
    step.runner.annotate(failed, `Cannot post the plan on pull request #${pr.number}: ${commentError(e)}`);
    return false;
  }
}

function withFooter(step: Step, markdown: string, what: string, sha: string | undefined): string {
  return `${markdown}${footer(step.ctx, `${what} of \`${step.inputs.config.replace(/[`\n\r]/g, '_')}\``, sha)}`;
}

async function runValidateCommand(step: Step): Promise<number> {
  const result = await validate(step, step.inputs.args);
  step.summary.push(withFooter(step, validationMarkdown(step.inputs.config, result.diagnostics), 'oncall-access validate', step.ctx.sha));
  if (!result.valid) return EXIT.error;
  return step.inputs.doctor ? doctor(step) : EXIT.ok;
}

/**
 * `doctor` after a valid validation (the doctor input): each missing check is an error
 * annotation, each unverified one a warning, all of them in the job summary and the log. A run
 * without credentials for the GitHub target (a fork's pull request, secrets not set) skips it
 * with a notice: it would only find the tokens missing.
 */
async function doctor(step: Step): Promise<number> {
  if (step.ctx.pullRequest?.fromFork || withoutSecrets(step)) {
    step.runner.annotate('notice', `doctor skipped: this run has no token for the config's GitHub target (${step.inputs.tokenEnv}), as in a pull request from a fork or a repository whose secrets are not set.`);
    return EXIT.ok;
  }
  await useCredentials(step);
  const result = await runCli(['doctor', '--config', step.inputs.config, '--format', 'json'], step.io, step.cliEnv);
  step.io.stderr.write(result.stderr);
  const report = parseDoctor(result);
  step.runner.group(`doctor: ${report.ok ? 'nothing missing' : 'something is missing'}`, report.checks.map((c) => checkLine(c)).join('\n'));
  for (const c of report.checks) if (c.status !== 'ok') step.runner.annotate(c.status === 'missing' ? 'error' : 'warning', checkLine(c), { title: 'oncall-access doctor' });
  step.outputs.doctor = report.ok ? 'ok' : 'missing';
  step.summary.push(withFooter(step, doctorMarkdown(report.checks), 'oncall-access doctor', step.ctx.sha));
  return report.ok ? EXIT.ok : EXIT.error;
}

/**
 * A pull request that got no secrets (Dependabot's, or any in a repository whose secrets are not
 * set) is validated only: a notice says why and what to set, and so does the comment when there
 * is a github-token to post it with. Such a token is often read-only, so a refused comment is a
 * warning: the step fails only on an invalid configuration.
 */
async function planWithoutSecrets(step: Step, pr: PullRequestContext, validation: ValidateResult, sha: string | undefined): Promise<number> {
  step.runner.annotate('notice', withoutSecretsNote(step.inputs.tokenEnv), { title: 'oncall-access: validated only' });
  const markdown = withFooter(step, `${validationMarkdown(step.inputs.config, validation.diagnostics)}\n${withoutSecretsMarkdown(step.inputs.tokenEnv)}`, 'oncall-access validate', sha);
  step.summary.push(markdown);
  if (step.inputs.githubToken !== undefined) await comment(step, pr, markdown, 'warning');
  return validation.valid ? EXIT.ok : EXIT.error;
}

async function runPlanCommand(step: Step): Promise<number> {
  const pr = step.ctx.pullRequest;
  const sha = pr?.headSha ?? step.ctx.sha;
  const validation = await validate(step);
  if (pr?.fromFork) {
    step.summary.push(validationMarkdown(step.inputs.config, validation.diagnostics), forkMarkdown(step.inputs.config));
    step.runner.annotate('notice', 'Pull request from a fork: validated only. No plan and no comment, because fork pull requests get no credentials.');
    return validation.valid ? EXIT.ok : EXIT.error;
  }
  if (pr !== undefined && withoutSecrets(step)) return planWithoutSecrets(step, pr, validation, sha);
  if (!validation.valid) {
    const markdown = withFooter(step, validationMarkdown(step.inputs.config, validation.diagnostics), 'oncall-access validate', sha);
    step.summary.push(markdown);
    if (pr !== undefined) await comment(step, pr, markdown);
    return EXIT.error;
  }
  await useCredentials(step);
  rmSync(step.inputs.planFile, { force: true });
  const result = await runCli(['plan', '--config', step.inputs.config, '--format', 'text', '--out', step.inputs.planFile, ...step.inputs.args], step.io, step.cliEnv);
  step.io.stderr.write(result.stderr);
  const plan = readPlanFile(step.inputs.planFile, result);
  step.runner.group(summarySentence(plan), result.stdout);
  annotate(step, plan.diagnostics);
  planOutputs(step, plan);
  const markdown = withFooter(step, renderMarkdown(plan), 'oncall-access plan', sha);
  step.summary.push(markdown);
  const commented = pr === undefined || (await comment(step, pr, markdown));
  return hasErrors(plan.diagnostics) || !commented ? EXIT.error : EXIT.ok;
}

async function runApplyCommand(step: Step): Promise<number> {
  if (step.ctx.pullRequest !== undefined) {
    throw new UserError(`apply does not run for ${step.ctx.eventName} events: a pull request's configuration is not reviewed yet. Run plan on pull requests and apply on push, schedule or workflow_dispatch.`);
  }
  const validation = await validate(step);
  if (!validation.valid) {
    step.summary.push(withFooter(step, validationMarkdown(step.inputs.config, validation.diagnostics), 'oncall-access apply: nothing applied, invalid configuration', step.ctx.sha));
    return EXIT.error;
  }
  const { lastApplyFile, maxStaleness } = step.inputs;
  const previous = lastApplyFile === undefined ? undefined : readHeartbeat(lastApplyFile);
  if (previous?.kind === 'ok') step.outputs['last-apply'] = previous.heartbeat.at;
  await useCredentials(step);
  const { journal, checkpoint } = step.inputs;
  const durable = [...(journal === undefined ? [] : ['--journal', journal]), ...(checkpoint === undefined ? [] : ['--checkpoint', checkpoint])];
  rmSync(step.inputs.resultsFile, { force: true });
  const result = await runCli(['apply', '--config', step.inputs.config, '--yes', '--format', 'json', '--results', step.inputs.resultsFile, ...durable, ...step.inputs.args], step.io, step.cliEnv);
  step.io.stderr.write(result.stderr);
  const { plan, before, after } = parseApplyOutput(result.stdout);
  const outcomes = readApplyResults(step.inputs.resultsFile)?.outcomes ?? [];
  step.runner.info(before);
  if (plan === undefined) throw failure('apply', result);
  step.runner.group(summarySentence(plan), renderText(plan, { color: shouldColor({ isTTY: false }, step.cliEnv) }));
  step.runner.info(after);
  const now = step.io.now();
  if (result.code === EXIT.ok && lastApplyFile !== undefined) writeHeartbeat(lastApplyFile, { formatVersion: 1, at: now.toISOString(), commit: step.ctx.sha, run: step.ctx.runUrl });
  annotate(step, plan.diagnostics);
  planOutputs(step, plan);
  for (const status of ['applied', 'failed', 'skipped'] as const) step.outputs[status] = String(outcomes.filter((o) => o.status === status).length);
  const blocks = ['## oncall-access apply\n'];
  const staleness = maxStaleness === undefined || previous === undefined ? undefined : checkStaleness(previous, lastApplyFile!, now, maxStaleness.ms);
  if (staleness !== undefined) step.outputs.stale = String(staleness.stale);
  if (staleness?.stale) {
    step.runner.annotate('error', staleness.message, { title: 'oncall-access: access may be stale' });
    blocks.push(`> [!CAUTION]\n> **Stale access.** ${staleness.message}\n`);
  } else if (staleness?.note !== undefined) {
    step.runner.annotate('notice', staleness.note);
  }
  blocks.push(auditMarkdown(step.ctx, now, outcomes), renderMarkdown(plan));
  step.summary.push(withFooter(step, blocks.join('\n'), 'oncall-access apply', step.ctx.sha));
  return result.code !== EXIT.ok || staleness?.stale ? EXIT.error : EXIT.ok;
}

const COMMANDS = { validate: runValidateCommand, plan: runPlanCommand, apply: runApplyCommand } as const;

/**
 * Runs the Action as the runner would: inputs from `INPUT_*` and the step's files from
 * `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` (read by `@actions/core` from `process.env`), the
 * context from `io.env`'s `GITHUB_*` variables and the event payload; the log, annotations and
 * masks go to `process.stdout`, the CLI's errors to `io.stderr`. Returns the exit code: 0 on
 * success, 1 on invalid config, a plan with errors, a failed change, a failed comment or stale access.
 */
export async function runAction(rawIo: ActionIo): Promise<number> {
  // The Action's own environment holds secrets the CLI's does not see (INPUT_* tokens and keys):
  // everything it prints or writes for the runner is redacted with them too.
  const secrets = secretsIn(rawIo.env);
  const io: ActionIo = { ...rawIo, stderr: { write: (text: string) => rawIo.stderr.write(redact(text, secrets)) } };
  const runner = runnerFor(secrets);
  const outputs: Record<string, string> = {};
  const summary: string[] = [];
  let code: number;
  try {
    const step: Step = { io, runner, inputs: readInputs(io.cwd, io.env.RUNNER_TEMP), ctx: readContext(io.env), cliEnv: cliEnvironment(io.env), outputs, summary, annotated: new Set() };
    code = await COMMANDS[step.inputs.command](step);
  } catch (e) {
    code = reportError(io, runner, e);
  }
  try {
    for (const [name, value] of Object.entries(outputs)) runner.output(name, value);
    runner.summary(summary.join('\n'));
  } catch (e) {
    code = reportError(io, runner, e);
  }
  return code;
}

/** An error as one annotation; a stack only for bugs, and only with ONCALL_ACCESS_DEBUG set. */
function reportError(io: ActionIo, runner: Runner, e: unknown): number {
  const known = e instanceof UserError;
  runner.annotate('error', known ? e.message : `internal error: ${(e as Error).message}`);
  if (!known && io.env.ONCALL_ACCESS_DEBUG) io.stderr.write(`${(e as Error).stack}\n`);
  return EXIT.error;
}

const invoked = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) process.exitCode = await runAction(processIo());
