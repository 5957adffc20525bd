/**
 * The runner's side of the Action, through `@actions/core`: the log (lines and foldable groups)
 * and annotations on `process.stdout`, masks, and step outputs in the `GITHUB_OUTPUT` file.
 * Every text is redacted with the run's secrets before `core` sees it; only a mask names a
 * secret, as it must.
 *
 * The job summary is appended to the `GITHUB_STEP_SUMMARY` file here rather than through `core.summary`: `core.summary` keeps the
 * first `GITHUB_STEP_SUMMARY` path it sees for the life of the process (a second run in one
 * process wrote its summary into the first run's file) and throws when the variable is unset.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import * as core from '@actions/core';
import { redact } from '../util/redact.js';

/** Annotation levels the runner shows. */
export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Where an annotation points, and its title (default `oncall-access`). */
export interface AnnotationPlace {
  file?: string;
  line?: number;
  col?: number;
  title?: string;
}

/** What the Action tells the runner. */
export interface Runner {
  /** Lines for the log; one trailing newline is dropped (`core` ends each write with one), and empty text writes nothing. */
  info(text: string): void;
  /** `text` in a foldable group of the log, shown folded under `title`. */
  group(title: string, text: string): void;
  /** An annotation: in the log, and on the pull request's diff when it names a file and line. */
  annotate(level: AnnotationLevel, message: string, place?: AnnotationPlace): void;
  /** Masks `secret` in every later log line, and redacts it from every later text of this run. */
  mask(secret: string): void;
  /** A step output. */
  output(name: string, value: string): void;
  /** Appends Markdown to the job summary; nothing when the runner gave no summary file (a local run). */
  summary(markdown: string): void;
}

/** The runner for one run; `secrets` are redacted from everything it writes, and {@link Runner.mask} adds to them. */
export function runnerFor(secrets: string[]): Runner {
  const clean = (text: string) => redact(text, secrets);
  const info = (text: string) => {
    if (text === '') return;
    const lines = clean(text.replace(/\n$/, ''));
    // Text from a pull request (a request's reason, say) must not forge a workflow command: a
    // line that could read as one is logged between stop-commands markers, as the runner allows.
    if (!/^\s*::/m.test(lines)) return core.info(lines);
    const token = randomUUID();
    core.info(`::stop-commands::${token}`);
    core.info(lines);
    core.info(`::${token}::`);
  };
  return {
    info,
    group(title, text) {
      core.startGroup(clean(title));
      info(text);
      core.endGroup();
    },
    annotate(level, message, place = {}) {
      const props: core.AnnotationProperties = { title: clean(place.title ?? 'oncall-access'), file: place.file === undefined ? undefined : clean(place.file), startLine: place.line, startColumn: place.col };
      core[level](clean(message), props);
    },
    mask(secret) {
      core.setSecret(secret);
      secrets.push(secret);
      secrets.sort((a, b) => b.length - a.length);
    },
    output(name, value) {
      core.setOutput(name, clean(value));
    },
    summary(markdown) {
      const path = process.env.GITHUB_STEP_SUMMARY;
      if (path && markdown !== '') appendFileSync(path, clean(markdown));
    },
  };
}
