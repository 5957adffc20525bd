/** The fault matrix's Slack cells (test/helpers/slack-faults.ts): users.lookupByEmail, transient faults. */
import t from 'tap';
import { slackFaultMatrix } from './helpers/slack-faults.js';

t.test('fault matrix: Slack users.lookupByEmail, transient', (t) => slackFaultMatrix(t, 'transient', ['users.lookupByEmail']));
