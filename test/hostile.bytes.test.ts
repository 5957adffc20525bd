/**
 * The hostile-input corpus, generated cases whose bytes must stay exact: Latin-1, overlong UTF-8,
 * lone surrogates, UTF-16, NUL, BOMs and C1 controls. The other generated cases are in
 * test/hostile.big.test.ts and test/hostile.many.test.ts, the committed ones in
 * test/hostile.committed.test.ts; what each case must satisfy is in test/helpers/hostile.ts.
 */
import t from 'tap';
import { generatedCases, hostileSuite } from './helpers/hostile.js';

hostileSuite(t, generatedCases('bytes'), 9);
