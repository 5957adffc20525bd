import t from 'tap';
import { connectFailure, getJson, waitFromHeaders, type HttpOptions } from '../src/http/client.js';
import type { Fetch } from '../src/http/read-only.js';

const URL_ = 'http://127.0.0.1:9/v2/things';
const SECRET = 'GenieKey s3cr3t-never-printed';

/** One scripted answer: a response to build, or an error to reject with. */
type Step = { status: number; body?: string; headers?: Record<string, string> } | { reject: unknown };

/** A fake fetch that plays `steps` in order (the last one repeats) and records each call. Nothing leaves the process. */
function scripted(...steps: Step[]): { fetch: Fetch; calls: { url: string; init: RequestInit | undefined }[] } {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: Fetch = async (input, init) => {
    const step = steps[Math.min(calls.length, steps.length - 1)]!;
    calls.push({ url: String(input), init });
    if ('reject' in step) throw step.reject;
    return new Response(step.body ?? '', { status: step.status, headers: step.headers });
  };
  return { fetch, calls };
}

/** Options with a sleep that returns at once and records the waits asked for. */
function options(fetch: Fetch, extra: Partial<HttpOptions> = {}): { o: HttpOptions; waits: number[] } {
  const waits: number[] = [];
  return { o: { fetch, sleep: async (ms) => void waits.push(ms), ...extra }, waits };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Step => ({ status, body: JSON.stringify(body), headers });
const named = (name: string, message = name): Error => Object.assign(new Error(message), { name });

t.test('success: GET with JSON accept, the caller headers and a timeout signal; the body parsed', async (t) => {
  const { fetch, calls } = scripted(json(200, { data: [1, 2] }));
  const { o, waits } = options(fetch);
  t.same(await getJson(URL_, { authorization: SECRET }, o), { ok: true, status: 200, body: { data: [1, 2] } });
  t.equal(calls.length, 1);
  t.equal(calls[0]?.url, URL_);
  t.equal(calls[0]?.init?.method, 'GET');
  t.same(calls[0]?.init?.headers, { accept: 'application/json', authorization: SECRET });
  t.type(calls[0]?.init?.signal, AbortSignal);
  t.same(waits, []);
});

t.test('4xx is not retried; the API message is extracted from each API style', async (t) => {
  const cases: [Step, string][] = [
    [json(404, { message: 'No schedule exists with name [x]', took: 0.001, requestId: 'r' }), 'HTTP 404: No schedule exists with name [x]'],
    [json(400, { error: { message: 'Invalid Input Provided', code: 2001 } }), 'HTTP 400: Invalid Input Provided'],
    [json(401, { error: 'Unauthorized' }), 'HTTP 401: Unauthorized'],
    [json(403, { message: '' }), 'HTTP 403'],
    [json(422, { message: 42 }), 'HTTP 422'],
    [json(422, { error: { code: 1 } }), 'HTTP 422'],
    [{ status: 404, body: '<html>Not Found</html>' }, 'HTTP 404'],
    [json(400, { message: 'x'.repeat(300) }), `HTTP 400: ${'x'.repeat(200)}`],
  ];
  for (const [step, error] of cases) {
    const { fetch, calls } = scripted(step);
    const { o, waits } = options(fetch);
    const res = await getJson(URL_, {}, o);
    t.same(res, { ok: false, status: 'status' in step ? step.status : 0, error }, error);
    t.equal(calls.length, 1, `${error}: one attempt`);
    t.same(waits, []);
  }
});

t.test('5xx is retried with doubling backoff, then fails with the last status, naming every status seen', async (t) => {
  const { fetch, calls } = scripted({ status: 500 }, { status: 502 }, { status: 503 });
  const { o, waits } = options(fetch, { backoffMs: 100 });
  t.same(await getJson(URL_, {}, o), { ok: false, status: 503, error: 'server error (HTTP 500, HTTP 502, HTTP 503) after retries' });
  t.equal(calls.length, 4, 'three retries by default');
  t.same(waits, [100, 200, 400]);

  const defaults = options(scripted({ status: 500 }).fetch);
  await getJson(URL_, {}, defaults.o);
  t.same(defaults.waits, [500, 1000, 2000], 'backoff starts at 500 ms by default');

  const none = scripted({ status: 500 });
  const once = options(none.fetch, { retries: 0 });
  t.same(await getJson(URL_, {}, once.o), { ok: false, status: 500, error: 'server error (HTTP 500) after retries' });
  t.equal(none.calls.length, 1);
  t.same(once.waits, [], 'no sleep after the last attempt');
});

t.test('5xx then success returns the success', async (t) => {
  const { fetch } = scripted({ status: 502 }, json(200, { ok: 1 }));
  const { o, waits } = options(fetch, { backoffMs: 1 });
  t.same(await getJson(URL_, {}, o), { ok: true, status: 200, body: { ok: 1 } });
  t.same(waits, [1]);
});

t.test('429 waits as the response asks, then retries', async (t) => {
  const now = Date.now();
  const cases: [string, Record<string, string>, (ms: number) => boolean][] = [
    ['Retry-After seconds', { 'retry-after': '2' }, (ms) => ms === 2000],
    ['Retry-After HTTP date', { 'retry-after': new Date(now + 30_000).toUTCString() }, (ms) => ms > 25_000 && ms <= 30_000],
    ['ratelimit-reset delta', { 'ratelimit-reset': '7' }, (ms) => ms === 7000],
    ['x-ratelimit-reset epoch', { 'x-ratelimit-reset': String(Math.ceil(now / 1000) + 20) }, (ms) => ms > 15_000 && ms <= 21_000],
    ['nothing: backoff', {}, (ms) => ms === 500],
  ];
  for (const [name, headers, expected] of cases) {
    const { fetch, calls } = scripted(json(429, { message: 'slow down' }, headers), json(200, []));
    const { o, waits } = options(fetch);
    t.same(await getJson(URL_, {}, o), { ok: true, status: 200, body: [] }, name);
    t.equal(calls.length, 2, `${name}: retried once`);
    t.ok(waits.length === 1 && expected(waits[0]!), `${name}: waited ${waits[0]} ms`);
  }
});

t.test('429 on every attempt fails as rate limited', async (t) => {
  const { fetch } = scripted(json(429, {}, { 'retry-after': '1' }));
  const { o, waits } = options(fetch, { retries: 2 });
  t.same(await getJson(URL_, {}, o), { ok: false, status: 429, error: 'rate limited (HTTP 429) after retries' });
  t.same(waits, [1000, 1000]);
});

t.test('a 503 with Retry-After waits what it asks', async (t) => {
  const { fetch } = scripted({ status: 503, headers: { 'retry-after': '3' } }, json(200, {}));
  const { o, waits } = options(fetch);
  t.equal((await getJson(URL_, {}, o)).ok, true);
  t.same(waits, [3000]);
});

t.test('a wait longer than maxWaitMs gives up at once', async (t) => {
  const { fetch, calls } = scripted(json(429, {}, { 'retry-after': '120' }));
  const { o, waits } = options(fetch);
  t.same(await getJson(URL_, {}, o), { ok: false, status: 429, error: 'rate limited (HTTP 429), asked to wait 120 s, longer than we wait' });
  t.equal(calls.length, 1);
  t.same(waits, []);

  const tight = scripted(json(429, {}, { 'retry-after': '2' }));
  const small = options(tight.fetch, { maxWaitMs: 1000 });
  t.match(await getJson(URL_, {}, small.o), { ok: false, error: /asked to wait 2 s, longer than we wait/ });
  t.equal(tight.calls.length, 1);
});

t.test('network errors are retried and reported with their cause code; a connection never made is unreachable', async (t) => {
  const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
  const { fetch, calls } = scripted({ reject: refused });
  const { o, waits } = options(fetch, { backoffMs: 10 });
  t.same(await getJson(URL_, {}, o), { ok: false, error: 'network error (ECONNREFUSED) after retries', unreachable: 'ECONNREFUSED' });
  t.equal(calls.length, 4);
  t.same(waits, [10, 20, 40]);

  const plain = options(scripted({ reject: new Error('socket hang up') }).fetch, { retries: 0 });
  t.same(await getJson(URL_, {}, plain.o), { ok: false, error: 'network error (socket hang up) after retries' }, 'no cause code: the message');

  const answered = options(scripted({ reject: refused }, { status: 502 }).fetch, { retries: 1 });
  t.same(await getJson(URL_, {}, answered.o), { ok: false, status: 502, error: 'network error (ECONNREFUSED), then server error (HTTP 502) after retries' }, 'a server answered once: not unreachable');

  const recovered = options(scripted({ reject: refused }, json(200, { fine: true })).fetch);
  t.same(await getJson(URL_, {}, recovered.o), { ok: true, status: 200, body: { fine: true } });
});

t.test('a connection that cannot be made (refused, unknown host, TLS, bad port) is unreachable; a reset or a timeout is not', async (t) => {
  const failed = (cause: object) => Object.assign(new TypeError('fetch failed'), { cause });
  t.equal(connectFailure(failed({ code: 'ENOTFOUND' })), 'ENOTFOUND');
  t.equal(connectFailure(failed({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })), 'DEPTH_ZERO_SELF_SIGNED_CERT');
  t.equal(connectFailure(failed(new Error('bad port'))), 'bad port');
  t.equal(connectFailure({ status: 500, cause: failed({ code: 'ECONNREFUSED' }) }), 'ECONNREFUSED', 'wrapped, as octokit wraps it');
  t.equal(connectFailure(failed({ code: 'ECONNRESET' })), undefined);
  t.equal(connectFailure(named('TimeoutError')), undefined);
  t.equal(connectFailure(undefined), undefined);
});

t.test('timeouts (TimeoutError, AbortError) are retried and reported with the timeout', async (t) => {
  const { fetch, calls } = scripted({ reject: named('TimeoutError', 'The operation was aborted due to timeout') });
  const { o } = options(fetch, { timeoutMs: 250 });
  t.same(await getJson(URL_, {}, o), { ok: false, error: 'no answer within 250 ms after retries' });
  t.equal(calls.length, 4);

  const aborted = options(scripted({ reject: named('AbortError') }).fetch, { retries: 0 });
  t.same(await getJson(URL_, {}, aborted.o), { ok: false, error: 'no answer within 15000 ms after retries' }, 'default timeout 15 s');
});

t.test('a fault reads the same whichever attempt a slow machine turned into a timeout: every distinct reason, in order', async (t) => {
  const reset = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
  const timeout = named('TimeoutError');
  const mixed = options(scripted({ reject: reset }, { reject: timeout }, { reject: reset }).fetch, { timeoutMs: 1000 });
  t.same(await getJson(URL_, {}, mixed.o), { ok: false, error: 'network error (ECONNRESET), then no answer within 1000 ms after retries' }, 'the reset is named though the last attempt timed out');
  const last = options(scripted({ reject: timeout }, { status: 502 }).fetch, { timeoutMs: 1000 });
  t.same(await getJson(URL_, {}, last.o), { ok: false, status: 502, error: 'no answer within 1000 ms, then server error (HTTP 502) after retries' }, 'the status is the last answer\'s');
});

t.test('the timeout signal really fires: a fetch that never answers is abandoned', async (t) => {
  // AbortSignal.timeout's timer does not keep the process alive (a real socket would): this one does.
  const hanging: Fetch = (_input, init) =>
    new Promise((_resolve, reject) => {
      const alive = setTimeout(() => reject(new Error('never aborted')), 5000);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(alive);
        reject(init.signal?.reason);
      });
    });
  const { o } = options(hanging, { timeoutMs: 20, retries: 1 });
  const started = Date.now();
  t.same(await getJson(URL_, {}, o), { ok: false, error: 'no answer within 20 ms after retries' });
  t.ok(Date.now() - started < 2000);
});

t.test('malformed JSON is retried, then reported', async (t) => {
  const { fetch, calls } = scripted({ status: 200, body: '{"data": [' }, json(200, { data: [] }));
  const { o, waits } = options(fetch);
  t.same(await getJson(URL_, {}, o), { ok: true, status: 200, body: { data: [] } });
  t.equal(calls.length, 2);
  t.same(waits, [500]);

  const always = options(scripted({ status: 200, body: 'Service temporarily unavailable' }).fetch, { retries: 1 });
  t.same(await getJson(URL_, {}, always.o), { ok: false, status: 200, error: 'malformed JSON in the response after retries' });
});

t.test('request headers never appear in an error, whatever fails', async (t) => {
  const failures: Step[] = [
    json(401, { message: 'Could not authenticate' }),
    { status: 500 },
    json(429, {}, { 'retry-after': '999' }),
    json(429, {}),
    { status: 200, body: 'nope' },
    { reject: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }) },
    { reject: named('TimeoutError') },
  ];
  for (const step of failures) {
    const { o } = options(scripted(step).fetch, { retries: 1 });
    const res = await getJson(URL_, { authorization: SECRET, 'x-api-key': 'other-secret' }, o);
    t.equal(res.ok, false);
    t.notMatch(JSON.stringify(res), /s3cr3t|other-secret|GenieKey/, JSON.stringify(res));
  }
});

t.test('the default sleep really waits', async (t) => {
  const { fetch } = scripted({ status: 503 }, json(200, {}));
  const started = Date.now();
  t.equal((await getJson(URL_, {}, { fetch, backoffMs: 30 })).ok, true);
  t.ok(Date.now() - started >= 25);
});

t.test('waitFromHeaders reads Retry-After (seconds or date), then ratelimit-reset / x-ratelimit-reset (delta or epoch)', async (t) => {
  const now = Date.parse('2026-03-02T09:00:00Z');
  const w = (h: Record<string, string>): number | undefined => waitFromHeaders(new Headers(h), now);
  t.equal(w({}), undefined);
  t.equal(w({ 'retry-after': '0' }), 0);
  t.equal(w({ 'retry-after': '30' }), 30_000);
  t.equal(w({ 'retry-after': 'Mon, 02 Mar 2026 09:01:00 GMT' }), 60_000);
  t.equal(w({ 'retry-after': 'Mon, 02 Mar 2026 08:00:00 GMT' }), 0, 'a date in the past: no wait');
  t.equal(w({ 'retry-after': 'whenever', 'ratelimit-reset': '5' }), 5000, 'an unreadable Retry-After falls through');
  t.equal(w({ 'ratelimit-reset': '12' }), 12_000);
  t.equal(w({ 'x-ratelimit-reset': '12' }), 12_000);
  t.equal(w({ 'x-ratelimit-reset': String(now / 1000 + 45) }), 45_000, 'epoch seconds');
  t.equal(w({ 'x-ratelimit-reset': String(now / 1000 - 45) }), 0, 'an epoch in the past: no wait');
  t.equal(w({ 'ratelimit-reset': '7', 'x-ratelimit-reset': '9' }), 7000, 'ratelimit-reset first');
  t.equal(w({ 'ratelimit-reset': 'soon' }), undefined);
  t.equal(w({ 'retry-after': '30', 'ratelimit-reset': '5' }), 30_000, 'Retry-After first');
  t.ok(Math.abs((waitFromHeaders(new Headers({ 'retry-after': new Date(Date.now() + 10_000).toUTCString() })) ?? 0) - 10_000) <= 1000, 'now defaults to the clock');
});

t.test('waitFromHeaders: a non-integer Retry-After is not a date', async (t) => {
  t.equal(waitFromHeaders(new Headers({ 'retry-after': '1.5' })), undefined);
  t.equal(waitFromHeaders(new Headers({ 'retry-after': '-1' })), undefined);
});

t.test('a 5xx carrying a routine rate-limit reset header is retried with backoff', async (t) => {
  const { fetch, calls } = scripted({ status: 502, headers: { 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600) } }, json(200, {}));
  const { o, waits } = options(fetch, { backoffMs: 10 });
  t.equal((await getJson(URL_, {}, o)).ok, true);
  t.equal(calls.length, 2);
  t.same(waits, [10]);
});

t.test('a 503 whose Retry-After is too long is reported as unavailable, not rate limited', async (t) => {
  const { fetch } = scripted({ status: 503, headers: { 'retry-after': '600' } });
  const { o } = options(fetch);
  t.notMatch(await getJson(URL_, {}, o), { error: /rate limited/ });
});

t.test('a fetch rejecting with a non-Error value is a failure, not a throw', async (t) => {
  const { o } = options(scripted({ reject: null }).fetch, { retries: 0 });
  const res = await getJson(URL_, {}, o).catch((e: unknown) => ({ ok: 'threw', error: String(e) }));
  t.match(res, { ok: false, error: /^network error/ });
  const str = options(scripted({ reject: 'boom' }).fetch, { retries: 0 });
  t.notMatch(await getJson(URL_, {}, str.o), { error: /undefined/ });
});
