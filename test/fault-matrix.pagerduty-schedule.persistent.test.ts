/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty rendered schedules, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty rendered schedules, persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /schedules/{id}', 'persistent')));
