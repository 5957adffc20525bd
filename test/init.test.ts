/**
 * `oncall-access init`: a workspace scaffolded from flags, or from answers at a terminal,
 * validates as it is; its $schema lines resolve in the installed package; plan names the tokens
 * it still needs; nothing a user has is replaced without --force, and the shared .gitignore and
 * CODEOWNERS are only added to; missing or malformed answers are one-line errors that write
 * nothing.
 */
import t from 'tap';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { workflowFor } from '../src/commands/init-files.js';
import { runInit, terminalPrompt } from '../src/commands/init.js';
import { startGitHubEmulator } from '@oncall-access/emulators/github';
import { cli, editFile, TOKEN } from './helpers/demo-workspace.js';
import { captureIo } from './helpers/io.js';

const PAGERDUTY = ['init', '--org', 'acme', '--source', 'pagerduty', '--schedule', 'P1ABCDE', '--team', 'payments-deployers', '--owners', '@acme/access-admins'];
const WORKSPACE = ['oncall-access.yaml', 'profiles/payments-deployers.yaml', 'identities.yaml', '.github/workflows/oncall-access-plan.yml', '.github/workflows/oncall-access-apply.yml'];
/** 2026-12-02 is a Wednesday: the scaffolded rotation started on the Monday before. */
const NOW = new Date('2026-12-02T10:00:00Z');

/** Every file under `dir`, relative, except the installed package. */
function filesIn(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under), { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules')
    .flatMap((e) => (e.isDirectory() ? filesIn(dir, join(under, e.name)) : [join(under, e.name)]))
    .sort();
}

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- YAML read back to check a few fields
const yamlOf = (dir: string, file: string): any => parse(read(dir, file));

t.test('init from flags writes a PagerDuty workspace that validates as it is', async (t) => {
  const dir = t.testdir({});
  const r = await cli(dir, PAGERDUTY, { now: NOW });
  t.equal(r.code, 0, r.err);
  t.equal(r.err, '');
  t.same(filesIn(dir), [...WORKSPACE, '.github/CODEOWNERS', '.gitignore'].sort());
  for (const f of [...WORKSPACE, '.github/CODEOWNERS (written)', '.gitignore (written)']) t.match(r.out, `\n  ${f}\n`);
  t.match(r.out, 'Set PAGERDUTY_TOKEN (a read-only PagerDuty REST API key) and GITHUB_TOKEN');
  t.match(r.out, 'pin OWNER/oncall-access to the full commit SHA');

  const validate = await cli(dir, ['validate', '--format', 'json'], { now: NOW });
  t.equal(validate.code, 0, validate.out);
  t.match(JSON.parse(validate.out), { valid: true, errors: 0, warnings: 0, counts: { files: 3, profiles: 1, rotations: 0, identities: 0, requests: 0 } });

  const config = yamlOf(dir, 'oncall-access.yaml');
  t.same(config.spec.sources, { pagerduty: { type: 'pagerduty', tokenEnv: 'PAGERDUTY_TOKEN' } });
  t.same(config.spec.targets, { github: { type: 'github', org: 'acme', tokenEnv: 'GITHUB_TOKEN' } });
  t.equal(config.spec.paths, undefined, 'every file is where the default paths look');
  t.same(yamlOf(dir, 'profiles/payments-deployers.yaml'), {
    apiVersion: 'oncall-access/v1',
    kind: 'AccessProfile',
    metadata: { name: 'payments-deployers-oncall', description: 'Membership of payments-deployers for whoever is on call.' },
    spec: {
      mode: 'auto',
      rotations: [{ source: 'pagerduty', schedule: 'P1ABCDE' }],
      window: { before: '15m', after: '30m' },
      members: [],
      entitlements: [{ target: 'github', team: 'payments-deployers', role: 'member', membership: 'exclusive' }],
    },
  });
  t.same(yamlOf(dir, 'identities.yaml').spec, { identities: [] });
});

t.test("every YAML file's $schema line resolves to its kind's schema in the installed package", async (t) => {
  const dir = t.testdir({});
  t.equal((await cli(dir, [...PAGERDUTY.slice(0, 3), '--source', 'rotations', '--members', 'alice@acme.example', '--team', 'payments'])).code, 0);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(resolve('.'), join(dir, 'node_modules', 'oncall-access'));
  const schemaOf: Record<string, string> = { Config: 'config', AccessProfile: 'access-profile', Identities: 'identities', Rotation: 'rotation' };
  const yamlFiles = filesIn(dir).filter((f) => f.endsWith('.yaml'));
  t.same(yamlFiles, ['identities.yaml', 'oncall-access.yaml', 'profiles/payments.yaml', 'rotations/payments-primary.yaml']);
  for (const file of yamlFiles) {
    const line = read(dir, file).split('\n')[0]!;
    const [, path] = /^# yaml-language-server: \$schema=(.+)$/.exec(line) ?? [];
    t.ok(path?.startsWith(file.includes('/') ? '../node_modules/oncall-access/schemas/' : 'node_modules/oncall-access/schemas/'), `${file}: ${line}`);
    const schema = JSON.parse(readFileSync(join(dir, dirname(file), path!), 'utf8')) as { $id: string };
    t.equal(schema.$id, `https://oncall-access.dev/schemas/${schemaOf[yamlOf(dir, file).kind]}.schema.json`, file);
  }
});

t.test('each source gets a binding of its kind, and each workspace validates', async (t) => {
  const cases: [string, string[], unknown, string][] = [
    ['opsgenie', ['--schedule', 'Payments Primary'], { source: 'opsgenie', schedule: 'Payments Primary' }, 'Set OPSGENIE_API_KEY (a read-only Opsgenie API key) and GITHUB_TOKEN'],
    [
      'jsm',
      ['--schedule', 'Payments Primary', '--cloud-id', '3a015c30-bac7-4abc-97a1-50c1feea188a'],
      { source: 'jsm', schedule: 'Payments Primary' },
      "Set ATLASSIAN_EMAIL (the email of an Atlassian account) and ATLASSIAN_API_TOKEN (that account's API token, with the scopes read:ops-config:jira-service-management and read:jira-user) and GITHUB_TOKEN",
    ],
    ['rotations', ['--members', 'alice@acme.example,bob@acme.example', '--members', 'carol@acme.example'], { source: 'rotations', rotation: 'payments-primary' }, 'Set GITHUB_TOKEN'],
  ];
  const dirs: Record<string, string> = {};
  for (const [source, flags, binding, tokens] of cases) {
    const dir = (dirs[source] = t.testdir({}));
    const r = await cli(dir, ['init', '--org', 'acme', '--source', source, '--team', 'payments', ...flags], { now: NOW });
    t.equal(r.code, 0, r.err);
    t.match(r.out, tokens, source);
    t.same(yamlOf(dir, 'profiles/payments.yaml').spec.rotations, [binding], source);
    t.same(Object.keys(yamlOf(dir, 'oncall-access.yaml').spec.sources), [source]);
    t.equal((await cli(dir, ['validate'], { now: NOW })).code, 0, source);
    const workflow = read(dir, '.github/workflows/oncall-access-plan.yml');
    if (source === 'jsm') {
      t.same(
        yamlOf(dir, 'oncall-access.yaml').spec.sources.jsm,
        { type: 'jsm', cloudId: '3a015c30-bac7-4abc-97a1-50c1feea188a', emailEnv: 'ATLASSIAN_EMAIL', tokenEnv: 'ATLASSIAN_API_TOKEN' },
        'a jsm source with its site and both variables',
      );
      t.match(workflow, 'ATLASSIAN_EMAIL: ${{ secrets.ATLASSIAN_EMAIL }}', 'the jsm workflows pass the account email');
      t.notMatch(workflow, /PAGERDUTY_TOKEN|OPSGENIE_API_KEY/, 'and no other source key');
    } else t.notMatch(workflow, /ATLASSIAN/, `a ${source} workspace gets no Atlassian secret`);
  }
  t.same(
    yamlOf(dirs.rotations!, 'rotations/payments-primary.yaml').spec,
    { timeZone: 'UTC', shiftLength: '1w', firstHandoff: '2026-11-30T09:00', members: ['alice@acme.example', 'bob@acme.example', 'carol@acme.example'] },
    'the first shift started on the Monday before',
  );
});

t.test('values YAML would read as something else are quoted, and a team slug becomes a valid profile name', async (t) => {
  const dir = t.testdir({});
  const r = await cli(dir, ['init', '--org', 'null', '--source', 'pagerduty', '--schedule', '123', '--team', 'Payments.On_Call'], { now: NOW });
  t.equal(r.code, 0, r.err);
  t.equal(yamlOf(dir, 'oncall-access.yaml').spec.targets.github.org, 'null');
  const profile = yamlOf(dir, 'profiles/Payments.On_Call.yaml');
  t.equal(profile.metadata.name, 'payments-on-call-oncall');
  t.same(profile.spec.rotations, [{ source: 'pagerduty', schedule: '123' }]);
  t.equal(profile.spec.entitlements[0].team, 'Payments.On_Call');
  t.match(read(dir, '.github/CODEOWNERS'), '/.github/ @null/oncall-access-admins\n', 'owners default to an admins team of the organisation');
  t.equal((await cli(dir, ['validate'], { now: NOW })).code, 0);
});

t.test('plan right after init fails, names the tokens it still needs, and sends GitHub nothing it could answer', async (t) => {
  const dir = t.testdir({});
  t.equal((await cli(dir, PAGERDUTY)).code, 0);
  const github = await startGitHubEmulator({ strict: true, token: TOKEN, orgs: { acme: { members: [], teams: [] } } });
  t.teardown(() => github.close());
  // The only edit: GitHub's API is a local emulator, so that nothing leaves the machine.
  editFile(dir, 'oncall-access.yaml', 'tokenEnv: GITHUB_TOKEN', `tokenEnv: GITHUB_TOKEN\n      apiUrl: ${github.url}`);
  const plan = await cli(dir, ['plan'], { env: {}, now: NOW });
  t.equal(plan.code, 1);
  t.match(plan.out + plan.err, 'GITHUB_TOKEN');
  t.match(plan.out + plan.err, 'PAGERDUTY_TOKEN');
  t.notMatch(plan.err, /\n\s+at /, 'no stack trace');
  t.same(github.requests.filter((r) => r.status !== 401), [], 'without a token every request is refused');
});

t.test('files init writes that exist are listed and nothing is written; --force replaces them', async (t) => {
  const dir = t.testdir({ 'oncall-access.yaml': 'mine\n', profiles: { 'payments-deployers.yaml': 'mine too\n' } });
  const refused = await cli(dir, PAGERDUTY);
  t.equal(refused.code, 1);
  t.equal(refused.out, '');
  t.equal(refused.err, `oncall-access init: 2 of the files it writes exist in ${dir}:\n  oncall-access.yaml\n  profiles/payments-deployers.yaml\nNothing was written. Move them away, or run again with --force to replace them.\n`);
  t.same(filesIn(dir), ['oncall-access.yaml', 'profiles/payments-deployers.yaml']);
  t.equal(read(dir, 'oncall-access.yaml'), 'mine\n');

  const forced = await cli(dir, [...PAGERDUTY, '--force']);
  t.equal(forced.code, 0, forced.err);
  t.match(forced.out, '\n  oncall-access.yaml (replaced)\n  profiles/payments-deployers.yaml (replaced)\n  identities.yaml\n');
  t.match(read(dir, 'oncall-access.yaml'), 'kind: Config');
});

t.test('.gitignore and CODEOWNERS keep their lines, get the scaffold\'s once, and never twice', async (t) => {
  const dir = t.testdir({ '.gitignore': 'dist/', '.github': { CODEOWNERS: '* @acme/everyone\n' } });
  t.equal((await cli(dir, PAGERDUTY)).code, 0);
  const gitignore = read(dir, '.gitignore');
  t.match(gitignore, /^dist\/\n\n# oncall-access: /, 'a line break is added before the new lines');
  t.match(gitignore, '\nnode_modules/\nstate/.apply.lock\nstate/*.tmp\n');
  const codeowners = read(dir, '.github/CODEOWNERS');
  t.ok(codeowners.startsWith('* @acme/everyone\n\n# oncall-access: '), 'the existing rules first: the last matching pattern wins');
  for (const p of ['/.github/', '/identities.yaml', '/oncall-access.yaml', '/profiles/', '/rotations/', '/state/', '/requests/']) t.match(codeowners, `\n${p} @acme/access-admins\n`);

  const again = await cli(dir, [...PAGERDUTY, '--force']);
  t.equal(again.code, 0, again.err);
  t.match(again.out, '  .gitignore (unchanged)\n  .github/CODEOWNERS (unchanged)\n');
  t.equal(read(dir, '.gitignore'), gitignore);
  t.equal(read(dir, '.github/CODEOWNERS'), codeowners);

  const otherOwners = await cli(dir, [...PAGERDUTY.slice(0, -1), '@acme/security', '--force']);
  t.match(otherOwners.out, '  .github/CODEOWNERS (added to)\n');
  t.match(read(dir, '.github/CODEOWNERS'), /\/profiles\/ @acme\/access-admins\n[\s\S]*\/profiles\/ @acme\/security\n/);
});

t.test('a workspace that does not validate with the new files gets no CODEOWNERS, and says how to add it', async (t) => {
  const dir = t.testdir({ profiles: { 'broken.yaml': 'kind: AccessProfile\n' } });
  const r = await cli(dir, PAGERDUTY);
  t.equal(r.code, 1);
  t.match(r.out, 'Wrote in');
  t.match(r.err, 'profiles/broken.yaml');
  t.match(r.err, 'so .github/CODEOWNERS was not written: fix them (see "oncall-access validate"), then add the lines "oncall-access codeowners --owners @acme/access-admins" prints.\n');
  t.notOk(existsSync(join(dir, '.github/CODEOWNERS')));
});

t.test('a directory that cannot be made is a one-line error naming the file', async (t) => {
  const dir = t.testdir({ taken: 'a file, not a folder\n' });
  const r = await cli(dir, [...PAGERDUTY, '--dir', 'taken/repo']);
  t.equal(r.code, 1);
  t.match(r.err, new RegExp(`^oncall-access init: cannot write ${join(dir, 'taken/repo/oncall-access.yaml')}: ENOTDIR: not a directory, mkdir '${join(dir, 'taken/repo')}'\\n$`));
});

t.test('without a terminal, missing flags are one error naming each of them, and nothing is written', async (t) => {
  const cases: [string[], string][] = [
    [[], '--org, --source, --team'],
    [['--org', 'acme', '--source', 'pagerduty'], '--team, --schedule'],
    [['--org', 'acme', '--source', 'opsgenie', '--team', 'x'], '--schedule'],
    [['--org', 'acme', '--source', 'jsm', '--team', 'x', '--schedule', 'Payments'], '--cloud-id'],
    [['--org', 'acme', '--source', 'rotations', '--team', 'x'], '--members'],
  ];
  for (const [flags, missing] of cases) {
    const dir = t.testdir({});
    const r = await cli(dir, ['init', ...flags]);
    t.equal(r.code, 1, missing);
    t.match(r.err, new RegExp(`^oncall-access init: missing ${missing}; on a terminal init asks for them\\. For example: oncall-access init --org acme --source pagerduty --schedule P1ABCDE --team payments-oncall, or --source rotations --members "alice@acme.example bob@acme.example"\\n$`));
    t.same(filesIn(dir), [], `${missing}: nothing written`);
  }
});

t.test('malformed flags, and flags for another source, are one-line errors before anything is written', async (t) => {
  const base = ['init', '--org', 'acme', '--team', 'payments'];
  const cases: [string[], string][] = [
    [['init', '--org', 'acme corp', '--source', 'rotations', '--team', 'x', '--members', 'a@acme.example'], '--org: expected a GitHub login (letters, digits and single dashes, at most 39); got "acme corp"'],
    [[...base.slice(0, 3), '--team', 'a/b', '--source', 'pagerduty', '--schedule', 'P1'], '--team: expected a GitHub team or repository slug (letters, digits, ".", "_", "-"); got "a/b"'],
    [[...base, '--source', 'pagerduty', '--schedule', '../x'], '--schedule: expected a schedule or policy ID or name (letters, digits, spaces, ".", "_", "-"); got "../x"'],
    [[...base, '--source', 'rotations', '--members', 'alice'], '--members: expected an email address like alice@example.com; got "alice"'],
    [[...base, '--source', 'rotations', '--members', ' , '], '--members: expected an email address like alice@example.com; got ","'],
    [[...base, '--source', 'rotations', '--members', 'a@acme.example', '--schedule', 'P1'], '--schedule is for a pagerduty, jsm or opsgenie source; a rotations source takes --members'],
    [[...base, '--source', 'pagerduty', '--schedule', 'P1', '--cloud-id', '3a015c30-bac7-4abc-97a1-50c1feea188a'], '--cloud-id is for a jsm source (Jira Service Management Operations); pagerduty does not use it'],
    [[...base, '--source', 'jsm', '--schedule', 'P1', '--cloud-id', 'acme'], '--cloud-id: expected an Atlassian cloud id like 3a015c30-bac7-4abc-97a1-50c1feea188a (https://YOUR-SITE.atlassian.net/_edge/tenant_info shows it); got "acme"'],
    [[...base, '--source', 'opsgenie', '--schedule', 'P1', '--members', 'a@acme.example'], '--members is for a rotations source; opsgenie takes --schedule'],
    [[...base, '--source', 'pagerduty', '--schedule', 'P1', '--owners', 'admins'], '--owners takes @user, @org/team or an email; got "admins"'],
    [[...base, '--source', 'github', '--schedule', 'P1'], '--source must be one of pagerduty, jsm, opsgenie, rotations; got "github"'],
  ];
  for (const [argv, message] of cases) {
    const dir = t.testdir({});
    const r = await cli(dir, argv);
    t.equal(r.code, 1, message);
    t.equal(r.err, `oncall-access init: ${message}\n`);
    t.same(filesIn(dir), [], `${message}: nothing written`);
  }
});

/** A person at a terminal: answers each question with the next of `answers`, then ends the input. */
function person(answers: string[]) {
  const input = new PassThrough();
  const output = new PassThrough();
  const asked: string[] = [];
  output.on('data', (question: Buffer) => {
    asked.push(String(question));
    const answer = answers.shift();
    if (answer === undefined) input.end();
    else input.write(`${answer}\n`);
  });
  return { open: () => terminalPrompt(input, output), asked };
}

/** Runs init in `dir` as if stdin were a terminal. */
async function interactive(dir: string, flags: Partial<Parameters<typeof runInit>[0]>, answers: string[]) {
  const c = captureIo(dir, {}, NOW);
  const p = person(answers);
  const code = await runInit({ dir: '.', force: false, ...flags }, { ...c.io, stdinIsTTY: true }, p.open);
  return { code, out: c.out(), err: c.err(), asked: p.asked };
}

t.test('on a terminal it asks only for what the flags leave out, asks again after a wrong answer, and offers default owners', async (t) => {
  const dir = t.testdir({});
  const r = await interactive(dir, { org: 'acme' }, ['github', 'rotations', '', 'payments', 'alice', 'alice@acme.example bob@acme.example', '']);
  t.equal(r.code, 0, r.err);
  t.same(r.asked, [
    'Who knows who is on call (pagerduty, jsm, opsgenie, rotations): ',
    'Who knows who is on call (pagerduty, jsm, opsgenie, rotations): ',
    'First GitHub team to manage (its slug): ',
    'First GitHub team to manage (its slug): ',
    "Emails of the rotation's members, in order (separated by spaces): ",
    "Emails of the rotation's members, in order (separated by spaces): ",
    'Who reviews changes to access, for CODEOWNERS (@org/team, @user or emails) [@acme/oncall-access-admins]: ',
  ]);
  t.equal(r.err, '  expected one of pagerduty, jsm, opsgenie, rotations; got "github"\n  expected an email address like alice@example.com; got "alice"\n');
  t.same(yamlOf(dir, 'rotations/payments-primary.yaml').spec.members, ['alice@acme.example', 'bob@acme.example']);
  t.match(read(dir, '.github/CODEOWNERS'), '/profiles/ @acme/oncall-access-admins\n');
  t.equal((await cli(dir, ['validate'], { now: NOW })).code, 0);
});

t.test('on a terminal, the PagerDuty schedule is asked for, and given owners are not', async (t) => {
  const dir = t.testdir({});
  const r = await interactive(dir, { owners: ['@acme/sre'] }, ['acme', 'pagerduty', 'payments', 'P1ABCDE']);
  t.equal(r.code, 0, r.err);
  t.same(r.asked, ['GitHub organisation: ', 'Who knows who is on call (pagerduty, jsm, opsgenie, rotations): ', 'First GitHub team to manage (its slug): ', 'PagerDuty schedule ID (the last part of its URL): ']);
  t.same(yamlOf(dir, 'profiles/payments.yaml').spec.rotations, [{ source: 'pagerduty', schedule: 'P1ABCDE' }]);
});

t.test('on a terminal, input that ends before every answer is given writes nothing', async (t) => {
  const dir = t.testdir({});
  const r = await interactive(dir, {}, ['acme', 'opsgenie']).catch((e: Error) => ({ error: e.message }));
  t.same(r, { error: 'no answer for --team: nothing was written' });
  t.same(filesIn(dir), []);
});

t.test('the workflows written are the package templates with only the PagerDuty key, byte for byte', async (t) => {
  const dir = t.testdir({});
  t.equal((await cli(dir, PAGERDUTY)).code, 0);
  for (const w of ['oncall-access-plan.yml', 'oncall-access-apply.yml']) {
    t.equal(read(dir, `.github/workflows/${w}`), workflowFor(readFileSync(join('templates/workflows', w), 'utf8'), 'pagerduty'), w);
    t.notMatch(read(dir, `.github/workflows/${w}`), 'OPSGENIE', w);
  }
});
