/**
 * The shared fixture that keeps the emulators strict in every test: `.taprc` loads it into each
 * test file's process (`node-arg: --import`), before the file. When the file's tests are done,
 * if the file started any emulator, it adds one assertion to the file: no emulator saw a request
 * it could not serve (an unknown route, refused credentials, a query GitHub would reject, a
 * crash), each listed with the emulator, method, path and reason, and the test it happened in.
 *
 * No test has to remember the check. A test that provokes such requests on purpose, and asserts
 * on `emulator.unexpected` itself, says so with `emulator.acceptUnexpected()`.
 */
import t from 'tap';
import { anyServerStarted, unexpectedRequests, type UnexpectedRequest } from '@oncall-access/emulators/http-server';

/** The test that was running when each unexpected request was first seen (afterEach runs innermost first). */
const seenIn = new WeakMap<UnexpectedRequest, string>();

t.afterEach((test) => {
  const names: string[] = [];
  for (let x: { name: string; parent?: unknown } | undefined = test; x?.parent !== undefined; x = x.parent as typeof x) names.unshift(x.name);
  for (const { request } of unexpectedRequests()) if (!seenIn.has(request)) seenIn.set(request, `"${names.join(' > ')}"`);
});

// tap's extension point for assertions a test makes when it is about to end (its own t.emits()
// uses it); the root's is called once every top-level test has finished.
const root = t as unknown as { onbeforeend: () => unknown };
const before = root.onbeforeend;
root.onbeforeend = function (this: unknown) {
  if (anyServerStarted()) {
    const seen = unexpectedRequests().map(({ server, request: r }) => `${server}: ${r.method} ${r.path}: ${r.reason} (in ${seenIn.get(r) ?? 'no test'})`);
    t.same(seen, [], 'no emulator saw a request it could not serve (a test that means to provoke them calls emulator.acceptUnexpected())');
  }
  return before.call(this);
};
