/**
 * Identity sources on GitHub: an organisation's SAML external identities, or its members'
 * verified-domain emails (GraphQL, 100 a page), as email/login pairs.
 */
import type { IdentityRead } from '../target.js';
import { graphql, type GitHubApi } from './client.js';
import { SAML_PERMISSION } from './errors.js';

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

/** Every email/login pair of `org` by `method`, page after page. */
export async function queryIdentities(api: GitHubApi, org: string, method: 'saml' | 'verifiedEmail'): Promise<IdentityRead> {
  const pairs: { email: string; login: string; attribute?: 'nameId' | 'emails' }[] = [];
  let after: string | null = null;
  for (;;) {
    const data = await graphql(api, method === 'saml' ? SAML_QUERY : VERIFIED_QUERY, { org, after }, method === 'saml' ? SAML_PERMISSION : undefined);
    if (!data.ok) return data;
    const org_ = data.value.organization as IdentityOrg | null;
    const page = method === 'saml' ? org_?.samlIdentityProvider?.externalIdentities : org_?.membersWithRole;
    if (!page) return { ok: false, error: method === 'saml' ? `organisation ${org} has no SAML identity provider the token can see` : `organisation ${org} not found` };
    for (const n of page.nodes) {
      if ('samlIdentity' in n) {
        const user = n.user;
        if (user === null) continue;
        if (n.samlIdentity.nameId?.includes('@')) pairs.push({ email: n.samlIdentity.nameId, login: user.login, attribute: 'nameId' });
        for (const e of n.samlIdentity.emails) if (e.value.includes('@') && e.value !== n.samlIdentity.nameId) pairs.push({ email: e.value, login: user.login, attribute: 'emails' });
      } else {
        for (const email of n.organizationVerifiedDomainEmails) pairs.push({ email, login: n.login });
      }
    }
    if (!page.pageInfo.hasNextPage) return { ok: true, pairs };
    after = page.pageInfo.endCursor;
  }
}
