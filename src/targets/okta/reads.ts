/**
 * Who holds Okta's entitlements now: each managed group found by id or name (only `OKTA_GROUP`
 * groups can be managed), its members page after page (`Link` rel="next"), and for each member
 * the group rule that holds them there, if any (rules read once per run).
 */
import type { Holder, HoldersRead } from '../../core/observed.js';
import type { OktaClient, OktaFailure } from './client.js';
import { GROUP_ID } from './kinds.js';
import { activeRules, type GroupRule, type OktaRuleJson } from './rules.js';

/** A group as Okta answers it (the fields read). */
export interface OktaGroupJson {
  id: string;
  type: string;
  profile: { name: string };
}

/** A user as Okta answers it (the fields read). */
export interface OktaUserJson {
  id: string;
  status: string;
  profile: { login: string; email?: string } & Record<string, unknown>;
}

/** Members and rules fetched per page: Okta's largest page for both. */
export const PAGE_SIZE = 200;

/** A search or filter value quoted as Okta's expression syntax wants it. */
export function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** Why a group of another type cannot be managed, in words. */
function unmanageable(g: OktaGroupJson, written: string): string {
  const what = g.type === 'APP_GROUP' ? 'an APP_GROUP: its members come from its source (an app or a directory such as Active Directory)' : `a ${g.type} group, whose members Okta keeps itself`;
  return `Okta group ${written} is ${what}, and Okta refuses membership changes to it through the API: manage an OKTA_GROUP instead (and assign it where this one is used), or change the membership at its source`;
}

/**
 * The group a profile names, by id (`00g...`) or by exact name (any case), checked to be an
 * `OKTA_GROUP`; a failure saying why otherwise (none, two of that name, another type).
 */
export async function findGroup(client: OktaClient, written: string): Promise<{ ok: true; group: OktaGroupJson } | OktaFailure> {
  let group: OktaGroupJson;
  if (GROUP_ID.test(written)) {
    const res = await client.get(`/api/v1/groups/${written}`);
    if (!res.ok) return res.status === 404 ? { ok: false, error: `Okta group ${written} does not exist, or the credentials cannot see it: fix the group id` } : res;
    group = res.body as OktaGroupJson;
  } else {
    const res = await client.pages<OktaGroupJson>(`/api/v1/groups?search=${encodeURIComponent(`profile.name eq ${quoted(written)}`)}&limit=${PAGE_SIZE}`);
    if (!res.ok) return res;
    const named = res.items.filter((g) => g.profile.name.toLowerCase() === written.toLowerCase());
    if (named.length === 0) return { ok: false, error: `no Okta group is named ${written}, or the credentials cannot see it: create it, or fix the group name` };
    if (named.length > 1) return { ok: false, error: `${named.length} Okta groups are named ${written}: name the one to manage by its id (${named.map((g) => g.id).join(', ')})` };
    group = named[0] as OktaGroupJson;
  }
  return group.type === 'OKTA_GROUP' ? { ok: true, group } : { ok: false, error: unmanageable(group, written) };
}

/** Every group rule of the org, active ones ready to test members against. */
export async function readRules(client: OktaClient): Promise<{ ok: true; rules: GroupRule[] } | OktaFailure> {
  const res = await client.pages<OktaRuleJson>(`/api/v1/groups/rules?limit=${PAGE_SIZE}`);
  if (!res.ok) return { ...res, error: `cannot read the org's group rules (which memberships a rule holds): ${res.error}` };
  return { ok: true, rules: activeRules(res.items) };
}

/**
 * The members of `group` by login, each held by the first active rule that assigns them there
 * (`heldBy: rule <name>`), if any; `users` learns every member's id and status.
 */
export async function readMembers(client: OktaClient, group: OktaGroupJson, rules: readonly GroupRule[], users: Map<string, OktaUserJson>): Promise<HoldersRead> {
  const res = await client.pages<OktaUserJson>(`/api/v1/groups/${group.id}/users?limit=${PAGE_SIZE}`);
  if (!res.ok) return res;
  const assigning = rules.filter((r) => r.groupIds.includes(group.id));
  const holders = res.items.map((u): Holder => {
    users.set(u.profile.login.toLowerCase(), u);
    const rule = assigning.find((r) => r.assigns(u.id, u.profile));
    return { login: u.profile.login, role: 'member', state: 'active', ...(rule === undefined ? {} : { heldBy: `rule ${rule.name}` }) };
  });
  return { ok: true, holders };
}
