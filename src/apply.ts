/**
 * apply: executes a plan's changes, nothing else. It takes only the plan and the targets; it
 * never re-diffs. Bounded concurrency; each change reports its own outcome.
 */
import pLimit from 'p-limit';
import type { Change, Plan } from './core/plan.js';
import { describeError } from './targets/github.js';
import type { Target } from './targets/target.js';

/** What happened to one change. */
export interface Outcome {
  change: Change;
  ok: boolean;
  /** Why it failed, without secrets. */
  error?: string;
}

/** True when the plan may be applied: no error other than a failed read (which froze what it fed). */
export function applicable(plan: Plan): boolean {
  return !plan.diagnostics.some((d) => d.severity === 'error' && d.code !== 'read-failed');
}

/** Executes every change of `plan` with at most `concurrency` in flight; outcomes in plan order. */
export async function applyPlan(plan: Plan, targets: ReadonlyMap<string, Target>, concurrency: number, onOutcome: (o: Outcome) => void = () => {}): Promise<Outcome[]> {
  const limit = pLimit(concurrency);
  return Promise.all(
    plan.changes.map((change) =>
      limit(async () => {
        const target = targets.get(change.target);
        let outcome: Outcome;
        try {
          if (!target) throw new Error(`target "${change.target}" is not declared in this config`);
          if (change.action === 'revoke') await target.removeMembership(change.entitlement, change.subject.login);
          else await target.setMembership(change.entitlement, change.subject.login);
          outcome = { change, ok: true };
        } catch (e) {
          outcome = { change, ok: false, error: describeError(e) };
        }
        onOutcome(outcome);
        return outcome;
      }),
    ),
  );
}
