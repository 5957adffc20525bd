/**
 * The Okta target through the CLI, against the strict Okta emulator: `validate`, `plan` (people
 * found in Okta's directory, a suspended one never granted, a rule-held member kept with a
 * warning, an adopted group's drift), `apply` then a second `plan` with nothing to do, an
 * APP_GROUP refused at plan time, `explain` and `timeline`; secrets never printed.
 */
import t, { type Test } from 'tap';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OktaEmulator } from '@oncall-access/emulators/okta';
import { main } from '../src/cli.js';
import { captureIo } from './helpers/io.js';
import { OKTA_API_TOKEN, OKTA_CLIENT_ID, OKTA_KEYS, PROD_GROUP_ID, startOktaWorld } from './helpers/okta.js';

const ENV = { OKTA_PRIVATE_KEY: OKTA_KEYS.privatePem, OKTA_API_TOKEN };

async function world(t: Test): Promise<OktaEmulator> {
  const emu = await startOktaWorld();
  t.teardown(() => emu.close());
  return emu;
}

/** Alice is on call this week (the rotation's first member from 2026-11-30 09:00 Berlin); carol, suspended in Okta, is a static member. */
const ROTATION = `apiVersion: oncall-access/v1
kind: Rotation
metadata: { name: primary }
spec:
  timeZone: UTC
  shiftLength: 1w
  firstHandoff: 2026-11-30T07:00
  members: [alice@acme.example, erin@acme.example]
`;

const config = (url: string, auth: string) => `apiVersion: oncall-access/v1
kind: Config
spec:
  sources:
    rotations: { type: rotations }
  targets:
    okta:
      type: okta
      orgUrl: "${url}"
${auth}`;

const APP_AUTH = `      clientId: ${OKTA_CLIENT_ID}
      privateKeyEnv: OKTA_PRIVATE_KEY
      keyId: oncall-key-1
`;

const profile = (group = 'prod-aws-oncall', extra = '') => `apiVersion: oncall-access/v1
kind: AccessProfile
metadata: { name: prod }
spec:
  mode: auto
  rotations:
    - source: rotations
      rotation: primary
  members: [carol@acme.example]
  entitlements:
    - target: okta
      group: ${group}
${extra}`;

function workspace(t: Test, files: { config: string; profile?: string }): string {
  const dir = t.testdir({});
  for (const d of ['profiles', 'rotations', 'state']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'oncall-access.yaml'), files.config);
  writeFileSync(join(dir, 'profiles', 'prod.yaml'), files.profile ?? profile());
  writeFileSync(join(dir, 'rotations', 'primary.yaml'), ROTATION);
  return dir;
}

async function run(dir: string, args: string[], env: NodeJS.ProcessEnv = ENV) {
  const c = captureIo(dir, env);
  const code = await main(args, c.io);
  const out = c.out();
  const err = c.err();
  for (const secret of [OKTA_API_TOKEN, OKTA_KEYS.privatePem.split('\n')[1]!]) if (out.includes(secret) || err.includes(secret)) throw new Error('a secret was printed');
  return { code, out, err };
}

t.test('validate accepts an okta target with a service app, and refuses fields of another type', async (t) => {
  const emu = await world(t);
  const dir = workspace(t, { config: config(emu.url, APP_AUTH) });
  t.equal((await run(dir, ['validate'])).code, 0);
  writeFileSync(join(dir, 'profiles', 'prod.yaml'), profile('prod-aws-oncall', '      role: maintainer\n'));
  const bad = await run(dir, ['validate']);
  t.equal(bad.code, 1);
  t.match(bad.err + bad.out, /role is not a field of okta targets: "okta" is a okta target, whose entitlements take group, membership, adopt/);
  t.equal(emu.requests.length, 0, 'validate asks Okta nothing');
});

t.test('plan, apply, plan again: alice granted; carol (suspended) never; erin kept as adopted drift; sam held by a rule', async (t) => {
  const emu = await world(t);
  const dir = workspace(t, { config: config(emu.url, APP_AUTH) });
  const plan = await run(dir, ['plan']);
  t.equal(plan.code, 0, plan.err);
  t.match(plan.out, /alice@acme\.example/);
  t.match(plan.out + plan.err, /carol@acme\.example: Okta login carol@acme\.example on target "okta" is suspended, so it is never granted/);
  t.match(plan.out + plan.err, /sam@acme\.example is held by rule SRE in prod, which this tool cannot remove/);
  const json = JSON.parse((await run(dir, ['plan', '--format', 'json'])).out);
  t.same(
    json.changes.map((c: { action: string; subject: { login: string }; entitlement: { kind: string; resource: string } }) => [c.action, c.subject.login, c.entitlement.kind, c.entitlement.resource]),
    [['grant', 'alice@acme.example', 'group', 'prod-aws-oncall']],
  );
  t.same(json.adoption?.map((a: { kept: { login: string }[] }) => a.kept.map((k) => k.login)), [['bob@acme.example', 'erin.okta']], 'bob and erin are kept while the group is adopted');
  t.equal(emu.requests.filter((r) => r.method !== 'GET' && r.path !== '/oauth2/v1/token').length, 0, 'plan wrote nothing');
  const apply = await run(dir, ['apply', '--yes']);
  t.equal(apply.code, 0, apply.err);
  t.ok(emu.members(PROD_GROUP_ID).includes('00ualice00000000001'));
  const grants = JSON.parse(readFileSync(join(dir, 'state', 'grants.json'), 'utf8'));
  t.match(grants.grants, [{ target: 'okta', kind: 'group', resource: 'prod-aws-oncall', login: 'alice@acme.example', level: 'member' }]);
  const again = JSON.parse((await run(dir, ['plan', '--format', 'json'])).out);
  t.same(again.changes, [], 'a second plan finds nothing to do');
  const explain = await run(dir, ['explain', 'alice@acme.example']);
  t.equal(explain.code, 0, explain.err);
  t.match(explain.out, /prod-aws-oncall \(group\)/);
  const erin = await run(dir, ['explain', 'erin@acme.example', '--format', 'json']);
  t.same(JSON.parse(erin.out).holdsNow, [{ team: 'prod-aws-oncall (group)', role: 'member', state: 'active' }], 'her Okta login (erin.okta) is found by her email');
  const timeline = await run(dir, ['timeline', '--from', '2026-11-30T06:00:00Z', '--hours', '24', '--format', 'json']);
  t.equal(timeline.code, 0, timeline.err);
  t.match(timeline.out, /"kind": "group"/);
});

t.test('remove-drift: an adopted group loses the members no profile wants, but never a rule-held one', async (t) => {
  const emu = await world(t);
  const dir = workspace(t, { config: config(emu.url, `      tokenEnv: OKTA_API_TOKEN\n`), profile: profile('prod-aws-oncall', '      adopt: remove-drift\n') });
  const apply = await run(dir, ['apply', '--yes']);
  t.equal(apply.code, 0, apply.err);
  t.same(emu.members(PROD_GROUP_ID).sort(), ['00ualice00000000001', '00usre0000000000006'], 'bob and erin removed, alice added, sam kept by the rule');
  t.equal(emu.unexpected.length, 0, 'no DELETE of the rule-held member was tried');
});

t.test('an APP_GROUP is refused at plan time with the reason, and nothing else of the target is frozen', async (t) => {
  const emu = await world(t);
  const dir = workspace(t, { config: config(emu.url, APP_AUTH), profile: profile('AD Admins') });
  const plan = await run(dir, ['plan']);
  t.equal(plan.code, 1);
  t.match(plan.out + plan.err, /Okta group AD Admins is an APP_GROUP: its members come from its source/);
});

t.test('doctor: credentials, the org, the writes it cannot test, each group, the directory', async (t) => {
  const emu = await world(t);
  const dir = workspace(t, { config: config(emu.url, APP_AUTH) });
  const ok = await run(dir, ['doctor']);
  t.match(ok.out, /service app 0oaoncallaccess00001 \(private key in OKTA_PRIVATE_KEY\)/);
  t.match(ok.out, /org http:\/\/127\.0\.0\.1:\d+, its group rules/);
  t.match(ok.out, /permission to change group members \(apply\)/);
  t.match(ok.out, /group prod-aws-oncall/);
  t.match(ok.out, /users of http:\/\/127\.0\.0\.1:\d+ by email/);
  t.match((await run(dir, ['doctor'], { OKTA_PRIVATE_KEY: 'nonsense' })).out, /OKTA_PRIVATE_KEY does not hold a private key/);
  await t.test('with an API token, and an APP_GROUP', async (t) => {
    const appGroup = workspace(t, { config: config(emu.url, `      tokenEnv: OKTA_API_TOKEN\n`), profile: profile('AD Admins') });
    t.match((await run(appGroup, ['doctor'])).out, /is an APP_GROUP/);
    t.match((await run(appGroup, ['doctor'], {})).out, /OKTA_API_TOKEN is not set/);
    emu.acceptUnexpected();
    t.match((await run(appGroup, ['doctor'], { OKTA_API_TOKEN: 'wrong-but-long-enough-token' })).out, /Okta refused the API token in OKTA_API_TOKEN/);
  });
});
