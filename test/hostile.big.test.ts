/**
 * The hostile-input corpus, generated cases too big to commit: megabyte files, a line of 900 KB,
 * an error after 100,000 lines, a plan window of millions of shifts. The cases of many documents
 * or errors are in test/hostile.many.test.ts, the exact-bytes ones in test/hostile.bytes.test.ts,
 * the committed ones in test/hostile.committed.test.ts.
 *
 * Every case is a valid workspace (test/fixtures/hostile/base) with some files replaced or added,
 * built to break the loader, smuggle something through it, or escape a URL path. For each case:
 * `validate` and `plan` (in-process, through `main`) exit 1; the output names the file and line as
 * `file:line`; there is no stack trace and no "internal error"; no control or bidi character
 * reaches the output raw; and the strict GitHub, PagerDuty and Opsgenie emulators the workspace
 * points at receive no request at all. The runner is test/helpers/hostile.ts.
 */
import t from 'tap';
import { generatedCases, hostileSuite } from './helpers/hostile.js';

hostileSuite(t, generatedCases('big'), 7);
