import t, { type Test } from 'tap';
import { startGitHubEmulator, type GitHubEmulator, type GitHubEmulatorOptions, type OrgSeed } from '@oncall-access/emulators/github';
import { ReadOnlyViolation, readOnlyFetch, type Fetch } from '../src/http/read-only.js';
import { REPOSITORY_PERMISSION, TEAM_PERMISSION, describeError, explainError } from '../src/targets/github/errors.js';
import { TEAMS_PER_QUERY } from '../src/targets/github/reads.js';
import { GitHubTarget } from '../src/targets/github/target.js';
import type { Holder, HoldersRead } from '../src/core/observed.js';
import type { TeamRef } from '../src/targets/github/reads.js';

import { closedPort } from './helpers/net.js';

const TOKEN = 'test-token';

/**
 * acme: `oncall` (alice maintainer, bob member) has child `oncall-eu` (carol maintainer, dave
 * member); `sre` is empty. erin is invited to `sre` and `oncall`; bob (already on `oncall`) is
 * also invited to it; an email-only invitation and a team-less invitation must be ignored.
 * beta: a second organisation with one team, to show failures stay within their org.
 */
function acme(): OrgSeed {
  return {
    members: ['alice', 'bob', 'carol', 'dave'],
    teams: [
      { slug: 'oncall', name: 'On call', members: [{ login: 'alice', role: 'maintainer' }, { login: 'bob', role: 'member' }] },
      { slug: 'oncall-eu', parent: 'oncall', members: [{ login: 'carol', role: 'maintainer' }, { login: 'dave', role: 'member' }] },
      { slug: 'sre', members: [] },
    ],
    invitations: [
      { id: 7, login: 'erin', teams: ['sre', 'oncall'] },
      { id: 8, login: 'bob', teams: ['oncall'] },
      { id: 9, login: null, email: 'someone@example.com', teams: ['sre'] },
      { id: 10, login: 'frank', teams: [] },
    ],
  };
}

function beta(): OrgSeed {
  return { members: ['yuki'], teams: [{ slug: 'ops', members: [{ login: 'yuki', role: 'maintainer' }] }] };
}

async function emulator(t: Test, orgs: Record<string, OrgSeed> = { acme: acme(), beta: beta() }, extra: Partial<GitHubEmulatorOptions> = {}): Promise<GitHubEmulator> {
  const emu = await startGitHubEmulator({ orgs, token: TOKEN, strict: true, ...extra });
  t.teardown(() => emu.close());
  return emu;
}

function target(emu: GitHubEmulator, over: Partial<ConstructorParameters<typeof GitHubTarget>[0]> = {}): GitHubTarget {
  return new GitHubTarget({ baseUrl: emu.url, token: TOKEN, fetch: globalThis.fetch, retries: 0, ...over });
}

const ref = (org: string, team: string): TeamRef => ({ org, team });
const active = (login: string, role: Holder['role'] = 'member'): Holder => ({ login, role, state: 'active' });
const pending = (login: string): Holder => ({ login, role: 'member', state: 'pending' });
const graphqlCount = (emu: GitHubEmulator): number => emu.requests.filter((r) => r.path === '/graphql').length;

/** The holders of a read that must have succeeded. */
function holders(t: Test, read: HoldersRead | undefined, key: string): Holder[] {
  if (!read?.ok) {
    t.fail(`${key} should read: ${read ? read.error : 'missing'}`);
    return [];
  }
  return read.holders;
}

/** The error of a read that must have failed. */
function failure(t: Test, read: HoldersRead | undefined, key: string): string {
  if (read === undefined || read.ok) {
    t.fail(`${key} should fail to read`);
    return '';
  }
  return read.error;
}

t.test('reads immediate members with roles; child-team members are not included', async (t) => {
  const emu = await emulator(t);
  const read = await target(emu).readTeamHolders([ref('acme', 'oncall'), ref('acme', 'oncall-eu'), ref('beta', 'ops')]);
  t.same([...read.keys()].sort(), ['acme/oncall', 'acme/oncall-eu', 'beta/ops']);
  const oncall = holders(t, read.get('acme/oncall'), 'acme/oncall');
  t.same(oncall.filter((h) => h.state === 'active'), [active('alice', 'maintainer'), active('bob')]);
  t.notOk(oncall.some((h) => h.login === 'carol' || h.login === 'dave'), 'members of the child team oncall-eu are not holders of oncall');
  t.same(holders(t, read.get('acme/oncall-eu'), 'acme/oncall-eu'), [active('carol', 'maintainer'), active('dave')]);
  t.same(holders(t, read.get('beta/ops'), 'beta/ops'), [active('yuki', 'maintainer')]);
  t.equal(graphqlCount(emu), 2, 'one GraphQL query per organisation');
  t.same(emu.unexpected, []);
});

t.test('an empty list of teams reads nothing and sends nothing', async (t) => {
  const emu = await emulator(t);
  const read = await target(emu).readTeamHolders([]);
  t.equal(read.size, 0);
  t.same(emu.requests, []);
});

t.test('a team with 250 members is read completely over 3 GraphQL pages', async (t) => {
  const logins = Array.from({ length: 250 }, (_, i) => `user${String(i).padStart(3, '0')}`);
  const emu = await emulator(t, {
    big: { members: logins, teams: [{ slug: 'all', members: logins.map((login, i) => ({ login, role: i === 249 ? ('maintainer' as const) : ('member' as const) })) }] },
  });
  const read = await target(emu).readTeamHolders([ref('big', 'all')]);
  const all = holders(t, read.get('big/all'), 'big/all');
  t.equal(all.length, 250);
  t.same(all.map((h) => h.login), logins, 'every member once, in order');
  t.same(all.at(-1), active('user249', 'maintainer'), 'roles survive pagination');
  t.equal(graphqlCount(emu), 3, '100 + 100 + 50');
  t.same(emu.unexpected, []);
});

t.test('a team of exactly 100 members takes one GraphQL page', async (t) => {
  const logins = Array.from({ length: 100 }, (_, i) => `u${i}`);
  const emu = await emulator(t, { big: { members: logins, teams: [{ slug: 'all', members: logins.map((login) => ({ login, role: 'member' as const })) }] } });
  const read = await target(emu).readTeamHolders([ref('big', 'all')]);
  t.equal(holders(t, read.get('big/all'), 'big/all').length, 100);
  t.equal(graphqlCount(emu), 1);
  t.same(emu.unexpected, []);
});

t.test('60 teams are read in 3 batched GraphQL queries, not 60', async (t) => {
  t.equal(TEAMS_PER_QUERY, 25);
  const slugs = Array.from({ length: 60 }, (_, i) => `team-${String(i).padStart(2, '0')}`);
  const emu = await emulator(t, {
    many: { members: slugs.map((s) => `m-${s}`), teams: slugs.map((slug) => ({ slug, members: [{ login: `m-${slug}`, role: 'member' as const }] })) },
  });
  const read = await target(emu).readTeamHolders(slugs.map((s) => ref('many', s)));
  t.equal(read.size, 60);
  for (const s of slugs) t.same(holders(t, read.get(`many/${s}`), s), [active(`m-${s}`)], `${s} gets its own member`);
  t.equal(graphqlCount(emu), 3);
  t.same(emu.unexpected, []);
});

t.test('a large team inside a batch is paged on its own while the other teams of the batch are read once', async (t) => {
  const logins = Array.from({ length: 150 }, (_, i) => `p${i}`);
  const emu = await emulator(t, {
    mix: {
      members: [...logins, 'solo'],
      teams: [
        { slug: 'small', members: [{ login: 'solo', role: 'maintainer' }] },
        { slug: 'large', members: logins.map((login) => ({ login, role: 'member' as const })) },
      ],
    },
  });
  const read = await target(emu).readTeamHolders([ref('mix', 'small'), ref('mix', 'large')]);
  t.same(holders(t, read.get('mix/small'), 'small'), [active('solo', 'maintainer')]);
  t.same(holders(t, read.get('mix/large'), 'large').map((h) => h.login), logins);
  t.equal(graphqlCount(emu), 2);
  t.same(emu.unexpected, []);
});

t.test('pending invitations appear as holders with state pending for the teams of the invitation', async (t) => {
  const emu = await emulator(t);
  const read = await target(emu).readTeamHolders([ref('acme', 'oncall'), ref('acme', 'sre'), ref('acme', 'oncall-eu')]);
  t.same(holders(t, read.get('acme/oncall'), 'oncall'), [active('alice', 'maintainer'), active('bob'), pending('erin')], 'bob, active and invited, is listed once, as active');
  t.same(holders(t, read.get('acme/sre'), 'sre'), [pending('erin')], 'the email-only invitation has no login and is not a holder');
  t.same(holders(t, read.get('acme/oncall-eu'), 'oncall-eu'), [active('carol', 'maintainer'), active('dave')], 'no invitation names oncall-eu');
  const teamLookups = emu.requests.filter((r) => /^\/orgs\/acme\/invitations\/\d+\/teams$/.test(r.path)).map((r) => r.path).sort();
  t.same(teamLookups, ['/orgs/acme/invitations/7/teams', '/orgs/acme/invitations/8/teams'], 'no team lookup for the email-only or team-less invitation');
  t.equal(emu.requests.filter((r) => r.path === '/orgs/acme/invitations').length, 1, 'invitations listed once per organisation');
  t.same(emu.unexpected, []);
});

t.test('pending invitations match teams case-insensitively and dedupe against members case-insensitively', async (t) => {
  const org = acme();
  org.invitations = [{ id: 3, login: 'ALICE', teams: ['oncall'] }, { id: 4, login: 'Zoe', teams: ['SRE'] }];
  const emu = await emulator(t, { acme: org });
  const read = await target(emu).readTeamHolders([ref('acme', 'OnCall'), ref('acme', 'sre')]);
  t.same(holders(t, read.get('acme/oncall'), 'OnCall'), [active('alice', 'maintainer'), active('bob')]);
  t.same(holders(t, read.get('acme/sre'), 'sre'), [pending('Zoe')]);
  t.same(emu.unexpected, []);
});

t.test('a pending invitation reads as a pending member: GitHub\'s invitation API does not say the team role', async (t) => {
  const emu = await emulator(t);
  const gh = target(emu);
  await gh.setMembership({ kind: 'team', org: 'acme', team: 'sre', role: 'maintainer' }, 'zed');
  t.same(emu.teamMembers('acme', 'sre').find((m) => m.login === 'zed'), { login: 'zed', role: 'maintainer', state: 'pending' }, 'GitHub records the invitation role');
  const read = await gh.readTeamHolders([ref('acme', 'sre')]);
  t.same(
    holders(t, read.get('acme/sre'), 'sre').find((h) => h.login === 'zed'),
    { login: 'zed', role: 'member', state: 'pending' },
    'pending holdings are never updated, so the role read does not drive any change',
  );
  t.same(emu.unexpected, []);
});

t.test('a team that does not exist fails alone, naming org/team; the rest of its batch is read', async (t) => {
  const emu = await emulator(t);
  const read = await target(emu).readTeamHolders([ref('acme', 'oncall'), ref('acme', 'no-such-team'), ref('acme', 'oncall-eu')]);
  t.equal(failure(t, read.get('acme/no-such-team'), 'no-such-team'), 'team no-such-team does not exist in organisation acme, or the token cannot see it: create it there, or fix the team name');
  t.notOk((read.get('acme/no-such-team') as { fault?: string }).fault, 'the fix is where the team is named, not in the target\'s settings');
  t.same(holders(t, read.get('acme/oncall'), 'oncall').filter((h) => h.state === 'active'), [active('alice', 'maintainer'), active('bob')]);
  t.same(holders(t, read.get('acme/oncall-eu'), 'oncall-eu'), [active('carol', 'maintainer'), active('dave')]);
  t.equal(graphqlCount(emu), 1, 'still one query');
  t.same(emu.unexpected, []);
});

t.test('an org that does not exist fails every one of its teams, and only those', async (t) => {
  const emu = await emulator(t);
  const read = await target(emu).readTeamHolders([ref('ghost', 'oncall'), ref('ghost', 'sre'), ref('beta', 'ops')]);
  t.match(failure(t, read.get('ghost/oncall'), 'ghost/oncall'), /team oncall does not exist in organisation ghost/);
  t.match(failure(t, read.get('ghost/sre'), 'ghost/sre'), /team sre does not exist in organisation ghost/);
  t.same(holders(t, read.get('beta/ops'), 'beta/ops'), [active('yuki', 'maintainer')]);
  t.same(emu.unexpected, []);
});

t.test('a bad token fails every team with a 401 naming the variable, never echoing the token', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected();
  const secret = 'ghp_wrongTokenDoNotLeak0123456789';
  const read = await target(emu, { token: secret, tokenEnv: 'GITHUB_TOKEN' }).readTeamHolders([ref('acme', 'oncall'), ref('acme', 'sre'), ref('beta', 'ops')]);
  t.equal(read.size, 3);
  for (const [key, r] of read) {
    const error = failure(t, r, key);
    t.equal(error, 'GitHub rejected the token in GITHUB_TOKEN (HTTP 401): it is wrong, expired or revoked; put a valid token there', `${key}: names the status and the variable`);
    t.match(r, { fault: 'token' }, `${key}: the fix is the target's token`);
    t.notOk(error.includes(secret), `${key}: the token is not in the error`);
    t.notOk(error.includes(TOKEN), `${key}: nor is the right one`);
  }
  t.ok(emu.unexpected.length > 0 && emu.unexpected.every((u) => u.reason === 'bad credentials'));
});

t.test('no token at all fails every team with a 401 saying to configure one', async (t) => {
  const emu = await emulator(t);
  emu.acceptUnexpected();
  const read = await target(emu, { token: undefined }).readTeamHolders([ref('acme', 'oncall')]);
  t.equal(failure(t, read.get('acme/oncall'), 'acme/oncall'), "GitHub asks for a token (401): set the target's tokenEnv to the environment variable holding one");
  t.ok(emu.unexpected.length > 0 && emu.unexpected.every((u) => u.reason === 'no credentials'));
});

t.test('a host that refuses connections fails every team, naming the URL and apiUrl', async (t) => {
  const url = await closedPort();
  const read = await new GitHubTarget({ baseUrl: url, token: TOKEN, fetch: globalThis.fetch, retries: 1, retryBaseMs: 1 }).readTeamHolders([ref('acme', 'oncall'), ref('beta', 'ops')]);
  for (const key of ['acme/oncall', 'beta/ops']) {
    t.equal(failure(t, read.get(key), key), `cannot connect to ${url} (ECONNREFUSED): check apiUrl, and that this machine can reach the host`, key);
    t.match(read.get(key), { fault: 'endpoint' }, `${key}: the fix is the target's apiUrl`);
  }
});

t.test('a token without the permission to list invitations: the 403 names the variable and the permission', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ method: 'GET', pathPrefix: '/orgs/acme/invitations' }, { status: 403, body: { message: 'Resource not accessible by personal access token' } });
  const read = await target(emu, { tokenEnv: 'GITHUB_TOKEN' }).readTeamHolders([ref('acme', 'oncall')]);
  t.equal(
    failure(t, read.get('acme/oncall'), 'acme/oncall'),
    `cannot list pending invitations of acme: GitHub refused (403): the token in GITHUB_TOKEN lacks a permission (Resource not accessible by personal access token); it needs ${TEAM_PERMISSION}`,
  );
  t.match(read.get('acme/oncall'), { fault: 'token' });
  t.same(emu.unexpected, []);
});

t.test('a repository that does not exist fails alone, saying so; a 403 on one names the repository permission', async (t) => {
  const emu = await emulator(t);
  const read = await target(emu, { tokenEnv: 'GITHUB_TOKEN' }).readRepoHolders([{ org: 'acme', repository: 'no-such-repo' }]);
  t.equal(failure(t, read.get('acme/no-such-repo (repository)'), 'no-such-repo'), 'repository no-such-repo does not exist in organisation acme, or the token cannot see it: create it there, or fix the repository name');
  t.equal(explainError({ status: 403, message: 'Must have admin rights to Repository.' }, { tokenEnv: 'GITHUB_TOKEN', needs: REPOSITORY_PERMISSION }).error, `GitHub refused (403): the token in GITHUB_TOKEN lacks a permission (Must have admin rights to Repository.); it needs ${REPOSITORY_PERMISSION}`);
});

t.test('a trailing slash on baseUrl is tolerated (and retries may be left to the default)', async (t) => {
  const emu = await emulator(t);
  const read = await new GitHubTarget({ baseUrl: `${emu.url}//`, token: TOKEN, fetch: globalThis.fetch }).readTeamHolders([ref('beta', 'ops')]);
  t.same(holders(t, read.get('beta/ops'), 'beta/ops'), [active('yuki', 'maintainer')]);
  t.same(emu.unexpected, []);
});

t.test('a 502 on the GraphQL endpoint once is retried when retries allow it', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ method: 'POST', pathPrefix: '/graphql' }, { status: 502, body: { message: 'Bad Gateway' } });
  const read = await target(emu, { retries: 1 }).readTeamHolders([ref('beta', 'ops')]);
  t.same(holders(t, read.get('beta/ops'), 'beta/ops'), [active('yuki', 'maintainer')]);
  t.same(emu.requests.filter((r) => r.path === '/graphql').map((r) => r.status), [502, 200]);
  t.same(emu.unexpected, []);
});

t.test('a 502 on the GraphQL endpoint with retries: 0 fails the batch, naming the status', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ method: 'POST', pathPrefix: '/graphql' }, { status: 502, body: { message: 'Bad Gateway' } });
  const read = await target(emu).readTeamHolders([ref('acme', 'oncall'), ref('acme', 'sre')]);
  for (const key of ['acme/oncall', 'acme/sre']) t.match(failure(t, read.get(key), key), /^GitHub answered 502: Bad Gateway/, key);
  t.equal(graphqlCount(emu), 1, 'no retry');
  t.same(emu.unexpected, []);
});

t.test('a failure listing invitations fails every team of that org (pending cannot be known)', async (t) => {
  const emu = await emulator(t);
  emu.failNext({ method: 'GET', pathPrefix: '/orgs/acme/invitations' }, { status: 500, body: { message: 'Server Error' } });
  const read = await target(emu).readTeamHolders([ref('acme', 'oncall'), ref('acme', 'oncall-eu'), ref('beta', 'ops')]);
  for (const key of ['acme/oncall', 'acme/oncall-eu']) {
    const error = failure(t, read.get(key), key);
    t.match(error, /pending invitations of acme/, key);
    t.match(error, /500/, key);
  }
  t.same(holders(t, read.get('beta/ops'), 'beta/ops'), [active('yuki', 'maintainer')], 'the other org is unaffected');
  t.same(emu.unexpected, []);
});

t.test("a failure listing one invitation's teams fails every team of that org", async (t) => {
  const emu = await emulator(t);
  emu.failNext({ method: 'GET', pathPrefix: '/orgs/acme/invitations/7/teams' }, { status: 403, body: { message: 'Must have admin rights' } });
  const read = await target(emu).readTeamHolders([ref('acme', 'oncall'), ref('acme', 'sre')]);
  for (const key of ['acme/oncall', 'acme/sre']) {
    t.match(failure(t, read.get(key), key), /^cannot list pending invitations of acme: GitHub refused \(403\).*\(Must have admin rights\); it needs the organization permission Members/, key);
  }
  t.same(emu.unexpected, []);
});

/** A fetch that hands the n-th GraphQL request to `intercept` instead of the emulator. */
function interceptGraphQL(n: number, intercept: () => Promise<Response> | Response): Fetch {
  let seen = 0;
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (new URL(url).pathname === '/graphql' && ++seen === n) return intercept();
    return globalThis.fetch(input, init);
  }) as Fetch;
}

t.test('a failure on a later page of a large team fails that team only', async (t) => {
  const logins = Array.from({ length: 150 }, (_, i) => `p${i}`);
  const emu = await emulator(t, {
    mix: {
      members: [...logins, 'solo'],
      teams: [
        { slug: 'small', members: [{ login: 'solo', role: 'member' }] },
        { slug: 'large', members: logins.map((login) => ({ login, role: 'member' as const })) },
      ],
    },
  });
  const fetch = interceptGraphQL(2, () => new Response(JSON.stringify({ message: 'Bad Gateway' }), { status: 502, headers: { 'content-type': 'application/json' } }));
  const read = await target(emu, { fetch }).readTeamHolders([ref('mix', 'small'), ref('mix', 'large')]);
  t.match(failure(t, read.get('mix/large'), 'large'), /^GitHub answered 502/);
  t.same(holders(t, read.get('mix/small'), 'small'), [active('solo')]);
  t.same(emu.unexpected, []);
});

t.test('a team that disappears between pages fails with a message saying so', async (t) => {
  const logins = Array.from({ length: 150 }, (_, i) => `p${i}`);
  const emu = await emulator(t, { mix: { members: logins, teams: [{ slug: 'large', members: logins.map((login) => ({ login, role: 'member' as const })) }] } });
  const fetch = interceptGraphQL(2, () => new Response(JSON.stringify({ data: { organization: { team: null } } }), { status: 200, headers: { 'content-type': 'application/json' } }));
  const read = await target(emu, { fetch }).readTeamHolders([ref('mix', 'large')]);
  t.equal(failure(t, read.get('mix/large'), 'large'), 'team mix/large disappeared while being read');
  t.same(emu.unexpected, []);
});

t.test('a GraphQL error without organization data fails the batch with its message', async (t) => {
  const emu = await emulator(t);
  const fetch = interceptGraphQL(1, () =>
    new Response(JSON.stringify({ errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded' }] }), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  const read = await target(emu, { fetch }).readTeamHolders([ref('beta', 'ops')]);
  const error = failure(t, read.get('beta/ops'), 'beta/ops');
  t.ok(error.length > 0);
  // octokit's GraphqlResponseError message is "Request failed due to following response errors:\n - <message>";
  // describeError keeps only the first line, so the reason itself is lost.
  t.match(error, /API rate limit exceeded/);
  t.same(emu.unexpected, []);
});

t.test('setMembership adds an org member as active with the role, and updates roles', async (t) => {
  const emu = await emulator(t);
  const gh = target(emu);
  await gh.setMembership({ kind: 'team', org: 'acme', team: 'sre', role: 'maintainer' }, 'carol');
  await gh.setMembership({ kind: 'team', org: 'acme', team: 'sre', role: 'member' }, 'dave');
  t.same(emu.teamMembers('acme', 'sre').filter((m) => m.state === 'active'), [
    { login: 'carol', role: 'maintainer', state: 'active' },
    { login: 'dave', role: 'member', state: 'active' },
  ]);

  await gh.setMembership({ kind: 'team', org: 'acme', team: 'oncall', role: 'member' }, 'alice');
  await gh.setMembership({ kind: 'team', org: 'acme', team: 'oncall', role: 'maintainer' }, 'bob');
  const read = await gh.readTeamHolders([ref('acme', 'oncall'), ref('acme', 'sre')]);
  t.same(holders(t, read.get('acme/oncall'), 'oncall').filter((h) => h.state === 'active'), [active('alice'), active('bob', 'maintainer')], 'roles changed in place');
  t.same(holders(t, read.get('acme/sre'), 'sre').filter((h) => h.state === 'active'), [active('carol', 'maintainer'), active('dave')]);
  t.same(emu.orgMembers('acme'), ['alice', 'bob', 'carol', 'dave'], 'nobody invited');
  t.same(emu.unexpected, []);
});

t.test('setMembership for a non-member creates a pending invitation visible through readHolders', async (t) => {
  const emu = await emulator(t);
  const gh = target(emu);
  await gh.setMembership({ kind: 'team', org: 'acme', team: 'oncall-eu', role: 'member' }, 'zed');
  t.same(emu.invitations('acme').find((i) => i.login === 'zed')?.teams, [{ slug: 'oncall-eu', role: 'member' }]);
  t.same(emu.orgMembers('acme').includes('zed'), false);
  const read = await gh.readTeamHolders([ref('acme', 'oncall-eu')]);
  t.same(holders(t, read.get('acme/oncall-eu'), 'oncall-eu'), [active('carol', 'maintainer'), active('dave'), pending('zed')]);

  emu.acceptInvitation('acme', 'zed');
  const after = await gh.readTeamHolders([ref('acme', 'oncall-eu')]);
  t.same(holders(t, after.get('acme/oncall-eu'), 'oncall-eu'), [active('carol', 'maintainer'), active('dave'), active('zed')], 'accepted: active, listed once');
  t.same(emu.unexpected, []);
});

t.test('removeMembership removes an active member and cancels a pending one', async (t) => {
  const emu = await emulator(t);
  const gh = target(emu);
  await gh.removeMembership(ref('acme', 'oncall'), 'bob');
  await gh.removeMembership(ref('acme', 'sre'), 'erin');
  const read = await gh.readTeamHolders([ref('acme', 'oncall'), ref('acme', 'sre')]);
  t.same(holders(t, read.get('acme/oncall'), 'oncall'), [active('alice', 'maintainer'), pending('erin')], "bob gone; his invitation to oncall went with the membership; erin's other team untouched");
  t.same(holders(t, read.get('acme/sre'), 'sre'), [], 'erin no longer pending on sre');
  t.same(emu.teamMembers('acme', 'sre'), []);

  await gh.removeMembership(ref('acme', 'oncall'), 'erin');
  const after = await gh.readTeamHolders([ref('acme', 'oncall')]);
  t.same(holders(t, after.get('acme/oncall'), 'oncall'), [active('alice', 'maintainer')], 'an invitation left with no teams is not a holder anywhere');
  t.same(emu.unexpected, []);
});

t.test('writes to a team that does not exist reject with a 404 that describeError explains', async (t) => {
  const emu = await emulator(t);
  const gh = target(emu);
  const set = await gh.setMembership({ kind: 'team', org: 'acme', team: 'nope', role: 'member' }, 'alice').catch((e: unknown) => e);
  t.match(set, { status: 404 });
  t.equal(describeError(set), 'not found (404): check the org and team names, and that the token can see them');
  t.match(await gh.removeMembership(ref('acme', 'nope'), 'alice').catch((e: unknown) => e), { status: 404 });
  t.same(emu.unexpected, []);
});

t.test('plan mode cannot write: with readOnlyFetch reads work and writes never reach GitHub', async (t) => {
  const emu = await emulator(t);
  const gh = target(emu, { fetch: readOnlyFetch(globalThis.fetch) });
  const read = await gh.readTeamHolders([ref('acme', 'oncall'), ref('acme', 'sre')]);
  t.same(holders(t, read.get('acme/oncall'), 'oncall'), [active('alice', 'maintainer'), active('bob'), pending('erin')], 'GraphQL queries and REST GETs pass');
  t.same(holders(t, read.get('acme/sre'), 'sre'), [pending('erin')]);

  const before = emu.requests.length;
  const oncallBefore = emu.teamMembers('acme', 'oncall');
  const sreBefore = emu.teamMembers('acme', 'sre');
  const isViolation = (e: unknown): boolean => e instanceof ReadOnlyViolation || (e as { cause?: unknown } | undefined)?.cause instanceof ReadOnlyViolation;
  const set = await gh.setMembership({ kind: 'team', org: 'acme', team: 'sre', role: 'maintainer' }, 'carol').then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(set !== undefined && isViolation(set), 'setMembership rejects with a ReadOnlyViolation');
  const remove = await gh.removeMembership(ref('acme', 'oncall'), 'bob').then(
    () => undefined,
    (e: unknown) => e,
  );
  t.ok(remove !== undefined && isViolation(remove), 'removeMembership rejects with a ReadOnlyViolation');
  t.equal(emu.requests.length, before, 'the emulator received no request at all');
  t.same(emu.teamMembers('acme', 'oncall'), oncallBefore, 'oncall unchanged');
  t.same(emu.teamMembers('acme', 'sre'), sreBefore, 'sre unchanged');

  // octokit wraps the violation in a RequestError with status 500, so describeError never sees
  // the ReadOnlyViolation name and reports a server answer that never happened.
  t.equal(describeError(set), 'read-only run refused PUT /orgs/acme/teams/sre/memberships/carol');
  t.equal(describeError(remove), 'read-only run refused DELETE /orgs/acme/teams/oncall/memberships/bob');
  t.same(emu.unexpected, []);
});

t.test('describeError maps failures to the documented sentences', async (t) => {
  t.equal(describeError({ status: 401, message: 'Bad credentials' }), 'GitHub rejected the token (401): check the token in the variable the config names');
  t.equal(
    describeError({ status: 403, message: 'Resource not accessible by integration\nhttps://docs.github.com/rest' }),
    `GitHub refused (403): the token lacks a permission (Resource not accessible by integration); it needs ${TEAM_PERMISSION}`,
  );
  t.equal(describeError({ status: 403 }), `GitHub refused (403): the token lacks a permission; it needs ${TEAM_PERMISSION}`);
  t.equal(describeError({ status: 403, message: '' }), `GitHub refused (403): the token lacks a permission; it needs ${TEAM_PERMISSION}`);
  t.equal(describeError({ status: 403, message: 'You have exceeded a secondary rate limit', response: { headers: { 'retry-after': '600' } } }), 'rate limited by GitHub (HTTP 403) beyond the waits allowed: You have exceeded a secondary rate limit; the next run tries again', 'a rate limit is no missing permission');
  t.equal(describeError({ status: 500, message: 'read ECONNRESET', request: { url: 'https://ghe.example/api/graphql' }, cause: { code: 'ECONNRESET' } }), 'network error talking to GitHub at https://ghe.example (ECONNRESET)', 'the host is named');
  t.equal(describeError({ status: 404, message: 'Not Found' }), 'not found (404): check the org and team names, and that the token can see them');
  t.equal(describeError({ status: 502, message: 'Bad Gateway\nupstream' }), 'GitHub answered 502: Bad Gateway');
  t.equal(describeError({ status: 500 }), 'GitHub answered 500: ');
  t.equal(describeError(new Error('socket hang up\n    at stack')), 'socket hang up');
  t.equal(describeError(new Error('x'.repeat(500))), 'x'.repeat(300), 'long messages are cut at 300 characters');
  t.equal(describeError('plain string'), 'plain string');
  t.equal(describeError(42), '42');
  t.equal(describeError(new ReadOnlyViolation('read-only run refused PUT /orgs/a/teams/b/memberships/c')), 'read-only run refused PUT /orgs/a/teams/b/memberships/c');
  t.equal(describeError({ name: 'ReadOnlyViolation' }), 'read-only', 'a violation without a message');
  t.equal(describeError(Object.assign(new Error('read-only run refused X'), { name: 'ReadOnlyViolation', status: 401 })), 'read-only run refused X', 'the violation wins over a status');
});

t.test('the generic port: teams and repositories read in one call keyed by entitlement key, granted at a level and revoked, each through its own GitHub API', async (t) => {
  const emu = await emulator(t, { acme: acme() }, { repos: { 'acme/infra': { collaborators: [{ login: 'alice', permission: 'push' }] } } });
  const gh = target(emu);
  const team = { target: 'ghe', kind: 'team', resource: 'acme/OnCall' };
  const repo = { target: 'ghe', kind: 'repository', resource: 'acme/infra' };
  const read = await gh.readHolders([team, repo]);
  t.same([...read.keys()], ['ghe/team/acme/oncall', 'ghe/repository/acme/infra'], 'keyed by entitlementKey, the target name as asked');
  t.same(holders(t, read.get('ghe/team/acme/oncall'), 'team'), [active('alice', 'maintainer'), active('bob'), pending('erin')]);
  t.same(holders(t, read.get('ghe/repository/acme/infra'), 'repo'), [active('alice', 'push')]);

  await gh.grant({ ...team, level: 'maintainer' }, 'dave');
  await gh.grant({ ...repo, level: 'maintain' }, 'bob');
  t.same(emu.teamMembers('acme', 'oncall').filter((m) => m.state === 'active').map((m) => `${m.login}:${m.role}`), ['alice:maintainer', 'bob:member', 'dave:maintainer'], 'a team grant is a membership with the level as role');
  t.same(emu.collaborators('acme', 'infra').map((c) => `${c.login}:${c.permission}`), ['alice:push', 'bob:maintain'], 'a repository grant is a collaborator with the level as permission');
  await gh.revoke(team, 'dave');
  await gh.revoke(repo, 'alice');
  t.same(emu.teamMembers('acme', 'oncall').filter((m) => m.state === 'active').map((m) => m.login), ['alice', 'bob']);
  t.same(emu.collaborators('acme', 'infra').map((c) => c.login), ['bob']);
  await t.rejects(gh.grant({ target: 'ghe', kind: 'usergroup', resource: 'acme/x', level: 'member' }, 'bob'), { message: 'GitHub holds no entitlements of kind "usergroup"' });
  t.same(emu.unexpected, []);
});

t.test('GitHub has no directory of users by email: asking it is a failed read that says how to resolve logins, and nothing is requested', async (t) => {
  const emu = await emulator(t);
  const read = await target(emu, { org: 'acme' }).readIdentities('directory');
  t.match(read, { ok: false, error: /no directory of users by email: resolve GitHub logins through the identities file, saml or verifiedEmail/ });
  t.same(emu.requests, [], 'no request reached GitHub');
});

t.test("a configured target reads its own organisation's identities", async (t) => {
  const emu = await emulator(t);
  const read = await target(emu, { org: 'acme' }).readIdentities('verifiedEmail');
  t.equal(read.ok, true);
  t.match(emu.requests, [{ method: 'POST', path: '/graphql' }]);
});
