/**
 * The hostile-input corpus, generated cases of many documents or errors in one file: 50,000 empty
 * documents, 10,000 errors. The other generated cases are in test/hostile.big.test.ts and
 * test/hostile.bytes.test.ts; what each case must satisfy is in test/helpers/hostile.ts.
 */
import t from 'tap';
import { generatedCases, hostileSuite } from './helpers/hostile.js';

hostileSuite(t, generatedCases('many'), 2);
