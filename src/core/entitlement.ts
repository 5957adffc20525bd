/**
 * Entitlements as the core sees them: an opaque reference (target, kind, resource) held at a
 * level, whose meaning the target declares. The core keys, names and ranks them only through what
 * a kind's declaration ({@link KindSpec}) says, handed to it as data; it knows no platform.
 */

/** `exclusive`: the tool removes holders no profile wants. `additive`: only what it granted. */
export type Membership = 'exclusive' | 'additive';

/** What a target declares of one kind of entitlement it holds (GitHub's: src/targets/github/kinds.ts). Plain data. */
export interface KindSpec {
  /**
   * The levels an entitlement of this kind is held at, lowest first. When several reasons ask for
   * different levels the highest wins; changing a holder to a lower one is a downgrade. A profile
   * that names no level gets the first.
   */
  levels: readonly string[];
  /** The membership modes a profile may give it, the default first. */
  memberships: readonly Membership[];
  /**
   * True when an exclusive entitlement of this kind is adopted: until the tool first applies to
   * it, holders no profile wants and the tool did not grant are kept and listed (`Plan.adoption`).
   */
  adoptable: boolean;
  /**
   * How a reference of this kind reads to people ({@link entitlementName}): the bare resource
   * (`acme/payments-deployers`), or the resource and the kind (`acme/infra (repository)`). A
   * target lets at most its first kind read bare, so that no two of its kinds read alike.
   */
  shown: 'resource' | 'resource (kind)';
  /** The kind's name for several of it (`repositories`), as summaries count them. */
  plural: string;
  /**
   * `id` when accounts on it are opaque ids (Slack's `U0…`): people read as a name (their email's
   * local part) with the id after it. Absent: accounts are names people know (GitHub logins).
   */
  account?: 'id';
  /**
   * What a plan says of someone a profile entitles who has no account on the target, after
   * `... is entitled by profile P but `. Absent: `has no GitHub login; granting nothing (add them
   * to the identities file)`.
   */
  unresolved?: string;
}

/** Every kind the targets declare, by kind name (unique across targets). */
export type KindCatalogue = Readonly<Record<string, KindSpec>>;

/**
 * One grantable thing: on the target named `target` in the config, a `kind` the target declares,
 * and the `resource` in the target's words (GitHub: `org/team-slug`, `org/repository`). A target
 * must give resources whose letter case does not matter, or normalise them: {@link entitlementKey}
 * compares them case-insensitively.
 */
export interface EntitlementRef {
  /** The target's name in the config. */
  target: string;
  /** The kind, as the target declares it (GitHub: `team`, `repository`). */
  kind: string;
  /** What is granted, in the target's words. */
  resource: string;
}

/** An entitlement held at a level: for a grant or update the level wanted, for a revocation the level held. */
export interface Entitlement extends EntitlementRef {
  /** One of the kind's {@link KindSpec.levels} (GitHub: a team role, a repository permission). */
  level: string;
}

/** One account's holding of one entitlement: what a ledger entry, a change and a refusal are about. */
export interface HoldingRef extends EntitlementRef {
  /** The account on the target (GitHub: the login). */
  login: string;
}

/**
 * The key of an entitlement across the tool: `target/kind/resource`, lower-cased (GitHub's names
 * are case-insensitive, and targets give resources whose case does not matter). Two references
 * with the same key are the same entitlement.
 */
export function entitlementKey(ref: EntitlementRef): string {
  return `${ref.target}/${ref.kind}/${ref.resource}`.toLowerCase();
}

/** The key of one account's holding: {@link entitlementKey} and the login, lower-cased. */
export function holdingKey(h: HoldingRef): string {
  return `${entitlementKey(h)}/${h.login.toLowerCase()}`;
}

/** The reference alone: `x` without any other field (a change's entitlement without its level, a ledger entry without its login). */
export function refOf(x: EntitlementRef): EntitlementRef {
  return { target: x.target, kind: x.kind, resource: x.resource };
}

/**
 * How an entitlement reads to people, as its kind's declaration says ({@link KindSpec.shown}):
 * `acme/payments-deployers` for a GitHub team, `acme/infra (repository)` for a repository. A
 * kind nobody declares reads with its kind.
 */
export function entitlementName(ref: Pick<EntitlementRef, 'kind' | 'resource'>, spec: KindSpec | undefined): string {
  return spec?.shown === 'resource' ? ref.resource : `${ref.resource} (${ref.kind})`;
}

/** How a sentence names an entitlement: a bare name with its kind before it (`team acme/sre`), any other name as it is. */
export function entitlementTitle(ref: Pick<EntitlementRef, 'kind' | 'resource'>, spec: KindSpec | undefined): string {
  return spec?.shown === 'resource' ? `${ref.kind} ${ref.resource}` : entitlementName(ref, spec);
}

/** The rank of `level` among its kind's levels (0 the lowest); -1 for a level the kind does not declare. */
export function levelRank(spec: KindSpec | undefined, level: string): number {
  return spec?.levels.indexOf(level) ?? -1;
}
