/** The fault matrix (test/helpers/fault-matrix.ts): the JSM Operations schedule list (a schedule bound by name), persistent faults. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: the JSM Operations schedule list (a schedule bound by name), persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /jsm/ops/api/{cloudId}/v1/schedules', 'persistent')));
