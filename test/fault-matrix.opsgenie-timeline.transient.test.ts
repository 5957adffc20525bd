/** The fault matrix (test/helpers/fault-matrix.ts): Opsgenie schedule timelines, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: Opsgenie schedule timelines, transient', (t) => runFaultMatrix(t, engineCellsOf('GET /v2/schedules/{id}/timeline', 'transient')));
