/**
 * The Slack Web API client: `@slack/web-api`'s `WebClient` over the `fetch` we are given, with
 * Slack's rate-limit tiers kept on our side (so a large apply is paced, not refused), its retries
 * bounded for a CLI, its logger silenced, and its failures in words without the token.
 *
 * `WebClient` POSTs every method, form-encoded. A read-only run's fetch refuses POSTs, so read
 * methods go out as GETs with the same arguments in the query (Slack serves every method both
 * ways); the token stays in the `Authorization` header either way.
 */
import type { FetchFunction, Logger, LogLevel, WebClient } from '@slack/web-api';
import type { ReadFailure } from '../../core/diagnostics.js';
import { connectFailure, unreachableMessage } from '../../http/client.js';
import type { Fetch } from '../../http/read-only.js';

/** Slack's public Web API root. */
export const SLACK_API_URL = 'https://slack.com/api/';

/** The bot scopes the target needs: read groups and users (and their emails) to plan, write groups to apply. */
export const SLACK_SCOPES = { read: ['usergroups:read', 'users:read', 'users:read.email'], write: ['usergroups:write'] } as const;

/** Methods that only read: sent as GETs. */
const READ_METHODS: ReadonlySet<string> = new Set(['auth.test', 'usergroups.list', 'usergroups.users.list', 'users.list', 'users.lookupByEmail']);

/**
 * Requests per minute of each method the target calls, by Slack's tiers (tier 2: 20, tier 3: 50,
 * tier 4: 100; auth.test is "special", far above what doctor needs).
 */
export const METHOD_RATES: Readonly<Record<string, number>> = {
  'auth.test': 100,
  'usergroups.list': 20,
  'usergroups.users.list': 100,
  'usergroups.users.update': 20,
  'usergroups.enable': 20,
  'usergroups.disable': 20,
  'users.list': 20,
  'users.lookupByEmail': 50,
};

/** How to reach one workspace. */
export interface SlackClientOptions {
  token?: string;
  /** The API root, ending in `/api/` or not; default {@link SLACK_API_URL}. */
  apiUrl?: string;
  /** Sent as `team_id` with every call (Enterprise Grid org-wide tokens). */
  teamId?: string;
  /** The variable holding the token, for messages; `null` when the target names none. */
  tokenEnv?: string | null;
  fetch: Fetch;
  /**
   * How much faster than real time the rate-limit minute runs (tests and benchmarks against an
   * emulator scaled alike); default 1.
   */
  timeScale?: number;
  /** Per-attempt timeout; default 15 s. */
  timeoutMs?: number;
  /** Injected for tests; default the real clock and timer. */
  clock?: { now: () => number; sleep: (ms: number) => Promise<void> };
}

/** The parts every read and write share: the SDK client, the pacer, and what messages name. */
export interface SlackApi {
  /** Calls `method` with `args` once its tier allows; rejects as the SDK does. */
  call<T>(method: string, args?: Record<string, unknown>): Promise<T>;
  /** The API root and token variable, for messages. */
  context: { apiUrl: string; tokenEnv: string | null };
}

/** A logger that says nothing: the CLI reports failures itself, and the SDK's own lines could name URLs with arguments. */
const SILENT: Logger = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error' as LogLevel, setName() {} };

/** `fetch` as the SDK calls it, read methods turned into GETs (see the module comment). */
export function slackFetch(fetch: Fetch): FetchFunction {
  // Node's Response is the SDK's FetchResponse; the project's type library leaves out Headers' iterators.
  const send = fetch as unknown as (url: string, init?: RequestInit) => ReturnType<FetchFunction>;
  return (url, init) => {
    const method = new URL(String(url)).pathname.split('/').pop() ?? '';
    if (READ_METHODS.has(method) && init?.method === 'POST' && typeof init.body === 'string') {
      const headers = Object.fromEntries(Object.entries(init.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-type'));
      const query = init.body === '' ? '' : `?${init.body}`;
      return send(`${String(url)}${query}`, { method: 'GET', headers, redirect: init.redirect, signal: init.signal });
    }
    return send(String(url), init as RequestInit);
  };
}

/**
 * Keeps each method under its rate on a sliding (scaled) minute. A call takes a slot when fewer
 * than the tier's calls were made in the last window, else waits for the oldest to leave it and
 * looks again. A slot counts from when its call was sent until its answer came back, then from
 * that answer: Slack counted the request somewhere in between, so the window is never cut short
 * by a slow answer.
 */
export class Pacer {
  private readonly slots = new Map<string, { at: number }[]>();
  private readonly windowMs: number;
  private readonly marginMs: number;

  constructor(
    timeScale: number,
    private readonly clock: { now: () => number; sleep: (ms: number) => Promise<void> },
  ) {
    this.windowMs = 60_000 / timeScale;
    this.marginMs = Math.max(10, this.windowMs / 100);
  }

  /** Resolves with a slot for `method` once its tier allows; call the returned function when the answer is in. */
  async take(method: string): Promise<() => void> {
    const limit = METHOD_RATES[method] ?? 20;
    for (;;) {
      const now = this.clock.now();
      const slots = (this.slots.get(method) ?? []).filter((s) => s.at > now - this.windowMs - this.marginMs);
      this.slots.set(method, slots);
      if (slots.length < limit) {
        const slot = { at: now };
        slots.push(slot);
        return () => void (slot.at = Math.max(slot.at, this.clock.now()));
      }
      const oldest = Math.min(...slots.map((s) => s.at));
      await this.clock.sleep(oldest + this.windowMs + this.marginMs - now);
    }
  }
}

const realClock = { now: () => performance.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };

/**
 * A client for one workspace (see the module comment). The SDK is loaded on the first call, so
 * commands that never reach Slack (validate, a run without Slack targets) do not load it.
 */
export function createSlackApi(o: SlackClientOptions): SlackApi {
  const apiUrl = (o.apiUrl ?? SLACK_API_URL).replace(/\/*$/, '/');
  let client: Promise<WebClient> | undefined;
  const sdk = (): Promise<WebClient> =>
    (client ??= import('@slack/web-api').then(
      ({ WebClient }) =>
        new WebClient(o.token, {
          slackApiUrl: apiUrl,
          fetch: slackFetch(o.fetch),
          logger: SILENT,
          timeout: o.timeoutMs ?? 15_000,
          // Bounded for a CLI run (the SDK's default keeps trying for half an hour); a 429 waits its Retry-After.
          retryConfig: { retries: 3, factor: 2, minTimeout: 250, maxTimeout: 4_000 },
          ...(o.teamId === undefined ? {} : { teamId: o.teamId }),
        }),
    ));
  const pacer = new Pacer(o.timeScale ?? 1, o.clock ?? realClock);
  return {
    async call<T>(method: string, args: Record<string, unknown> = {}): Promise<T> {
      const web = await sdk();
      // The SDK turns an answer that is not JSON into `ok: false` with the raw text as its error, and
      // does not retry it: we do, twice, and then say what it was (never the text, which could be a page).
      for (let attempt = 0; ; attempt++) {
        const answered = await pacer.take(method);
        try {
          return (await web.apiCall(method, args)) as T;
        } catch (e) {
          if (!notJson(e)) throw e;
          if (attempt >= 2) throw new SlackDataError(`${method} answered something that is not JSON`);
        } finally {
          answered();
        }
      }
    },
    context: { apiUrl, tokenEnv: o.tokenEnv ?? null },
  };
}

/** Whether `e` is the SDK's report of an answer that was not JSON: an `ok: false` whose "error" is not one of Slack's codes. */
function notJson(e: unknown): boolean {
  const err = e as { code?: string; data?: { error?: unknown } };
  return err.code === 'slack_webapi_platform_error' && !(typeof err.data?.error === 'string' && /^[a-z_.]+$/.test(err.data.error));
}

/** What Slack's error codes mean for the person running the tool. */
const ERRORS: Readonly<Record<string, string>> = {
  not_authed: 'no token was sent',
  invalid_auth: 'the token was refused',
  token_revoked: 'the token was revoked',
  account_inactive: "the token's user or workspace is deactivated",
  team_not_found: 'the teamId is not a workspace this token can reach',
  ratelimited: 'Slack kept refusing for its rate limit',
};

/**
 * An SDK error in words, naming the token's variable or the API URL when they are the fix, and
 * the scope missing; never the token or request headers. `fault` says where the fix is.
 */
export function slackError(api: SlackApi, e: unknown): ReadFailure {
  const err = (e ?? {}) as { code?: string; data?: { error?: string; needed?: string; provided?: string }; original?: unknown; statusCode?: number; message?: string; name?: string };
  const { apiUrl, tokenEnv } = api.context;
  const token = tokenEnv === null ? 'the target has no tokenEnv' : `check ${tokenEnv}`;
  if (err.code === 'slack_webapi_platform_error' && err.data?.error !== undefined) {
    const code = err.data.error;
    if (code === 'missing_scope') return { ok: false, error: `Slack: the token lacks the scope ${err.data.needed ?? '(unnamed)'} (it has ${err.data.provided || 'none'}): add it to the Slack app's bot token scopes and reinstall the app`, fault: 'token' };
    const known = ERRORS[code];
    if (known !== undefined) return { ok: false, error: `Slack: ${code}: ${known}; ${token}`, ...(code === 'team_not_found' ? {} : { fault: 'token' as const }) };
    return { ok: false, error: `Slack: ${code}` };
  }
  if (err.code === 'slack_webapi_request_error') {
    const original = err.original as { name?: string; message?: string } | undefined;
    if (original?.name === 'ReadOnlyViolation') return { ok: false, error: original.message ?? 'read-only run' };
    const code = connectFailure(original);
    if (code !== undefined) return { ok: false, error: unreachableMessage(apiUrl, code), fault: 'endpoint' };
    return { ok: false, error: `Slack at ${apiUrl} did not answer: ${original?.message ?? 'request failed'}` };
  }
  if (err.code === 'slack_webapi_http_error') return { ok: false, error: `Slack at ${apiUrl} answered HTTP ${err.statusCode ?? '?'}` };
  if (err.code === 'slack_webapi_rate_limited_error') return { ok: false, error: 'Slack kept refusing for its rate limit' };
  if (err.name === 'SlackRefusal') return { ok: false, error: err.message ?? '' };
  if (err.name === 'SlackDataError') return { ok: false, error: `Slack at ${apiUrl} answered something unexpected: ${err.message ?? ''}` };
  return { ok: false, error: `Slack: ${err.message ?? String(e)}` };
}

/** Thrown by our own checks of an answer's shape: turned into a failure like the SDK's errors. */
export class SlackDataError extends Error {
  override name = 'SlackDataError';
}

/** Thrown when Slack's answers leave nothing sensible to write: its message is the failure. */
export class SlackRefusal extends Error {
  override name = 'SlackRefusal';
}
