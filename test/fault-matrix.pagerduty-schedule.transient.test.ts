/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty rendered schedules, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty rendered schedules, transient', (t) => runFaultMatrix(t, engineCellsOf('GET /schedules/{id}', 'transient')));
