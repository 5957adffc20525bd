/** The fault matrix (test/helpers/fault-matrix.ts): cells run through `oncall-access apply` itself, with the CLI's default timeouts, retries and real sleeps. */
import t from 'tap';
import { runFaultMatrix } from './helpers/fault-matrix.js';

t.test('fault matrix: through the CLI', (t) => runFaultMatrix(t, (c) => c.level === 'cli'));
