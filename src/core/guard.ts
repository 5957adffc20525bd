/**
 * guard: safety rules that turn a dangerous plan into error diagnostics. Pure. A guard that
 * bounds the whole run (too many revocations, an emptied rotation) refuses the whole apply; one
 * about a single holding (a protected account) refuses only that change.
 */
import { error, type Diagnostic } from './diagnostics.js';
import { plural } from './wording.js';
import type { GuardConfig } from './policy.js';
import { entitlementKey, entitlementName, levelRank, type KindCatalogue } from './entitlement.js';
import { holdingOf, type Change } from './plan.js';

/** Per-run overrides of the configured guards, from explicit flags. */
export interface GuardOverrides {
  /** Replaces `maxRevocations` for this run. */
  maxRevocations?: number;
  /** Replaces `maxRevocationShare` for this run. */
  maxRevocationShare?: number;
  /** Allows revocations fed by rotations that emptied since the last apply. */
  allowEmptyRotations?: boolean;
}

/**
 * The share guard when neither the config nor a flag sets `maxRevocationShare`: a run may not
 * take more than half of an entitlement's holders (revocations minus grants) once that is
 * {@link DEFAULT_SHARE_MIN_REVOCATIONS} or more people.
 */
export const DEFAULT_REVOCATION_SHARE = 0.5;
/** An entitlement losing fewer people than this passes the default share guard. */
export const DEFAULT_SHARE_MIN_REVOCATIONS = 3;

/** A rotation that had people on call at the last apply and has nobody now. */
export interface EmptiedRotation {
  label: string;
  before: number;
  /** The {@link entitlementKey} of every entitlement it feeds through profiles that do not allow empty rotations. */
  entitlements: string[];
}

/**
 * Refuses the revocation (or downgrade) of a protected account, scoped to that holding, and plans
 * that revoke more holdings than allowed. Each refusal names the numbers or the account and how
 * to allow it. `kinds` rank levels and name entitlements; `holders` counts each entitlement's
 * holders now, by {@link entitlementKey}.
 */
export function guard(
  changes: readonly Change[],
  config: GuardConfig,
  kinds: KindCatalogue,
  overrides: GuardOverrides = {},
  holders: ReadonlyMap<string, number> = new Map(),
  emptied: readonly EmptiedRotation[] = [],
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const revokes = changes.filter((c) => c.action === 'revoke');
  const protectedLogins = new Set(config.protectedAccounts.map((l) => l.toLowerCase()));
  const rank = (c: Change, level: string): number => levelRank(kinds[c.entitlement.kind], level);
  const downgrades = changes.filter((c) => c.action === 'update' && c.previousLevel !== undefined && rank(c, c.previousLevel) > rank(c, c.entitlement.level));
  for (const c of [...revokes, ...downgrades]) {
    if (protectedLogins.has(c.subject.login.toLowerCase())) {
      out.push({ ...error(`refusing to ${c.action === 'revoke' ? 'revoke' : 'downgrade'} protected account ${c.subject.login} from ${entitlementName(c.entitlement, kinds[c.entitlement.kind])}: add it as a static member of a profile managing that ${c.entitlement.kind}, or remove it from guards.protectedAccounts`), code: 'guard', holding: holdingOf(c) });
    }
  }
  out.push(...shareRefusals(changes, config, kinds, overrides, holders));
  if (!overrides.allowEmptyRotations) {
    for (const r of emptied) {
      const hit = revokes.filter((c) => r.entitlements.includes(entitlementKey(c.entitlement)));
      if (hit.length > 0) {
        out.push({ ...error(`refusing ${hit.length} revocation(s) fed by ${r.label}: it had ${r.before} on call at the last apply and has nobody now, which looks like a broken schedule. If it is expected, set spec.allowEmptyRotations: true in the profile or re-run with --allow-empty-rotations`), code: 'guard' });
      }
    }
  }
  const max = overrides.maxRevocations ?? config.maxRevocations;
  if (max !== undefined && revokes.length > max) {
    out.push({ ...error(`refusing a plan that revokes ${plural(revokes.length, 'holding')}: guards.maxRevocations allows ${max}. Check the plan, then re-run with --max-revocations ${revokes.length} to allow it once`), code: 'guard' });
  }
  return out;
}

/**
 * The share guard. A configured `guards.maxRevocationShare` (or the flag) bounds the revocations
 * in each entitlement against its holders now. Without one, the default bounds what an
 * entitlement loses: revocations minus grants, refused when more than
 * {@link DEFAULT_REVOCATION_SHARE} of its holders (or the flag's share) and at least
 * {@link DEFAULT_SHARE_MIN_REVOCATIONS} people, so handoffs and small teams pass while a broken
 * schedule or identities file cannot empty a team.
 */
function shareRefusals(changes: readonly Change[], config: GuardConfig, kinds: KindCatalogue, overrides: GuardOverrides, holders: ReadonlyMap<string, number>): Diagnostic[] {
  const configured = config.maxRevocationShare !== undefined;
  const share = overrides.maxRevocationShare ?? config.maxRevocationShare ?? DEFAULT_REVOCATION_SHARE;
  const perTeam = new Map<string, { name: string; revoked: number; granted: number }>();
  for (const c of changes) {
    const key = entitlementKey(c.entitlement);
    const counts = perTeam.get(key) ?? { name: entitlementName(c.entitlement, kinds[c.entitlement.kind]).toLowerCase(), revoked: 0, granted: 0 };
    if (c.action === 'revoke') counts.revoked += 1;
    if (c.action === 'grant') counts.granted += 1;
    perTeam.set(key, counts);
  }
  const out: Diagnostic[] = [];
  for (const [key, { name: team, revoked, granted }] of perTeam) {
    const total = holders.get(key) ?? revoked;
    const lost = configured ? revoked : revoked - granted;
    if (revoked === 0 || lost / total <= share || (!configured && lost < DEFAULT_SHARE_MIN_REVOCATIONS)) continue;
    const allow = `Check the plan, then re-run with --max-revocation-share ${Math.ceil((lost / total) * 100) / 100} to allow it once`;
    const flag = overrides.maxRevocationShare !== undefined ? `--max-revocation-share allows ${Math.round(share * 100)}%` : undefined;
    const message = configured
      ? `refusing to revoke ${revoked} of ${total} holders of ${team}: ${flag ?? `guards.maxRevocationShare allows ${Math.round(share * 100)}%`}. ${allow}`
      : `refusing to shrink ${team} from ${total} to ${total - lost} holders (${revoked} revoked, ${granted} granted): ${flag ?? 'by default a run may not take more than half of a team once that is 3 or more people; set guards.maxRevocationShare to choose'}. ${allow}`;
    out.push({ ...error(message), code: 'guard' });
  }
  return out;
}
