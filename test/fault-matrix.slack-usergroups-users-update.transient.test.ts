/** The fault matrix's Slack cells (test/helpers/slack-faults.ts): usergroups.users.update, transient faults. */
import t from 'tap';
import { slackFaultMatrix } from './helpers/slack-faults.js';

t.test('fault matrix: Slack usergroups.users.update, transient', (t) => slackFaultMatrix(t, 'transient', ['usergroups.users.update']));
