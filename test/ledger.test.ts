/**
 * The grant ledger (`state/grants.json`) is checked, not trusted (issue 12, item 8): it fits its
 * schema, and on an additive team it decides a revocation only where the audit log
 * (`state/audit.jsonl`, append-only history kept in git) records the grant. Each attack is a
 * test: a forged entry, a removed entry, an entry naming a protected account, a malformed entry.
 */
import t from 'tap';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditEvent } from '../src/core/audit-event.js';
import type { Profile } from '../src/config/model.js';
import { desire } from '../src/core/desire.js';
import { diff, type LedgerRef } from '../src/core/diff.js';
import { DEMO_AT } from '@oncall-access/emulators/demo-world';
import { checkLedger, readState, serializeGrants, type LedgerEntry } from '../src/record/state.js';
import { KINDS } from '../src/targets/kinds.js';
import { byTarget, diag, held, profile, resolver, shifts, ts, view } from './helpers/core-fixtures.js';
import { cli, demoWorkspace, editFile } from './helpers/demo-workspace.js';

const C = ['--config', 'oncall-access.yaml'];
const WEEK_LATER = '2026-12-07T09:00:00Z';
const GRANTED_AT = '2026-11-23T07:50:00.000Z';

/** The demo with payments-deployers additive: the tool revokes there only what it granted. */
const additive = (dir: string) => editFile(dir, 'payments.yaml', '      role: member\n', '      role: member\n      membership: additive\n');
/** The demo with `login` protected as well as acme-breakglass. */
const protecting = (login: string) => (dir: string) => editFile(dir, 'oncall-access.yaml', 'protectedAccounts: [acme-breakglass]', `protectedAccounts: [acme-breakglass, ${login}]`);

const entry = (login: string, team = 'payments-deployers'): LedgerEntry => ({ target: 'github', kind: 'team', resource: `acme/${team}`, login, level: 'member', grantedAt: GRANTED_AT });

/** An audit line as apply writes it for a change of `login` on `team`. */
function line(action: AuditEvent['action'], login: string, team = 'payments-deployers', time = GRANTED_AT, outcome: AuditEvent['outcome'] = 'applied'): AuditEvent {
  return { formatVersion: 2, time, action, outcome, target: 'github', kind: 'team', resource: `acme/${team}`, level: 'member', login, reasons: ['on call in rotation payments-primary, profile payments-oncall'], profiles: ['payments-oncall'], planAt: time, configHash: 'c0ffee' };
}

/** Writes the state directory as a commit to the config repository would leave it. */
function writeLedger(dir: string, grants: LedgerEntry[], audit: AuditEvent[] = []): void {
  mkdirSync(join(dir, 'state'), { recursive: true });
  writeFileSync(join(dir, 'state', 'grants.json'), serializeGrants(grants));
  if (audit.length > 0) writeFileSync(join(dir, 'state', 'audit.jsonl'), audit.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

const ledgerText = (dir: string) => readFileSync(join(dir, 'state', 'grants.json'), 'utf8');

t.test('a forged ledger entry: nothing is revoked on its word, the plan says why, and every other change applies', async (t) => {
  const { dir, emu } = await demoWorkspace(t, additive);
  // mallory was added to the additive team by hand; an entry claims the tool granted her, so that it would revoke her.
  writeLedger(dir, [entry('mallory-acme')]);
  const plan = await cli(dir, ['plan', ...C, '--format', 'json']);
  t.equal(plan.code, 1, 'the refusal is an error');
  const p = JSON.parse(plan.out) as { changes: { subject: { login: string } }[]; diagnostics: { severity: string; code: string; message: string; holding?: object }[] };
  t.notOk(p.changes.some((c) => c.subject.login === 'mallory-acme'), 'no change for mallory');
  t.same(p.diagnostics.filter((d) => d.code === 'ledger'), [
    {
      severity: 'error',
      code: 'ledger',
      message: 'refusing to revoke mallory-acme from acme/payments-deployers: the grant ledger says this tool granted it, but no audit line records this grant, so the entry may be forged; if it is genuine, make the change by hand and delete the entry from grants.json; if not, delete the entry',
      holding: { target: 'github', kind: 'team', resource: 'acme/payments-deployers', login: 'mallory-acme' },
    },
  ]);

  const r = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(r.code, 1, 'the run fails, so someone looks');
  t.notMatch(r.err, 'Apply refused', 'the refusal is scoped to the entry');
  t.match(r.out, 'error: refusing to revoke mallory-acme from acme/payments-deployers');
  t.match(r.out, 'applied: grant bob-acme on acme/payments-deployers as member');
  t.match(r.out, 'applied: revoke erin-acme from acme/prod-deployers');
  t.match(r.out, /Apply complete: \d+ applied, 0 failed, 0 skipped\.\n/);
  t.ok(emu.teamMembers('acme', 'payments-deployers').some((m) => m.login === 'mallory-acme'), 'mallory keeps what the tool did not grant');
  t.match(ledgerText(dir), '"login":"mallory-acme"', 'the entry stays for a person to judge');
});

t.test('the same entry with the audit line of its grant is the tool\'s grant: revoked when no longer wanted', async (t) => {
  const { dir, emu } = await demoWorkspace(t, additive);
  writeLedger(dir, [entry('mallory-acme')], [line('grant', 'mallory-acme')]);
  const r = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(r.code, 0, r.out + r.err);
  t.match(r.out, 'applied: revoke mallory-acme from acme/payments-deployers');
  t.notOk(emu.teamMembers('acme', 'payments-deployers').some((m) => m.login === 'mallory-acme'));
});

t.test('a grant revoked since (per the audit log) and put back in the ledger by hand is not the tool\'s', async (t) => {
  const { dir, emu } = await demoWorkspace(t, additive);
  writeLedger(dir, [entry('mallory-acme')], [line('grant', 'mallory-acme'), line('revoke', 'mallory-acme', 'payments-deployers', '2026-11-24T08:30:00.000Z')]);
  const r = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(r.code, 1);
  t.match(r.out, 'refusing to revoke mallory-acme from acme/payments-deployers: the grant ledger says this tool granted it, but no audit line records this grant');
  t.ok(emu.teamMembers('acme', 'payments-deployers').some((m) => m.login === 'mallory-acme'));
});

t.test('a removed ledger entry does not make a grant permanent: the audit log restores it, with a warning, and the shift\'s end revokes it', async (t) => {
  const { dir, emu } = await demoWorkspace(t, additive);
  t.equal((await cli(dir, ['apply', ...C, '--yes'])).code, 0);
  // Someone deletes bob's entry from the ledger, hoping the tool forgets it granted him.
  const path = join(dir, 'state', 'grants.json');
  const kept = (JSON.parse(ledgerText(dir)) as { grants: LedgerEntry[] }).grants.filter((g) => g.login !== 'bob-acme');
  writeFileSync(path, serializeGrants(kept));
  const later = { now: new Date(WEEK_LATER) };
  const warning = `warning: the grant ledger has no entry for bob-acme on acme/payments-deployers, but the audit log records this tool granted it (${DEMO_AT.replace('Z', '.000Z')}) and has not revoked it: it is still this tool's grant, so the plan will revoke bob-acme from acme/payments-deployers; restore the entry from git history (git log -p grants.json)`;
  const plan = await cli(dir, ['plan', ...C, '--at', WEEK_LATER], later);
  t.equal(plan.code, 0, 'a warning, not an error');
  t.match(plan.out, warning);
  const r = await cli(dir, ['apply', ...C, '--yes', '--at', WEEK_LATER], later);
  t.equal(r.code, 0, r.out + r.err);
  t.match(r.out, 'applied: revoke bob-acme from acme/payments-deployers');
  t.notOk(emu.teamMembers('acme', 'payments-deployers').some((m) => m.login === 'bob-acme'), 'bob lost the access his shift gave him');
  t.notMatch((await cli(dir, ['plan', ...C, '--at', WEEK_LATER], later)).out, 'the grant ledger has no entry', 'the revocation closes the matter');
});

t.test('a ledger entry naming a protected account blocks nothing: the forged one is refused on its own, everything else applies', async (t) => {
  const { dir, emu } = await demoWorkspace(t, (d) => {
    additive(d);
    protecting('mallory-acme')(d);
  });
  writeLedger(dir, [entry('mallory-acme')]);
  const r = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(r.code, 1);
  t.notMatch(r.err, 'Apply refused');
  t.match(r.out, 'refusing to revoke mallory-acme from acme/payments-deployers: the grant ledger says this tool granted it');
  t.match(r.out, 'applied: grant bob-acme on acme/payments-deployers as member');
  t.ok(emu.teamMembers('acme', 'payments-deployers').some((m) => m.login === 'mallory-acme'));
});

t.test('a protected account the tool would revoke is refused alone: the other changes apply, nothing of it is audited', async (t) => {
  // Its ledger entry has an audit line (forged too, or genuine): the guard, not the ledger, stops it.
  const { dir, emu } = await demoWorkspace(t, (d) => {
    additive(d);
    protecting('mallory-acme')(d);
  });
  writeLedger(dir, [entry('mallory-acme')], [line('grant', 'mallory-acme')]);
  const r = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(r.code, 1);
  t.notMatch(r.err, 'Apply refused');
  const refusal = 'refusing to revoke protected account mallory-acme from acme/payments-deployers: add it as a static member of a profile managing that team, or remove it from guards.protectedAccounts';
  t.match(r.out, `error: ${refusal}`);
  t.match(r.out, `refused: revoke mallory-acme from acme/payments-deployers: ${refusal}\n`);
  t.match(r.out, 'applied: grant bob-acme on acme/payments-deployers as member');
  t.match(r.out, /Apply complete: \d+ applied, 0 failed, 0 skipped, 1 refused\.\n/);
  t.ok(emu.teamMembers('acme', 'payments-deployers').some((m) => m.login === 'mallory-acme'));
  const audit = readFileSync(join(dir, 'state', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as AuditEvent);
  t.same(audit.filter((e) => e.login === 'mallory-acme').length, 1, 'only the old grant line');
  t.notOk(existsSync(join(dir, 'state', 'journal.json')), 'the refused change was never journaled');
});

t.test('a malformed ledger entry stops plan and apply with the file, line and field; nothing is read or changed', async (t) => {
  const { dir, emu } = await demoWorkspace(t);
  writeLedger(dir, [entry('bob-acme'), { ...entry('carol-acme'), login: 'carol acme' }]);
  const before = ledgerText(dir);
  const path = join(dir, 'state', 'grants.json');
  const message = new RegExp(`^oncall-access (plan|apply): ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5:\\d+: error: grants\\[1\\]\\.login: "carol acme" is not an account on a target: a GitHub login, or an Okta login \\(letters, digits and \\. _ % \\+ ' @ -, at most 200\\); restore ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} from git history\\n$`);
  const plan = await cli(dir, ['plan', ...C]);
  t.equal(plan.code, 1);
  t.match(plan.err, message);
  const apply = await cli(dir, ['apply', ...C, '--yes']);
  t.equal(apply.code, 1);
  t.match(apply.err, message);
  t.notMatch(apply.err, 'internal error');
  t.same(emu.requests, [], 'GitHub was not even read');
  t.equal(ledgerText(dir), before);
  t.same(readdirSync(join(dir, 'state')), ['adopted.json', 'grants.json'], 'no audit line, journal or lock is left');
});

t.test('state files are checked against their schemas: each problem names the file, its line and the field', async (t) => {
  const rows: { name: string; grants?: string; rotations?: string; audit?: string; expect: RegExp }[] = [
    { name: 'a team entry without its role', grants: '{"formatVersion": 1, "grants": [\n{"target":"github","org":"acme","team":"sre","login":"bob","grantedAt":"2026-11-01T00:00:00.000Z"}]}', expect: /grants\.json:2:1: error: grants\[0\]: has "team" but no "role"/ },
    { name: 'an entry with neither team nor repository', grants: '{"formatVersion": 1, "grants": [\n{"target":"github","org":"acme","login":"bob","grantedAt":"2026-11-01T00:00:00.000Z"}]}', expect: /grants\.json:2:1: error: grants\[0\]: names neither a team nor a repository/ },
    { name: 'an entry with both', grants: '{"formatVersion": 1, "grants": [\n{"target":"github","org":"acme","team":"sre","role":"member","repository":"infra","permission":"push","login":"bob","grantedAt":"2026-11-01T00:00:00.000Z"}]}', expect: /grants\.json:2:1: error: grants\[0\]: names both a team and a repository/ },
    { name: 'a misspelt field', grants: '{"formatVersion": 1, "grants": [\n{"target":"github","org":"acme","team":"sre","rol":"member","login":"bob","grantedAt":"2026-11-01T00:00:00.000Z"}]}', expect: /error: grants\[0\]: unknown field "rol" \(did you mean "role"\?\)/ },
    { name: 'an unknown role', grants: '{"formatVersion": 1, "grants": [{"target":"github","org":"acme","team":"sre","role":"owner","login":"bob","grantedAt":"2026-11-01T00:00:00.000Z"}]}', expect: /error: grants\[0\]\.role: must be one of member, maintainer; found "owner"/ },
    { name: 'a grant time that is not an instant', grants: '{"formatVersion": 1, "grants": [{"target":"github","org":"acme","team":"sre","role":"member","login":"bob","grantedAt":"yesterday"}]}', expect: /error: grants\[0\]\.grantedAt: "yesterday" is not an instant like 2026-11-02T09:00:00Z/ },
    { name: 'another format version', grants: '{"formatVersion": 3, "grants": []}', expect: /grants\.json:1:19: error: formatVersion: must be 2; found 3/ },
    { name: 'grants that are not a list', grants: '{"formatVersion": 1, "grants": {}}', expect: /error: grants: must be an array, found a mapping/ },
    { name: 'not JSON', grants: '{"formatVersion": 1, "grants": [', expect: /state file .*grants\.json is not valid JSON; restore it from git history/ },
    { name: 'a negative on-call count', rotations: '{"formatVersion": 1, "rotations": [\n  {"key": "rotations/rotation/primary", "onCall": -1}\n]}', expect: /rotations\.json:2:51: error: rotations\[0\]\.onCall: must be >= 0/ },
    { name: 'an audit line that is not an event', audit: '{"time": "2026-11-01T00:00:00Z"}\n', expect: /audit\.jsonl:1: not an audit event: "action" is not grant, revoke or update/ },
  ];
  for (const row of rows) {
    const dir = t.testdir({ ...(row.grants ? { 'grants.json': row.grants } : {}), ...(row.rotations ? { 'rotations.json': row.rotations } : {}), ...(row.audit ? { 'audit.jsonl': row.audit } : {}) });
    t.throws(() => readState(dir), { name: 'UserError', message: row.expect }, row.name);
  }
});

t.test('ledgers written before repositories, and with repositories, read unchanged; no ledger is an empty one', async (t) => {
  const grants = '{\n  "formatVersion": 1,\n  "grants": [\n    {"target":"github","org":"acme","repository":"infra","login":"bob","permission":"push","grantedAt":"2026-11-02T00:00:00.000Z"},\n    {"target":"github","org":"acme","team":"sre","login":"alice","role":"member","grantedAt":"2026-11-01T00:00:00.000Z"}\n  ]\n}\n';
  const rotations = '{\n  "formatVersion": 1,\n  "rotations": [\n    {"key":"pagerduty/escalation-policy/PXYZ123/levels=1","onCall":2}\n  ]\n}\n';
  const state = readState(t.testdir({ 'grants.json': grants, 'rotations.json': rotations }));
  t.same(state.grants.map((g) => [g.login, g.audit]), [['bob', 'unrecorded'], ['alice', 'unrecorded']]);
  t.same(state.onCall, { 'pagerduty/escalation-policy/PXYZ123/levels=1': 2 });
  t.same(readState(t.testdir({})), { grants: [], onCall: {}, adopted: [] });
});

t.test('checkLedger: the audit log\'s applied changes, replayed, say which entries are the tool\'s', async (t) => {
  const repo = (login: string, time: string): AuditEvent => ({ ...line('grant', login, 'x', time), kind: 'repository', resource: 'acme/infra', level: 'push' });
  const events: AuditEvent[] = [
    line('grant', 'alice'),
    line('grant', 'bob', 'payments-deployers', GRANTED_AT, 'failed'),
    line('grant', 'carol'),
    line('revoke', 'carol', 'payments-deployers', '2026-11-24T00:00:00.000Z'),
    line('grant', 'dave', 'payments-deployers', '2026-11-25T00:00:00.000Z'),
    { ...line('update', 'dave', 'payments-deployers', '2026-11-26T00:00:00.000Z'), level: 'maintainer' },
    line('grant', 'erin', 'payments-deployers', GRANTED_AT, 'skipped'),
    repo('frank', '2026-11-27T00:00:00.000Z'),
  ];
  const ledger = [{ ...entry('ALICE'), resource: 'acme/Payments-Deployers' }, entry('bob'), entry('carol'), entry('zed')];
  t.same(checkLedger(ledger, events), [
    { ...entry('ALICE'), resource: 'acme/Payments-Deployers' },
    { ...entry('bob'), audit: 'unrecorded' },
    { ...entry('carol'), audit: 'unrecorded' },
    { ...entry('zed'), audit: 'unrecorded' },
    { target: 'github', kind: 'team', resource: 'acme/payments-deployers', login: 'dave', level: 'maintainer', grantedAt: '2026-11-25T00:00:00.000Z', audit: 'restored' },
    { target: 'github', kind: 'repository', resource: 'acme/infra', login: 'frank', level: 'push', grantedAt: '2026-11-27T00:00:00.000Z', audit: 'restored' },
  ]);
  t.same(checkLedger([], []), []);
});

t.test('diff: only entries the audit log bears out decide an additive team\'s revocations and role changes', async (t) => {
  const only = (p: Profile, membership: 'additive' | 'exclusive'): Profile => ({ ...p, entitlements: p.entitlements.map((e) => (e.kind === 'team' ? { ...e, membership } : e)) });
  const at = ts('2026-11-30T12:00Z');
  const ref = (login: string, audit?: LedgerRef['audit']): LedgerRef => ({ target: 'github', kind: 'team', resource: 'acme/sre', login, ...(audit ? { audit, grantedAt: GRANTED_AT } : {}) });
  const run = (membership: 'additive' | 'exclusive', ledger: LedgerRef[]) => {
    const desired = desire({ at, profiles: [only(profile({ teams: ['sre:maintainer'], members: ['alice', 'bob'] }), membership)], kinds: KINDS, shifts: shifts({ primary: [] }), resolve: resolver() });
    return diff(desired, byTarget(held({ 'acme/sre': ['alice', 'bob', 'carol', 'dave', 'erin'] })), ledger);
  };
  const additive = run('additive', [ref('alice', 'unrecorded'), ref('bob', 'restored'), ref('carol', 'unrecorded'), ref('dave', 'restored'), ref('erin')]);
  t.same(additive.changes.map((c) => [view(c).action, view(c).login, view(c).drift ?? false]), [
    ['update', 'bob', false],
    ['revoke', 'dave', false],
    ['revoke', 'erin', false],
  ]);
  const fix = 'the grant ledger says this tool granted it, but no audit line records this grant, so the entry may be forged; if it is genuine, make the change by hand and delete the entry from grants.json; if not, delete the entry';
  const restored = (who: string, what: string) => `warning[ledger]: the grant ledger has no entry for ${who} on acme/sre, but the audit log records this tool granted it (${GRANTED_AT}) and has not revoked it: it is still this tool's grant, so the plan will ${what}; restore the entry from git history (git log -p grants.json)`;
  t.same(additive.diagnostics.map(diag), [
    `error[ledger]: refusing to update alice on acme/sre to maintainer: ${fix}`,
    restored('bob', 'update bob on acme/sre to maintainer'),
    `error[ledger]: refusing to revoke carol from acme/sre: ${fix}`,
    restored('dave', 'revoke dave from acme/sre'),
  ]);
  t.same(additive.diagnostics.map((d) => d.holding?.login), ['alice', undefined, 'carol', undefined], 'each refusal is scoped to its holding');
  const gone = run('additive', [ref('zed', 'unrecorded'), ref('yves', 'restored')]);
  t.same(gone.prune.map((e) => e.login), ['zed'], 'a ledger entry whose holding is gone is pruned; a restored one is not in the ledger to prune');
  t.same(gone.diagnostics, [], 'an entry that decides nothing says nothing');
  const exclusive = run('exclusive', [ref('carol', 'unrecorded'), ref('dave', 'restored')]);
  t.same(exclusive.changes.map((c) => [view(c).action, view(c).login, view(c).drift ?? false]), [
    ['update', 'alice', false],
    ['update', 'bob', false],
    ['revoke', 'carol', true],
    ['revoke', 'dave', false],
    ['revoke', 'erin', true],
  ], 'an exclusive team revokes whoever is not wanted; an unrecorded entry does not make a holder the tool\'s');
  t.same(exclusive.diagnostics, []);

  const infra = profile({ teams: [], extra: [{ target: 'github', kind: 'repository', resource: 'acme/infra', written: 'infra', level: 'push', membership: 'additive', pos: { file: 'profiles/oncall-sre.yaml', line: 9, col: 7 } }] });
  const repo = diff(desire({ at, profiles: [infra], kinds: KINDS, shifts: shifts({ primary: [] }), resolve: resolver() }), byTarget(held({ 'acme/infra (repository)': ['mallory:push'] })), [{ target: 'github', kind: 'repository', resource: 'acme/infra', login: 'mallory', audit: 'unrecorded' }]);
  t.same(repo.changes, [], 'a repository is additive: nothing revoked on an unrecorded entry');
  t.same(repo.diagnostics.map((d) => d.holding), [{ target: 'github', kind: 'repository', resource: 'acme/infra', login: 'mallory' }]);
});
