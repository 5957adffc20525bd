/**
 * Every type of target, by the `type` a config declares it with: the kinds of entitlement it
 * holds, what it adds to the published schemas, how a person is found on it, and how its adapter
 * is made. A target type is a folder (`targets/<type>/`: adapter, kinds, schema fragment,
 * identity sources, library notes) plus its entry here; its kinds are also listed in kinds.ts,
 * which the pure layers import without loading any adapter.
 */
import type { IdentityEntry, TargetConfig } from '../config/model.js';
import type { KindCatalogue } from '../core/entitlement.js';
import type { Fetch } from '../http/read-only.js';
import { fileAccounts } from '../identities.js';
import { GITHUB_SCHEMA } from './github/schema.js';
import { connectGitHub } from './github/target.js';
import { TARGET_KINDS } from './kinds.js';
import type { SchemaFragment, Target } from './target.js';

/** What the rest of the tool knows of one type of target. */
export interface TargetType {
  /** The kinds of entitlement it holds, the one a profile names first. */
  kinds: KindCatalogue;
  /** What it adds to the published JSON Schemas (merged in by `npm run schemas`). */
  schema: SchemaFragment;
  /**
   * Identity resolution through the identities file: each person's account on targets of this
   * type (the entry's key of the type's name, `github: alice-gh`). The adapter's own identity
   * sources come after it, in the order the config gives (`Target.readIdentities`).
   */
  fileIdentities(entries: readonly IdentityEntry[]): { email: string; login: string }[];
  /** The adapter for a target the config declares, with the token its `tokenEnv` holds (checked by the caller). */
  connect(config: TargetConfig, options: { token?: string; fetch: Fetch }): Target;
}

/** Every target type, by the name a config's `type` gives it. */
export const TARGET_TYPES: Readonly<Record<TargetConfig['type'], TargetType>> = {
  github: { kinds: TARGET_KINDS.github, schema: GITHUB_SCHEMA, fileIdentities: (entries) => fileAccounts(entries, 'github'), connect: connectGitHub },
};
