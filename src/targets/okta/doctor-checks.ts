/**
 * `doctor`'s checks of an Okta target: credentials, the org (its group rules, which every plan
 * reads), apply's writes, each managed group, the directory of users. Reads only.
 */
import type { OktaTargetConfig, Workspace } from '../../config/model.js';
import { entitlementKey, refOf, type EntitlementRef } from '../../core/entitlement.js';
import type { Fetch } from '../../http/read-only.js';
import { tokenCheck, type Check } from '../../observe/check.js';
import { OktaClient } from './client.js';
import { OktaTarget, oktaAuth } from './target.js';

/** Every check of Okta target `t`, its credentials line first. */
export async function oktaChecks(ws: Workspace, t: OktaTargetConfig, env: NodeJS.ProcessEnv, fetch: Fetch): Promise<Check[]> {
  const subject = `target "${t.name}"`;
  const app = t.clientId !== undefined && t.privateKeyEnv !== undefined;
  const token = app ? undefined : tokenCheck(subject, t, 'spec.targets', env, 'an Okta API token (SSWS) of an admin who may manage the groups and read users');
  if (token !== undefined && token.status !== 'ok') return [token];
  const auth = oktaAuth(t, t.tokenEnv === undefined ? undefined : env[t.tokenEnv], env);
  const credentials: Check = app ? { subject, what: `service app ${t.clientId} (private key in ${t.privateKeyEnv})`, status: 'ok' } : (token as Check);
  if ('ok' in auth) return [{ ...credentials, status: 'missing', detail: auth.error }];
  const client = new OktaClient({ orgUrl: t.orgUrl, auth, fetch });
  const okta = new OktaTarget(client);
  const rules = await okta.groupRules();
  const orgLine = `org ${t.orgUrl}, its group rules`;
  if (!rules.ok) return [credentials, { subject, what: orgLine, status: 'missing', detail: rules.error }];
  const refs = new Map<string, EntitlementRef>();
  for (const e of ws.profiles.flatMap((p) => p.entitlements)) if (e.target === t.name && !refs.has(entitlementKey(e))) refs.set(entitlementKey(e), refOf(e));
  const reads = await okta.readHolders([...refs.values()]);
  const users = await client.get('/api/v1/users?limit=1');
  const who = app ? `the service app ${t.clientId} needs the scope okta.groups.manage and an admin role that covers each managed group (Group Membership Administrator, or a custom role with okta.groups.members.manage)` : 'the admin who made the API token needs a role that may manage the members of each managed group';
  return [
    credentials,
    { subject, what: orgLine, status: 'ok' },
    { subject, what: 'permission to change group members (apply)', status: 'unverified', detail: `cannot be tested without writing: ${who}` },
    ...[...refs].map(([key, ref]): Check => {
      const read = reads.get(key)!;
      return read.ok ? { subject, what: `group ${ref.resource}`, status: 'ok' } : { subject, what: `group ${ref.resource}`, status: 'missing', detail: read.error };
    }),
    users.ok ? { subject, what: `users of ${t.orgUrl} by email`, status: 'ok' } : { subject, what: `users of ${t.orgUrl} by email`, status: 'missing', detail: users.error },
  ];
}
