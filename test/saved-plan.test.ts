/**
 * Saved plans are no bearer tokens (issue 12, item 11): `apply PLANFILE` makes only the changes
 * of the file that the current config produces now. Each attack edits a `plan --out` file.
 */
import t from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_FORMAT_VERSION, summarize, type Change, type Plan } from '../src/core/plan.js';
import { confirmSaved, readSavedPlan } from '../src/apply/saved-plan.js';
import type { HoldersRead } from '../src/core/observed.js';
import { cli, demoWorkspace, editFile } from './helpers/demo-workspace.js';

const C = ['--config', 'oncall-access.yaml'];

/** `plan --out plan.json`, then `edit` changes the saved data. */
async function savedPlan(dir: string, edit: (plan: Plan) => void): Promise<void> {
  await cli(dir, ['plan', ...C, '--out', 'plan.json']);
  const path = join(dir, 'plan.json');
  const plan = JSON.parse(readFileSync(path, 'utf8')) as Plan;
  edit(plan);
  writeFileSync(path, JSON.stringify(plan));
}

const find = (plan: Plan, login: string, team: string): Change => plan.changes.find((c) => c.subject.login === login && c.entitlement.kind === 'team' && c.entitlement.resource === `acme/${team}`)!;

t.test('a saved plan edited to grant a team no profile manages: that change is refused, the rest applies', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  await savedPlan(dir, (p) => {
    p.changes.push({ action: 'grant', entitlement: { target: 'github', kind: 'team', resource: 'acme/admins', level: 'maintainer' }, subject: { login: 'mallory-acme' }, reasons: ['INC-1: break-glass'], profiles: ['payments-oncall'] });
  });
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes']);
  t.equal(r.code, 1, 'a refused change fails the run');
  const refusal = 'refusing change grant mallory-acme on acme/admins as maintainer of plan plan.json: the current config does not produce it now';
  t.match(r.out, `error: ${refusal}`);
  t.match(r.out, `refused: grant mallory-acme on acme/admins as maintainer: ${refusal}\n`);
  t.match(r.out, 'Apply complete: 12 applied, 0 failed, 0 skipped, 1 refused.');
  t.same(emu.teamMembers('acme', 'admins').map((m) => m.login), ['acme-breakglass'], 'admins unchanged');
  t.notMatch(readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8'), 'admins', 'nothing of it is audited');
});

t.test('a saved plan edited to grant someone else, or another role: each edited change is refused', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  await savedPlan(dir, (p) => {
    find(p, 'bob-acme', 'payments-deployers').subject.login = 'zed-acme';
    const judy = find(p, 'judy-acme', 'checkout-deployers');
    judy.entitlement = { target: 'github', kind: 'team', resource: 'acme/checkout-deployers', level: 'maintainer' };
  });
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes']);
  t.equal(r.code, 1);
  t.match(r.out, 'refused: grant zed-acme on acme/payments-deployers as member: refusing change grant zed-acme on acme/payments-deployers as member of plan plan.json: the current config does not produce it now');
  t.match(r.out, 'refused: grant judy-acme on acme/checkout-deployers as maintainer: refusing change grant judy-acme on acme/checkout-deployers as maintainer of plan plan.json');
  t.match(r.out, 'Apply complete: 10 applied, 0 failed, 0 skipped, 2 refused.');
  t.notOk(emu.teamMembers('acme', 'payments-deployers').some((m) => m.login === 'zed-acme' || m.login === 'bob-acme'), 'neither zed nor bob: the file no longer asks for bob');
  t.notOk(emu.teamMembers('acme', 'checkout-deployers').some((m) => m.login === 'judy-acme'));
});

t.test('a saved plan stripped of its guard error, its reasons and its ledger bookkeeping: the fresh plan\'s are used', async (t) => {
  const { dir, emu } = await demoWorkspace(t, (d) => editFile(d, 'oncall-access.yaml', 'protectedAccounts: [acme-breakglass]', 'protectedAccounts: [acme-breakglass, mallory-acme]'));
  await savedPlan(dir, (p) => {
    p.diagnostics = p.diagnostics.filter((d) => d.code !== 'guard');
    find(p, 'bob-acme', 'payments-deployers').reasons = ['approved by the CTO'];
    p.state.onCall = { 'rotations/rotation/payments-primary': 99 };
  });
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes']);
  t.equal(r.code, 1);
  t.match(r.out, 'refused: revoke mallory-acme from acme/payments-deployers: refusing to revoke protected account mallory-acme');
  t.ok(emu.teamMembers('acme', 'payments-deployers').some((m) => m.login === 'mallory-acme'), 'the protected account stays');
  const bob = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { login: string; reasons: string[] }).find((e) => e.login === 'bob-acme')!;
  t.same(bob.reasons, ['on call in rotation payments-primary (2026-11-30 08:00Z – 2026-12-07 08:00Z), profile payments-oncall'], 'the audit line gives the config\'s reasons, not the file\'s');
  t.match(readFileSync(join(dir, 'state', 'rotations.json'), 'utf8'), '{"key":"rotations/rotation/payments-primary","onCall":1}', 'the on-call counts are the ones read now');
});

t.test('a saved plan whose changes are not changes is not a plan', async (t) => {
  const { dir } = await demoWorkspace(t);
  await savedPlan(dir, (p) => {
    (p.changes as unknown[]).push({ action: 'grant', entitlement: { target: 'github', kind: 'org', resource: 'acme' }, subject: { login: 'mallory-acme' }, reasons: [], profiles: [] });
  });
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes']);
  t.equal(r.code, 1);
  t.equal(r.err, 'oncall-access apply: plan.json is not an oncall-access plan (formatVersion 2); make one with "plan --out"\n');
});

t.test('confirmSaved: the fresh plan\'s change where it makes the same, the saved one where the world moved on, a refusal otherwise', async (t) => {
  const repo = (login: string, permission: 'push' | 'admin', reasons = ['saved']): Change => ({ action: 'grant', entitlement: { target: 'github', kind: 'repository', resource: 'acme/infra', level: permission }, subject: { login }, reasons, profiles: ['infra-oncall'] });
  const plan = (changes: Change[]): Plan => ({ formatVersion: PLAN_FORMAT_VERSION, at: '2026-11-30T07:50:00.000Z', createdAt: '2026-11-30T07:50:00.000Z', configHash: 'h', changes, summary: summarize(changes, 0), diagnostics: [], state: { prune: [], onCall: {} } });
  const team: Change = { action: 'grant', entitlement: { target: 'github', kind: 'team', resource: 'acme/admins', level: 'member' }, subject: { login: 'dave' }, reasons: [], profiles: [] };
  const saved = plan([repo('alice', 'push'), repo('bob', 'push'), repo('carol', 'admin'), team]);
  const fresh = { ...plan([repo('ALICE', 'push', ['fresh']), repo('carol', 'push')]), diagnostics: [{ severity: 'warning' as const, message: 'from the fresh plan' }] };
  const recheck = new Map<string, HoldersRead>([['github/repository/acme/infra', { ok: true, holders: [{ login: 'bob', role: 'push', state: 'active' }] }]]);
  const out = confirmSaved(saved, fresh, recheck, 'plan.json');
  t.same(out.changes.map((c) => `${c.subject.login} ${c.reasons.join()}`), ['ALICE fresh', 'bob saved', 'carol saved', 'dave '], 'bob already holds it: kept for apply to skip');
  t.same(out.diagnostics.map((d) => [d.severity, d.message, d.holding?.login]), [
    ['warning', 'from the fresh plan', undefined],
    ['error', 'refusing change grant carol on acme/infra (repository) as admin of plan plan.json: the current config does not produce it now', 'carol'],
    ['error', 'refusing change grant dave on acme/admins as member of plan plan.json: the current config does not produce it now', 'dave'],
  ]);
  t.equal(out.at, saved.at, 'the audit lines name the saved plan\'s instant');

  const dir = t.testdir({ 'plan.json': JSON.stringify(saved) });
  t.same(readSavedPlan('plan.json', dir, '1h', new Date('2026-11-30T08:00:00Z'), 'h'), saved);
  const bad = { ...saved, changes: [{ ...repo('alice', 'push'), entitlement: { target: 'github', kind: 'repository', resource: 'acme/infra' } }] };
  const other = t.testdir({ 'plan.json': JSON.stringify(bad) });
  t.throws(() => readSavedPlan('plan.json', other, '1h', new Date('2026-11-30T08:00:00Z'), 'h'), { message: 'plan.json is not an oncall-access plan (formatVersion 2); make one with "plan --out"' });
});

t.test('a saved plan made by a version before the entitlement format 2 is refused: plan again', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  writeFileSync(join(dir, 'plan.json'), readFileSync('test/fixtures/format-v1/plan.json'));
  const r = await cli(dir, ['apply', 'plan.json', ...C, '--yes']);
  t.equal(r.code, 1);
  t.equal(r.err, 'oncall-access apply: refusing plan plan.json: it was made by an older version of oncall-access (plan formatVersion 1, this version reads 2); run plan again\n');
  t.same(emu.requests, [], 'GitHub was not even read');
});
