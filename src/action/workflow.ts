/**
 * The runner's side of an Action: workflow commands on stdout (annotations, masks) and the
 * files the runner reads after a step (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

/** Annotation levels the runner shows. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** One `::level title=...::message` line, escaped as the runner expects. */
export function annotation(level: AnnotationLevel, message: string, title = 'oncall-access'): string {
  const props = escapeData(title).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${level} title=${props}::${escapeData(message)}\n`;
}

/** Asks the runner to hide `secret` in every later log line. */
export function addMask(secret: string): string {
  return `::add-mask::${escapeData(secret)}\n`;
}

/**
 * Step outputs in the `GITHUB_OUTPUT` file format: `name<<DELIMITER`, the value, the
 * delimiter, with a random delimiter that appears in no value, so any value (multi-line
 * included) reads back exactly.
 */
export function formatOutputs(outputs: Readonly<Record<string, string>>): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      let delimiter: string;
      do delimiter = `ghadelimiter_${randomUUID()}`;
      while (value.includes(delimiter));
      return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
    })
    .join('');
}

/** Appends to a runner file; does nothing when the runner gave no such file (a local run). */
export function appendRunnerFile(path: string | undefined, text: string): void {
  if (path !== undefined && text !== '') appendFileSync(path, text);
}
