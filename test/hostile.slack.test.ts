/**
 * Hostile input from and about Slack: answers that would smuggle another member into a write,
 * page forever, or restyle the terminal; a profile's user group that is not a handle. Each is
 * refused as data (a failed read, which freezes the group) or shown neutralised.
 */
import t, { type Test } from 'tap';
import { startSlackEmulator } from '@oncall-access/emulators/slack';
import { SlackTarget } from '../src/targets/slack/target.js';
import { cli, demoWorkspace, editFile, ENV } from './helpers/demo-workspace.js';
import { fakeSlackToken } from './helpers/fake-token.js';

const TOKEN = fakeSlackToken('1-hostile');

async function world(t: Test) {
  const emu = await startSlackEmulator({
    users: [
      { id: 'U0ALICE001', name: 'alice', email: 'alice@acme.example' },
      { id: 'U0BOB00001', name: 'bob', email: 'bob@acme.example' },
    ],
    usergroups: [{ id: 'S0PAYMENTS', handle: 'payments-oncall', users: ['U0ALICE001'] }],
    tokens: [{ token: TOKEN }],
    strict: true,
  });
  t.teardown(() => emu.close());
  const target = new SlackTarget({ apiUrl: `${emu.url}/api/`, token: TOKEN, tokenEnv: 'SLACK_TOKEN', fetch: globalThis.fetch, lookupLimit: 0 });
  return { emu, target };
}

const group = { target: 'slack', kind: 'usergroup', resource: '@payments-oncall' };
const group0 = (extra: object) => ({ id: 'S0PAYMENTS', team_id: 'T0ACME0001', handle: 'payments-oncall', date_update: 1, date_delete: 0, ...extra });

t.test('a member "id" with a comma (two users in one) fails the read instead of reaching a write', async (t) => {
  const { emu, target } = await world(t);
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 200, body: { ok: true, usergroups: [group0({ users: ['U0ALICE001,U0MALLORY1'] })] } });
  t.match((await target.readHolders([group])).get('slack/usergroup/@payments-oncall'), { ok: false, error: /usergroups\.list gave a member that is not a user id: "U0ALICE001,U0MALLORY1"/ });
  emu.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 200, body: { ok: true, usergroups: [group0({ users: [{ id: 'U0ALICE001' }] })] } });
  t.match((await target.readHolders([group])).get('slack/usergroup/@payments-oncall'), { ok: false, error: /not a user id: \{"id":"U0ALICE001"\}/ });
});

t.test('users.list that hands back a cursor it gave before is a failed read, not an endless one', async (t) => {
  const { emu, target } = await world(t);
  emu.failNext({ pathPrefix: '/api/users.list' }, { status: 200, body: { ok: true, members: [], cache_ts: 1, response_metadata: { next_cursor: 'again' } } }, 5);
  t.match(await target.readIdentities('directory', ['alice@acme.example']), { ok: false, error: /users\.list gave a cursor it had given before/ });
  t.equal(emu.requests.filter((r) => r.path === '/api/users.list').length, 2, 'stopped at the repeat');
});

t.test('a directory entry or lookup without a user id is never a pair', async (t) => {
  const { emu, target } = await world(t);
  emu.failNext({ pathPrefix: '/api/users.list' }, { status: 200, body: { ok: true, cache_ts: 1, members: [{ id: 'U0X,U0Y', profile: { email: 'alice@acme.example' } }], response_metadata: { next_cursor: '' } } });
  t.same(await target.readIdentities('directory', ['alice@acme.example']), { ok: true, pairs: [], unusable: [] });
  const few = new SlackTarget({ apiUrl: `${emu.url}/api/`, token: TOKEN, tokenEnv: 'SLACK_TOKEN', fetch: globalThis.fetch });
  emu.failNext({ pathPrefix: '/api/users.lookupByEmail' }, { status: 200, body: { ok: true, user: { id: 'not an id' } } });
  t.match(await few.readIdentities('directory', ['bob@acme.example']), { ok: false, error: /without a user id/ });
});

t.test('what Slack says of a group besides its members (a description with escape sequences) never reaches the terminal: the plan names it as the profile does', async (t) => {
  const { dir, emulators } = await demoWorkspace(t, undefined, undefined, undefined, { slack: true });
  emulators.slack.failNext({ pathPrefix: '/api/usergroups.list' }, { status: 200, body: { ok: true, usergroups: [group0({ id: 'S0PLATFORM1', handle: 'platform-oncall', users: ['U0ERIN0001'], description: '\u001b[2J' })] } });
  const r = await cli(dir, ['plan', '--config', 'oncall-access.yaml']);
  t.notMatch(r.out, '\u001b');
  t.match(r.out, 'slack: @platform-oncall');
});

t.test('a profile whose user group is not a handle (control characters, spaces, a path) is refused by validate', async (t) => {
  for (const bad of ['"pay\\u001b[31mments"', '"pay ments"', '"../../admins"', '"S0614TZR7,S0615"']) {
    const { dir } = await demoWorkspace(t, (d) => editFile(d, 'platform.yaml', 'usergroup: platform-oncall', `usergroup: ${bad}`), undefined, undefined, { slack: true });
    const r = await cli(dir, ['validate', '--config', 'oncall-access.yaml'], { env: ENV });
    t.equal(r.code, 1, bad);
    t.match(r.out, /platform\.yaml:\d+:\d+: error: .*usergroup/, bad);
    t.notMatch(r.out, '\u001b', 'not echoed raw');
  }
});
