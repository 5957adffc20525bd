/** The fault matrix's Slack cells (test/helpers/slack-faults.ts), transient faults. */
import t from 'tap';
import { slackFaultMatrix } from './helpers/slack-faults.js';

t.test('fault matrix: the Slack target, transient', (t) => slackFaultMatrix(t, 'transient'));
