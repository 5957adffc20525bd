/** The fault matrix (test/helpers/fault-matrix.ts): GitHub membership grants. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub membership grants', (t) => runFaultMatrix(t, engineCellsOf('PUT /orgs/{org}/teams/{team}/memberships/{user}')));
