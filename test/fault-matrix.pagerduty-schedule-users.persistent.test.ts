/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty schedule users, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty schedule users, persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /schedules/{id}/users', 'persistent')));
