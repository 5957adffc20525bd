/**
 * The JSON rendering of a plan: the machine-readable form other tools and later runs read.
 */
import type { Plan } from '../core/plan.js';

/**
 * `JSON.stringify` of the plan, indented by two spaces and ending with a newline. The
 * top-level keys are always in the order `formatVersion`, `at`, `createdAt`, `configHash`,
 * `summary`, `changes`, `diagnostics`, `state`, then `adoption`, `holds`, `requests`, `proposed` and `timeline` when present; nothing is added, removed or reformatted, so
 * `JSON.parse` of the result deep-equals `plan`. Nested objects keep the order the planner
 * built them in.
 */
export function renderJson(plan: Plan): string {
  const { formatVersion, at, createdAt, configHash, summary, changes, diagnostics, state, adoption, holds, requests, proposed, timeline } = plan;
  return `${JSON.stringify({ formatVersion, at, createdAt, configHash, summary, changes, diagnostics, state, ...(adoption ? { adoption } : {}), ...(holds ? { holds } : {}), ...(requests ? { requests } : {}), ...(proposed ? { proposed } : {}), ...(timeline ? { timeline } : {}) }, null, 2)}\n`;
}
