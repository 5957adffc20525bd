/**
 * The GitHub target through octokit: immediate team members and roles (GraphQL, many teams
 * per query), pending invitations (REST), and the membership writes.
 *
 * Rate limits. Reads: at most {@link READ_CONCURRENCY} requests in flight (GitHub refuses more
 * than 100 concurrent requests). Writes to GitHub.com are paced for its secondary limits on
 * content-creating requests (80 per minute, 500 per hour; see {@link WritePacer} and
 * {@link defaultWriteLimits}), which every membership write is assumed to count against. A 403
 * or 429 that says it is a rate limit (`retry-after`, `x-ratelimit-remaining: 0`, or "secondary
 * rate limit") is waited out as the answer asks (writes all pause) and retried, up to
 * {@link RATE_LIMIT_RETRIES} times and never longer than `maxRateLimitWaitMs` per wait; a longer
 * wait fails the request instead.
 *
 * Robustness: every attempt has a timeout (`timeoutMs`), and a 2xx JSON answer that does not
 * parse is an error; both are retried by octokit like network errors. A team's member pages
 * are checked against `totalCount` and read again when members changed between pages.
 */
import { Octokit } from 'octokit';
import pLimit from 'p-limit';
import { entitlementKey, type Entitlement, type EntitlementRef } from '../core/entitlement.js';
import type { Holder, HoldersRead } from '../core/observed.js';
import { parseDuration } from '../core/duration.js';
import type { ReadFailure, ReadFault } from '../core/diagnostics.js';
import { connectFailure, unreachableMessage } from '../http/client.js';
import type { Fetch } from '../http/read-only.js';
import { splitResource, type GitHubKind, type RepoPermission, type TeamRole } from './github-kinds.js';
import type { IdentityRead, Target } from './target.js';

/** A team to read, identified by org and slug. */
export interface TeamRef {
  org: string;
  team: string;
}

/** A repository to read, identified by org (owner) and name. */
export interface RepoRef {
  org: string;
  repository: string;
}

/** A team membership with a role, as {@link GitHubTarget.setMembership} makes it. */
export interface TeamEntitlement extends TeamRef {
  kind?: 'team';
  role: TeamRole;
}

/** `org/team` lower-cased: how {@link GitHubTarget.readTeamHolders} keys a team's holders. */
export function teamKey(t: TeamRef): string {
  return `${t.org}/${t.team}`.toLowerCase();
}

/** `org/repo (repository)` lower-cased: how {@link GitHubTarget.readRepoHolders} keys a repository's holders. */
export function repoKey(r: RepoRef): string {
  return `${r.org}/${r.repository} (repository)`.toLowerCase();
}

/** The team or repository a reference of one of GitHub's kinds names. */
function githubRef(ref: EntitlementRef): { kind: GitHubKind; org: string; name: string } {
  if (ref.kind !== 'team' && ref.kind !== 'repository') throw new Error(`GitHub holds no entitlements of kind "${ref.kind}"`);
  return { kind: ref.kind, ...splitResource(ref.resource) };
}

/** How many teams one GraphQL query reads; each costs one node page of 100 members. */
export const TEAMS_PER_QUERY = 25;

/**
 * Environment variable overriding the write limits the pacer keeps to, as `COUNT/DURATION`
 * pairs (`80/1m,500/1h` is GitHub.com's), or `none`: a GitHub Enterprise Server whose admin
 * configured rate limits, or a benchmark running the limits' clock faster, sets its own.
 */
export const WRITE_LIMITS_ENV = 'ONCALL_ACCESS_GITHUB_WRITE_LIMITS';

/** At most `count` writes in any `windowMs`. */
export interface WriteLimit {
  count: number;
  windowMs: number;
}

/**
 * GitHub's documented secondary limits on content-creating requests: 80 per minute and 500 per
 * hour ("Rate limits for the REST API", secondary rate limits).
 */
export const GITHUB_WRITE_LIMITS: readonly WriteLimit[] = [
  { count: 80, windowMs: 60_000 },
  { count: 500, windowMs: 3_600_000 },
];

/** Read requests in flight at once, well under GitHub's 100 concurrent requests. */
export const READ_CONCURRENCY = 10;

/** Rate-limit answers waited out per request before it fails. */
export const RATE_LIMIT_RETRIES = 3;

/** What the GitHub target needs besides the config. */
export interface GitHubTargetOptions {
  /** `https://api.github.com`, a GitHub Enterprise Server `/api/v3` URL, or an emulator. */
  baseUrl: string;
  token?: string;
  /** The environment variable the token came from (the target's `tokenEnv`), named by a 401's or 403's error. */
  tokenEnv?: string;
  fetch: Fetch;
  /** Retries of 5xx answers and network errors (octokit's retry plugin); default 2. */
  retries?: number;
  /** Unit of the retry plugin's backoff (it waits 1, then 4 units); default 1 s. */
  retryBaseMs?: number;
  /** The limits writes are paced for; default from {@link defaultWriteLimits}. */
  writeLimits?: readonly WriteLimit[];
  /** Longest rate-limit wait honoured; default 60 s. */
  maxRateLimitWaitMs?: number;
  /** Per-attempt timeout (the whole response, body included); default 15 s. A timeout is retried like a network error. */
  timeoutMs?: number;
  /** Injected for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Parses `80/1m,500/1h` (or `none`: no limits); `undefined` when any part is not `COUNT/DURATION` with both positive. */
export function parseWriteLimits(text: string): WriteLimit[] | undefined {
  if (text.trim().toLowerCase() === 'none') return [];
  const limits = text.split(',').map((part) => {
    const m = /^\s*(\d{1,7})\s*\/\s*(\S+)\s*$/.exec(part);
    const windowMs = m ? parseDuration(m[2]!) : undefined;
    return m && windowMs && Number(m[1]) > 0 ? { count: Number(m[1]), windowMs } : undefined;
  });
  return limits.length > 0 && limits.every((l) => l !== undefined) ? (limits as WriteLimit[]) : undefined;
}

/** True for GitHub.com's API and GitHub Enterprise Cloud with data residency (`api.SUBDOMAIN.ghe.com`). */
export function isGitHubCloud(baseUrl: string): boolean {
  try {
    const host = new URL(baseUrl).hostname.toLowerCase();
    return host === 'api.github.com' || host.endsWith('.ghe.com');
  } catch {
    return false;
  }
}

/**
 * The write limits in force: {@link WRITE_LIMITS_ENV} when set and valid; else GitHub's
 * documented ones for GitHub.com and GHE.com; else none. GitHub Enterprise Server ships with
 * rate limits disabled ("Rate limits are disabled by default for GitHub Enterprise Server"), so
 * writes to it are not paced unless configured; a rate-limit answer is waited out either way.
 */
export function defaultWriteLimits(baseUrl: string, env: NodeJS.ProcessEnv = process.env): readonly WriteLimit[] {
  const text = env[WRITE_LIMITS_ENV];
  const configured = text === undefined ? undefined : parseWriteLimits(text);
  if (configured !== undefined) return configured;
  return isGitHubCloud(baseUrl) ? GITHUB_WRITE_LIMITS : [];
}

/**
 * Paces write starts so that no window of any limit ever holds more than 95% of its count (the
 * margin is for requests that arrive closer together than they left). The shortest window's
 * limit is kept as a token bucket: a burst of up to 3 writes (so a small apply is not slowed),
 * then one write every `window / (95% of count - burst)`; so 80 per minute paces at 73 per
 * minute, one write every 822 ms. Longer windows are kept with a log of starts. Turns are
 * taken in call order; {@link pauseUntil} holds every later start.
 */
export class WritePacer {
  private readonly burst: number;
  private readonly msPerToken: number;
  private readonly logs: { cap: number; windowMs: number; starts: number[] }[];
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    limits: readonly WriteLimit[],
    private readonly now: () => number = () => Date.now(),
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {
    const sorted = [...limits].sort((a, b) => a.windowMs - b.windowMs);
    const shortest = sorted[0] ?? { count: Number.MAX_SAFE_INTEGER, windowMs: 1 };
    const cap = Math.max(1, Math.floor(shortest.count * 0.95));
    this.burst = Math.max(1, Math.min(3, Math.floor(cap / 10)));
    this.msPerToken = shortest.windowMs / Math.max(1, cap - this.burst);
    this.logs = sorted.slice(1).map((l) => ({ cap: Math.max(1, Math.floor(l.count * 0.95)), windowMs: l.windowMs, starts: [] }));
    this.tokens = this.burst;
    this.refilledAt = now();
  }

  /** Resolves when the next write may start, and counts it as started. */
  acquire(): Promise<void> {
    const turn = this.chain.then(async () => {
      for (;;) {
        const now = this.now();
        this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) / this.msPerToken);
        this.refilledAt = now;
        let at = Math.max(now, this.pausedUntil);
        if (this.tokens < 1) at = Math.max(at, now + (1 - this.tokens) * this.msPerToken);
        for (const log of this.logs) {
          while (log.starts.length > 0 && log.starts[0]! <= now - log.windowMs) log.starts.shift();
          if (log.starts.length >= log.cap) at = Math.max(at, log.starts[0]! + log.windowMs);
        }
        if (at <= now) break;
        await this.sleep(at - now);
      }
      this.tokens -= 1;
      const started = this.now();
      for (const log of this.logs) log.starts.push(started);
    });
    this.chain = turn.catch(() => undefined);
    return turn;
  }

  /** No write starts before `until` (ms on this pacer's clock). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}

/**
 * How long a failed request asks to be waited for when it is a rate limit: `retry-after`
 * seconds, else the primary limit's reset time when none is left, else GitHub's advice for a
 * secondary limit without `retry-after` (one minute); `undefined` when it is no rate limit.
 */
export function rateLimitWait(e: unknown, now: number): number | undefined {
  const err = (e ?? {}) as { status?: number; message?: string; response?: { headers?: Record<string, string | number | undefined> } };
  if (err.status !== 403 && err.status !== 429) return undefined;
  const headers = err.response?.headers ?? {};
  const retryAfter = headers['retry-after'];
  if (retryAfter !== undefined && /^\d+$/.test(String(retryAfter).trim())) return Number(retryAfter) * 1000;
  const reset = headers['x-ratelimit-reset'];
  if (String(headers['x-ratelimit-remaining']) === '0' && reset !== undefined && /^\d+$/.test(String(reset))) return Math.max(0, Number(reset) * 1000 - now);
  if (err.status === 429 || /secondary rate limit/i.test(err.message ?? '')) return 60_000;
  return undefined;
}

/** A request that creates or changes something: a REST write or a GraphQL mutation. */
function isWrite(options: { method?: string; url?: string; query?: unknown }): boolean {
  const method = (options.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return false;
  if (options.url === '/graphql') return typeof options.query === 'string' && /\bmutation\b/.test(options.query);
  return true;
}

interface MembersPage {
  /** Members in all pages; compared across pages to notice members joining or leaving mid-read. */
  totalCount?: number;
  edges: { role: 'MAINTAINER' | 'MEMBER'; node: { login: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const MEMBERS_FIELDS = 'members(first: 100, after: $after, membership: IMMEDIATE) { totalCount edges { role node { login } } pageInfo { hasNextPage endCursor } }';

/** Times a team's member pages are read again from the first when its members changed in between. */
export const PAGE_REREADS = 2;

const SAML_QUERY =
  'query($org: String!, $after: String) { organization(login: $org) { samlIdentityProvider { externalIdentities(first: 100, after: $after) { nodes { samlIdentity { nameId emails { value } } user { login } } pageInfo { hasNextPage endCursor } } } } }';
const VERIFIED_QUERY =
  'query($org: String!, $after: String) { organization(login: $org) { membersWithRole(first: 100, after: $after) { nodes { login organizationVerifiedDomainEmails(login: $org) } pageInfo { hasNextPage endCursor } } } }';

interface IdentityPage<N> {
  nodes: N[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface IdentityOrg {
  samlIdentityProvider?: { externalIdentities: IdentityPage<{ samlIdentity: { nameId: string | null; emails: { value: string }[] }; user: { login: string } | null }> } | null;
  membersWithRole?: IdentityPage<{ login: string; organizationVerifiedDomainEmails: string[] }>;
}

/** A JSON answer that does not parse: treated like a network error (octokit retries it). */
class MalformedResponse extends Error {
  override name = 'MalformedResponse';
}

/** No answer (or no whole body) within the per-attempt timeout. */
class RequestTimeout extends Error {
  override name = 'RequestTimeout';
}

/**
 * The transport under octokit, per attempt (so octokit's retries get a fresh timeout): aborts
 * after `timeoutMs`, and turns a 2xx JSON answer that does not parse into an error instead of
 * letting octokit hand the raw text on as data.
 */
function guardedFetch(fetch: Fetch, timeoutMs: number): Fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    try {
      const res = await fetch(input, { ...init, signal });
      if (!res.ok || res.status === 204 || res.status === 205 || !/json/i.test(res.headers.get('content-type') ?? '')) return res;
      const text = await res.text();
      try {
        JSON.parse(text);
      } catch {
        throw new MalformedResponse(`GitHub answered malformed JSON (HTTP ${res.status})`);
      }
      return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
    } catch (e) {
      if (timeout.aborted && !(init?.signal?.aborted ?? false)) throw new RequestTimeout(`no answer from GitHub within ${timeoutMs} ms`);
      throw e;
    }
  };
}

/**
 * Builds the octokit client every GitHub call goes through: a timeout per attempt, malformed
 * answers retried, reads bounded in concurrency, writes paced, rate-limit answers waited out
 * (see the module comment).
 */
export function createOctokit(o: GitHubTargetOptions): Octokit {
  const octokit = new Octokit({
    ...(o.token ? { auth: o.token } : {}),
    baseUrl: o.baseUrl.replace(/\/+$/, ''),
    userAgent: 'oncall-access',
    request: { fetch: guardedFetch(o.fetch, o.timeoutMs ?? 15_000) },
    // The throttling plugin queues every GraphQL read 1 s apart and every write 1 s apart; reads
    // are bounded by batching and concurrency instead, writes by the pacer below.
    throttle: { enabled: false },
    // 5xx, network errors, timeouts and malformed answers only: rate limits (403, 429) are handled below, as their answer asks.
    retry: { retries: o.retries ?? 2, retryAfterBaseValue: o.retryBaseMs ?? 1_000, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  const now = o.now ?? (() => Date.now());
  const sleep = o.sleep ?? defaultSleep;
  const maxWait = o.maxRateLimitWaitMs ?? 60_000;
  const pacer = new WritePacer(o.writeLimits ?? defaultWriteLimits(o.baseUrl), now, sleep);
  const reads = pLimit(READ_CONCURRENCY);
  octokit.hook.wrap('request', async (request, options) => {
    // octokit's retry plugin counts retries on `options.request`, which every call shares:
    // a copy keeps one request's retries from lengthening another's backoff.
    options.request = { ...options.request };
    const write = isWrite(options as { method?: string; url?: string; query?: unknown });
    for (let attempt = 0; ; attempt++) {
      if (write) await pacer.acquire();
      try {
        return await (write ? request(options) : reads(() => request(options)));
      } catch (e) {
        const wait = rateLimitWait(e, now());
        if (wait === undefined || wait > maxWait || attempt >= RATE_LIMIT_RETRIES) throw e;
        if (write) pacer.pauseUntil(now() + wait);
        else await sleep(wait);
      }
    }
  });
  return octokit;
}

/** A readable reason from an octokit error, without request headers (which hold the token). */
export function describeError(e: unknown): string {
  return explainError(e).error;
}

/** What {@link explainError} may say besides the error: the target's settings and what the request needs. */
export interface ErrorContext {
  /** The API URL as the config gives it (else the failed request's origin is named). */
  baseUrl?: string;
  /** The variable holding the token (the target's `tokenEnv`); `null` when the target has no token. */
  tokenEnv?: string | null;
  /** The permission the request needs, named by a 403's error; default: the one team reads and writes need. */
  needs?: string;
}

/** What reading and changing teams needs, as GitHub names it for Apps and fine-grained tokens, and for classic tokens. */
export const TEAM_PERMISSION = 'the organization permission Members (read to plan, read and write to apply; a classic token needs read:org, and admin:org to apply)';

/** What reading the organisation's SAML external identities needs. */
export const SAML_PERMISSION = "an organisation owner's token with admin:org, or an App with the organization permission Members (read)";

/** What reading and changing repository collaborators needs. */
export const REPOSITORY_PERMISSION = 'the repository permission Administration (read to plan, read and write to apply; a classic token needs repo)';

/**
 * An octokit error in words, without request headers (which hold the token), naming the host
 * that could not be reached, the variable whose token was refused and the permission missing;
 * with the fault when the fix is the target's apiUrl (no connection) or its token (401, 403).
 */
export function explainError(e: unknown, context: ErrorContext = {}): { error: string; fault?: ReadFault } {
  const err = (e ?? {}) as { status?: number; message?: string; name?: string; cause?: { name?: string; message?: string; code?: string; cause?: { code?: string } }; request?: { url?: string } };
  if (err.name === 'ReadOnlyViolation') return { error: err.message ?? 'read-only' };
  if (err.cause?.name === 'ReadOnlyViolation') return { error: err.cause.message ?? 'read-only' };
  if (err.cause?.name === 'RequestTimeout' || err.cause?.name === 'MalformedResponse') return { error: `${err.cause.message ?? 'no answer'}, after retries` };
  const token = context.tokenEnv ? `the token in ${context.tokenEnv}` : 'the token';
  // A GraphQL query the token may not make is answered 200 with an error: FORBIDDEN (an App or fine-grained token) or INSUFFICIENT_SCOPES (a classic token).
  const denied = err.name === 'GraphqlResponseError' ? (e as { errors?: { type?: string; message?: string }[] }).errors?.find((x) => x.type === 'FORBIDDEN' || x.type === 'INSUFFICIENT_SCOPES') : undefined;
  // Only the first sentence: the rest of an INSUFFICIENT_SCOPES message repeats the scopes at length.
  if (denied) return { error: `GitHub refused the query: ${token} lacks a permission (${firstLine((denied.message ?? '').split('. ')[0]!)}); it needs ${context.needs ?? TEAM_PERMISSION}`, fault: 'token' };
  if (err.status === 401) {
    if (context.tokenEnv === null) return { error: 'GitHub asks for a token (401): set the target\'s tokenEnv to the environment variable holding one', fault: 'token' };
    return { error: context.tokenEnv ? `GitHub rejected ${token} (HTTP 401): it is wrong, expired or revoked; put a valid token there` : 'GitHub rejected the token (401): check the token in the variable the config names', fault: 'token' };
  }
  if (rateLimitWait(e, Date.now()) !== undefined) return { error: `rate limited by GitHub (HTTP ${err.status}) beyond the waits allowed: ${firstLine(err.message ?? '')}; the next run tries again` };
  if (err.status === 403) return { error: `GitHub refused (403): ${token} lacks a permission${err.message ? ` (${firstLine(err.message)})` : ''}; it needs ${context.needs ?? TEAM_PERMISSION}`, fault: 'token' };
  if (err.status === 404) return { error: 'not found (404): check the org and team names, and that the token can see them' };
  const url = context.baseUrl ?? originOf(err.request?.url);
  const unreachable = connectFailure(e);
  if (unreachable !== undefined) return { error: unreachableMessage(url ?? 'GitHub', unreachable), fault: 'endpoint' };
  const network = err.cause?.code ?? err.cause?.cause?.code;
  if (network) return { error: `network error talking to GitHub${url ? ` at ${url}` : ''} (${network})` };
  if (err.status !== undefined) return { error: `GitHub answered ${err.status}: ${firstLine(err.message ?? '')}` };
  return { error: firstLine(err.message ?? String(e)) };
}

function originOf(url: string | undefined): string | undefined {
  try {
    return url === undefined ? undefined : new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** The first line of a message; for octokit's "...errors:" lists, the listed errors instead. */
function firstLine(s: string): string {
  const [head = '', ...rest] = s.split('\n');
  const line = head.endsWith(':') && rest.length > 0 ? rest.map((l) => l.replace(/^\s*-\s*/, '').trim()).filter(Boolean).join('; ') : head;
  return line.slice(0, 300);
}

/** GitHub's repository role names (`role_name`, invitation `permissions`) as the permissions profiles name. */
const REPO_ROLE: Readonly<Record<string, RepoPermission>> = { read: 'pull', pull: 'pull', triage: 'triage', write: 'push', push: 'push', maintain: 'maintain', admin: 'admin' };

/** The permission a collaborator holds: its `role_name`, else the highest flag in `permissions` (custom roles). */
export function repoPermission(roleName: string | undefined, flags?: Partial<Record<RepoPermission, boolean>>): RepoPermission {
  const named = roleName === undefined ? undefined : REPO_ROLE[roleName.toLowerCase()];
  if (named) return named;
  const order: RepoPermission[] = ['admin', 'maintain', 'push', 'triage', 'pull'];
  return order.find((p) => flags?.[p]) ?? 'pull';
}

/** The GitHub target. */
export class GitHubTarget implements Target {
  private readonly octokit: Octokit;
  private readonly context: ErrorContext;
  private readonly identityReads = new Map<string, Promise<IdentityRead>>();

  constructor(options: GitHubTargetOptions) {
    this.octokit = createOctokit(options);
    this.context = { baseUrl: options.baseUrl, tokenEnv: options.token ? options.tokenEnv : null };
  }

  /** A failed read from an octokit error, described with this target's settings. */
  private failure(e: unknown, needs?: string): ReadFailure {
    return { ok: false, ...explainError(e, { ...this.context, needs }) };
  }

  /** Teams and repositories at once (see {@link readTeamHolders} and {@link readRepoHolders}), keyed by `entitlementKey`. */
  async readHolders(refs: readonly EntitlementRef[]): Promise<Map<string, HoldersRead>> {
    const teams = new Map<string, EntitlementRef>();
    const repos = new Map<string, EntitlementRef>();
    for (const ref of refs) {
      const { kind, org, name } = githubRef(ref);
      if (kind === 'team') teams.set(teamKey({ org, team: name }), ref);
      else repos.set(repoKey({ org, repository: name }), ref);
    }
    const teamRefs = [...teams.values()].map((r) => splitResource(r.resource)).map(({ org, name }) => ({ org, team: name }));
    const repoRefs = [...repos.values()].map((r) => splitResource(r.resource)).map(({ org, name }) => ({ org, repository: name }));
    const [teamReads, repoReads] = await Promise.all([this.readTeamHolders(teamRefs), repoRefs.length > 0 ? this.readRepoHolders(repoRefs) : new Map<string, HoldersRead>()]);
    const keyed = (reads: Map<string, HoldersRead>, asked: Map<string, EntitlementRef>) => [...reads].map(([key, read]) => [entitlementKey(asked.get(key)!), read] as const);
    return new Map([...keyed(teamReads, teams), ...keyed(repoReads, repos)]);
  }

  /** Gives `login` the entitlement at its level: a team membership with that role, or a repository permission. */
  async grant(e: Entitlement, login: string): Promise<void> {
    const { kind, org, name } = githubRef(e);
    if (kind === 'team') await this.setMembership({ org, team: name, role: e.level as TeamRole }, login);
    else await this.setRepoPermission(org, name, login, e.level as RepoPermission);
  }

  /** Takes a team membership or a repository permission (or the pending invitation to it) from `login`. */
  async revoke(ref: EntitlementRef, login: string): Promise<void> {
    const { kind, org, name } = githubRef(ref);
    if (kind === 'team') await this.removeMembership({ org, team: name }, login);
    else await this.removeRepoCollaborator(org, name, login);
  }

  /**
   * The organisation as the token sees it (`GET /orgs/{org}`, which any token may read), with the
   * token's OAuth scopes when GitHub lists them: `X-OAuth-Scopes` comes with classic tokens and
   * OAuth app tokens only, so `scopes` is absent for an App installation or fine-grained token.
   */
  async readOrg(org: string): Promise<{ ok: true; scopes?: string[] } | ReadFailure> {
    try {
      const res = await this.octokit.request('GET /orgs/{org}', { org });
      const header = res.headers['x-oauth-scopes'];
      return header === undefined ? { ok: true } : { ok: true, scopes: String(header).split(',').map((x) => x.trim()).filter((x) => x !== '') };
    } catch (e) {
      if ((e as { status?: number }).status === 404) return { ok: false, error: `organisation ${org} does not exist, or the token cannot see it: fix the target's org, or install the App on ${org}` };
      return this.failure(e);
    }
  }

  /** Immediate holders of each team (child teams excluded) and its pending invitations, keyed by {@link teamKey}. */
  async readTeamHolders(teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>> {
    const out = new Map<string, HoldersRead>();
    const byOrg = new Map<string, TeamRef[]>();
    for (const t of teams) byOrg.set(t.org, [...(byOrg.get(t.org) ?? []), t]);
    await Promise.all(
      [...byOrg].map(async ([org, list]) => {
        const [members, pending] = await Promise.all([this.readMembers(org, list), this.readPending(org)]);
        for (const t of list) {
          const m = members.get(t.team)!;
          if (!m.ok) out.set(teamKey(t), m);
          else if (!pending.ok) out.set(teamKey(t), { ...pending, error: `cannot list pending invitations of ${org}: ${pending.error}` });
          else out.set(teamKey(t), { ok: true, holders: [...m.holders, ...(pending.byTeam.get(t.team.toLowerCase()) ?? []).filter((p) => !m.holders.some((h) => h.login.toLowerCase() === p.login.toLowerCase()))] });
        }
      }),
    );
    return out;
  }

  /**
   * Direct collaborators of each repository (`affiliation=direct`: people who hold it through a
   * team or as organisation owners are not this tool's to manage) with their permission, plus
   * pending invitations, which count as held; keyed by {@link repoKey}.
   */
  async readRepoHolders(repos: readonly RepoRef[]): Promise<Map<string, HoldersRead>> {
    const out = new Map<string, HoldersRead>();
    await Promise.all(
      repos.map(async (r) => {
        try {
          const [collaborators, invitations] = await Promise.all([
            this.octokit.paginate(this.octokit.rest.repos.listCollaborators, { owner: r.org, repo: r.repository, affiliation: 'direct', per_page: 100 }),
            this.octokit.paginate(this.octokit.rest.repos.listInvitations, { owner: r.org, repo: r.repository, per_page: 100 }),
          ]);
          const holders: Holder[] = collaborators.map((c) => ({ login: c.login, role: repoPermission(c.role_name, c.permissions), state: 'active' }));
          for (const inv of invitations) {
            const login = inv.invitee?.login;
            if (login && !inv.expired && !holders.some((h) => h.login.toLowerCase() === login.toLowerCase())) holders.push({ login, role: repoPermission(inv.permissions), state: 'pending' });
          }
          out.set(repoKey(r), { ok: true, holders });
        } catch (e) {
          const missing = (e as { status?: number }).status === 404;
          out.set(repoKey(r), missing ? { ok: false, error: `repository ${r.repository} does not exist in organisation ${r.org}, or the token cannot see it: create it there, or fix the repository name` } : this.failure(e, REPOSITORY_PERMISSION));
        }
      }),
    );
    return out;
  }

  private async readMembers(org: string, teams: readonly TeamRef[]): Promise<Map<string, HoldersRead>> {
    const out = new Map<string, HoldersRead>();
    const batches: TeamRef[][] = [];
    for (let i = 0; i < teams.length; i += TEAMS_PER_QUERY) batches.push(teams.slice(i, i + TEAMS_PER_QUERY));
    await Promise.all(
      batches.map(async (batch) => {
        const vars: Record<string, string | null> = { org, after: null };
        batch.forEach((t, i) => (vars[`s${i}`] = t.team));
        const query = `query($org: String!, $after: String, ${batch.map((_, i) => `$s${i}: String!`).join(', ')}) { organization(login: $org) { ${batch.map((_, i) => `t${i}: team(slug: $s${i}) { ${MEMBERS_FIELDS} }`).join(' ')} } }`;
        const data = await this.graphql(query, vars);
        await Promise.all(
          batch.map(async (t, i) => {
            if (!data.ok) return out.set(t.team, data);
            const page = (data.value.organization as Record<string, { members: MembersPage } | null> | null)?.[`t${i}`];
            if (!page) return out.set(t.team, { ok: false, error: `team ${t.team} does not exist in organisation ${org}, or the token cannot see it: create it there, or fix the team name` });
            out.set(t.team, await this.restOfTeam(org, t.team, page.members));
          }),
        );
      }),
    );
    return out;
  }

  /**
   * The team's members from its first page on. Pages are cursor-based, so a member joining or
   * leaving between two pages shifts members across the boundary: one would be read twice or
   * not at all (and then revoked, or dropped from the ledger). When `totalCount` changes between
   * pages, or the members read do not add up to it, the team is read again from its first page,
   * up to {@link PAGE_REREADS} times, after which the read fails.
   */
  private async restOfTeam(org: string, team: string, first: MembersPage): Promise<HoldersRead> {
    let start = first;
    for (let reread = 0; ; reread++) {
      const read = await this.pagesFrom(org, team, start);
      if (read !== 'changed') return read;
      if (reread >= PAGE_REREADS) return { ok: false, error: `the members of ${org}/${team} kept changing while being read (${PAGE_REREADS + 1} tries); the next run will read them again` };
      const again = await this.teamPage(org, team, null);
      if (!again.ok) return again;
      start = again.page;
    }
  }

  private async pagesFrom(org: string, team: string, first: MembersPage): Promise<HoldersRead | 'changed'> {
    const holders: Holder[] = [];
    const total = first.totalCount;
    let page = first;
    for (;;) {
      if (total !== undefined && page.totalCount !== undefined && page.totalCount !== total) return 'changed';
      for (const e of page.edges) holders.push({ login: e.node.login, role: e.role === 'MAINTAINER' ? 'maintainer' : 'member', state: 'active' });
      if (!page.pageInfo.hasNextPage) return total === undefined || holders.length === total ? { ok: true, holders } : 'changed';
      const next = await this.teamPage(org, team, page.pageInfo.endCursor);
      if (!next.ok) return next;
      page = next.page;
    }
  }

  /** One page of one team's members. */
  private async teamPage(org: string, team: string, after: string | null): Promise<{ ok: true; page: MembersPage } | ReadFailure> {
    const query = `query($org: String!, $slug: String!, $after: String) { organization(login: $org) { team(slug: $slug) { ${MEMBERS_FIELDS} } } }`;
    const data = await this.graphql(query, { org, slug: team, after });
    if (!data.ok) return data;
    const found = (data.value.organization as { team: { members: MembersPage } | null } | null)?.team;
    return found ? { ok: true, page: found.members } : { ok: false, error: `team ${org}/${team} disappeared while being read` };
  }

  private async graphql(query: string, variables: Record<string, string | null>, needs?: string): Promise<{ ok: true; value: Record<string, unknown> } | ReadFailure> {
    try {
      return { ok: true, value: await this.octokit.graphql<Record<string, unknown>>(query, variables) };
    } catch (e) {
      const partial = (e as { name?: string; data?: Record<string, unknown> }).name === 'GraphqlResponseError' ? (e as { data?: Record<string, unknown> }).data : undefined;
      if (partial && partial.organization !== undefined) return { ok: true, value: partial };
      return this.failure(e, needs);
    }
  }

  private async readPending(org: string): Promise<{ ok: true; byTeam: Map<string, Holder[]> } | ReadFailure> {
    try {
      const byTeam = new Map<string, Holder[]>();
      const invitations = await this.octokit.paginate(this.octokit.rest.orgs.listPendingInvitations, { org, per_page: 100 });
      // One lookup per invitation (REST has no bulk form), all at once within the read limit.
      const withTeams = invitations.filter((inv) => inv.login && inv.team_count !== 0);
      const teamsOf = await Promise.all(withTeams.map((inv) => this.octokit.paginate(this.octokit.rest.orgs.listInvitationTeams, { org, invitation_id: inv.id, per_page: 100 })));
      withTeams.forEach((inv, i) => {
        for (const t of teamsOf[i]!) byTeam.set(t.slug.toLowerCase(), [...(byTeam.get(t.slug.toLowerCase()) ?? []), { login: inv.login!, role: 'member', state: 'pending' }]);
      });
      return { ok: true, byTeam };
    } catch (e) {
      return this.failure(e);
    }
  }

  /** An organisation's identities, read once per run: a plan and its look-ahead ask twice. */
  readIdentities(org: string, method: 'saml' | 'verifiedEmail'): Promise<IdentityRead> {
    const key = `${org.toLowerCase()}\0${method}`;
    let read = this.identityReads.get(key);
    if (!read) this.identityReads.set(key, (read = this.queryIdentities(org, method)));
    return read;
  }

  private async queryIdentities(org: string, method: 'saml' | 'verifiedEmail'): Promise<IdentityRead> {
    const pairs: { email: string; login: string; attribute?: 'nameId' | 'emails' }[] = [];
    let after: string | null = null;
    for (;;) {
      const data = await this.graphql(method === 'saml' ? SAML_QUERY : VERIFIED_QUERY, { org, after }, method === 'saml' ? SAML_PERMISSION : undefined);
      if (!data.ok) return data;
      const org_ = data.value.organization as IdentityOrg | null;
      const page = method === 'saml' ? org_?.samlIdentityProvider?.externalIdentities : org_?.membersWithRole;
      if (!page) return { ok: false, error: method === 'saml' ? `organisation ${org} has no SAML identity provider the token can see` : `organisation ${org} not found` };
      for (const n of page.nodes) {
        if ('samlIdentity' in n) {
          const user = n.user;
          if (user === null) continue;
          if (n.samlIdentity.nameId?.includes('@')) pairs.push({ email: n.samlIdentity.nameId, login: user.login, attribute: 'nameId' });
          for (const e of n.samlIdentity.emails) if (e.value.includes('@') && e.value !== n.samlIdentity.nameId) pairs.push({ email: e.value, login: user.login, attribute: 'emails' });
        } else {
          for (const email of n.organizationVerifiedDomainEmails) pairs.push({ email, login: n.login });
        }
      }
      if (!page.pageInfo.hasNextPage) return { ok: true, pairs };
      after = page.pageInfo.endCursor;
    }
  }

  /** Adds `login` to the team with `e.role`, or changes their role to it (a non-member of the organisation is invited). */
  async setMembership(e: TeamEntitlement, login: string): Promise<void> {
    await this.octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: e.org, team_slug: e.team, username: login, role: e.role satisfies TeamRole });
  }

  /** Removes `login` from the team (and cancels a pending invitation to it). */
  async removeMembership(t: TeamRef, login: string): Promise<void> {
    await this.octokit.rest.teams.removeMembershipForUserInOrg({ org: t.org, team_slug: t.team, username: login });
  }

  /** Makes `login` a direct collaborator with `permission` (invites them, or changes their permission). */
  async setRepoPermission(org: string, repository: string, login: string, permission: RepoPermission): Promise<void> {
    await this.octokit.rest.repos.addCollaborator({ owner: org, repo: repository, username: login, permission });
  }

  /** Cancels `login`'s pending invitation to the repository if there is one, else removes them as a collaborator. */
  async removeRepoCollaborator(org: string, repository: string, login: string): Promise<void> {
    const invitations = await this.octokit.paginate(this.octokit.rest.repos.listInvitations, { owner: org, repo: repository, per_page: 100 });
    const pending = invitations.find((i) => i.invitee?.login.toLowerCase() === login.toLowerCase());
    if (pending) await this.octokit.rest.repos.deleteInvitation({ owner: org, repo: repository, invitation_id: pending.id });
    else await this.octokit.rest.repos.removeCollaborator({ owner: org, repo: repository, username: login });
  }
}
