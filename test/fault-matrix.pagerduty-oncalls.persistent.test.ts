/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty on-calls, the batched read, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty on-calls, the batched read, persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /oncalls', 'persistent')));
