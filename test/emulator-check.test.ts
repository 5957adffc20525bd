/**
 * The shared fixture, test/helpers/emulator-check.ts, as .taprc loads it into every test file:
 * a file whose emulator saw a request it could not serve fails, saying which; a test that
 * provokes one on purpose and accepts it passes; a file without emulators gets no assertion.
 */
import t from 'tap';
import { runBuilt } from './helpers/built.js';

/** Runs test/fixtures/emulator-check.ts in `mode` with tap's TypeScript loader and the fixture, as tap runs a test file. */
const run = (mode: 'provoke' | 'accept' | 'none') =>
  runBuilt(['--import=@tapjs/typescript/import', '--import=./test/helpers/emulator-check.ts', 'test/fixtures/emulator-check.ts', mode]);

t.test('an unexpected request fails the file, naming the emulator, method, path, reason and test', async (t) => {
  const r = await run('provoke');
  t.equal(r.code, 1, r.stderr);
  t.match(r.stdout, /^\s*not ok \d+ - no emulator saw a request it could not serve/m);
  // tap folds long YAML lines: compare with white space folded.
  t.match(r.stdout.replace(/\s+/g, ' '), /GitHub emulator at http:\/\/127\.0\.0\.1:\d+: GET \/nope: no such route \(in \\"asks for a route nobody emulates\\"\)/);
});

t.test('the same request, accepted by the test that provokes it, passes', async (t) => {
  const r = await run('accept');
  t.equal(r.code, 0, r.stdout + r.stderr);
  t.match(r.stdout, /^\s*ok \d+ - no emulator saw a request it could not serve/m);
});

t.test('a file that starts no emulator gets no extra assertion', async (t) => {
  const r = await run('none');
  t.equal(r.code, 0, r.stdout + r.stderr);
  t.notMatch(r.stdout, 'no emulator saw');
});
