/** The fault matrix's Slack cells (test/helpers/slack-faults.ts): users.lookupByEmail, persistent faults. */
import t from 'tap';
import { slackFaultMatrix } from './helpers/slack-faults.js';

t.test('fault matrix: Slack users.lookupByEmail, persistent', (t) => slackFaultMatrix(t, 'persistent', ['users.lookupByEmail']));
