/** Apply killed at every point of a plan (test/helpers/crash.ts), part 1 of 8. */
import t from 'tap';
import { existsSync } from 'node:fs';
import { crashPart, DIST } from './helpers/crash.js';

t.test('an apply killed at any point, then applied again, ends as if it had not been killed (part 1 of 8)', { skip: existsSync(DIST) ? false : 'dist/cli.js is not built (npm run build)' }, (t) => crashPart(t, 0));
