/**
 * `oncall-access codeowners`: the lines for a workspace are exactly the expected ones, relative
 * to the git repository's root (or the config's directory outside git), with the requests folder
 * after any folder holding it; request files get no owner when a profile approves
 * automatically; bad input is a one-line error and exit 1.
 */
import t, { type Test } from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../src/cli.js';
import { captureIo } from './helpers/io.js';
import { CONFIG, IDENTITIES, profile, ROTATION } from './helpers/workspace.js';

const requestable = (name: string, approval: 'auto' | 'review', approvers: string[]) =>
  profile(
    name,
    `  mode: requestable
  maxRequestDuration: 4h
  approval: ${approval}
  approvers: [${approvers.join(', ')}]
  rotations:
    - source: rotations
      rotation: primary
  entitlements:
    - target: github
      team: ${name}
`,
  );

/** A fresh directory outside any git checkout, with `files` written into it. */
function workspace(t: Test, files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'codeowners-')));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function run(cwd: string, ...argv: string[]) {
  const c = captureIo(cwd);
  const code = await main(['codeowners', ...argv], c.io);
  return { code, out: c.out(), err: c.err() };
}

const HEADER = (config: string) => [
  `# oncall-access codeowners for ${config}: add these lines at the end of .github/CODEOWNERS`,
  '# (the last matching pattern wins) and require review from Code Owners on the default branch.',
];
const REQUESTS_NOTE = '# Request files: their names are chosen by whoever files them, so a pattern per profile protects nothing; one line covers the folder.';
const AUTO_NOTE = (names: string, verb: string) => `# ${names} ${verb} requests automatically (approval: auto), so request files have no code owner: an owner would hold every auto-approved request for review.`;
/** CODEOWNERS lines giving each pattern to `owners`. */
const owned = (owners: string, ...patterns: string[]) => patterns.map((p) => `${p} ${owners}`);

/** The command succeeded and printed exactly `lines`. */
function printed(t: Test, r: { code: number; out: string; err: string }, lines: string[]): void {
  t.equal(r.code, 0, r.err);
  t.equal(r.out, [...lines, ''].join('\n'));
}

t.test('a config in a subfolder of a git repository: policy to the owners, requests to the owners and every approver', async (t) => {
  const repo = workspace(t, {
    'access/oncall-access.yaml': CONFIG,
    'access/identities.yaml': IDENTITIES,
    'access/rotations/primary.yaml': ROTATION,
    'access/profiles/deployers.yaml': profile('deployers'),
    'access/profiles/ic.yaml': requestable('ic', 'review', ['zed-acme', 'carol-acme']),
    'access/profiles/db.yaml': requestable('db', 'review', ['carol-acme', 'Admin-Bob']),
  });
  execFileSync('git', ['init', '--quiet'], { cwd: repo });
  // Run from elsewhere in the repository: paths are the repository's, not the working directory's.
  const r = await run(join(repo, 'access', 'profiles'), '--config', '../oncall-access.yaml', '--owners', '@acme/access-admins @admin-bob', '--owners', 'security@acme.example');
  printed(t, r, [
    ...HEADER('access/oncall-access.yaml'),
    ...owned('@acme/access-admins @admin-bob security@acme.example', '/.github/', '/access/profiles/', '/access/rotations/', '/access/identities.yaml', '/access/oncall-access.yaml', '/access/state/'),
    REQUESTS_NOTE,
    '# Every requestable profile needs a review: a pull request that adds a request needs one from an admin or an approver.',
    '/access/requests/ @acme/access-admins @admin-bob security@acme.example @carol-acme @zed-acme',
  ]);
  const again = await run(join(repo, 'access'), '--owners', '@admin-bob', '--owners', '@acme/access-admins security@acme.example @ADMIN-BOB');
  t.equal(again.out.split('\n').at(-2), '/access/requests/ @admin-bob @acme/access-admins security@acme.example @carol-acme @zed-acme', 'owners in the order given, each once');
});

t.test('profiles in the config folder, a space in its name, auto-approving profiles: request files have no owner, after the folder that holds them', async (t) => {
  const dir = workspace(t, {
    'my access/oncall-access.yaml': `${CONFIG}  paths:\n    profiles: .\n    state: ledger/oncall-access\n`,
    'my access/identities.yaml': IDENTITIES,
    'my access/rotations/primary.yaml': ROTATION,
    'my access/ic.yaml': requestable('ic', 'review', ['carol-acme']),
    'my access/break-glass.yaml': requestable('break-glass', 'auto', []),
    'my access/standby.yaml': requestable('standby', 'auto', []),
  });
  execFileSync('git', ['init', '--quiet'], { cwd: dir });
  const r = await run(dir, '--config', 'my access/oncall-access.yaml', '--owners', '@acme/access-admins');
  printed(t, r, [
    ...HEADER('my access/oncall-access.yaml'),
    ...owned('@acme/access-admins', '/.github/', '/my\\ access/', '/my\\ access/rotations/', '/my\\ access/identities.yaml', '/my\\ access/oncall-access.yaml'),
    REQUESTS_NOTE,
    AUTO_NOTE('break-glass, standby', 'approve'),
    '/my\\ access/requests/',
    '/my\\ access/ledger/oncall-access/ @acme/access-admins',
  ]);
});

t.test('a config at the root of a folder outside git, with one auto profile: the root is every file', async (t) => {
  const dir = workspace(t, {
    'oncall-access.yaml': `${CONFIG}  paths:\n    profiles: .\n`,
    'identities.yaml': IDENTITIES,
    'rotations/primary.yaml': ROTATION,
    'break-glass.yaml': requestable('break-glass', 'auto', []),
  });
  const r = await run(dir, '--owners', '@acme/access-admins');
  printed(t, r, [
    ...HEADER('oncall-access.yaml'),
    ...owned('@acme/access-admins', '*', '/.github/', '/rotations/', '/identities.yaml', '/oncall-access.yaml', '/state/'),
    REQUESTS_NOTE,
    AUTO_NOTE('break-glass', 'approves'),
    '/requests/',
  ]);
});

t.test('bad input is one line on stderr and exit 1, with nothing printed', async (t) => {
  const dir = workspace(t, { 'oncall-access.yaml': CONFIG, 'identities.yaml': IDENTITIES, 'rotations/primary.yaml': ROTATION, 'profiles/deployers.yaml': profile('deployers') });
  const cases: [string[], string][] = [
    [[], '--owners is required: who owns the access policy, e.g. --owners @acme/access-admins'],
    [['--owners', ' '], '--owners is required: who owns the access policy, e.g. --owners @acme/access-admins'],
    [['--owners', 'acme/access-admins'], '--owners takes @user, @org/team or an email; got "acme/access-admins"'],
    [['--owners', '@acme/admins @-bad'], '--owners takes @user, @org/team or an email; got "@-bad"'],
    [['--owners', 'bob@acme'], '--owners takes @user, @org/team or an email; got "bob@acme"'],
    [['--owners', '@acme/admins', '--config', 'missing.yaml'], ''],
  ];
  for (const [argv, message] of cases) {
    const r = await run(dir, ...argv);
    t.equal(r.code, 1, argv.join(' '));
    t.equal(r.out, '', argv.join(' '));
    if (message) t.equal(r.err, `oncall-access codeowners: ${message}\n`, argv.join(' '));
    else t.match(r.err, /missing\.yaml[\s\S]*Fix these errors \(see "oncall-access validate"\); nothing was read or changed\./, 'an invalid workspace is reported like every command reports it');
  }
});

t.test('paths CODEOWNERS cannot name are refused, not written as a pattern that means something else', async (t) => {
  const withPaths = (paths: string) => workspace(t, { 'oncall-access.yaml': `${CONFIG}  paths:\n${paths}`, 'identities.yaml': IDENTITIES, 'rotations/primary.yaml': ROTATION, 'profiles/deployers.yaml': profile('deployers') });
  const cases: [string, string][] = [
    ['    state: "st#ate"\n', 'st#ate cannot be written as a CODEOWNERS pattern: it contains "#"'],
    ['    state: "st*ate"\n', 'st*ate cannot be written as a CODEOWNERS pattern: it contains "*"'],
    ['    requests: state\n', 'the requests folder /state/ is also a policy folder: CODEOWNERS cannot give request files and policy different owners'],
  ];
  for (const [paths, message] of cases) {
    const dir = withPaths(paths);
    const r = await run(dir, '--owners', '@acme/access-admins');
    t.equal(r.code, 1, paths);
    t.equal(r.err, `oncall-access codeowners: ${message}\n`, paths);
  }
});

t.test('--help says why request files get one line and what the exit codes mean', async (t) => {
  const c = captureIo(process.cwd());
  t.equal(await main(['codeowners', '--help'], c.io), 0);
  t.match(c.out(), 'Usage: oncall-access codeowners --owners OWNERS');
  t.match(c.out(), 'Request file names are chosen by whoever files them, so a pattern per profile would protect nothing');
  t.match(c.out(), '1  bad input: no --owners or a malformed one');
});
