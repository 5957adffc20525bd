/**
 * One line per change apply executed or refused, as the CLI prints them and the Action lists
 * them: `applied: grant alice on acme/team as member`, `failed: ...: why`, `refused: ...: why`.
 * Pure.
 */
import { describeChange, type Outcome } from '../core/plan.js';
import type { Refusal } from '../apply/apply.js';
import { KINDS } from '../targets/kinds.js';

/** One executed change: `applied: grant alice on acme/team as member`, or `failed: ...: why` (no newline). */
export function outcomeLine(o: Outcome): string {
  const what = describeChange(o.change, KINDS);
  return o.status === 'applied' ? `applied: ${what}` : `${o.status}: ${what}: ${o.error}`;
}

/** One refused change: `refused: revoke bob from acme/team: why` (no newline). */
export function refusalLine(r: Refusal): string {
  return `refused: ${describeChange(r.change, KINDS)}: ${r.why}`;
}
