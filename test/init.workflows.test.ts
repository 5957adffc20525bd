/**
 * The workflows `oncall-access init` writes (templates/workflows/): actionlint finds nothing in
 * them, they pin the tool as the README says, and they are this repository's own workflows less
 * exactly what only this repository needs (running the tool from its own checkout, the demo
 * emulators): a fix to a workflow here that the templates miss fails this test.
 */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
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
      if (step.if) step.if = step.if.replace(" && hashFiles('src/emulators/serve.ts') == ''", '');
    }
  }
  return w;
}

t.test("the templates are this repository's workflows less what only this repository needs", async (t) => {
  for (const file of FILES) t.same(parse(template(file)), forUsers(file), file);
});
