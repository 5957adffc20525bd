/** The fault matrix (test/helpers/fault-matrix.ts): PagerDuty escalation policies, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: PagerDuty escalation policies, transient', (t) => runFaultMatrix(t, engineCellsOf('GET /escalation_policies/{id}', 'transient')));
