/**
 * The GitHub target through octokit: immediate team members and roles (GraphQL, many teams
 * per query), pending invitations (REST), and the membership writes.
 */
import { Octokit } from 'octokit';
import type { TeamRole } from '../config/model.js';
import type { TeamEntitlement } from '../core/plan.js';
import type { Fetch } from '../http/read-only.js';
import { teamKey, type Holder, type HoldersRead, type IdentityRead, type Target, type TeamRef } from './target.js';

/** How many teams one GraphQL query reads; each costs one node page of 100 members. */
export const TEAMS_PER_QUERY = 25;

/** Environment variable that overrides the write rate (writes per minute). */
export const WRITES_PER_MINUTE_ENV = 'ONCALL_ACCESS_GITHUB_WRITES_PER_MINUTE';

/** What the GitHub target needs besides the config. */
export interface GitHubTargetOptions {
  /** `https://api.github.com`, a GitHub Enterprise Server `/api/v3` URL, or an emulator. */
  baseUrl: string;
  token?: string;
  fetch: Fetch;
  /** Retries of 5xx and rate-limited requests (octokit's retry plugin); default 2. */
  retries?: number;
}

interface MembersPage {
  edges: { role: 'MAINTAINER' | 'MEMBER'; node: { login: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const MEMBERS_FIELDS = 'members(first: 100, after: $after, membership: IMMEDIATE) { edges { role node { login } } pageInfo { hasNextPage endCursor } }';

const SAML_QUERY =
  'query($org: String!, $after: String) { organization(login: $org) { samlIdentityProvider { externalIdentities(first: 100, after: $after) { nodes { samlIdentity { nameId emails { value } } user { login } } pageInfo { hasNextPage endCursor } } } } }';
const VERIFIED_QUERY =
  'query($org: String!, $after: String) { organization(login: $org) { membersWithRole(first: 100, after: $after) { nodes { login organizationVerifiedDomainEmails(login: $org) } pageInfo { hasNextPage endCursor } } } }';

interface IdentityPage<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface IdentityOrg {
  samlIdentityProvider?: { externalIdentities: IdentityPage<{ samlIdentity: { nameId: string | null; emails: { value: string }[] }; user: { login: string } | null }> } | null;
  membersWithRole?: IdentityPage<{ login: string; organizationVerifiedDomainEmails: string[] }>;
}

/** Builds the octokit client every GitHub call goes through. */
export function createOctokit(o: GitHubTargetOptions): Octokit {
  return new Octokit({
    ...(o.token ? { auth: o.token } : {}),
    baseUrl: o.baseUrl.replace(/\/+$/, ''),
    userAgent: 'oncall-access',
    request: { fetch: o.fetch },
    // The throttling plugin queues every GraphQL read 1 s apart; reads are bounded by batching
    // instead, and the retry plugin below handles rate-limit responses.
    throttle: { enabled: false },
    retry: { retries: o.retries ?? 2 },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
}

/** A readable reason from an octokit error, without request headers (which hold the token). */
export function describeError(e: unknown): string {
  const err = (e ?? {}) as { status?: number; message?: string; name?: string; cause?: { name?: string; message?: string } };
  if (err.name === 'ReadOnlyViolation') return err.message ?? 'read-only';
  if (err.cause?.name === 'ReadOnlyViolation') return err.cause.message ?? 'read-only';
  if (err.status === 401) return 'GitHub rejected the token (401): check the token in the variable the config names';
  if (err.status === 403) return `GitHub refused (403): the token lacks permission (it needs members: read and write for teams)${err.message ? `: ${firstLine(err.message)}` : ''}`;
  if (err.status === 404) return 'not found (404): check the org and team names, and that the token can see them';
  const code = (err.cause as { code?: string; cause?: { code?: string } } | undefined);
  const network = code?.code ?? code?.cause?.code;
  if (network) return `network error talking to GitHub (${network})`;
  if (err.status !== undefined) return `GitHub answered ${err.status}: ${firstLine(err.message ?? '')}`;
  return firstLine(err.message ?? String(e));
}

/** The first line of a message; for octokit's "...errors:" lists, the listed errors instead. */
function firstLine(s: string): string {
  const [head = '', ...rest] = s.split('\n');
  const line = head.endsWith(':') && rest.length > 0 ? rest.map((l) => l.replace(/^\s*-\s*/, '').trim()).filter(Boolean).join('; ') : head;
  return line.slice(0, 300);
}

/** The GitHub target. */
export class GitHubTarget implements Target {
  private readonly octokit: Octokit;

  constructor(options: GitHubTargetOptions) {
    this.octokit = createOctokit(options);
  }

  async readHolders(teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>> {
    const out = new Map<string, HoldersRead>();
    const byOrg = new Map<string, TeamRef[]>();
    for (const t of teams) byOrg.set(t.org, [...(byOrg.get(t.org) ?? []), t]);
    await Promise.all(
      [...byOrg].map(async ([org, list]) => {
        const [members, pending] = await Promise.all([this.readMembers(org, list), this.readPending(org)]);
        for (const t of list) {
          const m = members.get(t.team)!;
          if (!m.ok) out.set(teamKey(t), m);
          else if (!pending.ok) out.set(teamKey(t), { ok: false, error: `cannot list pending invitations of ${org}: ${pending.error}` });
          else out.set(teamKey(t), { ok: true, holders: [...m.holders, ...(pending.byTeam.get(t.team.toLowerCase()) ?? []).filter((p) => !m.holders.some((h) => h.login.toLowerCase() === p.login.toLowerCase()))] });
        }
      }),
    );
    return out;
  }

  private async readMembers(org: string, teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>> {
    const out = new Map<string, HoldersRead>();
    const batches: TeamRef[][] = [];
    for (let i = 0; i < teams.length; i += TEAMS_PER_QUERY) batches.push(teams.slice(i, i + TEAMS_PER_QUERY));
    await Promise.all(
      batches.map(async (batch) => {
        const vars: Record<string, string | null> = { org, after: null };
        batch.forEach((t, i) => (vars[`s${i}`] = t.team));
        const query = `query($org: String!, $after: String, ${batch.map((_, i) => `$s${i}: String!`).join(', ')}) { organization(login: $org) { ${batch.map((_, i) => `t${i}: team(slug: $s${i}) { ${MEMBERS_FIELDS} }`).join(' ')} } }`;
        const data = await this.graphql(query, vars);
        await Promise.all(
          batch.map(async (t, i) => {
            if (!data.ok) return out.set(t.team, data);
            const page = (data.value.organization as Record<string, { members: MembersPage } | null> | null)?.[`t${i}`];
            if (!page) return out.set(t.team, { ok: false, error: `team ${org}/${t.team} does not exist or the token cannot see it` });
            out.set(t.team, await this.restOfTeam(org, t.team, page.members));
          }),
        );
      }),
    );
    return out;
  }

  private async restOfTeam(org: string, team: string, first: MembersPage): Promise<HoldersRead> {
    const holders: Holder[] = [];
    let page = first;
    for (;;) {
      for (const e of page.edges) holders.push({ login: e.node.login, role: e.role === 'MAINTAINER' ? 'maintainer' : 'member', state: 'active' });
      if (!page.pageInfo.hasNextPage) return { ok: true, holders };
      const query = `query($org: String!, $slug: String!, $after: String) { organization(login: $org) { team(slug: $slug) { ${MEMBERS_FIELDS} } } }`;
      const data = await this.graphql(query, { org, slug: team, after: page.pageInfo.endCursor });
      if (!data.ok) return data;
      const next = (data.value.organization as { team: { members: MembersPage } | null } | null)?.team;
      if (!next) return { ok: false, error: `team ${org}/${team} disappeared while being read` };
      page = next.members;
    }
  }

  private async graphql(query: string, variables: Record<string, string | null>): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; error: string }> {
    try {
      return { ok: true, value: await this.octokit.graphql<Record<string, unknown>>(query, variables) };
    } catch (e) {
      const partial = (e as { name?: string; data?: Record<string, unknown> }).name === 'GraphqlResponseError' ? (e as { data?: Record<string, unknown> }).data : undefined;
      if (partial && partial.organization !== undefined) return { ok: true, value: partial };
      return { ok: false, error: describeError(e) };
    }
  }

  private async readPending(org: string): Promise<{ ok: true; byTeam: Map<string, Holder[]> } | { ok: false; error: string }> {
    try {
      const byTeam = new Map<string, Holder[]>();
      const invitations = await this.octokit.paginate(this.octokit.rest.orgs.listPendingInvitations, { org, per_page: 100 });
      for (const inv of invitations) {
        if (!inv.login || inv.team_count === 0) continue;
        const teams = await this.octokit.paginate(this.octokit.rest.orgs.listInvitationTeams, { org, invitation_id: inv.id, per_page: 100 });
        for (const t of teams) byTeam.set(t.slug.toLowerCase(), [...(byTeam.get(t.slug.toLowerCase()) ?? []), { login: inv.login, role: 'member', state: 'pending' }]);
      }
      return { ok: true, byTeam };
    } catch (e) {
      return { ok: false, error: describeError(e) };
    }
  }

  async readIdentities(org: string, method: 'saml' | 'verifiedEmail'): Promise<IdentityRead> {
    const pairs: { email: string; login: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const data = await this.graphql(method === 'saml' ? SAML_QUERY : VERIFIED_QUERY, { org, after });
      if (!data.ok) return data;
      const org_ = data.value.organization as IdentityOrg | null;
      const page = method === 'saml' ? org_?.samlIdentityProvider?.externalIdentities : org_?.membersWithRole;
      if (!page) return { ok: false, error: method === 'saml' ? `organisation ${org} has no SAML identity provider the token can see` : `organisation ${org} not found` };
      for (const n of page.nodes) {
        if ('samlIdentity' in n) {
          for (const email of new Set([n.samlIdentity.nameId, ...n.samlIdentity.emails.map((e) => e.value)])) if (n.user && email?.includes('@')) pairs.push({ email, login: n.user.login });
        } else {
          for (const email of n.organizationVerifiedDomainEmails) pairs.push({ email, login: n.login });
        }
      }
      if (!page.pageInfo.hasNextPage) return { ok: true, pairs };
      after = page.pageInfo.endCursor;
    }
  }

  async setMembership(e: TeamEntitlement, login: string): Promise<void> {
    await this.octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: e.org, team_slug: e.team, username: login, role: e.role satisfies TeamRole });
  }

  async removeMembership(t: TeamRef, login: string): Promise<void> {
    await this.octokit.rest.teams.removeMembershipForUserInOrg({ org: t.org, team_slug: t.team, username: login });
  }
}
