/** The fault matrix (test/helpers/fault-matrix.ts): JSM Operations schedule timelines, persistent faults. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: JSM Operations schedule timelines, persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /jsm/ops/api/{cloudId}/v1/schedules/{id}/timeline', 'persistent')));
