/**
 * guard: safety rules that turn a dangerous plan into error diagnostics. Pure. A plan with a
 * guard error is refused whole by apply.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import type { GuardConfig } from '../config/model.js';
import type { Change } from './plan.js';

/** Per-run overrides of the configured guards, from explicit flags. */
export interface GuardOverrides {
  /** Replaces `maxRevocations` for this run. */
  maxRevocations?: number;
}

/**
 * Refuses plans that revoke a protected account, or that revoke more holdings than allowed.
 * Each refusal names the numbers or the account and how to allow it.
 */
export function guard(changes: readonly Change[], config: GuardConfig, overrides: GuardOverrides = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const revokes = changes.filter((c) => c.action === 'revoke');
  const protectedLogins = new Set(config.protectedAccounts.map((l) => l.toLowerCase()));
  const downgrades = changes.filter((c) => c.action === 'update' && c.previousRole === 'maintainer');
  for (const c of [...revokes, ...downgrades]) {
    if (protectedLogins.has(c.subject.login.toLowerCase())) {
      out.push({ ...error(`refusing to ${c.action === 'revoke' ? 'revoke' : 'downgrade'} protected account ${c.subject.login} from ${c.entitlement.org}/${c.entitlement.team}: add it as a static member of a profile managing that team, or remove it from guards.protectedAccounts`), code: 'guard' });
    }
  }
  const max = overrides.maxRevocations ?? config.maxRevocations;
  if (max !== undefined && revokes.length > max) {
    out.push({ ...error(`refusing a plan that revokes ${revokes.length} holdings: guards.maxRevocations allows ${max}. Check the plan, then re-run with --max-revocations ${revokes.length} to allow it once`), code: 'guard' });
  }
  return out;
}
