/**
 * Sharding a very large organisation: selecting profiles by glob, refusing a selection that
 * splits an entitlement, and refusing shards that overlap.
 */
import t from 'tap';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadWorkspace } from '../src/config/load.js';
import { IDENTITIES } from './helpers/workspace.js';
import { entitlementKey } from '../src/core/entitlement.js';
import { checkShards, describeEntitlement, globProblem, globToRegExp, matchesShard, selectShard, shardOverlaps, shardProfile, type ShardProfile } from '../src/config/shard.js';

const team = (slug: string, target = 'github') => ({ target, kind: 'team', resource: `acme/${slug}`, written: slug, level: 'member', membership: 'exclusive' as const, pos: { file: 'x', line: 1, col: 1 } });
const p = (name: string, teams: string[], file = `profiles/${name}.yaml`): ShardProfile => ({ name, file, entitlements: teams.map((s) => team(s)) });

const profiles = [
  p('payments-oncall', ['payments-deployers']),
  p('payments-secondary', ['payments-deployers', 'payments-readers']),
  p('platform-oncall', ['platform-admins'], 'profiles/platform/oncall.yaml'),
  p('platform-eu', ['platform-eu'], 'profiles/platform/eu.yaml'),
  p('search-oncall', ['search']),
];

t.test('globs: * ? ** [] {} and ! as documented', async (t) => {
  const cases: [string, string, boolean][] = [
    ['payments-*', 'payments-oncall', true],
    ['payments-*', 'platform-oncall', false],
    ['*-oncall', 'search-oncall', true],
    ['p?yments-oncall', 'payments-oncall', true],
    ['p[la]*', 'platform-eu', true],
    ['p[!a]*', 'payments-oncall', false],
    ['[s-z]*', 'search-oncall', true],
    ['{payments,search}-oncall', 'search-oncall', true],
    ['{payments,search}-oncall', 'platform-oncall', false],
    ['profiles/platform/*.yaml', 'profiles/platform/eu.yaml', true],
    ['profiles/*.yaml', 'profiles/platform/eu.yaml', false],
    ['profiles/**/*.yaml', 'profiles/platform/eu.yaml', true],
    ['profiles/**/*.yaml', 'profiles/eu.yaml', true],
    ['**', 'a/b/c', true],
    ['a.b', 'aXb', false],
    ['a+b(c)', 'a+b(c)', true],
    ['a]b', 'a]b', true],
    ['x[\\]y', 'x\\y', true],
  ];
  for (const [glob, text, want] of cases) t.equal(globToRegExp(glob).test(text), want, `${glob} ~ ${text}`);
  t.equal(globProblem('ok-*'), undefined);
  t.equal(globProblem(''), 'an empty glob matches nothing');
  t.equal(globProblem('!'), 'an empty glob matches nothing');
  t.equal(globProblem('a'.repeat(201)), 'a glob is at most 200 characters');
  t.equal(globProblem('a[bc'), 'a "[" is not closed');
  t.equal(globProblem('a[]'), 'a character class "[]" is empty');
  t.equal(globProblem('a[!]'), 'a character class "[]" is empty');
  t.equal(globProblem('{a,{b,c}}'), 'alternatives ({a,b}) cannot nest');
  t.equal(globProblem('a}'), 'a "}" closes no "{"');
  t.equal(globProblem('{a,b'), 'a "{" is not closed');
  t.throws(() => globToRegExp('{a'), /glob "\{a": a "\{" is not closed/);
});

t.test('a profile is selected by name, or by file when the glob looks like a path; ! excludes', async (t) => {
  const names = (globs: string[]) => profiles.filter((x) => matchesShard(x, globs)).map((x) => x.name);
  t.same(names(['payments-*']), ['payments-oncall', 'payments-secondary']);
  t.same(names(['profiles/platform/**']), ['platform-oncall', 'platform-eu']);
  t.same(names(['platform-*', '!platform-eu']), ['platform-oncall']);
  t.same(names(['!payments-*']), ['platform-oncall', 'platform-eu', 'search-oncall'], 'only exclusions: everything else');
  t.same(names(['*.yml']), [], 'file globs match files');
  t.ok(matchesShard({ name: 'x', file: 'profiles\\win\\x.yaml' }, ['profiles/win/*.yaml']), 'Windows separators match /');
});

t.test('selectShard refuses a selection that splits an entitlement between selected and left-out profiles', async (t) => {
  const ok = selectShard(profiles, ['payments-*']);
  t.same(ok.profiles.map((x) => x.name), ['payments-oncall', 'payments-secondary']);
  t.same(ok.diagnostics, []);
  const split = selectShard(profiles, ['payments-oncall']);
  t.same(split.profiles, [], 'nothing runs');
  t.equal(split.diagnostics.length, 1);
  t.match(split.diagnostics[0], { severity: 'error', message: /splits team payments-deployers on github: it is managed by "payments-oncall" \(selected\) and "payments-secondary" \(not selected\)/ });
  t.match(selectShard(profiles, ['nothing-*']).diagnostics, [{ severity: 'error', message: '--profiles "nothing-*" selects no profile' }]);
  t.match(selectShard(profiles, ['a[', 'b{']).diagnostics, [{ message: '--profiles "a[": a "[" is not closed' }, { message: '--profiles "b{": a "{" is not closed' }]);
});

t.test('shardOverlaps names every entitlement two sets of profiles both manage', async (t) => {
  t.same(shardOverlaps(profiles.slice(0, 1), profiles.slice(1)), [{ entitlement: 'github/team/acme/payments-deployers', shown: 'team payments-deployers on github', a: ['payments-oncall'], b: ['payments-secondary'] }]);
  t.same(shardOverlaps(profiles.slice(0, 2), profiles.slice(2)), []);
  t.same(shardOverlaps([p('a', ['X'])], [p('b', ['x']), p('c', ['x'])]), [{ entitlement: 'github/team/acme/x', shown: 'team x on github', a: ['a'], b: ['b', 'c'] }], 'GitHub slugs are case-insensitive');
  t.same(shardOverlaps([p('a', ['x'])], [{ name: 'b', file: 'b', entitlements: [team('x', 'ghes')] }]), [], 'another target is another entitlement');
  const repo = { target: 'github', kind: 'repository', resource: 'acme/infra', written: 'infra', level: 'push', membership: 'additive' as const, pos: { file: 'x', line: 1, col: 1 } };
  t.equal(entitlementKey(repo), 'github/repository/acme/infra');
  t.equal(describeEntitlement(repo), 'repository infra on github');
  t.equal(describeEntitlement(team('ops')), 'team ops on github');
});

t.test('checkShards: overlapping shards are errors; a profile in no shard, or an empty shard, a warning', async (t) => {
  t.same(
    checkShards(profiles, [
      { name: 'payments', globs: ['payments-*'] },
      { name: 'platform', globs: ['profiles/platform/**'] },
      { name: 'search', globs: ['search-*'] },
    ]),
    [],
    'a clean matrix',
  );
  const bad = checkShards(profiles, [
    { name: 'a', globs: ['payments-oncall', 'platform-*'] },
    { name: 'b', globs: ['payments-secondary', 'platform-eu'] },
    { name: 'c', globs: ['nothing'] },
  ]);
  t.same(
    bad.map((d) => `${d.severity}: ${d.message}`),
    [
      'warning: shard "c" selects no profile',
      'error: shards "a" and "b" both manage team payments-deployers on github (through "payments-oncall" and "payments-secondary"); each would revoke what the other grants',
      'error: shards "a" and "b" both manage team platform-eu on github (through "platform-eu" and "platform-eu"); each would revoke what the other grants',
      'warning: profile "search-oncall" (profiles/search-oncall.yaml) is in no shard: no shard\'s apply manages it',
    ],
  );
  t.match(checkShards(profiles, [{ name: 'x', globs: ['{'] }]), [{ severity: 'error', message: 'shard "x": glob "{": a "{" is not closed' }]);
  const many = Array.from({ length: 5 }, (_, i) => p(`m${i}`, ['shared']));
  t.match(checkShards(many, [{ name: 'a', globs: ['m0'] }, { name: 'b', globs: ['m[1-4]'] }])[0], { message: /through "m0" and "m1", "m2", "m3" and 1 more/ });
});

t.test('shardProfile adapts a loaded workspace profile, with its file relative to the config', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-access-shard-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  writeFileSync(join(dir, 'oncall-access.yaml'), 'apiVersion: oncall-access/v1\nkind: Config\nspec:\n  sources:\n    rotations: { type: rotations }\n  targets:\n    github: { type: github, org: acme }\n');
  const prof = (name: string, slug: string) => `apiVersion: oncall-access/v1\nkind: AccessProfile\nmetadata: { name: ${name} }\nspec:\n  mode: auto\n  members: [a@acme.example]\n  entitlements:\n    - { target: github, team: ${slug} }\n`;
  writeFileSync(join(dir, 'identities.yaml'), IDENTITIES);
  writeFileSync(join(dir, 'profiles', 'payments-a.yaml'), prof('pay-a', 'pay'));
  writeFileSync(join(dir, 'profiles', 'b.yaml'), prof('other-b', 'other'));
  const { workspace: ws } = loadWorkspace(join(dir, 'oncall-access.yaml'), dir);
  t.ok(ws);
  const shardable = ws!.profiles.map((x) => shardProfile(x, relative(ws!.config.dir, resolve(dir, x.pos.file))));
  t.same(shardable.map((x) => [x.name, x.file]).sort(), [['other-b', 'profiles/b.yaml'], ['pay-a', 'profiles/payments-a.yaml']].sort());
  const sel = selectShard(shardable, ['profiles/payments-*.yaml']);
  t.same(sel.profiles.map((x) => x.profile.name), ['pay-a'], 'the selection carries the model profiles to plan with');
});
