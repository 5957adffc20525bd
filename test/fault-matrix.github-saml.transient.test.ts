/** The fault matrix (test/helpers/fault-matrix.ts): GitHub SAML identities, faults that pass: each request fails once. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: GitHub SAML identities, transient', (t) => runFaultMatrix(t, engineCellsOf('POST /graphql (SAML identities)', 'transient')));
