/**
 * `plan` and `apply`: the two commands that reconcile. They share loading, the instant, the
 * adapters and rendering; they differ only in the transport (read-only for plan) and in
 * whether the plan is executed. `apply PLANFILE` executes a saved plan after checking that it
 * is recent, made from the same config, that the current config still produces each change
 * (src/apply/saved-plan.ts), and that each change's precondition still holds.
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { dirname, join, resolve } from 'node:path';
import { buildAdapters } from '../observe/adapters.js';
import { applicable, applyPlan, withoutRefused } from '../apply/apply.js';
import { readHoldersOf } from '../observe/holders.js';
import { configCommit } from '../record/audit.js';
import { loadWorkspace } from '../config/load.js';
import type { Adopt, Workspace } from '../config/model.js';
import type { Outcome, Plan } from '../core/plan.js';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../core/diagnostics.js';
import { configHash, reconcile } from '../apply/engine.js';
import { aheadReadUntil, planAhead } from '../observe/look-ahead.js';
import { readOnlyFetch, type Fetch } from '../http/read-only.js';
import { EXIT, UserError, type Io } from '../io.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText, shouldColor } from '../render/text.js';
import { shardProfiles } from '../config/semantics.js';
import { inPullRequest } from '../forge/pull-request.js';
import { gitLocation } from '../forge/git.js';
import { withLandings } from '../forge/request-history.js';
import { withApprovals } from '../forge/request-approvals.js';
import { pullRequestPlan } from './pull-request-plan.js';
import { selectShard } from '../config/shard.js';
import { redact, secretsIn } from '../util/redact.js';
import { execFileSync } from 'node:child_process';
import { removeTemporaries } from '../util/durable-file.js';
import { Journal } from '../apply/journal.js';
import { Recorder, recoverInterrupted } from '../record/record.js';
import { confirmSaved, readSavedPlan } from '../apply/saved-plan.js';
import { writeApplyResults } from '../apply/results.js';
import { outcomeLine, refusalLine } from '../render/outcomes.js';
import { lockState, readState, STATE_FILES } from '../record/state.js';

/** Output formats of a plan. */
export type PlanFormat = 'text' | 'markdown' | 'json';

/** Options shared by `plan` and `apply`. */
export interface ReconcileOptions {
  config: string;
  /** ISO instant; now when absent. */
  at?: string;
  format: PlanFormat;
  maxRevocations?: string;
  maxRevocationShare?: string;
  /** `--adopt`: how teams this tool has never applied to treat members no profile wants. */
  adopt?: Adopt;
  allowEmptyRotations: boolean;
  /** Overrides the config's state directory. */
  state?: string;
  /** Run only the profiles these globs select (a shard of a matrix). */
  profiles?: string[];
  /** Run only the profiles of this shard of `spec.shards`; its state lives in `<state>/<shard>`. */
  shard?: string;
  /** The apply journal; default `journal.json` in the state directory. */
  journal?: string;
}

/** Options of `plan`. */
export interface PlanOptions extends ReconcileOptions {
  out?: string;
  detailedExitcode: boolean;
}

/** Options of `apply`. */
export interface ApplyOptions extends ReconcileOptions {
  yes: boolean;
  concurrency: string;
  /** A saved plan to apply instead of a fresh one. */
  planFile?: string;
  /** Oldest saved plan accepted, as a duration. */
  maxPlanAge: string;
  /** A shell command run after the changes are journaled and before the first is sent (e.g. push the journal); its failure refuses the apply. */
  checkpoint?: string;
  /** Where to write what the apply did as JSON (apply/results.ts), once it has applied a plan. */
  results?: string;
}

/** How far ahead a plan may look: on-call APIs render schedules about three months out. */
export const MAX_AHEAD_MS = 90 * 86_400_000;

/** An ISO 8601 instant as flags accept it: to the minute at least, with `Z` or an offset. */
export const ISO_INSTANT_FLAG = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant a flag names (now when absent); at most {@link MAX_AHEAD_MS} ahead. */
export function parseAt(at: string | undefined, io: Io, flag = '--at'): Date {
  if (at === undefined) return io.now();
  if (!ISO_INSTANT_FLAG.test(at) || Number.isNaN(Date.parse(at))) {
    throw new UserError(`${flag} must be an ISO instant with Z or an offset, like 2026-11-30T09:00:00Z; got "${at}"`);
  }
  const d = new Date(at);
  if (d.getTime() - io.now().getTime() > MAX_AHEAD_MS) throw new UserError(`${flag} may be at most 90 days ahead; got "${at}"`);
  return d;
}

function parseCount(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,6}$/.test(value) || Number(value) < min) throw new UserError(`--${flag} must be a whole number of at least ${min}; got "${value}"`);
  return Number(value);
}

function parseShare(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(value)) throw new UserError(`--max-revocation-share must be a number from 0 to 1; got "${value}"`);
  return Number(value);
}

/** Loads a workspace, or prints why not (to stderr) and returns undefined. */
export function loadOrReport(config: string, io: Io): Workspace | undefined {
  const { workspace, diagnostics } = loadWorkspace(config, io.cwd, io.now());
  if (!workspace) {
    io.stderr.write(sortDiagnostics(diagnostics).map((d) => `${formatDiagnostic(d)}\n`).join(''));
    io.stderr.write('Fix these errors (see "oncall-access validate"); nothing was read or changed.\n');
  }
  return workspace;
}

function render(plan: Plan, format: PlanFormat, io: Io): string {
  if (format === 'json') return renderJson(plan);
  if (format === 'markdown') return renderMarkdown(plan);
  return renderText(plan, { color: shouldColor(io.stdout, io.env) });
}

/** The environment variables the config names as holding tokens. */
export function tokenEnvs(ws: Workspace): string[] {
  return [...ws.config.sources.values(), ...ws.config.targets.values()].flatMap((c) => (c.tokenEnv ? [c.tokenEnv] : []));
}

function stateDir(ws: Workspace, opts: ReconcileOptions, io: Io): string {
  if (opts.state !== undefined) return resolve(io.cwd, opts.state);
  return opts.shard === undefined ? ws.config.paths.state : join(ws.config.paths.state, opts.shard);
}

function journalPath(ws: Workspace, opts: ReconcileOptions, io: Io): string {
  return opts.journal !== undefined ? resolve(io.cwd, opts.journal) : join(stateDir(ws, opts, io), STATE_FILES.journal);
}

/**
 * The workspace narrowed to a shard (`--shard NAME` or `--profiles GLOB`), or as it is. A
 * selection that would split a team between shards is refused; so is `--profiles` without
 * `--state`, since shards sharing one state directory would overwrite each other's.
 */
function narrow(ws: Workspace, opts: ReconcileOptions): Workspace {
  if (opts.shard !== undefined && opts.profiles !== undefined) throw new UserError('give --shard or --profiles, not both');
  let globs = opts.profiles;
  if (opts.shard !== undefined) {
    globs = ws.config.shards.find((s) => s.name === opts.shard)?.globs;
    if (!globs) throw new UserError(`no shard "${opts.shard}" in ${ws.config.file} (spec.shards: ${ws.config.shards.map((s) => s.name).join(', ') || 'none'})`);
  } else if (globs !== undefined && opts.state === undefined) {
    throw new UserError('--profiles needs --state DIR: each shard keeps its own state directory');
  }
  if (globs === undefined) return ws;
  const selection = selectShard(shardProfiles(ws), globs);
  if (selection.diagnostics.length > 0) throw new UserError(selection.diagnostics.map((d) => d.message).join('; '));
  const names = new Set(selection.profiles.map((p) => p.name));
  return { ...ws, profiles: ws.profiles.filter((p) => names.has(p.name)), requests: ws.requests.filter((r) => names.has(r.profile)) };
}

/**
 * The plan of `whole` as seen from `io.cwd`, with its state in `stateDir` (default: the
 * workspace's own, or `--state`). With `ahead` (`plan`, not `apply`: a gap next week must not
 * stop access changing now), also what it shows of the future: the timeline of the next hours
 * and the coverage gaps of the next week ({@link planAhead}), from the same read of the
 * rotations, made that much longer.
 */
async function planFor(opts: ReconcileOptions, io: Io, fetch: Fetch, whole: Workspace, pullRequest?: { author: string; files: readonly string[] }, stateDirOverride?: string, ahead = false) {
  const ws = narrow(whole, opts);
  const at = parseAt(opts.at, io);
  const overrides = { maxRevocations: parseCount('max-revocations', opts.maxRevocations, 0), maxRevocationShare: parseShare(opts.maxRevocationShare), allowEmptyRotations: opts.allowEmptyRotations };
  const state = readState(stateDirOverride ?? stateDir(ws, opts, io));
  const adapters = buildAdapters(ws, io.env, fetch);
  const made = await reconcile(ws, adapters, { at, now: io.now(), overrides, state, pullRequest, adopt: opts.adopt, ...(ahead ? { readUntil: aheadReadUntil(ws, at, pullRequest) } : {}) });
  const { plan } = made;
  if (ahead) {
    const future = planAhead(ws, at, made, pullRequest);
    plan.timeline = future.timeline;
    plan.diagnostics.push(...future.diagnostics);
  }
  const interrupted = Journal.read(journalPath(ws, opts, io));
  if (interrupted.length > 0) {
    plan.diagnostics.push({ severity: 'warning', code: 'apply-interrupted', message: `an interrupted apply left ${interrupted.length} change(s) unresolved in ${journalPath(ws, opts, io)}; the next apply checks each against the target and records it before planning` });
  }
  // Redacted in the data, before any renderer escapes a token into a form output redaction would miss.
  const secrets = secretsIn(io.env, tokenEnvs(ws));
  plan.diagnostics = plan.diagnostics.map((d) => ({ ...d, message: redact(d.message, secrets) }));
  return { plan, ws, adapters };
}

/**
 * The plan for this run. In a pull request, policy and state come from its base commit and only
 * its added request files from its head ({@link pullRequestPlan}); undefined when the base has
 * errors (printed). Elsewhere, requests start no earlier than the commit that brought them.
 */
async function freshPlan(opts: ReconcileOptions, io: Io, fetch: Fetch, whole: Workspace): Promise<{ plan: Plan; ws: Workspace } | undefined> {
  if (inPullRequest(io.env)) {
    return pullRequestPlan({
      config: opts.config,
      head: whole,
      io,
      load: loadOrReport,
      stateDir: (ws, at) => stateDir(ws, opts, at),
      makePlan: async (ws, at, pullRequest, state) => (await planFor(opts, at, fetch, ws, pullRequest, state, true)).plan,
    });
  }
  return planFor(opts, io, fetch, await mergeEvidence(whole, parseAt(opts.at, io), io, fetch), undefined, undefined, true);
}

/**
 * The workspace with what the default branch says of each request at `at`: when it landed
 * (from HEAD's history; left out outside a git checkout) and, for profiles with
 * `approval: review`, who approved the pull request that brought it.
 */
export async function mergeEvidence(ws: Workspace, at: Date, io: Io, fetch: Fetch): Promise<Workspace> {
  const location = gitLocation(io.cwd);
  const landed = location === undefined ? ws : { ...ws, requests: withLandings(ws.requests, location, 'HEAD', io.now()) };
  return withApprovals(landed, io.env, fetch, at);
}

/** `plan`: read-only; exit 0 (or 2 with changes and --detailed-exitcode), 1 on any error. */
export async function runPlan(opts: PlanOptions, io: Io): Promise<number> {
  parseAt(opts.at, io);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  const result = await freshPlan(opts, io, readOnlyFetch(io.fetch), ws);
  if (result === undefined) return EXIT.error;
  io.stdout.write(render(result.plan, opts.format, io));
  if (opts.out) writeFileSync(resolve(io.cwd, opts.out), redact(renderJson(result.plan), secretsIn(io.env, tokenEnvs(result.ws))));
  if (hasErrors(result.plan.diagnostics) || hasErrors(result.plan.proposed?.plan?.diagnostics ?? [])) return EXIT.error;
  return opts.detailedExitcode && result.plan.changes.length > 0 ? EXIT.changes : EXIT.ok;
}

async function confirm(io: Io): Promise<boolean> {
  if (!io.stdinIsTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Apply these changes? Only "yes" is accepted: ');
  rl.close();
  return answer.trim() === 'yes';
}

/** `apply`: plans (or reads a saved plan), then executes with confirmation; exit 0 when all applied, 1 otherwise. */
export async function runApply(opts: ApplyOptions, io: Io): Promise<number> {
  if (inPullRequest(io.env)) throw new UserError(`apply does not run for ${io.env.GITHUB_EVENT_NAME} events: a pull request's head is not reviewed policy. Run plan on pull requests and apply on the default branch.`);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  narrow(ws, opts);
  const { release, tookOver } = lockState(stateDir(ws, opts, io), io.now());
  if (tookOver) io.stderr.write(`${tookOver}\n`);
  try {
    return await applyLocked(ws, opts, io);
  } finally {
    release();
  }
}

async function applyLocked(ws: Workspace, opts: ApplyOptions, io: Io): Promise<number> {
  const concurrency = parseCount('concurrency', opts.concurrency, 1)!;
  const journal = new Journal(journalPath(ws, opts, io));
  for (const dir of new Set([stateDir(ws, opts, io), dirname(journal.path)])) removeTemporaries(dir);
  const recorder = new Recorder({ dir: stateDir(ws, opts, io), journal, env: io.env, commit: configCommit(ws.config.dir, io.env), secrets: secretsIn(io.env, tokenEnvs(ws)), now: io.now });
  if (journal.list().length > 0) {
    const recovery = await recoverInterrupted(journal, recorder, buildAdapters(ws, io.env, io.fetch).targets);
    io.stdout.write(`Resolving ${recovery.resolved.length + recovery.unresolved.length} change(s) of an interrupted apply:\n${recovery.resolved.map((l) => `${l}\n`).join('')}`);
    if (recovery.unresolved.length > 0) {
      io.stderr.write(`Apply refused: ${recovery.unresolved.length} change(s) of an interrupted apply cannot be judged, so what this tool granted is unknown:\n${recovery.unresolved.map((l) => `  ${l}\n`).join('')}They stay in ${journal.path}; the next apply tries again. Nothing else was changed.\n`);
      return EXIT.error;
    }
  }
  const saved = opts.planFile === undefined ? undefined : readSavedPlan(opts.planFile, io.cwd, opts.maxPlanAge, io.now(), configHash(ws));
  const fresh = await planFor(opts, io, io.fetch, await mergeEvidence(ws, parseAt(opts.at, io), io, io.fetch));
  const { targets } = fresh.adapters;
  let plan = fresh.plan;
  let recheck;
  if (saved) {
    recheck = await readHoldersOf(saved.changes.map((c) => c.entitlement), targets);
    plan = confirmSaved(saved, fresh.plan, recheck, opts.planFile as string);
  }
  io.stdout.write(render(plan, opts.format, io));
  const errors = hasErrors(plan.diagnostics);
  if (!applicable(plan)) {
    io.stderr.write('Apply refused: the plan has errors (above). Nothing was changed.\n');
    return EXIT.error;
  }
  const { plan: run, refused: refusals } = withoutRefused(plan);
  if (run.changes.length > 0 && !opts.yes && !(await confirm(io))) {
    io.stderr.write(io.stdinIsTTY ? 'Apply cancelled. Nothing was changed.\n' : 'Refusing to apply without --yes on a non-interactive terminal. Nothing was changed.\n');
    return EXIT.error;
  }
  for (const r of refusals) io.stdout.write(`${refusalLine(r)}\n`);
  let outcomes: Outcome[] = [];
  const ids = recorder.begin(run, `${io.now().toISOString()}/${process.pid}`);
  if (ids.length > 0) {
    const refused = checkpoint(opts.checkpoint, io);
    if (refused) {
      journal.remove(ids);
      io.stderr.write(`Apply refused: the checkpoint command failed (${refused}), so the changes could not be recorded before they are made. Nothing was changed.\n`);
      return EXIT.error;
    }
    outcomes = await applyPlan(
      run,
      targets,
      concurrency,
      (o, i) => {
        io.stdout.write(`${outcomeLine(o)}\n`);
        recorder.record(ids[i] as string, o);
      },
      recheck,
    );
  }
  recorder.holds(run);
  recorder.finish(run);
  if (opts.results !== undefined) writeApplyResults(resolve(io.cwd, opts.results), outcomes, refusals);
  const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
  const refusedCount = refusals.length > 0 ? `, ${refusals.length} refused` : '';
  if (outcomes.length + refusals.length > 0) io.stdout.write(`Apply complete: ${count('applied')} applied, ${count('failed')} failed, ${count('skipped')} skipped${refusedCount}.\n`);
  return count('failed') > 0 || errors ? EXIT.error : EXIT.ok;
}

/** Runs the `--checkpoint` command (through `sh -c`, in the working directory); why it failed, or undefined when it succeeded or there is none. */
function checkpoint(command: string | undefined, io: Io): string | undefined {
  if (command === undefined) return undefined;
  try {
    const out = execFileSync('sh', ['-c', command], { cwd: io.cwd, env: io.env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (out.length > 0) io.stderr.write(out.toString());
    return undefined;
  } catch (e) {
    const err = e as { status?: number | null; stderr?: Buffer };
    io.stderr.write(err.stderr?.toString() ?? '');
    return `exit ${err.status ?? 'by signal'}`;
  }
}
