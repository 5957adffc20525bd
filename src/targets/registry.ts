/**
 * Every type of target, by the `type` a config declares it with: its declaration (the pure part:
 * kinds, schema fragment, settings, profile fields; targets/kinds.ts), how a person is found on
 * it through the identities file, how its adapter is made and what `doctor` checks of it. A
 * target type is a folder (`targets/<type>/`: adapter, declaration, kinds, schema fragment,
 * identity sources, doctor, library notes) plus its entries here and in kinds.ts.
 */
import type { IdentityEntry, TargetConfig, TargetTypeName, Workspace } from '../config/model.js';
import type { Fetch } from '../http/read-only.js';
import { fileAccounts } from '../identities.js';
import type { Check } from '../observe/check.js';
import type { TargetDeclaration } from './declaration.js';
import { githubChecks } from './github/doctor-checks.js';
import { connectGitHub } from './github/target.js';
import { slackChecks } from './slack/doctor-checks.js';
import { connectSlack } from './slack/target.js';
import { TARGET_DECLARATIONS } from './kinds.js';
import { oktaChecks } from './okta/doctor-checks.js';
import { connectOkta } from './okta/target.js';
import type { ConnectOptions, Target } from './target.js';

/** What the rest of the tool knows of one type of target. */
export interface TargetType<C extends TargetConfig = TargetConfig> {
  /** Its pure part: kinds, schema fragment, settings, profile fields. */
  declaration: TargetDeclaration<C>;
  /**
   * Identity resolution through the identities file: each person's account on targets of this
   * type (the entry's key of the type's name, `github: alice-gh`). The adapter's own identity
   * sources come after it, in the order the declaration gives (`Target.readIdentities`).
   */
  fileIdentities(entries: readonly IdentityEntry[]): { email: string; login: string }[];
  /** The adapter for a target the config declares, with the token its `tokenEnv` holds (checked by the caller). */
  connect(config: C, options: ConnectOptions): Target;
  /** `doctor`'s checks of one target of this type after its token line: the API, apply's writes, each managed entitlement, identity sources. */
  checks(ws: Workspace, config: C, env: NodeJS.ProcessEnv, fetch: Fetch): Promise<Check[]>;
}

/** Every target type, by the name a config's `type` gives it. */
export const TARGET_TYPES: { readonly [T in TargetTypeName]: TargetType<Extract<TargetConfig, { type: T }>> } = {
  github: { declaration: TARGET_DECLARATIONS.github, fileIdentities: (entries) => fileAccounts(entries, 'github'), connect: connectGitHub, checks: githubChecks },
  slack: { declaration: TARGET_DECLARATIONS.slack, fileIdentities: (entries) => fileAccounts(entries, 'slack'), connect: connectSlack, checks: slackChecks },
  okta: { declaration: TARGET_DECLARATIONS.okta, fileIdentities: (entries) => fileAccounts(entries, 'okta'), connect: (config, options) => connectOkta(config, options), checks: oktaChecks },
};

/** The type of target `config`, for code that holds a target of any type. */
export function targetType(config: TargetConfig): TargetType {
  return TARGET_TYPES[config.type] as unknown as TargetType;
}
