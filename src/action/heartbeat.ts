/**
 * The record of the last successful apply (a small JSON file, `last-apply.json` by convention)
 * and the staleness check built on it. GitHub's schedule is best-effort: scheduled runs can
 * start late, be dropped under load, or stop altogether when a public repository has had no
 * activity for 60 days. A run that finds the previous success older than the allowed staleness
 * fails loudly, so a gap in reconciliation is seen rather than silently absorbed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { formatDuration } from '../core/duration.js';

/** One successful apply. */
export interface Heartbeat {
  formatVersion: 1;
  /** When the apply finished (ISO 8601, UTC). */
  at: string;
  /** The commit of the config that was applied. */
  commit?: string;
  /** The workflow run that applied it. */
  run?: string;
}

/** What the record says about the previous successful apply. */
export type PreviousApply = { kind: 'none' } | { kind: 'ok'; heartbeat: Heartbeat } | { kind: 'unreadable'; reason: string };

/** Reads the record at `path`; a missing file is `none`, anything malformed is `unreadable`. */
export function readHeartbeat(path: string): PreviousApply {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'unreadable', reason: (e as Error).message };
  }
  try {
    const data = JSON.parse(text) as Partial<Heartbeat>;
    if (data.formatVersion !== 1 || typeof data.at !== 'string' || Number.isNaN(Date.parse(data.at))) return { kind: 'unreadable', reason: 'it has no formatVersion 1 and ISO "at" instant' };
    return { kind: 'ok', heartbeat: data as Heartbeat };
  } catch (e) {
    return { kind: 'unreadable', reason: `not JSON: ${(e as Error).message}` };
  }
}

/** Writes `heartbeat` to `path` (its directory created when missing), replacing the previous record. */
export function writeHeartbeat(path: string, heartbeat: Heartbeat): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(heartbeat, null, 2)}\n`);
}

/** The outcome of the staleness check: `stale` carries the sentence to show. */
export type Staleness = { stale: false; note?: string } | { stale: true; message: string };

/**
 * Judges the previous successful apply against `maxMs` at `now`. No record at all is not
 * stale (a first run; the note says the check starts now); an unreadable record is stale,
 * because nothing shows that access was kept up to date.
 */
export function checkStaleness(previous: PreviousApply, path: string, now: Date, maxMs: number): Staleness {
  const limit = formatDuration(maxMs);
  const file = basename(path);
  if (previous.kind === 'none') return { stale: false, note: `No record of an earlier successful apply (${file}): the staleness check (max ${limit}) starts with this run.` };
  if (previous.kind === 'unreadable') return { stale: true, message: `Cannot tell when access was last reconciled: ${file} is unreadable (${previous.reason}).` };
  const ageMs = now.getTime() - Date.parse(previous.heartbeat.at);
  if (ageMs <= maxMs) return { stale: false };
  const age = formatDuration(Math.floor(ageMs / 1000) * 1000);
  return {
    stale: true,
    message:
      `The last successful apply was at ${previous.heartbeat.at}, ${age} ago, more than the allowed ${limit}: on-call access may have been out of date for that long. ` +
      "GitHub's schedule is best-effort (runs start late or are skipped under load, and are disabled in public repositories after 60 days without activity); earlier runs may also have failed.",
  };
}
