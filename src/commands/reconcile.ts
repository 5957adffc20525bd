/**
 * `plan` and `apply`: the two commands that reconcile. They share loading, the instant, the
 * adapters and rendering; they differ only in the transport (read-only for plan) and in
 * whether the plan is executed.
 */
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { buildAdapters } from '../adapters.js';
import { applicable, applyPlan, type Outcome } from '../apply.js';
import { loadWorkspace } from '../config/load.js';
import type { Workspace } from '../config/model.js';
import type { Plan } from '../core/plan.js';
import { formatDiagnostic, hasErrors, sortDiagnostics } from '../diagnostics.js';
import { computePlan } from '../engine.js';
import { readOnlyFetch, type Fetch } from '../http/read-only.js';
import { EXIT, UserError, type Io } from '../io.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderText, shouldColor } from '../render/text.js';

/** Output formats of a plan. */
export type PlanFormat = 'text' | 'markdown' | 'json';

/** Options shared by `plan` and `apply`. */
export interface ReconcileOptions {
  config: string;
  /** ISO instant; now when absent. */
  at?: string;
  format: PlanFormat;
  maxRevocations?: string;
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

/** Loads a workspace, or prints why not (to stderr) and returns undefined. */
export function loadOrReport(config: string, io: Io): Workspace | undefined {
  const { workspace, diagnostics } = loadWorkspace(config, io.cwd);
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

async function plan(opts: ReconcileOptions, io: Io, fetch: Fetch): Promise<{ plan: Plan; ws: Workspace; targets: Awaited<ReturnType<typeof buildAdapters>>['targets'] } | undefined> {
  const at = parseAt(opts.at, io);
  const maxRevocations = parseCount('max-revocations', opts.maxRevocations, 0);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return undefined;
  const adapters = buildAdapters(ws, io.env, fetch);
  return { plan: await computePlan(ws, adapters, at, { maxRevocations }), ws, targets: adapters.targets };
}

/** `plan`: read-only; exit 0 (or 2 with changes and --detailed-exitcode), 1 on any error. */
export async function runPlan(opts: PlanOptions, io: Io): Promise<number> {
  const result = await plan(opts, io, readOnlyFetch(transport.fetch));
  if (!result) return EXIT.error;
  io.stdout.write(render(result.plan, opts.format, io));
  if (opts.out) writeFileSync(resolve(io.cwd, opts.out), renderJson(result.plan));
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

function outcomeLine(o: Outcome): string {
  const c = o.change;
  const what = `${c.action} ${c.subject.login} ${c.action === 'revoke' ? 'from' : 'on'} ${c.entitlement.org}/${c.entitlement.team}${c.action === 'revoke' ? '' : ` as ${c.entitlement.role}`}`;
  return o.ok ? `applied: ${what}\n` : `failed: ${what}: ${o.error}\n`;
}

/** `apply`: plans, then executes with confirmation; exit 0 when all applied, 1 otherwise. */
export async function runApply(opts: ApplyOptions, io: Io): Promise<number> {
  const concurrency = parseCount('concurrency', opts.concurrency, 1)!;
  const result = await plan(opts, io, transport.fetch);
  if (!result) return EXIT.error;
  io.stdout.write(render(result.plan, opts.format, io));
  const failedReads = hasErrors(result.plan.diagnostics);
  if (!applicable(result.plan)) {
    io.stderr.write('Apply refused: the plan has errors (above). Nothing was changed.\n');
    return EXIT.error;
  }
  if (result.plan.changes.length === 0) return failedReads ? EXIT.error : EXIT.ok;
  if (!opts.yes && !(await confirm(io))) {
    io.stderr.write(io.stdinIsTTY ? 'Apply cancelled. Nothing was changed.\n' : 'Refusing to apply without --yes on a non-interactive terminal. Nothing was changed.\n');
    return EXIT.error;
  }
  const outcomes = await applyPlan(result.plan, result.targets, concurrency, (o) => io.stdout.write(outcomeLine(o)));
  const failed = outcomes.filter((o) => !o.ok).length;
  io.stdout.write(`Apply complete: ${outcomes.length - failed} applied, ${failed} failed.\n`);
  return failed > 0 || failedReads ? EXIT.error : EXIT.ok;
}
