/**
 * Lower bounds on the requests a run needs, computed from the generated data. They are bounds
 * for the API surface the emulators serve, at each API's maximum page size:
 *
 * PagerDuty: `/oncalls` pages hold at most 100 entries and PagerDuty has one entry per shift
 * per (policy, level) a schedule appears at; no filter selects a level or removes duplicates. So
 * a run needs at least ceil(E / 100) `/oncalls` requests, where E counts, over the window the
 * engine reads ([at - after - 24 h, at + before], and on to 7 days later for `plan`, which looks
 * that far ahead for coverage gaps: src/observe/look-ahead.ts), each needed schedule's shifts once (a needed
 * schedule is one a profile binds, or one at a bound level of a bound policy, that some policy
 * uses) plus one entry per user a bound level targets directly. A bound schedule that no policy
 * uses never appears in `/oncalls`: it costs its rendered schedule, plus its users (for their
 * emails) when anyone is on call in the window: 2 requests, or 1.
 *
 * GitHub: a team's immediate members come 100 per GraphQL connection page; N teams fit in one
 * query (N = TEAMS_PER_QUERY = 25, kept well under GitHub's 500,000-node and 10-second limits),
 * and a team's later pages need the cursor of the page before. With P = the sum over teams of
 * max(1, ceil(members / 100)) pages, at least max(ceil(P / N), the most pages of any one team)
 * queries. Pending invitations: ceil(I / 100) pages of `GET /orgs/{org}/invitations` (at least
 * one) plus one `GET .../invitations/{id}/teams` per invitation with a login and a team (REST has
 * no bulk form). Writes: one request per change (GitHub has no bulk membership endpoint).
 */
import type { GitHubSeed } from '@oncall-access/emulators/github';
import { LOOKBACK_MS } from '../src/observe/observe.js';
import { LOOK_AHEAD_MS } from '../src/observe/look-ahead.js';
import { TEAMS_PER_QUERY } from '../src/targets/github/reads.js';
import { WINDOW, type World } from './world.js';

/** A bound per API with its terms, for the table and the JSON. */
export interface LowerBound {
  github: number;
  pagerduty: number;
  total: number;
  terms: Record<string, number>;
}

/**
 * The lower bound of a run at `at` over `w` and the GitHub org `gh`: `lookAhead` for the `plan`
 * command (it reads the rotations {@link LOOK_AHEAD_MS} further), `writes` for an apply's changes.
 */
export function lowerBound(w: World, gh: GitHubSeed, at: Date, { writes = 0, lookAhead = false }: { writes?: number; lookAhead?: boolean } = {}): LowerBound {
  const since = at.getTime() - WINDOW.after - LOOKBACK_MS;
  const until = at.getTime() + (lookAhead ? LOOK_AHEAD_MS : 0) + WINDOW.before + 1;
  const schedules = new Map(w.pagerduty.schedules!.map((s) => [s.id, s]));
  const used = new Set(w.pagerduty.escalationPolicies!.flatMap((p) => p.levels.flat().flatMap((t) => ('schedule' in t ? [t.schedule] : []))));
  const shifts = (id: string): number => schedules.get(id)!.entries.filter((e) => new Date(e.start).getTime() < until && new Date(e.end).getTime() > since).length;

  const needed = new Set<string>();
  const userEntries = new Set<string>();
  let fallback = 0;
  const bound = new Set(w.profiles.flatMap((p) => p.schedules));
  for (const id of bound) {
    if (used.has(id)) needed.add(id);
    else fallback += shifts(id) > 0 ? 2 : 1;
  }
  for (const p of w.profiles) {
    if (!p.policy) continue;
    const policy = w.pagerduty.escalationPolicies!.find((x) => x.id === p.policy!.id)!;
    policy.levels.forEach((targets, i) => {
      if (p.policy!.levels && !p.policy!.levels.includes(i + 1)) return;
      for (const t of targets) {
        if ('schedule' in t) needed.add(t.schedule);
        else userEntries.add(`${policy.id}/${i + 1}/${t.user}`);
      }
    });
  }
  const entries = [...needed].reduce((n, id) => n + shifts(id), 0) + userEntries.size;
  const oncalls = Math.ceil(entries / 100);

  const org = gh.orgs[w.org]!;
  const managed = new Set(w.profiles.map((p) => p.team));
  const pages = org.teams.filter((t) => managed.has(t.slug)).map((t) => Math.max(1, Math.ceil(t.members.length / 100)));
  const graphql = Math.max(Math.ceil(pages.reduce((a, b) => a + b, 0) / TEAMS_PER_QUERY), ...pages);
  const invitations = org.invitations ?? [];
  const invitationPages = Math.max(1, Math.ceil(invitations.length / 100));
  const invitationTeams = invitations.filter((i) => i.login !== null && i.teams.length > 0).length;

  const terms = { 'pagerduty /oncalls entries': entries, 'pagerduty /oncalls pages': oncalls, 'pagerduty fallback schedule requests': fallback, 'github graphql queries': graphql, 'github invitation pages': invitationPages, 'github invitation team lookups': invitationTeams, 'github writes': writes };
  const github = graphql + invitationPages + invitationTeams + writes;
  const pagerduty = oncalls + fallback;
  return { github, pagerduty, total: github + pagerduty, terms };
}
