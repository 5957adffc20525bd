/** The fault matrix's Slack cells (test/helpers/slack-faults.ts): usergroups.users.update, persistent faults. */
import t from 'tap';
import { slackFaultMatrix } from './helpers/slack-faults.js';

t.test('fault matrix: Slack usergroups.users.update, persistent', (t) => slackFaultMatrix(t, 'persistent', ['usergroups.users.update']));
