/** The fault matrix (test/helpers/fault-matrix.ts): the Jira bulk user lookup (account ids to emails), persistent faults. */
import t from 'tap';
import { engineCellsIn, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: the Jira bulk user lookup (account ids to emails), persistent', (t) => runFaultMatrix(t, engineCellsIn('GET /ex/jira/{cloudId}/rest/api/3/user/bulk', 'persistent')));
