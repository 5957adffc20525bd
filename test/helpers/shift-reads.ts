/** What the source tests share: shifts and bindings to compare with, a recording fetch, a sleep that does not. */
import type { Test } from 'tap';
import type { RotationBinding } from '../../src/config/model.js';
import type { Fetch } from '../../src/http/read-only.js';
import type { Shift, ShiftRead } from '../../src/sources/source.js';

const pos = { file: 'profiles/p.yaml', line: 1, col: 1 };

/** A schedule binding of source `source`. */
export const schedule = (name: string, source: string): RotationBinding => ({ kind: 'schedule', source, schedule: name, pos });
export const shift = (email: string, start: string, end: string): Shift => ({ email, start: new Date(start), end: new Date(end) });

/** A fetch that records every URL it is asked for, then passes the request on. */
export function recording(inner: Fetch = globalThis.fetch): { fetch: Fetch; urls: URL[] } {
  const urls: URL[] = [];
  const fetch: Fetch = (input, init) => {
    urls.push(new URL(String(input)));
    return inner(input, init);
  };
  return { fetch, urls };
}

/** A sleep that returns at once and records what it was asked to wait. */
export function sleeper(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { sleep: async (ms) => void waits.push(ms), waits };
}

/** The shifts of a read that must have succeeded. */
export function shifts(t: Test, read: ShiftRead | undefined): Shift[] {
  if (!read?.ok) {
    t.fail(`should read: ${read ? read.error : 'missing'}`);
    return [];
  }
  return read.shifts;
}

/** The error of a read that must have failed. */
export function failure(t: Test, read: ShiftRead | undefined): string {
  if (read === undefined || read.ok) {
    t.fail('should fail to read');
    return '';
  }
  return read.error;
}
