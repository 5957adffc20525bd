/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty escalation policies, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty escalation policies, persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /escalation_policies/{id}', 'persistent')));
