/**
 * Secrets never appear in output or state files when the APIs answer with bodies and headers that
 * echo the credentials back: every request failing with 401 or 500, and GitHub refusing writes.
 * The world is test/helpers/security-world.ts.
 */
import t from 'tap';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { captureIo } from './helpers/io.js';
import { emulators, type Emulators, filesUnder, NOW, runAllAndScan, SECRETS, workspaceFor } from './helpers/security-world.js';

/** Makes every request to `e` fail with `status` and a body (and header) that echo the request's credentials. */
function echoing(e: Emulators, status: number, methods: string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']): void {
  for (const method of methods) {
    e.gh.failNext({ method }, { status, body: { message: `Bad credentials: Authorization: token ${SECRETS.GITHUB_TOKEN}`, documentation_url: 'https://docs.github.com/rest' }, headers: { 'x-echo-authorization': `token ${SECRETS.GITHUB_TOKEN}` } }, 10_000);
    e.pd.failNext({ method }, { status, body: { error: { message: `Invalid token: Token token=${SECRETS.PAGERDUTY_TOKEN}`, code: 2006 } } }, 10_000);
    e.og.failNext({ method }, { status, body: { message: `Key ${SECRETS.OPSGENIE_KEY} is invalid`, took: 0, requestId: 'x' } }, 10_000);
  }
}

t.test('APIs answering 401 with bodies that echo the Authorization header: secrets appear nowhere', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  echoing(e, 401);
  await runAllAndScan(t, dir, '401 echo');
});

t.test('APIs answering 500 with bodies that echo the Authorization header: secrets appear nowhere', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  echoing(e, 500);
  // Fewer commands than the others: every 5xx is retried with backoff (seconds per command).
  const commands = [['validate'], ['plan', '--format', 'markdown', '--out', 'plan.json'], ['apply', '--yes'], ['timeline', '--from', '2026-11-30T00:00:00Z', '--format', 'json']];
  await runAllAndScan(t, dir, '500 echo', undefined, commands);
});

t.test('GitHub refusing writes (403, 422) with bodies that echo the token: apply output and audit.jsonl stay clean', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  e.gh.failNext({ method: 'PUT' }, { status: 403, body: { message: `Must have admin rights; you sent token ${SECRETS.GITHUB_TOKEN}` } }, 100);
  e.gh.failNext({ method: 'DELETE' }, { status: 422, body: { message: `Validation failed for token ${SECRETS.GITHUB_TOKEN}` } }, 100);
  const c = captureIo(dir, { ...SECRETS }, NOW);
  t.equal(await main(['apply', '--yes'], c.io), 1, 'the writes failed');
  const texts = [c.out(), c.err(), ...filesUnder(join(dir, 'state')).map((f) => f.text)];
  t.match(c.out(), 'failed:');
  const leaked = texts.filter((x) => x.includes(SECRETS.GITHUB_TOKEN));
  if (leaked.length > 0) t.comment(`leaked: ${leaked.map((x) => x.slice(Math.max(0, x.indexOf(SECRETS.GITHUB_TOKEN) - 150), x.indexOf(SECRETS.GITHUB_TOKEN) + 45)).join('\n')}`);
  t.same(texts.filter((x) => x.includes(SECRETS.GITHUB_TOKEN)).map((x) => x.slice(0, 300)), [], 'no token in apply output or state files');
});
