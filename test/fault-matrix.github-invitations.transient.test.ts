/** The fault matrix (test/helpers/fault-matrix.ts): GitHub organisation invitations, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub organisation invitations, transient', (t) => runFaultMatrix(t, engineCellsOf('GET /orgs/{org}/invitations', 'transient')));
