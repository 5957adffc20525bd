/**
 * The transport-level guarantee that `validate` and `plan` cannot write: a fetch that refuses
 * every request but GET and HEAD, and GraphQL queries (never mutations).
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
    return typeof query === 'string' && /^\s*(query\b|\{)/.test(query.replace(/^\s*#.*$/gm, ''));
  } catch {
    return false;
  }
}

/** Wraps `inner` so that any request that could change state rejects before it is sent. */
export function readOnlyFetch(inner: Fetch): Fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const url = request ? request.url : String(input);
    if (method === 'GET' || method === 'HEAD' || (method === 'POST' && isGraphQLQuery(url, init?.body))) return inner(input, init);
    throw new ReadOnlyViolation(`read-only run refused ${method} ${new URL(url).pathname}`);
  };
}
