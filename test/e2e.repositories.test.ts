/**
 * Repository permissions end to end against the emulator: the demo workspace with one
 * repository entitlement added to the platform profile (`acme/infra`, maintain). Repositories
 * are additive: only what the grant ledger says this tool granted is ever revoked or changed.
 */
import t, { type Test } from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, demoWorkspace, editFile, TOKEN } from './helpers/demo-workspace.js';
import { levelRank } from '../src/core/entitlement.js';
import { nextState, readState, serializeGrants } from '../src/record/state.js';
import { repoPermission } from '../src/targets/github/reads.js';
import { GitHubTarget } from '../src/targets/github/target.js';
import { GITHUB_KINDS } from '../src/targets/github/kinds.js';
import { nameOf } from '../src/targets/kinds.js';

const SHIFT_OVER = new Date('2026-11-30T19:30:00Z'); // frank's shift ended 19:00 (+15m window); erin's began

const REPO_ENTITLEMENT = `    - target: github
      team: infra-maintainers
      role: maintainer
    - target: github
      repository: infra
      permission: maintain
`;

async function world(t: Test) {
  return demoWorkspace(
    t,
    (dir) => editFile(dir, 'platform.yaml', '    - target: github\n      team: infra-maintainers\n      role: maintainer\n', REPO_ENTITLEMENT),
    // erin and dave were added by hand: not in the ledger, so never this tool's to revoke or change.
    (seed) => void (seed.repos = { 'acme/infra': { collaborators: [{ login: 'erin-acme', permission: 'maintain' }, { login: 'dave-acme', permission: 'push' }] } }),
  );
}

type JsonChange = { action: string; subject: { login: string }; entitlement: { kind: string; resource: string; level: string }; previousLevel?: string };
const repoChanges = (plan: { changes: JsonChange[] }) =>
  plan.changes.filter((c) => c.entitlement.kind === 'repository').map((c) => [c.action, c.subject.login, c.entitlement.resource.split('/')[1], c.entitlement.level, ...(c.previousLevel ? [c.previousLevel] : [])]);
const collaborators = (emu: { collaborators(org: string, repo: string): { login: string; permission: string; state: string }[] }) =>
  emu.collaborators('acme', 'infra').map((c) => `${c.login}:${c.permission}:${c.state}`);
const repoGrants = (dir: string) =>
  readFileSync(join(dir, 'state', 'grants.json'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('"kind":"repository"'))
    .map((l) => JSON.parse(l.trim().replace(/,$/, '')) as Record<string, string>)
    .map(({ grantedAt: _, ...rest }) => rest);

t.test('plan grants the on-call person the repository permission, reads only, and leaves hand-added collaborators alone', async (t) => {
  const { dir, emu } = await world(t);
  const r = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--format', 'json']);
  t.equal(r.code, 0, r.err);
  t.same(repoChanges(JSON.parse(r.out)), [['grant', 'frank-acme', 'infra', 'maintain']]);
  t.same(emu.requests.filter((x) => x.method !== 'GET' && !(x.method === 'POST' && x.path === '/graphql')), [], 'plan sends no write');
  t.ok(emu.requests.some((x) => x.path === '/repos/acme/infra/collaborators'), 'collaborators are read');
  t.ok(emu.requests.some((x) => x.path === '/repos/acme/infra/invitations'), 'pending invitations are read');
  t.same(collaborators(emu), ['erin-acme:maintain:active', 'dave-acme:push:active']);
  const text = await cli(dir, ['plan', '--config', 'oncall-access.yaml']);
  t.match(text.out, 'github: acme/infra (repository)');
  t.match(text.out, /frank-acme.*as maintain/);
  t.same(emu.unexpected, []);
});

t.test('apply grants, records the ledger, is idempotent, updates a ledger-owned permission, and revokes only its own grant after the shift', async (t) => {
  const { dir, emu } = await world(t);
  const first = await cli(dir, ['apply', '--config', 'oncall-access.yaml', '--yes']);
  t.equal(first.code, 0, first.err);
  t.match(first.out, 'applied: grant frank-acme on acme/infra (repository) as maintain');
  t.same(collaborators(emu), ['erin-acme:maintain:active', 'dave-acme:push:active', 'frank-acme:maintain:active']);
  t.same(repoGrants(dir), [{ target: 'github', kind: 'repository', resource: 'acme/infra', level: 'maintain', login: 'frank-acme' }]);
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  t.match(audit.find((e) => e.kind === 'repository'), { formatVersion: 2, action: 'grant', target: 'github', kind: 'repository', resource: 'acme/infra', level: 'maintain', login: 'frank-acme', outcome: 'applied' });
  t.notOk('team' in audit.find((e) => e.kind === 'repository'), 'a repository event names no team');

  const again = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--format', 'json']);
  t.same(JSON.parse(again.out).changes, [], 'a second plan finds nothing to do');

  // A permission change on a holder the ledger owns is an update (through a saved plan, re-checked).
  editFile(dir, 'platform.yaml', 'permission: maintain', 'permission: admin');
  const saved = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--out', 'plan.json', '--format', 'json']);
  t.same(repoChanges(JSON.parse(saved.out)), [['update', 'frank-acme', 'infra', 'admin', 'maintain']], 'erin holds it by hand: not taken over');
  const update = await cli(dir, ['apply', 'plan.json', '--config', 'oncall-access.yaml', '--yes']);
  t.equal(update.code, 0, update.err);
  t.match(update.out, 'applied: update frank-acme on acme/infra (repository) as admin');
  t.same(collaborators(emu), ['erin-acme:maintain:active', 'dave-acme:push:active', 'frank-acme:admin:active']);
  t.same(repoGrants(dir), [{ target: 'github', kind: 'repository', resource: 'acme/infra', level: 'admin', login: 'frank-acme' }]);

  // After frank's shift: his grant goes; erin (now on call, but added by hand) and dave stay as they were.
  const later = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--format', 'json'], { now: SHIFT_OVER });
  t.same(repoChanges(JSON.parse(later.out)), [['revoke', 'frank-acme', 'infra', 'admin']]);
  const after = await cli(dir, ['apply', '--config', 'oncall-access.yaml', '--yes'], { now: SHIFT_OVER });
  t.equal(after.code, 0, after.err);
  t.match(after.out, 'applied: revoke frank-acme from acme/infra (repository)');
  t.same(collaborators(emu), ['erin-acme:maintain:active', 'dave-acme:push:active']);
  t.same(repoGrants(dir), [], 'the ledger no longer holds the repository grant');
  const settled = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--format', 'json'], { now: SHIFT_OVER });
  t.same(repoChanges(JSON.parse(settled.out)), []);
  t.same(emu.unexpected, []);
});

t.test('a collaborator the ledger granted but someone removed by hand is dropped from the ledger and granted again while wanted', async (t) => {
  const { dir, emu } = await world(t);
  t.equal((await cli(dir, ['apply', '--config', 'oncall-access.yaml', '--yes'])).code, 0);
  const del = await fetch(`${emu.url}/repos/acme/infra/collaborators/frank-acme`, { method: 'DELETE', headers: { authorization: `token ${TOKEN}` } });
  t.equal(del.status, 204);
  const r = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--format', 'json']);
  const p = JSON.parse(r.out);
  t.same(repoChanges(p), [['grant', 'frank-acme', 'infra', 'maintain']]);
  t.same(p.state.prune, [{ target: 'github', kind: 'repository', resource: 'acme/infra', login: 'frank-acme' }]);
});

t.test('a non-member is invited (pending counts as held) and revoking cancels the invitation', async (t) => {
  const { emu } = await world(t);
  const target = new GitHubTarget({ baseUrl: emu.url, token: TOKEN, fetch, writeLimits: [] });
  await target.setRepoPermission('acme', 'infra', 'outside-person', 'triage');
  t.same(collaborators(emu), ['erin-acme:maintain:active', 'dave-acme:push:active', 'outside-person:triage:pending']);
  const read = await target.readRepoHolders([{ org: 'acme', repository: 'infra' }]);
  t.same(read.get('acme/infra (repository)'), {
    ok: true,
    holders: [
      { login: 'erin-acme', role: 'maintain', state: 'active' },
      { login: 'dave-acme', role: 'push', state: 'active' },
      { login: 'outside-person', role: 'triage', state: 'pending' },
    ],
  });
  await target.removeRepoCollaborator('acme', 'infra', 'outside-person');
  await target.removeRepoCollaborator('acme', 'infra', 'dave-acme');
  t.same(collaborators(emu), ['erin-acme:maintain:active']);
  const missing = await target.readRepoHolders([{ org: 'acme', repository: 'nope' }]);
  t.match(missing.get('acme/nope (repository)'), { ok: false, error: /^repository nope does not exist in organisation acme/ });
  t.same(emu.unexpected, []);
});

t.test('entitlement helpers: one name and one ranking of levels for teams and repositories', async (t) => {
  t.equal(nameOf({ kind: 'team', resource: 'acme/sre' }), 'acme/sre');
  t.equal(nameOf({ kind: 'repository', resource: 'acme/infra' }), 'acme/infra (repository)');
  const order = ['pull', 'triage', 'push', 'maintain', 'admin'] as const;
  for (let i = 1; i < order.length; i++) t.ok(levelRank(GITHUB_KINDS.repository, order[i]!) > levelRank(GITHUB_KINDS.repository, order[i - 1]!), `${order[i]} outranks ${order[i - 1]}`);
  t.ok(levelRank(GITHUB_KINDS.team, 'maintainer') > levelRank(GITHUB_KINDS.team, 'member'), 'maintainer outranks member');
  t.equal(repoPermission('read'), 'pull');
  t.equal(repoPermission('write'), 'push');
  t.equal(repoPermission('maintain'), 'maintain');
  t.equal(repoPermission('custom-release-role', { pull: true, triage: true, push: true }), 'push', 'a custom role reads as its highest flag');
});

t.test('a version 1 ledger of teams is read, and written again as version 2 with repository entries beside it', async (t) => {
  const dir = t.testdir({ 'grants.json': '{\n  "formatVersion": 1,\n  "grants": [\n    {"target":"github","org":"acme","team":"sre","login":"alice","role":"member","grantedAt":"2026-11-01T00:00:00.000Z"}\n  ]\n}\n' });
  const state = readState(dir);
  const next = nextState(state, { state: { prune: [], onCall: {} } }, [{ change: { action: 'grant', entitlement: { target: 'github', kind: 'repository', resource: 'acme/infra', level: 'push' }, subject: { login: 'bob' } }, status: 'applied' }], new Date('2026-11-02T00:00:00Z'));
  t.equal(
    serializeGrants(next.grants),
    '{\n  "formatVersion": 2,\n  "grants": [\n' +
      '    {"target":"github","kind":"repository","resource":"acme/infra","level":"push","login":"bob","grantedAt":"2026-11-02T00:00:00.000Z"},\n' +
      '    {"target":"github","kind":"team","resource":"acme/sre","level":"member","login":"alice","grantedAt":"2026-11-01T00:00:00.000Z"}\n  ]\n}\n',
  );
});
