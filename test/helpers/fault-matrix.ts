/**
 * The fault matrix (issue 9), run in slices by the test/fault-matrix.*.test.ts files, one per
 * endpoint and mode (issue 20: no file may come near tap's timeout on a busy machine): every endpoint each adapter uses, under every fault an HTTP API
 * can answer with (429 with each reset header, 500, 502, 503, a hang past the timeout, a reset
 * connection, malformed JSON), transient (the emulator fails the request once: the client must
 * survive it with bounded retries) and persistent (it fails every attempt until the fault is
 * cleared: the run must fail cleanly); plus pages that change between requests (GitHub GraphQL
 * members pagination, PagerDuty `/oncalls` offset paging).
 *
 * Per cell, asserted:
 * - transient: the run succeeds, every change applied; a 429 is waited out as its headers ask
 *   and a hang is abandoned at the client's timeout;
 * - persistent: the run fails (exit 1) with an error naming the rotation or team and the fault;
 *   the teams fed by the failed read are exactly as they were (no revocation from a failed read;
 *   for identities, nobody revoked or downgraded anywhere) and the other teams converge; a failed
 *   write is the only failure, reported with its team;
 * - pages that change: whoever is on call keeps access;
 * - always: no crash; no unhandled rejection (whole file); the emulators saw no unexpected
 *   request; after the fault clears, `apply --yes` exits 0, `plan --detailed-exitcode` exits 0,
 *   and every team holds what a run without the fault leaves.
 *
 * Most cells run one apply through the engine with adapters built directly (test/helpers/
 * faults.ts engineApply) with small client options: a 3 s timeout for a hang (30 s for every
 * other fault, so that a loaded machine never turns a slow answer into a timeout), 1 ms backoff
 * (octokit's retry plugin's too), sleeps that return at once and are recorded (so 429 waits are
 * checked, not slept). Some cells per adapter run `oncall-access apply` itself with its
 * defaults, real sleeps included. The convergence runs are always the CLI's. Cells run a few at
 * once, each with its own emulators.
 *
 * A cell whose correct behaviour needs a change in src/ is a `todo` naming the change: tap does
 * not run its assertions, but the cell itself still runs and the summary table shows what it
 * does today. Debugging: FAULT_MATRIX_ONLY=<regexp of cell names>, FAULT_MATRIX_JOBS=<cells at
 * once, default 6>, FAULT_MATRIX_DUMP=<file for every observation as JSON>,
 * FAULT_MATRIX_RUN_TODO=1 (assert the todo cells too: after a fix, to see which pass).
 */
import type { Test } from 'tap';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { outcomeLine } from '../../src/render/outcomes.js';
import type { JsonServer } from '@oncall-access/emulators/http-server';
import { PAGERDUTY_ACCEPT } from '@oncall-access/emulators/pagerduty';
import * as pagerdutySource from '../../src/sources/pagerduty.js';
import { describeError as describeGitHubError } from '../../src/targets/github/errors.js';
import * as githubReads from '../../src/targets/github/reads.js';
import { cli, ENV } from './demo-workspace.js';
import { cellScope, type CellScope, engineApply, faultResponse, faultWorld, fakeSleep, FAULT_KINDS, HANG_MS, Injector, PADS, realFetch, type FaultKind, type FaultWorld, type Outgoing, type Rule, type WorldOptions } from './faults.js';

/**
 * Per-attempt timeout of engine-level cells: for a hang, a tenth of {@link HANG_MS} so the client
 * gives up first, yet long enough that the cell's other requests are not timed out by a loaded
 * machine (a stress run saw 1 s exceeded); for every other fault, long enough that a loaded
 * machine never turns a slow answer into a timeout (the fault, not the machine, must decide
 * what the run reports).
 */
const timeoutFor = (fault: Fault): number => (fault === 'hang' ? HANG_MS / 10 : 30_000);

/** Cells run at once per file: enough to overlap the emulators' waits, few enough for a busy 2-core machine. */
const JOBS = 6;

/** Managed teams of the standard world (see faultWorld) and who feeds them. */
const TEAMS = ['payments-deployers', 'prod-deployers', 'infra-maintainers', 'checkout-deployers', 'data-deployers', 'solo-deployers', 'gap-deployers', 'support-deployers', 'legacy-deployers'] as const;
const UNMANAGED = ['infra-contractors', 'admins', 'payments-admins'];

export type Api = 'github' | 'pagerduty' | 'opsgenie' | 'jsm';
type Fault = FaultKind | 'page: member removed' | 'page: member inserted' | 'page: entry removed' | 'page: entry inserted';
/** Transient: the emulator fails the request once; persistent: every attempt until the fault is cleared. */
export type Mode = 'transient' | 'persistent';
type Level = 'engine' | 'cli';

/** One endpoint of one adapter, and what a failed read of it must freeze and name. */
export interface Endpoint {
  api: Api;
  name: string;
  server: (w: FaultWorld) => JsonServer;
  select: (o: Outgoing) => boolean;
  /** read: a failed read freezes `teams`; identity: it freezes the whole org (no revocation, no downgrade); write: apply-time. */
  kind: 'read' | 'identity' | 'write';
  teams: readonly string[];
  /** What the errors of a persistent failure must name (each). */
  names: readonly string[];
  world?: WorldOptions;
}

const graphqlBody = (needle: string) => (o: Outgoing) => o.method === 'POST' && o.url.pathname === '/graphql' && (o.body ?? '').includes(needle);
const path = (method: string, re: RegExp) => (o: Outgoing) => o.method === method && re.test(o.url.pathname);
const teamNames = TEAMS.map((x) => `cannot read team acme/${x} on github`);

/** The teams the jsm source feeds (the demo's data team, and support), and what a failed JSM read names: both schedules are bound by name and read in one lookup of users. */
const JSM_TEAMS = ['data-deployers', 'support-deployers'];
const JSM_NAMES = ['cannot read jsm schedule data_primary', 'cannot read jsm schedule support_primary'];

const GH_MEMBERS: Endpoint = { api: 'github', name: 'POST /graphql (team members batch)', server: (w) => w.github, select: graphqlBody('team(slug: $s0)'), kind: 'read', teams: TEAMS, names: teamNames };
export const ENDPOINTS: Endpoint[] = [
  GH_MEMBERS,
  { api: 'github', name: 'POST /graphql (SAML identities)', server: (w) => w.github, select: graphqlBody('samlIdentityProvider'), kind: 'identity', teams: TEAMS, names: ['cannot read SAML external identities of acme'] },
  { api: 'github', name: 'GET /orgs/{org}/invitations', server: (w) => w.github, select: path('GET', /^\/orgs\/acme\/invitations$/), kind: 'read', teams: TEAMS, names: teamNames },
  { api: 'github', name: 'GET /orgs/{org}/invitations/{id}/teams', server: (w) => w.github, select: path('GET', /^\/orgs\/acme\/invitations\/\d+\/teams$/), kind: 'read', teams: TEAMS, names: teamNames },
  // Writes: every attempt of one membership's write fails (the grant of judy-acme, the revocation of ken-acme); the other writes of the apply go through.
  { api: 'github', name: 'PUT /orgs/{org}/teams/{team}/memberships/{user}', server: (w) => w.github, select: path('PUT', /^\/orgs\/acme\/teams\/checkout-deployers\/memberships\/judy-acme$/), kind: 'write', teams: [], names: ['grant judy-acme on acme/checkout-deployers'] },
  { api: 'github', name: 'DELETE /orgs/{org}/teams/{team}/memberships/{user}', server: (w) => w.github, select: path('DELETE', /^\/orgs\/acme\/teams\/checkout-deployers\/memberships\/ken-acme$/), kind: 'write', teams: [], names: ['revoke ken-acme from acme/checkout-deployers'] },
  {
    api: 'pagerduty',
    name: 'GET /oncalls',
    server: (w) => w.pagerduty,
    select: path('GET', /^\/oncalls$/),
    kind: 'read',
    teams: ['checkout-deployers', 'solo-deployers', 'gap-deployers'],
    names: ['cannot read pagerduty escalation policy PCHKEP1', 'cannot read pagerduty schedule PSOLO01', 'cannot read pagerduty escalation policy PGAP001'],
  },
  { api: 'pagerduty', name: 'GET /schedules/{id}', server: (w) => w.pagerduty, select: path('GET', /^\/schedules\/PSOLO01$/), kind: 'read', teams: ['solo-deployers'], names: ['cannot read pagerduty schedule PSOLO01'] },
  { api: 'pagerduty', name: 'GET /schedules/{id}/users', server: (w) => w.pagerduty, select: path('GET', /^\/schedules\/PSOLO01\/users$/), kind: 'read', teams: ['solo-deployers'], names: ['cannot read pagerduty schedule PSOLO01'] },
  { api: 'pagerduty', name: 'GET /escalation_policies/{id}', server: (w) => w.pagerduty, select: path('GET', /^\/escalation_policies\/PGAP001$/), kind: 'read', teams: ['gap-deployers'], names: ['cannot read pagerduty escalation policy PGAP001'] },
  { api: 'opsgenie', name: 'GET /v2/schedules/{id}/timeline', server: (w) => w.opsgenie, select: path('GET', /^\/v2\/schedules\/[^/]+\/timeline$/), kind: 'read', teams: ['legacy-deployers'], names: ['cannot read opsgenie schedule legacy_primary'] },
  { api: 'jsm', name: 'GET /jsm/ops/api/{cloudId}/v1/schedules', server: (w) => w.jsm, select: path('GET', /^\/jsm\/ops\/api\/[^/]+\/v1\/schedules$/), kind: 'read', teams: JSM_TEAMS, names: JSM_NAMES },
  { api: 'jsm', name: 'GET /jsm/ops/api/{cloudId}/v1/schedules/{id}/timeline', server: (w) => w.jsm, select: path('GET', /^\/jsm\/ops\/api\/[^/]+\/v1\/schedules\/[^/]+\/timeline$/), kind: 'read', teams: JSM_TEAMS, names: JSM_NAMES },
  { api: 'jsm', name: 'GET /ex/jira/{cloudId}/rest/api/3/user/bulk', server: (w) => w.jsm, select: path('GET', /^\/ex\/jira\/[^/]+\/rest\/api\/3\/user\/bulk$/), kind: 'read', teams: JSM_TEAMS, names: JSM_NAMES },
];

/** GitHub GraphQL pagination: the second page of big-readers' members (151: erin-acme is the 101st). */
export const GH_PAGE_2: Endpoint = { api: 'github', name: 'POST /graphql (team members, page 2)', server: (w) => w.github, select: graphqlBody('team(slug: $slug)'), kind: 'read', teams: ['big-readers'], names: [], world: { bigTeam: true } };
/** PagerDuty offset paging: `/oncalls` at offset 100 (104 entries: mia's shift, on call now, is the 101st). */
export const PD_PAGE_2: Endpoint = { api: 'pagerduty', name: 'GET /oncalls (offset 100)', server: (w) => w.pagerduty, select: (o) => path('GET', /^\/oncalls$/)(o) && o.url.searchParams.get('offset') === '100', kind: 'read', teams: ['busy-deployers'], names: [], world: { busy: true } };

/** One cell of the matrix. */
export interface Cell {
  endpoint: Endpoint;
  fault: Fault;
  mode: Mode;
  level: Level;
  /** Set when the correct behaviour needs a change in src/: what change. */
  todo?: string;
}

// --- what needs src changes -----------------------------------------------------------------

/**
 * The fixes some cells need in src/. They were made in the working tree (src/targets/github/,
 * src/sources/pagerduty.ts) while this matrix was written; where one is missing, the cells that
 * need it are todos naming the change instead of failures. Detected by what the fix exports.
 */
const HAS = {
  githubTimeout: describeGitHubError({ cause: { name: 'RequestTimeout', message: 'probe' } }).startsWith('probe'),
  githubMalformed: describeGitHubError({ cause: { name: 'MalformedResponse', message: 'probe' } }).startsWith('probe'),
  githubPageCheck: 'PAGE_REREADS' in githubReads,
  pagerdutyPageCheck: 'PAGE_REREADS' in pagerdutySource,
};

const NEEDS_GITHUB_TIMEOUT =
  'needs: a per-attempt timeout in the GitHub target (src/targets/github/client.ts: GitHubTargetOptions.timeoutMs, default 15 s; createOctokit gives octokit `request: { fetch }` wrapping o.fetch with `signal: AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)])` and rethrowing a timeout as an error named RequestTimeout, which octokit wraps as a 500 and its retry plugin retries; describeError names it): without it a hang is waited out for as long as the server takes';
const NEEDS_GITHUB_MALFORMED =
  'needs: a GitHub answer that is not JSON treated as a failed, retried request (src/targets/github/client.ts: the same fetch under octokit reads a 2xx JSON body, JSON.parse-checks it and throws an error named MalformedResponse when it does not parse, else returns `new Response(text, res)`; describeError names it): today octokit hands the text on as data, GraphQL reads then crash the run (TypeError reading "organization" of undefined: internal error, nothing applied) and REST reads fail at once, unretried, as "Cannot use \'in\' operator to search for \'total_count\'"';
const NEEDS_GITHUB_PAGE_CHECK =
  'needs: a consistency check of GraphQL member pages (src/targets/github/reads.ts: MEMBERS_FIELDS += totalCount; restOfTeam reads the team again from its first page, at most PAGE_REREADS = 2 times, when totalCount changes between pages or the members read differ from it, then fails the read): today a member removed while the pages are read shifts the 101st member out of sight, the ledger prunes their grant as "removed by hand", and an additive team keeps them for good';
const NEEDS_PD_PAGE_CHECK =
  'needs: a consistency check of /oncalls pages (src/sources/pagerduty.ts list(): total=true on every page; read the list again from offset 0, at most PAGE_REREADS = 2 times, when a page\'s total differs from the first page\'s or the items read differ from it, then fail the read): today an entry removed while the pages are read shifts the 101st entry out of sight, and a person on call is revoked until the next run';

/** The src change a cell needs and src does not have, if any. */
function todoFor(e: Endpoint, fault: Fault): string | undefined {
  if (fault === 'page: entry removed' && !HAS.pagerdutyPageCheck) return NEEDS_PD_PAGE_CHECK;
  if (fault === 'page: member removed' && !HAS.githubPageCheck) return NEEDS_GITHUB_PAGE_CHECK;
  if (e.api !== 'github') return undefined;
  if (fault === 'hang' && !HAS.githubTimeout) return NEEDS_GITHUB_TIMEOUT;
  if (fault === 'malformed' && e.kind !== 'write' && !HAS.githubMalformed) return NEEDS_GITHUB_MALFORMED;
  return undefined;
}

export const CELLS: Cell[] = [
  ...ENDPOINTS.flatMap((endpoint) =>
    FAULT_KINDS.flatMap((fault) => (['transient', 'persistent'] as const).map((mode): Cell => ({ endpoint, fault, mode, level: 'engine', todo: todoFor(endpoint, fault) }))),
  ),
  ...(['page: member removed', 'page: member inserted'] as const).map((fault): Cell => ({ endpoint: GH_PAGE_2, fault, mode: 'transient', level: 'engine', todo: todoFor(GH_PAGE_2, fault) })),
  ...(['page: entry removed', 'page: entry inserted'] as const).map((fault): Cell => ({ endpoint: PD_PAGE_2, fault, mode: 'transient', level: 'engine', todo: todoFor(PD_PAGE_2, fault) })),
  // Through `oncall-access apply` itself, with the CLI's defaults (15 s timeouts, 3 retries from 500 ms; octokit's 1 s, 4 s).
  ...(
    [
      [GH_MEMBERS, '502', 'persistent'],
      [ENDPOINTS[2]!, '429 retry-after', 'transient'],
      [ENDPOINTS[4]!, '500', 'transient'],
      [ENDPOINTS[5]!, 'drop', 'persistent'],
      [ENDPOINTS[6]!, '503', 'persistent'],
      [ENDPOINTS[6]!, '429 ratelimit-reset', 'transient'],
      [ENDPOINTS[10]!, 'malformed', 'persistent'],
      [ENDPOINTS[10]!, 'drop', 'transient'],
    ] as const
  ).map(([endpoint, fault, mode]): Cell => ({ endpoint, fault, mode, level: 'cli', todo: todoFor(endpoint, fault) })),
];

const cellName = (c: Cell) => `${c.endpoint.name} × ${c.fault} (${c.mode}${c.level === 'cli' ? ', via the CLI' : ''})`;

// --- running a cell -------------------------------------------------------------------------

type Holders = Record<string, string[]>;

interface Observation {
  code: number;
  crashed?: string;
  errors: string[];
  /** Outcome lines of changes that failed or were skipped. */
  failed: string[];
  applied: number;
  before: Holders;
  after: Holders;
  final: Holders;
  injected: number;
  problems: string[];
  requests: Injector['requests'];
  sleeps: number[];
  converge: { apply: number; plan: number; out: string };
  unexpected: string[];
  ms: number;
  /** The faulted run alone. */
  runMs: number;
}

function holders(w: FaultWorld, teams: readonly string[]): Holders {
  return Object.fromEntries(teams.map((team) => [team, w.github.teamMembers('acme', team).map((m) => `${m.login}:${m.role}:${m.state}`).sort()]));
}

function worldTeams(o: WorldOptions = {}): string[] {
  return [...TEAMS, ...UNMANAGED, ...(o.bigTeam ? ['big-readers'] : []), ...(o.busy ? ['busy-deployers'] : [])];
}

const PD_HEADERS = { authorization: `Token token=${ENV.PAGERDUTY_TOKEN}`, accept: PAGERDUTY_ACCEPT };

/** The rule injecting `fault` into `e`'s requests of world `w`. */
function ruleFor(w: FaultWorld, e: Endpoint, fault: Fault, mode: Mode): Rule {
  const server = e.server(w);
  const times = mode === 'transient' ? 1 : 1_000;
  switch (fault) {
    case 'page: member removed':
    case 'page: member inserted':
      // Another admin changes big-readers after its first page was read: pad-001 (on page 1) leaves, or a new member joins.
      return {
        server,
        select: e.select,
        response: async () => {
          const members = w.github.teamMembers('acme', 'big-readers').map((m) => m.login);
          if (members.indexOf('erin-acme') !== 100 || members[0] !== PADS[0]) throw new Error('big-readers should hold pad-001 first and erin-acme 101st');
          const [method, login] = fault === 'page: member removed' ? ['DELETE', PADS[0]] : ['PUT', 'pad-new'];
          const res = await realFetch(`${w.github.url}/orgs/acme/teams/big-readers/memberships/${login}`, { method, headers: { authorization: `token ${ENV.GITHUB_TOKEN}`, 'content-type': 'application/json' }, body: method === 'PUT' ? '{"role":"member"}' : undefined });
          if (!res.ok) throw new Error(`could not change big-readers: ${res.status}`);
          return undefined;
        },
      };
    case 'page: entry removed':
    case 'page: entry inserted':
      // PagerDuty's data changes after page 1 was read: an entry before offset 100 disappears (page 2 starts one later) or one is added (page 2 starts one earlier).
      return {
        server,
        select: e.select,
        response: async (o) => {
          const url = new URL(o.url);
          if (fault === 'page: entry inserted') url.searchParams.set('offset', '99');
          const res = await realFetch(url, { headers: PD_HEADERS });
          const body = (await res.json()) as { oncalls: { user: { id: string } }[]; offset: number; total: number | null };
          const first = body.oncalls[fault === 'page: entry removed' ? 0 : 1]?.user.id;
          if (first !== 'PMIA001') throw new Error(`page 2 should start with mia's shift, not ${first}: the busy world's seed is off`);
          if (fault === 'page: entry removed') body.oncalls = body.oncalls.slice(1);
          // When asked for, the total says what changed too.
          if (typeof body.total === 'number') body.total += fault === 'page: entry removed' ? -1 : 1;
          return { status: 200, body: { ...body, offset: 100 } };
        },
      };
    default:
      return { server, select: e.select, response: () => faultResponse(fault, e.api), times };
  }
}

/** Final holders of a run without faults, per world: what every cell must converge to. */
const baselines = new Map<string, Promise<Holders>>();
function baseline(root: string, o: WorldOptions = {}): Promise<Holders> {
  const key = JSON.stringify(o);
  if (!baselines.has(key)) {
    baselines.set(
      key,
      (async () => {
        const scope = cellScope(root);
        try {
          const w = await faultWorld(scope, o);
          const r = await cli(w.dir, ['apply', '--config', 'oncall-access.yaml', '--yes']);
          if (r.code !== 0) throw new Error(`baseline apply failed: ${r.out}${r.err}`);
          return holders(w, worldTeams(o));
        } finally {
          await scope.close();
        }
      })(),
    );
  }
  return baselines.get(key)!;
}

async function runCell(root: string, c: Cell): Promise<Observation> {
  const scope = cellScope(root);
  try {
    return await observe(scope, c);
  } finally {
    await scope.close();
  }
}

async function observe(scope: CellScope, c: Cell): Promise<Observation> {
  const started = performance.now();
  const w = await faultWorld(scope, c.endpoint.world);
  const teams = worldTeams(c.endpoint.world);
  const injector = new Injector();
  injector.add(ruleFor(w, c.endpoint, c.fault, c.mode));
  const before = holders(w, teams);
  const clock = fakeSleep();
  const o: Partial<Observation> = { before, sleeps: clock.sleeps, errors: [], failed: [], applied: 0 };
  try {
    if (c.level === 'engine') {
      const r = await engineApply(w.dir, injector.fetch, { http: { timeoutMs: timeoutFor(c.fault), backoffMs: 1, sleep: clock.sleep }, github: { ...clock, retryBaseMs: 1 } });
      o.code = r.code;
      o.errors = r.plan.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
      // As the CLI prints them.
      o.failed = r.outcomes.filter((x) => x.status !== 'applied').map((x) => outcomeLine(x));
      o.applied = r.outcomes.filter((x) => x.status === 'applied').length;
    } else {
      const r = await cli(w.dir, ['apply', '--config', 'oncall-access.yaml', '--yes'], { fetch: injector.fetch });
      o.code = r.code;
      if (/internal error/.test(r.err)) o.crashed = r.err;
      o.errors = r.out.split('\n').filter((l) => /\berror: /.test(l));
      o.failed = r.out.split('\n').filter((l) => /^(failed|skipped): /.test(l));
      o.applied = r.out.split('\n').filter((l) => /^applied: /.test(l)).length;
    }
  } catch (e) {
    o.code = -1;
    o.crashed = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  o.runMs = performance.now() - started;
  o.after = holders(w, teams);
  o.injected = injector.injected;
  o.problems = injector.problems.slice();
  o.requests = injector.requests.slice();
  injector.clear();
  const apply = await cli(w.dir, ['apply', '--config', 'oncall-access.yaml', '--yes'], { fetch: injector.fetch });
  const plan = await cli(w.dir, ['plan', '--config', 'oncall-access.yaml', '--detailed-exitcode'], { fetch: injector.fetch });
  o.converge = { apply: apply.code, plan: plan.code, out: `${apply.out}${apply.err}${plan.out}${plan.err}` };
  o.final = holders(w, teams);
  o.unexpected = w.servers.flatMap((s) => s.unexpected.map((u) => `${u.method} ${u.path}: ${u.reason}`));
  o.ms = performance.now() - started;
  return o as Observation;
}

// --- expectations ---------------------------------------------------------------------------

/** What a 429's wait must be, by header: retry-after and ratelimit-reset say 1 s; x-ratelimit-reset an epoch 1-2 s ahead. */
function expectedWait(c: Cell): [number, number] | undefined {
  if (c.fault === '429 retry-after') return [1000, 1000];
  if (c.fault === '429 x-ratelimit-reset') return [1, 2000];
  // GitHub sends no ratelimit-reset: a 429 without retry-after is waited out as GitHub's docs say (one minute).
  if (c.fault === '429 ratelimit-reset') return c.endpoint.api === 'github' ? [60_000, 60_000] : [1000, 1000];
  return undefined;
}

/** How an error must describe each fault. */
const DESCRIBES: Record<FaultKind, RegExp> = {
  '429 retry-after': /429|rate limit/i,
  '429 ratelimit-reset': /429|rate limit/i,
  '429 x-ratelimit-reset': /429|rate limit/i,
  '500': /\b500\b/,
  '502': /\b502\b/,
  '503': /\b503\b/,
  hang: /no answer|timed? ?out|abort/i,
  drop: /network|socket|reset/i,
  malformed: /malformed|JSON/i,
};

/** The holders every team must end with: a run's without the fault (with what someone else changed mid-read). */
function expectedFinal(c: Cell, final: Holders): Holders {
  if (c.fault === 'page: member inserted') return { ...final, 'big-readers': [...final['big-readers']!, 'pad-new:member:pending'].sort() };
  if (c.fault === 'page: member removed') return { ...final, 'big-readers': final['big-readers']!.filter((h) => h !== `${PADS[0]}:member:active`) };
  return final;
}

/** Holders of `team` the run removed, or lowered from maintainer. */
function lost(o: Observation, team: string): string[] {
  return o.before[team]!.filter((h) => {
    const [login, role] = h.split(':');
    const now = o.after[team]!.find((a) => a.split(':')[0] === login);
    return now === undefined || (role === 'maintainer' && now.split(':')[1] !== 'maintainer');
  });
}

/** Requests whose client waited for the hung answer (the hang answers 504 once it is over). */
const waitedForHang = (o: Observation) => o.requests.filter((r) => r.result === 'HTTP 504');

function assertCell(t: Test, c: Cell, o: Observation, final: Holders): void {
  const e = c.endpoint;
  t.notOk(o.crashed, 'the run does not crash');
  t.ok(o.injected > 0, `faults were injected (${o.injected})`);
  t.same(o.problems, [], 'every fault was injected as designed');
  t.same(o.unexpected, [], 'the emulators saw no unexpected request');
  const wait = c.level === 'engine' ? expectedWait(c) : undefined;
  // Writes wait out the rest of a pause that started at the 429, a little less than asked.
  if (wait) t.ok(o.sleeps.some((ms) => ms >= wait[0] - 250 && ms <= wait[1]), `the client waited as the 429 asked (${wait[0]}-${wait[1]} ms; waited ${JSON.stringify(o.sleeps.map(Math.round))})`);
  if (c.fault === 'hang') t.same(waitedForHang(o).map((r) => `${r.request} ${Math.round(r.ms)} ms`), [], "every hung request was abandoned at the client's timeout");
  const describes = c.fault.startsWith('page:') ? /./ : DESCRIBES[c.fault as FaultKind];

  if (c.fault.startsWith('page:')) {
    const who = e === PD_PAGE_2 ? 'mia-acme:member:active' : 'frank-acme:member:active';
    t.ok(o.after[e.teams[0]!]!.includes(who), `${who.split(':')[0]} (on call) holds ${e.teams[0]} after the run whose pages changed`);
  } else if (c.mode === 'transient') {
    t.equal(o.code, 0, 'the run succeeds after retrying');
    t.same(o.errors, [], 'no error');
    t.same(o.failed, [], 'every change applied');
  } else if (e.kind === 'write') {
    // A 200 whose body is not JSON may be taken as done; then the next run finds it undone and does it.
    if (c.fault !== 'malformed') {
      t.equal(o.code, 1, 'the run fails');
      t.equal(o.failed.length, 1, 'the failed write is reported');
    }
    for (const f of o.failed) t.ok(f.includes(e.names[0]!) && describes.test(f), `only the faulted write fails, named with its team and why: ${f}`);
  } else {
    t.equal(o.code, 1, 'the run fails');
    for (const name of e.names) t.ok(o.errors.some((m) => m.includes(name) && describes.test(m)), `an error names it and says why: ${name}`);
    if (e.kind === 'identity') {
      for (const team of TEAMS) t.same(lost(o, team), [], `nobody is revoked from or downgraded in ${team} while identities are unknown`);
    } else {
      for (const team of e.teams) t.same(o.after[team], o.before[team], `${team}, fed by the failed read, is unchanged`);
      for (const team of TEAMS.filter((x) => !e.teams.includes(x))) t.same(o.after[team], final[team], `${team}, not fed by it, converges`);
    }
  }
  t.equal(o.converge.apply, 0, 'after the fault clears, apply succeeds');
  t.equal(o.converge.plan, 0, 'and the plan after it is empty');
  t.same(o.final, expectedFinal(c, final), 'every team holds what a run without the fault leaves');
}

/** A few words for the summary table. */
function outcome(c: Cell, o: Observation, final: Holders): string {
  if (o.crashed) return `CRASH (${o.crashed.slice(0, 60)})`;
  const converged = o.converge.apply === 0 && o.converge.plan === 0 && JSON.stringify(o.final) === JSON.stringify(expectedFinal(c, final));
  const e = c.endpoint;
  let what: string;
  if (c.fault.startsWith('page:')) {
    const who = e === PD_PAGE_2 ? 'mia-acme' : 'erin-acme';
    const holds = o.after[e.teams[0]!]!.some((h) => h.startsWith(`${who}:`));
    what = `${o.code === 0 ? 'ran' : 'failed'}; ${who} ${holds ? 'holds' : 'does not hold'} ${e.teams[0]}`;
    if (e === GH_PAGE_2) what += `, then ${o.final['big-readers']!.some((h) => h.startsWith('erin-acme:')) ? 'KEPT for good' : 'revoked'}`;
  } else if (o.code === 0) what = o.failed.length === 0 ? 'recovered' : 'partly applied';
  else if (e.kind === 'write') what = `write failed${o.failed.length === 1 ? ', reported' : ''}`;
  else if (e.kind === 'identity') what = TEAMS.every((team) => lost(o, team).length === 0) ? 'failed, no revocation' : 'failed, REVOKED';
  else what = e.teams.every((team) => JSON.stringify(o.after[team]) === JSON.stringify(o.before[team])) ? 'failed, frozen' : 'failed, NOT frozen';
  const hung = waitedForHang(o);
  if (hung.length > 0) what += ` (waited ${(Math.max(...hung.map((r) => r.ms)) / 1000).toFixed(1)} s for the server)`;
  if (c.fault === 'malformed' && e.api === 'github' && e.kind !== 'write' && o.code !== 0 && !o.crashed && c.mode === 'transient') what += ' (not retried)';
  return converged ? what : `${what}; did NOT converge`;
}

// --- the matrix -----------------------------------------------------------------------------

/** Cells by how long they wait on timeouts, longest first: hangs (persistent, then transient), then 429s, then the rest. */
function startOrder(cells: Cell[]): Cell[] {
  const waits = (c: Cell) => (c.fault === 'hang' ? (c.mode === 'persistent' ? 0 : 1) : c.fault.startsWith('429') ? 2 : 3);
  return cells.slice().sort((a, b) => waits(a) - waits(b));
}

/**
 * Runs the cells `which` selects, each with its own emulators, {@link JOBS} at once (or
 * FAULT_MATRIX_JOBS), then asserts each as a subtest of `t`, checks that nothing was rejected
 * unhandled, and prints the summary table.
 */
export async function runFaultMatrix(t: Test, which: (c: Cell) => boolean): Promise<void> {
  // Writes are paced for GitHub's secondary limits (about one a second); the emulator has none.
  process.env.ONCALL_ACCESS_GITHUB_WRITE_LIMITS = '100000/1m';
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => void unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  t.teardown(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  const started = performance.now();
  const limit = pLimit(Number(process.env.FAULT_MATRIX_JOBS ?? JOBS));
  // Not t.testdir: a full `npx tap` run elsewhere in this checkout would share its path.
  const root = mkdtempSync(join(tmpdir(), 'fault-matrix-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const only = process.env.FAULT_MATRIX_ONLY;
  const slice = CELLS.filter(which);
  if (slice.length === 0) throw new Error('this slice of the fault matrix selects no cell: is an endpoint name misspelt?');
  const cells = slice.filter((c) => !only || new RegExp(only).test(cellName(c)));
  // The longest cells start first: a persistent hang waits out every attempt's timeout whatever the machine's load.
  const running = new Map(startOrder(cells).map((c) => [c, limit(async () => ({ c, o: await runCell(root, c), final: await baseline(root, c.endpoint.world) }))]));
  const observed = await Promise.all(cells.map((c) => running.get(c)!));
  const seconds = (performance.now() - started) / 1000;
  if (process.env.FAULT_MATRIX_DUMP) writeFileSync(process.env.FAULT_MATRIX_DUMP, JSON.stringify(observed.map(({ c, o }) => ({ cell: cellName(c), ...o })), null, 1));

  for (const { c, o, final } of observed) {
    t.test(cellName(c), c.todo && !process.env.FAULT_MATRIX_RUN_TODO ? { todo: c.todo } : {}, async (t) => assertCell(t, c, o, final));
  }

  const injected = observed.reduce((n, x) => n + x.o.injected, 0);
  t.test('no unhandled rejection during the whole run', async (t) => {
    t.same(unhandled.map(String), []);
  });

  // The summary: endpoint × fault, transient / persistent.
  const rows = new Map<string, Map<string, string[]>>();
  for (const { c, o, final } of observed) {
    const row = `${c.endpoint.api} ${c.endpoint.name}${c.level === 'cli' ? ' [CLI]' : ''}`;
    const cells = rows.get(row) ?? new Map<string, string[]>();
    cells.set(c.fault, [...(cells.get(c.fault) ?? []), `${c.mode[0]!.toUpperCase()}: ${c.todo ? 'TODO ' : ''}${outcome(c, o, final)}`]);
    rows.set(row, cells);
  }
  const lines = [...rows].flatMap(([row, cells]) => [row, ...[...cells].map(([fault, v]) => `    ${fault.padEnd(22)} ${v.join(' | ')}`)]);
  t.comment(`fault matrix (T: transient, failNext once; P: persistent, every attempt):\n${lines.join('\n')}`);
  t.comment(`${cells.length} cells (${cells.filter((c) => c.todo).length} todo), ${injected} faults injected, ${seconds.toFixed(1)} s`);
}

/** Engine-level cells of the endpoint named, of one mode or both (one test file's slice of the matrix). */
export const engineCellsOf =
  (name: string, mode?: Mode) =>
  (c: Cell): boolean =>
    c.level === 'engine' && c.endpoint.name === name && (mode === undefined || c.mode === mode);
