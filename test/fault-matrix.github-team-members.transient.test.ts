/** The fault matrix (test/helpers/fault-matrix.ts): GitHub team members, the batched read, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub team members, the batched read, transient', (t) => runFaultMatrix(t, engineCellsOf('POST /graphql (team members batch)', 'transient')));
