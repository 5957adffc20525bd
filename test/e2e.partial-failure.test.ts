/** Partial failure (split from e2e.trust so that no file comes near tap's timeout on a busy machine): each position of a failing change in turn. */
import t from 'tap';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, demoWorkspace } from './helpers/demo-workspace.js';

const C = ['--config', 'oncall-access.yaml'];

t.test('partial failure: whatever position the failing change has, done changes are recorded and the next run converges', async (t) => {
  // The ten GitHub changes (the demo's two Okta changes come after them).
  for (let position = 0; position < 10; position++) {
    const { dir, emu } = await demoWorkspace(t);
    // Fail exactly the change at `position`, with a permission error.
    const r0 = await cli(dir, ['plan', ...C, '--format', 'json']);
    const change = JSON.parse(r0.out).changes[position];
    emu.failNext({ method: change.action === 'revoke' ? 'DELETE' : 'PUT', pathPrefix: `/orgs/acme/teams/${change.entitlement.resource.split('/')[1]}/memberships/${change.subject.login}` }, { status: 403, body: { message: 'Must have admin rights to Repository.' } });
    const r = await cli(dir, ['apply', ...C, '--yes', '--concurrency', '1']);
    t.equal(r.code, 1, `position ${position}: exit 1`);
    t.match(r.out, `failed: ${change.action} ${change.subject.login}`, `position ${position}: names what failed`);
    t.match(r.out, 'Apply complete: 11 applied, 1 failed, 0 skipped.');
    const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    t.equal(audit.filter((e) => e.outcome === 'applied').length, 11, `position ${position}: done changes recorded`);
    const again = await cli(dir, ['apply', ...C, '--yes']);
    t.equal(again.code, 0);
    t.match(again.out, 'Apply complete: 1 applied, 0 failed, 0 skipped.', `position ${position}: the next run does only what is left`);
    t.equal((await cli(dir, ['plan', ...C, '--detailed-exitcode'])).code, 0, `position ${position}: converged`);
    t.same(emu.unexpected, []);
  }
});

t.test('apply --results writes what it did as data: each outcome with its change, and nothing when it applied nothing', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  const change = JSON.parse((await cli(dir, ['plan', ...C, '--format', 'json'])).out).changes[0];
  emu.failNext({ method: change.action === 'revoke' ? 'DELETE' : 'PUT', pathPrefix: `/orgs/acme/teams/${change.entitlement.resource.split('/')[1]}/memberships/${change.subject.login}` }, { status: 403, body: { message: 'Must have admin rights to Repository.' } });
  const r = await cli(dir, ['apply', ...C, '--yes', '--concurrency', '1', '--results', 'results.json']);
  t.equal(r.code, 1);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  t.equal(results.formatVersion, 1);
  t.same(results.refused, []);
  t.same(results.outcomes.map((o: { status: string }) => o.status).sort(), [...Array(11).fill('applied'), 'failed'].sort());
  const failed = results.outcomes.find((o: { status: string }) => o.status === 'failed');
  t.same(failed.change, change, 'the change, as the plan has it');
  t.match(failed.error, 'Must have admin rights');
  t.match(r.out, `failed: ${change.action} ${change.subject.login}`, 'and the same is printed');
  t.same(emu.unexpected, []);
});
