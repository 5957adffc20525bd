/**
 * The pure part of a target type: what config loading, validation and the renderers know of it
 * without loading its adapter (and its HTTP client). Each type declares one, in
 * `targets/<type>/declaration.ts`; `targets/kinds.ts` lists them.
 */
import type { TargetBase, TargetConfig } from '../config/model.js';
import type { KindCatalogue, Membership } from '../core/entitlement.js';
import type { IdentityMethod } from '../identities.js';
import type { SchemaFragment } from './target.js';

/** A profile entitlement's fields besides `target`, as the schema has checked them. */
export type EntitlementFields = Readonly<Record<string, unknown>>;

/**
 * What a type makes of a profile's entitlement: its kind, its resource in the target's words, the
 * resource as written, and the level and membership the profile asks for (the kind's first level
 * and default membership when absent); or the problem with it, and the field at fault.
 */
export type ResolvedEntitlement =
  | { kind: string; resource: string; written: string; level?: string; membership?: Membership; adopt?: 'remove-drift'; problem?: undefined }
  | { problem: string; field?: string };

/** What the pure layers know of one target type (see the module comment). */
export interface TargetDeclaration<C extends TargetConfig = TargetConfig> {
  /** The kinds of entitlement it holds, the one a profile names first. */
  kinds: KindCatalogue;
  /** What a person's account on it is called in messages (`GitHub login`). */
  account: string;
  /** What it adds to the published JSON Schemas (merged in by `npm run schemas`). */
  schema: SchemaFragment;
  /** The type's own settings from its config block (checked by the schema): `type` and the fields beyond {@link TargetBase}. */
  settings(block: Readonly<Record<string, unknown>>): Omit<C, keyof TargetBase>;
  /** How messages name what a target of this type manages (GitHub: the organisation). */
  scope(target: C): string;
  /**
   * The identity methods tried for a target of this type, in order, given the config's
   * `spec.identities.resolve`: each email goes to the first method that knows it.
   */
  identityMethods(configured: readonly IdentityMethod[]): IdentityMethod[];
  /**
   * A profile entitlement on a target of this type. `target` is the config's target it names,
   * `undefined` when the config declares none (reported by the semantic checks, the workspace
   * refused, so the resource is never used).
   */
  entitlement(fields: EntitlementFields, target: C | undefined): ResolvedEntitlement;
}
