/**
 * `POST /graphql` for the GitHub emulator: requests are parsed, validated and executed with
 * graphql-js against GitHub's real public schema, so a query GitHub would reject is rejected
 * here too. Only the fields below have resolvers; asking for any other field is an error of type
 * `EMULATOR_UNIMPLEMENTED` (never silently `null`), recorded as unexpected.
 *
 * Resolved: `organization(login) { login id databaseId name team(slug) }`, `Team { id databaseId
 * slug name combinedSlug parentTeam members(first after membership role) }`, the members
 * connection (`totalCount edges { cursor role node } nodes pageInfo`), `User { login id
 * databaseId }`, `viewer`, `rateLimit { cost limit remaining used resetAt }`, and for identity
 * resolution `Organization.samlIdentityProvider { externalIdentities(first after) { nodes {
 * samlIdentity { nameId emails { value } } user { login } } pageInfo } }` and
 * `Organization.membersWithRole(first after) { nodes { login organizationVerifiedDomainEmails(login) } pageInfo }`.
 */
import {
  buildClientSchema,
  defaultFieldResolver,
  execute,
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { nodeId, type GitHubState, type MembershipFilter, type Org, type Team } from './github-state.js';
import type { JsonRequest, JsonResponse } from './http-server.js';

/** Error types GitHub reports before executing anything, answering with no `data` at all. */
const STATIC_ERRORS = new Set(['EXCESSIVE_PAGINATION', 'MISSING_PAGINATION_BOUNDARIES']);
/** The one error type a correct client meets in normal operation (a missing organisation). */
const EXPECTED_ERRORS = new Set(['NOT_FOUND']);
const MAX_PAGE = 100;

let schemaPromise: Promise<GraphQLSchema> | undefined;

/**
 * GitHub's GraphQL schema, loaded and built on first call and shared by every emulator in the
 * process. Call it ahead of time to keep the (~0.3 s) load out of a measurement.
 *
 * Built from the package's introspection JSON: its SDL (`schema.idl`) declares some fields twice
 * and `buildSchema` rejects it.
 */
export function loadGitHubSchema(): Promise<GraphQLSchema> {
  schemaPromise ??= import('@octokit/graphql-schema').then(({ schema }) =>
    // The package types its introspection JSON as a loose object; it is an IntrospectionQuery.
    buildClientSchema(schema.json as unknown as IntrospectionQuery),
  );
  return schemaPromise;
}

/** Serves one GraphQL request against `state`, answering like GitHub (HTTP 200, `errors` in the body). */
export async function serveGraphQL(state: GitHubState, req: JsonRequest): Promise<JsonResponse> {
  const body = isRecord(req.body) ? req.body : {};
  if (typeof body.query !== 'string') {
    return reject([new GraphQLError('A query attribute must be specified and must be a string.')]);
  }
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (err) {
    return reject([err as GraphQLError]);
  }
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName)?.name?.value ?? 'anonymous';
  const schema = await loadGitHubSchema();
  const invalid = validate(schema, document);
  if (invalid.length > 0) return reject(invalid, operation);
  const result = await execute({
    schema,
    document,
    operationName,
    rootValue: queryRoot(state),
    variableValues: isRecord(body.variables) ? body.variables : undefined,
    fieldResolver: implementedFieldsOnly,
  });
  const errors = result.errors ?? [];
  if (result.data == null || errors.some((e) => STATIC_ERRORS.has(errorType(e) ?? ''))) return reject(errors, operation);
  const problems = errors.filter((e) => !EXPECTED_ERRORS.has(errorType(e) ?? ''));
  return {
    status: 200,
    body: errors.length > 0 ? { data: result.data, errors: errors.map(formatError) } : { data: result.data },
    operation,
    ...(problems.length > 0 ? { unexpected: describe(problems) } : {}),
  };
}

function reject(errors: readonly GraphQLError[], operation?: string): JsonResponse {
  return {
    status: 200,
    body: { errors: errors.map(formatError) },
    unexpected: describe(errors),
    ...(operation === undefined ? {} : { operation }),
  };
}

function describe(errors: readonly GraphQLError[]): string {
  return `invalid GraphQL: ${errors.map((e) => e.message).join('; ')}`;
}

/** GitHub puts an error's `type` at the top level of the error object, not under `extensions`. */
function formatError(error: GraphQLError): Record<string, unknown> {
  const type = errorType(error);
  if (type === undefined) return { ...error.toJSON() };
  const { extensions: _extensions, ...rest } = error.toJSON();
  return { type, ...rest };
}

function errorType(error: GraphQLError): string | undefined {
  const type = error.extensions.type;
  return typeof type === 'string' ? type : undefined;
}

function typedError(type: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

/** Resolves a field only when the source object provides it, so unimplemented fields fail loudly. */
const implementedFieldsOnly: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
  if (isRecord(source) && info.fieldName in source) return defaultFieldResolver(source, args, context, info);
  throw typedError('EMULATOR_UNIMPLEMENTED', `The GitHub emulator does not implement ${info.parentType.name}.${info.fieldName}.`);
};

/** The root object; graphql-js's default resolver calls its functions with the field's arguments. */
function queryRoot(state: GitHubState): Record<string, unknown> {
  return {
    organization: ({ login }: { login: string }) => {
      const org = state.org(login);
      if (org === undefined) throw typedError('NOT_FOUND', `Could not resolve to an Organization with the login of '${login}'.`);
      return orgNode(state, org);
    },
    viewer: () => userNode(state, state.viewer),
    rateLimit: () => {
      const r = state.rateLimit('graphql');
      return { cost: 1, limit: r.limit, remaining: r.remaining, used: r.used, resetAt: new Date(r.reset * 1000).toISOString() };
    },
  };
}

function orgNode(state: GitHubState, org: Org): Record<string, unknown> {
  return {
    id: nodeId('O', org.id),
    databaseId: org.id,
    login: org.login,
    name: org.login,
    // GitHub answers a missing team with `null` and no error.
    team: ({ slug }: { slug: string }) => {
      const team = state.team(org.login, slug);
      return team === undefined ? null : teamNode(state, team);
    },
    samlIdentityProvider: () =>
      org.samlIdentities === undefined
        ? null
        : {
            externalIdentities: (args: PageArgs) =>
              connection(
                org.samlIdentities!.map((x) => ({ samlIdentity: { nameId: x.nameId === undefined ? x.email : x.nameId, emails: (x.emails ?? [x.email]).map((value) => ({ value })) }, user: userNode(state, x.login) })),
                args,
                'externalIdentities',
              ),
          },
    membersWithRole: (args: PageArgs) =>
      connection(
        [...org.members.values()].map((login) => ({ ...userNode(state, login), organizationVerifiedDomainEmails: () => org.verifiedEmails.get(login.toLowerCase()) ?? [] })),
        args,
        'membersWithRole',
      ),
  };
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** A forward-paginated connection over `items`, with GitHub's limits and errors. */
function connection(items: readonly Record<string, unknown>[], { first, after }: PageArgs, name: string): Record<string, unknown> {
  if (first == null) throw typedError('MISSING_PAGINATION_BOUNDARIES', `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`);
  if (first > MAX_PAGE) throw typedError('EXCESSIVE_PAGINATION', `Requesting ${first} records on the \`${name}\` connection exceeds the \`first\` limit of ${MAX_PAGE} records.`);
  const start = after == null ? 0 : decodeCursor(after) + 1;
  const nodes = items.slice(start, start + first);
  return {
    totalCount: items.length,
    nodes,
    pageInfo: { hasNextPage: start + first < items.length, hasPreviousPage: start > 0, startCursor: nodes.length ? encodeCursor(start) : null, endCursor: nodes.length ? encodeCursor(start + nodes.length - 1) : null },
  };
}

function teamNode(state: GitHubState, team: Team): Record<string, unknown> {
  return {
    id: nodeId('T', team.id),
    databaseId: team.id,
    slug: team.slug,
    name: team.name,
    combinedSlug: `${team.org.login}/${team.slug}`,
    parentTeam: () => (team.parent === undefined ? null : teamNode(state, team.parent)),
    members: (args: MembersArgs) => members(state, team, args),
  };
}

function userNode(state: GitHubState, login: string): Record<string, unknown> {
  const id = state.userId(login);
  return { id: nodeId('U', id), databaseId: id, login };
}

interface MembersArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  query?: string | null;
  orderBy?: unknown;
  membership: MembershipFilter;
  role?: 'MAINTAINER' | 'MEMBER' | null;
}

function members(state: GitHubState, team: Team, args: MembersArgs): Record<string, unknown> {
  const { first, after, membership, role } = args;
  if (args.last != null || args.before != null || args.query != null || args.orderBy != null) {
    throw typedError('EMULATOR_UNIMPLEMENTED', 'The GitHub emulator does not implement Team.members(last:, before:, query:, orderBy:).');
  }
  if (first == null) {
    throw typedError('MISSING_PAGINATION_BOUNDARIES', 'You must provide a `first` or `last` value to properly paginate the `members` connection.');
  }
  if (first > MAX_PAGE) {
    throw typedError('EXCESSIVE_PAGINATION', `Requesting ${first} records on the \`members\` connection exceeds the \`first\` limit of ${MAX_PAGE} records.`);
  }
  if (first < 0) throw new GraphQLError('`first` on the `members` connection cannot be less than zero.');
  const all = state
    .listMembers(team, membership)
    .map((m) => ({ login: m.login, role: m.role === 'maintainer' ? 'MAINTAINER' : 'MEMBER' }))
    .filter((m) => role == null || m.role === role);
  const start = after == null ? 0 : decodeCursor(after) + 1;
  const edges = all.slice(start, start + first).map((m, i) => ({ cursor: encodeCursor(start + i), role: m.role, node: userNode(state, m.login) }));
  return {
    totalCount: all.length,
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: start + first < all.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Opaque to clients, like GitHub's: base64 of the item's position in the full list. */
function encodeCursor(offset: number): string {
  return Buffer.from(`cursor:v2:${offset}`).toString('base64');
}

function decodeCursor(cursor: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (match === null) throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`);
  return Number(match[1]);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
