/** The fault matrix (test/helpers/fault-matrix.ts): GitHub organisation invitations, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub organisation invitations, persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /orgs/{org}/invitations', 'persistent')));
