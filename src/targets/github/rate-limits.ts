/**
 * GitHub's rate limits as the client keeps to them. Reads: at most {@link READ_CONCURRENCY}
 * requests in flight (GitHub refuses more than 100 concurrent requests). Writes to GitHub.com
 * are paced for its secondary limits on content-creating requests (80 per minute, 500 per hour;
 * see {@link WritePacer} and {@link defaultWriteLimits}), which every membership write is
 * assumed to count against. A 403 or 429 that says it is a rate limit ({@link rateLimitWait}) is
 * waited out as the answer asks, up to {@link RATE_LIMIT_RETRIES} times.
 */
import { parseDuration } from '../../core/duration.js';

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
