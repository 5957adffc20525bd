/**
 * Saved plans (`apply PLANFILE`). A plan file is data that whoever can write it can edit, so it
 * is no authority of its own: it is refused when it is not a plan, too old, or made from other
 * config files, and of its changes apply makes only those that a plan computed now from the
 * current config also makes. The others are refused one by one, named.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { precondition } from './apply.js';
import { entitlementKey, holdingKey } from '../core/entitlement.js';
import type { HoldersRead } from '../core/observed.js';
import { describeChange, holdingOf, PLAN_FORMAT_VERSION, summarize, type Change, type Plan } from '../core/plan.js';
import { error, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { parseDuration } from '../core/duration.js';
import { UserError } from '../io.js';
import { KINDS } from '../targets/kinds.js';

const ACTIONS: readonly unknown[] = ['grant', 'revoke', 'update'];

/** True when `value` has the fields of a change that apply and its checks read. */
function isChange(value: unknown): value is Change {
  const c = value as Partial<Change> | null;
  const e = c?.entitlement as Record<string, unknown> | undefined;
  const named = ['target', 'kind', 'resource', 'level'].every((k) => typeof e?.[k] === 'string');
  return ACTIONS.includes(c?.action) && typeof c?.subject?.login === 'string' && Array.isArray(c.reasons) && Array.isArray(c.profiles) && named;
}

/**
 * Reads the saved plan `file` (relative to `cwd`) and refuses one that is not a plan, made by an
 * older version (a saved plan lives minutes: plan again), older than `maxAge` at `now`, or made
 * from config files whose hash is not `hash`.
 */
export function readSavedPlan(file: string, cwd: string, maxAge: string, now: Date, hash: string): Plan {
  let plan: Plan;
  try {
    plan = JSON.parse(readFileSync(resolve(cwd, file), 'utf8')) as Plan;
  } catch (e) {
    throw new UserError(`cannot read plan ${file}: ${(e as NodeJS.ErrnoException).code ?? 'not valid JSON'}`);
  }
  const version = (plan as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < PLAN_FORMAT_VERSION) {
    throw new UserError(`refusing plan ${file}: it was made by an older version of oncall-access (plan formatVersion ${version}, this version reads ${PLAN_FORMAT_VERSION}); run plan again`);
  }
  if (plan?.formatVersion !== PLAN_FORMAT_VERSION || !Array.isArray(plan.changes) || !plan.changes.every(isChange) || typeof plan.at !== 'string' || typeof plan.createdAt !== 'string' || typeof plan.configHash !== 'string') {
    throw new UserError(`${file} is not an oncall-access plan (formatVersion ${PLAN_FORMAT_VERSION}); make one with "plan --out"`);
  }
  const maxAgeMs = parseDuration(maxAge);
  if (maxAgeMs === undefined) throw new UserError(`--max-plan-age must be a duration like 1h; got "${maxAge}"`);
  const age = now.getTime() - Date.parse(plan.createdAt);
  if (!(age <= maxAgeMs)) throw new UserError(`refusing plan ${file}: it was made ${Math.round(age / 60_000)} min ago, more than --max-plan-age ${maxAge} allows; run plan again`);
  if (plan.configHash !== hash) throw new UserError(`refusing plan ${file}: it was made from other config files than these (hash ${plan.configHash.slice(0, 12)}, now ${hash.slice(0, 12)}); run plan again`);
  return plan;
}

/** What makes two changes the same change: action, holding (target, kind, resource, login) and level. */
function changeKey(c: Change): string {
  return `${c.action} ${holdingKey(holdingOf(c))} ${c.entitlement.level}`;
}

/**
 * The saved plan `file` as apply may execute it now. `fresh` is the plan the current config
 * produces now, `recheck` the holders of the saved changes read again (keyed by
 * {@link entitlementKey}). Each saved change becomes the fresh plan's same change (its reasons and
 * expiry, which the audit line records, come from the config, not from the file); one whose
 * holding moved on since the plan was made (its precondition fails) stays for apply to skip and
 * report as before; any other stays with an error scoped to its holding, which refuses it (see
 * `withoutRefused`). The diagnostics (guards included) and the state bookkeeping are the fresh
 * plan's, never the file's.
 */
export function confirmSaved(saved: Plan, fresh: Plan, recheck: ReadonlyMap<string, HoldersRead>, file: string): Plan {
  const produced = new Map(fresh.changes.map((c) => [changeKey(c), c]));
  const changes: Change[] = [];
  const refusals: Diagnostic[] = [];
  for (const c of saved.changes) {
    const same = produced.get(changeKey(c));
    const read = recheck.get(entitlementKey(c.entitlement));
    produced.delete(changeKey(c));
    changes.push(same ?? c);
    if (!same && !(read?.ok && precondition(c, read) !== undefined)) {
      refusals.push({ ...error(`refusing change ${describeChange(c, KINDS)} of plan ${file}: the current config does not produce it now`), code: 'saved-plan', holding: holdingOf(c) });
    }
  }
  return { ...saved, changes, summary: summarize(changes, fresh.summary.unchanged, fresh.summary.frozen), diagnostics: sortDiagnostics([...fresh.diagnostics, ...refusals]), state: fresh.state };
}
