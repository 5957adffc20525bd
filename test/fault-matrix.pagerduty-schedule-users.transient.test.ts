/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty schedule users, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty schedule users, transient', (t) => runFaultMatrix(t, engineCellsOf('GET /schedules/{id}/users', 'transient')));
