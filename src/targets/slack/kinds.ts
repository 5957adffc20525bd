/**
 * What the Slack target holds, declared for the core ({@link KindSpec}): memberships of user
 * groups. A resource is the group's mention handle with its `@` (`@payments-oncall`, lowercase,
 * as Slack keeps handles) or, when a profile names the group by id, the id (`S0614TZR7`).
 */
import type { KindSpec } from '../../core/entitlement.js';

/**
 * Slack's kind. A user group has one level (member); it is exclusive by default (the group is
 * exactly who is on call plus static members), may be additive, and is adopted before its first
 * apply, like a GitHub team. Its accounts are user ids, shown after the person's name.
 */
export const SLACK_KINDS = {
  usergroup: {
    levels: ['member'],
    memberships: ['exclusive', 'additive'],
    adoptable: true,
    shown: 'resource',
    plural: 'user groups',
    account: 'id',
    unresolved: "is not in Slack (no user of the workspace has that email, and the identities file gives no slack: user id); adding nobody to the user group",
  },
} as const satisfies Record<string, KindSpec>;

/** Slack's one kind. */
export type SlackKind = keyof typeof SLACK_KINDS;

/** A user group id as Slack encodes it (`S...`); anything else a profile writes is a handle. */
const GROUP_ID = /^S[A-Z0-9]{8,19}$/;

/** The resource of a user group as a profile writes it: `@handle` (lowercase) or the id. */
export function slackResource(written: string): string {
  return GROUP_ID.test(written) ? written : `@${written.replace(/^@/, '').toLowerCase()}`;
}

/** What a resource names: a handle (without `@`) or an id. */
export function groupRef(resource: string): { handle: string } | { id: string } {
  return resource.startsWith('@') ? { handle: resource.slice(1) } : { id: resource.toUpperCase() };
}
