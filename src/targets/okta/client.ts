/**
 * The HTTP client every Okta call goes through, on the `fetch` it is given (plain fetch, not
 * `@okta/okta-sdk-nodejs`: see NOTES.md).
 *
 * Authentication: an SSWS API token, or an OAuth 2.0 service app's access token, asked for once
 * (client credentials with a signed client assertion) and again when it expires or is refused.
 *
 * Rate limits. Okta limits each endpoint per minute and answers every request with
 * `X-Rate-Limit-Limit`, `-Remaining` and `-Reset` (epoch seconds); it also limits requests in
 * flight per org. The client keeps at most {@link OKTA_CONCURRENCY} requests in flight, counts
 * each endpoint's remaining requests down as it sends them, and once none remain waits for the
 * reset before sending more, so that limits are kept without refused requests. A 429 all the same
 * (another client of the org used the limit) waits until the reset it names and retries, up to
 * {@link RATE_LIMIT_RETRIES} times and never longer than `maxRateLimitWaitMs` per wait.
 *
 * Robustness: every attempt has a timeout; 5xx answers, malformed 2xx answers, network errors and
 * timeouts are retried with backoff; it never throws and never puts request headers (which hold credentials) in an error.
 */
import pLimit from 'p-limit';
import type { ReadFailure } from '../../core/diagnostics.js';
import { connectFailure, unreachableMessage } from '../../http/client.js';
import type { Fetch } from '../../http/read-only.js';
import { clientAssertion, type SigningKey } from './auth.js';

/** How the client proves who it is. `env` names the variable the secret came from, for messages. */
export type OktaAuth = { kind: 'ssws'; token: string; env: string } | { kind: 'app'; clientId: string; signing: SigningKey; scopes: readonly string[]; env: string };

/** What the client needs. */
export interface OktaClientOptions {
  /** `https://acme.okta.com`, without a trailing slash. */
  orgUrl: string;
  auth: OktaAuth;
  fetch: Fetch;
  /** Requests in flight at once; default {@link OKTA_CONCURRENCY}. */
  concurrency?: number;
  /** Retries of 5xx answers, network errors and timeouts; default 2. */
  retries?: number;
  /** First backoff, doubled each retry; default 500 ms. */
  backoffMs?: number;
  /** Longest rate-limit wait honoured; default 60 s. */
  maxRateLimitWaitMs?: number;
  /** Per-attempt timeout; default 15 s. */
  timeoutMs?: number;
  /** Injected for tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Requests in flight at once: well under the smallest org concurrency limit Okta documents. */
export const OKTA_CONCURRENCY = 8;

/** Rate-limit answers waited out per request before it fails. */
export const RATE_LIMIT_RETRIES = 3;

/** An answer Okta gave, or why there is none. A failure keeps Okta's `errorCode` and causes. */
export type OktaResult = { ok: true; status: number; body: unknown; headers: Headers } | OktaFailure;

/** A failed request: the status and Okta's error code when it answered. */
export interface OktaFailure extends ReadFailure {
  status?: number;
  errorCode?: string;
  /** Okta's `errorCauses`, in words. */
  causes?: string[];
}

/** What the client knows of one endpoint's limit. */
interface Bucket {
  /** Requests left in the window, counted down as they are sent. */
  remaining: number;
  /** Epoch milliseconds the window ends. */
  reset: number;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * The endpoint a request counts against: its method and path with ids replaced, as Okta's
 * limits are per endpoint, not per group or user.
 */
export function bucketOf(method: string, path: string): string {
  const template = path
    .replace(/^\/api\/v1\/groups\/(?!rules$)[^/]+/, '/api/v1/groups/{groupId}')
    .replace(/^\/api\/v1\/groups\/\{groupId\}\/users\/[^/]+$/, '/api/v1/groups/{groupId}/users/{userId}')
    .replace(/^\/api\/v1\/users\/[^/]+$/, '/api/v1/users/{id}');
  return `${method} ${template}`;
}

/** The `rel="next"` URL of a `Link` header (Okta sends `self` and `next`, folded into one header by fetch). */
export function nextLink(link: string | null): string | undefined {
  if (link === null) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (m && /\brel="?next"?/.test(m[2] as string)) return m[1];
  }
  return undefined;
}

/** True when `text` is empty (a 204) or JSON. */
function parses(text: string): boolean {
  if (text === '') return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Okta's error body in words: `summary (code)`, and its causes. */
function oktaError(text: string): { summary?: string; code?: string; causes: string[] } {
  try {
    const body = JSON.parse(text) as { errorSummary?: unknown; errorCode?: unknown; errorCauses?: { errorSummary?: unknown }[]; error?: unknown; error_description?: unknown };
    const summary = typeof body.errorSummary === 'string' ? body.errorSummary : typeof body.error_description === 'string' ? body.error_description : undefined;
    const code = typeof body.errorCode === 'string' ? body.errorCode : typeof body.error === 'string' ? body.error : undefined;
    const causes = Array.isArray(body.errorCauses) ? body.errorCauses.flatMap((c) => (typeof c?.errorSummary === 'string' ? [c.errorSummary.slice(0, 300)] : [])) : [];
    return { ...(summary === undefined ? {} : { summary: summary.slice(0, 300) }), ...(code === undefined ? {} : { code: code.slice(0, 40) }), causes };
  } catch {
    return { causes: [] };
  }
}

/** The client: see the module comment. */
export class OktaClient {
  private readonly limit: ReturnType<typeof pLimit>;
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly origin: string;
  /** The service app's access token while it lasts, shared by concurrent requests. */
  private token: Promise<{ ok: true; value: string; expires: number } | OktaFailure> | undefined;

  constructor(private readonly o: OktaClientOptions) {
    this.limit = pLimit(o.concurrency ?? OKTA_CONCURRENCY);
    this.now = o.now ?? Date.now;
    this.sleep = o.sleep ?? defaultSleep;
    this.origin = new URL(o.orgUrl).origin;
  }

  /** GETs `path` (or a `next` URL of the org). */
  get(path: string): Promise<OktaResult> {
    return this.request('GET', path);
  }

  /** Every item of a list, following `Link: <...>; rel="next"` from `path` on. */
  async pages<T>(path: string): Promise<{ ok: true; items: T[] } | OktaFailure> {
    const items: T[] = [];
    for (let url: string | undefined = path; url !== undefined; ) {
      const res = await this.get(url);
      if (!res.ok) return res;
      if (!Array.isArray(res.body)) return { ok: false, error: `Okta answered ${new URL(url, this.origin).pathname} with something other than a list` };
      items.push(...(res.body as T[]));
      url = nextLink(res.headers.get('link'));
      if (url !== undefined && new URL(url, this.origin).origin !== this.origin) return { ok: false, error: `Okta's next page link points away from ${this.origin}; not followed` };
    }
    return { ok: true, items };
  }

  /** One logical request: rate limits kept, credentials added, retried as the module comment says. */
  async request(method: string, path: string): Promise<OktaResult> {
    const url = new URL(path, this.origin);
    const bucket = bucketOf(method, url.pathname);
    const retries = this.o.retries ?? 2;
    let failures = 0;
    let limited = 0;
    let refreshed = false;
    for (;;) {
      const waited = await this.keepLimit(bucket);
      if (waited !== undefined) return waited;
      const auth = await this.authorization();
      if (typeof auth !== 'string') return auth;
      const attempt = await this.limit(() => this.send(method, url, auth, bucket));
      if (attempt.kind === 'answer') {
        const { res, text } = attempt;
        if (res.status === 429 && limited < RATE_LIMIT_RETRIES) {
          limited += 1;
          const wait = this.untilReset(res.headers);
          if (wait > (this.o.maxRateLimitWaitMs ?? 60_000)) return { ok: false, status: 429, error: `rate limited by Okta on ${bucket}, asked to wait ${Math.round(wait / 1000)} s, longer than we wait; the next run tries again` };
          await this.sleep(wait);
          continue;
        }
        if (res.status === 401 && this.o.auth.kind === 'app' && !refreshed) {
          refreshed = true;
          this.token = undefined;
          continue;
        }
        // A 5xx, or a 2xx whose JSON does not parse (a proxy's page, a cut answer), is tried again.
        if ((res.status >= 500 || (res.status < 300 && !parses(text))) && failures < retries) {
          await this.sleep((this.o.backoffMs ?? 500) * 2 ** failures++);
          continue;
        }
        return this.answer(method, url, res, text);
      }
      if (attempt.readOnly !== undefined) return { ok: false, error: attempt.readOnly };
      if (attempt.unreachable !== undefined) return { ok: false, error: unreachableMessage(this.o.orgUrl, attempt.unreachable).replace('check apiUrl', 'check orgUrl'), fault: 'endpoint' };
      if (failures >= retries) return { ok: false, error: `${attempt.error} talking to Okta at ${this.origin}, after retries` };
      await this.sleep((this.o.backoffMs ?? 500) * 2 ** failures++);
    }
  }

  /** Waits for the bucket's reset when it has no request left; a failure when that is longer than allowed. */
  private async keepLimit(name: string): Promise<OktaFailure | undefined> {
    const bucket = this.buckets.get(name);
    if (bucket === undefined) return undefined;
    if (bucket.remaining <= 0) {
      const wait = bucket.reset - this.now();
      if (wait > 0) {
        if (wait > (this.o.maxRateLimitWaitMs ?? 60_000)) return { ok: false, error: `Okta's limit on ${name} is used up for ${Math.round(wait / 1000)} s, longer than we wait; the next run tries again` };
        await this.sleep(wait);
      }
      // A new window: its size is learnt from the next answer.
      if (bucket.remaining <= 0 && this.now() >= bucket.reset) this.buckets.delete(name);
      return undefined;
    }
    bucket.remaining -= 1;
    return undefined;
  }

  /** Milliseconds until the reset a 429 names (at least 1 s when it names none or one already past). */
  private untilReset(headers: Headers): number {
    const reset = Number(headers.get('x-rate-limit-reset'));
    const wait = Number.isFinite(reset) && reset > 0 ? reset * 1000 - this.now() : 0;
    return Math.max(wait, 1000);
  }

  /** Learns the bucket's state from an answer's headers: a new window replaces it, the same one only lowers what remains. */
  private learn(name: string, headers: Headers): void {
    const remaining = Number(headers.get('x-rate-limit-remaining') ?? NaN);
    const reset = Number(headers.get('x-rate-limit-reset') ?? NaN) * 1000;
    if (!Number.isFinite(remaining) || !Number.isFinite(reset)) return;
    const known = this.buckets.get(name);
    if (known === undefined || known.reset !== reset) this.buckets.set(name, { remaining, reset });
    else known.remaining = Math.min(known.remaining, remaining);
  }

  private async send(method: string, url: URL, authorization: string, bucket: string): Promise<{ kind: 'answer'; res: Response; text: string } | { kind: 'failed'; error: string; unreachable?: string; readOnly?: string }> {
    try {
      const res = await this.o.fetch(url, { method, headers: { accept: 'application/json', authorization }, signal: AbortSignal.timeout(this.o.timeoutMs ?? 15_000) });
      const text = await res.text();
      this.learn(bucket, res.headers);
      return { kind: 'answer', res, text };
    } catch (e) {
      const err = (typeof e === 'object' && e !== null ? e : {}) as { name?: string; message?: string; cause?: { code?: string } };
      if (err.name === 'ReadOnlyViolation') return { kind: 'failed', error: err.message ?? 'read-only', readOnly: err.message ?? 'refused by the read-only transport' };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') return { kind: 'failed', error: `no answer within ${this.o.timeoutMs ?? 15_000} ms` };
      const unreachable = connectFailure(e);
      return { kind: 'failed', error: `network error (${err.cause?.code ?? err.message ?? 'unknown'})`, ...(unreachable === undefined ? {} : { unreachable }) };
    }
  }

  /** An answer as a result: JSON for a 2xx, Okta's error in words otherwise. */
  private answer(method: string, url: URL, res: Response, text: string): OktaResult {
    if (res.status < 300) {
      if (text === '') return { ok: true, status: res.status, body: undefined, headers: res.headers };
      try {
        return { ok: true, status: res.status, body: JSON.parse(text), headers: res.headers };
      } catch {
        return { ok: false, status: res.status, error: `Okta answered ${method} ${url.pathname} with malformed JSON (HTTP ${res.status})` };
      }
    }
    const { summary, code, causes } = oktaError(text);
    const said = `${summary ?? `HTTP ${res.status}`}${code === undefined ? '' : ` (${code})`}${causes.length === 0 ? '' : `: ${causes.join('; ')}`}`;
    const base = { ok: false as const, status: res.status, ...(code === undefined ? {} : { errorCode: code }), causes };
    const secret = this.o.auth.kind === 'ssws' ? `the API token in ${this.o.auth.env}` : `the service app ${this.o.auth.clientId}'s access token`;
    if (res.status === 401) return { ...base, error: `Okta refused ${secret} (HTTP 401, ${said}): it is wrong, expired or revoked`, fault: 'token' };
    if (res.status === 403 && method === 'GET') {
      const needs = url.pathname.startsWith('/api/v1/users') ? 'okta.users.read' : 'okta.groups.read (okta.groups.manage to apply)';
      return { ...base, error: `Okta refused ${method} ${url.pathname} (HTTP 403, ${said}): ${secret} needs the scope ${needs} and an admin role that covers it`, fault: 'token' };
    }
    return { ...base, error: `Okta answered ${method} ${url.pathname} with HTTP ${res.status}: ${said}` };
  }

  /** The `Authorization` header: the API token, or a service-app access token (asked for when there is none or it expired). */
  private async authorization(): Promise<string | OktaFailure> {
    const auth = this.o.auth;
    if (auth.kind === 'ssws') return `SSWS ${auth.token}`;
    const held = await (this.token ??= this.accessToken(auth));
    if (!held.ok) {
      this.token = undefined;
      return held;
    }
    if (held.expires <= this.now()) {
      this.token = undefined;
      return this.authorization();
    }
    return `Bearer ${held.value}`;
  }

  /** Client credentials with a signed assertion: an access token, or why Okta refused. */
  private async accessToken(auth: Extract<OktaAuth, { kind: 'app' }>): Promise<{ ok: true; value: string; expires: number } | OktaFailure> {
    const endpoint = `${this.origin}/oauth2/v1/token`;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      scope: auth.scopes.join(' '),
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion(auth.signing, auth.clientId, endpoint, this.now()),
    });
    const retries = this.o.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.o.fetch(endpoint, { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(), signal: AbortSignal.timeout(this.o.timeoutMs ?? 15_000) });
        const text = await res.text();
        if ((res.status >= 500 || res.status === 429 || (res.ok && !parses(text))) && attempt < retries) {
          await this.sleep(res.status === 429 ? this.untilReset(res.headers) : (this.o.backoffMs ?? 500) * 2 ** attempt);
          continue;
        }
        const body = (() => {
          try {
            return JSON.parse(text) as { access_token?: unknown; expires_in?: unknown };
          } catch {
            return {};
          }
        })();
        if (res.ok && typeof body.access_token === 'string') {
          const ttl = typeof body.expires_in === 'number' ? body.expires_in : 3600;
          // A minute early, so that a token never expires between the check and the request.
          return { ok: true, value: body.access_token, expires: this.now() + Math.max(ttl - 60, 1) * 1000 };
        }
        const { summary, code } = oktaError(text);
        return { ok: false, status: res.status, error: `Okta refused a token to the service app ${auth.clientId} (HTTP ${res.status}${code === undefined ? '' : `, ${code}`}${summary === undefined ? '' : `: ${summary}`}): check clientId, the key in ${auth.env} (its public half must be registered on the app) and that the app is granted ${auth.scopes.join(' and ')}`, fault: 'token' };
      } catch (e) {
        const err = (typeof e === 'object' && e !== null ? e : {}) as { name?: string; message?: string };
        if (err.name === 'ReadOnlyViolation') return { ok: false, error: err.message ?? 'refused by the read-only transport' };
        const unreachable = connectFailure(e);
        if (unreachable !== undefined) return { ok: false, error: unreachableMessage(this.o.orgUrl, unreachable).replace('check apiUrl', 'check orgUrl'), fault: 'endpoint' };
        if (attempt >= retries) return { ok: false, error: `no token from Okta at ${endpoint}: ${err.message ?? 'network error'}, after retries` };
        await this.sleep((this.o.backoffMs ?? 500) * 2 ** attempt);
      }
    }
  }
}
