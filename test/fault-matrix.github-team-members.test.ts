/** The fault matrix (test/helpers/fault-matrix.ts): GitHub team members, batched and paged. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub team members, batched and paged', (t) => runFaultMatrix(t, engineCellsOf('POST /graphql (team members batch)', 'POST /graphql (team members, page 2)')));
