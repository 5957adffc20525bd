/**
 * The octokit client every GitHub call goes through (the target's, and the pull-request host's).
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
 * parse is an error; both are retried by octokit like network errors.
 */
import { Octokit } from 'octokit';
import pLimit from 'p-limit';
import type { ReadFailure } from '../../core/diagnostics.js';
import type { Fetch } from '../../http/read-only.js';
import { explainError, type ErrorContext } from './errors.js';
import { defaultWriteLimits, rateLimitWait, READ_CONCURRENCY, RATE_LIMIT_RETRIES, WritePacer, type WriteLimit } from './rate-limits.js';

/** What the GitHub target needs besides the config. */
export interface GitHubTargetOptions {
  /** `https://api.github.com`, a GitHub Enterprise Server `/api/v3` URL, or an emulator. */
  baseUrl: string;
  token?: string;
  /** The environment variable the token came from (the target's `tokenEnv`), named by a 401's or 403's error. */
  tokenEnv?: string;
  fetch: Fetch;
  /** The organisation whose identities {@link Target.readIdentities} reads (a configured target's `org`). */
  org?: string;
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

/** A request that creates or changes something: a REST write or a GraphQL mutation. */
function isWrite(options: { method?: string; url?: string; query?: unknown }): boolean {
  const method = (options.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return false;
  if (options.url === '/graphql') return typeof options.query === 'string' && /\bmutation\b/.test(options.query);
  return true;
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

/** What the target's reads go through: the client, and the target's settings its failures are described with. */
export interface GitHubApi {
  octokit: Octokit;
  context: ErrorContext;
}

/** A failed read from an octokit error, described with the target's settings. */
export function failure(api: GitHubApi, e: unknown, needs?: string): ReadFailure {
  return { ok: false, ...explainError(e, { ...api.context, needs }) };
}

/** A GraphQL query; a partial answer that still has its organisation counts (a team not found is null in it). */
export async function graphql(api: GitHubApi, query: string, variables: Record<string, string | null>, needs?: string): Promise<{ ok: true; value: Record<string, unknown> } | ReadFailure> {
  try {
    return { ok: true, value: await api.octokit.graphql<Record<string, unknown>>(query, variables) };
  } catch (e) {
    const partial = (e as { name?: string; data?: Record<string, unknown> }).name === 'GraphqlResponseError' ? (e as { data?: Record<string, unknown> }).data : undefined;
    if (partial && partial.organization !== undefined) return { ok: true, value: partial };
    return failure(api, e, needs);
  }
}
