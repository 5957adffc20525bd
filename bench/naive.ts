/**
 * The naive way to read the same data, as the benchmark's baseline: one `/oncalls` list per
 * rotation binding, two REST lists per team (members, maintainers), everything one request at a
 * time. It computes the same plan as the real adapters for the benchmark's organisation (whose
 * managed teams have no child teams; the REST lists would include their members, and whose
 * profiles grant teams only: the baseline reads no repositories).
 */
import type { RotationBinding } from '../src/config/model.js';
import { entitlementKey, type EntitlementRef } from '../src/core/entitlement.js';
import type { Holder, HoldersRead } from '../src/core/observed.js';
import { getJson, type HttpResult } from '../src/http/client.js';
import type { Fetch } from '../src/http/read-only.js';
import { bindingKey, type Shift, type ShiftRead, type Source } from '../src/sources/source.js';
import { splitResource } from '../src/targets/github/kinds.js';
import type { IdentityRead, Target } from '../src/targets/target.js';

type Json = Record<string, unknown>;

async function get(fetch: Fetch, url: string, headers: Record<string, string>): Promise<Extract<HttpResult, { ok: true }>> {
  const res = await getJson(url, headers, { fetch, backoffMs: 200 });
  if (!res.ok) throw new Error(`GET ${new URL(url).pathname}: ${res.error}`);
  return res;
}

/** PagerDuty, one binding at a time. */
export class NaiveSource implements Source {
  private readonly headers: Record<string, string>;

  constructor(private readonly o: { apiUrl: string; token: string; fetch: Fetch }) {
    this.headers = { accept: 'application/vnd.pagerduty+json;version=2', authorization: `Token token=${o.token}` };
  }

  async readShifts(bindings: readonly RotationBinding[], since: Date, until: Date): Promise<Map<string, ShiftRead>> {
    const out = new Map<string, ShiftRead>();
    for (const b of new Map(bindings.map((x) => [bindingKey(x), x])).values()) {
      try {
        out.set(bindingKey(b), { ok: true, shifts: await this.read(b, since, until) });
      } catch (e) {
        out.set(bindingKey(b), { ok: false, error: (e as Error).message });
      }
    }
    return out;
  }

  private url(path: string, query: [string, string][]): string {
    const url = new URL(`${this.o.apiUrl.replace(/\/+$/, '')}${path}`);
    for (const [k, v] of query) url.searchParams.append(k, v);
    return url.toString();
  }

  private async read(b: RotationBinding, since: Date, until: Date): Promise<Shift[]> {
    const window: [string, string][] = [
      ['since', since.toISOString()],
      ['until', until.toISOString()],
      ['time_zone', 'UTC'],
    ];
    const filter: [string, string] = b.kind === 'schedule' ? ['schedule_ids[]', b.schedule] : b.kind === 'escalationPolicy' ? ['escalation_policy_ids[]', b.escalationPolicy] : ['user_ids[]', 'none'];
    const entries: Json[] = [];
    for (let offset = 0; ; offset += 100) {
      const res = await get(this.o.fetch, this.url('/oncalls', [...window, filter, ['include[]', 'users'], ['limit', '100'], ['offset', String(offset)]]), this.headers);
      const body = res.body as { oncalls: Json[]; more: boolean };
      entries.push(...body.oncalls);
      if (!body.more) break;
    }
    const shift = (email: string, start: unknown, end: unknown): Shift => ({ email, start: start ? new Date(String(start)) : since, ...(end ? { end: new Date(String(end)) } : {}) });
    let shifts: Shift[];
    if (b.kind === 'schedule') {
      const mine = entries.filter((e) => (e.schedule as Json | null)?.id === b.schedule);
      if (mine.length > 0) shifts = mine.map((e) => shift(String((e.user as Json).email), e.start, e.end));
      else {
        const sched = (await get(this.o.fetch, this.url(`/schedules/${b.schedule}`, window), this.headers)).body as { schedule: { final_schedule: { rendered_schedule_entries: Json[] } } };
        const rendered = sched.schedule.final_schedule.rendered_schedule_entries;
        if (rendered.length === 0) return [];
        const users = ((await get(this.o.fetch, this.url(`/schedules/${b.schedule}/users`, window.slice(0, 2)), this.headers)).body as { users: Json[] }).users;
        const emails = new Map(users.map((u) => [u.id, String(u.email)]));
        shifts = rendered.map((e) => shift(emails.get((e.user as Json).id)!, e.start, e.end));
      }
    } else if (b.kind === 'escalationPolicy') {
      shifts = entries.filter((e) => b.levels === undefined || b.levels.includes(Number(e.escalation_level))).map((e) => shift(String((e.user as Json).email), e.start, e.end));
    } else throw new Error('not a PagerDuty binding');
    const unique = new Map(shifts.map((s) => [`${s.email}/${s.start.getTime()}/${s.end?.getTime()}`, s]));
    return [...unique.values()].sort((x, y) => x.start.getTime() - y.start.getTime() || x.email.localeCompare(y.email));
  }
}

/** GitHub over REST, one team at a time. */
export class NaiveTarget implements Target {
  private readonly headers: Record<string, string>;

  constructor(private readonly o: { baseUrl: string; token: string; fetch: Fetch }) {
    this.headers = { accept: 'application/vnd.github+json', authorization: `token ${o.token}` };
  }

  private async list(path: string, query = ''): Promise<Json[]> {
    const items: Json[] = [];
    for (let page = 1; ; page++) {
      const res = await get(this.o.fetch, `${this.o.baseUrl.replace(/\/+$/, '')}${path}?per_page=100&page=${page}${query}`, this.headers);
      const batch = res.body as Json[];
      items.push(...batch);
      if (batch.length < 100) return items;
    }
  }

  /** The benchmark's profiles grant teams only, so the engine never asks this baseline for a repository. */
  async readHolders(refs: readonly EntitlementRef[]): Promise<Map<string, HoldersRead>> {
    if (refs.some((r) => r.kind !== 'team')) throw new Error('the naive baseline covers teams only');
    const teams = refs.map((ref) => ({ ref, org: splitResource(ref.resource).org, team: splitResource(ref.resource).name }));
    const out = new Map<string, HoldersRead>();
    const pending = new Map<string, Holder[]>();
    let pendingError: string | undefined;
    for (const org of new Set(teams.map((t) => t.org))) {
      try {
        for (const inv of await this.list(`/orgs/${org}/invitations`)) {
          if (!inv.login || inv.team_count === 0) continue;
          for (const t of await this.list(`/orgs/${org}/invitations/${String(inv.id)}/teams`)) {
            const key = `${org}/${String(t.slug)}`.toLowerCase();
            pending.set(key, [...(pending.get(key) ?? []), { login: String(inv.login), role: 'member', state: 'pending' }]);
          }
        }
      } catch (e) {
        pendingError = (e as Error).message;
      }
    }
    for (const t of teams) {
      try {
        const path = `/orgs/${t.org}/teams/${t.team}/members`;
        const maintainers = (await this.list(path, '&role=maintainer')).map((u): Holder => ({ login: String(u.login), role: 'maintainer', state: 'active' }));
        const members = (await this.list(path, '&role=member')).map((u): Holder => ({ login: String(u.login), role: 'member', state: 'active' }));
        const active = [...maintainers, ...members];
        const invited = (pending.get(t.ref.resource.toLowerCase()) ?? []).filter((p) => !active.some((h) => h.login.toLowerCase() === p.login.toLowerCase()));
        out.set(entitlementKey(t.ref), pendingError ? { ok: false, error: pendingError } : { ok: true, holders: [...active, ...invited] });
      } catch (e) {
        out.set(entitlementKey(t.ref), { ok: false, error: (e as Error).message });
      }
    }
    return out;
  }

  async readIdentities(): Promise<IdentityRead> {
    return { ok: false, error: 'the naive baseline resolves identities from the file only' };
  }

  async grant(): Promise<void> {
    throw new Error('the naive baseline only plans');
  }

  async revoke(): Promise<void> {
    throw new Error('the naive baseline only plans');
  }
}
