/** The fault matrix (test/helpers/fault-matrix.ts): GitHub team members, the second page of a big team. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub team members, page 2', (t) => runFaultMatrix(t, engineCellsOf('POST /graphql (team members, page 2)')));
