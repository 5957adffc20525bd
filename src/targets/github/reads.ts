/**
 * Who holds GitHub's entitlements now: immediate team members and roles (GraphQL, many teams per
 * query, child teams excluded), pending organisation invitations to teams (REST), and direct
 * repository collaborators and their invitations (REST). A team's member pages are checked
 * against `totalCount` and read again when members changed between pages.
 */
import type { Holder, HoldersRead } from '../../core/observed.js';
import type { ReadFailure } from '../../core/diagnostics.js';
import { failure, graphql, type GitHubApi } from './client.js';
import { REPOSITORY_PERMISSION } from './errors.js';
import type { RepoPermission } from './kinds.js';

/** A team to read, identified by org and slug. */
export interface TeamRef {
  org: string;
  team: string;
}

/** A repository to read, identified by org (owner) and name. */
export interface RepoRef {
  org: string;
  repository: string;
}

/** `org/team` lower-cased: how {@link readTeamHolders} keys a team's holders. */
export function teamKey(t: TeamRef): string {
  return `${t.org}/${t.team}`.toLowerCase();
}

/** `org/repo (repository)` lower-cased: how {@link readRepoHolders} keys a repository's holders. */
export function repoKey(r: RepoRef): string {
  return `${r.org}/${r.repository} (repository)`.toLowerCase();
}

/** How many teams one GraphQL query reads; each costs one node page of 100 members. */
export const TEAMS_PER_QUERY = 25;

interface MembersPage {
  /** Members in all pages; compared across pages to notice members joining or leaving mid-read. */
  totalCount?: number;
  edges: { role: 'MAINTAINER' | 'MEMBER'; node: { login: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const MEMBERS_FIELDS = 'members(first: 100, after: $after, membership: IMMEDIATE) { totalCount edges { role node { login } } pageInfo { hasNextPage endCursor } }';

/** Times a team's member pages are read again from the first when its members changed in between. */
export const PAGE_REREADS = 2;

/** GitHub's repository role names (`role_name`, invitation `permissions`) as the permissions profiles name. */
const REPO_ROLE: Readonly<Record<string, RepoPermission>> = { read: 'pull', pull: 'pull', triage: 'triage', write: 'push', push: 'push', maintain: 'maintain', admin: 'admin' };

/** The permission a collaborator holds: its `role_name`, else the highest flag in `permissions` (custom roles). */
export function repoPermission(roleName: string | undefined, flags?: Partial<Record<RepoPermission, boolean>>): RepoPermission {
  const named = roleName === undefined ? undefined : REPO_ROLE[roleName.toLowerCase()];
  if (named) return named;
  const order: RepoPermission[] = ['admin', 'maintain', 'push', 'triage', 'pull'];
  return order.find((p) => flags?.[p]) ?? 'pull';
}

/** Immediate holders of each team (child teams excluded) and its pending invitations, keyed by {@link teamKey}. */
export async function readTeamHolders(api: GitHubApi, teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>> {
  const out = new Map<string, HoldersRead>();
  const byOrg = new Map<string, TeamRef[]>();
  for (const t of teams) byOrg.set(t.org, [...(byOrg.get(t.org) ?? []), t]);
  await Promise.all(
    [...byOrg].map(async ([org, list]) => {
      const [members, pending] = await Promise.all([readMembers(api, org, list), readPending(api, org)]);
      for (const t of list) {
        const m = members.get(t.team)!;
        if (!m.ok) out.set(teamKey(t), m);
        else if (!pending.ok) out.set(teamKey(t), { ...pending, error: `cannot list pending invitations of ${org}: ${pending.error}` });
        else out.set(teamKey(t), { ok: true, holders: [...m.holders, ...(pending.byTeam.get(t.team.toLowerCase()) ?? []).filter((p) => !m.holders.some((h) => h.login.toLowerCase() === p.login.toLowerCase()))] });
      }
    }),
  );
  return out;
}

/**
 * Direct collaborators of each repository (`affiliation=direct`: people who hold it through a
 * team or as organisation owners are not this tool's to manage) with their permission, plus
 * pending invitations, which count as held; keyed by {@link repoKey}.
 */
export async function readRepoHolders(api: GitHubApi, repos: readonly RepoRef[]): Promise<Map<string, HoldersRead>> {
  const out = new Map<string, HoldersRead>();
  await Promise.all(
    repos.map(async (r) => {
      try {
        const [collaborators, invitations] = await Promise.all([
          api.octokit.paginate(api.octokit.rest.repos.listCollaborators, { owner: r.org, repo: r.repository, affiliation: 'direct', per_page: 100 }),
          api.octokit.paginate(api.octokit.rest.repos.listInvitations, { owner: r.org, repo: r.repository, per_page: 100 }),
        ]);
        const holders: Holder[] = collaborators.map((c) => ({ login: c.login, role: repoPermission(c.role_name, c.permissions), state: 'active' }));
        for (const inv of invitations) {
          const login = inv.invitee?.login;
          if (login && !inv.expired && !holders.some((h) => h.login.toLowerCase() === login.toLowerCase())) holders.push({ login, role: repoPermission(inv.permissions), state: 'pending' });
        }
        out.set(repoKey(r), { ok: true, holders });
      } catch (e) {
        const missing = (e as { status?: number }).status === 404;
        out.set(repoKey(r), missing ? { ok: false, error: `repository ${r.repository} does not exist in organisation ${r.org}, or the token cannot see it: create it there, or fix the repository name` } : failure(api, e, REPOSITORY_PERMISSION));
      }
    }),
  );
  return out;
}

async function readMembers(api: GitHubApi, org: string, teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>> {
  const out = new Map<string, HoldersRead>();
  const batches: TeamRef[][] = [];
  for (let i = 0; i < teams.length; i += TEAMS_PER_QUERY) batches.push(teams.slice(i, i + TEAMS_PER_QUERY));
  await Promise.all(
    batches.map(async (batch) => {
      const vars: Record<string, string | null> = { org, after: null };
      batch.forEach((t, i) => (vars[`s${i}`] = t.team));
      const query = `query($org: String!, $after: String, ${batch.map((_, i) => `$s${i}: String!`).join(', ')}) { organization(login: $org) { ${batch.map((_, i) => `t${i}: team(slug: $s${i}) { ${MEMBERS_FIELDS} }`).join(' ')} } }`;
      const data = await graphql(api, query, vars);
      await Promise.all(
        batch.map(async (t, i) => {
          if (!data.ok) return out.set(t.team, data);
          const page = (data.value.organization as Record<string, { members: MembersPage } | null> | null)?.[`t${i}`];
          if (!page) return out.set(t.team, { ok: false, error: `team ${t.team} does not exist in organisation ${org}, or the token cannot see it: create it there, or fix the team name` });
          out.set(t.team, await restOfTeam(api, org, t.team, page.members));
        }),
      );
    }),
  );
  return out;
}

/**
 * The team's members from its first page on. Pages are cursor-based, so a member joining or
 * leaving between two pages shifts members across the boundary: one would be read twice or
 * not at all (and then revoked, or dropped from the ledger). When `totalCount` changes between
 * pages, or the members read do not add up to it, the team is read again from its first page,
 * up to {@link PAGE_REREADS} times, after which the read fails.
 */
async function restOfTeam(api: GitHubApi, org: string, team: string, first: MembersPage): Promise<HoldersRead> {
  let start = first;
  for (let reread = 0; ; reread++) {
    const read = await pagesFrom(api, org, team, start);
    if (read !== 'changed') return read;
    if (reread >= PAGE_REREADS) return { ok: false, error: `the members of ${org}/${team} kept changing while being read (${PAGE_REREADS + 1} tries); the next run will read them again` };
    const again = await teamPage(api, org, team, null);
    if (!again.ok) return again;
    start = again.page;
  }
}

async function pagesFrom(api: GitHubApi, org: string, team: string, first: MembersPage): Promise<HoldersRead | 'changed'> {
  const holders: Holder[] = [];
  const total = first.totalCount;
  let page = first;
  for (;;) {
    if (total !== undefined && page.totalCount !== undefined && page.totalCount !== total) return 'changed';
    for (const e of page.edges) holders.push({ login: e.node.login, role: e.role === 'MAINTAINER' ? 'maintainer' : 'member', state: 'active' });
    if (!page.pageInfo.hasNextPage) return total === undefined || holders.length === total ? { ok: true, holders } : 'changed';
    const next = await teamPage(api, org, team, page.pageInfo.endCursor);
    if (!next.ok) return next;
    page = next.page;
  }
}

/** One page of one team's members. */
async function teamPage(api: GitHubApi, org: string, team: string, after: string | null): Promise<{ ok: true; page: MembersPage } | ReadFailure> {
  const query = `query($org: String!, $slug: String!, $after: String) { organization(login: $org) { team(slug: $slug) { ${MEMBERS_FIELDS} } } }`;
  const data = await graphql(api, query, { org, slug: team, after });
  if (!data.ok) return data;
  const found = (data.value.organization as { team: { members: MembersPage } | null } | null)?.team;
  return found ? { ok: true, page: found.members } : { ok: false, error: `team ${org}/${team} disappeared while being read` };
}
async function readPending(api: GitHubApi, org: string): Promise<{ ok: true; byTeam: Map<string, Holder[]> } | ReadFailure> {
  try {
    const byTeam = new Map<string, Holder[]>();
    const invitations = await api.octokit.paginate(api.octokit.rest.orgs.listPendingInvitations, { org, per_page: 100 });
    // One lookup per invitation (REST has no bulk form), all at once within the read limit.
    const withTeams = invitations.filter((inv) => inv.login && inv.team_count !== 0);
    const teamsOf = await Promise.all(withTeams.map((inv) => api.octokit.paginate(api.octokit.rest.orgs.listInvitationTeams, { org, invitation_id: inv.id, per_page: 100 })));
    withTeams.forEach((inv, i) => {
      for (const t of teamsOf[i]!) byTeam.set(t.slug.toLowerCase(), [...(byTeam.get(t.slug.toLowerCase()) ?? []), { login: inv.login!, role: 'member', state: 'pending' }]);
    });
    return { ok: true, byTeam };
  } catch (e) {
    return failure(api, e);
  }
}
