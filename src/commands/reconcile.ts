/**
 * `plan` and `apply`: the two commands that reconcile. They share loading, the instant, the
 * adapters and rendering; they differ only in the transport (read-only for plan) and in
 * whether the plan is executed. `apply PLANFILE` executes a saved plan after checking that it
 * is recent, made from the same config, and that each change's precondition still holds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { join, resolve } from 'node:path';
import { buildAdapters } from '../adapters.js';
import { applicable, applyPlan, type Outcome } from '../apply.js';
import { appendAudit, auditEvents, configCommit } from '../audit.js';
import { loadWorkspace } from '../config/load.js';
import type { Workspace } from '../config/model.js';
import { entitlementLevel, entitlementName, PLAN_FORMAT_VERSION, type Plan } from '../core/plan.js';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { parseDuration } from '../duration.js';
import { computePlan, configHash } from '../engine.js';
import { readOnlyFetch, type Fetch } from '../http/read-only.js';
import { EXIT, UserError, type Io } from '../io.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText, shouldColor } from '../render/text.js';
import { shardProfiles } from '../config/semantics.js';
import { pullRequestContext } from '../pull-request.js';
import { selectShard } from '../shard.js';
import { redact, secretsIn } from '../redact.js';
import { lockState, nextState, readState, STATE_FILES, writeState } from '../state.js';
import { holdingsKey, type HoldersRead, type RepoRef, type TeamRef } from '../targets/target.js';

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
  allowEmptyRotations: boolean;
  /** Overrides the config's state directory. */
  state?: string;
  /** Run only the profiles these globs select (a shard of a matrix). */
  profiles?: string[];
  /** Run only the profiles of this shard of `spec.shards`; its state lives in `<state>/<shard>`. */
  shard?: string;
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
}

/** The transport every adapter uses; tests and the demo may wrap it. */
export const transport: { fetch: Fetch } = { fetch: globalThis.fetch };

/** How far ahead a plan may look: on-call APIs render schedules about three months out. */
export const MAX_AHEAD_MS = 90 * 86_400_000;

/** The instant a flag names (now when absent); at most {@link MAX_AHEAD_MS} ahead. */
export function parseAt(at: string | undefined, io: Io, flag = '--at'): Date {
  if (at === undefined) return io.now();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(at) || Number.isNaN(Date.parse(at))) {
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

async function freshPlan(opts: ReconcileOptions, io: Io, fetch: Fetch, whole: Workspace) {
  const ws = narrow(whole, opts);
  const at = parseAt(opts.at, io);
  const overrides = { maxRevocations: parseCount('max-revocations', opts.maxRevocations, 0), maxRevocationShare: parseShare(opts.maxRevocationShare), allowEmptyRotations: opts.allowEmptyRotations };
  const state = readState(stateDir(ws, opts, io));
  // Only requests can be checked against a pull request's author; without any, no git is needed.
  const pullRequest = ws.requests.length > 0 ? pullRequestContext(io.env, io.cwd, ws.config.paths.requests) : undefined;
  const adapters = buildAdapters(ws, io.env, fetch);
  const plan = await computePlan(ws, adapters, { at, now: io.now(), overrides, state, pullRequest });
  // Redacted in the data, before any renderer escapes a token into a form output redaction would miss.
  const secrets = secretsIn(io.env, tokenEnvs(ws));
  plan.diagnostics = plan.diagnostics.map((d) => ({ ...d, message: redact(d.message, secrets) }));
  return { plan, ws, state, targets: adapters.targets };
}

/** `plan`: read-only; exit 0 (or 2 with changes and --detailed-exitcode), 1 on any error. */
export async function runPlan(opts: PlanOptions, io: Io): Promise<number> {
  parseAt(opts.at, io);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  const result = await freshPlan(opts, io, readOnlyFetch(transport.fetch), ws);
  io.stdout.write(render(result.plan, opts.format, io));
  if (opts.out) writeFileSync(resolve(io.cwd, opts.out), redact(renderJson(result.plan), secretsIn(io.env, tokenEnvs(result.ws))));
  if (hasErrors(result.plan.diagnostics)) return EXIT.error;
  return opts.detailedExitcode && result.plan.changes.length > 0 ? EXIT.changes : EXIT.ok;
}

async function confirm(io: Io): Promise<boolean> {
  if (!io.stdinIsTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  const answer = await rl.question('Apply these changes? Only "yes" is accepted: ');
  rl.close();
  return answer.trim() === 'yes';
}

/** One executed change as apply prints it: `applied: grant alice on acme/team as member`, or `failed: ...: why`. */
export function outcomeLine(o: Outcome): string {
  const c = o.change;
  const what = `${c.action} ${c.subject.login} ${c.action === 'revoke' ? 'from' : 'on'} ${entitlementName(c.entitlement)}${c.action === 'revoke' ? '' : ` as ${entitlementLevel(c.entitlement)}`}`;
  return o.status === 'applied' ? `applied: ${what}\n` : `${o.status}: ${what}: ${o.error}\n`;
}

/** Reads a saved plan and refuses one that is not a plan, too old, or made from other files. */
function savedPlan(file: string, ws: Workspace, maxAge: string, io: Io): Plan {
  let plan: Plan;
  try {
    plan = JSON.parse(readFileSync(resolve(io.cwd, file), 'utf8')) as Plan;
  } catch (e) {
    throw new UserError(`cannot read plan ${file}: ${(e as NodeJS.ErrnoException).code ?? 'not valid JSON'}`);
  }
  if (plan?.formatVersion !== PLAN_FORMAT_VERSION || !Array.isArray(plan.changes) || typeof plan.createdAt !== 'string' || typeof plan.configHash !== 'string') {
    throw new UserError(`${file} is not an oncall-access plan (formatVersion ${PLAN_FORMAT_VERSION}); make one with "plan --out"`);
  }
  const maxAgeMs = parseDuration(maxAge);
  if (maxAgeMs === undefined) throw new UserError(`--max-plan-age must be a duration like 1h; got "${maxAge}"`);
  const age = io.now().getTime() - Date.parse(plan.createdAt);
  if (!(age <= maxAgeMs)) throw new UserError(`refusing plan ${file}: it was made ${Math.round(age / 60_000)} min ago, more than --max-plan-age ${maxAge} allows; run plan again`);
  const hash = configHash(ws);
  if (plan.configHash !== hash) throw new UserError(`refusing plan ${file}: it was made from other config files than these (hash ${plan.configHash.slice(0, 12)}, now ${hash.slice(0, 12)}); run plan again`);
  return plan;
}

/** `apply`: plans (or reads a saved plan), then executes with confirmation; exit 0 when all applied, 1 otherwise. */
export async function runApply(opts: ApplyOptions, io: Io): Promise<number> {
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  narrow(ws, opts);
  const release = lockState(stateDir(ws, opts, io), io.now());
  try {
    return await applyLocked(ws, opts, io);
  } finally {
    release();
  }
}

async function applyLocked(ws: Workspace, opts: ApplyOptions, io: Io): Promise<number> {
  const concurrency = parseCount('concurrency', opts.concurrency, 1)!;
  let plan: Plan;
  let targets;
  let recheck;
  if (opts.planFile) {
    plan = savedPlan(opts.planFile, ws, opts.maxPlanAge, io);
    targets = buildAdapters(ws, io.env, transport.fetch).targets;
    const teams = new Map<string, { target: string; ref: TeamRef }>();
    const repos = new Map<string, { target: string; ref: RepoRef }>();
    for (const c of plan.changes) {
      const e = c.entitlement;
      if (e.kind === 'repository') repos.set(holdingsKey(c.target, e), { target: c.target, ref: { org: e.org, repository: e.repository } });
      else teams.set(holdingsKey(c.target, e), { target: c.target, ref: { org: e.org, team: e.team } });
    }
    const reads = await Promise.all(
      [...targets].map(async ([name, t]) => {
        const mine = [...repos.values()].filter((x) => x.target === name).map((x) => x.ref);
        const [teamReads, repoReads] = await Promise.all([t.readHolders([...teams.values()].filter((x) => x.target === name).map((x) => x.ref)), mine.length > 0 ? t.readRepoHolders(mine) : new Map<string, HoldersRead>()]);
        return [name, new Map([...teamReads, ...repoReads])] as const;
      }),
    );
    recheck = new Map(reads.flatMap(([name, m]) => [...m].map(([key, read]) => [`${name}/${key}`.toLowerCase(), read] as const)));
  } else {
    const result = await freshPlan(opts, io, transport.fetch, ws);
    ({ plan, targets } = result);
  }
  io.stdout.write(render(plan, opts.format, io));
  const failedReads = hasErrors(plan.diagnostics);
  if (!applicable(plan)) {
    io.stderr.write('Apply refused: the plan has errors (above). Nothing was changed.\n');
    return EXIT.error;
  }
  if (plan.changes.length > 0 && !opts.yes && !(await confirm(io))) {
    io.stderr.write(io.stdinIsTTY ? 'Apply cancelled. Nothing was changed.\n' : 'Refusing to apply without --yes on a non-interactive terminal. Nothing was changed.\n');
    return EXIT.error;
  }
  const outcomes = await applyPlan(plan, targets, concurrency, (o) => io.stdout.write(outcomeLine(o)), recheck);
  const dir = stateDir(ws, opts, io);
  const now = io.now();
  writeState(dir, nextState(readState(dir), plan, outcomes, now));
  const secrets = secretsIn(io.env, tokenEnvs(ws));
  appendAudit(join(dir, STATE_FILES.audit), auditEvents(plan, outcomes, now, io.env, configCommit(ws.config.dir, io.env)).map((e) => (e.error ? { ...e, error: redact(e.error, secrets) } : e)));
  const count = (s: Outcome['status']) => outcomes.filter((o) => o.status === s).length;
  if (outcomes.length > 0) io.stdout.write(`Apply complete: ${count('applied')} applied, ${count('failed')} failed, ${count('skipped')} skipped.\n`);
  return count('failed') > 0 || failedReads ? EXIT.error : EXIT.ok;
}
