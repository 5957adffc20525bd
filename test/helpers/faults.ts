/**
 * Fault injection for the fault matrix (test/fault-matrix.test.ts).
 *
 * - {@link Injector}: wraps a fetch and, right before a request that a rule selects (by
 *   method, path and body) leaves, arms the emulator with `failNext({ method, pathPrefix:
 *   <that exact path> }, response, 1)`: the emulator serves every fault, the wrapper only
 *   picks which request gets it (the emulators' matching is by path prefix, which cannot tell
 *   the team-members GraphQL query from the identity query, or page 1 from page 2). A rule
 *   fires at most `times` times (1: transient; 1000: persistent, every attempt); `clear()`
 *   ends every rule, so no armed fault outlives the faulted run.
 * - {@link faultWorld}: the demo workspace (test/helpers/demo-workspace.ts) plus what makes
 *   every endpoint of every adapter be used: SAML identity resolution, a PagerDuty schedule
 *   no escalation policy uses (so `/schedules/{id}` and `/schedules/{id}/users` are read), an
 *   escalation policy with nobody at the level asked for (so `/escalation_policies/{id}` is
 *   read), and on request a team of 150 members (two GraphQL pages) or 104 `/oncalls` entries
 *   (two pages).
 * - {@link engineApply}: one apply as `oncall-access apply --yes` does it (plan, apply, state),
 *   with adapters built directly so timeouts, backoff and sleeps can be small.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import { buildAdapters } from '../../src/observe/adapters.js';
import { applicable, applyPlan } from '../../src/apply/apply.js';
import { loadWorkspace } from '../../src/config/load.js';
import type { Outcome, Plan } from '../../src/core/plan.js';
import { DEMO_AT, DEMO_JSM, DEMO_PAGERDUTY } from '@oncall-access/emulators/demo-world';
import type { GitHubEmulator } from '@oncall-access/emulators/github';
import type { FaultResponse, JsonServer } from '@oncall-access/emulators/http-server';
import { startPagerDutyEmulator, type PagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { computePlan } from '../../src/apply/engine.js';
import type { HttpOptions } from '../../src/http/client.js';
import type { Fetch } from '../../src/http/read-only.js';
import { startJsmEmulator } from '@oncall-access/emulators/jsm';
import { startOpsgenieEmulator } from '@oncall-access/emulators/opsgenie';
import { JsmSource } from '../../src/sources/jsm.js';
import { OpsgenieSource } from '../../src/sources/opsgenie.js';
import { PagerDutySource } from '../../src/sources/pagerduty.js';
import { nextState, readState, writeState } from '../../src/record/state.js';
import { GitHubTarget } from '../../src/targets/github/target.js';
import { demoWorkspace, ENV, JSM_EMAIL, JSM_TOKEN, OG_KEY } from './demo-workspace.js';

/** The fetch every request would use without a test in the way. */
export const realFetch: Fetch = globalThis.fetch;

// --- faults ---------------------------------------------------------------------------------

/** The faults of the matrix. */
export const FAULT_KINDS = ['429 retry-after', '429 ratelimit-reset', '429 x-ratelimit-reset', '500', '502', '503', 'hang', 'drop', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** How long a hang lasts: ten times the client timeout used with it, so a loaded machine cannot blur the two. */
export const HANG_MS = 30_000;

/** The emulator response for a fault, built when it is armed (for `x-ratelimit-reset`'s epoch). */
export function faultResponse(kind: FaultKind, api: 'github' | 'pagerduty' | 'opsgenie' | 'jsm'): FaultResponse {
  const body = { message: `injected fault: ${kind}` };
  switch (kind) {
    case '429 retry-after':
      return { status: 429, body, headers: { 'retry-after': '1' } };
    case '429 ratelimit-reset':
      return { status: 429, body, headers: { 'ratelimit-reset': '1' } };
    case '429 x-ratelimit-reset':
      // GitHub says a primary limit is exhausted with remaining 0 (the emulator's own headers would say otherwise).
      return { status: 429, body, headers: { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 1), ...(api === 'github' ? { 'x-ratelimit-remaining': '0' } : {}) } };
    case '500':
    case '502':
    case '503':
      return { status: Number(kind), body };
    case 'hang':
      return { status: 504, body, delayMs: HANG_MS };
    case 'drop':
      return { status: 500, drop: true };
    case 'malformed':
      return { status: 200, raw: '{"oops' };
  }
}

/** A request as a rule sees it. */
export interface Outgoing {
  method: string;
  url: URL;
  body: string | undefined;
}

/** Which requests a rule faults, and how. */
export interface Rule {
  /** The emulator that serves the fault. */
  server: JsonServer;
  select: (r: Outgoing) => boolean;
  /** A fault response; or, for a page that changes, what to do before the request leaves (and maybe a response). */
  response?: FaultResponse | ((r: Outgoing) => FaultResponse | undefined | Promise<FaultResponse | undefined>);
  /** Requests faulted at most; default 1. */
  times?: number;
}

interface ArmedRule extends Required<Pick<Rule, 'server' | 'select' | 'times'>> {
  response: Rule['response'];
  fired: number;
}

/** Wraps a fetch to arm emulator faults for selected requests; see the module comment. */
export class Injector {
  private readonly rules: ArmedRule[] = [];
  /** Faults injected (emulator faults armed, or data changed under a page), in total. */
  injected = 0;
  /** Faults that could not be injected as designed (the request was sent as it was). */
  readonly problems: string[] = [];
  /**
   * Every request: whether a rule selected it, how long the client waited for it, and what it
   * got (a status, or the error that ended it). Requests of one path sent at once may swap
   * faults (the emulator matches by path), so `selected` is a hint, not a proof.
   */
  readonly requests: { request: string; selected: boolean; ms: number; result: string }[] = [];
  readonly fetch: Fetch;

  constructor(inner: Fetch = realFetch) {
    this.fetch = async (input, init) => {
      const request = input instanceof Request ? input : undefined;
      const url = new URL(request ? request.url : String(input));
      const out: Outgoing = { method: (init?.method ?? request?.method ?? 'GET').toUpperCase(), url, body: typeof init?.body === 'string' ? init.body : undefined };
      const rule = this.rules.find((r) => r.fired < r.times && r.select(out));
      if (rule) {
        rule.fired += 1;
        try {
          const response = typeof rule.response === 'function' ? await rule.response(out) : rule.response;
          if (response) rule.server.failNext({ method: out.method, pathPrefix: url.pathname }, response, 1);
          this.injected += 1;
        } catch (e) {
          this.problems.push(`${out.method} ${url.pathname}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      const started = performance.now();
      const record = (result: string) => this.requests.push({ request: `${out.method} ${url.pathname}`, selected: rule !== undefined, ms: performance.now() - started, result });
      try {
        const res = await inner(input, init);
        record(`HTTP ${res.status}`);
        return res;
      } catch (e) {
        const err = e as { name?: string; cause?: { code?: string } };
        record(`${err.name ?? 'error'}${err.cause?.code ? ` ${err.cause.code}` : ''}`);
        throw e;
      }
    };
  }

  add(rule: Rule): void {
    this.rules.push({ server: rule.server, select: rule.select, response: rule.response, times: rule.times ?? 1, fired: 0 });
  }

  /** The fault is over: no rule fires again. */
  clear(): void {
    for (const r of this.rules) r.times = r.fired;
  }
}

// --- the world ------------------------------------------------------------------------------

/**
 * What {@link demoWorkspace} needs of a test (`teardown`, `testdir`), for one cell of many run
 * at once inside one tap test: a fresh directory under `root` per cell, closed with `close()`.
 */
export interface CellScope {
  teardown(fn: () => unknown): void;
  testdir(fixture: object): string;
  close(): Promise<void>;
}

export function cellScope(root: string): CellScope {
  const closers: (() => unknown)[] = [];
  return {
    teardown: (fn) => void closers.push(fn),
    testdir: () => mkdtempSync(join(root, 'cell-')),
    close: async () => {
      for (const fn of closers.splice(0).reverse()) await fn();
    },
  };
}

/** Extra PagerDuty world: the demo's, a schedule no policy uses, a policy with nobody at level 1. */
const SOLO_SCHEDULE = 'PSOLO01';
const GAP_POLICY = 'PGAP001';
const BUSY_POLICY = 'PBUSY01';

function pagerDutySeed(busy: boolean) {
  const seed = structuredClone(DEMO_PAGERDUTY);
  seed.users.push({ id: 'PMIA001', name: 'Mia', email: 'mia@acme.example' });
  seed.schedules!.push(
    { id: SOLO_SCHEDULE, name: 'Solo', entries: [{ userId: 'PKEN001', start: '2026-11-29T00:00:00Z', end: '2026-12-06T00:00:00Z' }] },
    { id: 'PGAPSCH', name: 'Gap', entries: [{ userId: 'PIVAN01', start: '2027-01-04T00:00:00Z', end: '2027-01-11T00:00:00Z' }] },
  );
  seed.escalationPolicies!.push({ id: GAP_POLICY, name: 'Gap', levels: [[{ schedule: 'PGAPSCH' }]] });
  if (busy) {
    // 10-minute shifts; shift 97 ([07:45Z, 07:55Z), mia) covers the demo instant. `/oncalls`
    // lists the checkout policy's 3 entries first, so mia's entry is the first of page 2.
    const start = Date.parse('2026-11-29T15:35:00Z');
    const entries = Array.from({ length: 101 }, (_, k) => ({
      userId: k === 97 ? 'PMIA001' : k % 2 === 0 ? 'PIVAN01' : 'PJUDY01',
      start: new Date(start + k * 600_000).toISOString(),
      end: new Date(start + (k + 1) * 600_000).toISOString(),
    }));
    seed.schedules!.push({ id: 'PBUSYSC', name: 'Busy', entries });
    seed.escalationPolicies!.push({ id: BUSY_POLICY, name: 'Busy', levels: [[{ schedule: 'PBUSYSC' }]] });
  }
  return seed;
}

/** The demo's account ids of leo and mia (packages/emulators/src/demo-world.ts DEMO_JSM). */
const accountOf = (email: string): string => DEMO_JSM.users.find((u) => u.email === email)!.accountId;

/**
 * The JSM site of the fault world: the demo's (data_primary, leo's and mia's accounts) plus a
 * second schedule, support_primary (mia last week, leo this week), both bound by name through
 * the demo config's jsm source.
 */
const JSM_SEED = {
  ...structuredClone(DEMO_JSM),
  schedules: [
    ...structuredClone(DEMO_JSM.schedules),
    {
      id: '0d7f3c2a-5b1e-4c8d-9f20-3e4a5b6c7d8e',
      name: 'support_primary',
      periods: [
        { responder: accountOf('mia@acme.example'), start: '2026-11-22T09:00:00Z', end: '2026-11-29T09:00:00Z' },
        { responder: accountOf('leo@acme.example'), start: '2026-11-29T09:00:00Z', end: '2026-12-06T09:00:00Z' },
      ],
    },
  ],
};

/** The fault world's Opsgenie account: legacy_primary, a team not yet moved to JSM (mia last week, leo this week). */
const OPSGENIE_SEED = [
  {
    id: '2f6a9c1e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
    name: 'legacy_primary',
    periods: [
      { user: 'mia@acme.example', start: '2026-11-22T09:00:00Z', end: '2026-11-29T09:00:00Z' },
      { user: 'leo@acme.example', start: '2026-11-29T09:00:00Z', end: '2026-12-06T09:00:00Z' },
    ],
  },
];

const profile = (name: string, rotation: string, team: string, extra = '') => `apiVersion: oncall-access/v1
kind: AccessProfile
metadata:
  name: ${name}
spec:
  mode: auto
  rotations:
${rotation}
  entitlements:
    - target: github
      team: ${team}
      role: member
${extra}`;

/** Logins of the padding members of the big team: 100 before erin-acme, 50 after. */
export const PADS = Array.from({ length: 150 }, (_, i) => `pad-${String(i + 1).padStart(3, '0')}`);

/** Options of {@link faultWorld}. */
export interface WorldOptions {
  /** Team `big-readers` (additive, fed by the platform rotation): 151 members, erin-acme at index 100 and in the ledger (and the audit log). */
  bigTeam?: boolean;
  /** Escalation policy PBUSY01 (104 `/oncalls` entries in all) feeding team `busy-deployers` (mia-acme). */
  busy?: boolean;
}

/** A cell's world: the workspace directory and its emulators. */
export interface FaultWorld {
  dir: string;
  github: GitHubEmulator;
  pagerduty: PagerDutyEmulator;
  opsgenie: JsonServer;
  jsm: JsonServer;
  /** Every emulator, for routing. */
  servers: JsonServer[];
}

/**
 * The demo workspace, extended (see the module comment). Its first apply grants, revokes and
 * updates in every team; teams and who feeds them:
 * - payments-deployers: rotation payments-primary (git); prod-deployers, infra-maintainers:
 *   rotation platform-follow-the-sun (git) plus grace (resolved through SAML);
 * - checkout-deployers: PagerDuty policy PCHKEP1 (`/oncalls`);
 * - solo-deployers: PagerDuty schedule PSOLO01 (`/oncalls`, `/schedules/{id}`, `/schedules/{id}/users`);
 * - gap-deployers: PagerDuty policy PGAP001 (`/oncalls`, `/escalation_policies/{id}`);
 * - data-deployers, support-deployers: JSM schedules data_primary and support_primary, both
 *   bound by name through the demo's jsm source (the schedule list, the timelines, Jira's bulk
 *   user lookup): leo in, mia out;
 * - legacy-deployers: Opsgenie schedule legacy_primary (`/v2/schedules/{id}/timeline`): leo in, mia out.
 */
export async function faultWorld(t: CellScope, o: WorldOptions = {}): Promise<FaultWorld> {
  const pagerduty = await startPagerDutyEmulator({ ...pagerDutySeed(o.busy ?? false), strict: true, token: ENV.PAGERDUTY_TOKEN });
  t.teardown(() => pagerduty.close());
  const jsm = await startJsmEmulator({ ...JSM_SEED, strict: true, credentials: { email: JSM_EMAIL, token: JSM_TOKEN }, now: () => Date.parse(DEMO_AT) });
  t.teardown(() => jsm.close());
  const opsgenie = await startOpsgenieEmulator({ schedules: structuredClone(OPSGENIE_SEED), apiKey: OG_KEY, strict: true });
  t.teardown(() => opsgenie.close());
  const { dir, emu, emulators } = await demoWorkspace(
    t as unknown as Test,
    (d) => {
      const config = join(d, 'oncall-access.yaml');
      writeFileSync(
        config,
        readFileSync(config, 'utf8')
          .replace(/apiUrl: http:\/\/127\.0\.0\.1:\d+\n(\s+# Jira Service Management Operations)/, `apiUrl: ${pagerduty.url}\n$1`)
          .replace(/(\n    jsm:\n(?:      [^\n]*\n)*?      apiUrl: )http:\/\/127\.0\.0\.1:\d+\n/, `$1${jsm.url}\n`)
          .replace('resolve: [file]', 'resolve: [file, saml]')
          .replace('\n  targets:\n', `\n    opsgenie:\n      type: opsgenie\n      tokenEnv: OPSGENIE_API_KEY\n      apiUrl: ${opsgenie.url}\n  targets:\n`),
      );
      writeFileSync(join(d, 'support.yaml'), profile('support-oncall', '    - source: jsm\n      schedule: support_primary', 'support-deployers'));
      writeFileSync(join(d, 'legacy.yaml'), profile('legacy-oncall', '    - source: opsgenie\n      schedule: legacy_primary', 'legacy-deployers'));
      writeFileSync(join(d, 'solo.yaml'), profile('solo-oncall', `    - source: pagerduty\n      schedule: ${SOLO_SCHEDULE}`, 'solo-deployers'));
      writeFileSync(join(d, 'gap.yaml'), profile('gap-oncall', `    - source: pagerduty\n      escalationPolicy: ${GAP_POLICY}\n      levels: [1]`, 'gap-deployers'));
      if (o.busy) writeFileSync(join(d, 'busy.yaml'), profile('busy-oncall', `    - source: pagerduty\n      escalationPolicy: ${BUSY_POLICY}\n      levels: [1]`, 'busy-deployers'));
      if (o.bigTeam) {
        writeFileSync(join(d, 'big.yaml'), profile('big-oncall', '    - source: rotations\n      rotation: platform-follow-the-sun', 'big-readers', '      membership: additive\n'));
        mkdirSync(join(d, 'state'), { recursive: true });
        writeFileSync(
          join(d, 'state', 'grants.json'),
          `${JSON.stringify({ formatVersion: 1, grants: [{ target: 'github', org: 'acme', team: 'big-readers', login: 'erin-acme', role: 'member', grantedAt: '2026-11-29T19:00:00.000Z' }] }, null, 2)}\n`,
        );
        // The apply that granted her wrote its audit line too: without it the ledger entry would not be the tool's.
        const granted = { time: '2026-11-29T19:00:00.000Z', action: 'grant', outcome: 'applied', target: 'github', org: 'acme', team: 'big-readers', role: 'member', login: 'erin-acme', reasons: ['on call in rotation platform-follow-the-sun, profile big-oncall'], profiles: ['big-oncall'], planAt: '2026-11-29T19:00:00.000Z', configHash: 'c0ffee' };
        writeFileSync(join(d, 'state', 'audit.jsonl'), `${JSON.stringify(granted)}\n`);
      }
    },
    (seed) => {
      const acme = seed.orgs.acme!;
      acme.members.push('grace-acme');
      acme.samlIdentities = [
        { email: 'grace@acme.example', login: 'grace-acme' },
        { email: 'leo@acme.example', login: 'leo-acme' },
      ];
      acme.teams.push({ slug: 'solo-deployers', members: [{ login: 'dave-acme', role: 'member' }] }, { slug: 'gap-deployers', members: [{ login: 'frank-acme', role: 'member' }] }, { slug: 'support-deployers', members: [{ login: 'mia-acme', role: 'member' }] }, { slug: 'legacy-deployers', members: [{ login: 'mia-acme', role: 'member' }] });
      if (o.busy) acme.teams.push({ slug: 'busy-deployers', members: [{ login: 'mia-acme', role: 'member' }] });
      if (o.bigTeam) {
        acme.members.push(...PADS);
        const pad = (login: string) => ({ login, role: 'member' as const });
        acme.teams.push({ slug: 'big-readers', members: [...PADS.slice(0, 100).map(pad), pad('erin-acme'), ...PADS.slice(100).map(pad)] });
      }
    },
  );
  return { dir, github: emu, pagerduty, opsgenie, jsm, servers: [emu, pagerduty, opsgenie, emulators.pagerduty, emulators.jsm, jsm] };
}

// --- one apply with small client options ----------------------------------------------------

/** Client tuning for {@link engineApply}: the sources' {@link HttpOptions}; GitHub's sleep. */
export interface SmallClients {
  http: Partial<Omit<HttpOptions, 'fetch'>>;
  /** GitHub rate-limit waits and write pacing (a fake clock that advances when slept); the retry plugin's backoff unit. */
  github: { sleep: (ms: number) => Promise<void>; now: () => number; retryBaseMs?: number };
}

/** Sleeps that return at once, recorded, with a clock that moves by what was slept. */
export function fakeSleep(): { sleeps: number[]; sleep: (ms: number) => Promise<void>; now: () => number } {
  const sleeps: number[] = [];
  let offset = 0;
  return {
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
      offset += ms;
    },
    now: () => Date.now() + offset,
  };
}

/** What one apply did. */
export interface ApplyRun {
  code: number;
  plan: Plan;
  outcomes: Outcome[];
  /** Set when the run threw instead of returning (a bug: it must never). */
  crashed?: string;
}

/**
 * `apply --yes` at the demo instant, as the CLI does it (fresh plan, refuse when not
 * applicable, apply, update the state), with adapters built from the config but given
 * `fetch` and small client options.
 */
export async function engineApply(dir: string, fetch: Fetch, clients: SmallClients): Promise<ApplyRun> {
  const at = new Date(DEMO_AT);
  const { workspace: ws, diagnostics } = loadWorkspace(join(dir, 'oncall-access.yaml'), dir, at);
  if (!ws) throw new Error(`workspace does not load: ${JSON.stringify(diagnostics)}`);
  const adapters = buildAdapters(ws, ENV, fetch);
  for (const s of ws.config.sources.values()) {
    if (s.type === 'pagerduty') adapters.sources.set(s.name, new PagerDutySource({ apiUrl: s.apiUrl, token: ENV.PAGERDUTY_TOKEN, fetch, http: clients.http }));
    if (s.type === 'opsgenie') adapters.sources.set(s.name, new OpsgenieSource({ apiUrl: s.apiUrl, apiKey: ENV.OPSGENIE_API_KEY, fetch, http: clients.http, tokenEnv: s.tokenEnv }));
    if (s.type === 'jsm') adapters.sources.set(s.name, new JsmSource({ apiUrl: s.apiUrl, cloudId: s.cloudId!, email: JSM_EMAIL, token: JSM_TOKEN, fetch, http: clients.http, tokenEnv: s.tokenEnv, emailEnv: s.emailEnv }));
  }
  for (const g of ws.config.targets.values()) {
    if (g.type !== 'github') continue;
    adapters.targets.set(g.name, new GitHubTarget({ baseUrl: g.apiUrl!, token: ENV.GITHUB_TOKEN, org: g.org, fetch, ...clients.github, timeoutMs: clients.http.timeoutMs, writeLimits: [{ count: 100_000, windowMs: 60_000 }] }));
  }
  const stateDir = ws.config.paths.state;
  const state = readState(stateDir);
  const plan = await computePlan(ws, adapters, { at, now: at, state });
  if (!applicable(plan)) return { code: 1, plan, outcomes: [] };
  const outcomes = await applyPlan(plan, adapters.targets, 4);
  writeState(stateDir, nextState(state, plan, outcomes, at));
  const failed = outcomes.some((o) => o.status !== 'applied') || plan.diagnostics.some((d) => d.severity === 'error');
  return { code: failed ? 1 : 0, plan, outcomes };
}
