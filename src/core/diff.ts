/**
 * diff: wanted holdings against observed ones gives the changes. Pure. Teams that could not
 * be read get no change at all; teams fed by an unreadable rotation get no revocation and no
 * role downgrade.
 */
import { error, warning, type Diagnostic } from '../diagnostics.js';
import type { RepoPermission, TeamRole } from '../config/model.js';
import type { HoldersRead } from '../targets/target.js';
import { entitlementKey, holdingsKey } from '../targets/target.js';
import { instant, type Desired, type ManagedEntitlement } from './desire.js';
import { entitlementName, LEVEL_RANK, type Change, type Entitlement, type Level } from './plan.js';

/** A holding the grant ledger names, identified by team (or repository) and login. */
export interface LedgerRef {
  target: string;
  org: string;
  /** The team, for a team membership. */
  team?: string;
  /** The repository, for a repository permission. */
  repository?: string;
  login: string;
}

/** The entitlement of a managed team or repository at `level`. */
export function entitlementOf(m: ManagedEntitlement, level: Level): Entitlement {
  return m.kind === 'repository'
    ? { kind: 'repository', org: m.org, repository: m.repository, permission: level as RepoPermission }
    : { kind: 'team', org: m.org, team: m.team, role: level as TeamRole };
}

/** Changes, the count of holdings already right, and problems. */
export interface DiffResult {
  changes: Change[];
  unchanged: number;
  diagnostics: Diagnostic[];
  /** Ledger entries whose holding is gone (removed by hand): apply drops them. */
  prune: LedgerRef[];
}

/**
 * Diffs every managed team and repository; `observed` is keyed by {@link holdingsKey}. Repositories
 * are always additive. `ledger` is
 * what this tool granted: in additive teams only those holders may be revoked, and a holder
 * someone else granted is never taken over.
 */
export function diff(desired: Desired, observed: ReadonlyMap<string, HoldersRead>, ledger: readonly LedgerRef[] = []): DiffResult {
  const result: DiffResult = { changes: [], unchanged: 0, diagnostics: [], prune: [] };
  for (const team of desired.teams.values()) {
    const own = ledger.filter((e) => e.target === team.target && entitlementKey(e) === entitlementKey(team));
    diffTeam(team, observed.get(holdingsKey(team.target, team)), own, result);
  }
  return result;
}

function diffTeam(team: ManagedEntitlement, read: HoldersRead | undefined, own: readonly LedgerRef[], out: DiffResult): void {
  const where = entitlementName(team);
  if (!read || !read.ok) {
    out.diagnostics.push({ ...error(`cannot read ${team.kind === 'team' ? 'team ' : ''}${where} on ${team.target}: ${read ? read.error : 'it was not read'}. No change is planned for it`), code: 'read-failed' });
    return;
  }
  const frozen = team.unknownRotations.length > 0;
  const base = { target: team.target, profiles: team.profiles };
  const held = new Map(read.holders.map((h) => [h.login.toLowerCase(), h]));
  for (const [key, want] of team.holders) {
    const have = held.get(key);
    const entitlement = entitlementOf(team, want.role);
    const subject = { login: have?.login ?? want.login, ...(want.email ? { email: want.email } : {}) };
    const until = want.until?.toISOString();
    if (!have) {
      out.changes.push({ action: 'grant', ...base, entitlement, subject, reasons: want.reasons, ...(until ? { until } : {}) });
    } else if (have.state === 'active' && have.role !== want.role && !(frozen && LEVEL_RANK[want.role] < LEVEL_RANK[have.role]) && (team.membership === 'exclusive' || own.some((e) => e.login.toLowerCase() === key))) {
      out.changes.push({ action: 'update', ...base, entitlement, subject, reasons: want.reasons, previousRole: have.role, ...(until ? { until } : {}) });
    } else {
      out.unchanged += 1;
    }
  }
  const granted = new Set(own.map((e) => e.login.toLowerCase()));
  out.prune.push(...own.filter((e) => !held.has(e.login.toLowerCase())));
  const unwanted = read.holders.filter((h) => !team.holders.has(h.login.toLowerCase()) && (team.membership === 'exclusive' || granted.has(h.login.toLowerCase())));
  if (frozen) {
    if (unwanted.length > 0) {
      out.diagnostics.push({ ...warning(`${team.kind === 'team' ? 'team ' : ''}${where}: ${unwanted.length} holder(s) kept because ${team.unknownRotations.join(', ')} could not be read`), code: 'read-failed' });
    }
    return;
  }
  for (const h of unwanted) {
    const past = team.recentlyOnCall.get(h.login.toLowerCase());
    const reasons = past ? [`no longer on call in ${past.label} (shift ended ${instant(past.end)})`] : [`not on call and not a static member of ${team.profiles.join(', ')}`];
    const drift = !past && !granted.has(h.login.toLowerCase());
    out.changes.push({
      action: 'revoke',
      ...base,
      entitlement: entitlementOf(team, h.role),
      subject: { login: h.login },
      reasons,
      ...(drift ? { drift: true } : {}),
      ...(h.state === 'pending' ? { pending: true } : {}),
    });
  }
}
