/**
 * Every kind of entitlement the targets declare, by target type and all together: what the
 * config layer resolves profiles with, and what the commands hand the core and the renderers
 * as data. Adding a target adds its declaration here.
 */
import { entitlementName, entitlementTitle, type EntitlementRef, type KindCatalogue } from '../core/entitlement.js';
import type { ReportEntitlement } from '../core/report.js';
import { githubFields, GITHUB_KINDS } from './github/kinds.js';

/** The kinds each target type declares, the one a profile names first. */
export const TARGET_KINDS: Readonly<Record<'github', KindCatalogue>> = { github: GITHUB_KINDS };

/** What a person's account on each target type is called in messages. */
export const ACCOUNT_NAMES: Readonly<Record<keyof typeof TARGET_KINDS, string>> = { github: 'GitHub login' };

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
  return { name: nameOf(ref), target: ref.target, ...githubFields(ref), kind: ref.kind, resource: ref.resource };
}
