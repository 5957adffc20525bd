/**
 * The hostile-input corpus, committed cases: test/fixtures/hostile/cases/NAME/ (files plus
 * case.json: why, and the file and line the error must name). The generated ones are in
 * test/hostile.big.test.ts, test/hostile.many.test.ts and test/hostile.bytes.test.ts.
 *
 * Every case is a valid workspace (test/fixtures/hostile/base) with some files replaced or added,
 * built to break the loader, smuggle something through it, or escape a URL path. For each case:
 * `validate` and `plan` (in-process, through `main`) exit 1; the output names the file and line as
 * `file:line`; there is no stack trace and no "internal error"; no control or bidi character
 * reaches the output raw; and the strict GitHub, PagerDuty and Opsgenie emulators the workspace
 * points at receive no request at all. The runner is test/helpers/hostile.ts.
 */
import t from 'tap';
import { committedCases, hostileSuite } from './helpers/hostile.js';

hostileSuite(t, committedCases(), 60);
