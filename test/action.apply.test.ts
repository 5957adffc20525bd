/**
 * The Action applying, as the runner runs it: on push, schedule and dispatch, with a journal and a checkpoint,
 * the record of the last success and its staleness, guards and partly failed applies.
 * The runner and the workspace are test/helpers/action-run.ts.
 */
import t from 'tap';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderText } from '../src/render/text.js';
import { act, editFile, EVENTS, logGroups, MINUTE, planIn, planOutputs, world, writes } from './helpers/action-run.js';

t.test('apply refuses to run for a pull-request event', async (t) => {
  const w = await world(t);
  const r = await act(w, 'pull_request', { command: 'apply' });
  t.equal(r.code, 1);
  t.match(r.out, '::error title=oncall-access::apply does not run for pull_request events');
  t.same(w.emu.requests, []);
});

t.test('apply on push: changes applied, audit events in the job summary, the success recorded; the next scheduled run has nothing to do', async (t) => {
  const w = await world(t);
  const inputs = { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', 'max-staleness': '30m' };
  const first = await act(w, 'push', inputs);
  t.equal(first.code, 0, first.out + first.err);
  t.match(first.out, '::notice title=oncall-access::No record of an earlier successful apply (last-apply.json): the staleness check (max 30m) starts with this run.');
  t.same(logGroups(first.out), [{ title: 'Plan: 1 to grant, 2 to revoke, 1 to update, 0 unchanged.', text: renderText(planIn(first.outputs['plan-file']), { color: false }) }], 'the plan applied, as the CLI prints it');
  t.match(first.out, /^::endgroup::\n(applied: .+\n){4}Apply complete: 4 applied, 0 failed, 0 skipped\.\n/m, 'then each applied change, as the CLI prints it');
  t.match(first.out, 'applied: grant bob-acme on acme/payments-deployers as member\n');
  t.same(first.outputs, {
    ...planOutputs(w),
    applied: '4',
    failed: '0',
    skipped: '0',
    stale: 'false',
  });
  t.match(first.summary, /^## oncall-access apply\n/);
  t.match(first.summary, '### Audit events');
  t.match(first.summary, 'Applied at 2026-11-25T12:00:00.000Z on the `push` event by alice-acme, config at commit `444444444444`.');
  t.equal(first.summary.match(/^- ✅ applied: /gm)?.length, 4);
  t.match(first.summary, '- ✅ applied: grant bob-acme on acme/payments-deployers as member');
  t.match(first.summary, '[workflow run](https://github.com/acme/access/actions/runs/4242)');
  t.same(JSON.parse(readFileSync(join(w.dir, 'heartbeat/last-apply.json'), 'utf8')), {
    formatVersion: 1,
    at: '2026-11-25T12:00:00.000Z',
    commit: '4444444444444444444444444444444444444444',
    run: 'https://github.com/acme/access/actions/runs/4242',
  });
  t.same(w.emu.teamMembers('acme', 'payments-deployers').map((m) => [m.login, m.role]), [['carol-acme', 'member'], ['bob-acme', 'member']]);

  const second = await act(w, 'schedule', inputs, { at: 5 * MINUTE });
  t.equal(second.code, 0);
  t.equal(second.outputs['has-changes'], 'false');
  t.equal(second.outputs.applied, '0');
  t.equal(second.outputs.stale, 'false');
  t.equal(second.outputs['last-apply'], '2026-11-25T12:00:00.000Z');
  t.match(second.summary, 'No change was needed.');
  t.match(second.summary, 'on the `schedule` event');
  t.equal(JSON.parse(readFileSync(join(w.dir, 'heartbeat/last-apply.json'), 'utf8')).at, '2026-11-25T12:05:00.000Z');
  t.same(w.emu.unexpected, []);
});

t.test('apply with a journal and a checkpoint: the checkpoint sees every change journaled before any is sent', async (t) => {
  const w = await world(t);
  const r = await act(w, 'push', { command: 'apply', journal: 'heartbeat/journal.json', checkpoint: 'cp heartbeat/journal.json pushed.json' });
  t.equal(r.code, 0, r.out + r.err);
  const pushed = JSON.parse(readFileSync(join(w.dir, 'pushed.json'), 'utf8')) as { entries: { state: string }[] };
  t.same(pushed.entries.map((e) => e.state), ['pending', 'pending', 'pending', 'pending'], 'the four changes, journaled before the first write');
  t.notOk(existsSync(join(w.dir, 'heartbeat/journal.json')), 'the journal is gone once every change is recorded');
  // As if the runner had been killed right after the checkpoint: the four changes are pending in the journal.
  cpSync(join(w.dir, 'pushed.json'), join(w.dir, 'heartbeat/journal.json'));
  const resumed = await act(w, 'schedule', { command: 'apply', journal: 'heartbeat/journal.json' }, { at: 5 * MINUTE });
  t.equal(resumed.code, 0, resumed.out);
  t.match(resumed.out, /^Resolving 4 change\(s\) of an interrupted apply:\n(applied: .+\n){4}::group::No changes\./m, 'the log shows the interrupted changes resolved, before the plan');
  t.equal(resumed.outputs.applied, '0', 'only the changes of this run are counted');
  const refused = await act(w, 'push', { command: 'apply', args: '--checkpoint x' });
  t.match(refused.out, 'input args may not contain --checkpoint');
});

t.test('a run that finds the last success older than max-staleness fails loudly, yet applies and records its own success', async (t) => {
  const w = await world(t);
  const inputs = { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', 'max-staleness': '30m' };
  await act(w, 'push', inputs, { at: -2 * 60 * MINUTE - 10 * MINUTE });
  const late = await act(w, 'schedule', inputs);
  t.equal(late.code, 1, 'stale: the run fails');
  t.match(late.out, '::error title=oncall-access%3A access may be stale::The last successful apply was at 2026-11-25T09:50:00.000Z, 2h10m ago, more than the allowed 30m');
  t.match(late.summary, '> [!CAUTION]\n> **Stale access.**');
  t.equal(late.outputs.stale, 'true');
  t.equal(JSON.parse(readFileSync(join(w.dir, 'heartbeat/last-apply.json'), 'utf8')).at, '2026-11-25T12:00:00.000Z', 'its own success is recorded');
  const next = await act(w, 'workflow_dispatch', inputs, { at: 5 * MINUTE });
  t.equal(next.code, 0, 'the next run is judged on its own gap: the alarm does not latch');
  t.equal(next.outputs.stale, 'false');
  t.match(next.summary, 'on the `workflow_dispatch` event');
});

t.test('an unreadable record of the last apply counts as stale', async (t) => {
  const w = await world(t);
  cpSync(join(EVENTS, 'push.json'), join(w.dir, 'heartbeat/last-apply.json'));
  const r = await act(w, 'schedule', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', 'max-staleness': '1h' });
  t.equal(r.code, 1);
  t.match(r.out, 'Cannot tell when access was last reconciled: last-apply.json is unreadable');
  t.equal(r.outputs.applied, '4', 'access is still reconciled');
});

t.test('apply with an invalid config or bad flags changes nothing and records nothing', async (t) => {
  const w = await world(t, {}, (dir) => editFile(dir, 'profiles/payments.yaml', '  mode: auto', '  mode: often'));
  const invalid = await act(w, 'push', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', comment: 'true' });
  t.equal(invalid.code, 1);
  t.match(invalid.out, /^::error title=oncall-access,file=profiles\/payments\.yaml,line=6/m);
  t.match(invalid.summary, 'nothing applied, invalid configuration');
  editFile(w.dir, 'profiles/payments.yaml', '  mode: often', '  mode: auto');
  const flags = await act(w, 'push', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', args: '--concurrency 0' });
  t.equal(flags.code, 1);
  t.match(flags.out, '::error title=oncall-access::apply produced no result: oncall-access apply: --concurrency must be a whole number of at least 1');
  t.notOk(existsSync(join(w.dir, 'heartbeat/last-apply.json')));
  t.same(w.emu.requests, []);
});

t.test('an apply refused by a guard fails, changes nothing and records no success', async (t) => {
  const w = await world(t);
  const r = await act(w, 'workflow_dispatch', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json', args: '--max-revocations 1' });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access::refusing a plan that revokes 2 holdings/m);
  t.match(r.err, 'Apply refused');
  t.equal(r.outputs.applied, '0');
  t.match(r.summary, 'No change was needed.');
  t.notOk(existsSync(join(w.dir, 'heartbeat/last-apply.json')));
  t.same(writes(w.emu), []);
});

t.test('an apply whose changes partly fail reports them as failed audit events', async (t) => {
  const w = await world(t);
  w.emu.failNext({ method: 'PUT', pathPrefix: '/orgs/acme/teams/payments-deployers/memberships/bob-acme' }, { status: 422, body: { message: 'Validation Failed' } }, 3);
  const r = await act(w, 'push', { command: 'apply', 'last-apply-file': 'heartbeat/last-apply.json' });
  t.equal(r.code, 1);
  t.equal(r.outputs.failed, '1');
  t.equal(r.outputs.applied, '3');
  t.match(r.summary, '- ❌ failed: grant bob-acme on acme/payments-deployers as member');
  t.notOk(existsSync(join(w.dir, 'heartbeat/last-apply.json')), 'a failed apply is not a success');
});
