/** The fault matrix (test/helpers/fault-matrix.ts): GitHub SAML identities, faults that last: every attempt fails. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub SAML identities, persistent', (t) => runFaultMatrix(t, engineCellsOf('POST /graphql (SAML identities)', 'persistent')));
