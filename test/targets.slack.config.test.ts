/** A Slack target and its user groups in the config, the profiles and the identities file, as validate checks them. */
import t, { type Test } from 'tap';
import { main } from '../src/cli.js';
import { loadWorkspace } from '../src/config/load.js';
import { SLACK_DECLARATION } from '../src/targets/slack/declaration.js';
import { groupRef, slackResource } from '../src/targets/slack/kinds.js';
import { captureIo } from './helpers/io.js';
import { IDENTITIES, profile, ROTATION } from './helpers/workspace.js';

const CONFIG = (slack = '{ type: slack, tokenEnv: SLACK_TOKEN }') => `apiVersion: oncall-access/v1
kind: Config
spec:
  sources:
    rotations: { type: rotations }
  targets:
    github: { type: github, org: acme, tokenEnv: GITHUB_TOKEN }
    slack: ${slack}
`;

const group = (fields: string) => profile(
  'a',
  `  mode: auto
  rotations:
    - source: rotations
      rotation: primary
  entitlements:
    - target: slack
${fields}
`,
);

async function validate(t: Test, config: string, profileText: string, identities = IDENTITIES) {
  const dir = t.testdir({ 'oncall-access.yaml': config, 'identities.yaml': identities, profiles: { 'a.yaml': profileText }, rotations: { 'primary.yaml': ROTATION } });
  const c = captureIo(dir);
  const code = await main(['validate'], c.io);
  return { code, out: c.out(), dir };
}

t.test('a slack target with a user group by handle or id validates; the settings are read', async (t) => {
  for (const fields of ['      usergroup: payments-oncall', "      usergroup: '@payments-oncall'", '      usergroup: S0614TZR7\n      membership: additive']) {
    const r = await validate(t, CONFIG(), group(fields));
    t.equal(r.code, 0, r.out);
  }
  const r = await validate(t, CONFIG('{ type: slack, tokenEnv: SLACK_TOKEN, teamId: T0ACME0001, whenEmpty: keep, apiUrl: "http://127.0.0.1:1/api/" }'), group('      usergroup: payments-oncall'));
  t.equal(r.code, 0, r.out);
  const { workspace } = loadWorkspace(`${r.dir}/oncall-access.yaml`, r.dir, new Date('2026-11-30T00:00:00Z'));
  t.match(workspace!.config.targets.get('slack'), { type: 'slack', teamId: 'T0ACME0001', whenEmpty: 'keep', tokenEnv: 'SLACK_TOKEN' });
  t.match(workspace!.profiles[0]!.entitlements[0], { target: 'slack', kind: 'usergroup', resource: '@payments-oncall', written: 'payments-oncall', level: 'member' });
});

t.test('whenEmpty defaults to disable', async (t) => {
  t.same(SLACK_DECLARATION.settings({ type: 'slack' }), { type: 'slack', whenEmpty: 'disable' });
  t.equal(SLACK_DECLARATION.scope({ type: 'slack', name: 's', whenEmpty: 'disable' } as never), 'the Slack workspace');
  t.equal(SLACK_DECLARATION.scope({ type: 'slack', name: 's', whenEmpty: 'disable', teamId: 'T0ACME0001' } as never), 'Slack workspace T0ACME0001');
  t.same(SLACK_DECLARATION.identityMethods(['file', 'saml']), ['file', 'directory'], 'the identities file, then the directory; never SAML');
  t.same(SLACK_DECLARATION.identityMethods(['saml']), ['directory']);
});

t.test('a handle is lower-cased with its @, an id kept; a resource says which it is', async (t) => {
  t.equal(slackResource('Payments-Oncall'), '@payments-oncall');
  t.equal(slackResource('@sre'), '@sre');
  t.equal(slackResource('S0614TZR7'), 'S0614TZR7');
  t.same(groupRef('@sre'), { handle: 'sre' });
  t.same(groupRef('s0614tzr7'), { id: 'S0614TZR7' });
});

t.test('what validate refuses, at the line at fault', async (t) => {
  const cases: [string, string, RegExp][] = [
    [CONFIG(), group('      usergroup: Payments Oncall'), /profiles\/a\.yaml:\d+:\d+: error: .*usergroup.*Slack user group handle/],
    [CONFIG(), group('      team: deployers'), /team is not a field of slack targets/],
    [CONFIG(), group('      usergroup: sre\n      role: maintainer'), /role is not a field of slack targets/],
    [CONFIG(), group('      usergroup: sre\n      membership: additive\n      adopt: remove-drift'), /adopt: remove-drift applies to exclusive user groups/],
    [CONFIG('{ type: slack, whenEmpty: never }'), group('      usergroup: sre'), /whenEmpty: must be one of disable, keep, error/],
    [CONFIG('{ type: slack, teamId: acme }'), group('      usergroup: sre'), /teamId.*a Slack workspace id like T0123ABCD4/],
    [CONFIG('{ type: slack, org: acme }'), group('      usergroup: sre'), /spec\.targets\.slack/],
  ];
  for (const [config, p, message] of cases) {
    const r = await validate(t, config, p);
    t.equal(r.code, 1, r.out);
    t.match(r.out, message);
  }
});

t.test('an identities entry may give a Slack user id; a malformed one is refused', async (t) => {
  const ok = await validate(t, CONFIG(), group('      usergroup: sre'), IDENTITIES.replace('github: alice-acme }', 'github: alice-acme, slack: U0ALICE001 }'));
  t.equal(ok.code, 0, ok.out);
  const bad = await validate(t, CONFIG(), group('      usergroup: sre'), IDENTITIES.replace('github: alice-acme }', 'github: alice-acme, slack: alice }'));
  t.equal(bad.code, 1);
  t.match(bad.out, /a Slack user id like U0123ABCD4/);
});
