/**
 * The Slack target: user groups of one workspace behind the {@link Target} port.
 *
 * - Reads: every user group with its members in one `usergroups.list` (`include_users`,
 *   `include_disabled`); a disabled group holds nobody (its handle pages nobody).
 * - Identities (`directory`): `users.lookupByEmail` for a few people, one paged `users.list` for
 *   many; deactivated users and bots are never granted (reported as unusable).
 * - Writes: Slack can only replace a group's whole member list (`usergroups.users.update`), so
 *   apply hands the target all of one group's changes at once ({@link SlackTarget.applyChanges}):
 *   it reads the group again, refuses to write when its `date_update` moved since this run read
 *   it, and writes the list it read minus the revoked plus the granted: nobody the plan did not
 *   revoke is dropped. A list that would be empty follows the target's `whenEmpty`.
 */
import { entitlementKey, type Entitlement, type EntitlementRef } from '../../core/entitlement.js';
import type { ReadFailure } from '../../core/diagnostics.js';
import type { HoldersRead } from '../../core/observed.js';
import type { Change, Outcome } from '../../core/plan.js';
import type { SlackTargetConfig, SlackWhenEmpty } from '../../config/model.js';
import type { TargetIdentityMethod } from '../../identities.js';
import type { ConnectOptions, IdentityRead, Target, UnusableAccount } from '../target.js';
import { createSlackApi, slackError, SlackDataError, SlackRefusal, type SlackApi, type SlackClientOptions } from './client.js';
import { groupRef } from './kinds.js';

/** A user group as `usergroups.list` gives it (the fields used). */
interface Usergroup {
  id: string;
  handle: string;
  date_update: number;
  date_delete: number;
  users?: string[];
}

/** A user as `users.list` and `users.lookupByEmail` give them (the fields used). */
interface SlackUser {
  id: string;
  deleted?: boolean;
  is_bot?: boolean;
  profile?: { email?: string | null };
}

/** How to build a {@link SlackTarget}. */
export interface SlackTargetOptions extends SlackClientOptions {
  /** What to do when a group would be left with nobody; default `disable`. */
  whenEmpty?: SlackWhenEmpty;
  /** Look people up one by one up to this many emails; more, and the whole directory is listed once. Default 20. */
  lookupLimit?: number;
}

/** Users one `users.list` page asks for (Slack suggests at most 200). */
const PAGE = 200;

/** A Slack user id: what a member list may hold, and all an update may send. */
const USER_ID = /^[UW][A-Z0-9]{2,}$/;

/** The Slack target (see the module comment). */
export class SlackTarget implements Target {
  private readonly api: SlackApi;
  private readonly whenEmpty: SlackWhenEmpty;
  private readonly lookupLimit: number;
  /** Each group as this run's plan read it (`readHolders`), by id: what a write compares `date_update` against. */
  private readonly seen = new Map<string, Usergroup>();
  /** The directory, listed at most once per run: every user by id, and those with an email by it (lower-cased). */
  private directory?: Promise<{ byEmail: Map<string, SlackUser>; byId: Map<string, SlackUser> } | ReadFailure>;
  /** Lookups by lower-cased email, once per run. */
  private readonly lookups = new Map<string, Promise<SlackUser | undefined | ReadFailure>>();

  constructor(options: SlackTargetOptions) {
    this.api = createSlackApi(options);
    this.whenEmpty = options.whenEmpty ?? 'disable';
    this.lookupLimit = options.lookupLimit ?? 20;
  }

  /** Every user group at once, disabled ones included; `undefined` members are an answer Slack never gives. */
  private async listGroups(): Promise<Usergroup[]> {
    const res = await this.api.call<{ usergroups?: Usergroup[] }>('usergroups.list', { include_users: true, include_disabled: true });
    if (!Array.isArray(res.usergroups)) throw new SlackDataError('usergroups.list without usergroups');
    // Member ids go back to Slack joined by commas: one that is not an id could smuggle in another.
    const bad = res.usergroups.flatMap((g) => g.users ?? []).find((u) => typeof u !== 'string' || !USER_ID.test(u));
    if (bad !== undefined) throw new SlackDataError(`usergroups.list gave a member that is not a user id: ${JSON.stringify(bad).slice(0, 40)}`);
    return res.usergroups;
  }

  /** The holders of each user group (one `usergroups.list`), keyed by `entitlementKey`; a group that does not exist is a failed read. */
  async readHolders(refs: readonly EntitlementRef[]): Promise<Map<string, HoldersRead>> {
    if (refs.length === 0) return new Map();
    let groups: Usergroup[];
    try {
      groups = await this.listGroups();
      for (const g of groups) this.seen.set(g.id, g);
    } catch (e) {
      const failure = slackError(this.api, e);
      return new Map(refs.map((r) => [entitlementKey(r), failure]));
    }
    return new Map(
      refs.map((ref): [string, HoldersRead] => {
        const group = find(groups, ref.resource);
        if (group === undefined) return [entitlementKey(ref), { ok: false, error: `Slack has no user group ${ref.resource}: create it in Slack (or fix the profile's usergroup)` }];
        const users = group.date_delete === 0 ? (group.users ?? []) : [];
        return [entitlementKey(ref), { ok: true, holders: users.map((login) => ({ login, role: 'member', state: 'active' as const })) }];
      }),
    );
  }

  /**
   * People found in the workspace's directory by email (`directory`; Slack has no other identity
   * source): active humans as pairs, deactivated users and bots as unusable.
   */
  async readIdentities(method: TargetIdentityMethod, emails: readonly string[]): Promise<IdentityRead> {
    if (method !== 'directory') return { ok: false, error: `Slack has no ${method === 'saml' ? 'SAML external identities' : 'verified-domain emails'}: people are found in its directory by email` };
    const pairs: { email: string; login: string }[] = [];
    const unusable: UnusableAccount[] = [];
    const add = (email: string, user: SlackUser): void => {
      const reason = user.deleted ? 'deactivated' : user.is_bot ? 'a bot' : undefined;
      if (reason === undefined) pairs.push({ email, login: user.id });
      else unusable.push({ email, login: user.id, reason });
    };
    if (emails.length > this.lookupLimit) {
      const directory = await this.readDirectory();
      if ('ok' in directory) return directory;
      for (const email of emails) {
        const user = directory.byEmail.get(email.toLowerCase());
        if (user !== undefined) add(email, user);
      }
    } else {
      // At once: the pacer keeps them under users.lookupByEmail's tier.
      const found = await Promise.all(emails.map((email) => this.lookup(email)));
      const failure = found.find((user): user is ReadFailure => user !== undefined && 'ok' in user);
      if (failure !== undefined) return failure;
      for (const [i, user] of found.entries()) if (user !== undefined) add(emails[i]!, user as SlackUser);
    }
    return { ok: true, pairs, unusable };
  }

  /** One person by email (`users.lookupByEmail`); `undefined` when Slack knows nobody with it. */
  private lookup(email: string): Promise<SlackUser | undefined | ReadFailure> {
    const key = email.toLowerCase();
    let found = this.lookups.get(key);
    if (found === undefined) {
      found = this.api.call<{ user?: SlackUser }>('users.lookupByEmail', { email }).then(
        (res) => {
          if (res.user === undefined || typeof res.user.id !== 'string' || !USER_ID.test(res.user.id)) throw new SlackDataError('users.lookupByEmail without a user id');
          return res.user;
        },
      ).catch((e: unknown) => ((e as { data?: { error?: string } }).data?.error === 'users_not_found' ? undefined : slackError(this.api, e)));
      this.lookups.set(key, found);
    }
    return found;
  }

  /** Every user of the workspace, listed once per run (`users.list`, paged). */
  private readDirectory(): Promise<{ byEmail: Map<string, SlackUser>; byId: Map<string, SlackUser> } | ReadFailure> {
    this.directory ??= (async () => {
      const byEmail = new Map<string, SlackUser>();
      const byId = new Map<string, SlackUser>();
      try {
        let cursor = '';
        const cursors = new Set<string>();
        do {
          const res = await this.api.call<{ members?: SlackUser[]; response_metadata?: { next_cursor?: string } }>('users.list', { limit: PAGE, ...(cursor === '' ? {} : { cursor }) });
          if (!Array.isArray(res.members)) throw new SlackDataError('users.list without members');
          for (const u of res.members) {
            if (typeof u.id !== 'string' || !USER_ID.test(u.id)) continue;
            byId.set(u.id, u);
            if (typeof u.profile?.email === 'string') byEmail.set(u.profile.email.toLowerCase(), u);
          }
          cursor = res.response_metadata?.next_cursor ?? '';
          // A server that hands back a cursor it gave before would keep us paging forever.
          if (cursors.has(cursor)) throw new SlackDataError('users.list gave a cursor it had given before');
          cursors.add(cursor);
        } while (cursor !== '');
        return { byEmail, byId };
      } catch (e) {
        return slackError(this.api, e);
      }
    })();
    return this.directory;
  }

  /**
   * Makes all of one user group's changes of a run in one write (see the module comment); one
   * outcome per change, in order. Never throws: a failure is every change's outcome.
   */
  async applyChanges(changes: readonly Change[]): Promise<Outcome[]> {
    const all = (status: Outcome['status'], error?: string): Outcome[] => changes.map((change) => ({ change, status, ...(error === undefined ? {} : { error }) }));
    const resource = changes[0]!.entitlement.resource;
    const before = [...this.seen.values()].find((g) => matches(g, resource));
    let group: Usergroup | undefined;
    try {
      group = find(await this.listGroups(), resource);
    } catch (e) {
      return all('failed', `could not read ${resource} again before writing: ${slackError(this.api, e).error}`);
    }
    if (group === undefined) return all('failed', `Slack has no user group ${resource} any more`);
    if (before !== undefined && before.date_update !== group.date_update) {
      return all('skipped', `${resource} changed in Slack since this run read it (date_update ${before.date_update} -> ${group.date_update}): not written, so nothing is overwritten; the next run plans again`);
    }
    const current = group.date_delete === 0 ? (group.users ?? []) : [];
    const revoked = new Set(changes.filter((c) => c.action === 'revoke').map((c) => c.subject.login));
    const granted = changes.filter((c) => c.action !== 'revoke').map((c) => c.subject.login);
    const next = [...new Set([...current.filter((u) => !revoked.has(u)), ...granted])];
    try {
      if (next.length === 0) return await this.empty(group, resource, changes);
      const dropped = await this.replace(group, next);
      if (group.date_delete !== 0) await this.api.call('usergroups.enable', { usergroup: group.id });
      return changes.map((change) =>
        dropped.includes(change.subject.login) && change.action !== 'revoke'
          ? { change, status: 'failed', error: `${change.subject.login} is deactivated (or not a person) in Slack, so cannot join ${resource}` }
          : { change, status: 'applied' },
      );
    } catch (e) {
      return all('failed', slackError(this.api, e).error);
    }
  }

  /**
   * Writes `users` as the group's whole list. Slack refuses a list naming a deactivated user
   * (`invalid_users`), and keeps deactivated members in groups: then the list is written again
   * without whoever the directory says cannot be a member. Returns those dropped.
   */
  private async replace(group: Usergroup, users: readonly string[]): Promise<string[]> {
    try {
      await this.update(group, users);
      return [];
    } catch (e) {
      if ((e as { data?: { error?: string } }).data?.error !== 'invalid_users') throw e;
    }
    const directory = await this.readDirectory();
    if ('ok' in directory) throw new SlackRefusal(`Slack refused the members of ${group.handle} as invalid_users, and the directory could not be read to find who: ${directory.error}`);
    // Only who the directory shows deactivated, a bot or gone is dropped; everyone else stays.
    const refused = (id: string): boolean => {
      const user = directory.byId.get(id);
      return user === undefined || user.deleted === true || user.is_bot === true;
    };
    const kept = users.filter((u) => !refused(u));
    const dropped = users.filter(refused);
    if (dropped.length === 0 || kept.length === 0) throw new SlackRefusal(`Slack refused the members of ${group.handle} as invalid_users${kept.length === 0 ? ', and no active member is left' : ''}`);
    await this.update(group, kept);
    return dropped;
  }

  private async update(group: Usergroup, users: readonly string[]): Promise<void> {
    await this.api.call('usergroups.users.update', { usergroup: group.id, users: users.join(',') });
  }

  /** The changes of a run that would leave the group with nobody, as `whenEmpty` says. */
  private async empty(group: Usergroup, resource: string, changes: readonly Change[]): Promise<Outcome[]> {
    if (this.whenEmpty === 'disable') {
      if (group.date_delete === 0) await this.api.call('usergroups.disable', { usergroup: group.id });
      return changes.map((change) => ({ change, status: 'applied' }));
    }
    const why = `would leave ${resource} with nobody, which Slack refuses`;
    if (this.whenEmpty === 'keep') return changes.map((change) => ({ change, status: 'skipped', error: `${why}: whenEmpty: keep leaves its last members in it` }));
    return changes.map((change) => ({ change, status: 'failed', error: `${why} (whenEmpty: error): put someone on call, or set whenEmpty: disable or keep` }));
  }

  /** Adds `login` to the group (one change; apply hands a run's changes over together). */
  async grant(e: Entitlement, login: string): Promise<void> {
    await this.single({ action: 'grant', entitlement: e, subject: { login }, reasons: [], profiles: [] });
  }

  /** Removes `login` from the group (one change; apply hands a run's changes over together). */
  async revoke(ref: EntitlementRef, login: string): Promise<void> {
    await this.single({ action: 'revoke', entitlement: { ...ref, level: 'member' }, subject: { login }, reasons: [], profiles: [] });
  }

  private async single(change: Change): Promise<void> {
    const [outcome] = await this.applyChanges([change]);
    if (outcome!.status !== 'applied') throw new Error(outcome!.error);
  }

  /** `auth.test`: the workspace and bot the token belongs to, with the token's scopes (doctor). */
  async whoAmI(): Promise<{ ok: true; team: string; teamId: string; scopes?: string[] } | ReadFailure> {
    try {
      const res = await this.api.call<{ team?: string; team_id?: string; response_metadata?: { scopes?: string[] } }>('auth.test');
      return { ok: true, team: res.team ?? '', teamId: res.team_id ?? '', ...(res.response_metadata?.scopes === undefined ? {} : { scopes: res.response_metadata.scopes }) };
    } catch (e) {
      return slackError(this.api, e);
    }
  }
}

/** Whether `g` is the group `resource` names (`@handle` or id). */
function matches(g: Usergroup, resource: string): boolean {
  const ref = groupRef(resource);
  return 'handle' in ref ? g.handle.toLowerCase() === ref.handle : g.id === ref.id;
}

function find(groups: readonly Usergroup[], resource: string): Usergroup | undefined {
  return groups.find((g) => matches(g, resource));
}

/** The adapter of a Slack target a config declares: slack.com's API unless it gives an `apiUrl`. */
export function connectSlack(config: SlackTargetConfig, options: ConnectOptions): SlackTarget {
  return new SlackTarget({
    ...(config.apiUrl === undefined ? {} : { apiUrl: config.apiUrl }),
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(config.teamId === undefined ? {} : { teamId: config.teamId }),
    tokenEnv: config.tokenEnv ?? null,
    fetch: options.fetch,
    whenEmpty: config.whenEmpty,
  });
}
