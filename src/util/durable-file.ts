/**
 * Files that survive a killed process and a crashed machine: replaced atomically (a reader sees
 * the old content or the new, never a part) and appended one whole line at a time, each fsynced.
 */
import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Replaces `path` with `text` so that a reader sees the old file or the new one, never a part:
 * written to a temporary file, fsynced, renamed over, and the directory fsynced.
 */
export function writeDurably(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  syncDir(dirname(path));
}

/** fsyncs a directory, so a rename or removal in it survives a crash of the machine. */
export function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Appends `lines` (each without its newline) to `path` in one write, fsynced. */
export function appendDurably(path: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  try {
    appendFileSync(fd, lines.map((l) => `${l}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes the temporary files (`NAME.PID.tmp`) a writer killed before its rename left in `dir`; call only while holding the lock of whatever writes there. */
export function removeTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (/\.\d+\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
}
