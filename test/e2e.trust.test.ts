import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AT } from '@oncall-access/emulators/demo-world';
import { startPagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { cli, demoWorkspace, editFile, ENV, TOKEN } from './helpers/demo-workspace.js';

const C = ['--config', 'oncall-access.yaml'];
const later = (minutes: number) => new Date(Date.parse(DEMO_AT) + minutes * 60_000);

t.test('a saved plan applies: plan --out, then apply plan.json', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  t.equal((await cli(dir, ['plan', ...C, '--out', 'plan.json'])).code, 0);
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes'], { now: later(5) });
  t.equal(r.code, 0, r.err);
  t.match(r.out, 'Apply complete: 12 applied, 0 failed, 0 skipped.');
  t.same(emu.teamMembers('acme', 'payments-deployers').map((m) => m.login), ['alice-acme', 'carol-acme', 'bob-acme']);
});

t.test('a saved plan older than --max-plan-age is refused and changes nothing', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  await cli(dir, ['plan', ...C, '--out', 'plan.json']);
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes'], { now: later(61) });
  t.equal(r.code, 1);
  t.equal(r.err, 'oncall-access apply: refusing plan plan.json: it was made 61 min ago, more than --max-plan-age 1h allows; run plan again\n');
  t.equal(emu.teamMembers('acme', 'payments-deployers').length, 4);
  t.equal((await cli(dir, ['apply', 'plan.json', ...C, '--yes', '--max-plan-age', '2h'], { now: later(61) })).code, 0);
});

t.test('a saved plan made from other config files is refused', async (t) => {
  const { dir } = await demoWorkspace(t);
  await cli(dir, ['plan', ...C, '--out', 'plan.json']);
  editFile(dir, 'payments.yaml', 'before: 15m', 'before: 20m');
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes']);
  t.equal(r.code, 1);
  t.match(r.err, /refusing plan plan.json: it was made from other config files than these \(hash [0-9a-f]{12}, now [0-9a-f]{12}\); run plan again/);
});

t.test('a file that is not a plan is refused with a clear message', async (t) => {
  const { dir } = await demoWorkspace(t);
  t.equal((await cli(dir, ['apply', 'nope.json', ...C, '--yes'])).err, 'oncall-access apply: cannot read plan nope.json: ENOENT\n');
  t.equal((await cli(dir, ['apply', 'identities.yaml', ...C, '--yes'])).err, 'oncall-access apply: cannot read plan identities.yaml: not valid JSON\n');
  t.equal((await cli(dir, ['apply', 'oncall-access.yaml', 'x', ...C])).err, 'oncall-access apply: apply takes at most one plan file\n');
});

t.test('changes whose world moved on between plan and apply are skipped and reported, never forced', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  await cli(dir, ['plan', ...C, '--out', 'plan.json']);
  // Someone acts by hand in between: bob is added as maintainer, mallory removed, frank made maintainer.
  const gh = (path: string, method: string, body?: object) => fetch(`${emu.url}${path}`, { method, headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
  await gh('/orgs/acme/teams/payments-deployers/memberships/bob-acme', 'PUT', { role: 'maintainer' });
  await gh('/orgs/acme/teams/payments-deployers/memberships/mallory-acme', 'DELETE');
  await gh('/orgs/acme/teams/infra-maintainers/memberships/frank-acme', 'PUT', { role: 'maintainer' });
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes']);
  t.equal(r.code, 0);
  t.match(r.out, 'skipped: grant bob-acme on acme/payments-deployers as member: bob-acme already holds it (maintainer)');
  t.match(r.out, 'skipped: revoke mallory-acme from acme/payments-deployers: mallory-acme no longer holds it');
  t.match(r.out, 'skipped: update frank-acme on acme/infra-maintainers as maintainer: frank-acme now holds it as maintainer, not member');
  t.match(r.out, 'Apply complete: 9 applied, 0 failed, 3 skipped.');
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  t.same(audit.map((e) => e.outcome).sort(), [...Array(9).fill('applied'), 'skipped', 'skipped', 'skipped']);
});

t.test('the audit log records every executed change with who, what, why, when and which config; nothing secret', async (t) => {
  const { dir } = await demoWorkspace(t);
  await cli(dir, ['apply', ...C, '--yes'], { env: { ...ENV, GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: '42', GITHUB_ACTOR: 'octocat', GITHUB_SHA: 'abc123', GITHUB_REPOSITORY: 'acme/access', GITHUB_EVENT_NAME: 'schedule', GITHUB_WORKFLOW: 'apply', GITHUB_RUN_ATTEMPT: '1' } });
  const text = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8');
  t.notMatch(text, TOKEN);
  const events = text.trim().split('\n').map((l) => JSON.parse(l));
  t.equal(events.length, 12);
  const bob = events.find((e) => e.login === 'bob-acme');
  t.same(bob, {
    formatVersion: 2,
    time: DEMO_AT.replace('Z', '.000Z'),
    action: 'grant',
    outcome: 'applied',
    target: 'github',
    kind: 'team',
    resource: 'acme/payments-deployers',
    level: 'member',
    login: 'bob-acme',
    email: 'bob@acme.example',
    reasons: ['on call in rotation payments-primary (2026-11-30 08:00Z – 2026-12-07 08:00Z), profile payments-oncall'],
    profiles: ['payments-oncall'],
    until: '2026-12-07T08:30:00.000Z',
    planAt: '2026-11-30T07:50:00.000Z',
    configHash: bob.configHash,
    commit: 'abc123',
    run: { id: '42', attempt: '1', actor: 'octocat', workflow: 'apply', repository: 'acme/access', event: 'schedule' },
  });
});

t.test('the grant ledger is sorted, one grant per line, and records what apply granted', async (t) => {
  const { dir } = await demoWorkspace(t);
  await cli(dir, ['apply', ...C, '--yes']);
  t.equal(
    readFileSync(join(dir, 'state', 'grants.json'), 'utf8'),
    [
      '{',
      '  "formatVersion": 2,',
      '  "grants": [',
      '    {"target":"github","kind":"team","resource":"acme/checkout-deployers","level":"member","login":"judy-acme","grantedAt":"2026-11-30T07:50:00.000Z"},',
      '    {"target":"github","kind":"team","resource":"acme/data-deployers","level":"member","login":"leo-acme","grantedAt":"2026-11-30T07:50:00.000Z"},',
      '    {"target":"github","kind":"team","resource":"acme/payments-deployers","level":"member","login":"bob-acme","grantedAt":"2026-11-30T07:50:00.000Z"},',
      '    {"target":"okta","kind":"group","resource":"prod-aws-oncall","level":"member","login":"grace@acme.example","grantedAt":"2026-11-30T07:50:00.000Z"}',
      '  ]',
      '}',
      '',
    ].join('\n'),
  );
  t.match(readFileSync(join(dir, 'state', 'rotations.json'), 'utf8'), '{"key":"rotations/rotation/payments-primary","onCall":1}');
});

t.test('an additive team: the tool revokes only what it granted, never what someone else granted', async (t) => {
  const { dir, emu } = await demoWorkspace(t, (d) => editFile(d, 'payments.yaml', '      role: member\n', '      role: member\n      membership: additive\n'));
  const first = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(first.code, 0, first.err);
  t.notMatch(first.out, 'mallory-acme', 'mallory was added by someone else: left alone');
  t.same(emu.teamMembers('acme', 'payments-deployers').map((m) => m.login), ['alice-acme', 'carol-acme', 'mallory-acme', 'bob-acme', 'heidi-acme']);
  // A week later bob's shift is over: he is revoked because the ledger says the tool granted him.
  const next = await cli(dir, ['apply', ...C, '--yes', '--at', '2026-12-07T09:00:00Z'], { now: new Date('2026-12-07T09:00:00Z') });
  t.match(next.out, 'applied: revoke bob-acme from acme/payments-deployers');
  t.notMatch(next.out, 'revoke alice-acme', 'alice held it before the tool managed it: not ours to revoke');
  t.equal(readFileSync(join(dir, 'state', 'grants.json'), 'utf8').includes('bob-acme'), false, 'the revocation left the ledger');
});

t.test('an additive grant removed by hand is dropped from the ledger, and granted again while still wanted', async (t) => {
  const { dir, emu } = await demoWorkspace(t, (d) => editFile(d, 'payments.yaml', '      role: member\n', '      role: member\n      membership: additive\n'));
  await cli(dir, ['apply', ...C, '--yes']);
  await fetch(`${emu.url}/orgs/acme/teams/payments-deployers/memberships/bob-acme`, { method: 'DELETE', headers: { authorization: `token ${TOKEN}` } });
  const r = await cli(dir, ['apply', ...C, '--yes']);
  t.match(r.out, 'applied: grant bob-acme on acme/payments-deployers as member');
  t.ok(readFileSync(join(dir, 'state', 'grants.json'), 'utf8').includes('bob-acme'));
  t.equal((await cli(dir, ['plan', ...C, '--detailed-exitcode'])).code, 0, 'converged');
});

t.test('a guard on the share of a team revoked refuses with the numbers; the flag allows it once', async (t) => {
  const { dir } = await demoWorkspace(t, (d) => editFile(d, 'oncall-access.yaml', 'maxRevocations: 10', 'maxRevocations: 10\n    maxRevocationShare: 0.4'));
  const r = await cli(dir, ['plan', ...C]);
  t.equal(r.code, 1);
  t.match(r.out, 'refusing to revoke 1 of 2 holders of acme/prod-deployers: guards.maxRevocationShare allows 40%. Check the plan, then re-run with --max-revocation-share 0.5 to allow it once');
  t.match(r.out, 'refusing to revoke 2 of 4 holders of acme/payments-deployers: guards.maxRevocationShare allows 40%');
  t.equal((await cli(dir, ['plan', ...C, '--max-revocation-share', '1'])).code, 0);
  t.equal((await cli(dir, ['plan', ...C, '--max-revocation-share', '2'])).err, 'oncall-access plan: --max-revocation-share must be a number from 0 to 1; got "2"\n');
});

t.test('a rotation that had people at the last apply and has nobody now refuses its revocations', async (t) => {
  const pd = await startPagerDutyEmulator({
    token: 'pd-token',
    strict: true,
    users: [{ id: 'PFRANK', name: 'Frank', email: 'frank@acme.example' }],
    schedules: [{ id: 'PSUN', name: 'Platform', entries: [{ userId: 'PFRANK', start: '2026-11-30T07:00:00Z', end: '2026-11-30T09:00:00Z' }] }],
    escalationPolicies: [{ id: 'PEPLAT', name: 'Platform', levels: [[{ schedule: 'PSUN' }]] }],
  });
  t.teardown(() => pd.close());
  const { dir } = await demoWorkspace(t, (d) => {
    editFile(d, 'oncall-access.yaml', '    rotations:\n      type: rotations\n', `    rotations:\n      type: rotations\n    pd-platform:\n      type: pagerduty\n      tokenEnv: PD_PLATFORM_TOKEN\n      apiUrl: ${pd.url}\n`);
    editFile(d, 'platform.yaml', '    - source: rotations\n      rotation: platform-follow-the-sun\n', '    - source: pd-platform\n      schedule: PSUN\n');
  });
  const env = { ...ENV, PD_PLATFORM_TOKEN: 'pd-token' };
  t.equal((await cli(dir, ['apply', ...C, '--yes'], { env })).code, 0);
  // Three hours later the schedule has a gap: nobody is on call, which looks like a broken schedule.
  const at = ['--at', '2026-11-30T10:50:00Z'];
  const r = await cli(dir, ['plan', ...C, ...at], { env, now: later(180) });
  t.equal(r.code, 1);
  t.match(r.out, 'refusing 3 revocation(s) fed by pd-platform schedule PSUN: it had 1 on call at the last apply and has nobody now, which looks like a broken schedule');
  t.equal((await cli(dir, ['plan', ...C, ...at, '--allow-empty-rotations'], { env, now: later(180) })).code, 0);
  editFile(dir, 'platform.yaml', '  mode: auto\n', '  mode: auto\n  allowEmptyRotations: true\n');
  t.equal((await cli(dir, ['plan', ...C, ...at], { env, now: later(180) })).code, 0, 'the profile may allow it');
  t.same(pd.unexpected, []);
});

t.test('explain: what a person should hold and why, what they hold, the differences', async (t) => {
  const { dir } = await demoWorkspace(t);
  const r = await cli(dir, ['explain', 'bob@acme.example', ...C]);
  t.equal(r.code, 0);
  t.equal(
    r.out,
    [
      'bob-acme (bob@acme.example) at 2026-11-30T07:50:00.000Z',
      'Okta login on target "okta": bob@acme.example',
      '',
      'Should hold:',
      '  acme/payments-deployers as member until 2026-12-07T08:30:00.000Z — on call in rotation payments-primary (2026-11-30 08:00Z – 2026-12-07 08:00Z), profile payments-oncall',
      '',
      'Holds now:',
      '  none of the managed teams',
      '',
      'Differences:',
      '  + acme/payments-deployers as member — on call in rotation payments-primary (2026-11-30 08:00Z – 2026-12-07 08:00Z), profile payments-oncall',
      '',
    ].join('\n'),
  );
  const mallory = await cli(dir, ['explain', 'mallory-acme', ...C, '--format', 'json']);
  const data = JSON.parse(mallory.out);
  t.same(data.shouldHold, []);
  t.same(data.holdsNow, [{ team: 'acme/payments-deployers', role: 'member', state: 'active' }]);
  t.equal(data.changes[0].action, 'revoke');
  const grace = await cli(dir, ['explain', 'grace@acme.example', ...C]);
  t.match(grace.out, '(no GitHub login known) (grace@acme.example)');
  t.match(grace.out, 'grace@acme.example is entitled by profile platform-oncall but has no GitHub login');
});

t.test('explain --at in the past answers from the audit log who had what and why then', async (t) => {
  const { dir } = await demoWorkspace(t);
  await cli(dir, ['apply', ...C, '--yes']);
  await cli(dir, ['apply', ...C, '--yes', '--at', '2026-12-07T09:00:00Z'], { now: new Date('2026-12-07T09:00:00Z') });
  const r = await cli(dir, ['explain', 'bob-acme', ...C, '--at', '2026-12-01T00:00:00Z', '--format', 'json'], { now: new Date('2026-12-08T00:00:00Z') });
  const data = JSON.parse(r.out);
  t.same(data.heldThen, [{ team: 'acme/payments-deployers', role: 'member', reasons: ['on call in rotation payments-primary (2026-11-30 08:00Z – 2026-12-07 08:00Z), profile payments-oncall'], since: '2026-11-30T07:50:00.000Z' }]);
  const after = await cli(dir, ['explain', 'bob-acme', ...C, '--at', '2026-12-07T10:00:00Z'], { now: new Date('2026-12-08T00:00:00Z') });
  t.match(after.out, 'Held at 2026-12-07T10:00:00.000Z (from the audit log):\n  nothing granted by oncall-access');
  t.equal((await cli(dir, ['explain', ...C])).err, 'oncall-access explain: explain takes one SUBJECT: an email or a GitHub login\n');
});

t.test('plan never writes state; apply with nothing to do still records the on-call counts', async (t) => {
  const { dir } = await demoWorkspace(t);
  const before = readdirSync(join(dir, 'state')).map((f) => [f, readFileSync(join(dir, 'state', f), 'utf8')]);
  await cli(dir, ['plan', ...C]);
  t.same(readdirSync(join(dir, 'state')).map((f) => [f, readFileSync(join(dir, 'state', f), 'utf8')]), before, 'plan wrote nothing');
});
