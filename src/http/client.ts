/**
 * A small JSON-over-HTTP client for the on-call sources: every request has a timeout; 429s
 * wait as the response says (Retry-After, ratelimit-reset) and retry; 5xx, network errors,
 * timeouts and malformed JSON retry with exponential backoff; all within a bound. It never
 * throws and never puts request headers (which hold tokens) in an error.
 */
import type { Fetch } from './read-only.js';

/** Tuning of {@link getJson}; the defaults suit a CLI run every few minutes. */
export interface HttpOptions {
  fetch: Fetch;
  /** Per-attempt timeout; default 15 s. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  retries?: number;
  /** First backoff; doubles each retry; default 500 ms. */
  backoffMs?: number;
  /** Longest wait a 429 may ask for before we give up instead; default 60 s. */
  maxWaitMs?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * The outcome of one logical request (after retries). A failure has `unreachable` when no attempt
 * got through to a server: the connection error's code (see {@link connectFailure}).
 */
export type HttpResult = { ok: true; status: number; body: unknown } | { ok: false; status?: number; error: string; unreachable?: string };

/** Connection errors that mean the host or port is wrong (or unreachable from here), not a passing fault. */
const CONNECT_CODES = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EADDRNOTAVAIL|ERR_TLS_CERT_ALTNAME_INVALID|CERT_\w+|\w*SELF_SIGNED\w*|UNABLE_TO_\w+)$/;

/**
 * The code of a connection that could not be made (`ECONNREFUSED`, `ENOTFOUND`, a TLS certificate
 * error, or fetch's `bad port`), from a rejected fetch or an error wrapping one; `undefined` for
 * anything else, such as a reset connection or a timeout, which a retry may get past.
 */
export function connectFailure(e: unknown): string | undefined {
  for (let err = e as { cause?: unknown; code?: unknown; message?: unknown } | undefined, depth = 0; err && depth < 4; err = err.cause as typeof err, depth++) {
    if (typeof err.code === 'string' && CONNECT_CODES.test(err.code)) return err.code;
    if (err.message === 'bad port') return 'bad port';
  }
  return undefined;
}

/** A host that could not be reached, by the URL the config gives (or the default one), and what to check. */
export function unreachableMessage(url: string, code: string): string {
  return `cannot connect to ${url} (${code}): check apiUrl, and that this machine can reach the host`;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Milliseconds a 429/503 asks us to wait, from `Retry-After` (seconds or date) or `ratelimit-reset` (seconds). */
export function waitFromHeaders(headers: Headers, now = Date.now(), rateLimited = true): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const at = /^[A-Za-z]{3}, /.test(retryAfter.trim()) ? Date.parse(retryAfter) : NaN;
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  // Rate-limit reset headers come on every response of some APIs; only a 429 is about them.
  if (!rateLimited) return undefined;
  const reset = headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset');
  if (reset !== null && /^\d+$/.test(reset.trim())) {
    const n = Number(reset);
    // Epoch seconds (GitHub style) are far larger than any sane delta (PagerDuty style).
    return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
  }
  return undefined;
}

/** GETs `url` and parses JSON, with timeouts, retries and rate-limit waits. */
export async function getJson(url: string, headers: Record<string, string>, o: HttpOptions): Promise<HttpResult> {
  const retries = o.retries ?? 3;
  const sleep = o.sleep ?? defaultSleep;
  const failures = new Failures();
  for (let attempt = 0; attempt <= retries; attempt++) {
    const backoff = (o.backoffMs ?? 500) * 2 ** attempt;
    let wait = backoff;
    try {
      const res = await o.fetch(url, { method: 'GET', headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(o.timeoutMs ?? 15_000) });
      const text = await res.text();
      if (res.status === 429 || res.status >= 500) {
        const asked = waitFromHeaders(res.headers, Date.now(), res.status === 429);
        if (asked !== undefined && asked > (o.maxWaitMs ?? 60_000)) {
          const what = res.status === 429 ? 'rate limited (HTTP 429)' : `server error (HTTP ${res.status})`;
          return { ok: false, status: res.status, error: `${what}, asked to wait ${Math.round(asked / 1000)} s, longer than we wait` };
        }
        wait = asked ?? backoff;
        failures.add(res.status === 429 ? 'rate limited' : 'server error', `HTTP ${res.status}`, res.status);
      } else if (res.status >= 400) {
        return { ok: false, status: res.status, error: `HTTP ${res.status}${apiMessage(text)}` };
      } else {
        try {
          return { ok: true, status: res.status, body: JSON.parse(text) };
        } catch {
          failures.add('malformed JSON in the response', undefined, res.status);
        }
      }
    } catch (e) {
      const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as { name?: string; message?: string; cause?: { code?: string } };
      if (err.name === 'ReadOnlyViolation') return { ok: false, error: err.message ?? 'refused by the read-only transport' };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') failures.add(`no answer within ${o.timeoutMs ?? 15_000} ms`);
      else failures.add('network error', err.cause?.code ?? err.message, undefined, connectFailure(e));
    }
    if (attempt < retries) await sleep(wait);
  }
  return failures.result();
}

/**
 * The failed attempts of one request. The error names every distinct kind of failure in the
 * order they first happened, with their details (statuses, error codes), so one fault reads the
 * same whichever attempt a slow machine turned into a timeout: `network error (ECONNRESET),
 * then no answer within 15000 ms after retries`; `server error (HTTP 502, HTTP 503) after retries`.
 */
class Failures {
  private readonly kinds = new Map<string, string[]>();
  private status: number | undefined;
  /** The connection error of every attempt so far, while none got through to a server. */
  private unreachable: string | undefined;
  private reached = false;

  /**
   * One failed attempt: its kind, a detail to name in parentheses, the HTTP status if any, and
   * the connection error when it could not connect at all.
   */
  add(kind: string, detail?: string, status?: number, unreachable?: string): void {
    const details = this.kinds.get(kind) ?? [];
    if (detail !== undefined && !details.includes(detail)) details.push(detail);
    this.kinds.set(kind, details);
    this.status = status;
    this.reached ||= unreachable === undefined;
    this.unreachable = this.reached ? undefined : unreachable;
  }

  /** The request's outcome; `status` is the last answer's. */
  result(): HttpResult {
    const reasons = [...this.kinds].map(([kind, details]) => (details.length === 0 ? kind : `${kind} (${details.join(', ')})`));
    return { ok: false, ...(this.status === undefined ? {} : { status: this.status }), error: `${reasons.join(', then ')} after retries`, ...(this.unreachable === undefined ? {} : { unreachable: this.unreachable }) };
  }
}

/**
 * The message of an error body: `error.message` or `message` or `error` (GitHub, PagerDuty,
 * Opsgenie, Atlassian's gateway), `errors[0].title` (JSM Operations), `errorMessages[0]` (Jira).
 */
function apiMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown; errors?: { title?: unknown }[]; errorMessages?: unknown[] };
    const listed = Array.isArray(body.errors) ? body.errors[0]?.title : Array.isArray(body.errorMessages) ? body.errorMessages[0] : undefined;
    const m = typeof body.error === 'object' ? body.error?.message : (body.message ?? body.error ?? listed);
    return typeof m === 'string' && m !== '' ? `: ${m.slice(0, 200)}` : '';
  } catch {
    return '';
  }
}
