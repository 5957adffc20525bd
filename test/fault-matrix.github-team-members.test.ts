/** The fault matrix (test/helpers/fault-matrix.ts): GitHub team members, the batched read. Page 2 is in test/fault-matrix.github-team-members-page-2.test.ts. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub team members, batched', (t) => runFaultMatrix(t, engineCellsOf('POST /graphql (team members batch)')));
