/**
 * The Action's pure parts: reading inputs and the event, the runner's file and command
 * formats, the record of the last apply and the staleness rule, and its Markdown.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliEnvironment, failure, parseApplyOutput } from '../src/action/cli-run.js';
import { readContext, readInputs } from '../src/action/context.js';
import { checkStaleness, readHeartbeat, writeHeartbeat } from '../src/action/heartbeat.js';
import { commentMarker } from '../src/action/pr-comment.js';
import { auditMarkdown, footer, validationMarkdown } from '../src/action/report.js';
import { runnerFor } from '../src/action/workflow.js';
import type { Diagnostic } from '../src/core/diagnostics.js';
import { inStep } from './helpers/step.js';

const HOUR = 3_600_000;

/** The inputs as the Action reads them in a step with `env`. */
const inputsIn = async (env: NodeJS.ProcessEnv) => (await inStep(env, () => readInputs('/ws', env.RUNNER_TEMP))).value;

t.test('inputs: defaults, the names the runner sets (hyphens kept), and every refusal names the input', async (t) => {
  const base = { INPUT_COMMAND: 'plan' };
  const d = await inputsIn({ ...base, RUNNER_TEMP: '/runner/tmp' });
  t.same(d, { command: 'plan', config: 'oncall-access.yaml', args: [], githubToken: undefined, credentials: { kind: 'none' }, tokenEnv: 'GITHUB_TOKEN', comment: true, planFile: '/runner/tmp/oncall-access-plan.json', resultsFile: '/runner/tmp/oncall-access-results.json', lastApplyFile: undefined, maxStaleness: undefined, journal: undefined, checkpoint: undefined, doctor: false });
  t.equal((await inputsIn(base)).planFile, join(tmpdir(), 'oncall-access-plan.json'), 'outside a runner, the system temp directory');
  t.equal((await inputsIn({ ...base, 'INPUT_GITHUB-TOKEN': ' t1 ' })).githubToken, 't1', 'as the runner sets it for JavaScript actions, trimmed');
  t.equal((await inputsIn({ ...base, INPUT_GITHUB_TOKEN: 't2' })).githubToken, undefined, 'underscores are another name: the runner never sets it');
  t.equal((await inputsIn({ ...base, INPUT_CONFIG: '   ' })).config, 'oncall-access.yaml', 'blank is the default');
  const full = await inputsIn({
    ...base,
    INPUT_ARGS: ' --max-revocations 20\n--concurrency 8 ',
    INPUT_COMMENT: 'False',
    'INPUT_PLAN-FILE': 'out/plan.json',
    'INPUT_LAST-APPLY-FILE': 'rec/last.json',
    'INPUT_MAX-STALENESS': '1h30m',
    'INPUT_APP-ID': '12',
    'INPUT_APP-PRIVATE-KEY': 'a\\nb',
    'INPUT_INSTALLATION-ID': '34',
    'INPUT_TOKEN-ENV': 'GH_ORG_TOKEN',
    INPUT_JOURNAL: 'rec/journal.json',
    INPUT_CHECKPOINT: 'git push',
  });
  t.same(full.args, ['--max-revocations', '20', '--concurrency', '8']);
  t.equal(full.comment, false);
  t.equal(full.planFile, '/ws/out/plan.json');
  t.equal(full.lastApplyFile, '/ws/rec/last.json');
  t.same(full.maxStaleness, { text: '1h30m', ms: 1.5 * HOUR });
  t.same(full.credentials, { kind: 'app', app: { appId: '12', privateKey: 'a\nb', installationId: '34' } });
  t.same((await inputsIn({ ...base, INPUT_TOKEN: 'ghp_x' })).credentials, { kind: 'token', token: 'ghp_x' });
  t.equal(full.tokenEnv, 'GH_ORG_TOKEN');
  t.equal(full.journal, '/ws/rec/journal.json');
  t.equal(full.checkpoint, 'git push');
  t.equal((await inputsIn({ ...base, INPUT_COMMENT: 'TRUE' })).comment, true);

  const refusals: [NodeJS.ProcessEnv, string | RegExp][] = [
    [{}, 'input command must be one of validate, plan, apply; got ""'],
    [{ INPUT_COMMAND: 'destroy' }, 'got "destroy"'],
    [{ ...base, 'INPUT_TOKEN-ENV': 'GITHUB-TOKEN' }, 'input token-env must be an environment variable name'],
    [{ ...base, 'INPUT_MAX-STALENESS': 'soon', 'INPUT_LAST-APPLY-FILE': 'x' }, 'input max-staleness must be a duration'],
    [{ ...base, 'INPUT_MAX-STALENESS': '0s', 'INPUT_LAST-APPLY-FILE': 'x' }, 'input max-staleness must be a duration'],
    [{ ...base, 'INPUT_MAX-STALENESS': '30m' }, 'input max-staleness needs last-apply-file'],
    [{ ...base, INPUT_ARGS: '--at 2026-01-01T00:00:00Z --format=text' }, 'input args may not contain --format'],
    [{ ...base, INPUT_ARGS: '--yes' }, 'input args may not contain --yes'],
    [{ ...base, INPUT_COMMENT: 'maybe' }, 'input comment must be true or false; got "maybe"'],
    [{ ...base, INPUT_COMMENT: 'yes' }, 'input comment must be true or false; got "yes"'],
  ];
  for (const [env, message] of refusals) await t.rejects(inputsIn(env), { name: 'UserError', message }, String(message));

  // Credentials are judged only when used: a fork pull request sees variables but no secrets.
  const credentialRefusals: [NodeJS.ProcessEnv, string | RegExp][] = [
    [{ ...base, 'INPUT_APP-ID': '12', 'INPUT_INSTALLATION-ID': '3' }, 'need all three inputs'],
    [{ ...base, 'INPUT_APP-ID': 'my-app', 'INPUT_APP-PRIVATE-KEY': 'k', 'INPUT_INSTALLATION-ID': '3' }, "input app-id must be the App's numeric id"],
    [{ ...base, 'INPUT_APP-ID': '1', 'INPUT_APP-PRIVATE-KEY': 'k', 'INPUT_INSTALLATION-ID': 'acme' }, 'input installation-id must be a number'],
    [{ ...base, INPUT_TOKEN: 't', 'INPUT_APP-ID': '1', 'INPUT_APP-PRIVATE-KEY': 'k', 'INPUT_INSTALLATION-ID': '3' }, 'not both'],
  ];
  for (const [env, reason] of credentialRefusals) t.match((await inputsIn(env)).credentials, { kind: 'invalid', reason }, String(reason));
});

t.test('context: the repository, the run link, and whether a pull request comes from a fork', async (t) => {
  const dir = t.testdir({
    'same.json': JSON.stringify({ pull_request: { number: 3, head: { sha: 'ABCDEF1', repo: { full_name: 'Acme/Access' } }, base: { repo: { full_name: 'acme/access' } } } }),
    'fork.json': JSON.stringify({ pull_request: { number: 4, head: { sha: 'not-a-sha', repo: { full_name: 'eve/access' } } }, repository: { full_name: 'acme/access' } }),
    'nobase.json': JSON.stringify({ pull_request: { number: 5, head: { repo: { full_name: 'acme/access' } } } }),
    'nonumber.json': JSON.stringify({ pull_request: {} }),
    'broken.json': '{',
  });
  const env = { GITHUB_REPOSITORY: 'acme/access', GITHUB_RUN_ID: '99', GITHUB_SHA: 'f'.repeat(40), GITHUB_EVENT_NAME: 'pull_request' };
  const same = readContext({ ...env, GITHUB_EVENT_PATH: join(dir, 'same.json') });
  t.same(same.pullRequest, { number: 3, headSha: 'ABCDEF1', fromFork: false }, 'repository names compare case-insensitively');
  t.same(same.repository, { owner: 'acme', repo: 'access' });
  t.equal(same.runUrl, 'https://github.com/acme/access/actions/runs/99');
  t.equal(same.apiUrl, 'https://api.github.com');
  t.same(readContext({ ...env, GITHUB_EVENT_PATH: join(dir, 'fork.json') }).pullRequest, { number: 4, headSha: undefined, fromFork: true });
  t.same(readContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'nobase.json') }).pullRequest, { number: 5, headSha: undefined, fromFork: true }, 'no base repository known: treated as a fork');
  t.throws(() => readContext({ ...env, GITHUB_EVENT_PATH: join(dir, 'nonumber.json') }), { message: 'the pull_request event payload has no pull_request.number' });
  t.throws(() => readContext({ ...env, GITHUB_EVENT_PATH: join(dir, 'broken.json') }), { name: 'UserError', message: /cannot read the event payload/ });
  t.throws(() => readContext({ ...env, GITHUB_EVENT_PATH: join(dir, 'missing.json') }), { name: 'UserError' });
  const push = readContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'not a repo', GITHUB_SHA: 'main', GITHUB_SERVER_URL: 'javascript:alert(1)', GITHUB_RUN_ID: '1' });
  t.same(push, { eventName: 'push', repository: undefined, apiUrl: 'https://api.github.com', sha: undefined, runUrl: undefined, actor: undefined, pullRequest: undefined });
  t.equal(readContext({}).eventName, '');
});

t.test('the runner: annotations escaped so a message cannot end its command or start another; secrets redacted everywhere but in a mask', async (t) => {
  const dir = t.testdir({ 'output.txt': '', 'summary.md': '' });
  const secret = 'ghs_minted0123456789abcdefXYZ';
  const env = { GITHUB_OUTPUT: join(dir, 'output.txt'), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
  const { stdout } = await inStep(env, () => {
    const runner = runnerFor(['an input secret value']);
    runner.annotate('error', '50% done\r\n::warning::forged');
    runner.annotate('warning', 'x', { file: 'a,b:c.yaml', line: 3, col: 4, title: 'oncall-access: stale' });
    runner.info('leaks an input secret value\n');
    runner.info('');
    runner.info('a reason from a pull request:\n  ::error file=a.yaml::forged\n');
    runner.mask(secret);
    runner.annotate('notice', `token ${secret} in a message`, { file: secret });
    runner.group(`title ${secret}`, `line ${secret}\n`);
    runner.output('multi', `one\n${secret}\nthree`);
    runner.summary(`## ${secret}\n`);
  });
  const stop = /^::stop-commands::([0-9a-f-]{36})$/m.exec(stdout)?.[1];
  t.ok(stop, 'a line that reads as a command is logged with commands stopped');
  t.equal(
    stdout.replaceAll(stop!, 'STOP'),
    [
      '::error title=oncall-access::50%25 done%0D%0A::warning::forged',
      '::warning title=oncall-access%3A stale,file=a%2Cb%3Ac.yaml,line=3,col=4::x',
      'leaks [redacted]',
      '::stop-commands::STOP',
      'a reason from a pull request:',
      '  ::error file=a.yaml::forged',
      '::STOP::',
      `::add-mask::${secret}`,
      '::notice title=oncall-access,file=[redacted]::token [redacted] in a message',
      '::group::title [redacted]',
      'line [redacted]',
      '::endgroup::',
      '',
    ].join('\n'),
  );
  t.match(readFileSync(env.GITHUB_OUTPUT, 'utf8'), /^multi<<(ghadelimiter_[0-9a-f-]{36})\none\n\[redacted\]\nthree\n\1\n$/);
  t.equal(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'), '## [redacted]\n');
  const local = await inStep({}, () => runnerFor([]).summary('## nowhere\n'));
  t.equal(local.stdout, '', 'no summary file (a local run): nothing written, nothing printed');
});

t.test('the record of the last apply: written, read back, and judged against the allowed staleness', async (t) => {
  const dir = t.testdir({ 'garbage.json': 'nope', 'old.json': JSON.stringify({ formatVersion: 2, at: 'x' }), 'adir.json': {} });
  const path = join(dir, 'deep/last-apply.json');
  t.same(readHeartbeat(path), { kind: 'none' });
  writeHeartbeat(path, { formatVersion: 1, at: '2026-11-30T07:00:00.000Z', commit: 'abc' });
  const ok = readHeartbeat(path);
  t.same(ok, { kind: 'ok', heartbeat: { formatVersion: 1, at: '2026-11-30T07:00:00.000Z', commit: 'abc' } });
  t.match(readHeartbeat(join(dir, 'garbage.json')), { kind: 'unreadable', reason: /^not JSON/ });
  t.match(readHeartbeat(join(dir, 'old.json')), { kind: 'unreadable', reason: 'it has no formatVersion 1 and ISO "at" instant' });
  t.match(readHeartbeat(join(dir, 'adir.json')), { kind: 'unreadable', reason: /EISDIR/ });

  const at = (iso: string) => new Date(iso);
  t.same(checkStaleness(ok, path, at('2026-11-30T07:30:00Z'), 30 * 60_000), { stale: false }, 'exactly at the limit is fresh');
  const late = checkStaleness(ok, path, at('2026-11-30T07:30:01.500Z'), 30 * 60_000);
  t.match(late, { stale: true, message: /^The last successful apply was at 2026-11-30T07:00:00.000Z, 30m1s ago, more than the allowed 30m/ });
  t.same(checkStaleness(ok, path, at('2026-11-30T06:00:00Z'), 60_000), { stale: false }, 'a record from the future (clock skew) is not stale');
  t.match(checkStaleness({ kind: 'none' }, path, at('2026-11-30T07:00:00Z'), HOUR), { stale: false, note: /No record of an earlier successful apply \(last-apply\.json\): the staleness check \(max 1h\) starts with this run/ });
  t.match(checkStaleness({ kind: 'unreadable', reason: 'bad' }, path, at('2026-11-30T07:00:00Z'), HOUR), { stale: true, message: 'Cannot tell when access was last reconciled: last-apply.json is unreadable (bad).' });
});

t.test('apply output splits into what came before the plan, the plan, and what came after', async (t) => {
  const plan = { formatVersion: 1, at: 'x', changes: [{ a: 1 }], summary: {}, diagnostics: [] };
  const json = `${JSON.stringify(plan, null, 2)}\n`;
  const after = 'refused: revoke d from o/t: protected\napplied: grant a on o/t as member\nskipped: revoke b from o/t: gone\nfailed: grant c on o/t as member: 422\nApply complete: 1 applied, 1 failed, 1 skipped, 1 refused.\n';
  const before = 'Resolving 1 change(s) of an interrupted apply:\napplied: grant e on o/t as member (recorded)\n';
  const split = parseApplyOutput(`${before}${json}${after}`);
  t.same(split.plan, plan);
  t.equal(split.before, before, 'an interrupted apply resolved first is printed before the plan');
  t.equal(split.after, after);
  t.same(parseApplyOutput(''), { before: '', after: '' });
  t.same(parseApplyOutput('Resolving 1 change(s) of an interrupted apply:\n'), { before: 'Resolving 1 change(s) of an interrupted apply:\n', after: '' }, 'stopped before planning');
  t.equal(failure('apply', { code: 3, stdout: '', stderr: '\n' }).message, 'apply produced no result: exit code 3');
});

t.test('the CLI never sees the inputs or the runner credentials', async (t) => {
  t.same(cliEnvironment({ PATH: '/bin', GITHUB_TOKEN: 'x', INPUT_TOKEN: 'secret', 'INPUT_APP-PRIVATE-KEY': 'k', ACTIONS_RUNTIME_TOKEN: 'r', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'i' }), { PATH: '/bin', GITHUB_TOKEN: 'x' });
});

t.test('the comment marker cannot end its HTML comment early', async (t) => {
  t.equal(commentMarker('oncall-access.yaml'), '<!-- oncall-access:plan config=oncall-access.yaml -->');
  t.equal(commentMarker('a b/--><script>.yaml'), '<!-- oncall-access:plan config=a%20b/--%3E%3Cscript%3E.yaml -->');
});

t.test('validation Markdown lists errors then warnings, escaped, and stays bounded', async (t) => {
  const d = (severity: Diagnostic['severity'], line: number, message: string): Diagnostic => ({ severity, message, file: 'profiles/p.yaml', line, col: 3 });
  t.equal(
    validationMarkdown('cfg.yaml', [d('warning', 2, 'meh'), d('error', 1, 'bad <b>@team</b>')]),
    [
      '## oncall-access: cfg.yaml is invalid',
      '',
      '**1 error, 1 warning.** Each is annotated on its line (see Files changed); no plan was computed.',
      '',
      '> [!CAUTION]',
      '> - profiles/p.yaml:1:3: error: bad &#60;b>`@team`&#60;/b>',
      '',
      '> [!WARNING]',
      '> - profiles/p.yaml:2:3: warning: meh',
      '',
    ].join('\n'),
  );
  t.equal(validationMarkdown('cfg.yaml', []), '## oncall-access: cfg.yaml is valid\n');
  const many = validationMarkdown('cfg.yaml', Array.from({ length: 60 }, (_, i) => d('error', i + 1, 'x')));
  t.equal(many.match(/^> - profiles/gm)?.length, 50);
  t.match(many, '> - … and 10 more');
  t.match(many, '**60 errors.**');
});

t.test('audit Markdown marks each outcome and names the trigger; odd event names are not shown as code', async (t) => {
  const ctx = { eventName: 'schedule', apiUrl: '', sha: 'a'.repeat(40) };
  const change = (action: 'grant' | 'revoke', login: string) => ({ action, entitlement: { target: 'github', kind: 'team', resource: 'o/t', level: 'member' }, subject: { login }, reasons: [], profiles: [] });
  const md = auditMarkdown(ctx, new Date('2026-11-30T08:00:00Z'), [
    { status: 'applied', change: change('grant', 'a') },
    { status: 'failed', change: change('revoke', 'b'), error: '500' },
    { status: 'skipped', change: change('revoke', 'c'), error: 'gone' },
  ]);
  t.match(md, 'Applied at 2026-11-30T08:00:00.000Z on the `schedule` event, config at commit `aaaaaaaaaaaa`.');
  t.match(md, '- ✅ applied: grant a on o/t as member\n- ❌ failed: revoke b from o/t: 500\n- ⏭️ skipped: revoke c from o/t: gone');
  t.match(auditMarkdown({ eventName: 'x`y', apiUrl: '' }, new Date(0), []), 'on the run.\n\nNo change was needed.');
  t.equal(footer({ eventName: '', apiUrl: '' }, 'what', undefined), '\n<sub>what</sub>\n');
});

t.test('auto-approve: only eligible requests to approval: auto profiles, with no error in the plan', async (t) => {
  const { autoApprovable } = await import('../src/action/main.js');
  const base = { formatVersion: 2 as const, at: '', createdAt: '', configHash: '', changes: [], summary: { grant: 0, revoke: 0, update: 0, unchanged: 0 }, diagnostics: [], state: { prune: [], onCall: {} } };
  const req = (approval: 'auto' | 'review', eligible = true) => ({ file: 'requests/r.yaml', profile: 'p', subject: 'bob', approval, eligible });
  t.equal(autoApprovable({ ...base, requests: [req('auto')] }), true);
  t.equal(autoApprovable({ ...base }), false, 'no request, nothing to approve');
  t.equal(autoApprovable({ ...base, requests: [req('auto'), req('review')] }), false, 'one needs review');
  t.equal(autoApprovable({ ...base, requests: [req('auto', false)] }), false, 'ineligible');
  t.equal(autoApprovable({ ...base, requests: [req('auto')], diagnostics: [{ severity: 'error' as const, message: 'x' }] }), false, 'the plan has an error');
});
