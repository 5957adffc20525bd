/**
 * Issue 19 end to end, through the CLI and the Action against the demo's emulators: the timeline
 * chart (`timeline --format mermaid`, the plan's Markdown, a pull request's before and after),
 * and the coverage gaps `validate` and `plan` report (`spec.coverage.gaps`).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { runAction } from '../src/action/main.js';
import { cli, dataOnOpsgenie, demoWorkspace, editFile, opsgenieEmulator } from './helpers/demo-workspace.js';
import { commitAll, initRepo } from './helpers/git-repo.js';
import { captureIo } from './helpers/io.js';
import { checkGantt } from './helpers/mermaid-gantt.js';
import { addRequests, C, prEnv, prPlan, request } from './helpers/pull-request.js';
import { inStep } from './helpers/step.js';

const charts = (md: string): string[] => [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);

t.test('timeline --format mermaid draws the demo: a valid chart on stdout, problems on stderr', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  emulators.jsm.acceptUnexpected(); // the wrong Atlassian credentials below are refused on purpose
  const r = await cli(dir, ['timeline', ...C, '--format', 'mermaid', '--time-zone', 'Europe/Berlin']);
  t.equal(r.code, 0, r.err);
  const checked = checkGantt(r.out);
  t.ok(checked.ok, checked.ok ? 'valid' : checked.error);
  t.match(r.out, '    title Access from Mon 2026-11-30 08h50 Europe/Berlin for 24 h\n');
  t.match(r.out, '    plan instant :milestone, 2026-11-30 08:50:00, 0m\n');
  t.match(r.out, '    %% held by nobody in this period: acme/payments-admins\n');
  t.match(r.out, '    section acme/payments-deployers\n    alice-acme (on call, member) :2026-11-30 08:50:00, 2026-11-30 09:00:00\n    alice-acme (after shift, member) :active, 2026-11-30 09:00:00, 2026-11-30 09:30:00\n    bob-acme (before shift, member) :active, 2026-11-30 08:50:00, 2026-11-30 09:00:00\n');
  t.match(r.out, '    carol-acme (static member, member) :done, 2026-11-30 08:50:00, 2026-12-01 08:50:00\n');
  t.equal(r.err, 'platform.yaml:5:9: warning: grace@acme.example is entitled by profile platform-oncall but has no GitHub login; granting nothing (add them to the identities file)\n');
  addRequests(dir, { 'inc-9.yaml': request('alice@acme.example', '2026-11-30T07:40:00Z', '2h') });
  const requested = await cli(dir, ['timeline', ...C, '--format', 'mermaid']);
  t.equal(requested.code, 0, requested.err);
  t.match(requested.out, '    section acme/payments-admins\n    alice-acme (request, maintainer) :crit, 2026-11-30 07:50:00, 2026-11-30 09:40:00\n', 'a request is a bar of its own kind, cut at the chart\'s start');
  t.ok(checkGantt(requested.out).ok);
  rmSync(join(dir, 'requests'), { recursive: true });
  const failing = await cli(dir, ['timeline', ...C, '--format', 'mermaid'], { env: { GITHUB_TOKEN: 'x', ATLASSIAN_EMAIL: 'x@acme.example', ATLASSIAN_API_TOKEN: 'y' } });
  t.equal(failing.code, 1, 'a rotation that cannot be read fails the command');
  t.ok(checkGantt(failing.out).ok, 'the chart is still valid');
  t.match(failing.out, '    %% held by nobody in this period: acme/checkout-deployers (incomplete, could not read pagerduty escalation policy PCHKEP1 level 1)\n');
});

t.test('plan --format markdown ends with the folded timeline; --format json carries its data; text stays as it was', async (t) => {
  const { dir } = await demoWorkspace(t);
  const md = await cli(dir, ['plan', ...C, '--format', 'markdown']);
  t.equal(md.code, 0, md.err);
  t.match(md.out, '<details><summary>Access timeline: who holds what over the next 24 h (UTC)</summary>');
  t.equal(charts(md.out).length, 1);
  t.ok(checkGantt(charts(md.out)[0]!).ok);
  const json = JSON.parse((await cli(dir, ['plan', ...C, '--format', 'json'])).out);
  t.equal(json.timeline.from, '2026-11-30T07:50:00.000Z');
  t.equal(json.timeline.to, '2026-12-01T07:50:00.000Z');
  t.same(json.timeline.entitlements.find((e: { kind: string; resource: string }) => e.kind === 'team' && e.resource === 'acme/payments-deployers').holders.map((h: { login: string }) => h.login), ['alice-acme', 'bob-acme', 'carol-acme']);
  const text = await cli(dir, ['plan', ...C]);
  t.notMatch(text.out, /gantt|mermaid|timeline/i, 'the terminal plan is unchanged');
  const applied = await cli(dir, ['apply', ...C, '--yes', '--format', 'json']);
  t.notMatch(applied.out, '"timeline"', 'apply does not look ahead');
});

t.test('a pull request that changes a profile shows the timeline before and after, in the job summary', async (t) => {
  const { dir } = await demoWorkspace(t);
  const base = initRepo(dir);
  editFile(dir, 'payments.yaml', '  members: [carol@acme.example]', '  members: [carol@acme.example, dave@acme.example]');
  commitAll(dir, 'dave joins payments', 'dave');
  const r = await prPlan(dir, 'dave-acme', base);
  t.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  const deployers = (p: { timeline: { entitlements: { kind: string; resource: string; holders: { login: string }[] }[] } }) => p.timeline.entitlements.find((e) => e.kind === 'team' && e.resource === 'acme/payments-deployers')!.holders.map((h) => h.login);
  t.same(deployers(json), ['alice-acme', 'bob-acme', 'carol-acme'], 'before: the policy on main');
  t.same(deployers(json.proposed.plan), ['alice-acme', 'bob-acme', 'carol-acme', 'dave-acme'], 'after: the pull request adds dave');

  const summary = join(dir, '..', `${t.name.length}-summary.md`);
  const output = join(dir, '..', `${t.name.length}-output.txt`);
  writeFileSync(summary, '');
  writeFileSync(output, '');
  const env = { ...prEnv(dir, 'dave-acme', base), INPUT_COMMAND: 'plan', INPUT_CONFIG: 'oncall-access.yaml', INPUT_COMMENT: 'false', GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: join(dir, '..'), GITHUB_REPOSITORY: 'acme/access' };
  const io = captureIo(dir, env, new Date('2026-11-30T07:50:00Z'));
  const { value: code } = await inStep(env, () => runAction(io.io));
  t.equal(code, 0);
  const md = readFileSync(summary, 'utf8');
  t.ok(md.length < 65_536);
  const [before, after] = charts(md);
  t.match(md, '<summary>Access timeline with the policy on main (before this pull request): who holds what over the next 24 h (UTC)</summary>');
  t.match(md, '<summary>Access timeline after this pull request, with its policy: who holds what over the next 24 h (UTC)</summary>');
  t.ok(checkGantt(before!).ok && checkGantt(after!).ok, 'both charts are valid');
  t.notMatch(before, 'dave-acme');
  t.match(after, 'dave-acme (static member, member) :done, ');
});

t.test('a pull request that changes a rotation kept in git shows the timeline before and after too', async (t) => {
  const { dir } = await demoWorkspace(t);
  const base = initRepo(dir);
  editFile(dir, 'rotations/payments-primary.yaml', '  overrides:\n', '  overrides:\n    - member: dave@acme.example\n      covers: bob@acme.example\n      from: 2026-11-30T12:00\n      to: 2026-11-30T14:00\n');
  commitAll(dir, 'dave covers bob this afternoon', 'dave');
  const r = await prPlan(dir, 'dave-acme', base);
  t.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out);
  const dave = (p: { timeline: { entitlements: { kind: string; resource: string; holders: { login: string; intervals: { kind: string; start: string; end: string }[] }[] }[] } }) =>
    p.timeline.entitlements.find((e) => e.kind === 'team' && e.resource === 'acme/payments-deployers')!.holders.find((h) => h.login === 'dave-acme')?.intervals.map((i) => `${i.kind} ${i.start} ${i.end}`);
  t.equal(dave(json), undefined, 'before: dave holds nothing');
  t.same(dave(json.proposed.plan), ['before 2026-11-30T10:45:00.000Z 2026-11-30T11:00:00.000Z', 'shift 2026-11-30T11:00:00.000Z 2026-11-30T13:00:00.000Z', 'after 2026-11-30T13:00:00.000Z 2026-11-30T13:30:00.000Z'], 'after: dave covers bob, with the windows (15 min before, 30 min after)');
});

t.test('validate warns of a gap in a rotation kept in git (someone on call without a login); plan too; coverage.gaps: error fails both', async (t) => {
  const { dir } = await demoWorkspace(t);
  editFile(dir, 'identities.yaml', '    - email: dave@acme.example\n      github: dave-acme\n', '');
  const now = new Date('2026-12-01T07:50:00Z');
  const gap = 'rotation payments-primary leaves nobody with access from Mon 2026-12-07 09:00 to at least Tue 2026-12-08 08:50 Europe/Berlin (23h50m): only dave@acme.example is on call, and has no GitHub login (add them to the identities file)';
  const v = await cli(dir, ['validate', ...C], { now });
  t.equal(v.code, 0, 'a warning');
  t.match(v.out, `payments.yaml:10:7: warning: ${gap}\n`);
  const json = JSON.parse((await cli(dir, ['validate', ...C, '--format', 'json'], { now })).out);
  t.match(json.diagnostics, [{ severity: 'warning', code: 'coverage' }]);
  const p = await cli(dir, ['plan', ...C, '--at', '2026-12-01T07:50:00Z'], { now });
  t.equal(p.code, 0);
  t.match(p.out, gap);

  editFile(dir, 'oncall-access.yaml', '  guards:\n', '  coverage:\n    gaps: error\n  guards:\n');
  const strict = await cli(dir, ['validate', ...C], { now });
  t.equal(strict.code, 1, 'teams that require 24/7 coverage');
  t.match(strict.out, `error: ${gap}`);
  t.equal((await cli(dir, ['plan', ...C, '--at', '2026-12-01T07:50:00Z'], { now })).code, 1);
  t.equal((await cli(dir, ['apply', ...C, '--at', '2026-12-01T07:50:00Z', '--yes'], { now })).code, 0, 'apply is not held up by a gap next week');
  editFile(dir, 'oncall-access.yaml', '    gaps: error\n', '    gaps: off\n');
  t.notMatch((await cli(dir, ['validate', ...C], { now })).out, 'leaves nobody');
  editFile(dir, 'oncall-access.yaml', '    gaps: off\n', '    gaps: error\n');
  editFile(dir, 'oncall-access.yaml', 'resolve: [file]', 'resolve: [file, saml]');
  t.equal((await cli(dir, ['validate', ...C], { now })).code, 0, 'who SAML resolves only plan can tell');
});

t.test('plan warns of a hole in a PagerDuty, JSM or Opsgenie schedule, in UTC; validate cannot see it', async (t) => {
  const { dir } = await demoWorkspace(t);
  const now = new Date('2026-12-08T09:00:00Z');
  const p = await cli(dir, ['plan', ...C, '--at', '2026-12-08T09:00:00Z'], { now });
  t.equal(p.code, 0, p.err);
  t.match(p.out, 'warning: jsm schedule data_primary leaves nobody with access from Sun 2026-12-13 09:00 to at least Tue 2026-12-15 09:00 UTC (2d): nobody is on call (a gap between layers or shifts, or an override that leaves a hole)');
  t.match(p.out, 'warning: pagerduty escalation policy PCHKEP1 level 1 leaves nobody with access from Mon 2026-12-14 08:00 to at least Tue 2026-12-15 09:00 UTC (1d1h): nobody is on call');
  t.notMatch((await cli(dir, ['validate', ...C], { now })).out, 'leaves nobody', 'validate reads no API');
  // The same schedule in Opsgenie: the same hole.
  const opsgenie = await opsgenieEmulator(t);
  dataOnOpsgenie(dir, opsgenie.url);
  const og = await cli(dir, ['plan', ...C, '--at', '2026-12-08T09:00:00Z'], { now });
  t.equal(og.code, 0, og.err);
  t.match(og.out, 'warning: opsgenie schedule data_primary leaves nobody with access from Sun 2026-12-13 09:00 to at least Tue 2026-12-15 09:00 UTC (2d): nobody is on call (a gap between layers or shifts, or an override that leaves a hole)');
  t.notMatch(og.out, 'jsm schedule');
  t.ok(opsgenie.requests.length > 0, 'read from Opsgenie');
});
