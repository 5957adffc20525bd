/**
 * What crash safety costs locally (issue 23): N changes (default 300, the handoff scenario's
 * size) recorded through the write-ahead journal as apply records them, each step an fsynced
 * atomic replacement or append, in a temporary directory. Prints the time in total and per
 * change. Run: npm run bench:journal [-- N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Change, Plan } from '../src/core/plan.js';
import { Journal } from '../src/apply/journal.js';
import { Recorder } from '../src/record/record.js';

const n = Number(process.argv[2] ?? 300);
const dir = mkdtempSync(join(tmpdir(), 'journal-cost-'));
const changes: Change[] = Array.from({ length: n }, (_, i) => ({
  action: i % 2 === 0 ? 'grant' : 'revoke',
  entitlement: { target: 'github', kind: 'team', resource: `acme/team-${i % 20}`, level: 'member' },
  subject: { login: `user-${i}`, email: `user-${i}@acme.example` },
  reasons: ['on call in rotation primary (2026-11-30 08:00Z – 2026-12-07 08:00Z), profile p'],
  profiles: ['p'],
}));
const plan = { at: '2026-11-30T07:50:00.000Z', configHash: 'bench', changes, state: { prune: [], onCall: {} } } as unknown as Plan;
const recorder = new Recorder({ dir, journal: new Journal(join(dir, 'journal.json')), env: {}, commit: undefined, secrets: [], now: () => new Date() });
const started = performance.now();
const ids = recorder.begin(plan, 'bench');
changes.forEach((change, i) => recorder.record(ids[i] as string, { change, status: 'applied' }));
recorder.finish(plan);
const ms = performance.now() - started;
rmSync(dir, { recursive: true, force: true });
console.log(`journal: ${n} changes recorded in ${ms.toFixed(0)} ms, ${(ms / n).toFixed(2)} ms per change (GitHub.com's write pacing allows one write every 822 ms)`);
