/** The fault matrix (test/helpers/fault-matrix.ts): Opsgenie schedule timelines, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: Opsgenie schedule timelines, persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /v2/schedules/{id}/timeline', 'persistent')));
