/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty on-calls, the batched read, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty on-calls, the batched read, transient', (t) => runFaultMatrix(t, engineCellsOf('GET /oncalls', 'transient')));
