/**
 * The apply journal and lock (issue 23) at their edges: the checkpoint command, an interrupted
 * apply that cannot be judged, a journal that is not one, what plan says of an interrupted
 * apply, and when a lock is taken over. Killing apply at every point is test/crash.*.test.ts.
 */
import t from 'tap';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { madeChange } from '../src/apply/journal.js';
import { lockState, staleLock, STALE_LOCK_MS } from '../src/record/state.js';
import { NOW, TOKEN, world } from './helpers/crash.js';
import { captureIo } from './helpers/io.js';

async function cli(dir: string, args: string[]) {
  const c = captureIo(dir, { GITHUB_TOKEN: TOKEN }, NOW);
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

const writes = (gh: { requests: readonly { method: string }[] }) => gh.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE').length;
const JOURNAL = (dir: string) => join(dir, 'state', 'journal.json');

t.test('the checkpoint command runs once every change is journaled and before the first is sent', async (t) => {
  const { dir } = await world(t);
  const r = await cli(dir, ['apply', '--yes', '--checkpoint', `cp state/journal.json checkpoint.json && echo "pushed $(grep -c '"state":"pending"' checkpoint.json) intents"`]);
  t.equal(r.code, 0, r.out + r.err);
  t.match(r.err, 'pushed 4 intents', 'its output is shown');
  const saw = JSON.parse(readFileSync(join(dir, 'checkpoint.json'), 'utf8')) as { entries: { state: string; change: { action: string; subject: { login: string } } }[] };
  t.same(saw.entries.map((e) => `${e.state} ${e.change.action} ${e.change.subject.login}`), ['pending grant dave-acme', 'pending revoke mallory-acme', 'pending grant dave-acme', 'pending revoke bob-acme'], 'all four intents, none sent yet');
  t.notOk(existsSync(JOURNAL(dir)), 'the journal is gone once every change is recorded');
});

t.test('a checkpoint command that fails refuses the apply before anything is sent', async (t) => {
  const { dir, gh } = await world(t);
  const ledger = readFileSync(join(dir, 'state', 'grants.json'), 'utf8');
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8');
  const r = await cli(dir, ['apply', '--yes', '--checkpoint', 'echo "remote rejected" >&2; exit 3']);
  t.equal(r.code, 1);
  t.match(r.err, 'remote rejected');
  t.match(r.err, 'Apply refused: the checkpoint command failed (exit 3), so the changes could not be recorded before they are made. Nothing was changed.');
  t.equal(writes(gh), 0, 'no write request was sent');
  t.notOk(existsSync(JOURNAL(dir)), 'the journal is cleared');
  t.equal(readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8'), audit, 'nothing is audited');
  t.equal(readFileSync(join(dir, 'state', 'grants.json'), 'utf8').includes('bob-acme'), ledger.includes('bob-acme'), 'the ledger keeps its entries');
});

/** A journal as a killed apply leaves it: one pending change. */
function pendingJournal(dir: string, target: string): void {
  const change = { action: 'grant', entitlement: { target, kind: 'team', resource: 'acme/deployers', level: 'member' }, subject: { login: 'dave-acme', email: 'dave@acme.example' }, reasons: ['on call'], profiles: ['deployers-oncall'] };
  writeFileSync(JOURNAL(dir), JSON.stringify({ formatVersion: 2, entries: [{ id: 'run#0', change, planAt: NOW.toISOString(), configHash: 'x', state: 'pending' }] }));
}

t.test('plan warns of an interrupted apply; apply resolves it first', async (t) => {
  const { dir } = await world(t);
  pendingJournal(dir, 'github');
  const plan = await cli(dir, ['plan']);
  t.equal(plan.code, 0);
  t.match(plan.out, /warning: an interrupted apply left 1 change\(s\) unresolved in .*journal\.json; the next apply checks each against the target and records it before planning/);
  t.ok(existsSync(JOURNAL(dir)), 'plan writes nothing');
  const apply = await cli(dir, ['apply', '--yes']);
  t.equal(apply.code, 0, apply.err);
  t.match(apply.out, 'Resolving 1 change(s) of an interrupted apply:\nskipped: grant dave-acme on acme/deployers (not applied: the apply sending it was interrupted, and the target does not show it made)');
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; login: string; interrupted?: string });
  t.match(audit[1], { outcome: 'skipped', login: 'dave-acme', interrupted: /^not applied/ }, 'the dropped intent is audited as not applied, after the line of the earlier grant');
  t.ok(audit.some((e) => e.outcome === 'applied' && e.login === 'dave-acme' && e.interrupted === undefined), 'and the fresh plan grants it');
});

t.test('an interrupted change that cannot be judged refuses the apply and stays in the journal', async (t) => {
  const { dir, gh } = await world(t);
  pendingJournal(dir, 'gone');
  const r = await cli(dir, ['apply', '--yes']);
  t.equal(r.code, 1);
  t.match(r.err, 'Apply refused: 1 change(s) of an interrupted apply cannot be judged, so what this tool granted is unknown:\n  grant dave-acme on acme/deployers: target "gone" is not in this config\n');
  t.equal(writes(gh), 0);
  t.ok(existsSync(JOURNAL(dir)), 'the journal keeps it for the next run');

  pendingJournal(dir, 'github');
  gh.failNext({ method: 'POST', pathPrefix: '/graphql' }, { status: 403, body: { message: 'Resource not accessible by integration' } }, 1);
  const unread = await cli(dir, ['apply', '--yes']);
  t.equal(unread.code, 1);
  t.match(unread.err, /grant dave-acme on acme\/deployers: .*403/, 'a team that cannot be read leaves its change unjudged, saying why');
  t.equal(writes(gh), 0);
  t.ok(existsSync(JOURNAL(dir)));
});

t.test('a journal that is not one is refused with what to do', async (t) => {
  const { dir } = await world(t);
  writeFileSync(JOURNAL(dir), '{"formatVersion": 1, "entries": [{"id": 1}]}');
  const bad = await cli(dir, ['apply', '--yes']);
  t.equal(bad.code, 1);
  t.match(bad.err, /apply journal .*journal\.json is not an oncall-access journal \(formatVersion 2\); restore it from git history/);
  writeFileSync(JOURNAL(dir), '{"formatVersion": 1,');
  t.match((await cli(dir, ['plan'])).err, /apply journal .*journal\.json is not valid JSON/);
});

t.test('--journal keeps the journal elsewhere (a branch of its own in the example workflow)', async (t) => {
  const { dir } = await world(t);
  const r = await cli(dir, ['apply', '--yes', '--journal', 'journal/apply.json', '--checkpoint', 'test -f journal/apply.json']);
  t.equal(r.code, 0, r.err);
  t.notOk(existsSync(join(dir, 'journal', 'apply.json')), 'removed once done');
});

t.test('a lock is taken over when its apply is gone from this host or it is too old, never otherwise', async (t) => {
  const now = new Date('2026-11-30T08:00:00Z');
  const young = new Date(now.getTime() - 60_000).toISOString();
  const old = new Date(now.getTime() - STALE_LOCK_MS - 1).toISOString();
  const dead = () => false;
  const living = () => true;
  t.equal(staleLock({ pid: 42, host: 'runner-1', since: young }, now, 'runner-1', dead), 'its apply (pid 42 on runner-1 since 2026-11-30T07:59:00.000Z) is no longer running');
  t.equal(staleLock({ pid: 42, host: 'runner-1', since: young }, now, 'runner-1', living), undefined, 'alive on this host: held');
  t.equal(staleLock({ pid: 42, host: 'runner-2', since: young }, now, 'runner-1', dead), undefined, 'another host: its process cannot be checked, so held');
  t.match(staleLock({ pid: 42, host: 'runner-2', since: old }, now, 'runner-1', living), /^it is older than 15 minutes \(pid 42 on runner-2 since/);
  t.match(staleLock(undefined, now, 'runner-1'), /^it is older than 15 minutes \(pid \? on an unknown host since \?\)/, 'an unreadable lock is taken over');
  t.match(staleLock({ pid: process.pid, host: hostname(), since: young }, now, hostname()), undefined, 'this very process holds it');

  const dir = t.testdir({ '.apply.lock': JSON.stringify({ pid: process.pid, host: hostname(), since: young }) });
  t.throws(() => lockState(dir, now), { message: new RegExp(`another apply is running \\(pid ${process.pid} on ${hostname()} since .*\\); if it is not, remove .*\\.apply\\.lock`) });
  writeFileSync(join(dir, '.apply.lock'), 'not json');
  const took = lockState(dir, now);
  t.match(took.tookOver, /^Took over the apply lock .*: it is older than 15 minutes/);
  t.match(JSON.parse(readFileSync(join(dir, '.apply.lock'), 'utf8')), { pid: process.pid, host: hostname() });
  took.release();
  t.notOk(existsSync(join(dir, '.apply.lock')));
});

t.test('a change counts as made when the target shows its result', async (t) => {
  const team = { target: 'github', kind: 'team', resource: 'acme/x', level: 'maintainer' };
  const change = (action: 'grant' | 'revoke' | 'update') => ({ action, entitlement: team, subject: { login: 'Dave' }, reasons: [], profiles: [] });
  const read = (...holders: { login: string; role: 'member' | 'maintainer'; state: 'active' | 'pending' }[]) => ({ ok: true as const, holders });
  t.equal(madeChange(change('grant'), read({ login: 'dave', role: 'member', state: 'pending' })), true, 'a pending invitation is a grant made');
  t.equal(madeChange(change('grant'), read()), false);
  t.equal(madeChange(change('revoke'), read()), true);
  t.equal(madeChange(change('revoke'), read({ login: 'dave', role: 'maintainer', state: 'active' })), false);
  t.equal(madeChange(change('update'), read({ login: 'dave', role: 'maintainer', state: 'active' })), true);
  t.equal(madeChange(change('update'), read({ login: 'dave', role: 'member', state: 'active' })), false);
  t.equal(madeChange(change('grant'), { ok: false, error: 'down' }), undefined, 'a failed read says nothing');
});
