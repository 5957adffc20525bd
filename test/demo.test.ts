import t from 'tap';
import { demo } from '../src/demo.js';
import { captureIo } from './helpers/io.js';

t.test('npm start shows the demo plan with no token and no network', async (t) => {
  const c = captureIo(process.cwd(), {});
  t.equal(await demo(['--format', 'json'], c.io), 0);
  const plan = JSON.parse(c.out());
  t.same(plan.summary, { grant: 3, revoke: 6, update: 1, unchanged: 4 });
  t.match(c.err(), 'Demo: GitHub, PagerDuty and Opsgenie emulators on http://127.0.0.1:39170, http://127.0.0.1:39171, http://127.0.0.1:39172');
});

t.test('npm start -- apply applies the demo plan and the next plan is empty', async (t) => {
  const c = captureIo(process.cwd(), {});
  t.equal(await demo(['apply'], c.io), 0);
  t.match(c.out(), 'Apply complete: 10 applied, 0 failed, 0 skipped.');
  t.match(c.out(), /Planning again after apply:[\s\S]*No changes\. Access matches the profiles \(8 unchanged\)\./);
});

t.test('--at is passed through to plan', async (t) => {
  const c = captureIo(process.cwd(), {});
  await demo(['--at', '2026-12-01T12:00:00Z'], c.io);
  t.match(c.out(), 'Plan for 2026-12-01T12:00:00Z');
});
