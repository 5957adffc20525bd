import t, { type Test } from 'tap';
import { Octokit, RequestError } from 'octokit';
import { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions } from '@oncall-access/emulators/github';
import { anyServerStarted, startJsonServer, unexpectedRequests } from '@oncall-access/emulators/http-server';

const TOKEN = 'test-token';

/**
 * acme: `oncall` has child `oncall-eu`, which has child `oncall-eu-night`; bob is on both
 * `oncall` and `oncall-eu`. erin has a pending invitation to `sre`. frank exists but is in no org.
 */
function seed(extra: Partial<GitHubEmulatorOptions> = {}): GitHubEmulatorOptions {
  return {
    token: TOKEN,
    strict: true,
    users: ['frank', 'zoe'],
    orgs: {
      acme: {
        members: ['alice', 'bob', 'carol', 'dave', 'Grace'],
        teams: [
          { slug: 'oncall', name: 'On call', members: [{ login: 'alice', role: 'maintainer' }, { login: 'bob', role: 'member' }] },
          { slug: 'oncall-eu', parent: 'oncall', members: [{ login: 'carol', role: 'maintainer' }, { login: 'bob', role: 'maintainer' }] },
          { slug: 'oncall-eu-night', parent: 'oncall-eu', members: [{ login: 'dave', role: 'member' }] },
          { slug: 'sre', members: [] },
        ],
        invitations: [{ id: 7, login: 'erin', teams: ['sre'] }],
      },
    },
    ...extra,
  };
}

async function start(t: Test, options: GitHubEmulatorOptions = seed()): Promise<{ emu: GitHubEmulator; octokit: Octokit }> {
  const emu = await startGitHubEmulator(options);
  t.teardown(() => emu.close());
  const octokit = new Octokit({ auth: TOKEN, baseUrl: emu.url, throttle: { enabled: false }, retry: { enabled: false } });
  return { emu, octokit };
}

/** The rejection of `p`, which must reject. */
async function failure<E = RequestError>(p: Promise<unknown>): Promise<E> {
  try {
    await p;
  } catch (err) {
    return err as E;
  }
  throw new Error('expected a rejection');
}

/** What octokit's GraphqlResponseError carries. */
interface GraphqlFailure {
  errors: { type?: string; message: string; path?: string[] }[];
  data?: Record<string, unknown>;
}

async function post(emu: GitHubEmulator, path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${emu.url}${path}`, { method: 'POST', body, headers: { authorization: `token ${TOKEN}`, ...headers } });
}

const MEMBERS = `
  query Members($org: String!, $slug: String!, $membership: TeamMembershipType, $first: Int, $after: String, $role: TeamMemberRole) {
    organization(login: $org) {
      team(slug: $slug) {
        slug
        parentTeam { slug }
        members(first: $first, after: $after, membership: $membership, role: $role) {
          totalCount
          edges { role node { login } }
          nodes { login }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }`;

interface MembersData {
  organization: {
    team: {
      slug: string;
      parentTeam: { slug: string } | null;
      members: {
        totalCount: number;
        edges: { role: string; node: { login: string } }[];
        nodes: { login: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  };
}

t.test('GraphQL members: IMMEDIATE excludes child teams, ALL (the default) includes them recursively', async (t) => {
  const { emu, octokit } = await start(t);
  const read = (vars: Record<string, unknown>) => octokit.graphql<MembersData>(MEMBERS, { org: 'acme', slug: 'oncall', first: 100, ...vars });

  const immediate = (await read({ membership: 'IMMEDIATE' })).organization.team!;
  t.same(immediate.members.edges, [
    { role: 'MAINTAINER', node: { login: 'alice' } },
    { role: 'MEMBER', node: { login: 'bob' } },
  ]);
  t.equal(immediate.members.totalCount, 2);
  t.equal(immediate.parentTeam, null);

  const all = (await read({})).organization.team!;
  t.same(all.members.nodes.map((n) => n.login), ['alice', 'bob', 'carol', 'dave'], 'bob once; inherited members count as MEMBER');
  t.same(all.members.edges.map((e) => e.role), ['MAINTAINER', 'MEMBER', 'MEMBER', 'MEMBER']);

  const child = (await read({ membership: 'CHILD_TEAM' })).organization.team!;
  t.same(child.members.nodes.map((n) => n.login), ['carol', 'dave'], 'CHILD_TEAM: only members who are not immediate');

  const maintainers = (await read({ membership: 'IMMEDIATE', role: 'MAINTAINER' })).organization.team!;
  t.same(maintainers.members.nodes, [{ login: 'alice' }]);

  const eu = (await read({ slug: 'oncall-eu', membership: 'IMMEDIATE' })).organization.team!;
  t.same(eu.parentTeam, { slug: 'oncall' });
  t.same(eu.members.edges.map((e) => e.role), ['MAINTAINER', 'MAINTAINER']);

  t.same(emu.requests.at(-1), { method: 'POST', path: '/graphql', status: 200, operation: 'Members' });
  t.same(emu.unexpected, []);
});

t.test('GraphQL members paginate 100 at a time through opaque cursors', async (t) => {
  const logins = Array.from({ length: 150 }, (_, i) => `user${String(i).padStart(3, '0')}`);
  const { emu, octokit } = await start(t, {
    token: TOKEN,
    strict: true,
    orgs: { big: { members: logins, teams: [{ slug: 'all', members: logins.map((login) => ({ login, role: 'member' as const })) }] } },
  });
  const first = (await octokit.graphql<MembersData>(MEMBERS, { org: 'big', slug: 'all', first: 100 })).organization.team!.members;
  t.equal(first.nodes.length, 100);
  t.equal(first.totalCount, 150);
  t.equal(first.pageInfo.hasNextPage, true);
  t.notMatch(first.pageInfo.endCursor!, /99/, 'cursors do not show the offset');
  const second = (await octokit.graphql<MembersData>(MEMBERS, { org: 'big', slug: 'all', first: 100, after: first.pageInfo.endCursor })).organization.team!.members;
  t.same([...first.nodes, ...second.nodes].map((n) => n.login), logins);
  t.equal(second.pageInfo.hasNextPage, false);

  const empty = (await octokit.graphql<MembersData>(MEMBERS, { org: 'big', slug: 'all', first: 100, after: second.pageInfo.endCursor })).organization.team!.members;
  t.same(empty.pageInfo, { hasNextPage: false, endCursor: null });

  const paged = await octokit.graphql.paginate<{ organization: { team: { members: { nodes: { login: string }[] } } } }>(
    `query ($cursor: String) {
      organization(login: "big") { team(slug: "all") { members(first: 60, after: $cursor) { nodes { login } pageInfo { hasNextPage endCursor } } } }
    }`,
  );
  t.equal(paged.organization.team.members.nodes.length, 150, "octokit's GraphQL paginate follows the cursors");
  t.same(emu.unexpected, []);
});

t.test('GraphQL pagination limits fail like GitHub: no data, typed errors', async (t) => {
  const { emu, octokit } = await start(t);
  emu.acceptUnexpected();
  const tooMany = await failure<GraphqlFailure>(octokit.graphql(MEMBERS, { org: 'acme', slug: 'oncall', first: 101 }));
  t.equal(tooMany.errors[0]!.type, 'EXCESSIVE_PAGINATION');
  t.equal(tooMany.errors[0]!.message, 'Requesting 101 records on the `members` connection exceeds the `first` limit of 100 records.');
  t.equal(tooMany.data, undefined);

  const unbounded = await failure<GraphqlFailure>(octokit.graphql(MEMBERS, { org: 'acme', slug: 'oncall' }));
  t.equal(unbounded.errors[0]!.type, 'MISSING_PAGINATION_BOUNDARIES');

  const negative = await failure<GraphqlFailure>(octokit.graphql(MEMBERS, { org: 'acme', slug: 'oncall', first: -1 }));
  t.match(negative.errors[0]!.message, /cannot be less than zero/);

  const badCursor = await failure<GraphqlFailure>(octokit.graphql(MEMBERS, { org: 'acme', slug: 'oncall', first: 1, after: 'bm9wZQ==' }));
  t.match(badCursor.errors[0]!.message, /does not appear to be a valid cursor/);

  const backwards = await failure<GraphqlFailure>(
    octokit.graphql('{ organization(login: "acme") { team(slug: "oncall") { members(last: 1) { totalCount } } } }'),
  );
  t.equal(backwards.errors[0]!.type, 'EMULATOR_UNIMPLEMENTED');

  t.equal(emu.unexpected.length, 5);
  t.match(emu.unexpected[0], { method: 'POST', path: '/graphql', reason: /exceeds the `first` limit/ });
});

t.test('GraphQL: aliased teams in one query; a missing team is null without an error', async (t) => {
  const { emu, octokit } = await start(t);
  const data = await octokit.graphql<Record<string, unknown>>(
    `query Teams($s0: String!, $s1: String!, $s2: String!) {
      viewer { login }
      organization(login: "ACME") {
        login
        t0: team(slug: $s0) { slug name members(first: 100, membership: IMMEDIATE) { nodes { login } } }
        t1: team(slug: $s1) { slug name members(first: 100, membership: IMMEDIATE) { nodes { login } } }
        t2: team(slug: $s2) { slug }
      }
      rateLimit { cost limit remaining used resetAt }
    }`,
    { s0: 'oncall', s1: 'oncall-eu-night', s2: 'nope' },
  );
  t.match(data, {
    viewer: { login: 'emulator-admin' },
    organization: {
      login: 'acme',
      t0: { slug: 'oncall', name: 'On call', members: { nodes: [{ login: 'alice' }, { login: 'bob' }] } },
      t1: { slug: 'oncall-eu-night', name: 'oncall-eu-night', members: { nodes: [{ login: 'dave' }] } },
      t2: null,
    },
    rateLimit: { cost: 1, limit: 5000, remaining: 4999, used: 1, resetAt: /^\d{4}-\d\d-\d\dT/ },
  });
  t.same(emu.unexpected, []);
});

t.test('GraphQL: a missing organisation is null with a NOT_FOUND error, which is not unexpected', async (t) => {
  const { emu, octokit } = await start(t);
  const err = await failure<GraphqlFailure>(octokit.graphql('{ organization(login: "nope") { login } }'));
  t.same(err.data, { organization: null });
  t.match(err.errors, [{ type: 'NOT_FOUND', path: ['organization'], message: "Could not resolve to an Organization with the login of 'nope'." }]);
  t.notOk('extensions' in err.errors[0]!, 'type is hoisted to the top level like GitHub');
  t.same(emu.unexpected, []);
  t.equal(emu.requests.at(-1)!.operation, 'anonymous');
});

t.test('GraphQL: queries GitHub would reject, and fields the emulator lacks, are unexpected', async (t) => {
  const { emu, octokit } = await start(t);
  emu.acceptUnexpected();
  const invalid = await failure<GraphqlFailure>(octokit.graphql('query Bad { organization(login: "acme") { team(slug: "x") { nope } } }'));
  t.match(invalid.errors[0]!.message, /Cannot query field "nope" on type "Team"/);
  t.match(emu.unexpected.at(-1), { path: '/graphql', reason: /invalid GraphQL: Cannot query field "nope"/ });
  t.same(emu.requests.at(-1), { method: 'POST', path: '/graphql', status: 200, operation: 'Bad' });

  const unimplemented = await failure<GraphqlFailure>(octokit.graphql('{ organization(login: "acme") { description } }'));
  t.match(unimplemented.errors, [{ type: 'EMULATOR_UNIMPLEMENTED', message: /Organization\.description/ }]);
  t.same(unimplemented.data, { organization: { description: null } });

  const wrongVariable = await failure<GraphqlFailure>(octokit.graphql(MEMBERS, { org: 'acme', slug: 42, first: 1 }));
  t.match(wrongVariable.errors[0]!.message, /\$slug/);

  const syntax = await (await post(emu, '/graphql', JSON.stringify({ query: '{ organization(' }))).json();
  t.match(syntax, { errors: [{ message: /Syntax Error/ }] });
  const noQuery = await post(emu, '/graphql', JSON.stringify({ variables: {} }));
  t.equal(noQuery.status, 200);
  t.same(await noQuery.json(), { errors: [{ message: 'A query attribute must be specified and must be a string.' }] });
  t.match(await (await post(emu, '/graphql', '[1]')).json(), { errors: [{ message: /A query attribute/ }] });
  const twoOps = await (await post(emu, '/graphql', JSON.stringify({ query: 'query A { viewer { login } } query B { viewer { login } }', operationName: 'B' }))).json();
  t.same(twoOps, { data: { viewer: { login: 'emulator-admin' } } });

  t.equal(emu.unexpected.length, 6);
  t.equal(emu.requests.at(-2)!.operation, undefined, 'a request without a query has no operation');
});

t.test('PUT membership: an org member becomes active; PUT again updates the role', async (t) => {
  const { emu, octokit } = await start(t);
  const put = await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'ALICE', role: 'maintainer' });
  t.equal(put.status, 200);
  t.match(put.data, { role: 'maintainer', state: 'active', url: /\/memberships\/alice$/ });
  t.same(emu.teamMembers('acme', 'sre'), [
    { login: 'alice', role: 'maintainer', state: 'active' },
    { login: 'erin', role: 'member', state: 'pending' },
  ]);

  const update = await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'alice', role: 'member' });
  t.equal(update.data.role, 'member');
  const defaulted = await octokit.request('PUT /orgs/{org}/teams/{team_slug}/memberships/{username}', { org: 'acme', team_slug: 'sre', username: 'grace' });
  t.same(defaulted.data.role, 'member', 'role defaults to member');
  t.same(emu.teamMembers('acme', 'SRE').slice(0, 2), [
    { login: 'alice', role: 'member', state: 'active' },
    { login: 'Grace', role: 'member', state: 'active' },
  ]);

  const got = await octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'alice' });
  t.match(got.data, { role: 'member', state: 'active' });
  t.same(emu.unexpected, []);
});

t.test('GET membership reports child-team members, as GitHub does', async (t) => {
  const { octokit } = await start(t);
  const viaChild = await octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'oncall', username: 'dave' });
  t.match(viaChild.data, { role: 'member', state: 'active' });
  const miss = await failure(octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'bob' }));
  t.equal(miss.status, 404);
});

t.test('PUT membership for a non-member invites them; invitations and their teams paginate', async (t) => {
  const { emu, octokit } = await start(t);
  const put = await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'oncall', username: 'frank', role: 'maintainer' });
  t.match(put.data, { role: 'maintainer', state: 'pending' });
  await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'frank' });
  await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'zoe' });

  const got = await octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'oncall', username: 'frank' });
  t.match(got.data, { role: 'maintainer', state: 'pending' });
  t.same(emu.teamMembers('acme', 'oncall').at(-1), { login: 'frank', role: 'maintainer', state: 'pending' });
  t.same(emu.orgMembers('acme'), ['alice', 'bob', 'carol', 'dave', 'Grace'], 'invitees are not members yet');

  const invitations = await octokit.paginate(octokit.rest.orgs.listPendingInvitations, { org: 'acme', per_page: 1 });
  t.same(invitations.map((i) => [i.login, i.team_count]), [['erin', 1], ['frank', 2], ['zoe', 1]]);
  t.match(invitations[1], { role: 'direct_member', email: null, inviter: { login: 'emulator-admin', type: 'User' }, created_at: /^\d{4}-/ });
  t.equal(emu.requests.filter((r) => r.path === '/orgs/acme/invitations').length, 3, 'one request per page');

  const frank = invitations[1]!;
  const teams = await octokit.paginate(octokit.rest.orgs.listInvitationTeams, { org: 'acme', invitation_id: frank.id, per_page: 1 });
  t.same(teams.map((team) => team.slug), ['oncall', 'sre']);
  t.match(teams[0], { name: 'On call', privacy: 'closed', parent: null, node_id: /^T_/ });
  const viaUrl = await octokit.request(`GET ${frank.invitation_teams_url}`);
  t.equal(viaUrl.data.length, 2, 'invitation_teams_url points back at the emulator');

  const euTeams = await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'oncall-eu', username: 'zoe' });
  t.equal(euTeams.data.state, 'pending');
  const zoe = emu.invitations('acme').find((i) => i.login === 'zoe')!;
  const zoeTeams = await octokit.rest.orgs.listInvitationTeams({ org: 'acme', invitation_id: zoe.id });
  t.match(zoeTeams.data[1], { slug: 'oncall-eu', parent: { slug: 'oncall' } });
  t.notOk('parent' in (zoeTeams.data[1]!.parent as object), 'a parent is a team-simple');
  t.same(emu.unexpected, []);
});

t.test('pagination headers follow GitHub: Link only with several pages, per_page capped at 100', async (t) => {
  const invitations = Array.from({ length: 5 }, (_, i) => ({ id: 100 + i, login: `guest${i}`, teams: [] }));
  const { emu } = await start(t, { token: TOKEN, orgs: { acme: { members: [], teams: [], invitations } } });
  const get = (query: string) => fetch(`${emu.url}/orgs/acme/invitations${query}`, { headers: { authorization: `bearer ${TOKEN}` } });
  /** The body of an invitations page: `Response.json()` is untyped; this is the shape GitHub documents. */
  const invitationsOf = async (res: Response) => (await res.json()) as { id: number }[];

  const middle = await get('?per_page=2&page=2');
  const link = (rel: string, page: number) => `<${emu.url}/orgs/acme/invitations?per_page=2&page=${page}>; rel="${rel}"`;
  t.equal(middle.headers.get('link'), [link('prev', 1), link('next', 3), link('last', 3), link('first', 1)].join(', '));
  t.same((await invitationsOf(middle)).map((i) => i.id), [102, 103]);

  const past = await get('?per_page=2&page=9');
  t.same(await past.json(), []);
  const single = await get('?per_page=500');
  t.equal(single.headers.get('link'), null);
  t.equal((await invitationsOf(single)).length, 5);
  const defaults = await get('?per_page=0&page=x');
  t.equal((await invitationsOf(defaults)).length, 5, 'per_page defaults to 30');
  t.equal(defaults.headers.get('content-type'), 'application/json; charset=utf-8');
});

t.test('DELETE membership: active members leave; pending ones lose the team but keep the invitation', async (t) => {
  const { emu, octokit } = await start(t);
  const del = await octokit.rest.teams.removeMembershipForUserInOrg({ org: 'acme', team_slug: 'oncall', username: 'bob' });
  t.equal(del.status, 204);
  t.same(emu.teamMembers('acme', 'oncall'), [{ login: 'alice', role: 'maintainer', state: 'active' }]);
  t.same(emu.teamMembers('acme', 'oncall-eu').map((m) => m.login), ['carol', 'bob'], 'child team untouched');

  await octokit.rest.teams.removeMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'erin' });
  t.same(emu.teamMembers('acme', 'sre'), []);
  t.same(emu.invitations('acme'), [{ id: 7, login: 'erin', email: null, teams: [] }]);

  const again = await octokit.rest.teams.removeMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'erin' });
  t.equal(again.status, 204, 'removing a non-holder is a no-op');

  const cancel = await octokit.rest.orgs.cancelInvitation({ org: 'acme', invitation_id: 7 });
  t.equal(cancel.status, 204);
  t.same(emu.invitations('acme'), []);
  t.equal((await failure(octokit.rest.orgs.cancelInvitation({ org: 'acme', invitation_id: 7 }))).status, 404);
  t.same(emu.unexpected, []);
});

t.test('404s and 422 come with GitHub error bodies', async (t) => {
  const { emu, octokit } = await start(t);
  const cases: [string, () => Promise<unknown>][] = [
    ['PUT unknown team', () => octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'nope', username: 'alice' })],
    ['PUT unknown org', () => octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'nope', team_slug: 'sre', username: 'alice' })],
    ['PUT unknown user', () => octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'ghost' })],
    ['GET unknown team', () => octokit.rest.teams.getMembershipForUserInOrg({ org: 'acme', team_slug: 'nope', username: 'alice' })],
    ['DELETE unknown team', () => octokit.rest.teams.removeMembershipForUserInOrg({ org: 'acme', team_slug: 'nope', username: 'alice' })],
    ['DELETE unknown user', () => octokit.rest.teams.removeMembershipForUserInOrg({ org: 'acme', team_slug: 'sre', username: 'ghost' })],
    ['invitations of unknown org', () => octokit.rest.orgs.listPendingInvitations({ org: 'nope' })],
    ['teams of unknown invitation', () => octokit.rest.orgs.listInvitationTeams({ org: 'acme', invitation_id: 999 })],
    ['teams of invitation in unknown org', () => octokit.rest.orgs.listInvitationTeams({ org: 'nope', invitation_id: 7 })],
    ['cancel in unknown org', () => octokit.rest.orgs.cancelInvitation({ org: 'nope', invitation_id: 7 })],
  ];
  for (const [name, p] of cases) {
    const err = await failure(p());
    t.equal(err.status, 404, name);
    t.same(err.response?.data, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }, name);
  }
  const badRole = await fetch(`${emu.url}/orgs/acme/teams/sre/memberships/alice`, {
    method: 'PUT',
    body: JSON.stringify({ role: 'admin' }),
    headers: { authorization: `token ${TOKEN}` },
  });
  t.equal(badRole.status, 422);
  t.match(await badRole.json(), { message: `Invalid request.\n\nFor 'properties/role', "admin" is not one of ["member", "maintainer"].` });
  t.same(emu.unexpected, [], 'real API answers, not emulator gaps');
});

t.test('credentials: a wrong or missing token gets 401 and is unexpected; bearer works', async (t) => {
  const { emu } = await start(t);
  emu.acceptUnexpected();
  const wrong = new Octokit({ auth: 'wrong', baseUrl: emu.url, throttle: { enabled: false }, retry: { enabled: false } });
  const err = await failure(wrong.rest.orgs.listPendingInvitations({ org: 'acme' }));
  t.equal(err.status, 401);
  t.same(err.response?.data, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
  const none = await fetch(`${emu.url}/orgs/acme/invitations`);
  t.equal(none.status, 401);
  t.match(await none.json(), { message: 'Requires authentication' });
  const bearer = await fetch(`${emu.url}/orgs/acme/invitations`, { headers: { authorization: `Bearer ${TOKEN}` } });
  t.equal(bearer.status, 200);
  t.same(emu.unexpected, [
    { method: 'GET', path: '/orgs/acme/invitations', reason: 'bad credentials' },
    { method: 'GET', path: '/orgs/acme/invitations', reason: 'no credentials' },
  ]);
});

t.test('without a token option any credentials, or none, are accepted; any login exists', async (t) => {
  const { emu } = await start(t, { orgs: { acme: { members: [], teams: [{ slug: 'a', members: [] }] } } });
  const res = await fetch(`${emu.url}/orgs/acme/teams/a/memberships/anyone`, { method: 'PUT' });
  t.equal(res.status, 200);
  t.match(await res.json(), { state: 'pending', role: 'member' });
});

t.test('unknown routes: 404 normally, 501 in strict mode; recorded as unexpected either way', async (t) => {
  const strict = (await start(t)).emu;
  strict.acceptUnexpected();
  const res = await fetch(`${strict.url}/user/repos`, { headers: { authorization: `token ${TOKEN}` } });
  t.equal(res.status, 501);
  t.match(await res.json(), { message: 'Not emulated: GET /user/repos' });
  const wrongMethod = await post(strict, '/orgs/acme/invitations', '{}');
  t.equal(wrongMethod.status, 501, 'a known path with another method is unknown');
  const emptySegment = await fetch(`${strict.url}/orgs//invitations`, { headers: { authorization: `token ${TOKEN}` } });
  t.equal(emptySegment.status, 501, 'a placeholder never matches an empty segment');
  t.same(strict.unexpected.map((u) => u.reason), ['no such route', 'no such route', 'no such route']);

  const lax = (await start(t, seed({ strict: false }))).emu;
  lax.acceptUnexpected();
  const notFound = await fetch(`${lax.url}/user/repos`, { headers: { authorization: `token ${TOKEN}` } });
  t.equal(notFound.status, 404);
  t.same(lax.unexpected, [{ method: 'GET', path: '/user/repos', reason: 'no such route' }]);
});

t.test('malformed requests: a body that is not JSON is 400; an undecodable path is a 500', async (t) => {
  const { emu } = await start(t);
  emu.acceptUnexpected();
  const bad = await post(emu, '/graphql', '{nope');
  t.equal(bad.status, 400);
  t.match(await bad.json(), { message: 'Problems parsing JSON' });
  const crash = await fetch(`${emu.url}/orgs/acme/teams/%E0%A4%A/memberships/x`, { headers: { authorization: `token ${TOKEN}` } });
  t.equal(crash.status, 500);
  t.same(emu.unexpected.map((u) => u.reason), ['body is not JSON', 'emulator crashed: URI malformed']);
});

t.test('failNext answers matching requests with the given response, then serves normally', async (t) => {
  const { emu, octokit } = await start(t);
  emu.failNext({ method: 'get', pathPrefix: '/orgs/acme/invitations' }, { status: 502, body: { message: 'Server Error' }, headers: { 'retry-after': '1' } }, 2);
  emu.failNext({ method: 'POST' }, { status: 429 });
  for (let i = 0; i < 2; i++) {
    const err = await failure(octokit.rest.orgs.listPendingInvitations({ org: 'acme' }));
    t.equal(err.status, 502);
    t.equal(err.response?.headers['retry-after'], '1');
  }
  t.equal((await octokit.rest.orgs.listPendingInvitations({ org: 'acme' })).status, 200);
  const limited = await post(emu, '/graphql', '{}');
  t.equal(limited.status, 429);
  t.equal(await limited.text(), '', 'no body when none is given');
  t.same(emu.requests.map((r) => r.status), [502, 502, 200, 429]);
  t.same(emu.unexpected, [], 'injected faults are not unexpected');
});

t.test('rate-limit headers count every request per resource', async (t) => {
  const { emu, octokit } = await start(t);
  await octokit.rest.orgs.listPendingInvitations({ org: 'acme' });
  const second = await octokit.rest.orgs.listPendingInvitations({ org: 'acme' });
  t.match(second.headers, { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '4998', 'x-ratelimit-used': '2', 'x-ratelimit-resource': 'core' });
  t.match(second.headers['x-ratelimit-reset'], /^\d{10}$/);
  const gql = await post(emu, '/graphql', JSON.stringify({ query: '{ rateLimit { remaining } }' }));
  t.equal(gql.headers.get('x-ratelimit-resource'), 'graphql');
  t.same(await gql.json(), { data: { rateLimit: { remaining: 4999 } } });
  t.match(emu.rateLimit('core'), { limit: 5000, used: 2, remaining: 4998 });
  t.match(emu.rateLimit('graphql'), { used: 1 });
});

t.test('latencyMs delays every response', async (t) => {
  const { emu } = await start(t, seed({ latencyMs: 50 }));
  const began = Date.now();
  await fetch(`${emu.url}/orgs/acme/invitations`, { headers: { authorization: `token ${TOKEN}` } });
  t.ok(Date.now() - began >= 45, 'took at least the latency');
});

t.test('acceptInvitation turns a pending invitee into a member of the invitation teams', async (t) => {
  const { emu, octokit } = await start(t);
  await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'oncall', username: 'erin', role: 'maintainer' });
  emu.acceptInvitation('acme', 'erin');
  t.same(emu.invitations('acme'), []);
  t.same(emu.orgMembers('acme').at(-1), 'erin');
  t.same(emu.teamMembers('acme', 'oncall').at(-1), { login: 'erin', role: 'maintainer', state: 'active' });
  t.same(emu.teamMembers('acme', 'sre'), [{ login: 'erin', role: 'member', state: 'active' }]);
  t.throws(() => emu.acceptInvitation('acme', 'erin'), /no pending invitation/);
});

t.test('accessors throw on unknown organisations and teams', async (t) => {
  const { emu } = await start(t);
  t.throws(() => emu.teamMembers('acme', 'nope'), /no team acme\/nope/);
  t.throws(() => emu.orgMembers('nope'), /no organisation nope/);
  t.throws(() => emu.invitations('nope'), /no organisation nope/);
});

t.test('seeds GitHub could not be in are refused', async (t) => {
  const org = (teams: GitHubEmulatorOptions['orgs'][string]['teams'], invitations: { id: number; login: string | null; teams: string[] }[] = []) =>
    startGitHubEmulator({ orgs: { acme: { members: ['alice'], teams, invitations } } });
  await t.rejects(org([{ slug: 'a', members: [{ login: 'bob', role: 'member' }] }]), /bob is on acme\/a but not an organisation member/);
  await t.rejects(org([{ slug: 'a', parent: 'b', members: [] }]), /no team acme\/b/);
  await t.rejects(
    org([
      { slug: 'a', parent: 'b', members: [] },
      { slug: 'b', parent: 'a', members: [] },
    ]),
    /its own ancestor/,
  );
  await t.rejects(org([], [{ id: 1, login: null, teams: ['x'] }]), /no team acme\/x/);
});

t.test('an email-only invitation lists with a null login and is no team holder', async (t) => {
  const { emu, octokit } = await start(t, {
    token: TOKEN,
    orgs: { acme: { members: [], teams: [{ slug: 'a', members: [] }], invitations: [{ id: 3, login: null, email: 'x@example.com', teams: ['a'] }] } },
  });
  const { data } = await octokit.rest.orgs.listPendingInvitations({ org: 'acme' });
  t.match(data, [{ id: 3, login: null, email: 'x@example.com', team_count: 1 }]);
  t.same(emu.teamMembers('acme', 'a'), []);
  const invited = await octokit.rest.teams.addOrUpdateMembershipForUserInOrg({ org: 'acme', team_slug: 'a', username: 'newbie' });
  t.equal(invited.data.state, 'pending');
  t.equal(emu.invitations('acme').at(-1)!.id, 4, 'new invitation ids follow the seeded ones');
});

t.test('the JSON server closes idempotently and serves handlers that name operations', async (t) => {
  const server = await startJsonServer({
    routes: [
      { method: 'GET', pattern: '/things/:id', handler: (req) => ({ status: 200, body: { id: req.params.id }, operation: 'thing' }) },
      {
        method: 'GET',
        pattern: '/crash',
        handler: () => {
          throw 'not an Error';
        },
      },
    ],
    errorBody: (status, message) => ({ error: { status, message } }),
  });
  server.acceptUnexpected();
  const res = await fetch(`${server.url}/things/a%2Fb`);
  t.same(await res.json(), { id: 'a/b' });
  t.same(server.requests, [{ method: 'GET', path: '/things/a%2Fb', status: 200, operation: 'thing' }]);
  const missing = await fetch(`${server.url}/other`);
  t.same(await missing.json(), { error: { status: 404, message: 'Not Found' } });
  t.equal((await fetch(`${server.url}/crash`)).status, 500);
  t.same(server.unexpected.map((u) => u.reason), ['no such route', 'emulator crashed: not an Error']);
  await server.close();
  await server.close();
  t.pass('closed twice');
});

t.test('every server started is in the process-wide list the shared fixture checks, until its test accepts what it saw', async (t) => {
  const server = await startJsonServer({ name: 'Listed server', routes: [], errorBody: (status, message) => ({ status, message }) });
  t.teardown(() => server.close());
  const mine = () => unexpectedRequests().filter((s) => s.server.startsWith('Listed server'));
  t.ok(anyServerStarted());
  t.same(mine(), [], 'nothing unexpected yet');
  await fetch(`${server.url}/nope`, { method: 'DELETE' });
  t.same(mine(), [{ server: `Listed server at ${server.url}`, request: { method: 'DELETE', path: '/nope', reason: 'no such route' } }], 'the server, method, path and reason');
  t.equal(mine()[0]!.request, server.unexpected[0], 'the record in the server log itself');
  server.acceptUnexpected();
  t.same(mine(), [], 'a test that provokes unexpected requests on purpose takes them out of the check');
  t.equal(server.unexpected.length, 1, 'its own log keeps them');
});
