import t, { type Test } from 'tap';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { SYMLINK_REFUSED } from '../src/config/yaml-file.js';
import { dataOnOpsgenie } from './helpers/demo-workspace.js';
import { captureIo } from './helpers/io.js';
import { CONFIG, IDENTITIES, profile, ROTATION } from './helpers/workspace.js';

type Tree = Record<string, string | Buffer | Record<string, string>>;

async function validate(t: Test, tree: Tree, ...flags: string[]) {
  const dir = t.testdir(tree);
  const c = captureIo(dir);
  const code = await main(['validate', ...flags], c.io);
  return { code, out: c.out(), err: c.err() };
}

function ws(profiles: Record<string, string>, extra: Tree = {}): Tree {
  return { 'oncall-access.yaml': CONFIG, 'identities.yaml': IDENTITIES, profiles, rotations: { 'primary.yaml': ROTATION }, ...extra };
}

/** The warning at the `type` line of an opsgenie source (the `og` of {@link CONFIG}). */
const opsgenieEnds = (at: string, name: string, ended = 'ends') =>
  `${at}: warning: source "${name}": Opsgenie's API ${ended} on 2027-04-05. Its successor, Jira Service Management Operations, takes this line: type: jsm (with cloudId and emailEnv beside it, and tokenEnv naming an Atlassian API token); profiles keep their schedule: lines. See "Moving from Opsgenie to JSM" in docs/operations.md`;
const OG_ENDS = opsgenieEnds('oncall-access.yaml:7:11', 'og');
/** {@link CONFIG} without its opsgenie source. */
const WITHOUT_OG = CONFIG.replace('    og: { type: opsgenie, tokenEnv: OPSGENIE_KEY }\n', '');

t.test('the bundled example workspace validates cleanly: its data team is on JSM Operations, not Opsgenie', async (t) => {
  const c = captureIo(process.cwd());
  const code = await main(['validate', '--config', 'profiles/oncall-access.yaml'], c.io);
  t.equal(c.out(), 'Valid: 5 profiles, 2 rotations, 11 identities, 0 requests in 8 files.\n');
  t.equal(code, 0);
});

t.test('the example workspace with its data team on Opsgenie validates, with the warning at the opsgenie source\'s type line', async (t) => {
  const dir = t.testdir({});
  cpSync('profiles', dir, { recursive: true });
  dataOnOpsgenie(dir, 'http://127.0.0.1:39172');
  const line = readFileSync(join(dir, 'oncall-access.yaml'), 'utf8').split('\n').indexOf('      type: opsgenie') + 1;
  t.ok(line > 0);
  const c = captureIo(dir);
  const code = await main(['validate'], c.io);
  t.equal(c.out(), `${opsgenieEnds(`oncall-access.yaml:${line}:7`, 'opsgenie')}\nValid: 5 profiles, 2 rotations, 11 identities, 0 requests in 8 files (1 warning).\n`);
  t.equal(code, 0);
});

t.test('a minimal valid workspace validates with its counts', async (t) => {
  const r = await validate(t, ws({ 'a.yaml': profile('a') }));
  t.equal(r.out, `${OG_ENDS}\nValid: 1 profile, 1 rotation, 2 identities, 0 requests in 4 files (1 warning).\n`);
  t.equal(r.code, 0);
  const without = await validate(t, { ...ws({ 'a.yaml': profile('a') }), 'oncall-access.yaml': WITHOUT_OG });
  t.equal(without.out, 'Valid: 1 profile, 1 rotation, 2 identities, 0 requests in 4 files.\n', 'without an opsgenie source: clean');
});

t.test('an opsgenie source is warned about at its type line, showing the jsm line that replaces it; after 2027-04-05 it says the API ended', async (t) => {
  const r = await validate(t, ws({ 'a.yaml': profile('a') }), '--format', 'json');
  t.match(JSON.parse(r.out).diagnostics, [{ severity: 'warning', file: 'oncall-access.yaml', line: 7, col: 11, message: /^source "og": Opsgenie's API ends on 2027-04-05\. .* takes this line: type: jsm / }]);
  const dir = t.testdir(ws({ 'a.yaml': profile('a') }));
  const c = captureIo(dir, {}, new Date('2027-04-05T00:00:00Z'));
  t.equal(await main(['validate'], c.io), 0, 'a warning, not an error');
  t.equal(c.out().split('\n')[0], opsgenieEnds('oncall-access.yaml:7:11', 'og', 'ended'));
  const gh = await validate(t, ws({ 'a.yaml': profile('a') }), '--format', 'github');
  t.match(gh.out, /^::warning file=oncall-access\.yaml,line=7,col=11[^:]*::source "og": Opsgenie's API ends/m, 'an annotation on the line to change');
});

/** [scenario, files under profiles/, exact first line of output]. */
const rules: [string, Record<string, string>, string][] = [
  ['an unknown field is named with a suggestion', { 'a.yaml': profile('a').replace('  mode: auto', '  mode: auto\n  windw: {}') }, 'profiles/a.yaml:7:3: error: spec: unknown field "windw" (did you mean "window"?)'],
  ['a missing required field names its parent', { 'a.yaml': profile('a').replace('  mode: auto\n', '') }, 'profiles/a.yaml:5:1: error: spec: missing required field "mode"'],
  ['a wrong enum value lists the choices', { 'a.yaml': profile('a').replace('mode: auto', 'mode: automatic') }, 'profiles/a.yaml:6:9: error: spec.mode: must be one of auto, requestable; found "automatic"'],
  ['a wrong type says what was found', { 'a.yaml': profile('a').replace('  mode: auto', '  mode: auto\n  members: carol@acme.example') }, 'profiles/a.yaml:7:12: error: spec.members: must be an array, found string "carol@acme.example"'],
  ['a bad duration says what a duration looks like', { 'a.yaml': profile('a').replace('  mode: auto', '  mode: auto\n  window: { before: 15 minutes }') }, 'profiles/a.yaml:7:21: error: spec.window.before: "15 minutes" is not a duration like 90s, 15m, 4h, 1d or 1h30m (at most 10 years)'],
  ['an email address is a plain address', { 'a.yaml': profile('a').replace('  mode: auto', '  mode: auto\n  members: [carol..c@acme.example]') }, 'profiles/a.yaml:7:13: error: spec.members[0]: "carol..c@acme.example" is not an email address like alice@example.com'],
  ['a team slug that escapes a URL path is refused', { 'a.yaml': profile('a').replace('team: deployers', 'team: ../admin') }, 'profiles/a.yaml:12:13: error: spec.entitlements[0].team: "../admin" is not a GitHub team or repository slug (letters, digits, ".", "_", "-")'],
  ['an unknown apiVersion is refused', { 'a.yaml': profile('a').replace('oncall-access/v1', 'oncall-access/v2') }, 'profiles/a.yaml:1:13: error: apiVersion: expected "oncall-access/v1", found "oncall-access/v2"'],
  ['an unknown kind is refused', { 'a.yaml': profile('a').replace('kind: AccessProfile', 'kind: Profile') }, 'profiles/a.yaml:2:7: error: kind: expected AccessProfile here, found "Profile"'],
  ['a document that is not a mapping is refused', { 'a.yaml': '- 1\n- 2\n' }, 'profiles/a.yaml:1:1: error: expected a mapping with apiVersion and kind, found a list'],
  ['profile names are unique across files', { 'a.yaml': profile('a'), 'b.yaml': profile('a') }, 'profiles/b.yaml:4:9: error: profile "a" is declared twice (first at profiles/a.yaml:4)'],
  ['a rotation must name a declared source', { 'a.yaml': profile('a').replace('source: rotations', 'source: victorops') }, 'profiles/a.yaml:8:7: error: profile "a": source "victorops" is not declared in oncall-access.yaml (declared: rotations, pd, og)'],
  ['a binding must fit its source type', { 'a.yaml': profile('a').replace('source: rotations', 'source: pd') }, 'profiles/a.yaml:8:7: error: profile "a": a pagerduty source takes schedule or escalationPolicy, not rotation'],
  ['a built-in rotation must be declared', { 'a.yaml': profile('a').replace('rotation: primary', 'rotation: secondary') }, 'profiles/a.yaml:8:7: error: profile "a": rotation "secondary" is not declared in any Rotation file'],
  ['a binding gives exactly one of schedule, escalationPolicy or rotation', { 'a.yaml': profile('a').replace('rotation: primary', 'rotation: primary\n      schedule: P1') }, 'profiles/a.yaml:8:7: error: spec.rotations[0]: give exactly one of schedule, escalationPolicy or rotation (found schedule and rotation)'],
  ['levels only apply to escalation policies', { 'a.yaml': profile('a').replace('rotation: primary', 'rotation: primary\n      levels: [1]') }, 'profiles/a.yaml:8:7: error: spec.rotations[0]: has "levels" but no "escalationPolicy"'],
  ['an entitlement must name a declared target', { 'a.yaml': profile('a').replace('target: github', 'target: gitlab') }, 'profiles/a.yaml:11:7: error: profile "a": target "gitlab" is not declared in oncall-access.yaml'],
  ['an entitlement may not be listed twice in one profile', { 'a.yaml': profile('a').replace('      team: deployers\n', '      team: deployers\n    - target: github\n      team: deployers\n      role: maintainer\n') }, 'profiles/a.yaml:13:7: error: profile "a": team "deployers" on github is listed twice (first at profiles/a.yaml:11)'],
  ['a requestable profile needs a maximum duration', { 'a.yaml': profile('a').replace('mode: auto', 'mode: requestable') }, 'profiles/a.yaml:4:9: error: profile "a": a requestable profile needs spec.maxRequestDuration (the longest one request may ask for)'],
  ['profiles sharing a team agree on its membership mode', { 'a.yaml': profile('a'), 'b.yaml': profile('b').replace('team: deployers', 'team: deployers\n      membership: additive') }, 'profiles/b.yaml:11:7: error: profile "b": team "deployers" on github is additive here but exclusive in profile "a" (profiles/a.yaml:11); profiles sharing an entitlement must agree'],
  [
    'profiles naming one team in different letter case are one entitlement: they must agree on its membership mode (GitHub names are case-insensitive)',
    { 'a.yaml': profile('a').replace('team: deployers', 'team: Payments-Deployers'), 'b.yaml': profile('b').replace('team: deployers', 'team: payments-deployers\n      membership: additive') },
    'profiles/b.yaml:11:7: error: profile "b": team "payments-deployers" on github is additive here but exclusive in profile "a" (profiles/a.yaml:11); profiles sharing an entitlement must agree',
  ],
  ['one team listed twice in one profile in different letter case is listed twice', { 'a.yaml': profile('a').replace('      team: deployers\n', '      team: deployers\n    - target: github\n      team: DEPLOYERS\n') }, 'profiles/a.yaml:13:7: error: profile "a": team "DEPLOYERS" on github is listed twice (first at profiles/a.yaml:11)'],
  ['a team entitlement takes a role, not a permission', { 'a.yaml': profile('a').replace('team: deployers', 'team: deployers\n      permission: push') }, 'profiles/a.yaml:13:7: error: spec.entitlements[0].permission: permission applies to repositories; teams take a role (member or maintainer)'],
  ['a repository entitlement needs a permission', { 'a.yaml': profile('a').replace('team: deployers', 'repository: infra') }, 'profiles/a.yaml:11:7: error: spec.entitlements[0]: missing required field "permission" (pull, triage, push, maintain or admin)'],
  ['a repository entitlement takes a permission, not a role', { 'a.yaml': profile('a').replace('team: deployers', 'repository: infra\n      role: member') }, 'profiles/a.yaml:13:7: error: spec.entitlements[0].role: role applies to teams; repositories take a permission (pull, triage, push, maintain, admin)'],
  ['repository permissions cannot be exclusive', { 'a.yaml': profile('a').replace('team: deployers', 'repository: infra\n      permission: push\n      membership: exclusive') }, 'profiles/a.yaml:14:7: error: spec.entitlements[0].membership: repository permissions are always additive: the tool only removes what it granted'],
  ['an entitlement names a team or a repository, not both', { 'a.yaml': profile('a').replace('team: deployers', 'team: deployers\n      repository: infra') }, 'profiles/a.yaml:11:7: error: spec.entitlements[0]: give exactly one of team, repository, usergroup or group (found team and repository)'],
  ['duplicate keys are refused', { 'a.yaml': profile('a').replace('  mode: auto', '  mode: auto\n  mode: auto') }, 'profiles/a.yaml:7:3: error: duplicate key: each key may appear once in a mapping'],
  ['__proto__ keys are refused', { 'a.yaml': profile('a').replace('  mode: auto', '  mode: auto\n  __proto__: { polluted: true }') }, 'profiles/a.yaml:7:3: error: key "__proto__" is not allowed'],
];

for (const [scenario, files, expected] of rules) {
  t.test(scenario, async (t) => {
    const r = await validate(t, ws(files));
    t.equal(r.out.split('\n')[0], expected);
    t.equal(r.code, 1);
    t.equal(r.err, '');
  });
}

t.test('an "exactly one of" rule gives one message naming the mapping, and nothing about the fields it did not need', async (t) => {
  const cases: [string, string, string][] = [
    ['two sources', profile('a').replace('rotation: primary', 'rotation: primary\n      schedule: P1'), 'profiles/a.yaml:8:7: error: spec.rotations[0]: give exactly one of schedule, escalationPolicy or rotation (found schedule and rotation)'],
    ['three sources', profile('a').replace('rotation: primary', 'rotation: primary\n      schedule: P1\n      escalationPolicy: P2'), 'profiles/a.yaml:8:7: error: spec.rotations[0]: give exactly one of schedule, escalationPolicy or rotation (found schedule, escalationPolicy and rotation)'],
    ['no source', profile('a').replace('\n      rotation: primary', ''), 'profiles/a.yaml:8:7: error: spec.rotations[0]: give exactly one of schedule, escalationPolicy or rotation'],
    ['neither team nor repository', profile('a').replace('\n      team: deployers', ''), 'profiles/a.yaml:11:7: error: spec.entitlements[0]: give exactly one of team, repository, usergroup or group'],
  ];
  for (const [scenario, text, expected] of cases) {
    const r = await validate(t, ws({ 'a.yaml': text }));
    t.equal(r.out, `${expected}\nInvalid: 1 error.\n`, scenario);
  }
});

t.test('a repository permission validates (repositories are additive entitlements)', async (t) => {
  const r = await validate(t, ws({ 'a.yaml': profile('a').replace('team: deployers', 'repository: infra\n      permission: push') }));
  t.equal(r.out, `${OG_ENDS}\nValid: 1 profile, 1 rotation, 2 identities, 0 requests in 4 files (1 warning).\n`);
  t.equal(r.code, 0);
});

t.test('counts of one are singular: 1 profile, 1 identity, 1 warning', async (t) => {
  const ids = 'apiVersion: oncall-access/v1\nkind: Identities\nspec:\n  identities:\n    - { email: carol@acme.example, github: carol-acme }\n';
  // Coverage off: alice and bob, on call in turn, have no login here, which is a warning of its own.
  const config = `${WITHOUT_OG}  coverage: { gaps: off }\n`;
  const r = await validate(t, ws({ 'a.yaml': profile('a').replace('mode: auto', 'mode: auto\n  maxRequestDuration: 1h') }, { 'identities.yaml': ids, 'oncall-access.yaml': config }));
  t.equal(r.out.split('\n').at(-2), 'Valid: 1 profile, 1 rotation, 1 identity, 0 requests in 4 files (1 warning).');
  t.equal(r.code, 0);
});

t.test('every problem is reported, not just the first', async (t) => {
  const r = await validate(t, ws({ 'a.yaml': profile('a').replace('mode: auto', 'mode: sometimes').replace('team: deployers', 'team: a/b'), 'b.yaml': 'kind: [' }));
  t.equal(r.out.trim().split('\n').length, 4);
  t.match(r.out, /Invalid: 3 errors\.\n$/);
});

t.test('a rotation with a bad time zone and an override that ends before it starts', async (t) => {
  const rotation = ROTATION.replace('Europe/Berlin', 'Mars/Olympus') + '  overrides:\n    - { member: carol@acme.example, from: 2026-11-03T09:00, to: 2026-11-02T09:00 }\n';
  let r = await validate(t, { ...ws({ 'a.yaml': profile('a') }), rotations: { 'primary.yaml': rotation } });
  t.equal(r.out.split('\n')[0], 'rotations/primary.yaml:5:13: error: spec.timeZone: "Mars/Olympus" is not an IANA time zone like Europe/Berlin or UTC');
  r = await validate(t, { ...ws({ 'a.yaml': profile('a') }), rotations: { 'primary.yaml': ROTATION + '  overrides:\n    - { member: carol@acme.example, from: 2026-11-03T09:00, to: 2026-11-02T09:00 }\n' } });
  t.equal(r.out.split('\n')[0], 'rotations/primary.yaml:10:65: error: spec.overrides[0]: "to" must be after "from"');
  t.equal(r.code, 1);
});

t.test('a pager source must name the variable holding its key, with the right article', async (t) => {
  const r = await validate(t, { ...ws({ 'a.yaml': profile('a') }), 'oncall-access.yaml': CONFIG.replace('og: { type: opsgenie, tokenEnv: OPSGENIE_KEY }', 'og: { type: opsgenie }').replace('pd: { type: pagerduty, tokenEnv: PAGERDUTY_TOKEN }', 'pd: { type: pagerduty }') });
  t.same(r.out.split('\n').slice(0, 2), [
    'oncall-access.yaml:6:5: error: source "pd": a pagerduty source needs tokenEnv, the environment variable holding its read-only API key',
    'oncall-access.yaml:7:5: error: source "og": an opsgenie source needs tokenEnv, the environment variable holding its read-only API key',
  ]);
});

t.test('rotation names are unique', async (t) => {
  const r = await validate(t, { ...ws({ 'a.yaml': profile('a') }), rotations: { 'a.yaml': ROTATION, 'b.yaml': ROTATION } });
  t.equal(r.out.split('\n')[0], 'rotations/b.yaml:3:19: error: rotation "primary" is declared twice (first at rotations/a.yaml:3)');
});

t.test('an email mapped to two logins is an error naming both', async (t) => {
  const ids = 'apiVersion: oncall-access/v1\nkind: Identities\nspec:\n  identities:\n    - { email: a@acme.example, github: one }\n    - { email: A@acme.example, github: two }\n    - { email: b@acme.example, github: b }\n    - { email: b@acme.example, github: b }\n';
  const r = await validate(t, ws({ 'a.yaml': profile('a') }, { 'identities.yaml': ids }));
  t.equal(r.out, [
    'identities.yaml:6:7: error: A@acme.example is mapped to two GitHub logins: one (identities.yaml:5) and two',
    'identities.yaml:8:7: warning: b@acme.example is listed twice (first at identities.yaml:7)',
    'Invalid: 1 error, 1 warning.',
    '',
  ].join('\n'));
});

t.test('requests: unknown or auto profile, bad durations, future dates, duplicates and unresolvable subjects are each an error naming the file', async (t) => {
  const req = (p: string, subject = 'alice-gh', duration = '2h', at = '2026-11-30T07:00:00Z') =>
    `apiVersion: oncall-access/v1\nkind: AccessRequest\nspec:\n  profile: ${p}\n  subject: ${subject}\n  reason: INC-1\n  duration: ${duration}\n  requestedAt: ${at}\n`;
  const reqProfile = profile('r').replace('mode: auto', 'mode: requestable\n  maxRequestDuration: 4h');
  const r = await validate(t, ws({ 'a.yaml': profile('a'), 'r.yaml': reqProfile }, {
    requests: {
      '1.yaml': req('nope'),
      '2.yaml': req('a'),
      '3.yaml': req('r', 'nobody@acme.example'),
      '4.yaml': req('r', 'alice-gh', '5h'),
      '5.yaml': req('r', 'alice-gh', '0s', '2026-11-30T06:00:00Z'),
      '6.yaml': req('r', 'alice-gh', '1h', '2026-12-30T07:00:00Z'),
      '7.yaml': req('r', 'bob-gh'),
      '8.yaml': req('r', 'bob-gh'),
      '9.yaml': req('r', 'carol-gh'),
    },
  }));
  t.equal(r.out, [
    'requests/1.yaml:4:12: error: request for unknown profile "nope"',
    'requests/2.yaml:4:12: error: profile "a" is not requestable (mode: auto)',
    'requests/3.yaml:4:12: error: nobody can resolve nobody@acme.example to a GitHub login: add them to the identities file',
    'requests/4.yaml:4:12: error: request duration 5h is longer than profile "r" allows (4h)',
    'requests/5.yaml:4:12: error: request duration must be more than 0',
    'requests/6.yaml:4:12: error: request is dated in the future (2026-12-30T07:00:00.000Z)',
    'requests/8.yaml:4:12: error: the same request is filed twice (first at requests/7.yaml:4)',
    'Invalid: 7 errors.',
    '',
  ].join('\n'));
});

t.test('warnings do not fail validation', async (t) => {
  const r = await validate(t, ws({ 'a.yaml': profile('a').replace('mode: auto', 'mode: auto\n  maxRequestDuration: 1h'), 'b.yaml': profile('b', '  mode: auto\n  entitlements:\n    - { target: github, team: x }\n') }));
  t.equal(r.out, [
    OG_ENDS,
    'profiles/a.yaml:4:9: warning: profile "a": maxRequestDuration is ignored for mode auto',
    'profiles/b.yaml:4:9: warning: profile "b" binds no rotation and no members: it entitles nobody',
    'Valid: 2 profiles, 1 rotation, 2 identities, 0 requests in 5 files (3 warnings).',
    '',
  ].join('\n'));
  t.equal(r.code, 0);
});

t.test('a config file that does not exist', async (t) => {
  const r = await validate(t, {}, '--config', 'nope.yaml');
  t.equal(r.out, 'nope.yaml: error: does not exist\nInvalid: 1 error.\n');
  t.equal(r.code, 1);
});

t.test('a profiles directory that does not exist is named at the config', async (t) => {
  const r = await validate(t, { 'oncall-access.yaml': CONFIG, 'identities.yaml': IDENTITIES });
  t.equal(r.out.split('\n')[0], 'oncall-access.yaml:1:1: error: directory profiles does not exist');
  const r2 = await validate(t, { 'oncall-access.yaml': CONFIG + '  paths: { profiles: access }\n', 'identities.yaml': IDENTITIES });
  t.equal(r2.out.split('\n')[0], 'oncall-access.yaml:10:22: error: directory access does not exist');
});

t.test('a config with two Config documents, or a profile where the config should be', async (t) => {
  let r = await validate(t, { 'oncall-access.yaml': `${CONFIG}---\n${CONFIG}`, profiles: {} });
  t.equal(r.out.split('\n')[0], 'oncall-access.yaml:11:1: error: expected exactly one Config document');
  r = await validate(t, { 'oncall-access.yaml': profile('a'), profiles: {} });
  t.equal(r.out.split('\n')[0], 'oncall-access.yaml:2:7: error: kind: expected Config here, found "AccessProfile"');
});

t.test('paths may not leave the config directory, and config maps are checked by name', async (t) => {
  const r = await validate(t, { 'oncall-access.yaml': CONFIG.replace('  targets:', '    Bad_Name: { type: rotations }\n  targets:') + '  paths: { profiles: ../etc }\n', profiles: {} });
  t.equal(r.out, [
    'oncall-access.yaml:8:5: error: spec.sources: "Bad_Name" is not a name of lowercase letters, digits and dashes (at most 63), like payments-oncall',
    'oncall-access.yaml:11:22: error: spec.paths.profiles: "../etc" is not a path relative to the config file, not leaving its directory',
    'Invalid: 2 errors.',
    '',
  ].join('\n'));
});

t.test('a symlink loop in the profiles directory is reported', async (t) => {
  const dir = t.testdir(ws({ 'a.yaml': profile('a') }));
  const { symlinkSync } = await import('node:fs');
  symlinkSync(join(dir, 'profiles', 'loop.yaml'), join(dir, 'profiles', 'loop.yaml'));
  const c = captureIo(dir);
  t.equal(await main(['validate'], c.io), 1);
  t.equal(c.out().split('\n')[0], `profiles/loop.yaml:1:1: error: ${SYMLINK_REFUSED}`);
});

t.test('--format json gives the same diagnostics as data', async (t) => {
  const r = await validate(t, ws({ 'a.yaml': profile('a').replace('mode: auto', 'mode: x') }), '--format', 'json');
  const data = JSON.parse(r.out);
  t.same(data, { valid: false, errors: 1, warnings: 0, diagnostics: [{ severity: 'error', message: 'spec.mode: must be one of auto, requestable; found "x"', file: 'profiles/a.yaml', line: 6, col: 9 }] });
});

t.test('--format github prints annotations for the pull request diff', async (t) => {
  const r = await validate(t, ws({ 'a.yaml': profile('a').replace('mode: auto', 'mode: x') }), '--format', 'github');
  t.equal(r.out, '::error file=profiles/a.yaml,line=6,col=9,title=oncall-access::spec.mode: must be one of auto, requestable; found "x"\n');
});

t.test('a file that is not UTF-8 is refused with its line', async (t) => {
  const r = await validate(t, ws({ 'a.yaml': Buffer.from('kind: x\nname: caf\xe9\n', 'latin1') as unknown as string }));
  t.equal(r.out.split('\n')[0], 'profiles/a.yaml:2:10: error: file is not valid UTF-8 text');
});
