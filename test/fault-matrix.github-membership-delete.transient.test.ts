/** The fault matrix (test/helpers/fault-matrix.ts): GitHub membership revocations, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub membership revocations, transient', (t) => runFaultMatrix(t, engineCellsOf('DELETE /orgs/{org}/teams/{team}/memberships/{user}', 'transient')));
