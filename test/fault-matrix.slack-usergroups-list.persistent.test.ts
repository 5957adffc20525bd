/** The fault matrix's Slack cells (test/helpers/slack-faults.ts): usergroups.list, persistent faults. */
import t from 'tap';
import { slackFaultMatrix } from './helpers/slack-faults.js';

t.test('fault matrix: Slack usergroups.list, persistent', (t) => slackFaultMatrix(t, 'persistent', ['usergroups.list']));
