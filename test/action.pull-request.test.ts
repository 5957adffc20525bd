/**
 * The Action on pull requests, as the runner runs it: the plan comment, forks and runs without secrets, credentials
 * given in part, and attacks through request files.
 * The runner and the workspace are test/helpers/action-run.ts.
 */
import t from 'tap';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderText } from '../src/render/text.js';
import { commentMarker } from '../src/action/pr-comment.js';
import { act, ACTION_OUTPUTS, BOT, editFile, EVENTS, logGroups, MARKER, MINUTE, pieceOf, planIn, planOutputs, REPO, teamReads, TOKEN, world, writes } from './helpers/action-run.js';

t.test('a pull request gets one plan comment: created on the first push, updated in place on the next', async (t) => {
  const w = await world(t);
  const first = await act(w, 'pull_request', { command: 'plan' });
  t.equal(first.code, 0, first.out);
  t.same(writes(w.emu), ['POST /repos/acme/access/issues/7/comments']);
  t.match(first.out, /Plan comment created: http:\/\/127\.0\.0\.1:\d+\/acme\/access\/pull\/7#issuecomment-\d+/);
  t.same(first.outputs, {
    ...planOutputs(w),
    'comment-url': first.outputs['comment-url'],
  });
  t.ok(Object.keys(first.outputs).every((k) => ACTION_OUTPUTS.includes(k)), 'every output is declared in action.yml');
  t.same(planIn(first.outputs['plan-file']).summary, { grant: 1, revoke: 2, update: 1, unchanged: 0 });
  t.same(logGroups(first.out), [{ title: 'Plan: 1 to grant, 2 to revoke, 1 to update, 0 unchanged.', text: renderText(planIn(first.outputs['plan-file']), { color: false }) }], 'the log shows the plan as the CLI prints it, folded under its summary');
  const [comment] = w.emu.issueComments(REPO, 7);
  t.ok(comment!.body.startsWith(`${MARKER}\n## oncall-access plan for 2026-11-25T12:00:00Z`), 'marker first, then the summary');
  t.match(comment!.body, '| Grant | Revoke | Update | Unchanged |');
  t.match(comment!.body, 'commit `111111111111`', 'the plan names the pull request head it was computed for');
  t.match(first.summary, '## oncall-access plan for');
  t.notMatch(first.summary, MARKER, 'the job summary has no marker');

  const moved = join(w.dir, 'event.json');
  writeFileSync(moved, readFileSync(join(EVENTS, 'pull_request.json'), 'utf8').replaceAll('1111111111111111111111111111111111111111', 'abcdefabcdefabcdefabcdefabcdefabcdefabcd'));
  const second = await act(w, 'pull_request', { command: 'plan' }, { eventFile: moved, at: 20 * MINUTE });
  t.equal(second.code, 0);
  t.match(second.out, 'Plan comment updated');
  const comments = w.emu.issueComments(REPO, 7);
  t.equal(comments.length, 1, 'still one comment');
  t.equal(comments[0]!.id, comment!.id);
  t.match(comments[0]!.body, 'commit `abcdefabcdef`');
  t.match(comments[0]!.body, 'oncall-access plan for 2026-11-25T12:20:00Z');
  t.same(writes(w.emu), ['POST /repos/acme/access/issues/7/comments', `PATCH /repos/acme/access/issues/comments/${comment!.id}`]);
  t.same(w.emu.teamMembers('acme', 'payments-deployers').map((m) => m.login), ['alice-acme', 'carol-acme', 'mallory-acme'], 'a plan changes no team');
  t.same(w.emu.unexpected, []);
});

t.test('the marker in a comment written by someone else is never edited, and pages of comments are all read', async (t) => {
  const filler = Array.from({ length: 120 }, (_, i) => ({ repo: REPO, issue: 7, user: 'carol-acme', body: `LGTM ${i}` }));
  const w = await world(t, {
    comments: [
      { repo: REPO, issue: 7, user: 'mallory', body: `${MARKER}\nI am the plan now` },
      { repo: REPO, issue: 7, user: BOT, body: `${commentMarker('other/oncall-access.yaml')}\nanother config's plan` },
      ...filler,
    ],
  });
  t.equal((await act(w, 'pull_request', { command: 'plan' })).code, 0);
  const ours = () => w.emu.issueComments(REPO, 7).filter((c) => c.user === BOT && c.body.startsWith(`${MARKER}\n`));
  t.equal(ours().length, 1, 'a new comment: neither the spoofed marker nor another config counts');
  t.equal(w.emu.issueComments(REPO, 7)[0]!.body, `${MARKER}\nI am the plan now`, "mallory's comment is untouched");
  t.match(w.emu.issueComments(REPO, 7)[1]!.body, "another config's plan");
  t.equal((await act(w, 'pull_request', { command: 'plan' })).code, 0);
  t.equal(ours().length, 1, 'found again on the second page and updated');
  t.ok(w.emu.requests.some((r) => r.method === 'GET' && r.path.endsWith('/comments')));
  t.equal(w.emu.issueComments(REPO, 7).length, 123);
});

t.test('a bad profile is annotated on its line, and the comment says the config is invalid instead of showing a plan', async (t) => {
  const w = await world(t, {}, (dir) => {
    editFile(dir, 'profiles/payments.yaml', '  mode: auto', '  mode: sometimes');
  });
  const r = await act(w, 'pull_request', { command: 'plan' });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access,file=profiles\/payments\.yaml,line=6,col=\d+::.*mode/m);
  t.equal(r.outputs.valid, 'false');
  t.notOk('plan-file' in r.outputs, 'no plan was computed');
  const [comment] = w.emu.issueComments(REPO, 7);
  t.ok(comment!.body.startsWith(`${MARKER}\n## oncall-access: oncall-access.yaml is invalid\n`));
  t.match(comment!.body, '> - profiles/payments.yaml:6:');
  t.match(comment!.body, 'commit `111111111111`');
  t.match(r.summary, 'is invalid');
  t.same(teamReads(w.emu), [], 'no team was read');
});

t.test('a pull request from a fork is validated only: not one request reaches GitHub', async (t) => {
  for (const event of ['pull_request_fork', 'pull_request_target_deleted_fork']) {
    const w = await world(t, {}, (dir) => {
      editFile(dir, 'profiles/payments.yaml', '  mode: auto', '  mode: whenever');
    });
    // A fork gets the workflow's variables (App and installation ids) but not its secrets.
    const r = await act(w, event, { command: 'plan', token: '', 'app-id': '1234', 'installation-id': '5678' });
    t.equal(r.code, 1, `${event}: invalid config still fails`);
    t.match(r.out, /^::error title=oncall-access,file=profiles\/payments\.yaml,line=6/m, `${event}: annotations still work`);
    t.match(r.out, '::notice title=oncall-access::Pull request from a fork: validated only.');
    t.match(r.summary, 'no plan for a pull request from a fork');
    t.same(w.emu.requests, [], `${event}: no request at all, so no write attempt`);
    t.notMatch(r.out, 'add-mask', 'no credential was minted or used');
  }
});

t.test('a pull request from this repository without secrets (Dependabot) is validated only: a notice says why and what to set, and the step succeeds', async (t) => {
  // All credential inputs empty; then app-id and installation-id from variables but the key, a secret, empty.
  const runs: Record<string, string>[] = [{ token: '' }, { token: '', 'app-id': '1234', 'installation-id': '5678' }];
  for (const inputs of runs) {
    const w = await world(t);
    const r = await act(w, 'pull_request', { command: 'plan', ...inputs });
    t.equal(r.code, 0, r.out);
    t.match(r.out, /^::notice title=oncall-access%3A validated only::No credentials for the GitHub target reached this run \(the token and app-private-key inputs are empty and GITHUB_TOKEN is not set\)/m);
    t.match(r.out, 'To plan pull requests, set the secret the workflow passes as the token input');
    t.notMatch(r.out, /^::error/m, 'no error annotation');
    t.same(r.outputs, { valid: 'true', 'comment-url': r.outputs['comment-url'] }, 'no plan outputs: no plan was computed');
    t.match(r.summary, '## oncall-access: oncall-access.yaml is valid');
    t.match(r.summary, '## oncall-access: no plan without credentials');
    const [comment] = w.emu.issueComments(REPO, 7);
    t.match(comment!.body, 'no plan without credentials', 'the comment says the same');
    t.match(comment!.body, 'Dependabot pull requests read Dependabot secrets');
    t.same(teamReads(w.emu), [], 'no team was read');
    t.notMatch(r.out, 'add-mask', 'no credential was minted or used');
  }
});

t.test('without secrets, a read-only github-token that cannot comment is a warning; no github-token posts nothing; an invalid config still fails', async (t) => {
  const w = await world(t);
  w.emu.failNext({ method: 'POST', pathPrefix: '/repos/' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
  const readOnly = await act(w, 'pull_request', { command: 'plan', token: '' });
  t.equal(readOnly.code, 0, readOnly.out);
  t.match(readOnly.out, /^::warning title=oncall-access::Cannot post the plan on pull request #7: GitHub refused \(403\)/m);
  const silent = await act(w, 'pull_request', { command: 'plan', token: '', 'github-token': '' });
  t.equal(silent.code, 0);
  t.notMatch(silent.out, /^::warning/m, 'no warning about the comment: the notice says it all');
  t.match(silent.out, '::notice title=oncall-access%3A validated only::');
  editFile(w.dir, 'profiles/payments.yaml', '  mode: auto', '  mode: sometimes');
  const invalid = await act(w, 'pull_request', { command: 'plan', token: '' });
  t.equal(invalid.code, 1, 'an invalid config fails the check');
  t.match(invalid.out, /^::error title=oncall-access,file=profiles\/payments\.yaml,line=6/m);
  t.match(invalid.out, '::notice title=oncall-access%3A validated only::');
  t.match(w.emu.issueComments(REPO, 7)[0]!.body, 'is invalid');
  t.same(teamReads(w.emu), []);
});

t.test('credentials given in part fail clearly: an apply on push, schedule or workflow_dispatch, and a pull request that has the key but not the ids', async (t) => {
  const w = await world(t);
  for (const event of ['push', 'schedule', 'workflow_dispatch']) {
    const r = await act(w, event, { command: 'apply', token: '', 'app-id': '1234', 'installation-id': '5678' });
    t.equal(r.code, 1, event);
    t.match(r.out, '::error title=oncall-access::GitHub App credentials need all three inputs: app-id, app-private-key and installation-id; empty: app-private-key', event);
  }
  const keyOnly = await act(w, 'pull_request', { command: 'plan', token: '', 'app-private-key': 'a secret that is set' });
  t.equal(keyOnly.code, 1, 'a secret was given: this is a mistake in the workflow, not a run without secrets');
  t.match(keyOnly.out, 'need all three inputs: app-id, app-private-key and installation-id; empty: app-id, installation-id');
  const mixed = await act(w, 'push', { command: 'plan', 'app-id': '1234' });
  t.match(mixed.out, '::error title=oncall-access::give either the token input or the App inputs (app-id, app-private-key, installation-id), not both');
  t.same(w.emu.requests, [], 'not one request');
});


t.test('attack: a request file linked to a file of secrets (/proc/self/environ) is refused by name; no piece of a token is printed', async (t) => {
  const outside = mkdtempSync(join(tmpdir(), 'outside-'));
  t.teardown(() => rmSync(outside, { recursive: true, force: true }));
  // A fake key in PEM armour, assembled here so the repository holds no key-shaped literal.
  const armour = (edge: string) => `${'-'.repeat(5)}${edge} RSA ${['PRIVATE', 'KEY'].join(' ')}${'-'.repeat(5)}`;
  const key = [armour('BEGIN'), `MIIEowIBAAKCAQEA${'fake'.repeat(3)}`, armour('END')].join('\n');
  writeFileSync(join(outside, 'environ'), `INPUT_GITHUB-TOKEN=${TOKEN}\0INPUT_APP-PRIVATE-KEY=${key}\0`);
  const w = await world(t, {}, (dir) => {
    mkdirSync(join(dir, 'requests'));
    symlinkSync(join(outside, 'environ'), join(dir, 'requests', 'zz.yaml'));
  });
  const r = await act(w, 'pull_request', { command: 'plan', 'app-private-key': key });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access,file=requests\/zz\.yaml,line=1.*is a symbolic link; oncall-access reads only regular files/m, 'the link is refused, named');
  for (const [what, text] of Object.entries({ stdout: r.out, stderr: r.err, summary: r.summary, outputs: JSON.stringify(r.outputs) })) {
    t.notMatch(text, pieceOf(TOKEN), `${what}: no piece of the token`);
    t.notMatch(text, 'MIIEowIBAAKCAQEA', `${what}: no piece of the key`);
  }
});

t.test('attack: a token pasted into a request, quoted cut short in an error, is still redacted', async (t) => {
  const w = await world(t, {}, (dir) => {
    mkdirSync(join(dir, 'requests'));
    writeFileSync(join(dir, 'requests', 'leak.yaml'), `apiVersion: oncall-access/v1\nkind: AccessRequest\nmetadata: { name: leak }\nspec:\n  profile: "not a profile name at all, because ${TOKEN}"\n`);
  });
  const r = await act(w, 'pull_request', { command: 'plan' });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access,file=requests\/leak\.yaml,line=5/m, 'the bad field is annotated');
  for (const text of [r.out, r.err, r.summary]) t.notMatch(text, pieceOf(TOKEN), 'the start of the token, cut before redaction, is redacted too');
});
