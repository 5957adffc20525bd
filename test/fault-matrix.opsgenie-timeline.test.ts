/** The fault matrix (test/helpers/fault-matrix.ts): Opsgenie schedule timelines. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: Opsgenie schedule timelines', (t) => runFaultMatrix(t, engineCellsOf('GET /v2/schedules/{id}/timeline')));
