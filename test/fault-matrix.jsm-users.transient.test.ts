/** The fault matrix (test/helpers/fault-matrix.ts): the Jira bulk user lookup (account ids to emails), transient faults. */
import t from 'tap';
import { engineCellsOf, runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: the Jira bulk user lookup (account ids to emails), transient', (t) => runFaultMatrix(t, engineCellsOf('GET /ex/jira/{cloudId}/rest/api/3/user/bulk', 'transient')));
