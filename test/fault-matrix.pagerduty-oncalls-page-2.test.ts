/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty on-calls, the second page (offset 100) changing between requests. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty on-calls, page 2', (t) => runFaultMatrix(t, engineCellsOf('GET /oncalls (offset 100)')));
