/** The fault matrix (test/helpers/fault-matrix.ts): GitHub membership grants, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub membership grants, persistent', (t) => runFaultMatrix(t, engineCellsOf('PUT /orgs/{org}/teams/{team}/memberships/{user}', 'persistent')));
