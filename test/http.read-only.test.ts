import t, { type Test } from 'tap';
import { ReadOnlyViolation, readOnlyFetch, type Fetch } from '../src/http/read-only.js';

const API = 'http://127.0.0.1:9/api';
const GRAPHQL = 'http://127.0.0.1:9/graphql';

/** A fake inner fetch that records every call and answers 200; nothing leaves the process. */
function recorder(): { inner: Fetch; calls: { input: unknown; init: RequestInit | undefined }[] } {
  const calls: { input: unknown; init: RequestInit | undefined }[] = [];
  const inner = (async (input: unknown, init?: RequestInit) => {
    calls.push({ input, init });
    return new Response('{}', { status: 200 });
  }) as Fetch;
  return { inner, calls };
}

const gql = (query: unknown, extra: Record<string, unknown> = {}): string => JSON.stringify({ query, ...extra });

/** Asserts the request passes through to the inner fetch unchanged. */
async function passes(t: Test, input: string | URL | Request, init?: RequestInit, msg?: string): Promise<void> {
  const { inner, calls } = recorder();
  const res = await readOnlyFetch(inner)(input, init);
  t.equal(res.status, 200, msg ?? 'passes');
  t.equal(calls.length, 1, `${msg ?? ''}: inner fetch called once`);
  t.equal(calls[0]?.input, input, `${msg ?? ''}: same input`);
  t.equal(calls[0]?.init, init, `${msg ?? ''}: same init`);
}

/** Asserts the request is refused with a ReadOnlyViolation and never reaches the inner fetch. */
async function refused(t: Test, input: string | URL | Request, init?: RequestInit, msg?: string, todo?: string): Promise<void> {
  const { inner, calls } = recorder();
  let error: unknown;
  try {
    await readOnlyFetch(inner)(input, init);
  } catch (e) {
    error = e;
  }
  t.ok(error instanceof ReadOnlyViolation, `${msg ?? ''}: rejects with ReadOnlyViolation`, todo ? { todo } : {});
  t.equal(calls.length, 0, `${msg ?? ''}: inner fetch never called`, todo ? { todo } : {});
}

t.test('GET and HEAD pass through untouched, whatever the path', async (t) => {
  await passes(t, `${API}/orgs/acme/invitations?per_page=100`, undefined, 'no init: GET by default');
  await passes(t, `${API}/orgs/acme/invitations`, { method: 'GET', headers: { authorization: 'token x' } }, 'explicit GET');
  await passes(t, `${API}/orgs/acme`, { method: 'get' }, 'lower-case get');
  await passes(t, `${API}/orgs/acme`, { method: 'HEAD' }, 'HEAD');
  await passes(t, `${API}/orgs/acme`, {}, 'init without method');
  await passes(t, new URL(`${API}/orgs/acme`), undefined, 'a URL object');
  await passes(t, `${API}/graphql`, { method: 'GET' }, 'GET to a graphql path');
});

t.test('POST /graphql carrying a query passes', async (t) => {
  const query = 'query($org: String!) { organization(login: $org) { login } }';
  await passes(t, GRAPHQL, { method: 'POST', body: gql(query, { variables: { org: 'acme' } }) }, 'query with variables');
  await passes(t, GRAPHQL, { method: 'post', body: gql(query) }, 'lower-case post');
  await passes(t, GRAPHQL, { method: 'POST', body: gql('query Members { viewer { login } }') }, 'named query');
  await passes(t, GRAPHQL, { method: 'POST', body: gql('{ viewer { login } }') }, 'shorthand query');
  await passes(t, GRAPHQL, { method: 'POST', body: gql('  \n\t query { viewer { login } }') }, 'leading whitespace');
  await passes(t, GRAPHQL, { method: 'POST', body: gql('# what the plan reads\n  # second comment\nquery { viewer { login } }') }, 'leading comment lines');
  await passes(t, 'https://ghe.example.com/api/graphql', { method: 'POST', body: gql(query) }, 'GitHub Enterprise Server /api/graphql');
});

t.test('POST /graphql carrying a mutation is refused, however it is dressed', async (t) => {
  const mutation = 'mutation { addStar(input: {starrableId: "R_1"}) { clientMutationId } }';
  await refused(t, GRAPHQL, { method: 'POST', body: gql(mutation) }, 'mutation');
  await refused(t, GRAPHQL, { method: 'POST', body: gql('mutation AddStar($id: ID!) { addStar(input: {starrableId: $id}) { clientMutationId } }', { variables: { id: 'R_1' } }) }, 'named mutation');
  await refused(t, GRAPHQL, { method: 'POST', body: gql(`   \n\t${mutation}`) }, 'mutation after whitespace');
  await refused(t, GRAPHQL, { method: 'POST', body: gql(`# query { viewer { login } }\n${mutation}`) }, 'mutation after a comment that looks like a query');
  await refused(t, GRAPHQL, { method: 'POST', body: gql(`  # one\n\n# two\n  ${mutation}`) }, 'mutation after several comments');
  await refused(t, GRAPHQL, { method: 'POST', body: '{"query":"mutation { addStar(input: {starrableId: \\"R_1\\"}) { clientMutationId } }"}' }, 'hand-written JSON body');
  await refused(t, GRAPHQL, { method: 'POST', body: gql('subscription { viewer { login } }') }, 'subscription');
  await refused(t, GRAPHQL, { method: 'POST', body: gql('queryX { viewer { login } }') }, 'a word that merely starts with "query"');
  await refused(t, GRAPHQL, { method: 'POST', body: gql(`fragment F on User { login } ${mutation}`) }, 'a fragment first');
});

t.test('POST /graphql with a body that is not a JSON object with a string query is refused', async (t) => {
  await refused(t, GRAPHQL, { method: 'POST', body: 'query { viewer { login } }' }, 'raw GraphQL, not JSON');
  await refused(t, GRAPHQL, { method: 'POST', body: '{"query": ' }, 'truncated JSON');
  await refused(t, GRAPHQL, { method: 'POST' }, 'no body');
  await refused(t, GRAPHQL, { method: 'POST', body: 'null' }, 'JSON null');
  await refused(t, GRAPHQL, { method: 'POST', body: '"query { viewer { login } }"' }, 'a JSON string');
  await refused(t, GRAPHQL, { method: 'POST', body: '{}' }, 'no query field');
  await refused(t, GRAPHQL, { method: 'POST', body: gql(42) }, 'a numeric query');
  await refused(t, GRAPHQL, { method: 'POST', body: gql(['query { viewer { login } }']) }, 'an array query');
  await refused(t, GRAPHQL, { method: 'POST', body: new TextEncoder().encode(gql('query { viewer { login } }')) }, 'bytes, not a string');
  await refused(t, GRAPHQL, { method: 'POST', body: new URLSearchParams({ query: 'query { viewer { login } }' }) }, 'form parameters');
  await refused(t, GRAPHQL, { method: 'POST', body: new Blob([gql('query { viewer { login } }')]) }, 'a Blob');
});

t.test('every other write is refused before it is sent', async (t) => {
  await refused(t, `${API}/orgs/acme/teams/oncall/memberships/bob`, { method: 'PUT', body: '{"role":"member"}' }, 'PUT');
  await refused(t, `${API}/orgs/acme/teams/oncall/memberships/bob`, { method: 'DELETE' }, 'DELETE');
  await refused(t, `${API}/orgs/acme/teams/oncall`, { method: 'PATCH', body: '{}' }, 'PATCH');
  await refused(t, `${API}/orgs/acme/teams/oncall`, { method: 'delete' }, 'lower-case delete');
  await refused(t, `${API}/orgs/acme/invitations`, { method: 'POST', body: gql('query { viewer { login } }') }, 'POST of a query-looking body to a REST path');
  await refused(t, `${API}/graphql/extra`, { method: 'POST', body: gql('query { viewer { login } }') }, 'POST under, not to, /graphql');
  await refused(t, `${API}/orgs/acme`, { method: 'OPTIONS' }, 'OPTIONS');
});

t.test('the refusal is a rejected promise naming the method and path, not the host or query', async (t) => {
  const { inner, calls } = recorder();
  const guarded = readOnlyFetch(inner);
  const pending = guarded(`${API}/orgs/acme/teams/oncall/memberships/bob?x=secret`, { method: 'PUT' });
  t.type(pending, Promise, 'no synchronous throw');
  await t.rejects(pending, { name: 'ReadOnlyViolation', message: 'read-only run refused PUT /api/orgs/acme/teams/oncall/memberships/bob' });
  const err = await guarded(GRAPHQL, { method: 'POST', body: gql('mutation { x }') }).catch((e: unknown) => e);
  t.ok(err instanceof ReadOnlyViolation);
  t.ok(err instanceof Error);
  t.equal((err as Error).message, 'read-only run refused POST /graphql');
  t.equal(calls.length, 0);
});

t.test('a Request object is judged by its own method and URL', async (t) => {
  await passes(t, new Request(`${API}/orgs/acme/invitations`), undefined, 'GET Request');
  await passes(t, new Request(`${API}/orgs/acme`, { method: 'HEAD' }), undefined, 'HEAD Request');
  await refused(t, new Request(`${API}/orgs/acme/teams/oncall/memberships/bob`, { method: 'DELETE' }), undefined, 'DELETE Request');
  await refused(t, new Request(`${API}/orgs/acme/teams/oncall/memberships/bob`, { method: 'PUT', body: '{}' }), undefined, 'PUT Request');
  await refused(t, new Request(GRAPHQL, { method: 'POST', body: gql('mutation { x }') }), undefined, 'POST Request carrying a mutation');
  await refused(t, new Request(`${API}/orgs/acme`), { method: 'DELETE' }, 'init.method overrides the Request method (as fetch does)');
  await passes(t, new Request(`${API}/orgs/acme`, { method: 'DELETE' }), { method: 'GET' }, 'init GET over a DELETE Request');
  await passes(t, new Request(GRAPHQL, { method: 'POST' }), { body: gql('query { viewer { login } }') }, 'POST Request, query body in init');

  const { inner, calls } = recorder();
  await t.rejects(readOnlyFetch(inner)(new Request('http://127.0.0.1:9/orgs/acme/teams/x', { method: 'PATCH', body: '{}' })), {
    name: 'ReadOnlyViolation',
    message: 'read-only run refused PATCH /orgs/acme/teams/x',
  });
  t.equal(calls.length, 0);
});

t.test('a Request object carrying its own body is refused: only init.body is inspected (fail-safe)', async (t) => {
  const { inner, calls } = recorder();
  const outcome = await readOnlyFetch(inner)(new Request(GRAPHQL, { method: 'POST', body: gql('query { viewer { login } }') })).then(
    () => 'passed',
    (e: unknown) => (e as Error).name,
  );
  t.equal(outcome, 'ReadOnlyViolation');
  t.equal(calls.length, 0);
});

t.test('a document that starts with a query but executes a mutation is refused', async (t) => {
  const mutation = 'mutation M { addStar(input: {starrableId: "R_1"}) { clientMutationId } }';
  // GraphQL executes the operation named by operationName: the first operation being a query proves nothing.
  await refused(t, GRAPHQL, { method: 'POST', body: gql(`query Q { viewer { login } } ${mutation}`, { operationName: 'M' }) }, 'query then mutation, operationName selects the mutation');
  // U+2028 ends a line for the JS regex (so the comment strip stops there and `query` seems to start the
  // document) but not for GraphQL, whose comment runs to \n: the only operation GitHub sees is the mutation.
  await refused(t, GRAPHQL, { method: 'POST', body: gql(`# c\u2028query { viewer { login } }\n${mutation}`) }, 'U+2028 inside a leading comment');
});
