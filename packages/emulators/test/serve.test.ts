/** `npm run emulators` (node packages/emulators/dist/serve.js), run as a user runs it. */
import t from 'tap';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { runBuilt, startBuilt } from '../../../test/helpers/built.js';

const SERVE = fileURLToPath(new URL('../dist/serve.js', import.meta.url));
const built = { skip: existsSync(SERVE) ? false : `${SERVE} is not built (npm run build)` };

t.test('a taken port is named with the flag that chooses another: exit 1, no stack trace', built, async (t) => {
  const blocker = createServer();
  blocker.listen(0, '127.0.0.1');
  await once(blocker, 'listening');
  t.teardown(() => new Promise<void>((done) => blocker.close(() => done())));
  const port = (blocker.address() as AddressInfo).port;
  const r = await runBuilt([SERVE, '--github-port', '0', '--pagerduty-port', String(port), '--jsm-port', '0', '--slack-port', '0']);
  t.equal(r.code, 1);
  t.equal(r.stderr, `npm run emulators: port ${port} for the PagerDuty emulator is taken (is "npm run emulators" or "npm start" running?). Stop what holds it, or choose another port: npm run emulators -- --pagerduty-port N (0 picks a free one)\n`);
  t.equal(r.stdout, '');
});

t.test('a port that is not a port number, or an unknown flag, is one message and exit 1', built, async (t) => {
  const bad = await runBuilt([SERVE, '--jsm-port', '70000']);
  t.equal(bad.code, 1);
  t.equal(bad.stderr, 'npm run emulators: --jsm-port must be a port number from 0 to 65535 (0 picks a free one); got "70000"\n');
  const unknown = await runBuilt([SERVE, '--port', '1']);
  t.equal(unknown.code, 1);
  t.match(unknown.stderr, /^npm run emulators: Unknown option '--port'[\s\S]*\nUsage: npm run emulators -- \[--github-port N\]/);
  t.notMatch(unknown.stderr, /\n\s+at /, 'no stack trace');
});

t.test('with port 0 the emulators start on free ports, serve the demo world, and stop on SIGTERM', built, async (t) => {
  const child = startBuilt([SERVE, '--github-port', '0', '--pagerduty-port', '0', '--jsm-port', '0', '--slack-port', '0']);
  const exited = once(child, 'exit');
  t.teardown(() => void (child.exitCode === null && child.kill('SIGKILL')));
  let out = '';
  child.stdout!.setEncoding('utf8');
  for await (const chunk of child.stdout!) {
    out += chunk;
    if (out.includes('Ctrl-C stops them.\n')) break;
  }
  const github = /GitHub emulator: +(http:\/\/127\.0\.0\.1:\d+) \(org "acme"\)/.exec(out)?.[1];
  t.ok(github, out);
  const members = await fetch(`${github}/orgs/acme/teams/payments-deployers/members`, { headers: { authorization: 'token anything' } });
  t.equal(members.status, 200, 'any token is accepted');
  t.ok(((await members.json()) as { login: string }[]).some((m) => m.login === 'alice-acme'), 'the demo world');
  const jsm = /JSM Operations emulator: +(http:\/\/127\.0\.0\.1:\d+) \(cloud id ([0-9a-f-]+)\)/.exec(out);
  t.ok(jsm, out);
  const basic = { authorization: `Basic ${Buffer.from('anyone@example.com:anything').toString('base64')}` };
  const schedules = await fetch(`${jsm![1]}/jsm/ops/api/${jsm![2]}/v1/schedules`, { headers: basic });
  t.equal(schedules.status, 200, 'any credentials are accepted');
  t.match(await schedules.json(), { values: [{ name: 'data_primary' }] }, "the data team's schedule");
  const slack = /Slack emulator: +(http:\/\/127\.0\.0\.1:\d+\/api\/) \(workspace acme\)/.exec(out)?.[1];
  t.ok(slack, out);
  const groups = await fetch(`${slack}usergroups.list?include_users=true`, { headers: { authorization: 'Bearer anything' } });
  t.match(await groups.json(), { ok: true, usergroups: [{ handle: 'platform-oncall', users: ['U0ERIN0001'] }] }, 'the demo workspace, any token accepted');
  child.kill('SIGTERM');
  t.same(await exited, [0, null], 'closed its servers and exited');
});
