import t from 'tap';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cli, demoWorkspace, editFile } from './helpers/demo-workspace.js';

const C = ['--config', 'oncall-access.yaml'];
const SHARDS = '  shards:\n    payments: ["payments-*"]\n    platform: ["platform-*", "checkout-*", "data-*"]\n  paths:';

t.test('a shard runs only its profiles, with its own state directory', async (t) => {
  const { dir } = await demoWorkspace(t, (d) => editFile(d, 'oncall-access.yaml', '  paths:', SHARDS));
  t.equal((await cli(dir, ['validate', ...C])).code, 0);
  const r = await cli(dir, ['plan', ...C, '--shard', 'payments', '--format', 'json']);
  t.equal(r.code, 0, r.err);
  t.same([...new Set(JSON.parse(r.out).changes.map((c: { entitlement: { resource: string } }) => c.entitlement.resource))], ['acme/payments-deployers']);
  t.equal((await cli(dir, ['apply', ...C, '--shard', 'payments', '--yes'])).code, 0);
  t.ok(existsSync(join(dir, 'state', 'payments', 'grants.json')), 'the shard keeps its own state');
  const other = await cli(dir, ['plan', ...C, '--shard', 'platform', '--format', 'json']);
  t.notOk(JSON.parse(other.out).changes.some((c: { entitlement: { resource: string } }) => c.entitlement.resource === 'acme/payments-deployers'));
});

t.test('validate refuses shards that manage the same team, and warns about profiles in no shard', async (t) => {
  const { dir } = await demoWorkspace(t, (d) => editFile(d, 'oncall-access.yaml', '  paths:', '  shards:\n    a: ["payments-oncall"]\n    b: ["payments-*"]\n  paths:'));
  const r = await cli(dir, ['validate', ...C]);
  t.equal(r.code, 1);
  t.match(r.out, 'oncall-access.yaml: error: shards "a" and "b" both manage');
  t.match(r.out, 'warning: profile "platform-oncall" (platform.yaml) is in no shard');
});

t.test('--profiles selects by glob, needs its own --state, and refuses a selection that splits a team', async (t) => {
  const { dir } = await demoWorkspace(t);
  t.equal((await cli(dir, ['plan', ...C, '--profiles', 'data-*'])).err, 'oncall-access plan: --profiles needs --state DIR: each shard keeps its own state directory\n');
  const ok = await cli(dir, ['plan', ...C, '--profiles', 'data-*', '--state', 'state/data', '--format', 'json']);
  t.same([...new Set(JSON.parse(ok.out).changes.map((c: { entitlement: { resource: string } }) => c.entitlement.resource))], ['acme/data-deployers']);
  editFile(dir, 'data.yaml', 'team: data-deployers', 'team: checkout-deployers');
  const split = await cli(dir, ['plan', ...C, '--profiles', 'data-*', '--state', 'state/data']);
  t.equal(split.code, 1);
  t.match(split.err, '--profiles splits');
  t.equal((await cli(dir, ['plan', ...C, '--shard', 'nope'])).err, 'oncall-access plan: no shard "nope" in oncall-access.yaml (spec.shards: none)\n');
  t.equal((await cli(dir, ['plan', ...C, '--shard', 'x', '--profiles', 'y'])).err, 'oncall-access plan: give --shard or --profiles, not both\n');
});
