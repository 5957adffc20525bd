/**
 * A workflow step's process for in-process runs of the Action. `@actions/core` reads the
 * runner's variables (`INPUT_*`, `GITHUB_OUTPUT`, ...) from `process.env` and writes the log to
 * `process.stdout`, so for the length of a run the test's runner variables are put into
 * `process.env` (any others removed) and `process.stdout` is captured; both are restored after.
 * Tests in a file run one at a time, so no two runs share the process at once.
 */

/** The variables a runner sets for a step; the rest of the test process's environment stays. */
const RUNNER_VARIABLE = /^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/i;

function setRunnerVariables(env: NodeJS.ProcessEnv): void {
  for (const name of Object.keys(process.env)) if (RUNNER_VARIABLE.test(name)) delete process.env[name];
  for (const [name, value] of Object.entries(env)) if (RUNNER_VARIABLE.test(name) && value !== undefined) process.env[name] = value;
}

/** Runs `run` as a step with `env`'s runner variables; returns its result and what it wrote to `process.stdout`. */
export async function inStep<T>(env: NodeJS.ProcessEnv, run: () => T | Promise<T>): Promise<{ value: T; stdout: string }> {
  const before = { ...process.env };
  const stdout = Object.getOwnPropertyDescriptor(process, 'stdout')!;
  let written = '';
  const capture = { isTTY: false, write: (text: string) => ((written += text), true) };
  setRunnerVariables(env);
  Object.defineProperty(process, 'stdout', { configurable: true, enumerable: stdout.enumerable, get: () => capture });
  try {
    return { value: await run(), stdout: written };
  } finally {
    Object.defineProperty(process, 'stdout', stdout);
    setRunnerVariables(before);
  }
}
