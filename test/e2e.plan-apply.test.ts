import t from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, demoWorkspace, ENV, TOKEN } from './helpers/demo-workspace.js';

const run = (dir: string, args: string[], env: NodeJS.ProcessEnv = ENV) => cli(dir, args, { env });
const plan = (dir: string, ...flags: string[]) => run(dir, ['plan', '--config', 'oncall-access.yaml', ...flags]);
const apply = (dir: string, ...flags: string[]) => run(dir, ['apply', '--config', 'oncall-access.yaml', ...flags]);

t.test('the demo plan: a handoff in progress, drift, a role change and an unmapped person', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const r = await plan(dir, '--format', 'json');
  t.equal(r.code, 0);
  const p = JSON.parse(r.out);
  t.equal(p.formatVersion, 2);
  t.equal(p.at, '2026-11-30T07:50:00.000Z');
  t.same(p.summary, { grant: 4, revoke: 7, update: 1, unchanged: 5 });
  t.same(
    p.changes.map((c: { action: string; subject: { login: string }; entitlement: { resource: string; level: string }; drift?: boolean }) => [c.action, c.subject.login, c.entitlement.resource.split('/').at(-1), c.entitlement.level, c.drift ?? false]).sort(),
    [
      ['update', 'frank-acme', 'infra-maintainers', 'maintainer', false],
      ['revoke', 'erin-acme', 'infra-maintainers', 'maintainer', false],
      ['grant', 'bob-acme', 'payments-deployers', 'member', false],
      ['revoke', 'mallory-acme', 'payments-deployers', 'member', true],
      ['revoke', 'heidi-acme', 'payments-deployers', 'member', true],
      ['revoke', 'erin-acme', 'prod-deployers', 'member', false],
      ['grant', 'judy-acme', 'checkout-deployers', 'member', false],
      ['revoke', 'ken-acme', 'checkout-deployers', 'member', true],
      ['grant', 'leo-acme', 'data-deployers', 'member', false],
      ['revoke', 'mia-acme', 'data-deployers', 'member', false],
      ['grant', 'grace@acme.example', 'prod-aws-oncall', 'member', false],
      ['revoke', 'erin@acme.example', 'prod-aws-oncall', 'member', false],
    ].sort(),
  );
  t.same(p.diagnostics.map((d: { severity: string; code?: string }) => [d.severity, d.code]), [['warning', 'identity']]);
  t.same(emu.unexpected, []);
});

t.test('plan only reads: every request it sends is a GET or a GraphQL query', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  await plan(dir);
  t.ok(emu.requests.length > 0);
  t.same(emu.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/graphql')), []);
  t.same(emu.teamMembers('acme', 'payments-deployers').map((m) => m.login), ['alice-acme', 'carol-acme', 'mallory-acme', 'heidi-acme']);
});

t.test('--detailed-exitcode exits 2 with changes, and --out saves the plan data', async (t) => {
  const { dir } = await demoWorkspace(t);
  const r = await plan(dir, '--detailed-exitcode', '--out', 'plan.json');
  t.equal(r.code, 2);
  const saved = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
  t.equal(saved.summary.grant, 4);
  t.match(r.out, /^Plan for 2026-11-30T07:50:00Z\n/);
});

t.test('apply without --yes on a non-interactive terminal refuses and changes nothing', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const before = emu.requests.length;
  const r = await apply(dir);
  t.equal(r.code, 1);
  t.match(r.err, 'Refusing to apply without --yes on a non-interactive terminal. Nothing was changed.');
  t.same(emu.requests.slice(before).filter((x) => x.method !== 'GET' && x.path !== '/graphql'), []);
});

t.test('apply then plan: the second plan finds nothing to do (idempotency for grant, revoke, update and pending)', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const first = await apply(dir, '--yes');
  t.equal(first.code, 0, first.err);
  t.match(first.out, 'Apply complete: 12 applied, 0 failed, 0 skipped.');
  t.same(emu.teamMembers('acme', 'payments-deployers').map((m) => [m.login, m.role, m.state]), [
    ['alice-acme', 'member', 'active'],
    ['carol-acme', 'member', 'active'],
    ['bob-acme', 'member', 'active'],
  ]);
  t.same(emu.teamMembers('acme', 'infra-maintainers').map((m) => [m.login, m.role]), [['frank-acme', 'maintainer']]);
  t.same(emu.teamMembers('acme', 'infra-contractors').map((m) => m.login), ['zed-acme'], 'child team members are not touched');
  const second = await plan(dir, '--detailed-exitcode');
  t.equal(second.code, 0);
  t.match(second.out, 'No changes. Access matches the profiles (10 unchanged).');
  const third = await apply(dir, '--yes');
  t.equal(third.code, 0);
  t.notMatch(third.out, 'applied:');
  t.same(emu.unexpected, []);
});

t.test('a grant to someone outside the org creates a pending invitation that later runs leave alone', async (t) => {
  const { dir, emu } = await demoWorkspace(t, (d) => {
    const ids = join(d, 'identities.yaml');
    writeFileSync(ids, `${readFileSync(ids, 'utf8')}    - email: grace@acme.example\n      github: grace-new\n`);
  });
  t.equal((await apply(dir, '--yes')).code, 0);
  t.same(emu.invitations('acme').filter((i) => i.teams.length > 0).map((i) => [i.login, i.teams.map((x) => x.slug).sort()]), [['grace-new', ['infra-maintainers', 'prod-deployers']]]);
  const again = await plan(dir, '--detailed-exitcode');
  t.equal(again.code, 0, 'pending is held: no re-invitation');
});

t.test('a guard refuses a plan with too many revocations; --max-revocations allows it once', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const refused = await apply(dir, '--yes', '--max-revocations', '2');
  t.equal(refused.code, 1);
  t.match(refused.out, 'refusing a plan that revokes 7 holdings: guards.maxRevocations allows 2');
  t.match(refused.err, 'Apply refused');
  t.equal(emu.teamMembers('acme', 'payments-deployers').length, 4, 'nothing changed');
  const allowed = await apply(dir, '--yes', '--max-revocations', '7');
  t.equal(allowed.code, 0);
});

t.test('a protected account is never revoked: the plan says so and fails', async (t) => {
  const { dir } = await demoWorkspace(t, (d) => {
    const cfg = join(d, 'oncall-access.yaml');
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('protectedAccounts: [acme-breakglass]', 'protectedAccounts: [acme-breakglass, mallory-acme]'));
  });
  const r = await plan(dir);
  t.equal(r.code, 1);
  t.match(r.out, 'refusing to revoke protected account mallory-acme from acme/payments-deployers');
});

t.test('a rotation that cannot be read freezes its teams: no revocation there, grants elsewhere still apply', async (t) => {
  const { dir, emu } = await demoWorkspace(t, (d) => {
    const p = join(d, 'platform.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('      rotation: platform-follow-the-sun\n', '      rotation: platform-follow-the-sun\n    - source: pagerduty\n      schedule: P1ABCDE\n'));
  });
  const r = await run(dir, ['apply', '--config', 'oncall-access.yaml', '--yes', '--format', 'json']);
  t.equal(r.code, 1, 'a failed read makes the run fail');
  t.same(emu.teamMembers('acme', 'prod-deployers').map((m) => m.login), ['erin-acme', 'frank-acme'], 'erin kept: her team is fed by the unreadable schedule');
  t.same(emu.teamMembers('acme', 'payments-deployers').map((m) => m.login), ['alice-acme', 'carol-acme', 'bob-acme'], 'other teams converge');
  t.match(r.out, 'cannot read pagerduty schedule P1ABCDE');
  t.match(r.out, 'not found');
});

t.test('a team that does not exist on GitHub is an error and gets no change', async (t) => {
  const { dir } = await demoWorkspace(t, (d) => {
    const p = join(d, 'platform.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('team: prod-deployers', 'team: prod-deployerz'));
  });
  const r = await plan(dir, '--format', 'json');
  t.equal(r.code, 1);
  const p = JSON.parse(r.out);
  t.notOk(p.changes.some((c: { entitlement: { resource: string } }) => c.entitlement.resource === 'acme/prod-deployerz'));
  t.match(p.diagnostics.find((d: { code?: string }) => d.code === 'read-failed').message, 'cannot read team acme/prod-deployerz on github: team prod-deployerz does not exist in organisation acme');
});

t.test('a missing token variable is named, and nothing is sent to GitHub', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const r = await run(dir, ['plan', '--config', 'oncall-access.yaml'], {});
  t.equal(r.code, 1);
  t.match(r.out, 'target "github": environment variable GITHUB_TOKEN (its tokenEnv) is not set');
  t.same(emu.requests, []);
});

t.test('a token too short to be real is warned about, and the errors it causes stay readable', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  emulators.pagerduty.acceptUnexpected();
  const r = await run(dir, ['plan', '--config', 'oncall-access.yaml'], { ...ENV, PAGERDUTY_TOKEN: 'e' });
  t.match(r.out, 'source "pagerduty": environment variable PAGERDUTY_TOKEN (its tokenEnv) holds 1 character, too few for a real token: check it. A value this short is not hidden in output (it would hide parts of ordinary words)');
  t.match(r.out, "PagerDuty rejected the token in PAGERDUTY_TOKEN (HTTP 401): it is wrong or was revoked", 'not "Pag[redacted]rDuty r[redacted]j[redacted]ct[redacted]d"');
  t.notMatch(r.out, '[redacted]');
  t.same(new Set(emulators.pagerduty.unexpected.map((u) => u.reason)), new Set(['bad credentials']), 'the short token, refused, is all PagerDuty did not expect');
});

t.test('an invalid workspace stops plan and apply before any request', async (t) => {
  const { dir, emu } = await demoWorkspace(t, (d) => writeFileSync(join(d, 'broken.yaml'), 'apiVersion: oncall-access/v1\nkind: AccessProfile\n'));
  for (const r of [await plan(dir), await apply(dir, '--yes')]) {
    t.equal(r.code, 1);
    t.match(r.err, 'broken.yaml:1:1: error: document: missing required field "metadata"');
  }
  t.same(emu.requests, []);
});

t.test('the token never appears in any output of any command', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  emu.acceptUnexpected();
  const outputs = [];
  for (const args of [['validate'], ['plan'], ['plan', '--format', 'json'], ['plan', '--format', 'markdown'], ['apply', '--yes'], ['plan']]) {
    const r = await run(dir, [...args, '--config', 'oncall-access.yaml']);
    outputs.push(r.out, r.err);
  }
  const bad = await run(dir, ['plan', '--config', 'oncall-access.yaml'], { ...ENV, GITHUB_TOKEN: 'ghp_wrongTOKEN000000000000000000000000000' });
  t.equal(bad.code, 1);
  t.match(bad.out, 'GitHub rejected the token in GITHUB_TOKEN (HTTP 401)');
  outputs.push(bad.out, bad.err);
  for (const o of outputs) {
    t.notMatch(o, TOKEN);
    t.notMatch(o, 'ghp_wrong');
  }
  t.same(new Set(emu.unexpected.map((u) => u.reason)), new Set(['bad credentials']), 'the wrong token, refused, is all GitHub did not expect');
});

t.test('--at must be an ISO instant; counts must be whole numbers', async (t) => {
  const { dir } = await demoWorkspace(t);
  t.equal((await plan(dir, '--at', 'tomorrow')).err, 'oncall-access plan: --at must be an ISO instant with Z or an offset, like 2026-11-30T09:00:00Z; got "tomorrow"\n');
  t.equal((await apply(dir, '--concurrency', '0')).err, 'oncall-access apply: --concurrency must be a whole number of at least 1; got "0"\n');
});

t.test('--at previews another instant through the same code path', async (t) => {
  const { dir } = await demoWorkspace(t);
  const r = await plan(dir, '--at', '2026-11-30T09:00:00Z', '--format', 'json');
  const p = JSON.parse(r.out);
  t.equal(p.at, '2026-11-30T09:00:00.000Z');
  t.ok(p.changes.some((c: { action: string; subject: { login: string } }) => c.action === 'revoke' && c.subject.login === 'alice-acme'), 'after the window, the outgoing on-call is revoked');
});
