/**
 * The transport-level guarantee that `validate` and `plan` cannot write: a fetch that refuses
 * every request but GET and HEAD, GraphQL queries (never mutations) and OAuth client-credentials
 * token requests.
 */

/** Thrown (as a rejected fetch) when a read-only run attempts a write. */
export class ReadOnlyViolation extends Error {
  override name = 'ReadOnlyViolation';
}

/** The `fetch` signature every client here is given. */
export type Fetch = typeof globalThis.fetch;

function isGraphQLQuery(url: string, body: unknown): boolean {
  if (!new URL(url).pathname.endsWith('/graphql') || typeof body !== 'string') return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    // Refuses any document that mentions an operation type that writes or streams, wherever
    // it appears (a comment or string too: a false refusal is safe, a missed mutation is not).
    if (typeof query !== 'string' || /mutation|subscription/i.test(query)) return false;
    // GraphQL comments run to \n or \r only (not to U+2028 as JavaScript's `.` would stop at).
    return /^[\s,]*(query\b|\{)/.test(query.replace(/#[^\n\r]*/g, ''));
  } catch {
    return false;
  }
}

/**
 * True for an OAuth 2.0 client-credentials token request (`POST .../oauth2/v1/token`, an Okta
 * service app's): it mints an access token and changes nothing a plan manages.
 */
function isTokenRequest(url: string, body: unknown): boolean {
  return new URL(url).pathname.endsWith('/oauth2/v1/token') && typeof body === 'string' && new URLSearchParams(body).get('grant_type') === 'client_credentials';
}

/**
 * Wraps `inner` so that any request that could change state rejects before it is sent. A
 * GraphQL query or a token request passes only as `init.body`; a `Request` object's own body is
 * not inspected, so such a POST is refused (fail-safe).
 */
export function readOnlyFetch(inner: Fetch): Fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const url = request ? request.url : String(input);
    if (method === 'GET' || method === 'HEAD' || (method === 'POST' && (isGraphQLQuery(url, init?.body) || isTokenRequest(url, init?.body)))) return inner(input, init);
    throw new ReadOnlyViolation(`read-only run refused ${method} ${new URL(url).pathname}`);
  };
}
