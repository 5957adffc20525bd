/** The fault matrix (test/helpers/fault-matrix.ts): GitHub team members, the batched read, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub team members, the batched read, persistent', (t) => runFaultMatrix(t, engineCellsOf('POST /graphql (team members batch)', 'persistent')));
