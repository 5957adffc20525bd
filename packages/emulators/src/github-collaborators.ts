/**
 * Repository collaborators for the GitHub emulator: direct collaborators with a permission,
 * pending repository invitations, and the writes `oncall-access` makes for repository
 * entitlements. Only seeded repositories exist (any other answers 404, so a typo in a test or a
 * profile cannot pass as "no collaborators"). Adding an organisation member makes them a
 * collaborator at once (204); anyone else is invited (201), as GitHub does.
 */
import type { JsonRequest, JsonResponse, Route } from './http-server.js';

/** A repository permission as the REST API's collaborator endpoints name it. */
export type RepoPermission = 'pull' | 'triage' | 'push' | 'maintain' | 'admin';

/** A repository's seeded collaborators and pending invitations. */
export interface RepoSeed {
  collaborators: { login: string; permission: RepoPermission }[];
  invitations?: { login: string; permission: RepoPermission }[];
}

/** A collaborator as tests see it: active ones first (in order added), then pending invitees. */
export interface Collaborator {
  login: string;
  permission: RepoPermission;
  state: 'active' | 'pending';
}

const PERMISSIONS: readonly RepoPermission[] = ['pull', 'triage', 'push', 'maintain', 'admin'];
/** GitHub's role names: `role_name` of a collaborator, `permissions` of an invitation. */
const ROLE_NAME: Record<RepoPermission, string> = { pull: 'read', triage: 'triage', push: 'write', maintain: 'maintain', admin: 'admin' };

interface Repo {
  owner: string;
  name: string;
  collaborators: Map<string, { login: string; permission: RepoPermission }>;
  invitations: { id: number; login: string; permission: RepoPermission }[];
}

/** Collaborators and invitations by repository (`owner/name`, lower-cased). */
export class CollaboratorState {
  private readonly repos = new Map<string, Repo>();
  private nextId = 9000;

  constructor(seed: Readonly<Record<string, RepoSeed>> = {}) {
    for (const [full, s] of Object.entries(seed)) {
      const [owner, name, extra] = full.split('/');
      if (!owner || !name || extra !== undefined) throw new Error(`repos seed: "${full}" is not owner/name`);
      const repo: Repo = { owner, name, collaborators: new Map(), invitations: [] };
      for (const c of s.collaborators) repo.collaborators.set(c.login.toLowerCase(), { login: c.login, permission: checked(c.permission, full) });
      for (const i of s.invitations ?? []) repo.invitations.push({ id: this.nextId++, login: i.login, permission: checked(i.permission, full) });
      this.repos.set(full.toLowerCase(), repo);
    }
  }

  repo(owner: string | undefined, name: string | undefined): Repo | undefined {
    return this.repos.get(`${owner}/${name}`.toLowerCase());
  }

  /** Throws on an unknown repository. */
  list(owner: string, name: string): Collaborator[] {
    const repo = this.repo(owner, name);
    if (!repo) throw new Error(`emulator: no repository ${owner}/${name}`);
    return [
      ...[...repo.collaborators.values()].map((c) => ({ login: c.login, permission: c.permission, state: 'active' as const })),
      ...repo.invitations.map((i) => ({ login: i.login, permission: i.permission, state: 'pending' as const })),
    ];
  }

  /** Adds or updates; `'invited'` when an invitation was created. */
  set(repo: Repo, login: string, permission: RepoPermission, isMember: boolean): 'updated' | 'invited' {
    const key = login.toLowerCase();
    const held = repo.collaborators.get(key);
    if (held) {
      held.permission = permission;
      return 'updated';
    }
    const pending = repo.invitations.find((i) => i.login.toLowerCase() === key);
    if (pending) {
      pending.permission = permission;
      return 'updated';
    }
    if (isMember) {
      repo.collaborators.set(key, { login, permission });
      return 'updated';
    }
    repo.invitations.push({ id: this.nextId++, login, permission });
    return 'invited';
  }
}

function checked(p: string, where: string): RepoPermission {
  if (!(PERMISSIONS as readonly string[]).includes(p)) throw new Error(`repos seed ${where}: unknown permission "${p}"`);
  return p as RepoPermission;
}

const notFound = (): JsonResponse => ({ status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } });

function flags(p: RepoPermission): Record<RepoPermission, boolean> {
  const rank = PERMISSIONS.indexOf(p);
  return Object.fromEntries(PERMISSIONS.map((x, i) => [x, i <= rank])) as Record<RepoPermission, boolean>;
}

/**
 * The routes. `paginate` is the emulator's page-and-`link` answer; `isMember` tells whether a
 * login is a member of an organisation.
 */
export function collaboratorRoutes(state: CollaboratorState, paginate: (req: JsonRequest, items: readonly unknown[]) => JsonResponse, isMember: (org: string, login: string) => boolean): Route[] {
  const repoOf = (req: JsonRequest): Repo | undefined => state.repo(req.params.owner, req.params.repo);
  return [
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/collaborators',
      handler: (req) => {
        const repo = repoOf(req);
        if (!repo) return notFound();
        const affiliation = req.query.get('affiliation') ?? 'all';
        if (affiliation !== 'direct') return { ...paginate(req, []), unexpected: `collaborators are emulated for affiliation=direct only (got ${affiliation})` };
        return paginate(req, [...repo.collaborators.values()].map((c) => ({ login: c.login, type: 'User', permissions: flags(c.permission), role_name: ROLE_NAME[c.permission] })));
      },
    },
    {
      method: 'PUT',
      pattern: '/repos/:owner/:repo/collaborators/:username',
      handler: (req) => {
        const repo = repoOf(req);
        if (!repo) return notFound();
        const given = (typeof req.body === 'object' && req.body !== null ? (req.body as { permission?: unknown }).permission : undefined) ?? 'push';
        if (typeof given !== 'string' || !(PERMISSIONS as readonly string[]).includes(given)) {
          return { status: 422, body: { message: `permission "${String(given)}" is not one of ${PERMISSIONS.join(', ')}` }, unexpected: 'invalid permission' };
        }
        const login = req.params.username!;
        const done = state.set(repo, login, given as RepoPermission, isMember(repo.owner, login));
        if (done === 'updated') return { status: 204 };
        const inv = repo.invitations.at(-1)!;
        return { status: 201, body: { id: inv.id, invitee: { login }, permissions: ROLE_NAME[inv.permission], repository: { full_name: `${repo.owner}/${repo.name}` }, expired: false } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/repos/:owner/:repo/collaborators/:username',
      handler: (req) => {
        const repo = repoOf(req);
        if (!repo) return notFound();
        repo.collaborators.delete(req.params.username!.toLowerCase());
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/invitations',
      handler: (req) => {
        const repo = repoOf(req);
        if (!repo) return notFound();
        return paginate(req, repo.invitations.map((i) => ({ id: i.id, invitee: { login: i.login }, permissions: ROLE_NAME[i.permission], expired: false, repository: { full_name: `${repo.owner}/${repo.name}` } })));
      },
    },
    {
      method: 'DELETE',
      pattern: '/repos/:owner/:repo/invitations/:invitation_id',
      handler: (req) => {
        const repo = repoOf(req);
        const at = repo?.invitations.findIndex((i) => i.id === Number(req.params.invitation_id)) ?? -1;
        if (!repo || at < 0) return notFound();
        repo.invitations.splice(at, 1);
        return { status: 204 };
      },
    },
  ];
}
