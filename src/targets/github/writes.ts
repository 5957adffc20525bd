/**
 * GitHub's membership writes (REST): a team membership with a role, a repository permission,
 * and taking either back (or the pending invitation to it). GitHub has no bulk form: one
 * request per change, paced by the client.
 */
import type { Octokit } from 'octokit';
import type { TeamRef } from './reads.js';
import type { RepoPermission, TeamRole } from './kinds.js';

/** A team membership with a role, as {@link setMembership} makes it. */
export interface TeamEntitlement extends TeamRef {
  kind?: 'team';
  role: TeamRole;
}

/** Adds `login` to the team with `e.role`, or changes their role to it (a non-member of the organisation is invited). */
export async function setMembership(octokit: Octokit, e: TeamEntitlement, login: string): Promise<void> {
  await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: e.org, team_slug: e.team, username: login, role: e.role satisfies TeamRole });
}

/** Removes `login` from the team (and cancels a pending invitation to it). */
export async function removeMembership(octokit: Octokit, t: TeamRef, login: string): Promise<void> {
  await octokit.rest.teams.removeMembershipForUserInOrg({ org: t.org, team_slug: t.team, username: login });
}

/** Makes `login` a direct collaborator with `permission` (invites them, or changes their permission). */
export async function setRepoPermission(octokit: Octokit, org: string, repository: string, login: string, permission: RepoPermission): Promise<void> {
  await octokit.rest.repos.addCollaborator({ owner: org, repo: repository, username: login, permission });
}

/** Cancels `login`'s pending invitation to the repository if there is one, else removes them as a collaborator. */
export async function removeRepoCollaborator(octokit: Octokit, org: string, repository: string, login: string): Promise<void> {
  const invitations = await octokit.paginate(octokit.rest.repos.listInvitations, { owner: org, repo: repository, per_page: 100 });
  const pending = invitations.find((i) => i.invitee?.login.toLowerCase() === login.toLowerCase());
  if (pending) await octokit.rest.repos.deleteInvitation({ owner: org, repo: repository, invitation_id: pending.id });
  else await octokit.rest.repos.removeCollaborator({ owner: org, repo: repository, username: login });
}
