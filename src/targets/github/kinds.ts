/**
 * What the GitHub target holds, declared for the core ({@link KindSpec}): memberships of teams
 * with a role, and permissions of direct collaborators on repositories. Resources are
 * `org/team-slug` and `org/repository`; GitHub compares both case-insensitively, as the core's
 * keys do. Self-contained, so that it moves with the target.
 */
import type { EntitlementRef, KindSpec } from '../../core/entitlement.js';

/** A team role, lowest first. */
export const TEAM_ROLES = ['member', 'maintainer'] as const;

/** A GitHub team role. */
export type TeamRole = (typeof TEAM_ROLES)[number];

/** A repository permission, lowest first. */
export const REPO_PERMISSIONS = ['pull', 'triage', 'push', 'maintain', 'admin'] as const;

/** A GitHub repository permission for outside collaborators or members. */
export type RepoPermission = (typeof REPO_PERMISSIONS)[number];

/**
 * GitHub's kinds. A team is exclusive by default (members no profile wants are removed), may be
 * additive, and is adopted before its first apply; it reads as `org/team`. A repository
 * permission is always additive (only what the tool granted is revoked) and reads as
 * `org/repo (repository)`.
 */
export const GITHUB_KINDS = {
  team: { levels: TEAM_ROLES, memberships: ['exclusive', 'additive'], adoptable: true, shown: 'resource', plural: 'teams' },
  repository: { levels: REPO_PERMISSIONS, memberships: ['additive'], adoptable: false, shown: 'resource (kind)', plural: 'repositories' },
} as const satisfies Record<string, KindSpec>;

/** A GitHub kind. */
export type GitHubKind = keyof typeof GITHUB_KINDS;

/** The resource of team or repository `name` in organisation `org`: `org/name`. */
export function githubResource(org: string, name: string): string {
  return `${org}/${name}`;
}

/** The organisation and the team slug or repository name of a GitHub resource (`org/name`). */
export function splitResource(resource: string): { org: string; name: string } {
  const slash = resource.indexOf('/');
  return { org: resource.slice(0, slash), name: resource.slice(slash + 1) };
}

/**
 * How version 1 of the plan, ledger, adopted-teams, audit and journal formats named an
 * entitlement: they knew GitHub only, so an organisation and a team with a role, or a
 * repository with a permission.
 */
export interface V1Entitlement {
  org: string;
  team?: string;
  repository?: string;
  role?: string;
  permission?: string;
}

/** A version-1 entitlement (see {@link V1Entitlement}) as a kind, a resource and, when it had one, a level. */
export function fromV1(e: V1Entitlement): { kind: GitHubKind; resource: string; level?: string } {
  const level = typeof e.repository === 'string' ? e.permission : e.role;
  const kind = typeof e.repository === 'string' ? 'repository' : 'team';
  return { kind, resource: githubResource(e.org, (e.repository ?? e.team) as string), ...(level === undefined ? {} : { level }) };
}

/**
 * GitHub's words for an entitlement, which the report and timeline formats of version 1 carry
 * besides the kind and resource: the organisation, and the team or the repository (null for
 * the other, and for a kind GitHub does not declare).
 */
export function githubFields(ref: Pick<EntitlementRef, 'kind' | 'resource'>): { org: string; team: string | null; repository: string | null } {
  const { org, name } = splitResource(ref.resource);
  return { org, team: ref.kind === 'team' ? name : null, repository: ref.kind === 'repository' ? name : null };
}
