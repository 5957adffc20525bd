/**
 * The Okta target: group memberships behind the {@link Target} port, people found in the org's
 * own directory, all through one {@link OktaClient}. Groups, rules and users are read once per
 * run (a plan and its look-ahead ask twice); a grant looks its user up again, so that a user
 * suspended or deactivated since the plan is never granted.
 */
import { entitlementKey, type Entitlement, type EntitlementRef } from '../../core/entitlement.js';
import type { HoldersRead } from '../../core/observed.js';
import type { OktaTargetConfig } from '../../config/model.js';
import type { TargetIdentityMethod } from '../../identities.js';
import type { ConnectOptions, IdentityRead, Target, UnusableAccount } from '../target.js';
import { loadSigningKey } from './auth.js';
import { OktaClient, type OktaAuth, type OktaClientOptions, type OktaFailure } from './client.js';
import { findGroup, quoted, readMembers, readRules, PAGE_SIZE, type OktaGroupJson, type OktaUserJson } from './reads.js';
import type { GroupRule } from './rules.js';
import { OKTA_SCOPES } from './schema.js';

/** Emails looked up per directory search (`profile.email eq ... or profile.login eq ...`). */
export const EMAILS_PER_SEARCH = 20;

/** Why a user of this status must never be granted, or `undefined` when it may be. */
export function unusableStatus(status: string): string | undefined {
  const reasons: Record<string, string> = { SUSPENDED: 'suspended', DEPROVISIONED: 'deactivated', STAGED: 'not activated yet', PROVISIONED: 'not activated yet (pending user action)' };
  return reasons[status];
}

/** The Okta target. */
export class OktaTarget implements Target {
  private readonly groups = new Map<string, Promise<{ ok: true; group: OktaGroupJson } | OktaFailure>>();
  private rules: Promise<{ ok: true; rules: GroupRule[] } | OktaFailure> | undefined;
  /** Users seen this run, by lower-cased login. */
  private readonly users = new Map<string, OktaUserJson>();
  /** Directory answers by lower-cased email: the user, or null when nobody has that email. */
  private readonly byEmail = new Map<string, OktaUserJson | null>();

  constructor(private readonly client: OktaClient) {}

  /** The group a profile names, found once per run. */
  group(written: string): Promise<{ ok: true; group: OktaGroupJson } | OktaFailure> {
    const key = written.toLowerCase();
    let found = this.groups.get(key);
    if (found === undefined) this.groups.set(key, (found = findGroup(this.client, written)));
    return found;
  }

  /** The org's group rules, read once per run. */
  groupRules(): Promise<{ ok: true; rules: GroupRule[] } | OktaFailure> {
    return (this.rules ??= readRules(this.client));
  }

  /** The members of every group asked, keyed by `entitlementKey`; a group that cannot be managed is a failed read saying why. */
  async readHolders(refs: readonly EntitlementRef[]): Promise<Map<string, HoldersRead>> {
    const out = new Map<string, HoldersRead>();
    if (refs.length === 0) return out;
    const rules = await this.groupRules();
    await Promise.all(
      refs.map(async (ref) => {
        if (ref.kind !== 'group') throw new Error(`Okta holds no entitlements of kind "${ref.kind}"`);
        const found = await this.group(ref.resource);
        if (!found.ok) return out.set(entitlementKey(ref), found);
        if (!rules.ok) return out.set(entitlementKey(ref), rules);
        return out.set(entitlementKey(ref), await readMembers(this.client, found.group, rules.rules, this.users));
      }),
    );
    return out;
  }

  /**
   * People by email in the org's directory (`directory`): a user whose email or login is the
   * email, by their login; one who is suspended, deactivated or not yet active is `unusable`.
   * Okta has no SAML external identities or verified-domain emails to read.
   */
  async readIdentities(method: TargetIdentityMethod, emails: readonly string[]): Promise<IdentityRead> {
    if (method !== 'directory') return { ok: false, error: `Okta resolves people through its own directory of users (and the identities file), not ${method}` };
    const wanted = [...new Set(emails.map((e) => e.toLowerCase()))];
    const ask = wanted.filter((e) => !this.byEmail.has(e));
    for (let i = 0; i < ask.length; i += EMAILS_PER_SEARCH) {
      const batch = ask.slice(i, i + EMAILS_PER_SEARCH);
      const search = batch.map((e) => `profile.email eq ${quoted(e)} or profile.login eq ${quoted(e)}`).join(' or ');
      const res = await this.client.pages<OktaUserJson>(`/api/v1/users?search=${encodeURIComponent(search)}&limit=${PAGE_SIZE}`);
      if (!res.ok) return { ...res, error: `cannot look people up in Okta's directory: ${res.error}` };
      for (const email of batch) {
        const matches = res.items.filter((u) => u.profile.login.toLowerCase() === email || u.profile.email?.toLowerCase() === email);
        // The login decides between a user whose login is the email and another whose email is.
        const user = matches.find((u) => u.profile.login.toLowerCase() === email) ?? matches[0] ?? null;
        this.byEmail.set(email, user);
        if (user !== null) this.users.set(user.profile.login.toLowerCase(), user);
      }
    }
    const pairs: { email: string; login: string }[] = [];
    const unusable: UnusableAccount[] = [];
    for (const email of wanted) {
      const user = this.byEmail.get(email);
      if (user === null || user === undefined) continue;
      const reason = unusableStatus(user.status);
      if (reason === undefined) pairs.push({ email, login: user.profile.login });
      else unusable.push({ email, login: user.profile.login, reason });
    }
    return { ok: true, pairs, ...(unusable.length === 0 ? {} : { unusable }) };
  }

  /** Adds `login` to the group, after looking the user up again: one who is not active is refused. */
  async grant(e: Entitlement, login: string): Promise<void> {
    const { group, user } = await this.writeTarget(e, login, true);
    const res = await this.client.request('PUT', `/api/v1/groups/${group.id}/users/${user.id}`);
    if (!res.ok) throw new Error(`cannot add ${login} to Okta group ${group.profile.name}: ${res.error}`);
  }

  /** Removes `login` from the group; Okta refuses to remove a membership a group rule makes. */
  async revoke(ref: EntitlementRef, login: string): Promise<void> {
    const { group, user } = await this.writeTarget(ref, login, false);
    const res = await this.client.request('DELETE', `/api/v1/groups/${group.id}/users/${user.id}`);
    if (!res.ok) throw new Error(`cannot remove ${login} from Okta group ${group.profile.name}: ${res.error}`);
  }

  /** The group and the user a write is about; throws when either cannot be found, or a grant's user is not active. */
  private async writeTarget(ref: EntitlementRef, login: string, granting: boolean): Promise<{ group: OktaGroupJson; user: OktaUserJson }> {
    const found = await this.group(ref.resource);
    if (!found.ok) throw new Error(found.error);
    // A removal needs only the member's id, known from reading the group; a grant looks the user up again.
    const member = granting ? undefined : this.users.get(login.toLowerCase());
    if (member !== undefined) return { group: found.group, user: member };
    const res = await this.client.get(`/api/v1/users/${encodeURIComponent(login)}`);
    if (!res.ok) throw new Error(res.status === 404 ? `Okta has no user ${login}` : `cannot look up Okta user ${login}: ${res.error}`);
    const user = res.body as OktaUserJson;
    const reason = unusableStatus(user.status);
    if (granting && reason !== undefined) throw new Error(`Okta user ${login} is ${reason}, so it is never granted`);
    return { group: found.group, user };
  }
}

/** A target whose credentials cannot be used: every read fails with why, every write is refused. */
function unusable(failure: OktaFailure): Target {
  return {
    readIdentities: async () => failure,
    readHolders: async (refs) => new Map(refs.map((r) => [entitlementKey(r), failure])),
    grant: async () => {
      throw new Error(failure.error);
    },
    revoke: async () => {
      throw new Error(failure.error);
    },
  };
}

/**
 * How a configured Okta target authenticates: the service app with the key its `privateKeyEnv`
 * holds, else the API token in `tokenEnv` (given, already checked, as `token`); why not when
 * the key is missing or unusable, or the org URL is plain http beyond this machine.
 */
export function oktaAuth(config: OktaTargetConfig, token: string | undefined, env: NodeJS.ProcessEnv): OktaAuth | OktaFailure {
  const url = new URL(config.orgUrl);
  if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return { ok: false, error: `target "${config.name}": orgUrl ${config.orgUrl} is not https; credentials are only sent over https (http only to this machine, for an emulator)`, fault: 'endpoint' };
  if (config.clientId !== undefined && config.privateKeyEnv !== undefined) {
    const pem = env[config.privateKeyEnv];
    if (pem === undefined || pem === '') return { ok: false, error: `${config.privateKeyEnv} (the privateKeyEnv of target "${config.name}") is not set, so nothing was asked`, fault: 'token' };
    const signing = loadSigningKey(pem, config.privateKeyEnv, config.keyId);
    if ('problem' in signing) return { ok: false, error: `target "${config.name}": ${signing.problem}`, fault: 'token' };
    return { kind: 'app', clientId: config.clientId, signing, scopes: config.scopes ?? [...OKTA_SCOPES], env: config.privateKeyEnv };
  }
  if (token !== undefined && config.tokenEnv !== undefined) return { kind: 'ssws', token, env: config.tokenEnv };
  return { ok: false, error: `target "${config.name}" has no credentials: give clientId and privateKeyEnv (a service app), or tokenEnv (an API token)`, fault: 'token' };
}

/** The adapter of an Okta target a config declares. */
export function connectOkta(config: OktaTargetConfig, options: ConnectOptions, tuning: Partial<OktaClientOptions> = {}): Target {
  const auth = oktaAuth(config, options.token, options.env);
  if ('ok' in auth) return unusable(auth);
  return new OktaTarget(new OktaClient({ orgUrl: config.orgUrl, auth, fetch: options.fetch, ...tuning }));
}
