/**
 * State written by versions before the entitlement format 2 (issue 15): a grant ledger, adopted
 * teams and audit lines of format 1 (GitHub's `org` with `team` and `role`, or `repository` and
 * `permission`), committed in test/fixtures/format-v1, are read as format 2 wherever they are
 * read, and the next apply writes the state files as format 2 beside the old audit lines; an
 * apply journal of format 1 left by an interrupted apply is resolved.
 */
import t from 'tap';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditEvent, readAuditLog } from '../src/record/audit.js';
import { main } from '../src/cli.js';
import { buildReport } from '../src/core/report.js';
import { readState } from '../src/record/state.js';
import { reportEntitlement } from '../src/targets/kinds.js';
import { cli, demoWorkspace, editFile } from './helpers/demo-workspace.js';
import { NOW, TOKEN, world } from './helpers/crash.js';
import { captureIo } from './helpers/io.js';

const FIXTURE = 'test/fixtures/format-v1';
const C = ['--config', 'oncall-access.yaml'];

t.test('a version 1 ledger, adopted teams and audit log read as version 2, each ledger entry borne out by its version 1 lines', async (t) => {
  const state = readState(join(FIXTURE, 'state'));
  t.same(state.grants, [
    { target: 'github', kind: 'repository', resource: 'acme/infra', level: 'maintain', login: 'frank-acme', grantedAt: '2026-11-23T07:50:01.000Z' },
    { target: 'github', kind: 'team', resource: 'acme/payments-deployers', level: 'member', login: 'alice-acme', grantedAt: '2026-11-23T07:50:00.000Z' },
  ], 'no entry is unrecorded: the version 1 grant and update lines record them');
  t.same(state.adopted?.map((a) => `${a.target}/${a.kind}/${a.resource}`), ['checkout-deployers', 'data-deployers', 'infra-maintainers', 'payments-admins', 'payments-deployers', 'prod-deployers'].map((team) => `github/team/acme/${team}`));
  const events = readAuditLog(join(FIXTURE, 'state', 'audit.jsonl'));
  t.match(events[2], { formatVersion: 2, action: 'update', target: 'github', kind: 'repository', resource: 'acme/infra', level: 'maintain', previousLevel: 'push', login: 'frank-acme' });
  t.notOk(['org', 'repository', 'permission', 'previousRole'].some((k) => k in events[2]!), 'read in the version 2 shape only');

  // A version 2 line after them: the revocation of alice's version 1 grant takes her out of what the tool granted.
  const revoke = auditEvent({ at: '2026-11-30T07:50:00.000Z', configHash: 'c0ffee' }, { change: { action: 'revoke', entitlement: { target: 'github', kind: 'team', resource: 'acme/payments-deployers', level: 'member' }, subject: { login: 'alice-acme' }, reasons: ['ended'], profiles: ['payments-oncall'] }, status: 'applied' }, NOW, {}, undefined);
  const dir = t.testdir({});
  cpSync(join(FIXTURE, 'state'), dir, { recursive: true });
  writeFileSync(join(dir, 'audit.jsonl'), `${readFileSync(join(dir, 'audit.jsonl'), 'utf8')}${JSON.stringify(revoke)}\n`);
  t.same(readState(dir).grants.map((g) => [g.login, g.audit]), [['frank-acme', undefined], ['alice-acme', 'unrecorded']]);
});

t.test('the access report reads version 1 lines as it reads version 2 ones', async (t) => {
  const events = readAuditLog(join(FIXTURE, 'state', 'audit.jsonl'));
  const report = buildReport({
    events,
    history: { available: false, reason: 'not asked' },
    from: new Date('2026-11-23T00:00:00Z'),
    to: new Date('2026-11-30T00:00:00Z'),
    graceMs: 30 * 60_000,
    generatedAt: new Date('2026-11-30T00:00:00Z'),
    sources: { auditLog: 'audit.jsonl', auditLogFound: true, configDirectory: '.' },
    describe: reportEntitlement,
  });
  t.same(
    report.entitlements.map((e) => [e.name, e.org, e.team, e.repository, e.kind, e.resource, e.holdings.map((h) => `${h.login}:${h.role}`)]),
    [
      ['acme/infra (repository)', 'acme', null, 'infra', 'repository', 'acme/infra', ['frank-acme:maintain']],
      ['acme/payments-deployers', 'acme', 'payments-deployers', null, 'team', 'acme/payments-deployers', ['alice-acme:member']],
    ],
  );
  t.same(report.drift.map((d) => [d.entitlement.name, d.login]), [['acme/payments-deployers', 'mallory-acme']]);
});

t.test('on version 1 state, plan says what it says on version 2 state; apply writes version 2 files beside the version 1 audit lines', async (t) => {
  // Version 1 knew GitHub only: the demo without its Okta group, which version 1 state cannot have adopted.
  const { dir } = await demoWorkspace(t, (d) => editFile(d, 'platform.yaml', '    - target: okta\n      group: prod-aws-oncall\n', ''));
  const before = await cli(dir, ['plan', ...C]);
  cpSync(join(FIXTURE, 'state'), join(dir, 'state'), { recursive: true });
  const v1 = await cli(dir, ['plan', ...C]);
  t.equal(v1.code, before.code);
  t.equal(v1.out, before.out, 'the same plan');
  const apply = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(apply.code, 0, apply.err);
  const grants = JSON.parse(readFileSync(join(dir, 'state', 'grants.json'), 'utf8')) as { formatVersion: number; grants: { kind: string; resource: string; login: string }[] };
  t.equal(grants.formatVersion, 2);
  t.ok(grants.grants.some((g) => g.kind === 'repository' && g.resource === 'acme/infra' && g.login === 'frank-acme'), 'the version 1 entry no profile manages is kept, converted');
  t.match(readFileSync(join(dir, 'state', 'adopted.json'), 'utf8'), /^\{\n  "formatVersion": 2,\n  "entitlements": \[\n    \{"target":"github","kind":"team","resource":"acme\/checkout-deployers","adoptedAt":"2026-11-23T07:50:00.000Z"\}/);
  const lines = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').trim().split('\n');
  t.equal(lines.slice(0, 4).join('\n'), readFileSync(join(FIXTURE, 'state', 'audit.jsonl'), 'utf8').trim(), 'the version 1 lines stay as they were');
  t.ok(lines.slice(4).every((l) => (JSON.parse(l) as { formatVersion?: number }).formatVersion === 2), 'new lines are version 2');
  const report = await cli(dir, ['report', ...C, '--from', '2026-11-01T00:00:00Z', '--to', '2026-12-01T00:00:00Z', '--format', 'csv']);
  t.equal(report.code, 0, report.err);
  t.match(report.out, '\nacme/infra (repository),github,acme,,infra,frank-acme,,maintain,');
  t.match(report.out, '\nacme/payments-deployers,github,acme,payments-deployers,,bob-acme,bob@acme.example,member,');
});

t.test('an apply journal left by version 1 is resolved: its done change settled with its version 1 audit line, its pending one judged', async (t) => {
  const { dir } = await world(t);
  writeFileSync(join(dir, 'state', 'journal.json'), readFileSync(join(FIXTURE, 'journal.json')));
  const c = captureIo(dir, { GITHUB_TOKEN: TOKEN }, NOW);
  const code = await main(['apply', '--yes'], c.io);
  t.equal(code, 0, c.err());
  t.match(
    c.out(),
    'Resolving 2 change(s) of an interrupted apply:\napplied: grant dave-acme on acme/deployers (recorded by the interrupted apply)\nskipped: revoke mallory-acme from acme/deployers (not applied: the apply sending it was interrupted, and the target does not show it made)\n',
  );
  const journal = JSON.parse(readFileSync(join(FIXTURE, 'journal.json'), 'utf8')) as { entries: { auditLine?: string }[] };
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').split('\n');
  t.ok(audit.includes(journal.entries[0]!.auditLine!), 'the done entry\'s version 1 line is in the audit log, as written');
  t.match(readFileSync(join(dir, 'state', 'grants.json'), 'utf8'), '{"target":"github","kind":"team","resource":"acme/deployers","level":"member","login":"dave-acme",');
});
