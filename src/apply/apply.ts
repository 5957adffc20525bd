/**
 * apply: executes a plan's changes, nothing else. It takes only the plan and the targets; it
 * never re-diffs. Each change may first be re-checked against a fresh read (saved plans):
 * a change whose world moved on is skipped and reported, never forced. Bounded concurrency;
 * each change reports its own outcome.
 */
import pLimit from 'p-limit';
import { entitlementKey, holdingKey } from '../core/entitlement.js';
import type { Holder, HoldersRead } from '../core/observed.js';
import { holdingOf, type Change, type Outcome, type Plan } from '../core/plan.js';
import { describeError } from '../targets/github/errors.js';
import { nameOf } from '../targets/kinds.js';
import type { Target } from '../targets/target.js';

/**
 * Errors that are scoped to what they touch, so the rest of a plan may still be applied: a
 * failed read froze what it fed, an identity conflict grants nothing to the people it names, an
 * ineligible request grants nothing. Revocations of shifts that ended elsewhere still happen.
 * An error naming a holding (`Diagnostic.holding`) refuses that holding's changes alone.
 */
const SCOPED: ReadonlySet<string | undefined> = new Set(['read-failed', 'identity', 'request']);

/** True when the plan may be applied: no error other than {@link SCOPED} ones or ones scoped to a holding. */
export function applicable(plan: Plan): boolean {
  return !plan.diagnostics.some((d) => d.severity === 'error' && !SCOPED.has(d.code) && d.holding === undefined);
}

/** A change of a plan that an error scoped to its holding refuses, with that error's message. */
export interface Refusal {
  change: Change;
  why: string;
}

/**
 * The plan without the changes that errors scoped to their holding refuse (a protected account,
 * a ledger entry no audit line bears out, a saved change the config does not make), and those
 * changes with why: apply makes the rest.
 */
export function withoutRefused(plan: Plan): { plan: Plan; refused: Refusal[] } {
  const why = new Map(plan.diagnostics.flatMap((d) => (d.severity === 'error' && d.holding ? [[holdingKey(d.holding), d.message] as const] : [])));
  const refused = plan.changes.flatMap((change) => {
    const message = why.get(holdingKey(holdingOf(change)));
    return message === undefined ? [] : [{ change, why: message }];
  });
  return { plan: { ...plan, changes: plan.changes.filter((c) => !why.has(holdingKey(holdingOf(c)))) }, refused };
}

/**
 * Why `change` may no longer be made, given the entitlement's holders now; undefined when its
 * precondition still holds: a grant's subject holds nothing, an update's subject holds the
 * previous level, a revocation's subject still holds it.
 */
export function precondition(change: Change, read: HoldersRead | undefined): string | undefined {
  if (!read || !read.ok) return `cannot re-check ${nameOf(change.entitlement)}: ${read ? read.error : 'not read'}`;
  const h: Holder | undefined = read.holders.find((x) => x.login.toLowerCase() === change.subject.login.toLowerCase());
  switch (change.action) {
    case 'grant':
      return h ? `${change.subject.login} already holds it (${h.state === 'pending' ? 'pending invitation' : h.role})` : undefined;
    case 'update':
      if (!h) return `${change.subject.login} no longer holds it`;
      return h.state === 'active' && h.role === change.previousLevel ? undefined : `${change.subject.login} now holds it as ${h.state === 'pending' ? 'a pending invitation' : h.role}, not ${change.previousLevel}`;
    case 'revoke':
      return h ? undefined : `${change.subject.login} no longer holds it`;
  }
}

/**
 * Executes `plan`'s changes with at most `concurrency` in flight; outcomes in plan order.
 * With `recheck` (holders read again just now, keyed by {@link entitlementKey}), changes whose
 * precondition fails are skipped. A target that writes whole entitlements
 * (`Target.applyChanges`) gets all of one entitlement's changes as one task.
 */
export async function applyPlan(
  plan: Plan,
  targets: ReadonlyMap<string, Target>,
  concurrency: number,
  onOutcome: (o: Outcome, index: number) => void = () => {},
  recheck?: ReadonlyMap<string, HoldersRead>,
): Promise<Outcome[]> {
  const limit = pLimit(concurrency);
  const outcomes: Outcome[] = [];
  const settle = (index: number, outcome: Outcome): void => {
    outcomes[index] = outcome;
    onOutcome(outcome, index);
  };
  const batches = new Map<string, number[]>();
  const tasks: (() => Promise<void>)[] = [];
  plan.changes.forEach((change, index) => {
    const target = targets.get(change.entitlement.target);
    if (target?.applyChanges === undefined) {
      tasks.push(async () => settle(index, await execute(change, targets, recheck)));
      return;
    }
    const key = entitlementKey(change.entitlement);
    const batch = batches.get(key);
    if (batch !== undefined) batch.push(index);
    else {
      const indexes = [index];
      batches.set(key, indexes);
      tasks.push(() => executeBatch(plan.changes, indexes, target, recheck, settle));
    }
  });
  await Promise.all(tasks.map((task) => limit(task)));
  return outcomes;
}

/** The changes at `indexes` (one entitlement's) through the target's `applyChanges`, after their rechecks. */
async function executeBatch(changes: readonly Change[], indexes: readonly number[], target: Target, recheck: ReadonlyMap<string, HoldersRead> | undefined, settle: (index: number, o: Outcome) => void): Promise<void> {
  const run: number[] = [];
  for (const index of indexes) {
    const change = changes[index]!;
    const why = recheck ? precondition(change, recheck.get(entitlementKey(change.entitlement))) : undefined;
    if (why) settle(index, { change, status: 'skipped', error: why });
    else run.push(index);
  }
  if (run.length === 0) return;
  const outcomes = await target.applyChanges!(run.map((i) => changes[i]!));
  run.forEach((index, i) => settle(index, outcomes[i]!));
}

async function execute(change: Change, targets: ReadonlyMap<string, Target>, recheck: ReadonlyMap<string, HoldersRead> | undefined): Promise<Outcome> {
  const e = change.entitlement;
  const target = targets.get(e.target);
  if (!target) return { change, status: 'failed', error: `target "${e.target}" is not declared in this config` };
  if (recheck) {
    const why = precondition(change, recheck.get(entitlementKey(e)));
    if (why) return { change, status: 'skipped', error: why };
  }
  try {
    if (change.action === 'revoke') await target.revoke(e, change.subject.login);
    else await target.grant(e, change.subject.login);
    return { change, status: 'applied' };
  } catch (e) {
    return { change, status: 'failed', error: describeError(e) };
  }
}
