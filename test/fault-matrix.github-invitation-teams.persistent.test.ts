/** The fault matrix (test/helpers/fault-matrix.ts): GitHub invitation teams, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub invitation teams, persistent', (t) => runFaultMatrix(t, engineCellsOf('GET /orgs/{org}/invitations/{id}/teams', 'persistent')));
