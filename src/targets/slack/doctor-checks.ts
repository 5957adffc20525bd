/**
 * `doctor`'s checks of a Slack target: token, workspace (`auth.test`), the bot scopes plan and
 * apply need (Slack lists a token's scopes on every answer), each managed user group, and the
 * directory when people are found in it. Reads only.
 */
import type { SlackTargetConfig, Workspace } from '../../config/model.js';
import { entitlementKey, refOf, type EntitlementRef } from '../../core/entitlement.js';
import type { Fetch } from '../../http/read-only.js';
import { tokenCheck, type Check } from '../../observe/check.js';
import { SLACK_API_URL, SLACK_SCOPES } from './client.js';
import { SlackTarget } from './target.js';

/** What the token should be, for the token line. */
const TOKEN = 'a Slack bot token (xoxb-...) with the scopes usergroups:read, usergroups:write, users:read, users:read.email';

/** Every check of Slack target `t`, its token line first. */
export async function slackChecks(ws: Workspace, t: SlackTargetConfig, env: NodeJS.ProcessEnv, fetch: Fetch): Promise<Check[]> {
  const subject = `target "${t.name}"`;
  const token = tokenCheck(subject, t, 'spec.targets', env, TOKEN);
  if (token.status !== 'ok') return [token];
  const slack = new SlackTarget({ ...(t.apiUrl === undefined ? {} : { apiUrl: t.apiUrl }), token: env[t.tokenEnv!], tokenEnv: t.tokenEnv!, ...(t.teamId === undefined ? {} : { teamId: t.teamId }), fetch });
  const who = await slack.whoAmI();
  const apiLine = `API ${t.apiUrl ?? SLACK_API_URL}, workspace ${t.teamId ?? '(the token\'s)'}`;
  if (!who.ok) return [token, { subject, what: apiLine, status: 'missing', detail: who.error }];
  const scopes = (need: readonly string[], what: string): Check => {
    if (who.scopes === undefined) return { subject, what, status: 'unverified', detail: `Slack did not list the token's scopes: ${what} needs ${need.join(', ')}` };
    const lacking = need.filter((s) => !who.scopes!.includes(s));
    return lacking.length === 0 ? { subject, what, status: 'ok' } : { subject, what, status: 'missing', detail: `the token in ${t.tokenEnv} lacks ${lacking.join(', ')}: add them to the Slack app's bot token scopes and reinstall the app` };
  };
  const refs = new Map<string, EntitlementRef>();
  for (const e of ws.profiles.flatMap((p) => p.entitlements)) if (e.target === t.name && !refs.has(entitlementKey(e))) refs.set(entitlementKey(e), refOf(e));
  const reads = await slack.readHolders([...refs.values()]);
  return [
    token,
    { subject, what: `API ${t.apiUrl ?? SLACK_API_URL}, workspace ${who.team} (${who.teamId})`, status: 'ok' },
    scopes(SLACK_SCOPES.read, 'scopes to read user groups and find people by email (plan)'),
    scopes(SLACK_SCOPES.write, 'scope to change user groups (apply)'),
    ...[...refs].map(([key, ref]): Check => {
      const read = reads.get(key)!;
      return read.ok ? { subject, what: `user group ${ref.resource}`, status: 'ok' } : { subject, what: `user group ${ref.resource}`, status: 'missing', detail: read.error };
    }),
  ];
}
