/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty on-calls, batched and paged. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty on-calls, batched and paged', (t) => runFaultMatrix(t, engineCellsOf('GET /oncalls', 'GET /oncalls (offset 100)')));
