/**
 * Tokens of reduced scope in the GitHub and PagerDuty emulators, answered as the real APIs
 * document: GitHub's `X-OAuth-Scopes` and `X-Accepted-OAuth-Scopes` headers for classic tokens,
 * its 403 "Resource not accessible by integration" for App tokens, GraphQL's
 * `INSUFFICIENT_SCOPES` and `FORBIDDEN` errors; PagerDuty's 403 with error code 2010.
 */
import t from 'tap';
import { startGitHubEmulator } from '@oncall-access/emulators/github';
import { PAGERDUTY_ACCEPT, startPagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { fakeToken } from '../../../test/helpers/fake-token.js';

const FULL = fakeToken('ghp', 'fullTOKEN0123456789');
const READER = fakeToken('ghp', 'readORGonly0123456789');
const APP = fakeToken('ghs', 'appWITHOUTmembers0123');

t.test('GitHub: a classic token sees its scopes; a write it lacks admin:org for is refused, a read passes', async (t) => {
  const emu = await startGitHubEmulator({
    orgs: { acme: { members: ['alice-acme'], teams: [{ slug: 'sre', members: [] }] } },
    token: FULL,
    strict: true,
    scopedTokens: [
      { token: READER, kind: 'classic', scopes: ['read:org'] },
      { token: APP, kind: 'app', permissions: { members: 'read' } },
    ],
  });
  t.teardown(() => emu.close());
  emu.acceptUnexpected(); // the unknown token is refused on purpose, and asserted on below
  const as = (token: string, path: string, init: RequestInit = {}) => fetch(`${emu.url}${path}`, { ...init, headers: { authorization: `token ${token}`, 'content-type': 'application/json' } });
  const org = await as(READER, '/orgs/acme');
  t.equal(org.status, 200);
  t.equal(org.headers.get('x-oauth-scopes'), 'read:org');
  const members = await as(READER, '/orgs/acme/teams/sre/members');
  t.equal(members.status, 200);
  t.equal(members.headers.get('x-accepted-oauth-scopes'), 'read:org, write:org, admin:org');
  const put = await as(READER, '/orgs/acme/teams/sre/memberships/alice-acme', { method: 'PUT', body: JSON.stringify({ role: 'member' }) });
  t.equal(put.status, 403);
  t.equal(put.headers.get('x-accepted-oauth-scopes'), 'admin:org');
  t.same(emu.teamMembers('acme', 'sre'), [], 'nothing was written');
  const appPut = await as(APP, '/orgs/acme/teams/sre/memberships/alice-acme', { method: 'PUT', body: JSON.stringify({ role: 'member' }) });
  t.equal(appPut.status, 403);
  t.match(await appPut.json(), { message: 'Resource not accessible by integration', status: '403' });
  t.equal(appPut.headers.get('x-oauth-scopes'), null, 'an App token lists no scopes');
  const query = JSON.stringify({ query: 'query { organization(login: "acme") { samlIdentityProvider { id } } }' });
  const saml = await as(READER, '/graphql', { method: 'POST', body: query });
  t.equal(saml.status, 200);
  t.match(await saml.json(), { data: null, errors: [{ type: 'INSUFFICIENT_SCOPES', message: /^Your token has not been granted the required scopes to execute this query\. The 'samlIdentityProvider' field requires one of the following scopes: \['admin:org'\], but your token has only been granted the: \['read:org'\] scopes\./ }] });
  const full = await as(FULL, '/orgs/acme');
  t.equal(full.headers.get('x-oauth-scopes'), null, 'the full token is not a scoped one');
  const wrong = await as('ghp_unknown', '/orgs/acme');
  t.equal(wrong.status, 401, 'a token neither full nor scoped is still refused');
  t.same(
    emu.unexpected.map((u) => u.reason),
    ['bad credentials'],
  );
});

t.test('PagerDuty: a scoped token may read what its scopes name and is refused the rest with code 2010', async (t) => {
  const emu = await startPagerDutyEmulator({ users: [], schedules: [], escalationPolicies: [], token: 'pd-full', strict: true, scopedTokens: [{ token: 'pd-schedules', scopes: ['schedules.read'] }] });
  t.teardown(() => emu.close());
  const get = (path: string) => fetch(`${emu.url}${path}`, { headers: { authorization: 'Token token=pd-schedules', accept: PAGERDUTY_ACCEPT } });
  const oncalls = await get('/oncalls');
  t.equal(oncalls.status, 403);
  t.same(await oncalls.json(), { error: { message: 'Access Denied', code: 2010, errors: [] } });
  t.equal((await get('/schedules/PNONE')).status, 404, 'a schedule read passes the scope check (and finds nothing)');
  t.same(emu.unexpected, []);
});
