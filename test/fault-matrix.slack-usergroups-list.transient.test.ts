/** The fault matrix's Slack cells (test/helpers/slack-faults.ts): usergroups.list, transient faults. */
import t from 'tap';
import { slackFaultMatrix } from './helpers/slack-faults.js';

t.test('fault matrix: Slack usergroups.list, transient', (t) => slackFaultMatrix(t, 'transient', ['usergroups.list']));
