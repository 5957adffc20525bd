/** The demo with its Slack workspace, through the CLI: plan, apply, explain, timeline, doctor. */
import t from 'tap';
import { cli, demoWorkspace, editFile, ENV, SLACK_TOKEN } from './helpers/demo-workspace.js';

const withSlack = (t: Parameters<typeof demoWorkspace>[0], edit: (dir: string) => void = () => {}) => demoWorkspace(t, edit, undefined, undefined, { slack: true });
const run = (dir: string, args: string[], env: NodeJS.ProcessEnv = ENV) => cli(dir, args, { env });
const config = ['--config', 'oncall-access.yaml'];

/** The block of the text plan under `heading`, up to the blank line after it. */
function block(out: string, heading: string): string {
  const start = out.indexOf(`${heading}\n`);
  return start < 0 ? '' : out.slice(start, out.indexOf('\n\n', start));
}

t.test('plan: the @platform-oncall handle moves from erin to frank, with reasons; grace is found in Slack by email', async (t) => {
  const { dir, emulators } = await withSlack(t);
  const r = await run(dir, ['plan', ...config]);
  t.equal(r.code, 0, r.err);
  t.equal(
    block(r.out, 'slack: @platform-oncall (profiles: platform-oncall)'),
    [
      'slack: @platform-oncall (profiles: platform-oncall)',
      '  + frank (U0FRANK001)  until 2026-11-30T19:15Z  — on call in rotation platform-follow-the-sun (2026-11-30 07:00Z – 2026-11-30 19:00Z), profile platform-oncall',
      '  + grace (U0GRACE001)  — static member of profile platform-oncall',
      '  - erin (U0ERIN0001)  — no longer on call in rotation platform-follow-the-sun (shift ended 2026-11-30 07:00Z)',
    ].join('\n'),
  );
  t.match(r.out, 'Plan: 6 to grant, 8 to revoke, 1 to update, 5 unchanged.');
  const slack = emulators.slack.requests;
  t.same([...new Set(slack.map((q) => q.method))], ['GET'], 'plan only reads: every Slack call is a GET');
  t.equal(slack.filter((q) => q.path === '/api/usergroups.list').length, 1, 'one usergroups.list for every group');
  t.notMatch(r.out + r.err, SLACK_TOKEN);
});

t.test('plan --format markdown and json carry the Slack changes', async (t) => {
  const { dir } = await withSlack(t);
  const md = await run(dir, ['plan', ...config, '--format', 'markdown']);
  t.match(md.out, '- **grant** frank (U0FRANK001) until 2026-11-30T19:15Z');
  const json = JSON.parse((await run(dir, ['plan', ...config, '--format', 'json'])).out);
  t.same(
    json.changes.filter((c: { entitlement: { target: string } }) => c.entitlement.target === 'slack').map((c: { action: string; subject: { login: string }; entitlement: { kind: string; resource: string } }) => [c.action, c.subject.login, c.entitlement.kind, c.entitlement.resource]).sort(),
    [
      ['grant', 'U0FRANK001', 'usergroup', '@platform-oncall'],
      ['grant', 'U0GRACE001', 'usergroup', '@platform-oncall'],
      ['revoke', 'U0ERIN0001', 'usergroup', '@platform-oncall'],
    ],
  );
});

t.test('apply writes the group once with its whole new list; the next plan is empty', async (t) => {
  const { dir, emulators } = await withSlack(t);
  const r = await run(dir, ['apply', ...config, '--yes']);
  t.equal(r.code, 0, r.err);
  t.match(r.out, 'applied: grant frank (U0FRANK001) on @platform-oncall\n');
  t.match(r.out, 'applied: grant grace (U0GRACE001) on @platform-oncall\n');
  t.match(r.out, 'applied: revoke erin (U0ERIN0001) from @platform-oncall\n');
  t.same(emulators.slack.members('platform-oncall').sort(), ['U0FRANK001', 'U0GRACE001']);
  t.equal(emulators.slack.requests.filter((q) => q.path === '/api/usergroups.users.update').length, 1, 'one write for three changes');
  const again = await run(dir, ['plan', ...config, '--detailed-exitcode']);
  t.equal(again.code, 0, again.out);
  t.match(again.out, 'No changes.');
});

t.test('apply skips a group someone edited in Slack since the plan read it, and the next run plans from the edit', async (t) => {
  const { dir, emulators } = await withSlack(t);
  // The edit lands between the plan's read and apply's write: right after apply's first Slack read.
  let edited = false;
  const fetchThatEdits: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (!edited && String(input).includes('/api/usergroups.list')) {
      edited = true;
      emulators.slack.editMembers('platform-oncall', ['U0ERIN0001', 'U0MIA00001']);
    }
    return res;
  };
  const r = await cli(dir, ['apply', ...config, '--yes'], { env: ENV, fetch: fetchThatEdits });
  t.match(r.out, /skipped: grant frank \(U0FRANK001\) on @platform-oncall: @platform-oncall changed in Slack since this run read it \(date_update \d+ -> \d+\): not written/);
  t.same(emulators.slack.members('platform-oncall'), ['U0ERIN0001', 'U0MIA00001'], 'the edit stands');
  const next = await run(dir, ['plan', ...config]);
  t.match(block(next.out, 'slack: @platform-oncall (profiles: platform-oncall)'), '  - U0MIA00001  (drift: not wanted by any profile)');
});

t.test('a rotation that leaves the group with nobody in Slack disables it (whenEmpty: disable, the default); the next plan is empty', async (t) => {
  const { dir, emulators } = await withSlack(t, (d) => {
    editFile(d, 'platform.yaml', 'members: [grace@acme.example]', 'members: []');
    // The demo's Okta group would lose everyone too (a guard refuses that): this test is Slack's.
    editFile(d, 'platform.yaml', '    - target: okta\n      group: prod-aws-oncall\n', '');
    editFile(d, 'rotations/platform-follow-the-sun.yaml', /- frank@acme\.example\n\s+- erin@acme\.example/, '- zed@acme.example');
  });
  const r = await run(dir, ['apply', ...config, '--yes']);
  t.match(r.out, 'applied: revoke U0ERIN0001 from @platform-oncall\n');
  t.equal(emulators.slack.disabled('platform-oncall'), true, 'disabled: its handle pages nobody');
  t.equal(emulators.slack.requests.filter((q) => q.path === '/api/usergroups.users.update').length, 0, 'no empty list sent');
  t.notMatch((await run(dir, ['plan', ...config])).out, 'slack: @platform-oncall', 'converged');
});

t.test('explain names the Slack account beside the GitHub login; timeline lists the Slack handoffs', async (t) => {
  const { dir } = await withSlack(t);
  const explain = await run(dir, ['explain', 'frank@acme.example', ...config]);
  t.match(explain.out, 'frank-acme (frank@acme.example) at 2026-11-30T07:50:00.000Z\nSlack user on target "slack": U0FRANK001\n');
  t.match(explain.out, '  + @platform-oncall — on call in rotation platform-follow-the-sun');
  const json = JSON.parse((await run(dir, ['explain', 'frank@acme.example', ...config, '--format', 'json'])).out);
  t.same(json.logins, { github: 'frank-acme', slack: 'U0FRANK001', okta: 'frank@acme.example' });
  const timeline = await run(dir, ['timeline', ...config, '--from', '2026-11-30T07:50:00Z', '--hours', '13']);
  t.match(timeline.out, 'Mon 2026-11-30 18:50 UTC: + erin (U0ERIN0001) to @platform-oncall (on call in rotation platform-follow-the-sun');
  t.match(timeline.out, 'Mon 2026-11-30 19:15 UTC: - frank (U0FRANK001) from @platform-oncall (ends: ');
  const events = JSON.parse((await run(dir, ['timeline', ...config, '--from', '2026-11-30T07:50:00Z', '--hours', '13', '--format', 'json'])).out).events;
  t.match(events.find((e: { target: string }) => e.target === 'slack'), { kind: 'usergroup', resource: '@platform-oncall', login: 'U0ERIN0001' });
  t.notOk('org' in events.find((e: { target: string }) => e.target === 'slack'), 'no GitHub organisation for a Slack event');
});

t.test('doctor checks the Slack token, workspace, scopes and each user group', async (t) => {
  const { dir } = await withSlack(t);
  const r = await run(dir, ['doctor', ...config]);
  t.match(r.out, /target "slack".*token \(SLACK_TOKEN\)/);
  t.match(r.out, /API http:\/\/127\.0\.0\.1:\d+\/api\/, workspace acme \(T0ACME0001\)/);
  t.match(r.out, 'user group @platform-oncall');
  const unset = await run(dir, ['doctor', ...config], { ...ENV, SLACK_TOKEN: '' });
  t.match(unset.out, 'environment variable SLACK_TOKEN is not set');
});

t.test('without SLACK_TOKEN the Slack group is frozen and the rest of the plan stands', async (t) => {
  const { dir } = await withSlack(t);
  const r = await run(dir, ['plan', ...config], { ...ENV, SLACK_TOKEN: '' });
  t.equal(r.code, 1);
  t.match(r.err + r.out, 'target "slack": environment variable SLACK_TOKEN (its tokenEnv) is not set');
  t.notMatch(r.out, 'slack: @platform-oncall (profiles');
  t.match(r.out, 'github: acme/prod-deployers');
});

t.test('a saved plan: a change whose precondition no longer holds is skipped, the group\'s other changes still go in one write', async (t) => {
  const { dir, emulators } = await withSlack(t);
  const saved = await run(dir, ['plan', ...config, '--out', 'plan.json']);
  t.equal(saved.code, 0, saved.err);
  // frank was added in Slack by hand after the plan (and the group's date_update moved with it).
  emulators.slack.editMembers('platform-oncall', ['U0ERIN0001', 'U0FRANK001']);
  const r = await run(dir, ['apply', 'plan.json', ...config, '--yes']);
  t.match(r.out, 'skipped: grant frank (U0FRANK001) on @platform-oncall: U0FRANK001 already holds it');
  t.match(r.out, 'applied: grant grace (U0GRACE001) on @platform-oncall');
  t.match(r.out, 'applied: revoke erin (U0ERIN0001) from @platform-oncall');
  t.same(emulators.slack.members('platform-oncall').sort(), ['U0FRANK001', 'U0GRACE001'], 'frank kept, grace in, erin out');
});

t.test('a user group never applied to is adopted: its member no profile wants is kept and listed, without a level; the timeline chart draws it', async (t) => {
  const { dir } = await withSlack(t, (d) => editFile(d, 'state/adopted.json', /,\s*\{[^{}]*"@platform-oncall"[^{}]*\}/, ''));
  const r = await run(dir, ['plan', ...config]);
  t.match(r.out, 'slack: @platform-oncall (profiles: platform-oncall)\n  ? U0ERIN0001  (would be removed: adopting)\n');
  const md = await run(dir, ['plan', ...config, '--format', 'markdown']);
  t.match(md.out, '- U0ERIN0001  (would be removed: adopting)');
  const chart = await run(dir, ['timeline', ...config, '--from', '2026-11-30T07:50:00Z', '--hours', '13', '--format', 'mermaid']);
  t.match(chart.out, '    section @platform-oncall\n    U0FRANK001 (on call) :');
});

t.test('someone Slack does not know is warned about in Slack words, apart from their missing GitHub login; an unreadable directory warns about nobody', async (t) => {
  const { dir } = await withSlack(t, (d) => editFile(d, 'platform.yaml', 'members: [grace@acme.example]', 'members: [grace@acme.example, zoe@acme.example]'));
  const r = await run(dir, ['plan', ...config]);
  t.match(r.out, 'warning: zoe@acme.example is entitled by profile platform-oncall but is not in Slack (no user of the workspace has that email, and the identities file gives no slack: user id); adding nobody to the user group');
  t.match(r.out, 'warning: zoe@acme.example is entitled by profile platform-oncall but has no GitHub login');
  const unread = await run(dir, ['plan', ...config], { ...ENV, SLACK_TOKEN: '' });
  t.notMatch(unread.out, 'is not in Slack');
  t.match(unread.out, 'Its user groups are frozen');
});
