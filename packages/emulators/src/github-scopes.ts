/**
 * Tokens of reduced scope for the GitHub emulator, answered as GitHub answers them.
 *
 * - A classic token (or OAuth app token) lists its scopes in `X-OAuth-Scopes` on every answer,
 *   and a route that checks scopes names the ones it accepts in `X-Accepted-OAuth-Scopes`
 *   ("Scopes for OAuth apps": check the headers to see what scopes you have and what the action
 *   accepts). A REST request without one of them is refused 403; a GraphQL query asking for a
 *   field that needs a scope the token lacks is answered 200 with an `INSUFFICIENT_SCOPES` error.
 * - A GitHub App installation token has permissions and no `X-OAuth-Scopes`; a request its
 *   permissions do not allow is refused 403 "Resource not accessible by integration" (GraphQL:
 *   a `FORBIDDEN` error with that message).
 *
 * What each route needs, as GitHub documents it: organisation team reads `read:org` (or
 * `write:org`, `admin:org`) or the App permission Members read; team membership writes
 * `admin:org` or Members write; SAML identities `admin:org` (Apps: Members read); repository
 * collaborators `repo` or Administration (read for reads, write for writes).
 */
import type { JsonRequest, JsonResponse, Route } from './http-server.js';

/** An organisation or repository permission level of a GitHub App installation. */
export type AppPermissionLevel = 'read' | 'write';

/** A token of reduced scope the emulator accepts besides its full token. */
export type ScopedToken =
  | { token: string; kind: 'classic'; /** Its OAuth scopes: `read:org`, `admin:org`, `repo`... */ scopes: string[] }
  | { token: string; kind: 'app'; /** The installation's permissions; absent ones are not granted. */ permissions: { members?: AppPermissionLevel; administration?: AppPermissionLevel } };

/** What a request needs: the classic scopes any of which allows it, and the App permission. */
interface Need {
  scopes: readonly string[];
  app: { permission: 'members' | 'administration'; level: AppPermissionLevel };
  /** The GraphQL field named in an `INSUFFICIENT_SCOPES` error. */
  field?: string;
}

const ORG_READ = ['read:org', 'write:org', 'admin:org'];
const TEAM_READ: Need = { scopes: ORG_READ, app: { permission: 'members', level: 'read' }, field: 'team' };
const TEAM_WRITE: Need = { scopes: ['admin:org'], app: { permission: 'members', level: 'write' } };

/** What a request to `route` needs; `undefined` when any token may make it. */
function needOf(route: Route, req: JsonRequest): Need | undefined {
  const p = route.pattern;
  if (p === '/graphql') {
    const query = typeof (req.body as { query?: unknown } | undefined)?.query === 'string' ? (req.body as { query: string }).query : '';
    if (/samlIdentityProvider/.test(query)) return { scopes: ['admin:org'], app: { permission: 'members', level: 'read' }, field: 'samlIdentityProvider' };
    if (/\bteam\s*\(|membersWithRole/.test(query)) return { ...TEAM_READ, field: /membersWithRole/.test(query) ? 'membersWithRole' : 'team' };
    return undefined;
  }
  if (p.startsWith('/orgs/:org/teams/') || p.startsWith('/orgs/:org/invitations')) return route.method === 'GET' ? TEAM_READ : TEAM_WRITE;
  if (p.startsWith('/repos/:owner/:repo/collaborators') || p.startsWith('/repos/:owner/:repo/invitations')) return { scopes: ['repo'], app: { permission: 'administration', level: route.method === 'GET' ? 'read' : 'write' } };
  return undefined;
}

function allows(t: ScopedToken, need: Need): boolean {
  if (t.kind === 'classic') return need.scopes.some((s) => t.scopes.includes(s));
  const has = t.permissions[need.app.permission];
  return has === 'write' || has === need.app.level;
}

/** The scoped token a request carries, if it carries one. */
export function scopedTokenOf(tokens: readonly ScopedToken[], req: JsonRequest): ScopedToken | undefined {
  const given = /^(?:token|bearer)\s+(.*)$/i.exec(req.headers.authorization ?? '')?.[1];
  return tokens.find((t) => t.token === given);
}

/** `X-OAuth-Scopes` for a classic token, nothing for any other. */
export function scopeHeaders(tokens: readonly ScopedToken[], req: JsonRequest): Record<string, string> {
  const t = scopedTokenOf(tokens, req);
  return t?.kind === 'classic' ? { 'x-oauth-scopes': t.scopes.join(', ') } : {};
}

/**
 * `routes` with every handler checking the scoped token a request carries (if any) against what
 * the route needs, refusing as GitHub does. Requests with the full token pass unchanged.
 */
export function scopedRoutes(routes: readonly Route[], tokens: readonly ScopedToken[], errorBody: (status: number, message: string) => unknown): Route[] {
  if (tokens.length === 0) return [...routes];
  return routes.map((route) => ({
    ...route,
    handler: async (req): Promise<JsonResponse> => {
      const t = scopedTokenOf(tokens, req);
      const need = t && needOf(route, req);
      const accepted: Record<string, string> = need && t.kind === 'classic' ? { 'x-accepted-oauth-scopes': need.scopes.join(', ') } : {};
      if (!t || !need || allows(t, need)) {
        const answer = await route.handler(req);
        return { ...answer, headers: { ...accepted, ...answer.headers } };
      }
      if (route.pattern === '/graphql') {
        const message =
          t.kind === 'classic'
            ? `Your token has not been granted the required scopes to execute this query. The '${need.field}' field requires one of the following scopes: [${need.scopes.map((s) => `'${s}'`).join(', ')}], but your token has only been granted the: [${t.scopes.map((s) => `'${s}'`).join(', ')}] scopes. Please modify your token's scopes at: https://github.com/settings/tokens.`
            : 'Resource not accessible by integration';
        return { status: 200, body: { data: null, errors: [{ type: t.kind === 'classic' ? 'INSUFFICIENT_SCOPES' : 'FORBIDDEN', message, path: ['organization', need.field] }] }, headers: accepted };
      }
      return { status: 403, body: errorBody(403, t.kind === 'classic' ? 'Resource not accessible by personal access token' : 'Resource not accessible by integration'), headers: accepted };
    },
  }));
}
