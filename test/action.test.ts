/**
 * The Action planning on pushes, validating, commenting and minting App tokens, as the runner runs it; the built
 * entry point as a process; what the emulator refuses.
 * The runner and the workspace are test/helpers/action-run.ts.
 */
import t from 'tap';
import { writeFileSync } from 'node:fs';
import { generateKeyPairSync, sign } from 'node:crypto';
import { join, resolve } from 'node:path';
import { runBuilt } from './helpers/built.js';
import { act, AT, readOutputs, REPO, runnerEnv, summaryOf, TOKEN, world, writes } from './helpers/action-run.js';

t.test('plan on a push (no pull request) writes the summary and outputs and posts nothing', async (t) => {
  const w = await world(t);
  const r = await act(w, 'push', { command: 'plan', 'plan-file': 'out/plan.json' });
  t.equal(r.code, 1, 'out/ does not exist: the CLI cannot write the plan');
  const ok = await act(w, 'push', { command: 'plan', 'plan-file': 'plan.json' });
  t.equal(ok.code, 0);
  t.equal(ok.outputs['plan-file'], join(w.dir, 'plan.json'));
  t.match(ok.summary, 'oncall-access plan of `oncall-access.yaml` · commit `444444444444`');
  t.same(writes(w.emu), []);
});

t.test('a plan with a read error is shown and commented, and fails the run', async (t) => {
  const w = await world(t);
  w.emu.failNext({ method: 'GET', pathPrefix: '/orgs/acme/invitations' }, { status: 403, body: { message: 'Resource not accessible by integration' } }, 10);
  const r = await act(w, 'pull_request', { command: 'plan' });
  t.equal(r.code, 1);
  t.match(r.out, /^::error title=oncall-access,file=oncall-access\.yaml,line=13,col=7::cannot read team acme\/payments-deployers on github: cannot list pending invitations of acme: GitHub refused \(403\)/m, 'a red mark on the tokenEnv line');
  t.match(w.emu.issueComments(REPO, 7)[0]!.body, '[!CAUTION]');
});

t.test('a comment GitHub refuses fails the run with the permission it needs; comment: false posts nothing', async (t) => {
  const w = await world(t);
  w.emu.failNext({ method: 'POST', pathPrefix: '/repos/' }, { status: 403, body: { message: 'Resource not accessible by integration' } });
  const r = await act(w, 'pull_request', { command: 'plan' });
  t.equal(r.code, 1);
  t.match(r.out, '::error title=oncall-access::Cannot post the plan on pull request #7: GitHub refused (403): github-token may not write pull-request comments (the job needs permissions: pull-requests: write)');
  t.equal(r.outputs.grants, '1', 'the plan outputs are still set');
  t.match(r.summary, 'oncall-access plan for');
  for (const [status, reason] of [[401, 'GitHub rejected github-token (401)'], [422, 'GitHub answered 422']] as const) {
    w.emu.failNext({ method: 'GET', pathPrefix: '/repos/' }, { status, body: { message: 'no' } });
    t.match((await act(w, 'pull_request', { command: 'plan' })).out, `Cannot post the plan on pull request #7: ${reason}`);
  }
  const nowhere = await act(w, 'pull_request', { command: 'plan' }, { env: { GITHUB_REPOSITORY: '' } });
  t.match(nowhere.out, 'GITHUB_REPOSITORY is not set');
  const off = await act(w, 'pull_request', { command: 'plan', comment: 'false' });
  t.equal(off.code, 0);
  t.same(w.emu.issueComments(REPO, 7), []);
});

t.test('without any token for the comment, the plan stays in the job summary and a warning says why', async (t) => {
  const w = await world(t, { token: undefined });
  const r = await act(w, 'pull_request', { command: 'plan', 'github-token': '', token: '' }, { env: { GITHUB_TOKEN: 'anything' } });
  t.equal(r.code, 0);
  t.match(r.out, '::warning title=oncall-access::No github-token input');
  t.same(w.emu.issueComments(REPO, 7), []);
});

t.test('validate annotates and summarises; errors in inputs are one annotation', async (t) => {
  const w = await world(t);
  const ok = await act(w, 'workflow_dispatch', { command: 'validate' });
  t.equal(ok.code, 0);
  t.match(ok.summary, '## oncall-access: oncall-access.yaml is valid');
  t.same(ok.outputs, { valid: 'true' });
  const bad = await act(w, 'workflow_dispatch', { command: 'deploy' });
  t.equal(bad.code, 1);
  t.equal(bad.out, '::error title=oncall-access::input command must be one of validate, plan, apply; got "deploy"\n');
  const args = await act(w, 'workflow_dispatch', { command: 'validate', args: '--at 2026-01-01T00:00:00Z' });
  t.equal(args.code, 1);
  t.match(args.out, '::error title=oncall-access::validate produced no result: oncall-access validate: unknown flag --at');
  const crash = await act(w, 'workflow_dispatch', { command: 'validate', 'plan-file': 'x' }, { env: { GITHUB_OUTPUT: w.dir, ONCALL_ACCESS_DEBUG: '1' } });
  t.equal(crash.code, 1, 'an output path that is a directory is an internal error');
  t.match(crash.out, '::error title=oncall-access::internal error: EISDIR');
  t.match(crash.err, 'at issueFileCommand', 'where @actions/core writes the output file');
  t.same(w.emu.requests, []);
});

t.test('GitHub App credentials: an installation token is minted, masked, and used for the GitHub target', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const installationToken = 'ghs_installationTOKENfromTHEapp0123456789';
  const w = await world(t, { token: installationToken, apps: [{ id: 1234, publicKey, installations: { '5678': installationToken } }] });
  w.emu.acceptUnexpected(); // the token signed with another key, below, is refused on purpose
  const app = { token: '', 'app-id': '1234', 'app-private-key': privateKey.replace(/\n/g, '\\n'), 'installation-id': '5678', 'github-token': installationToken };
  const r = await act(w, 'pull_request', { command: 'plan', ...app });
  t.equal(r.code, 0, r.out);
  t.match(r.out, `::add-mask::${installationToken}\n`);
  t.equal(w.emu.requests[0]!.path, '/app/installations/5678/access_tokens');
  t.equal(r.outputs.grants, '1', 'the target was read with the installation token');
  const everything = [r.out, r.err, r.summary, JSON.stringify(r.outputs), ...w.emu.issueComments(REPO, 7).map((c) => c.body)].join('\n');
  t.notMatch(everything, 'PRIVATE KEY');
  t.notMatch(everything, privateKey.split('\n')[1]!);

  const wrong = await act(w, 'pull_request', { command: 'plan', ...app, 'installation-id': '9999' });
  t.equal(wrong.code, 1);
  t.match(wrong.out, '::error title=oncall-access::cannot get an installation token for GitHub App 1234, installation 9999: no such installation (404)');
  const other = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const forged = await act(w, 'pull_request', { command: 'plan', ...app, 'app-private-key': other.privateKey });
  t.match(forged.out, "GitHub rejected the App's signed token (401)");
  w.emu.failNext({ pathPrefix: '/app/' }, { status: 422, body: { message: 'Unprocessable' } });
  const refused = await act(w, 'pull_request', { command: 'plan', ...app });
  t.match(refused.out, 'installation 5678: GitHub answered 422');
  const garbage = await act(w, 'pull_request', { command: 'plan', ...app, 'app-private-key': 'not a key' });
  t.match(garbage.out, 'the private key could not be read');
  t.notMatch(garbage.out + forged.out, 'PRIVATE KEY');
});

t.test('the built entry point runs as the runner runs it: a process with the environment and files', async (t) => {
  const w = await world(t);
  const env = { ...runnerEnv(w, 'push', { command: 'plan', args: `--at ${AT}` }), PATH: process.env.PATH };
  for (const file of ['output.txt', 'summary.md']) writeFileSync(join(w.dir, file), '', { flag: 'a' }); // the runner creates both
  const r = await runBuilt([resolve('dist/action/main.js')], { cwd: w.dir, env });
  t.equal(r.code, 0, r.stderr);
  t.ok(r.stdout.startsWith(`::add-mask::${TOKEN}\n::group::Plan: 1 to grant, 2 to revoke, 1 to update, 0 unchanged.\nPlan for 2026-11-25T12:00:00Z\n`), r.stdout);
  t.match(r.stdout, /^::endgroup::\n$/m);
  t.equal(readOutputs(join(w.dir, 'output.txt')).grants, '1');
  t.match(summaryOf(w), 'oncall-access plan for 2026-11-25T12:00:00Z');
  const bad = await runBuilt([resolve('dist/action/main.js')], { cwd: w.dir, env: { ...env, INPUT_COMMAND: '' } });
  t.equal(bad.code, 1);
});

t.test('the emulator refuses comment and App token requests that GitHub refuses', async (t) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const w = await world(t, { token: undefined, apps: [{ id: 1, publicKey, installations: { '2': 'ghs_x' } }] });
  w.emu.acceptUnexpected(); // every refusal below is provoked on purpose
  const call = async (method: string, path: string, body?: unknown, auth = 'token x') =>
    (await fetch(`${w.emu.url}${path}`, { method, headers: { authorization: auth }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).status;
  t.equal(await call('POST', '/repos/acme/access/issues/7/comments', {}), 422, 'no body');
  t.equal(await call('POST', '/repos/acme/access/issues/0/comments', { body: 'x' }), 404, 'no issue 0');
  t.equal(await call('GET', '/repos/acme/access/issues/x/comments'), 404);
  t.equal(await call('PATCH', '/repos/acme/access/issues/comments/1', { body: 'x' }), 404, 'no such comment');
  t.equal(await call('POST', '/repos/acme/access/issues/7/comments', { body: 'x' }), 201);
  const [comment] = w.emu.issueComments(REPO, 7);
  t.equal(await call('PATCH', `/repos/acme/other/issues/comments/${comment!.id}`, { body: 'y' }), 404, 'a comment of another repository');
  t.equal(await call('PATCH', `/repos/acme/access/issues/comments/${comment!.id}`, { body: 42 }), 422);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const jwt = (head: unknown, claims: unknown) => {
    const data = `${b64(head)}.${b64(claims)}`;
    return `Bearer ${data}.${sign('sha256', Buffer.from(data), privateKey).toString('base64url')}`;
  };
  const tokenFor = (auth: string) => call('POST', '/app/installations/2/access_tokens', undefined, auth);
  t.equal(await tokenFor(jwt({ alg: 'RS256' }, { iss: 1, iat: now - 30, exp: now + 540 })), 201, 'a valid JWT');
  t.equal(await tokenFor(jwt({ alg: 'none' }, { iss: 1, iat: now - 30, exp: now + 540 })), 401, 'unsigned');
  t.equal(await tokenFor(jwt({ alg: 'RS256' }, { iss: 1, iat: now - 700, exp: now - 60 })), 401, 'expired');
  t.equal(await tokenFor(jwt({ alg: 'RS256' }, { iss: 1, iat: now, exp: now + 3600 })), 401, 'valid for too long');
  t.equal(await tokenFor(jwt({ alg: 'RS256' }, { iss: 9, iat: now - 30, exp: now + 540 })), 401, 'another App');
  t.equal(await tokenFor('Bearer bm90.anNvbg.sig'), 401, 'not JSON');
  t.equal(await tokenFor('token ghs_x'), 401, 'not a JWT');
});
