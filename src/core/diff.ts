/**
 * diff: wanted holdings against observed ones gives the changes. Pure. Entitlements that could
 * not be read get no change at all; those fed by an unreadable rotation get no revocation and no
 * downgrade.
 */
import { error, warning, type Diagnostic } from './diagnostics.js';
import type { Desired, ManagedEntitlement } from './desire.js';
import { entitlementKey, entitlementName, entitlementTitle, holdingKey, levelRank, refOf, type Entitlement, type EntitlementRef, type HoldingRef } from './entitlement.js';
import type { HoldersRead } from './observed.js';
import type { Adoption, Change, HeldAccess } from './plan.js';
import { instant } from './shift.js';

/**
 * What the audit log says of a ledger entry; absent when an applied grant there, not revoked
 * since, records it. `unrecorded`: no audit line records the grant, so the entry may be forged and
 * is never taken as this tool's grant. `restored`: the ledger lost the entry, but the audit log
 * records the grant and no revocation after it, so it is still this tool's grant.
 */
export type LedgerAudit = 'unrecorded' | 'restored';

/** A holding the grant ledger names (or the audit log restores). */
export interface LedgerRef extends HoldingRef {
  audit?: LedgerAudit;
  /** ISO instant the grant was made. */
  grantedAt?: string;
}

/** The entitlement of a managed one at `level`. */
export function entitlementOf(m: EntitlementRef, level: string): Entitlement {
  return { ...refOf(m), level };
}

/** Changes, the count of holdings already right, and problems. */
export interface DiffResult {
  changes: Change[];
  unchanged: number;
  diagnostics: Diagnostic[];
  /** Ledger entries whose holding is gone (removed by hand): apply drops them. */
  prune: HoldingRef[];
  /** Entitlements being adopted, with the unwanted holders kept. */
  adoption: Adoption[];
  /** Entitlements apply records as adopted (see `PlanState.adopt`). */
  adopt: EntitlementRef[];
  /** Holders an incident hold keeps instead of revoking them. */
  holds: HeldAccess[];
}

/**
 * What the state says of adoption, and what this run was told: `adopted` holds the
 * {@link entitlementKey} of every exclusive entitlement this tool has applied to; `removeDrift`
 * is `--adopt remove-drift` (every one being adopted loses its unwanted holders this run).
 */
export interface AdoptionInput {
  adopted: ReadonlySet<string>;
  removeDrift: boolean;
}

/**
 * Diffs every managed entitlement; `observed` is keyed by {@link entitlementKey}. `ledger` is
 * what this tool granted, checked against the audit log by the caller ({@link LedgerAudit}): in
 * additive entitlements (every repository permission) only those holders may be revoked or have
 * their level changed, a holder someone else granted is never taken over, and an `unrecorded`
 * entry decides nothing: the change it would have made is refused with an error scoped to its
 * holding. An exclusive entitlement of an adoptable kind not yet adopted ({@link AdoptionInput})
 * revokes like an additive one and lists the holders it keeps, unless told to remove them;
 * without `adoption`, every one counts as adopted.
 */
export function diff(desired: Desired, observed: ReadonlyMap<string, HoldersRead>, ledger: readonly LedgerRef[] = [], adoption?: AdoptionInput): DiffResult {
  const result: DiffResult = { changes: [], unchanged: 0, diagnostics: [], prune: [], adoption: [], adopt: [], holds: [] };
  for (const [key, team] of desired.entitlements) {
    const own = ledger.filter((e) => entitlementKey(e) === key);
    diffTeam(team, observed.get(key), own, result, adoption);
  }
  result.adoption.sort((a, b) => byCodeUnits(entitlementKey(a), entitlementKey(b)));
  result.holds.sort((a, b) => byCodeUnits(holdingKey(a), holdingKey(b)));
  return result;
}

/** How an exclusive, adoptable entitlement is adopted this run: `kept` when its unwanted holders stay, `removed` when they go; undefined once adopted (or for others). */
function adopting(team: ManagedEntitlement, adoption: AdoptionInput | undefined): 'kept' | 'removed' | undefined {
  if (adoption === undefined || !team.spec.adoptable || team.membership !== 'exclusive' || adoption.adopted.has(entitlementKey(team))) return undefined;
  return adoption.removeDrift || team.removeDrift ? 'removed' : 'kept';
}

function diffTeam(team: ManagedEntitlement, read: HoldersRead | undefined, own: readonly LedgerRef[], out: DiffResult, adoption: AdoptionInput | undefined): void {
  const where = entitlementName(team, team.spec);
  const title = entitlementTitle(team, team.spec);
  if (!read || !read.ok) {
    out.diagnostics.push({ ...error(`cannot read ${title} on ${team.target}: ${read ? read.error : 'it was not read'}. It is frozen: no change is planned for it`, read?.pos ?? team.declaredAt), code: 'read-failed' });
    return;
  }
  const frozen = team.unknownRotations.length > 0;
  const adopt = adopting(team, adoption);
  const base = { profiles: team.profiles };
  const held = new Map(read.holders.map((h) => [h.login.toLowerCase(), h]));
  const entries = new Map(own.map((e) => [e.login.toLowerCase(), e]));
  const granted = new Set(own.filter((e) => e.audit !== 'unrecorded').map((e) => e.login.toLowerCase()));
  /** True when the ledger says this tool granted `login`'s holding (saying why when the audit log disagrees). */
  const ledgerSays = (login: string, what: string): boolean => {
    const note = ledgerNote(entries.get(login), what, where);
    if (note) out.diagnostics.push(note);
    return granted.has(login);
  };
  /** True when this tool may change `login`'s holding: any holder of an exclusive entitlement, only its own grants elsewhere. */
  const mine = (login: string, what: string): boolean => team.membership === 'exclusive' || ledgerSays(login, what);
  for (const [key, want] of team.holders) {
    const have = held.get(key);
    const entitlement = entitlementOf(team, want.level);
    const subject = { login: have?.login ?? want.login, ...(want.email ? { email: want.email } : {}) };
    const until = want.until?.toISOString();
    if (!have) {
      out.changes.push({ action: 'grant', ...base, entitlement, subject, reasons: want.reasons, ...(until ? { until } : {}) });
    } else if (have.state === 'active' && have.role !== want.level && !(frozen && levelRank(team.spec, want.level) < levelRank(team.spec, have.role)) && mine(key, `update ${have.login} on ${where} to ${want.level}`)) {
      out.changes.push({ action: 'update', ...base, entitlement, subject, reasons: want.reasons, previousLevel: have.role, ...(until ? { until } : {}) });
    } else {
      out.unchanged += 1;
    }
  }
  out.prune.push(...own.filter((e) => e.audit !== 'restored' && !held.has(e.login.toLowerCase())).map((e) => ({ ...refOf(e), login: e.login })));
  const unrevocable = read.holders.filter((h) => h.heldBy !== undefined && !team.holders.has(h.login.toLowerCase()));
  for (const h of unrevocable) {
    out.diagnostics.push(warning(`${title}: ${h.login} is held by ${h.heldBy}, which this tool cannot remove, though no profile wants it: change that on ${team.target} if ${h.login} should not hold it`));
  }
  const unwanted = read.holders.filter((h) => h.heldBy === undefined && !team.holders.has(h.login.toLowerCase()));
  if (frozen) {
    const kept = unwanted.filter((h) => team.membership === 'exclusive' || granted.has(h.login.toLowerCase()));
    if (kept.length > 0) {
      out.diagnostics.push({ ...warning(`${title}: ${kept.length} holder(s) kept because ${team.unknownRotations.join(', ')} could not be read`), code: 'read-failed' });
    }
    return;
  }
  // While an entitlement is adopted with its drift kept, only what this tool granted is revoked.
  const revocable = (login: string, what: string): boolean => (adopt === 'kept' ? ledgerSays(login, what) : mine(login, what));
  const [revoked, kept] = partition(
    unwanted.filter((h) => !keptByHold(team, h.login, out)),
    (x) => revocable(x.login.toLowerCase(), `revoke ${x.login} from ${where}`),
  );
  if (adopt !== undefined) {
    if (kept.length > 0) {
      const held = kept.map((h) => ({ login: h.login, level: h.role, ...(h.state === 'pending' ? { pending: true as const } : {}) }));
      out.adoption.push({ ...refOf(team), kept: held.sort((a, b) => byCodeUnits(a.login, b.login)), profiles: team.profiles, declaredAt: team.declaredAt });
    } else out.adopt.push(refOf(team));
  }
  for (const h of revoked) {
    const past = team.recentlyOnCall.get(h.login.toLowerCase());
    const reasons = past ? [`no longer on call in ${past.label} (shift ended ${instant(past.end)})`] : [`not on call and not a static member of ${team.profiles.join(', ')}`];
    const drift = !past && !granted.has(h.login.toLowerCase());
    if (adopt === 'removed' && !granted.has(h.login.toLowerCase())) reasons.push(`adopting ${where}: this tool did not grant it, removed as ${adoption?.removeDrift ? '--adopt remove-drift' : 'adopt: remove-drift'} says`);
    out.changes.push({
      action: 'revoke',
      ...base,
      entitlement: entitlementOf(team, h.role),
      // People read by name where accounts are opaque ids (Slack's), when the handoff says who it was.
      subject: { login: h.login, ...(team.spec.account === 'id' && past ? { email: past.email } : {}) },
      reasons,
      ...(drift ? { drift: true } : {}),
      ...(h.state === 'pending' ? { pending: true } : {}),
    });
  }
}

/**
 * True when an incident hold keeps `login`, a holder of `team` no profile wants now: the hold is
 * added to the plan's. Only a present holder can be kept, so a hold never grants.
 */
function keptByHold(team: ManagedEntitlement, login: string, out: DiffResult): boolean {
  const hold = team.holds.get(login.toLowerCase());
  if (hold === undefined) return false;
  const incident = { number: hold.incident.number, title: hold.incident.title, status: hold.incident.status, relation: hold.incident.relation };
  out.holds.push({ ...refOf(team), login, profile: hold.profile, until: hold.until.toISOString(), incident });
  return true;
}

/**
 * What to say when the ledger decides a change of an additive holding (`what`) against the audit
 * log: an `unrecorded` entry refuses it (an error scoped to the holding), a `restored` one makes
 * it with a warning that the ledger lost the entry.
 */
function ledgerNote(entry: LedgerRef | undefined, what: string, where: string): Diagnostic | undefined {
  if (entry?.audit === 'unrecorded') {
    const message = `refusing to ${what}: the grant ledger says this tool granted it, but no audit line records this grant, so the entry may be forged; if it is genuine, make the change by hand and delete the entry from grants.json; if not, delete the entry`;
    return { ...error(message), code: 'ledger', holding: { ...refOf(entry), login: entry.login } };
  }
  if (entry?.audit === 'restored') {
    return { ...warning(`the grant ledger has no entry for ${entry.login} on ${where}, but the audit log records this tool granted it (${entry.grantedAt}) and has not revoked it: it is still this tool's grant, so the plan will ${what}; restore the entry from git history (git log -p grants.json)`), code: 'ledger' };
  }
  return undefined;
}

/** `items` split by `test`: those it holds for, then the rest. */
function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = [];
  const no: T[] = [];
  for (const item of items) (test(item) ? yes : no).push(item);
  return [yes, no];
}

/** Orders strings by UTF-16 code units: the same on every machine, unlike `localeCompare`. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
