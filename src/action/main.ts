#!/usr/bin/env node
/**
 * The GitHub Action's entry point (`action.yml` runs it with `node`). It reads its inputs and
 * the event like any Action, runs the CLI in-process, and reports the way GitHub shows it:
 * annotations on the lines at fault, step outputs, the job summary, and on pull requests one
 * plan comment kept up to date.
 *
 * Safety rules it keeps whatever the workflow around it says:
 * - a pull request from a fork is validated only: no credential is minted or used, no plan is
 *   computed, and no request at all is sent (such runs have no secrets and a read-only token);
 * - `apply` refuses to run for pull-request events, whose configuration is not reviewed yet;
 * - tokens and keys are never printed; minted tokens are masked in the log first.
 */
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { processIo } from '../cli.js';
import type { Plan } from '../core/plan.js';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../diagnostics.js';
import { EXIT, UserError, type Io } from '../io.js';
import { redact, secretsIn } from '../redact.js';
import { renderAnnotations } from '../render/github.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { createOctokit } from '../targets/github.js';
import { mintInstallationToken } from './app-token.js';
import { cliEnvironment, failure, parseApplyOutput, parseValidate, readPlanFile, runCli, type ValidateResult } from './cli-run.js';
import { readContext, readInputs, type ActionContext, type ActionInputs, type PullRequestContext } from './context.js';
import { checkStaleness, readHeartbeat, writeHeartbeat } from './heartbeat.js';
import { commentMarker, upsertComment } from './pr-comment.js';
import { auditMarkdown, footer, forkMarkdown, validationMarkdown } from './report.js';
import { addMask, annotation, appendRunnerFile, formatOutputs } from './workflow.js';

/** One run of the Action: what it was given and what it will report. */
interface Step {
  /** The process, its output redacted with {@link Step.secrets}. */
  io: Io;
  /** Standard output as the runner reads it, unredacted: only for `::add-mask::`, which must name the secret. */
  runner: Io['stdout'];
  /** Every secret known: the environment's, and the target token once minted. */
  secrets: string[];
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

function print(step: Step, text: string): void {
  step.io.stdout.write(text);
}

function annotate(step: Step, diagnostics: readonly Diagnostic[]): void {
  const fresh = diagnostics.filter((d) => !step.annotated.has(formatDiagnostic(d)));
  for (const d of fresh) step.annotated.add(formatDiagnostic(d));
  print(step, renderAnnotations(fresh));
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
  const value = given.kind === 'app' ? await mintInstallationToken(given.app, step.ctx.apiUrl, globalThis.fetch) : given.token;
  step.runner.write(addMask(value));
  step.secrets.unshift(value);
  step.cliEnv[step.inputs.tokenEnv] = value;
  step.targetToken = value;
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

/** Posts or updates the plan comment; false (after an error annotation) when that failed. */
async function comment(step: Step, pr: PullRequestContext, markdown: string): Promise<boolean> {
  if (!step.inputs.comment) return true;
  const token = step.inputs.githubToken ?? step.targetToken;
  if (token === undefined) {
    print(step, annotation('warning', 'No github-token input: the plan is in the job summary but is not posted on the pull request.'));
    return true;
  }
  if (step.ctx.repository === undefined) throw new UserError('GITHUB_REPOSITORY is not set: cannot tell which repository the pull request is in');
  const octokit = createOctokit({ baseUrl: step.ctx.apiUrl, token, fetch: globalThis.fetch });
  try {
    const result = await upsertComment(octokit, { ...step.ctx.repository, issue: pr.number }, commentMarker(step.inputs.config), markdown);
    step.outputs['comment-url'] = result.url;
    print(step, `Plan comment ${result.action}: ${result.url}\n`);
    return true;
  } catch (e) {
    print(step, annotation('error', `Cannot post the plan on pull request #${pr.number}: ${commentError(e)}`));
    return false;
  }
}

function withFooter(step: Step, markdown: string, what: string, sha: string | undefined): string {
  return `${markdown}${footer(step.ctx, `${what} of \`${step.inputs.config.replace(/[`\n\r]/g, '_')}\``, sha)}`;
}

async function runValidateCommand(step: Step): Promise<number> {
  const result = await validate(step, step.inputs.args);
  step.summary.push(withFooter(step, validationMarkdown(step.inputs.config, result.diagnostics), 'oncall-access validate', step.ctx.sha));
  return result.valid ? EXIT.ok : EXIT.error;
}

async function runPlanCommand(step: Step): Promise<number> {
  const pr = step.ctx.pullRequest;
  const sha = pr?.headSha ?? step.ctx.sha;
  const validation = await validate(step);
  if (pr?.fromFork) {
    step.summary.push(validationMarkdown(step.inputs.config, validation.diagnostics), forkMarkdown(step.inputs.config));
    print(step, annotation('notice', 'Pull request from a fork: validated only. No plan and no comment, because fork pull requests get no credentials.'));
    return validation.valid ? EXIT.ok : EXIT.error;
  }
  if (!validation.valid) {
    const markdown = withFooter(step, validationMarkdown(step.inputs.config, validation.diagnostics), 'oncall-access validate', sha);
    step.summary.push(markdown);
    if (pr !== undefined) await comment(step, pr, markdown);
    return EXIT.error;
  }
  await useCredentials(step);
  rmSync(step.inputs.planFile, { force: true });
  const result = await runCli(['plan', '--config', step.inputs.config, '--format', 'json', '--out', step.inputs.planFile, ...step.inputs.args], step.io, step.cliEnv);
  step.io.stderr.write(result.stderr);
  const plan = readPlanFile(step.inputs.planFile, result);
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
  const result = await runCli(['apply', '--config', step.inputs.config, '--yes', '--format', 'json', ...durable, ...step.inputs.args], step.io, step.cliEnv);
  step.io.stderr.write(result.stderr);
  const { plan, outcomes } = parseApplyOutput(result.stdout);
  if (plan === undefined) throw failure('apply', result);
  const now = step.io.now();
  if (result.code === EXIT.ok && lastApplyFile !== undefined) writeHeartbeat(lastApplyFile, { formatVersion: 1, at: now.toISOString(), commit: step.ctx.sha, run: step.ctx.runUrl });
  annotate(step, plan.diagnostics);
  planOutputs(step, plan);
  step.outputs.applied = String(outcomes.filter((o) => o.startsWith('applied:')).length);
  step.outputs.failed = String(outcomes.filter((o) => o.startsWith('failed:')).length);
  step.outputs.skipped = String(outcomes.filter((o) => o.startsWith('skipped:')).length);
  const blocks = ['## oncall-access apply\n'];
  const staleness = maxStaleness === undefined || previous === undefined ? undefined : checkStaleness(previous, lastApplyFile!, now, maxStaleness.ms);
  if (staleness !== undefined) step.outputs.stale = String(staleness.stale);
  if (staleness?.stale) {
    print(step, annotation('error', staleness.message, 'oncall-access: access may be stale'));
    blocks.push(`> [!CAUTION]\n> **Stale access.** ${staleness.message}\n`);
  } else if (staleness?.note !== undefined) {
    print(step, annotation('notice', staleness.note));
  }
  blocks.push(auditMarkdown(step.ctx, now, outcomes), renderMarkdown(plan));
  step.summary.push(withFooter(step, blocks.join('\n'), 'oncall-access apply', step.ctx.sha));
  return result.code !== EXIT.ok || staleness?.stale ? EXIT.error : EXIT.ok;
}

const COMMANDS = { validate: runValidateCommand, plan: runPlanCommand, apply: runApplyCommand } as const;

/**
 * Runs the Action as the runner would: inputs from `INPUT_*`, the context from `GITHUB_*` and
 * the event payload, outputs to `GITHUB_OUTPUT`, the report to `GITHUB_STEP_SUMMARY`, and
 * workflow commands (annotations, masks) on `io.stdout`. Returns the exit code: 0 on success,
 * 1 on invalid config, a plan with errors, a failed change, a failed comment or stale access.
 */
export async function runAction(rawIo: Io): Promise<number> {
  // The Action's own environment holds secrets the CLI's does not see (INPUT_* tokens and keys):
  // everything it prints or writes for the runner is redacted with them too.
  const secrets = secretsIn(rawIo.env);
  const guarded = (out: Io['stdout']): Io['stdout'] => ({ isTTY: out.isTTY, write: (text: string) => out.write(redact(text, secrets)) });
  const io: Io = { ...rawIo, stdout: guarded(rawIo.stdout), stderr: guarded(rawIo.stderr) };
  const outputs: Record<string, string> = {};
  const summary: string[] = [];
  let code: number;
  try {
    const step: Step = { io, runner: rawIo.stdout, secrets, inputs: readInputs(io.cwd, io.env.RUNNER_TEMP), ctx: readContext(io.env), cliEnv: cliEnvironment(io.env), outputs, summary, annotated: new Set() };
    code = await COMMANDS[step.inputs.command](step);
  } catch (e) {
    code = reportError(io, e);
  }
  try {
    appendRunnerFile(io.env.GITHUB_OUTPUT || undefined, redact(formatOutputs(outputs), secrets));
    appendRunnerFile(io.env.GITHUB_STEP_SUMMARY || undefined, redact(summary.join('\n'), secrets));
  } catch (e) {
    code = reportError(io, e);
  }
  return code;
}

/** An error as one annotation; a stack only for bugs, and only with ONCALL_ACCESS_DEBUG set. */
function reportError(io: Io, e: unknown): number {
  const known = e instanceof UserError;
  io.stdout.write(annotation('error', known ? e.message : `internal error: ${(e as Error).message}`));
  if (!known && io.env.ONCALL_ACCESS_DEBUG) io.stderr.write(`${(e as Error).stack}\n`);
  return EXIT.error;
}

const invoked = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) process.exitCode = await runAction(processIo());
