/**
 * A tiny JSON-over-HTTP server for API emulators: a routing table plus what every emulator
 * shares (request log, `unexpected` log, strict mode, added latency, fault injection). It knows
 * nothing about any one API; per-API behaviour (auth, error bodies, extra headers) comes in
 * through hooks, so the GitHub, PagerDuty, Opsgenie and JSM Operations emulators can all sit on it.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A request as handlers see it: body already parsed, path parameters already extracted. */
export interface JsonRequest {
  /** Upper-case HTTP method. */
  method: string;
  /** The URL path without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Values of the route pattern's `:name` segments, percent-decoded. Empty before routing. */
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (a form body as an object of its fields); `undefined` when the body was empty. */
  body: unknown;
  /** `http://127.0.0.1:PORT`, the server's own URL, for building links back to it. */
  origin: string;
}

/** What a handler (or hook) answers. */
export interface JsonResponse {
  status: number;
  /** Sent JSON-encoded; no body at all (as for a 204) when `undefined`. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Set when the emulator could not serve the request as asked: the reason, recorded in `unexpected`. */
  unexpected?: string;
  /** A finer name for the request than method and path (a GraphQL operation), recorded in the log. */
  operation?: string;
  /** Fault injection only: see {@link FaultResponse}. */
  raw?: string;
  drop?: boolean;
  delayMs?: number;
}

/** Serves one route. May throw: the server then answers 500 and records the request as unexpected. */
export type RouteHandler = (req: JsonRequest) => JsonResponse | Promise<JsonResponse>;

/** One entry of the routing table. */
export interface Route {
  /** Upper-case HTTP method; a request with another method does not match. */
  method: string;
  /** Path with `:name` placeholders, each matching exactly one non-empty segment: `/orgs/:org/teams`. */
  pattern: string;
  handler: RouteHandler;
}

/** How a {@link JsonServer} behaves. Only `routes` and `errorBody` are required. */
export interface JsonServerOptions {
  /** How messages name the server (`GitHub emulator`); default `JSON server`. */
  name?: string;
  routes: readonly Route[];
  /** Builds the API's error body for a status and message (used for 400, 404, 500, 501). */
  errorBody: (status: number, message: string) => unknown;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Unknown routes answer 501 instead of the API's 404, so "not emulated" can't pass for "not found". */
  strict?: boolean;
  /** Milliseconds added before every response. */
  latencyMs?: number;
  /** Called before routing; returning a response refuses the request with it. */
  authenticate?: (req: JsonRequest) => JsonResponse | undefined;
  /** Called exactly once per request, before anything else: headers added to its response (handler headers win). */
  headers?: (req: JsonRequest) => Record<string, string>;
  /**
   * Rate-limit accounting: called once per authenticated request with a parsed body, before
   * routing. Returning `refuse` answers with it instead (logged, not `unexpected`); `release`
   * is called once the response has been sent, so in-flight requests can be counted.
   */
  admit?: (req: JsonRequest) => Admission | undefined;
  /** Keep {@link JsonServer.traffic}: timings, route patterns and response digests (off by default). */
  traffic?: boolean;
}

/** What {@link JsonServerOptions.admit} decides for one request. */
export interface Admission {
  /** The refusal to send instead of serving the request. */
  refuse?: JsonResponse;
  /** Why it was refused, for the traffic log (`writes per minute`, `concurrency`...). */
  reason?: string;
  /** Called after the response is sent. */
  release?: () => void;
  /** Headers added to the admitted request's response (the handler's win): rate-limit counters. */
  headers?: Record<string, string>;
}

/** One request in the detailed traffic log (only with `traffic: true`), in the order responses were sent. */
export interface TrafficRecord {
  method: string;
  path: string;
  /** The route pattern that served it (`/orgs/:org/invitations`), or the path when none matched. */
  route: string;
  status: number;
  operation?: string;
  /** Milliseconds on `performance.now()`'s clock: request received, response sent. */
  receivedAt: number;
  sentAt: number;
  /** Set when `admit` refused the request: its reason. */
  refused?: string;
  /**
   * True when an identical request (method, URL with query, body) was answered before with the
   * same status and body: a client with a cache could have asked conditionally (ETag, 304).
   */
  unchanged: boolean;
}

/** One served request, in the order responses were sent. */
export interface RequestRecord {
  method: string;
  /** Path without the query string. */
  path: string;
  status: number;
  /** Present when the handler named the operation (GraphQL). */
  operation?: string;
}

/** A request the emulator could not serve: unknown route, refused credentials, invalid query, crash. */
export interface UnexpectedRequest {
  method: string;
  path: string;
  reason: string;
}

/** Which requests a fault applies to; an omitted field matches anything. */
export interface FaultMatch {
  /** Compared case-insensitively. */
  method?: string;
  /** Matches when the request path starts with it. */
  pathPrefix?: string;
}

/** The response a fault sends instead of serving the request. */
export interface FaultResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as the body verbatim instead of `body` (for malformed JSON). */
  raw?: string;
  /** Close the connection without answering (a reset connection). */
  drop?: boolean;
  /** Wait this long before answering (a hang past a client's timeout). */
  delayMs?: number;
}

/** A running server. The logs are live arrays that only ever grow. */
export interface JsonServer {
  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  readonly url: string;
  readonly requests: readonly RequestRecord[];
  /** How messages name it (`GitHub emulator`). */
  readonly name: string;
  /**
   * Every request the emulator could not serve, in any mode. It must stay empty: the shared test
   * fixture fails a test file in which it does not, unless {@link acceptUnexpected} was called.
   */
  readonly unexpected: readonly UnexpectedRequest[];
  /** The detailed log when started with `traffic: true`, else always empty. */
  readonly traffic: readonly TrafficRecord[];
  /** Most requests in flight at once (received, response not yet sent) so far. */
  readonly peakInFlight: number;
  /**
   * Answers the next `times` requests matching `match` with `response`, before authentication
   * and routing. Faults are consumed in the order they were added; faulted requests are logged
   * in `requests` but are not `unexpected`.
   */
  failNext(match: FaultMatch, response: FaultResponse, times?: number): void;
  /**
   * Says that the test provokes unexpected requests on purpose (strictness, refused credentials)
   * and asserts on `unexpected` itself: {@link unexpectedRequests} then leaves this server out.
   */
  acceptUnexpected(): void;
  /** Stops listening and drops open connections. Idempotent. */
  close(): Promise<void>;
}

/** What the process-wide registry keeps of a started server: what {@link unexpectedRequests} reads. */
interface Registered {
  name: string;
  url: string;
  /** The server's live `unexpected` log. */
  unexpected: readonly UnexpectedRequest[];
  accepted: boolean;
}

/**
 * Every server started in this process, in start order. Kept on `globalThis` so that a second
 * copy of this module (loaded from another path) still adds to the one list a test fixture reads.
 */
const REGISTRY: unique symbol = Symbol.for('@oncall-access/emulators: servers started');
const registry: Registered[] = ((globalThis as { [REGISTRY]?: Registered[] })[REGISTRY] ??= []);

/** A request some server of this process could not serve, and that server. */
export interface UnexpectedSighting {
  /** `GitHub emulator at http://127.0.0.1:39170`. */
  server: string;
  /** The record in the server's `unexpected` log (the same object). */
  request: UnexpectedRequest;
}

/**
 * The unexpected requests of every server started in this process so far, servers in start
 * order, except those of servers whose test called `acceptUnexpected()`: what the shared test
 * fixture asserts is empty.
 */
export function unexpectedRequests(): UnexpectedSighting[] {
  return registry.filter((r) => !r.accepted).flatMap((r) => r.unexpected.map((request) => ({ server: `${r.name} at ${r.url}`, request })));
}

/** True once any server has been started in this process. */
export function anyServerStarted(): boolean {
  return registry.length > 0;
}

interface CompiledRoute {
  route: Route;
  /** Pattern segments; a `null` entry is a placeholder named in `names` at the same index. */
  segments: (string | null)[];
  names: (string | null)[];
}

interface Fault {
  match: FaultMatch;
  response: FaultResponse;
  remaining: number;
}

/** Starts a server on 127.0.0.1; resolves once it is listening. */
export async function startJsonServer(options: JsonServerOptions): Promise<JsonServer> {
  const routes = options.routes.map(compile);
  const requests: RequestRecord[] = [];
  const unexpected: UnexpectedRequest[] = [];
  const traffic: TrafficRecord[] = [];
  /** Digest of the last answer per request identity, for `unchanged` (traffic log only). */
  const answered = new Map<string, string>();
  const faults: Fault[] = [];
  let origin = '';
  let inFlight = 0;
  let peakInFlight = 0;

  /** What one request became, besides its response: for the traffic log and admission. */
  interface Served {
    route?: string;
    refused?: string;
    release?: () => void;
  }

  const dispatch = async (req: JsonRequest, raw: string, served: Served): Promise<JsonResponse> => {
    const fault = takeFault(faults, req);
    if (fault) return fault;
    const refused = options.authenticate?.(req);
    if (refused) return refused;
    if (raw !== '' && /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '')) {
      req.body = Object.fromEntries(new URLSearchParams(raw));
    } else if (raw !== '') {
      try {
        req.body = JSON.parse(raw);
      } catch {
        return { status: 400, body: options.errorBody(400, 'Problems parsing JSON'), unexpected: 'body is not JSON' };
      }
    }
    let matched: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
    for (const compiled of routes) {
      const params = matchRoute(compiled, req);
      if (params) {
        matched = { compiled, params };
        served.route = compiled.route.pattern;
        break;
      }
    }
    const admission = options.admit?.(req);
    served.release = admission?.release;
    if (admission?.refuse) {
      served.refused = admission.reason ?? 'rate limited';
      return admission.refuse;
    }
    if (matched) {
      const answer = await matched.compiled.route.handler({ ...req, params: matched.params });
      return admission?.headers === undefined ? answer : { ...answer, headers: { ...admission.headers, ...answer.headers } };
    }
    return options.strict
      ? { status: 501, body: options.errorBody(501, `Not emulated: ${req.method} ${req.path}`), unexpected: 'no such route' }
      : { status: 404, body: options.errorBody(404, 'Not Found'), unexpected: 'no such route' };
  };

  const handle = async (incoming: IncomingMessage, res: ServerResponse): Promise<void> => {
    const receivedAt = performance.now();
    peakInFlight = Math.max(peakInFlight, ++inFlight);
    // Node sets `url` and `method` (upper case, as its parser only accepts) on every request a server receives.
    const url = new URL(incoming.url as string, origin);
    const req: JsonRequest = {
      method: incoming.method as string,
      path: url.pathname,
      query: url.searchParams,
      params: {},
      headers: incoming.headers,
      body: undefined,
      origin,
    };
    let response: JsonResponse;
    let raw = '';
    const served: Served = {};
    try {
      const extra = options.headers?.(req) ?? {};
      raw = await readBody(incoming);
      const answer = await dispatch(req, raw, served);
      response = { ...answer, headers: { ...extra, ...answer.headers } };
    } catch (err) {
      const reason = `emulator crashed: ${err instanceof Error ? err.message : String(err)}`;
      response = { status: 500, body: options.errorBody(500, reason), unexpected: reason };
    }
    if (options.latencyMs) await sleep(options.latencyMs);
    // A delay (a server that hangs) must not keep the process alive once nobody waits for it.
    if (response.delayMs) await sleep(response.delayMs, undefined, { ref: false });
    requests.push({ method: req.method, path: req.path, status: response.status, ...(response.operation === undefined ? {} : { operation: response.operation }) });
    if (response.unexpected !== undefined) unexpected.push({ method: req.method, path: req.path, reason: response.unexpected });
    send(res, response);
    inFlight -= 1;
    served.release?.();
    if (options.traffic) {
      const key = `${req.method} ${incoming.url as string}\n${raw}`;
      const digest = createHash('sha1').update(`${response.status}\n${response.raw ?? JSON.stringify(response.body) ?? ''}`).digest('base64');
      const unchanged = answered.get(key) === digest;
      answered.set(key, digest);
      traffic.push({
        method: req.method,
        path: req.path,
        route: served.route ?? req.path,
        status: response.status,
        ...(response.operation === undefined ? {} : { operation: response.operation }),
        receivedAt,
        sentAt: performance.now(),
        ...(served.refused === undefined ? {} : { refused: served.refused }),
        unchanged,
      });
    }
  };

  const server = createServer((incoming, res) => void handle(incoming, res));
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const registered: Registered = { name: options.name ?? 'JSON server', url: origin, unexpected, accepted: false };
  registry.push(registered);

  return {
    name: registered.name,
    url: origin,
    requests,
    unexpected,
    traffic,
    get peakInFlight() {
      return peakInFlight;
    },
    failNext(match, response, times = 1) {
      faults.push({ match, response, remaining: times });
    },
    acceptUnexpected() {
      registered.accepted = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        // The callback's error only ever says "not running", which is what close() wants.
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function compile(route: Route): CompiledRoute {
  const parts = route.pattern.split('/');
  return {
    route,
    segments: parts.map((p) => (p.startsWith(':') ? null : p)),
    names: parts.map((p) => (p.startsWith(':') ? p.slice(1) : null)),
  };
}

/** The decoded path parameters when `req` matches the route, else `undefined`. */
function matchRoute(compiled: CompiledRoute, req: JsonRequest): Record<string, string> | undefined {
  const parts = req.path.split('/');
  if (compiled.route.method !== req.method || parts.length !== compiled.segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const name = compiled.names[i];
    if (name === null) {
      if (part !== compiled.segments[i]) return undefined;
    } else if (part === '') {
      return undefined;
    } else {
      params[name] = decodeURIComponent(part);
    }
  }
  return params;
}

/** Consumes one use of the first fault matching `req`, returning its response. */
function takeFault(faults: Fault[], req: JsonRequest): JsonResponse | undefined {
  const i = faults.findIndex(
    ({ match }) =>
      (match.method === undefined || match.method.toUpperCase() === req.method) &&
      (match.pathPrefix === undefined || req.path.startsWith(match.pathPrefix)),
  );
  const fault = faults[i];
  if (fault === undefined) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) faults.splice(i, 1);
  return { ...fault.response };
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, response: JsonResponse): void {
  if (response.drop) {
    res.socket?.destroy();
    return;
  }
  if (response.raw !== undefined) {
    res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers });
    res.end(response.raw);
    return;
  }
  if (response.body === undefined) {
    res.writeHead(response.status, response.headers);
    res.end();
    return;
  }
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...response.headers,
  });
  res.end(text);
}
