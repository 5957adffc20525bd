/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty escalation policies. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty escalation policies', (t) => runFaultMatrix(t, engineCellsOf('GET /escalation_policies/{id}')));
