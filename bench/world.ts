/**
 * The benchmark's world, generated deterministically from a {@link Scale}: a PagerDuty account
 * (users, schedules with 12-hour shifts, escalation policies), a GitHub organisation (members,
 * managed and unmanaged teams, pending invitations) and the oncall-access workspace that binds
 * them (one profile per file, an identities file, the config).
 *
 * Layout, for `profiles` P and `policies` E (the last E profiles bind one escalation policy each,
 * the first P - E bind schedules):
 * - A schedules `0 .. P-E-1`: schedule-profile p binds A[p];
 * - B schedules: the first third of schedule-profiles also bind one B schedule each;
 * - D schedules (`fallbackSchedules`): the next profiles bind one D schedule each, which no
 *   escalation policy uses, so it can only be read from its rendered schedule;
 * - C schedules (the rest) appear only in escalation policies.
 * Policy k: level 1 one C schedule; level 2 the A schedules a with a % E = k; level 3 the B
 * schedules b with b % E = k and one more C schedule; level 4 one user (permanently on call).
 * Policy-profiles bind level 1 only (k even) or every level (k odd).
 *
 * Every schedule rotates five people through 12-hour shifts; its handoffs are at a fixed minute
 * of the 12-hour cycle (its phase). At {@link HANDOFF_AT} exactly `handoffs` A schedules (bound by
 * no every-level policy-profile) handed off 35 minutes ago, and no other handoff happened in the
 * hour before, so a GitHub org synced an hour earlier needs exactly `handoffs` grants and as many
 * revocations. At {@link LARGE_AT} handoffs are in progress: on some schedules 5 minutes ago (both
 * people hold the team), on some 35 minutes ago (the previous person is due for revocation), on
 * some in 10 minutes (the next person is due for a grant).
 */
import type { GitHubSeed, InvitationSeed, TeamSeed } from '@oncall-access/emulators/github';
import type { PagerDutyEscalationPolicySeed, PagerDutyScheduleSeed, PagerDutySeed, PagerDutyTargetSeed } from '@oncall-access/emulators/pagerduty';

/** The size of a generated world. */
export interface Scale {
  /** Access profiles, one per file, one managed team each. */
  profiles: number;
  /** Escalation policies; each is bound by one profile (the last `policies` profiles). */
  policies: number;
  schedules: number;
  /** Schedules bound by a profile that no escalation policy uses. */
  fallbackSchedules: number;
  /** PagerDuty users (people on call or not). */
  pdUsers: number;
  /** GitHub organisation members. */
  orgMembers: number;
  /** GitHub teams; the first `profiles` are managed. */
  teams: number;
  /** A schedules handing off at {@link HANDOFF_AT}: the grants and revocations due then. */
  handoffs: number;
  /** Static members of two profiles (large teams that need several pages); 0 for none. */
  bigTeams: [number, number];
}

/** The issue's "large" organisation. */
export const LARGE: Scale = { profiles: 400, policies: 100, schedules: 600, fallbackSchedules: 20, pdUsers: 4000, orgMembers: 5000, teams: 1000, handoffs: 150, bigTeams: [150, 250] };

/** A small world for tests: same shape, counts a test can assert. */
export const SMALL: Scale = { profiles: 12, policies: 4, schedules: 24, fallbackSchedules: 2, pdUsers: 260, orgMembers: 300, teams: 20, handoffs: 4, bigTeams: [0, 120] };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SHIFT = 12 * HOUR;
const ROTATION = 5;
/** Midnight UTC of the day everything happens (a Monday). */
export const DAY = Date.parse('2025-06-02T00:00:00Z');
/** `plan` on large: 09:05, five minutes after the 09:00 handoffs. */
export const LARGE_AT = new Date(DAY + 9 * HOUR + 5 * MINUTE);
/** `apply` on handoff: 03:05; the chosen schedules handed off at 02:30. */
export const HANDOFF_AT = new Date(DAY + 3 * HOUR + 5 * MINUTE);
/** Profile window (every profile). */
export const WINDOW = { before: 15 * MINUTE, after: 30 * MINUTE };
/** When the GitHub org was last synced before each instant. */
export const SYNCED_BEFORE = { large: 10 * MINUTE, handoff: HOUR };

const HANDOFF_PHASE = (HANDOFF_AT.getTime() - DAY - 35 * MINUTE) % SHIFT;

/** Phases (minutes into the 12-hour cycle) of every other schedule: none hands off in the hour before {@link HANDOFF_AT}, nor just after it. */
const OTHER_PHASES = Array.from({ length: 48 }, (_, i) => i * 15 * MINUTE).filter((p) => {
  const lo = (HANDOFF_AT.getTime() - DAY - SYNCED_BEFORE.handoff - WINDOW.after - 15 * MINUTE) % SHIFT;
  const hi = (HANDOFF_AT.getTime() - DAY + WINDOW.before) % SHIFT;
  return !(p > lo && p <= hi);
});

/** A person: index into the people table. */
type Person = number;

/** One profile of the generated workspace. */
export interface ProfileSpec {
  name: string;
  team: string;
  role: 'member' | 'maintainer';
  schedules: string[];
  policy?: { id: string; levels?: number[] };
  /** Static members (people). */
  members: Person[];
}

/** Everything generated from a scale. */
export interface World {
  scale: Scale;
  org: string;
  profiles: ProfileSpec[];
  pagerduty: PagerDutySeed;
  /** Email and GitHub login of each person; `login` undefined for people with no mapping in identities.yaml. */
  people: { email: string; login: string; mapped: boolean }[];
  /** People who have a GitHub account but are not organisation members (they get invitations). */
  invited: Set<Person>;
  /** Organisation members who are no PagerDuty user (filler employees). */
  employees: Person[];
}

const pad = (n: number, w = 4): string => String(n).padStart(w, '0');
export const scheduleId = (j: number): string => `PS${pad(j)}`;
export const policyId = (k: number): string => `PE${pad(k)}`;
const userId = (i: number): string => `PU${pad(i, 5)}`;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Generates the world for `scale`; throws when the scale cannot hold the layout. */
export function generate(scale: Scale): World {
  const E = scale.policies;
  const nPS = scale.profiles - E;
  const nB = Math.floor(nPS / 3);
  const nD = scale.fallbackSchedules;
  const nC = scale.schedules - nPS - nB - nD;
  if (nPS < 1 || E < 1 || nC < 1 || nB + nD > nPS) throw new Error(`bench: scale ${JSON.stringify(scale)} cannot hold the layout`);
  const A = (i: number): number => i;
  const B = (i: number): number => nPS + i;
  const D = (i: number): number => nPS + nB + i;
  const C = (i: number): number => nPS + nB + nD + i;
  const nC1 = Math.min(E, nC);
  const nC2 = nC - nC1;

  // People: rotation members, policy managers, static members, other PagerDuty users, employees.
  let next = ROTATION * scale.schedules;
  const manager = (k: number): Person => ROTATION * scale.schedules + k;
  next += E;
  const statics = new Map<number, Person[]>();
  for (let p = 0; p < nPS; p++) if (p % 10 === 5) statics.set(p, [next++]);
  const [bigA, bigB] = [Math.floor(nPS / 2), Math.floor((nPS * 5) / 6)];
  for (const [p, n] of [
    [bigA, scale.bigTeams[0]],
    [bigB, scale.bigTeams[1]],
  ] as const) {
    if (n > 0) statics.set(p, [...(statics.get(p) ?? []), ...Array.from({ length: n }, () => next++)]);
  }
  if (next > scale.pdUsers) throw new Error(`bench: ${next} people are on call or static members, more than pdUsers ${scale.pdUsers}`);
  const pdPeople = scale.pdUsers;
  const invited = new Set<Person>();
  for (let j = 7; j < scale.schedules; j += 20) invited.add(ROTATION * j + 3);
  const unmapped = new Set<Person>();
  for (let j = 1; j < nPS; j += 50) unmapped.add(ROTATION * j + 4);
  const employeeCount = scale.orgMembers - (pdPeople - invited.size);
  if (employeeCount < 10) throw new Error('bench: orgMembers must exceed pdUsers by at least 10');
  const employees = Array.from({ length: employeeCount + 20 }, (_, i) => pdPeople + i);
  const people = Array.from({ length: pdPeople + employees.length }, (_, i) => ({
    email: `user${pad(i, 5)}@corp.example`,
    login: `user${pad(i, 5)}-gh`,
    mapped: !unmapped.has(i),
  }));

  // Which A schedules hand off at HANDOFF_AT: in a policy whose profile binds level 1 only.
  const levelOneOnly = (k: number): boolean => k % 2 === 0;
  const handoff = new Set<number>();
  for (let a = 0; a < nPS && handoff.size < scale.handoffs; a++) if (levelOneOnly(a % E)) handoff.add(A(a));
  if (handoff.size < scale.handoffs) throw new Error(`bench: only ${handoff.size} schedules can hand off, not ${scale.handoffs}`);

  const schedules: PagerDutyScheduleSeed[] = [];
  const from = DAY - 2 * 24 * HOUR;
  const to = DAY + 2 * 24 * HOUR;
  for (let j = 0; j < scale.schedules; j++) {
    const phase = handoff.has(j) ? HANDOFF_PHASE : OTHER_PHASES[j % OTHER_PHASES.length]!;
    const entries = [];
    for (let start = from + phase; start < to; start += SHIFT) {
      const n = Math.round((start - DAY) / SHIFT);
      entries.push({ userId: userId(ROTATION * j + (((n + j) % ROTATION) + ROTATION) % ROTATION), start: new Date(start), end: new Date(start + SHIFT) });
    }
    schedules.push({ id: scheduleId(j), name: `Schedule ${j}`, entries });
  }

  const policies: PagerDutyEscalationPolicySeed[] = [];
  for (let k = 0; k < E; k++) {
    const s = (j: number): PagerDutyTargetSeed => ({ schedule: scheduleId(j) });
    const levels: PagerDutyTargetSeed[][] = [
      [s(C(k % nC1))],
      Array.from({ length: nPS }, (_, a) => a).filter((a) => a % E === k).map((a) => s(A(a))),
      [...Array.from({ length: nB }, (_, b) => b).filter((b) => b % E === k).map((b) => s(B(b))), ...(nC2 > 0 ? [s(C(nC1 + (k % nC2)))] : [])],
      [{ user: userId(manager(k)) }],
    ].filter((l) => l.length > 0);
    policies.push({ id: policyId(k), name: `Policy ${k}`, levels });
  }

  const users = Array.from({ length: pdPeople }, (_, i) => ({ id: userId(i), name: `User ${i}`, email: people[i]!.email }));

  const profiles: ProfileSpec[] = [];
  for (let p = 0; p < scale.profiles; p++) {
    const role = p % 7 === 3 ? ('maintainer' as const) : ('member' as const);
    if (p < nPS) {
      const second = p < nB ? [scheduleId(B(p))] : p < nB + nD ? [scheduleId(D(p - nB))] : [];
      profiles.push({ name: `svc-${pad(p)}-oncall`, team: `team-${pad(p)}`, role, schedules: [scheduleId(A(p)), ...second], members: statics.get(p) ?? [] });
    } else {
      const k = p - nPS;
      profiles.push({ name: `ep-${pad(k)}-responders`, team: `team-${pad(p)}`, role, schedules: [], policy: { id: policyId(k), ...(levelOneOnly(k) ? { levels: [1] } : {}) }, members: [] });
    }
  }

  return { scale, org: 'corp', profiles, pagerduty: { users, schedules, escalationPolicies: policies }, people, invited, employees };
}

/** The people a profile entitles at instant `t` (shift windows widened by {@link WINDOW}). */
export function entitledAt(w: World, profile: ProfileSpec, t: number): Set<Person> {
  const out = new Set<Person>(profile.members);
  const schedules = new Map(w.pagerduty.schedules!.map((s) => [s.id, s]));
  const onSchedule = (id: string): void => {
    for (const e of schedules.get(id)!.entries) {
      const start = new Date(e.start).getTime() - WINDOW.before;
      const end = new Date(e.end).getTime() + WINDOW.after;
      if (start <= t && t < end) out.add(Number(e.userId.slice(2)));
    }
  };
  for (const id of profile.schedules) onSchedule(id);
  if (profile.policy) {
    const policy = w.pagerduty.escalationPolicies!.find((p) => p.id === profile.policy!.id)!;
    policy.levels.forEach((targets, i) => {
      if (profile.policy!.levels && !profile.policy!.levels.includes(i + 1)) return;
      for (const target of targets) {
        if ('schedule' in target) onSchedule(target.schedule);
        else out.add(Number(target.user.slice(2)));
      }
    });
  }
  return out;
}

/** Who holds each managed team (login, role), as the tool would have left it at `t`. */
export function holdersAt(w: World, t: number): Map<string, { person: Person; role: 'member' | 'maintainer' }[]> {
  return new Map(w.profiles.map((p) => [p.team, [...entitledAt(w, p, t)].filter((i) => w.people[i]!.mapped).map((person) => ({ person, role: p.role }))]));
}

/** Options of {@link githubSeed}. */
export interface OrgState {
  /** The instant the org was last synced to (its managed teams hold exactly what was due then). */
  syncedAt: number;
  /** Add drift: members and invitations no profile wants. */
  drift: boolean;
}

/** The GitHub organisation: managed teams as synced at `syncedAt` (plus drift), unmanaged teams, invitations. */
export function githubSeed(w: World, o: OrgState): GitHubSeed {
  const rnd = random(42);
  const login = (i: Person): string => w.people[i]!.login;
  const orgMembers = [...Array.from({ length: w.scale.pdUsers }, (_, i) => i).filter((i) => !w.invited.has(i)), ...w.employees.slice(0, w.employees.length - 20)];
  const outsiders = w.employees.slice(w.employees.length - 20);
  const invitations = new Map<Person, string[]>();
  const teams: TeamSeed[] = [];
  for (const [i, [team, holders]] of [...holdersAt(w, o.syncedAt)].entries()) {
    const members: TeamSeed['members'] = [];
    for (const h of holders) {
      if (w.invited.has(h.person)) invitations.set(h.person, [...(invitations.get(h.person) ?? []), team]);
      else members.push({ login: login(h.person), role: h.role });
    }
    if (o.drift && i % 20 === 3) members.push({ login: login(w.employees[i % (w.employees.length - 20)]!), role: 'member' });
    if (o.drift && i % 80 === 7) invitations.set(outsiders[1 + Math.floor(i / 80)]!, [team]);
    teams.push({ slug: team, members });
  }
  const unmanaged = w.scale.teams - w.profiles.length;
  for (let u = 0; u < unmanaged; u++) {
    const slug = `eng-${String(u).padStart(4, '0')}`;
    let members: string[];
    if (u === 0) members = orgMembers.map(login);
    else if (u === 1) members = orgMembers.slice(0, Math.floor(orgMembers.length * 0.6)).map(login);
    else members = Array.from({ length: 3 + Math.floor(rnd() * 30) }, () => login(orgMembers[Math.floor(rnd() * orgMembers.length)]!));
    teams.push({ slug, ...(u > 10 && u % 5 === 0 ? { parent: `eng-${String(2 + (u % 9)).padStart(4, '0')}` } : {}), members: [...new Set(members)].map((l, n) => ({ login: l, role: n === 0 ? ('maintainer' as const) : ('member' as const) })) });
  }
  const invitationSeeds: InvitationSeed[] = [...invitations].map(([person, slugs], n) => ({ id: 1000 + n, login: login(person), teams: slugs }));
  invitationSeeds.push({ id: 900, login: null, email: 'contractor@partner.example', teams: [] }, { id: 901, login: login(outsiders[0]!), teams: [] });
  return { orgs: { [w.org]: { members: orgMembers.map(login), teams, invitations: invitationSeeds } }, users: [...w.people.map((p) => p.login)] };
}

/** Grants, revocations and role changes due at `at` for an org synced per `o`, with the drift. */
export function expectedChanges(w: World, at: number, o: OrgState): { grants: number; revokes: number; updates: number } {
  const seed = githubSeed(w, o);
  const org = seed.orgs[w.org]!;
  const want = holdersAt(w, at);
  let grants = 0;
  let revokes = 0;
  for (const p of w.profiles) {
    const held = new Set([...org.teams.find((t) => t.slug === p.team)!.members.map((m) => m.login), ...(org.invitations ?? []).filter((i) => i.teams.includes(p.team)).map((i) => i.login!)]);
    const wanted = new Set(want.get(p.team)!.map((h) => w.people[h.person]!.login));
    for (const l of wanted) if (!held.has(l)) grants += 1;
    for (const l of held) if (!wanted.has(l)) revokes += 1;
  }
  return { grants, revokes, updates: 0 };
}

/** The workspace files (path relative to the workspace directory, contents). */
export function workspaceFiles(w: World, urls: { github: string; pagerduty: string }): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'oncall-access.yaml',
    `apiVersion: oncall-access/v1
kind: Config
metadata:
  name: bench
spec:
  sources:
    pagerduty:
      type: pagerduty
      tokenEnv: PAGERDUTY_TOKEN
      apiUrl: ${urls.pagerduty}
  targets:
    github:
      type: github
      org: ${w.org}
      tokenEnv: GITHUB_TOKEN
      apiUrl: ${urls.github}
  identities:
    resolve: [file]
  guards:
    maxRevocations: 1000
  paths:
    profiles: profiles
    identities: identities.yaml
    state: state
`,
  );
  for (const p of w.profiles) {
    const rotations = [...p.schedules.map((s) => `    - source: pagerduty\n      schedule: ${s}\n`), ...(p.policy ? [`    - source: pagerduty\n      escalationPolicy: ${p.policy.id}\n${p.policy.levels ? `      levels: [${p.policy.levels.join(', ')}]\n` : ''}`] : [])].join('');
    const members = p.members.length > 0 ? `  members:\n${p.members.map((i) => `    - ${w.people[i]!.email}\n`).join('')}` : '';
    files.set(
      `profiles/${p.name}.yaml`,
      `apiVersion: oncall-access/v1
kind: AccessProfile
metadata:
  name: ${p.name}
  description: On-call access for ${p.name}.
spec:
  mode: auto
  rotations:
${rotations}  window: { before: 15m, after: 30m }
${members}  entitlements:
    - target: github
      team: ${p.team}
      role: ${p.role}
`,
    );
  }
  const identities = w.people.slice(0, w.scale.pdUsers).filter((p) => p.mapped);
  files.set('identities.yaml', `apiVersion: oncall-access/v1\nkind: Identities\nspec:\n  identities:\n${identities.map((p) => `    - { email: ${p.email}, github: ${p.login} }\n`).join('')}`);
  return files;
}

/**
 * The workspace files of the *validate* scenarios: `w`'s config and identities with `count`
 * profile files, made from `w`'s profiles in turn (each copy with its own name and team), and no
 * API to reach.
 */
export function validateWorkspaceFiles(w: World, count: number): Map<string, string> {
  const files = workspaceFiles(w, { github: 'http://127.0.0.1:9', pagerduty: 'http://127.0.0.1:9' });
  const base = w.profiles;
  for (let i = 0; i < count; i++) {
    const p = base[i % base.length]!;
    const copy = `${p.name}-${Math.floor(i / base.length)}`;
    files.set(`profiles/${copy}.yaml`, files.get(`profiles/${p.name}.yaml`)!.replace(`name: ${p.name}`, `name: ${copy}`).replace(`team: ${p.team}`, `team: team-${String(i).padStart(4, '0')}`));
  }
  for (const p of base) files.delete(`profiles/${p.name}.yaml`);
  return files;
}
