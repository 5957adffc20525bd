/**
 * What an apply did, as data: each executed change with its outcome and each refused change with
 * why. `apply --results FILE` writes it; the Action reads it instead of parsing printed lines.
 */
import { writeFileSync } from 'node:fs';
import type { Outcome } from '../core/plan.js';
import type { Refusal } from './apply.js';

/** Version of the results file's format. */
export const APPLY_RESULTS_FORMAT_VERSION = 1;

/** The results file: what `apply --results FILE` writes when it has applied a plan. */
export interface ApplyResults {
  formatVersion: typeof APPLY_RESULTS_FORMAT_VERSION;
  /** One per executed change, in the order they finished. */
  outcomes: Outcome[];
  refused: Refusal[];
}

/** Writes what an apply did (its outcomes, and the changes it refused with why) to `path` as {@link ApplyResults} JSON. */
export function writeApplyResults(path: string, outcomes: readonly Outcome[], refused: readonly Refusal[]): void {
  const results: ApplyResults = { formatVersion: APPLY_RESULTS_FORMAT_VERSION, outcomes: [...outcomes], refused: [...refused] };
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
