/**
 * Reading the coming hours and days, for what `timeline` lists and what a plan shows of the
 * future: the access timeline chart and the coverage gaps of the next week. Reads only (shifts,
 * and targets only to resolve identities); everything after the read is the pure core.
 */
import type { Adapters } from './adapters.js';
import type { Workspace } from './config/model.js';
import { COVERAGE_HORIZON_MS, coverageDiagnostics } from './core/coverage.js';
import type { DesireInput } from './core/desire.js';
import { heldIntervals, type AccessTimeline } from './core/intervals.js';
import { activeRequests, type RequestInput } from './core/requests.js';
import type { Diagnostic } from './diagnostics.js';
import { entitledEmails, observeShifts, readSpan, readWarnings, resolveIdentities, type PlanContext } from './engine.js';

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

/**
 * Reads what `desire` needs over `[from, to]`: shifts from as far back as a plan at `from` reads
 * them to `to` plus the longest `window.before`; identities of everyone in them; the requests
 * running at any time of the span (judged as `review` says, and in a pull request as its
 * `pullRequest` context says).
 */
export async function observeAhead(ws: Workspace, adapters: Adapters, from: Date, to: Date, context: Pick<RequestInput, 'pullRequest' | 'review'> = {}): Promise<Ahead> {
  const span = readSpan(ws, from, context.pullRequest);
  const shifts = await observeShifts(ws, adapters, span.since, new Date(to.getTime() + (span.until.getTime() - from.getTime())));
  const identities = await resolveIdentities(ws, adapters, [...entitledEmails(ws.profiles, shifts), ...ws.requests.map((r) => r.subject).filter((x) => x.includes('@'))]);
  const firstTarget = [...ws.config.targets.keys()][0]!;
  const requests = activeRequests({ at: from, span: { from, to }, requests: ws.requests, profiles: ws.profiles, shifts, resolve: (email) => identities.resolve(email, firstTarget), ...context });
  return {
    input: { profiles: ws.profiles, targets: ws.config.targets, shifts, resolve: identities.resolve, requests: requests.active },
    diagnostics: [...readWarnings(ws, shifts), ...identities.diagnostics, ...requests.diagnostics],
    adapterDiagnostics: adapters.diagnostics,
  };
}

/**
 * What a plan at `at` shows of the future, from one more read of the sources: the timeline of
 * the next {@link PLAN_TIMELINE_HOURS} hours and a `coverage` diagnostic per gap of the next
 * week (as `spec.coverage.gaps` says). Problems the plan's own read reports (a rotation that
 * cannot be read, a person without a login) are not reported again.
 */
export async function planAhead(ws: Workspace, adapters: Adapters, at: Date, pullRequest?: PlanContext['pullRequest']): Promise<{ timeline: AccessTimeline; diagnostics: Diagnostic[] }> {
  const to = new Date(at.getTime() + Math.max(PLAN_TIMELINE_HOURS * 3_600_000, COVERAGE_HORIZON_MS));
  const { input } = await observeAhead(ws, adapters, at, to, { pullRequest, review: pullRequest ? 'pending' : 'required' });
  const { timeline } = heldIntervals(input, at, new Date(at.getTime() + PLAN_TIMELINE_HOURS * 3_600_000));
  const gaps = coverageDiagnostics({ profiles: ws.profiles, shifts: input.shifts, resolve: input.resolve, from: at, to: new Date(at.getTime() + COVERAGE_HORIZON_MS), policy: ws.config.coverage.gaps });
  return { timeline, diagnostics: gaps };
}
