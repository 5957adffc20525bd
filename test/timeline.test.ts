import t from 'tap';
import { cli, demoWorkspace } from './helpers/demo-workspace.js';

let dir = '';
t.before(async () => {
  dir = (await demoWorkspace(t)).dir;
});
const run = (...args: string[]) => cli(dir, ['timeline', '--config', 'oncall-access.yaml', ...args], { now: new Date('2026-11-30T07:00:00Z') });

t.test('the timeline lists each upcoming grant and revocation in order, in the chosen time zone', async (t) => {
  const r = await run('--hours', '3', '--time-zone', 'Europe/Berlin');
  t.equal(r.code, 0);
  t.equal(
    r.out,
    [
      'Access timeline from Mon 2026-11-30 08:00 Europe/Berlin for 3 h',
      '',
      'Mon 2026-11-30 08:15 Europe/Berlin: - erin-acme from acme/prod-deployers (ends: on call in rotation platform-follow-the-sun (2026-11-29 19:00Z – 2026-11-30 07:00Z), profile platform-oncall)',
      'Mon 2026-11-30 08:15 Europe/Berlin: - erin-acme from acme/infra-maintainers (ends: on call in rotation platform-follow-the-sun (2026-11-29 19:00Z – 2026-11-30 07:00Z), profile platform-oncall)',
      'Mon 2026-11-30 08:15 Europe/Berlin: - erin@acme.example from prod-aws-oncall (group) (ends: on call in rotation platform-follow-the-sun (2026-11-29 19:00Z – 2026-11-30 07:00Z), profile platform-oncall)',
      'Mon 2026-11-30 08:45 Europe/Berlin: + judy-acme to acme/checkout-deployers as member (on call in pagerduty escalation policy PCHKEP1 level 1 (2026-11-30 08:00Z – 2026-12-07 08:00Z), profile checkout-oncall)',
      'Mon 2026-11-30 08:45 Europe/Berlin: + bob-acme to acme/payments-deployers as member (on call in rotation payments-primary (2026-11-30 08:00Z – 2026-12-07 08:00Z), profile payments-oncall)',
      'Mon 2026-11-30 09:15 Europe/Berlin: - ivan-acme from acme/checkout-deployers (ends: on call in pagerduty escalation policy PCHKEP1 level 1 (2026-11-23 08:00Z – 2026-11-30 08:00Z), profile checkout-oncall)',
      'Mon 2026-11-30 09:30 Europe/Berlin: - alice-acme from acme/payments-deployers (ends: on call in rotation payments-primary (2026-11-23 08:00Z – 2026-11-30 08:00Z), profile payments-oncall)',
      'platform.yaml:5:9: warning: grace@acme.example is entitled by profile platform-oncall but has no GitHub login; granting nothing (add them to the identities file)',
      '',
    ].join('\n'),
  );
});

t.test('--format json gives the events as data', async (t) => {
  const r = await run('--hours', '2', '--format', 'json');
  const data = JSON.parse(r.out);
  t.equal(data.from, '2026-11-30T07:00:00.000Z');
  t.equal(data.to, '2026-11-30T09:00:00.000Z');
  t.same(data.events.map((e: { at: string; action: string; login: string }) => [e.at, e.action, e.login]), [
    ['2026-11-30T07:15:00.000Z', 'revoke', 'erin-acme'],
    ['2026-11-30T07:15:00.000Z', 'revoke', 'erin-acme'],
    ['2026-11-30T07:15:00.000Z', 'revoke', 'erin@acme.example'],
    ['2026-11-30T07:45:00.000Z', 'grant', 'judy-acme'],
    ['2026-11-30T07:45:00.000Z', 'grant', 'bob-acme'],
    ['2026-11-30T08:15:00.000Z', 'revoke', 'ivan-acme'],
    ['2026-11-30T08:30:00.000Z', 'revoke', 'alice-acme'],
  ]);
});

t.test('--format markdown is a table with escaped values', async (t) => {
  const r = await run('--hours', '1', '--format', 'markdown');
  t.match(r.out, '| when | | who | team | why |');
  t.match(r.out, 'erin-acme');
  const empty = await run('--from', '2026-11-30T10:00:00Z', '--hours', '1', '--format', 'markdown');
  t.match(empty.out, 'No access changes are due in this period.');
});

t.test('a quiet period says so', async (t) => {
  const r = await run('--from', '2026-11-30T10:00:00Z', '--hours', '1');
  t.match(r.out, 'No access changes are due in this period.');
});

t.test('bad flags are one-line errors', async (t) => {
  t.equal((await run('--hours', '0')).err, 'oncall-access timeline: --hours must be a whole number from 1 to 2160; got "0"\n');
  t.equal((await run('--time-zone', 'Mars/Base')).err, 'oncall-access timeline: --time-zone must be an IANA time zone like Europe/Berlin; got "Mars/Base"\n');
  t.equal((await run('--from', '2027-06-01T00:00:00Z')).err, 'oncall-access timeline: --from may be at most 90 days ahead; got "2027-06-01T00:00:00Z"\n');
  t.equal((await run('--config', 'nope.yaml')).code, 1);
});
