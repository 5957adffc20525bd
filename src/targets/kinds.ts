/**
 * Every target type's declaration (targets/<type>/declaration.ts), and what the pure layers read
 * of them: the kinds of entitlement each type holds, by type and all together, and how people
 * read an entitlement. Loads no adapter. Adding a target type adds its declaration here.
 */
import type { TargetConfig, TargetTypeName } from '../config/model.js';

export type { TargetTypeName } from '../config/model.js';
import { entitlementName, entitlementTitle, type EntitlementRef, type KindCatalogue } from '../core/entitlement.js';
import type { ReportEntitlement } from '../core/report.js';
import type { TargetDeclaration } from './declaration.js';
import { GITHUB_DECLARATION } from './github/declaration.js';
import { githubFields } from './github/kinds.js';
import { SLACK_DECLARATION } from './slack/declaration.js';
import { OKTA_DECLARATION } from './okta/declaration.js';

/** Every target type's declaration, by the name a config's `type` gives it. */
export const TARGET_DECLARATIONS: { readonly [T in TargetTypeName]: TargetDeclaration<Extract<TargetConfig, { type: T }>> } = {
  github: GITHUB_DECLARATION,
  slack: SLACK_DECLARATION,
  okta: OKTA_DECLARATION,
};

/** The declaration of target type `type`, for code that holds a target of any type. */
export function declarationOf(type: TargetTypeName): TargetDeclaration {
  return TARGET_DECLARATIONS[type] as unknown as TargetDeclaration;
}

/** The kinds each target type declares, the one a profile names first. */
export const TARGET_KINDS: Readonly<Record<TargetTypeName, KindCatalogue>> = Object.fromEntries(Object.entries(TARGET_DECLARATIONS).map(([type, d]) => [type, d.kinds])) as Record<TargetTypeName, KindCatalogue>;

/** Every kind of every target type, by kind name: kind names are unique across targets. */
export const KINDS: KindCatalogue = Object.assign({}, ...Object.values(TARGET_KINDS));

/** How an entitlement reads to people (`acme/payments-deployers`, `acme/infra (repository)`), as its kind declares. */
export function nameOf(ref: Pick<EntitlementRef, 'kind' | 'resource'>): string {
  return entitlementName(ref, KINDS[ref.kind]);
}

/** How a sentence names an entitlement (`team acme/sre`, `acme/infra (repository)`). */
export function titleOf(ref: Pick<EntitlementRef, 'kind' | 'resource'>): string {
  return entitlementTitle(ref, KINDS[ref.kind]);
}

/**
 * What the access report says of an entitlement: its name, its target, the fields of report
 * format 1 (GitHub's organisation, and the team or the repository), then its kind and resource.
 */
export function reportEntitlement(ref: EntitlementRef): ReportEntitlement {
  return { name: nameOf(ref), target: ref.target, ...v1Fields(ref), kind: ref.kind, resource: ref.resource };
}

/**
 * The fields version 1 of the report and timeline formats name an entitlement with, from when
 * they knew GitHub only: the organisation, and the team or the repository; all null for an
 * entitlement of another target type (its `kind` and `resource` say what it is).
 */
export function v1Fields(ref: Pick<EntitlementRef, 'kind' | 'resource'>): { org: string | null; team: string | null; repository: string | null } {
  return ref.kind in TARGET_KINDS.github ? githubFields(ref) : { org: null, team: null, repository: null };
}
