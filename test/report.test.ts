/**
 * The access review report: a few weeks of applies written as audit lines (by the same
 * `auditEvent` apply uses) next to a config repository with policy commits at fixed dates give
 * exactly the expected report; the renderers give exactly the expected Markdown and CSV; bad
 * input is a one-line error.
 */
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../src/cli.js';
import { auditEvent, readAuditLog } from '../src/record/audit.js';
import type { AuditEvent } from '../src/core/audit-event.js';
import type { Entitlement } from '../src/core/entitlement.js';
import type { Change } from '../src/core/plan.js';
import { buildReport, type AccessReport, type ReportInput } from '../src/core/report.js';
import { requestFileOf, requestReason } from '../src/core/requests.js';
import { renderReportCsv, renderReportJson, renderReportMarkdown, REPORT_CSV_COLUMNS } from '../src/render/report.js';
import { reportEntitlement } from '../src/targets/kinds.js';
import { captureIo } from './helpers/io.js';
import { outsideCode } from './helpers/markdown.js';
import { CONFIG, profile, ROTATION } from './helpers/workspace.js';

const DEPLOYERS: Entitlement = { target: 'github', kind: 'team', resource: 'acme/deployers', level: 'member' };
const ADMINS: Entitlement = { target: 'github', kind: 'team', resource: 'acme/payments-admins', level: 'maintainer' };
const API: Entitlement = { target: 'github', kind: 'repository', resource: 'acme/api', level: 'push' };
const GENERATED = new Date('2026-08-05T06:00:00Z');
const shift = (from: string, to: string) => `on call in rotation primary (${from} – ${to}), profile oncall`;
const ended = (at: string) => `no longer on call in rotation primary (shift ended ${at})`;
const REQUEST = requestReason('requests/ic-dave-20260720T095000Z.yaml', 'member of profile ic', 'INC-7 payments outage', new Date('2026-07-20T12:00:00Z'));

/** One audit line as apply writes it: the change's outcome at `time`, from a run (an Actions run when `run` is given). */
function line(time: string, change: Omit<Change, 'profiles'>, opts: { run?: string; attempt?: string; status?: 'applied' | 'failed'; old?: boolean } = {}): string {
  const env = opts.run === undefined ? {} : { GITHUB_ACTIONS: 'true', GITHUB_RUN_ID: opts.run, GITHUB_RUN_ATTEMPT: opts.attempt ?? '1', GITHUB_ACTOR: 'github-actions[bot]', GITHUB_EVENT_NAME: 'schedule' };
  const event: Partial<AuditEvent> = auditEvent({ at: time, configHash: 'c0ffee' }, { change: { profiles: ['oncall'], ...change }, status: opts.status ?? 'applied', ...(opts.status === 'failed' ? { error: 'HTTP 502' } : {}) }, new Date(time), env, 'a1b2c3d');
  // A line written before `until` was recorded.
  if (opts.old === true) delete event.until;
  return JSON.stringify(event);
}

/** Four weeks of applies around July 2026 (the period), as audit lines in the order apply appends them. */
const HISTORY = [
  line('2026-06-20T09:00:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'carol-acme', email: 'carol@acme.example' }, reasons: [shift('2026-06-20 09:00Z', '2026-06-27 09:00Z')] }, { old: true }),
  line('2026-06-29T08:45:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'alice-acme', email: 'alice@acme.example' }, reasons: [shift('2026-06-29 09:00Z', '2026-07-06 09:00Z')], until: '2026-07-06T09:15:00.000Z' }),
  line('2026-07-02T10:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'carol-acme' }, reasons: [ended('2026-06-27 09:00Z')] }, { run: '102' }),
  line('2026-07-06T08:45:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'Bob-Acme', email: 'bob@acme.example' }, reasons: [shift('2026-07-06 09:00Z', '2026-07-13 09:00Z')], until: '2026-07-13T09:15:00.000Z' }, { run: '103' }),
  line('2026-07-06T09:20:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'alice-acme' }, reasons: [ended('2026-07-06 09:00Z')] }, { run: '104' }),
  // Someone added mallory by hand; no profile wants her and the tool never granted her.
  line('2026-07-10T12:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'mallory-acme' }, reasons: ['not on call and not a static member of oncall'], drift: true }, { run: '105' }),
  // The schedule stopped for hours: bob kept access 4h45m past his shift and window.
  line('2026-07-13T14:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'bob-acme' }, reasons: [ended('2026-07-13 09:00Z')] }, { run: '106' }),
  line('2026-07-15T00:00:00Z', { action: 'grant', entitlement: API, subject: { login: 'erin-acme', email: 'erin@acme.example' }, reasons: ['static member of profile api-maintainers'] }, { run: '107' }),
  line('2026-07-20T10:00:00Z', { action: 'grant', entitlement: ADMINS, subject: { login: 'dave-acme', email: 'dave@acme.example' }, reasons: [REQUEST], until: '2026-07-20T12:00:00.000Z' }, { run: '108' }),
  line('2026-07-20T12:10:00Z', { action: 'revoke', entitlement: ADMINS, subject: { login: 'dave-acme' }, reasons: ['not on call and not a static member of ic'] }, { run: '109' }),
  line('2026-07-25T08:45:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'frank-acme', email: 'frank@acme.example' }, reasons: [shift('2026-07-25 09:00Z', '2026-08-01 09:00Z')], until: '2026-08-01T09:15:00.000Z' }, { run: '110', status: 'failed' }),
  line('2026-07-25T08:50:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'frank-acme', email: 'frank@acme.example' }, reasons: [shift('2026-07-25 09:00Z', '2026-08-01 09:00Z')], until: '2026-08-01T09:15:00.000Z' }, { run: '110', attempt: '2' }),
  // gina's grant ended on the 28th and nothing revoked it before the period ended.
  line('2026-07-27T08:45:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'gina-acme' }, reasons: [shift('2026-07-27 09:00Z', '2026-07-28 09:00Z')], until: '2026-07-28T09:15:00.000Z' }, { run: '112' }),
  line('2026-08-03T09:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'frank-acme' }, reasons: [ended('2026-08-01 09:00Z')] }, { run: '113' }),
];

const git = (dir: string, args: string[], date?: string): string =>
  execFileSync('git', ['-c', 'user.name=Alice Admin', '-c', 'user.email=alice@acme.example', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
  }).toString();

/** Writes `files` under `dir` and commits them (all changes) at `date`. */
function commit(dir: string, date: string, subject: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', subject], date);
}

/** A config repository: config, profile, rotation, the audit log, with commits before, in and after the period. */
function workspace(dir: string): string {
  mkdirSync(dir, { recursive: true });
  git(dir, ['init', '-q']);
  commit(dir, '2026-06-01T12:00:00Z', 'Initial access config', { 'oncall-access.yaml': CONFIG, 'profiles/oncall.yaml': profile('oncall'), 'rotations/primary.yaml': ROTATION });
  commit(dir, '2026-07-14T12:00:00Z', 'oncall: keep access 30m after the shift', { 'profiles/oncall.yaml': profile('oncall').replace('  mode: auto\n', '  mode: auto\n  window: { after: 30m }\n') });
  commit(dir, '2026-07-20T12:30:00Z', 'oncall-access: state after apply', { 'state/audit.jsonl': `${HISTORY.join('\n')}\n` });
  commit(dir, '2026-07-31T23:00:00Z', 'primary: add carol', { 'rotations/primary.yaml': ROTATION.replace('bob@acme.example]', 'bob@acme.example, carol@acme.example]') });
  commit(dir, '2026-08-01T10:00:00Z', 'primary: remove carol', { 'rotations/primary.yaml': ROTATION });
  return dir;
}

async function run(dir: string, args: string[], now = GENERATED) {
  const io = captureIo(dir, {}, now);
  const code = await main(['report', ...args], io.io);
  return { code, out: io.out(), err: io.err() };
}

const JULY = ['--from', '2026-07-01', '--to', '2026-08-01'];
const deployers = { name: 'acme/deployers', target: 'github', org: 'acme', team: 'deployers', repository: null, kind: 'team', resource: 'acme/deployers' };
const admins = { name: 'acme/payments-admins', target: 'github', org: 'acme', team: 'payments-admins', repository: null, kind: 'team', resource: 'acme/payments-admins' };
const api = { name: 'acme/api (repository)', target: 'github', org: 'acme', team: null, repository: 'api', kind: 'repository', resource: 'acme/api' };

t.test('audit lines record until (null when open-ended) and drift; requests are named in reasons', async (t) => {
  const [carol, alice, , , , mallory, , erin] = HISTORY.map((l) => JSON.parse(l) as AuditEvent);
  t.equal(carol!.until, undefined, 'a line from before until was recorded');
  t.equal(alice!.until, '2026-07-06T09:15:00.000Z');
  t.equal(erin!.until, null, 'a static member: open-ended');
  t.same([mallory!.drift, mallory!.until, 'until' in mallory!], [true, undefined, false], 'a revocation carries drift and no until');
  t.equal(REQUEST, 'request requests/ic-dave-20260720T095000Z.yaml (member of profile ic): "INC-7 payments outage", until 2026-07-20 12:00Z');
  t.equal(requestFileOf(REQUEST), 'requests/ic-dave-20260720T095000Z.yaml');
  t.equal(requestFileOf(shift('2026-06-29 09:00Z', '2026-07-06 09:00Z')), undefined);
});

t.test('a month of applies and policy commits gives exactly the expected report', async (t) => {
  const dir = workspace(t.testdir());
  const r = await run(dir, [...JULY, '--format', 'json']);
  t.equal(r.code, 0, r.err);
  t.equal(r.err, '');
  const report = JSON.parse(r.out) as AccessReport;
  const commitOf = (subject: string) => git(dir, ['log', '--all', '--format=%H', `--grep=${subject}`]).trim();
  const shiftOf = (login: string, email: string | null, o: Partial<AccessReport['entitlements'][number]['holdings'][number]>) => ({ login, email, role: 'member', revokeReasons: [], commit: 'a1b2c3d', lateHours: null, ...o });
  t.same(report, {
    formatVersion: 1,
    period: { from: '2026-07-01T00:00:00.000Z', to: '2026-08-01T00:00:00.000Z' },
    generatedAt: '2026-08-05T06:00:00.000Z',
    graceMinutes: 30,
    sources: { auditLog: 'state/audit.jsonl', auditLogFound: true, configDirectory: '.' },
    totals: { people: 7, holdings: 7, personHours: 1017.17, requestsApproved: 1, lateRevocations: 2, unknownUntil: 1, drift: 1, policyChanges: 2, applyRuns: 11 },
    entitlements: [
      {
        ...api,
        people: 1,
        personHours: 408,
        holdings: [shiftOf('erin-acme', 'erin@acme.example', { role: 'push', start: '2026-07-15T00:00:00.000Z', end: null, hours: 408, grantedAt: '2026-07-15T00:00:00.000Z', revokedAt: null, until: 'open-ended', revocation: 'open-ended', reasons: ['static member of profile api-maintainers'] })],
      },
      {
        ...deployers,
        people: 5,
        personHours: 607,
        holdings: [
          shiftOf('alice-acme', 'alice@acme.example', {
            start: '2026-07-01T00:00:00.000Z', end: '2026-07-06T09:20:00.000Z', hours: 129.33, grantedAt: '2026-06-29T08:45:00.000Z', revokedAt: '2026-07-06T09:20:00.000Z',
            until: '2026-07-06T09:15:00.000Z', revocation: 'on-time', reasons: [shift('2026-06-29 09:00Z', '2026-07-06 09:00Z')], revokeReasons: [ended('2026-07-06 09:00Z')],
          }),
          shiftOf('carol-acme', 'carol@acme.example', {
            start: '2026-07-01T00:00:00.000Z', end: '2026-07-02T10:00:00.000Z', hours: 34, grantedAt: '2026-06-20T09:00:00.000Z', revokedAt: '2026-07-02T10:00:00.000Z',
            until: 'unknown', revocation: 'unknown', reasons: [shift('2026-06-20 09:00Z', '2026-06-27 09:00Z')], revokeReasons: [ended('2026-06-27 09:00Z')],
          }),
          shiftOf('Bob-Acme', 'bob@acme.example', {
            start: '2026-07-06T08:45:00.000Z', end: '2026-07-13T14:00:00.000Z', hours: 173.25, grantedAt: '2026-07-06T08:45:00.000Z', revokedAt: '2026-07-13T14:00:00.000Z',
            until: '2026-07-13T09:15:00.000Z', revocation: 'late', lateHours: 4.75, reasons: [shift('2026-07-06 09:00Z', '2026-07-13 09:00Z')], revokeReasons: [ended('2026-07-13 09:00Z')],
          }),
          shiftOf('frank-acme', 'frank@acme.example', {
            start: '2026-07-25T08:50:00.000Z', end: null, hours: 159.17, grantedAt: '2026-07-25T08:50:00.000Z', revokedAt: '2026-08-03T09:00:00.000Z',
            until: '2026-08-01T09:15:00.000Z', revocation: 'not-due', reasons: [shift('2026-07-25 09:00Z', '2026-08-01 09:00Z')], revokeReasons: [ended('2026-08-01 09:00Z')],
          }),
          shiftOf('gina-acme', null, {
            start: '2026-07-27T08:45:00.000Z', end: null, hours: 111.25, grantedAt: '2026-07-27T08:45:00.000Z', revokedAt: null,
            until: '2026-07-28T09:15:00.000Z', revocation: 'late', lateHours: 86.75, reasons: [shift('2026-07-27 09:00Z', '2026-07-28 09:00Z')],
          }),
        ],
      },
      {
        ...admins,
        people: 1,
        personHours: 2.17,
        holdings: [
          shiftOf('dave-acme', 'dave@acme.example', {
            role: 'maintainer', start: '2026-07-20T10:00:00.000Z', end: '2026-07-20T12:10:00.000Z', hours: 2.17, grantedAt: '2026-07-20T10:00:00.000Z', revokedAt: '2026-07-20T12:10:00.000Z',
            until: '2026-07-20T12:00:00.000Z', revocation: 'on-time', reasons: [REQUEST], revokeReasons: ['not on call and not a static member of ic'],
          }),
        ],
      },
    ],
    lateRevocations: [
      { entitlement: deployers, login: 'Bob-Acme', until: '2026-07-13T09:15:00.000Z', revokedAt: '2026-07-13T14:00:00.000Z', lateHours: 4.75, reasons: [shift('2026-07-06 09:00Z', '2026-07-13 09:00Z')], revokeReasons: [ended('2026-07-13 09:00Z')] },
      { entitlement: deployers, login: 'gina-acme', until: '2026-07-28T09:15:00.000Z', revokedAt: null, lateHours: 86.75, reasons: [shift('2026-07-27 09:00Z', '2026-07-28 09:00Z')], revokeReasons: [] },
    ],
    drift: [{ entitlement: deployers, login: 'mallory-acme', role: 'member', removedAt: '2026-07-10T12:00:00.000Z', reasons: ['not on call and not a static member of oncall'] }],
    requests: [{ file: 'requests/ic-dave-20260720T095000Z.yaml', login: 'dave-acme', entitlements: ['acme/payments-admins'], grantedAt: '2026-07-20T10:00:00.000Z', reason: REQUEST, approvedBy: null }],
    longestRunGap: { from: '2026-07-15T00:00:00.000Z', to: '2026-07-20T10:00:00.000Z', hours: 130 },
    policyChanges: {
      available: true,
      shallow: false,
      commits: [
        { commit: commitOf('keep access 30m'), date: '2026-07-14T12:00:00+00:00', author: 'Alice Admin', authorEmail: 'alice@acme.example', subject: 'oncall: keep access 30m after the shift', files: ['profiles/oncall.yaml'] },
        { commit: commitOf('add carol'), date: '2026-07-31T23:00:00+00:00', author: 'Alice Admin', authorEmail: 'alice@acme.example', subject: 'primary: add carol', files: ['rotations/primary.yaml'] },
      ],
    },
  });

  const md = await run(dir, JULY);
  t.equal(md.code, 0);
  t.match(md.out, '## oncall-access access review: 2026-07-01 to 2026-08-01\n\n');
  t.match(md.out, '| 7 | 7 | 1017.17 | 1 | 2 | 1 | 2 |\n');
  t.match(md.out, '<details><summary>github: acme/deployers: 5 holdings, 607 person-hours</summary>');
  t.match(md.out, '| gina-acme | member | 2026-07-27T08:45Z | held at the end of the period | 111.25 | 2026-07-28T09:15Z | late by 86.75 h |');
  t.match(md.out, 'Apply runs that changed access: 11; the longest time between two: 130 h (2026-07-15T00:00Z to 2026-07-20T10:00Z).');
  t.match(md.out, '> [!NOTE]\n> 1 holding cannot be judged for late revocation');

  const csv = await run(dir, [...JULY, '--format', 'csv']);
  const rows = csv.out.trimEnd().split('\n');
  t.equal(rows.length, 8, 'a header and one row per holding');
  t.equal(rows[0], REPORT_CSV_COLUMNS.join(','));
  t.equal(rows[4], 'acme/deployers,github,acme,deployers,,Bob-Acme,bob@acme.example,member,2026-07-06T08:45:00.000Z,2026-07-13T14:00:00.000Z,false,173.25,2026-07-06T08:45:00.000Z,2026-07-13T14:00:00.000Z,2026-07-13T09:15:00.000Z,late,4.75,"on call in rotation primary (2026-07-06 09:00Z – 2026-07-13 09:00Z), profile oncall",a1b2c3d');

  const strict = JSON.parse((await run(dir, [...JULY, '--format', 'json', '--grace', '5h'])).out) as AccessReport;
  t.same(strict.lateRevocations.map((l) => l.login), ['gina-acme'], 'with a 5h grace bob was on time');
});

t.test('holdings the log does not show the start of: held since before the log, or since their last revocation', async (t) => {
  const events = [
    line('2026-07-03T09:00:00Z', { action: 'update', entitlement: { ...DEPLOYERS, level: 'maintainer' }, subject: { login: 'heidi-acme' }, previousLevel: 'member', reasons: ['static member of profile oncall'] }),
    line('2026-07-04T09:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'ivan-acme' }, reasons: [ended('2026-06-29 09:00Z')] }),
    // ivan added again by hand while still recently on call: not drift, and held since his last revocation at most.
    line('2026-07-05T09:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'ivan-acme' }, reasons: [ended('2026-06-29 09:00Z')] }),
    line('2026-07-06T09:00:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'ivan-acme' }, reasons: ['static member of profile oncall'] }),
    line('2026-07-07T09:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'ivan-acme' }, reasons: ['not on call and not a static member of oncall'] }),
    line('2026-07-08T09:00:00Z', { action: 'update', entitlement: DEPLOYERS, subject: { login: 'ivan-acme' }, previousLevel: 'maintainer', reasons: ['static member of profile oncall'] }),
    // A grant while held (removed by hand in between, which the log cannot date): the holding goes on.
    line('2026-07-10T09:00:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'judy-acme' }, reasons: [shift('2026-07-10 09:00Z', '2026-07-11 09:00Z')], until: '2026-07-11T09:15:00.000Z' }),
    line('2026-07-10T10:00:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'judy-acme' }, reasons: [shift('2026-07-11 09:00Z', '2026-07-12 09:00Z')], until: '2026-07-12T09:15:00.000Z' }),
    line('2026-07-12T09:20:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'judy-acme' }, reasons: [ended('2026-07-12 09:00Z')] }),
    // Granted and revoked before the period, and granted after it: not in the report.
    line('2026-06-02T09:00:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'ken-acme' }, reasons: ['static member of profile oncall'] }),
    line('2026-06-03T09:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'ken-acme' }, reasons: ['not on call and not a static member of oncall'] }),
    line('2026-08-02T09:00:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'ken-acme' }, reasons: ['static member of profile oncall'] }),
    // The same team name on a second target is another entitlement.
    line('2026-07-09T09:00:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'judy-acme' }, reasons: ['static member of profile oncall'] }),
  ].map((l) => JSON.parse(l) as AuditEvent);
  // A line without a config commit, from an Actions run without an attempt number.
  const last = { ...events.at(-1)!, target: 'github-eu', run: { id: '9' } };
  delete last.commit;
  const report = buildReport({ ...INPUT, events: [last, ...events.slice(0, -1).reverse()] });
  t.same(report.entitlements.map((g) => `${g.target}: ${g.name}`), ['github: acme/deployers', 'github-eu: acme/deployers']);
  const rows = report.entitlements[0]!.holdings.map((h) => [h.login, h.role, h.start, h.end, h.grantedAt, h.until, h.revocation, h.reasons.length]);
  t.same(rows, [
    ['heidi-acme', 'maintainer', '2026-07-01T00:00:00.000Z', null, null, 'open-ended', 'open-ended', 1],
    ['ivan-acme', 'member', '2026-07-01T00:00:00.000Z', '2026-07-04T09:00:00.000Z', null, 'unknown', 'unknown', 0],
    ['ivan-acme', 'member', '2026-07-04T09:00:00.000Z', '2026-07-05T09:00:00.000Z', null, 'unknown', 'unknown', 0],
    ['ivan-acme', 'member', '2026-07-06T09:00:00.000Z', '2026-07-07T09:00:00.000Z', '2026-07-06T09:00:00.000Z', 'open-ended', 'open-ended', 1],
    ['ivan-acme', 'member', '2026-07-07T09:00:00.000Z', null, null, 'open-ended', 'open-ended', 1],
    ['judy-acme', 'member', '2026-07-10T09:00:00.000Z', '2026-07-12T09:20:00.000Z', '2026-07-10T09:00:00.000Z', '2026-07-12T09:15:00.000Z', 'on-time', 2],
  ]);
  t.equal(report.totals.people, 3);
  const md = renderReportMarkdown(report);
  t.match(md, '| ivan-acme | member | 2026-07-04T09:00Z (no grant in the log) | 2026-07-05T09:00Z | 24 | unknown | unknown | — |');
  t.match(md, '> [!NOTE]\n> 2 holdings cannot be judged for late revocation');
  const csv = renderReportCsv(report).split('\n');
  t.equal(csv[2], 'acme/deployers,github,acme,deployers,,ivan-acme,,member,2026-07-01T00:00:00.000Z,2026-07-04T09:00:00.000Z,false,81,,2026-07-04T09:00:00.000Z,unknown,unknown,,,', 'no grant and no commit: empty cells');
  t.equal(csv[7], 'acme/deployers,github-eu,acme,deployers,,judy-acme,,member,2026-07-09T09:00:00.000Z,2026-08-01T00:00:00.000Z,true,543,2026-07-09T09:00:00.000Z,,open-ended,open-ended,,static member of profile oncall,');
  t.equal(report.longestRunGap?.hours, 47.33, 'runs without an Actions run id are told apart by their plan');
});

/** An empty month, as the small cases start from. */
const INPUT: ReportInput = {
  events: [],
  history: { available: true, commits: [], shallow: false },
  from: new Date('2026-07-01T00:00:00Z'),
  to: new Date('2026-08-01T00:00:00Z'),
  graceMs: 30 * 60_000,
  generatedAt: GENERATED,
  sources: { auditLog: 'state/audit.jsonl', auditLogFound: true, configDirectory: '.' },
  describe: reportEntitlement,
};

/** A small history: a late revocation, a static repository permission, a request, drift, one commit. */
function small(): AccessReport {
  const events = [
    line('2026-07-06T08:45:00Z', { action: 'grant', entitlement: DEPLOYERS, subject: { login: 'bob-acme', email: 'bob@acme.example' }, reasons: [shift('2026-07-06 09:00Z', '2026-07-13 09:00Z')], until: '2026-07-13T09:15:00.000Z' }, { run: '1' }),
    line('2026-07-13T14:00:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'bob-acme' }, reasons: [ended('2026-07-13 09:00Z')] }, { run: '2' }),
    line('2026-07-13T14:00:01Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: 'mallory-acme' }, reasons: ['not on call and not a static member of oncall'], drift: true }, { run: '2' }),
    line('2026-07-20T10:00:00Z', { action: 'grant', entitlement: API, subject: { login: 'dave-acme' }, reasons: [REQUEST, 'static member of profile api'] }, { run: '3' }),
  ].map((l) => JSON.parse(l) as AuditEvent);
  const commits = [{ commit: '0123456789abcdef0123456789abcdef01234567', date: '2026-07-14T12:00:00+02:00', author: 'Alice Admin', authorEmail: 'alice@acme.example', subject: 'oncall: keep access 30m after the shift', files: ['profiles/oncall.yaml'] }];
  return buildReport({ ...INPUT, events, history: { available: true, commits, shallow: false } });
}

t.test('the Markdown of a small report, exactly', async (t) => {
  t.equal(
    renderReportMarkdown(small()),
    `## oncall-access access review: 2026-07-01 to 2026-08-01

From 2026-07-01T00:00Z up to 2026-08-01T00:00Z (not included), from the audit log state/audit.jsonl and the git history of .. Generated 2026-08-05T06:00Z.

| People with access | Holdings | Person-hours | Requests approved | Late revocations | Drift removed | Policy changes |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: |
| 2 | 2 | 451.25 | 1 | 1 | 1 | 1 |

| Entitlement | People | Holdings | Person-hours |
| --- | ---: | ---: | ---: |
| github: acme/api (repository) | 1 | 1 | 278 |
| github: acme/deployers | 1 | 1 | 173.25 |

Apply runs that changed access: 3; the longest time between two: 173.25 h (2026-07-06T08:45Z to 2026-07-13T14:00Z). Runs with nothing to change write no audit line, so this is an upper bound.

<details><summary>github: acme/api (repository): 1 holding, 278 person-hours</summary>

| Person | Role | From | To | Hours | Until | Revocation | Why it was held |
| --- | --- | --- | --- | ---: | --- | --- | --- |
| dave-acme | push | 2026-07-20T10:00Z | held at the end of the period | 278 | open-ended | — | request requests/ic-dave-20260720T095000Z.yaml (member of profile ic): "INC-7 payments outage", until 2026-07-20 12:00Z; static member of profile api |

</details>

<details><summary>github: acme/deployers: 1 holding, 173.25 person-hours</summary>

| Person | Role | From | To | Hours | Until | Revocation | Why it was held |
| --- | --- | --- | --- | ---: | --- | --- | --- |
| bob-acme (\`bob@acme.example\`) | member | 2026-07-06T08:45Z | 2026-07-13T14:00Z | 173.25 | 2026-07-13T09:15Z | late by 4.75 h | on call in rotation primary (2026-07-06 09:00Z – 2026-07-13 09:00Z), profile oncall |

</details>

<details><summary>Late revocations: 1</summary>

Revoked more than 30 min after the holding's until (the end of the shift plus the profile's window, or the request's expiry), or not revoked by the end of the period.

| Entitlement | Person | Until | Revoked | Late by | Why it was held | Why it was revoked |
| --- | --- | --- | --- | ---: | --- | --- |
| github: acme/deployers | bob-acme | 2026-07-13T09:15Z | 2026-07-13T14:00Z | 4.75 h | on call in rotation primary (2026-07-06 09:00Z – 2026-07-13 09:00Z), profile oncall | no longer on call in rotation primary (shift ended 2026-07-13 09:00Z) |

</details>

<details><summary>Drift removed: 1</summary>

Access someone gave outside oncall-access (no profile wanted it and the tool had not granted it), which oncall-access removed.

| Entitlement | Person | Role | Removed | Why it was removed |
| --- | --- | --- | --- | --- |
| github: acme/deployers | mallory-acme | member | 2026-07-13T14:00:01Z | not on call and not a static member of oncall |

</details>

<details><summary>Access requests approved: 1</summary>

| Request | Person | Entitlements | Granted | Approved by | Reason |
| --- | --- | --- | --- | --- | --- |
| requests/ic-dave-20260720T095000Z.yaml | dave-acme | acme/api (repository) | 2026-07-20T10:00Z | no review (approval: auto) | request requests/ic-dave-20260720T095000Z.yaml (member of profile ic): "INC-7 payments outage", until 2026-07-20 12:00Z |

</details>

<details><summary>Policy changes: 1</summary>

Commits of . that changed the config, a profile, a rotation, the identities or a request, as merged (first parents).

| Commit | Date | Author | Subject | Files |
| --- | --- | --- | --- | --- |
| 0123456789ab | 2026-07-14T10:00Z | Alice Admin | oncall: keep access 30m after the shift | profiles/oncall.yaml |

</details>
`,
  );
});

t.test('the CSV of a small report, exactly', async (t) => {
  t.equal(
    renderReportCsv(small()),
    [
      'entitlement,target,org,team,repository,login,email,role,start,end,held_at_end,hours,granted_at,revoked_at,until,revocation,late_hours,reasons,grant_commit',
      'acme/api (repository),github,acme,,api,dave-acme,,push,2026-07-20T10:00:00.000Z,2026-08-01T00:00:00.000Z,true,278,2026-07-20T10:00:00.000Z,,open-ended,open-ended,,"request requests/ic-dave-20260720T095000Z.yaml (member of profile ic): ""INC-7 payments outage"", until 2026-07-20 12:00Z; static member of profile api",a1b2c3d',
      'acme/deployers,github,acme,deployers,,bob-acme,bob@acme.example,member,2026-07-06T08:45:00.000Z,2026-07-13T14:00:00.000Z,false,173.25,2026-07-06T08:45:00.000Z,2026-07-13T14:00:00.000Z,2026-07-13T09:15:00.000Z,late,4.75,"on call in rotation primary (2026-07-06 09:00Z – 2026-07-13 09:00Z), profile oncall",a1b2c3d',
      '',
    ].join('\n'),
  );
  t.equal(renderReportJson(small()), `${JSON.stringify(small(), null, 2)}\n`);
});

t.test('an empty period: every section says none; missing log, unreadable history and a shallow clone are called out', async (t) => {
  const empty = renderReportMarkdown(buildReport({ ...INPUT, sources: { ...INPUT.sources, auditLogFound: false }, history: { available: false, reason: 'cannot read the git history of .: fatal: not a git repository' } }));
  t.match(empty, '| 0 | 0 | 0 | 0 | 0 | 0 | unknown |\n\nApply runs that changed access: 0.\n\n> [!WARNING]\n> There is no audit log at state/audit.jsonl');
  t.match(empty, '**Late revocations:** none.\n\n**Drift removed:** none: oncall-access removed no access it had not granted.\n\n**Access requests approved:** none.\n\n**Policy changes:** unknown: cannot read the git history of .: fatal: not a git repository.\n');
  t.notMatch(empty, '| Entitlement | People |');
  const shallow = renderReportMarkdown(buildReport({ ...INPUT, history: { available: true, commits: [], shallow: true } }));
  t.match(shallow, '> [!WARNING]\n> The git history is shallow: older commits are missing. Check out with fetch-depth: 0.');
  t.match(shallow, '**Policy changes:** none.\n');
  t.equal(renderReportCsv(buildReport(INPUT)), `${REPORT_CSV_COLUMNS.join(',')}\n`);
  const instants = renderReportMarkdown(buildReport({ ...INPUT, from: new Date('2026-07-01T06:30:00Z'), to: new Date('2026-07-02T00:00:00+02:00') }));
  t.match(instants, '## oncall-access access review: 2026-07-01T06:30Z to 2026-07-01T22:00Z\n', 'edges that are not midnight UTC are shown as instants');
});

t.test('a report too long for an issue leaves out folded sections from the first that does not fit, and says so', async (t) => {
  const report = small();
  const whole = renderReportMarkdown(report);
  const cut = renderReportMarkdown(report, { maxChars: whole.length - 1 });
  t.ok(cut.length <= whole.length - 1);
  t.match(cut, '<summary>Access requests approved: 1</summary>');
  t.notMatch(cut, 'Policy changes: 1');
  t.match(cut, '> [!NOTE]\n> 1 section not shown, to stay under');
  const tiny = renderReportMarkdown(report, { maxChars: 100 });
  t.match(tiny, '| People with access |', 'the summary is always shown');
  t.match(tiny, '> 6 sections not shown, to stay under 100 characters. The CSV and JSON formats of the report (--format csv, --format json) have everything.\n');
});

t.test('values from the log and git are inert in Markdown and CSV', async (t) => {
  const evil = '=HYPERLINK("https://evil.example") [x](javascript:alert(1)) <img src=x> @acme/admins #1 `c` | cell\n- item';
  const events = [
    line('2026-07-06T08:45:00Z', { action: 'grant', entitlement: { target: 'github', kind: 'team', resource: `acme/${evil}`, level: 'member' }, subject: { login: evil, email: evil }, reasons: [evil], until: '2026-07-06T09:00:00.000Z' }),
    line('2026-07-07T08:45:00Z', { action: 'revoke', entitlement: DEPLOYERS, subject: { login: evil }, reasons: [evil], drift: true }),
  ].map((l) => JSON.parse(l) as AuditEvent);
  const report = buildReport({ ...INPUT, events, history: { available: true, shallow: false, commits: [{ commit: evil, date: '2026-07-14T12:00:00Z', author: evil, authorEmail: evil, subject: evil, files: [evil] }] } });
  const md = outsideCode(renderReportMarkdown(report)).replace(/<\/?(details|summary)>/g, '').replace(/\[!(NOTE|WARNING)\]/g, '');
  t.notMatch(md, /[<[\]`]/, 'no tag, link or code but code that holds only inert characters');
  t.notMatch(md, '@', 'no mention');
  t.notMatch(md, '://', 'no autolink');
  t.notMatch(md, /\n- item/, 'a value never leaves its table row');
  const tables = md.split('\n\n').filter((b) => b.startsWith('| '));
  t.ok(tables.length > 0);
  for (const table of tables) {
    const bars = table.split('\n').map((row) => row.split('|').length);
    t.same(bars, bars.map(() => bars[0]), 'every row of a table has the cells of its header');
  }
  t.match(renderReportCsv(report), `,"'=HYPERLINK(""https://evil.example"") [x](javascript:alert(1)) <img src=x> @acme/admins #1 \`c\` | cell\\u000a- item",`, 'a formula is neutralised, the value quoted and kept on its line');
  t.equal(renderReportCsv(report).split('\n').length, 3, 'a newline in a value never starts a row');
});

t.test('report on the command line: bad input is a one-line error naming what is wrong', async (t) => {
  const dir = workspace(t.testdir());
  const cases: [string[], string][] = [
    [['--to', '2026-08-01'], 'oncall-access report: report needs --from and --to, e.g. --from 2026-07-01 --to 2026-10-01\n'],
    [['--from', '2026-02-30', '--to', '2026-08-01'], 'oncall-access report: --from must be a date (2026-07-01) or an ISO instant with Z or an offset (2026-07-01T00:00:00Z); got "2026-02-30"\n'],
    [['--from', '2026-07-01', '--to', 'next week'], 'oncall-access report: --to must be a date (2026-07-01) or an ISO instant with Z or an offset (2026-07-01T00:00:00Z); got "next week"\n'],
    [['--from', '2026-07-01T00:00:00+02:00', '--to', '2026-06-30T22:00:00Z'], 'oncall-access report: --from (2026-06-30T22:00:00.000Z) must be before --to (2026-06-30T22:00:00.000Z)\n'],
    [[...JULY, '--grace', 'soon'], 'oncall-access report: --grace must be a duration such as 30m or 1h; got "soon"\n'],
    [[...JULY, '--format', 'pdf'], 'oncall-access report: --format must be one of markdown, csv, json; got "pdf"\n'],
  ];
  for (const [args, err] of cases) {
    const r = await run(dir, args);
    t.same([r.code, r.out, r.err], [1, '', err], args.join(' '));
  }
  writeFileSync(join(dir, 'state', 'audit.jsonl'), `${HISTORY[0]}\n\n{"time":"2026-07-01T00:00:00Z"\n`);
  t.same(await run(dir, JULY), { code: 1, out: '', err: 'oncall-access report: state/audit.jsonl:3: not a JSON audit event; restore the file from git history\n' });
  writeFileSync(join(dir, 'oncall-access.yaml'), 'kind: Config\n');
  const invalid = await run(dir, JULY);
  t.equal(invalid.code, 1);
  t.match(invalid.err, 'oncall-access.yaml');
});

t.test('an audit line missing what the report relies on names its file, line and field', async (t) => {
  const good = JSON.parse(HISTORY[1]!) as Record<string, unknown>;
  // The same line as version 1 wrote it: no formatVersion, GitHub's org, team and role.
  const rest = Object.fromEntries(Object.entries(good).filter(([k]) => !['formatVersion', 'kind', 'resource', 'level'].includes(k)));
  const v1 = { ...rest, org: 'acme', team: 'deployers', role: 'member' };
  const bad: [unknown, string][] = [
    [[1], 'not a JSON object'],
    [{ ...good, time: 'yesterday' }, '"time" is not an ISO instant'],
    [{ ...good, action: 'delete' }, '"action" is not grant, revoke or update'],
    [{ ...good, outcome: 'done' }, '"outcome" is not applied, failed or skipped'],
    [{ ...good, login: 7 }, '"login" is not a string'],
    [{ ...good, kind: undefined }, '"kind" is not a string'],
    [{ ...good, resource: 7 }, '"resource" is not a string'],
    [{ ...good, level: undefined }, '"level" is not a string'],
    [{ ...good, formatVersion: 3 }, '"formatVersion" is not 2 (nor absent, as in a version 1 line)'],
    [{ ...v1, team: undefined }, 'it names no "team" with a "role" or "repository" with a "permission"'],
    [{ ...v1, role: undefined }, 'it names no "team" with a "role" or "repository" with a "permission"'],
    [{ ...v1, team: undefined, role: undefined, repository: 'api' }, 'it names no "team" with a "role" or "repository" with a "permission"'],
    [{ ...v1, org: undefined }, '"org" is not a string'],
    [{ ...good, reasons: 'on call' }, '"reasons" is not a list of strings'],
    [{ ...good, until: 'soon' }, '"until" is not an ISO instant'],
  ];
  const dir = t.testdir();
  for (const [value, problem] of bad) {
    const path = join(dir, 'audit.jsonl');
    writeFileSync(path, `${HISTORY[0]}\n${JSON.stringify(value)}\n`);
    t.throws(() => readAuditLog(path), { name: 'UserError', message: `${path}:2: not an audit event: ${problem}; restore the file from git history` });
  }
  t.same(readAuditLog(join(dir, 'none.jsonl')), [], 'no file: no events');
});

t.test('the policy history: outside a git repository, from a shallow clone, without git', async (t) => {
  // Outside any repository (t.testdir is inside this one).
  const outside = mkdtempSync(join(tmpdir(), 'oncall-access-report-'));
  t.teardown(() => rmSync(outside, { recursive: true, force: true }));
  for (const [name, text] of Object.entries({ 'oncall-access.yaml': CONFIG, 'profiles/oncall.yaml': profile('oncall'), 'rotations/primary.yaml': ROTATION })) {
    mkdirSync(join(outside, name, '..'), { recursive: true });
    writeFileSync(join(outside, name), text);
  }
  const none = await run(outside, JULY);
  t.equal(none.code, 0, none.err);
  t.match(none.out, '**Policy changes:** unknown: cannot read the git history of .: fatal: not a git repository');
  t.match(none.out, '> [!WARNING]\n> There is no audit log at state/audit.jsonl');

  const base = t.testdir();
  const dir = workspace(join(base, 'origin'));
  const clone = join(base, 'clone');
  git(base, ['clone', '-q', '--depth', '1', `file://${dir}`, clone]);
  const shallow = JSON.parse((await run(clone, [...JULY, '--format', 'json', '--state', join(dir, 'state')])).out) as AccessReport;
  t.same([shallow.policyChanges, shallow.totals.holdings, shallow.sources.auditLog], [{ available: true, shallow: true, commits: [] }, 7, '../origin/state/audit.jsonl']);

  const { runReport } = await t.mockImport<typeof import('../src/commands/report.js')>('../src/commands/report.js', {
    '../src/forge/git.js': { git: () => { throw Object.assign(new Error('spawnSync git ENOENT'), { code: 'ENOENT' }); } },
  });
  const io = captureIo(dir, {}, GENERATED);
  t.equal(await runReport({ config: 'oncall-access.yaml', from: '2026-07-01', to: '2026-08-01', format: 'json', grace: '30m' }, io.io), 0);
  t.same(JSON.parse(io.out()).policyChanges, { available: false, reason: 'cannot read the git history of .: spawnSync git ENOENT' });
});
