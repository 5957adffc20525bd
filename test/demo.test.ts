import t, { type Test } from 'tap';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { demo } from '../src/demo.js';
import { pointConfigAt, type DemoEmulators } from '@oncall-access/emulators/demo-emulators';
import { DEMO_PORTS } from '@oncall-access/emulators/demo-world';
import { runBuilt } from './helpers/built.js';
import { captureIo } from './helpers/io.js';

const TAKEN = 'The port 39170 for the GitHub emulator is taken (another demo, or "npm run emulators"?): the demo runs on free ports with a copy of profiles/ pointed at them.';

/** Holds the demo's GitHub port until the test ends, as `npm run emulators` would (unless another demo already does). */
/**
 * Holds the demo's GitHub port for the rest of the test. While another process has it (a second
 * copy of this suite running the demo), waits for it: a port this test did not hold could be
 * free again by the time the demo starts, and the demo would rightly use it.
 */
async function holdGitHubPort(t: Test): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const blocker = createServer();
    const held = await new Promise<boolean>((done) => {
      blocker.once('error', () => done(false));
      blocker.listen(DEMO_PORTS.github, '127.0.0.1', () => done(true));
    });
    if (held) return t.teardown(() => new Promise<void>((done) => blocker.close(() => done())));
    if (Date.now() > deadline) throw new Error(`port ${DEMO_PORTS.github} stayed taken for a minute`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

t.test('a copy of the config points each apiUrl at its own emulator, even one given another demo port', async (t) => {
  // Ephemeral ports include 39170-39173: the GitHub emulator may get the PagerDuty one.
  const at = (port: number) => ({ url: `http://127.0.0.1:${port}` });
  const emulators = { github: at(DEMO_PORTS.pagerduty), pagerduty: at(DEMO_PORTS.jsm), jsm: at(41234), slack: at(DEMO_PORTS.github), okta: at(41235) } as unknown as DemoEmulators;
  const config = 'github: http://127.0.0.1:39170\npagerduty: http://127.0.0.1:39171/\njsm: http://127.0.0.1:39172\nslack: http://127.0.0.1:39173/api/\nokta: http://127.0.0.1:39174\nother: http://127.0.0.1:391700\n';
  t.equal(pointConfigAt(config, emulators), 'github: http://127.0.0.1:39171\npagerduty: http://127.0.0.1:39172/\njsm: http://127.0.0.1:41234\nslack: http://127.0.0.1:39170/api/\nokta: http://127.0.0.1:41235\nother: http://127.0.0.1:391700\n');
});

t.test('npm start shows the demo plan with no token and no network', async (t) => {
  const c = captureIo(process.cwd(), {});
  t.equal(await demo(['--format', 'json'], c.io), 0);
  const plan = JSON.parse(c.out());
  t.same(plan.summary, { grant: 6, revoke: 8, update: 1, unchanged: 5 });
  // Ports 39170-39174, or free ones while another run (a second copy of this suite) holds them.
  t.match(c.err(), /Demo: GitHub, PagerDuty, JSM Operations, Slack and Okta emulators on http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+/);
});

t.test('npm start -- apply applies the demo plan and the next plan is empty', async (t) => {
  const c = captureIo(process.cwd(), {});
  t.equal(await demo(['apply'], c.io), 0);
  t.match(c.out(), 'Apply complete: 15 applied, 0 failed, 0 skipped.');
  t.match(c.out(), 'applied: grant frank (U0FRANK001) on @platform-oncall\n');
  t.match(c.out(), 'applied: revoke erin (U0ERIN0001) from @platform-oncall\n');
  t.match(c.out(), /Planning again after apply:[\s\S]*No changes\. Access matches the profiles \(12 unchanged\)\./);
});

t.test('the @platform-oncall handle in Slack moves from erin, whose shift ended, to frank, who took over (and grace, found in Slack by email)', async (t) => {
  const c = captureIo(process.cwd(), {});
  t.equal(await demo([], c.io), 0);
  t.match(
    c.out(),
    [
      'slack: @platform-oncall (profiles: platform-oncall)',
      '  + frank (U0FRANK001)  until 2026-11-30T19:15Z  — on call in rotation platform-follow-the-sun (2026-11-30 07:00Z – 2026-11-30 19:00Z), profile platform-oncall',
      '  + grace (U0GRACE001)  — static member of profile platform-oncall',
      '  - erin (U0ERIN0001)  — no longer on call in rotation platform-follow-the-sun (shift ended 2026-11-30 07:00Z)',
      '',
    ].join('\n'),
  );
});

t.test('--at is passed through to plan', async (t) => {
  const c = captureIo(process.cwd(), {});
  await demo(['--at', '2026-12-01T12:00:00Z'], c.io);
  t.match(c.out(), 'Plan for 2026-12-01T12:00:00Z');
  t.match(c.err(), 'planning for the instant --at gives.');
});

t.test("the data team's schedule is read from JSM Operations: leo in, mia out, as the README says", async (t) => {
  const c = captureIo(process.cwd(), {});
  t.equal(await demo([], c.io), 0);
  t.match(c.out(), '  + leo-acme (leo@acme.example) as member  until 2026-12-06T09:30Z  — on call in jsm schedule data_primary (2026-11-29 09:00Z – 2026-12-06 09:00Z), profile data-oncall\n');
  t.match(c.out(), '  - mia-acme as member  — no longer on call in jsm schedule data_primary (shift ended 2026-11-29 09:00Z)\n');
  t.notMatch(c.out() + c.err(), /opsgenie/i);
});

t.test('npm start -- --at 2026-11-30T08:20:00Z shows an incident hold: ivan kept on incident #4821, as the README says', async (t) => {
  const c = captureIo(process.cwd(), {});
  t.equal(await demo(['--at', '2026-11-30T08:20:00Z'], c.io), 0);
  t.match(c.out(), 'Kept by an incident hold: their window ended, but they are on an open incident.\ngithub: acme/checkout-deployers (profile: checkout-oncall)\n  kept: ivan-acme until resolved (at most 12:15Z): assigned to incident #4821 "Checkout 500s" (acknowledged)\n');
  t.match(readFileSync('README.md', 'utf8'), '`npm start -- --at 2026-11-30T08:20:00Z` shows an incident hold');
});

t.test('with its ports taken (npm run emulators is running), the demo says so and runs on free ports', async (t) => {
  await holdGitHubPort(t);
  const c = captureIo(process.cwd(), {});
  t.equal(await demo(['--format', 'json'], c.io), 0, c.err());
  t.match(c.err(), TAKEN);
  t.notMatch(c.err(), `127.0.0.1:${DEMO_PORTS.github},`, 'not on the taken port');
  t.same(JSON.parse(c.out()).summary, { grant: 6, revoke: 8, update: 1, unchanged: 5 }, 'the same plan');
});

t.test('npm start (node dist/demo.js) with a port taken: the plan on free ports, exit 0, no stack trace', { skip: existsSync('dist/demo.js') ? false : 'dist/demo.js is not built (npm run build)' }, async (t) => {
  await holdGitHubPort(t);
  const r = await runBuilt(['dist/demo.js', '--format', 'json']);
  t.equal(r.code, 0, r.stderr);
  t.match(r.stderr, TAKEN);
  t.notMatch(r.stderr, /EADDRINUSE|\n\s+at /, 'no stack trace');
  t.same(JSON.parse(r.stdout).summary, { grant: 6, revoke: 8, update: 1, unchanged: 5 }, 'the demo plan');
});
