/**
 * Reading the coming hours and days, for what `timeline` lists and what a plan shows of the
 * future: the access timeline chart and the coverage gaps of the next week. `timeline` reads
 * (shifts, and targets only to resolve identities); a plan reads its rotations once, far enough
 * ahead ({@link aheadReadUntil}), and looks ahead from that read.
 */
import type { Adapters } from './adapters.js';
import { observe, readSpan, readWarnings, type Identities, type PullRequestContext } from './observe.js';
import type { Workspace } from '../config/model.js';
import { COVERAGE_HORIZON_MS, coverageDiagnostics } from '../core/coverage.js';
import type { DesireInput } from '../core/desire.js';
import { heldIntervals, type AccessTimeline } from '../core/intervals.js';
import { activeRequests, type RequestInput } from '../core/requests.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ShiftRead } from '../core/shift.js';
import { KINDS } from '../targets/kinds.js';

/** How many hours ahead of a plan's instant its timeline runs. */
export const PLAN_TIMELINE_HOURS = 24;

/** What {@link observeAhead} read: `desire`'s input over the span, and the problems met on the way. */
export interface Ahead {
  input: Omit<DesireInput, 'at'>;
  /** Warnings of the sources' reads, identity problems and requests that are not eligible. */
  diagnostics: Diagnostic[];
  /** Problems reaching the targets (only worth showing when identities are read from them). */
  adapterDiagnostics: Diagnostic[];
}

/** How far ahead of a plan's instant it looks: its timeline's hours, or the coverage horizon if longer. */
export const LOOK_AHEAD_MS = Math.max(PLAN_TIMELINE_HOURS * 3_600_000, COVERAGE_HORIZON_MS);

/** The instant shifts are read to for a look ahead to `to` from `from`: `to` plus the longest `window.before`, as a plan at `from` reads ahead. */
function readEnd(ws: Workspace, from: Date, to: Date, pullRequest?: PullRequestContext): Date {
  return new Date(to.getTime() + (readSpan(ws, from, pullRequest).until.getTime() - from.getTime()));
}

/** The instant a plan at `at` that also looks ahead ({@link planAhead}) reads shifts to (`PlanContext.readUntil`). */
export function aheadReadUntil(ws: Workspace, at: Date, pullRequest?: PullRequestContext): Date {
  return readEnd(ws, at, new Date(at.getTime() + LOOK_AHEAD_MS), pullRequest);
}

/** `desire`'s input over `[from, to]` from shifts read: with the requests running at any time of the span. */
function aheadInput(ws: Workspace, shifts: ReadonlyMap<string, ShiftRead>, resolve: Identities['resolve'], from: Date, to: Date, context: Pick<RequestInput, 'pullRequest' | 'review'>) {
  const requests = activeRequests({ at: from, span: { from, to }, requests: ws.requests, profiles: ws.profiles, shifts, resolve, ...context });
  return { input: { profiles: ws.profiles, kinds: KINDS, shifts, resolve, requests: requests.active }, diagnostics: requests.diagnostics };
}

/**
 * Reads what `desire` needs over `[from, to]`: shifts from as far back as a plan at `from` reads
 * them to `to` plus the longest `window.before`; identities of everyone in them; the requests
 * running at any time of the span (judged as `review` says, and in a pull request as its
 * `pullRequest` context says).
 */
export async function observeAhead(ws: Workspace, adapters: Adapters, from: Date, to: Date, context: Pick<RequestInput, 'pullRequest' | 'review'> = {}): Promise<Ahead> {
  const { shifts, identities } = await observe(ws, adapters, { since: readSpan(ws, from, context.pullRequest).since, until: readEnd(ws, from, to, context.pullRequest), subjects: ws.requests.map((r) => r.subject) });
  const { input, diagnostics } = aheadInput(ws, shifts, identities.resolve, from, to, context);
  return { input, diagnostics: [...readWarnings(ws, shifts), ...identities.diagnostics, ...diagnostics], adapterDiagnostics: adapters.diagnostics };
}

/**
 * What a plan at `at` shows of the future, from the shifts its own read brought (read on to
 * {@link aheadReadUntil}): the timeline of the next {@link PLAN_TIMELINE_HOURS} hours and a
 * `coverage` diagnostic per gap of the next week (as `spec.coverage.gaps` says). Pure. Problems
 * the plan's read reports (a rotation that cannot be read, a person without a login) are not
 * reported again.
 */
export function planAhead(ws: Workspace, at: Date, read: { shifts: ReadonlyMap<string, ShiftRead>; resolve: Identities['resolve'] }, pullRequest?: PullRequestContext): { timeline: AccessTimeline; diagnostics: Diagnostic[] } {
  const { input } = aheadInput(ws, read.shifts, read.resolve, at, new Date(at.getTime() + LOOK_AHEAD_MS), { pullRequest, review: pullRequest ? 'pending' : 'required' });
  const { timeline } = heldIntervals(input, at, new Date(at.getTime() + PLAN_TIMELINE_HOURS * 3_600_000));
  const gaps = coverageDiagnostics({ profiles: ws.profiles, shifts: input.shifts, resolve: input.resolve, from: at, to: new Date(at.getTime() + COVERAGE_HORIZON_MS), policy: ws.config.coverage.gaps });
  return { timeline, diagnostics: gaps };
}
