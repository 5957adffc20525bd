/**
 * What the Okta target holds, declared for the core ({@link KindSpec}): memberships of Okta
 * groups. A group's resource is the group as the profile names it, its name or its id (Okta
 * compares names without case, as the core's keys do). Self-contained, so that it moves with the
 * target.
 */
import type { KindSpec } from '../../core/entitlement.js';

/** A group membership has one level. */
export const GROUP_LEVELS = ['member'] as const;

/**
 * Okta's kinds. A group is exclusive by default, as a GitHub team is: the groups this tool is
 * for (the one that SSO turns into a production role) should hold exactly the people on call, so
 * members no profile wants are removed; it may be additive, and it is adopted before its first
 * apply (members found there are kept and listed until the user says otherwise). It reads as
 * `prod-aws-oncall (group)`.
 */
export const OKTA_KINDS = {
  group: {
    levels: GROUP_LEVELS,
    memberships: ['exclusive', 'additive'],
    adoptable: true,
    shown: 'resource (kind)',
    plural: 'groups',
    unresolved: "is not in Okta (no user of the org has that email or login, and the identities file gives no okta: login); adding nobody to the group",
  },
} as const satisfies Record<string, KindSpec>;

/** An Okta kind. */
export type OktaKind = keyof typeof OKTA_KINDS;

/** Okta's group ids: `00g` and 17 more letters or digits. A profile's `group` that looks like one is taken as an id. */
export const GROUP_ID = /^00g[A-Za-z0-9]{17}$/;
