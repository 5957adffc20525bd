/** The fault matrix (test/helpers/fault-matrix.ts): GitHub invitation teams. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub invitation teams', (t) => runFaultMatrix(t, engineCellsOf('GET /orgs/{org}/invitations/{id}/teams')));
