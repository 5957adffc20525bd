/**
 * The GitHub target: its reads ({@link readTeamHolders}, {@link readRepoHolders}), writes and
 * identity sources behind the {@link Target} port, through one octokit client (client.ts).
 */
import { entitlementKey, type Entitlement, type EntitlementRef } from '../../core/entitlement.js';
import type { HoldersRead } from '../../core/observed.js';
import type { GitHubTargetConfig } from '../../config/model.js';
import type { TargetIdentityMethod } from '../../identities.js';
import type { ReadFailure } from '../../core/diagnostics.js';
import type { ConnectOptions, IdentityRead, Target } from '../target.js';
import { createOctokit, failure, type GitHubApi, type GitHubTargetOptions } from './client.js';
import { queryIdentities } from './identities.js';
import { splitResource, type GitHubKind, type RepoPermission, type TeamRole } from './kinds.js';
import { readRepoHolders, readTeamHolders, repoKey, teamKey, type RepoRef, type TeamRef } from './reads.js';
import { removeMembership, removeRepoCollaborator, setMembership, setRepoPermission, type TeamEntitlement } from './writes.js';

/** The team or repository a reference of one of GitHub's kinds names. */
function githubRef(ref: EntitlementRef): { kind: GitHubKind; org: string; name: string } {
  if (ref.kind !== 'team' && ref.kind !== 'repository') throw new Error(`GitHub holds no entitlements of kind "${ref.kind}"`);
  return { kind: ref.kind, ...splitResource(ref.resource) };
}

/** The GitHub target. */
export class GitHubTarget implements Target {
  private readonly api: GitHubApi;
  private readonly identityReads = new Map<string, Promise<IdentityRead>>();
  private readonly org: string | undefined;

  constructor(options: GitHubTargetOptions) {
    this.org = options.org;
    this.api = { octokit: createOctokit(options), context: { baseUrl: options.baseUrl, tokenEnv: options.token ? options.tokenEnv : null } };
  }

  /** Teams and repositories at once (see {@link readTeamHolders} and {@link readRepoHolders}), keyed by `entitlementKey`. */
  async readHolders(refs: readonly EntitlementRef[]): Promise<Map<string, HoldersRead>> {
    const teams = new Map<string, EntitlementRef>();
    const repos = new Map<string, EntitlementRef>();
    for (const ref of refs) {
      const { kind, org, name } = githubRef(ref);
      if (kind === 'team') teams.set(teamKey({ org, team: name }), ref);
      else repos.set(repoKey({ org, repository: name }), ref);
    }
    const teamRefs = [...teams.values()].map((r) => splitResource(r.resource)).map(({ org, name }) => ({ org, team: name }));
    const repoRefs = [...repos.values()].map((r) => splitResource(r.resource)).map(({ org, name }) => ({ org, repository: name }));
    const [teamReads, repoReads] = await Promise.all([this.readTeamHolders(teamRefs), repoRefs.length > 0 ? this.readRepoHolders(repoRefs) : new Map<string, HoldersRead>()]);
    const keyed = (reads: Map<string, HoldersRead>, asked: Map<string, EntitlementRef>) => [...reads].map(([key, read]) => [entitlementKey(asked.get(key)!), read] as const);
    return new Map([...keyed(teamReads, teams), ...keyed(repoReads, repos)]);
  }

  /** Gives `login` the entitlement at its level: a team membership with that role, or a repository permission. */
  async grant(e: Entitlement, login: string): Promise<void> {
    const { kind, org, name } = githubRef(e);
    if (kind === 'team') await this.setMembership({ org, team: name, role: e.level as TeamRole }, login);
    else await this.setRepoPermission(org, name, login, e.level as RepoPermission);
  }

  /** Takes a team membership or a repository permission (or the pending invitation to it) from `login`. */
  async revoke(ref: EntitlementRef, login: string): Promise<void> {
    const { kind, org, name } = githubRef(ref);
    if (kind === 'team') await this.removeMembership({ org, team: name }, login);
    else await this.removeRepoCollaborator(org, name, login);
  }

  /**
   * The organisation as the token sees it (`GET /orgs/{org}`, which any token may read), with the
   * token's OAuth scopes when GitHub lists them: `X-OAuth-Scopes` comes with classic tokens and
   * OAuth app tokens only, so `scopes` is absent for an App installation or fine-grained token.
   */
  async readOrg(org: string): Promise<{ ok: true; scopes?: string[] } | ReadFailure> {
    try {
      const res = await this.api.octokit.request('GET /orgs/{org}', { org });
      const header = res.headers['x-oauth-scopes'];
      return header === undefined ? { ok: true } : { ok: true, scopes: String(header).split(',').map((x) => x.trim()).filter((x) => x !== '') };
    } catch (e) {
      if ((e as { status?: number }).status === 404) return { ok: false, error: `organisation ${org} does not exist, or the token cannot see it: fix the target's org, or install the App on ${org}` };
      return failure(this.api, e);
    }
  }

  /** Immediate holders of each team (child teams excluded) and its pending invitations, keyed by {@link teamKey}. */
  readTeamHolders(teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>> {
    return readTeamHolders(this.api, teams);
  }

  /** Direct collaborators of each repository with their permission, plus pending invitations, keyed by {@link repoKey}. */
  readRepoHolders(repos: readonly RepoRef[]): Promise<Map<string, HoldersRead>> {
    return readRepoHolders(this.api, repos);
  }

  /**
   * The configured organisation's identities ({@link readOrgIdentities}). GitHub has no
   * directory of users by email: that method is a failed read that says how to resolve logins.
   */
  async readIdentities(method: TargetIdentityMethod): Promise<IdentityRead> {
    if (method === 'directory') return { ok: false, error: 'GitHub has no directory of users by email: resolve GitHub logins through the identities file, saml or verifiedEmail' };
    return this.readOrgIdentities(this.org!, method);
  }

  /** An organisation's identities, read once per run: a plan and its look-ahead ask twice. */
  readOrgIdentities(org: string, method: 'saml' | 'verifiedEmail'): Promise<IdentityRead> {
    const key = `${org.toLowerCase()}\0${method}`;
    let read = this.identityReads.get(key);
    if (!read) this.identityReads.set(key, (read = queryIdentities(this.api, org, method)));
    return read;
  }

  /** Adds `login` to the team with `e.role`, or changes their role to it (a non-member of the organisation is invited). */
  setMembership(e: TeamEntitlement, login: string): Promise<void> {
    return setMembership(this.api.octokit, e, login);
  }

  /** Removes `login` from the team (and cancels a pending invitation to it). */
  removeMembership(t: TeamRef, login: string): Promise<void> {
    return removeMembership(this.api.octokit, t, login);
  }

  /** Makes `login` a direct collaborator with `permission` (invites them, or changes their permission). */
  setRepoPermission(org: string, repository: string, login: string, permission: RepoPermission): Promise<void> {
    return setRepoPermission(this.api.octokit, org, repository, login, permission);
  }

  /** Cancels `login`'s pending invitation to the repository if there is one, else removes them as a collaborator. */
  removeRepoCollaborator(org: string, repository: string, login: string): Promise<void> {
    return removeRepoCollaborator(this.api.octokit, org, repository, login);
  }
}

/** The adapter of a GitHub target a config declares: GitHub.com's API unless it gives an `apiUrl`. */
export function connectGitHub(config: GitHubTargetConfig, options: ConnectOptions): GitHubTarget {
  return new GitHubTarget({ baseUrl: config.apiUrl ?? 'https://api.github.com', token: options.token, tokenEnv: config.tokenEnv, org: config.org, fetch: options.fetch });
}
