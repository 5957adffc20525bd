/**
 * `doctor`'s checks of a GitHub target: token, organisation, apply's writes, each managed
 * entitlement (`team acme/sre`, `repository acme/infra`: by kind in the order the target declares
 * them, then as the profiles name them), identities. Reads only, through {@link GitHubTarget},
 * which reads the organisation and the token's scopes besides what the port gives.
 */
import type { GitHubTargetConfig, Workspace } from '../../config/model.js';
import { entitlementKey, refOf, type EntitlementRef } from '../../core/entitlement.js';
import type { Fetch } from '../../http/read-only.js';
import { tokenCheck, type Check } from '../../observe/check.js';
import { githubWriteCheck } from './doctor.js';
import { GITHUB_KINDS } from './kinds.js';
import { GitHubTarget } from './target.js';

/** Every check of GitHub target `t`, its token line first. */
export async function githubChecks(ws: Workspace, t: GitHubTargetConfig, env: NodeJS.ProcessEnv, fetch: Fetch): Promise<Check[]> {
  const subject = `target "${t.name}"`;
  const token = tokenCheck(subject, t, 'spec.targets', env, 'a GitHub token or App installation token with the organization permission Members');
  if (token.status !== 'ok') return [token];
  const github = new GitHubTarget({ baseUrl: t.apiUrl ?? 'https://api.github.com', token: env[t.tokenEnv!], tokenEnv: t.tokenEnv, org: t.org, fetch });
  const org = await github.readOrg(t.org);
  const orgLine = `API ${t.apiUrl ?? 'https://api.github.com'}, organisation ${t.org}`;
  if (!org.ok) return [token, { subject, what: orgLine, status: 'missing', detail: org.error }];
  const refs = new Map<string, EntitlementRef>();
  for (const e of ws.profiles.flatMap((p) => p.entitlements)) if (e.target === t.name && !refs.has(entitlementKey(e))) refs.set(entitlementKey(e), refOf(e));
  const order = Object.keys(GITHUB_KINDS);
  const managed = [...refs].sort(([, a], [, b]) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const reads = await github.readHolders([...refs.values()]);
  const held = (what: string, read: { ok: true } | { ok: false; error: string }): Check => (read.ok ? { subject, what, status: 'ok' } : { subject, what, status: 'missing', detail: read.error });
  const identities = await Promise.all(
    ws.config.identities.filter((m): m is 'saml' | 'verifiedEmail' => m !== 'file').map(async (m) => held(m === 'saml' ? `SAML identities of ${t.org}` : `verified-domain emails of ${t.org}`, await github.readOrgIdentities(t.org, m))),
  );
  return [
    token,
    { subject, what: orgLine, status: 'ok' },
    githubWriteCheck(subject, org.scopes, t.tokenEnv!, new Set(managed.map(([, ref]) => ref.kind))),
    ...managed.map(([key, ref]) => held(`${ref.kind} ${ref.resource}`, reads.get(key)!)),
    ...identities,
  ];
}
