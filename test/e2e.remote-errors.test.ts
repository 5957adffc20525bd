/**
 * Remote errors point at the config line that caused them (issue 13): a team that does not
 * exist at the entitlement naming it, an unreachable host at its apiUrl, a token problem at its
 * tokenEnv; a missing token is reported before anything is sent; a plan with failed reads says
 * it is incomplete.
 */
import t, { type Test } from 'tap';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAdapters } from '../src/observe/adapters.js';
import { loadWorkspace } from '../src/config/load.js';
import type { Diagnostic } from '../src/core/diagnostics.js';
import { cli, demoWorkspace, editFile, ENV, PD_TOKEN, TOKEN } from './helpers/demo-workspace.js';
import { closedPort } from './helpers/net.js';

const C = ['--config', 'oncall-access.yaml'];

/** `file:line` of the first line of `file` (in `dir`) containing `text`. */
function lineOf(dir: string, file: string, text: string): string {
  const index = readFileSync(join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`${text} is not in ${file}`);
  return `${file}:${index + 1}`;
}

/** `file:line` of a diagnostic. */
const at = (d: Diagnostic): string => `${d.file}:${d.line}`;

/** The errors of a JSON plan (an apply prints what it did after it: the demo's Okta changes). */
function errors(out: string): Diagnostic[] {
  const end = out.indexOf('\n}\n');
  return (JSON.parse(end < 0 ? out : out.slice(0, end + 2)) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.severity === 'error');
}

/** The test environment without `variable`. */
const without = (variable: keyof typeof ENV): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(ENV).filter(([k]) => k !== variable));

/** The demo planned (JSON) with `variable` unset: it fails; its errors, and the line of the tokenEnv naming the variable. */
async function planWithout(t: Test, variable: keyof typeof ENV) {
  const { dir, emulators } = await demoWorkspace(t);
  const env = without(variable);
  const r = await cli(dir, ['plan', ...C, '--format', 'json'], { env });
  t.equal(r.code, 1);
  return { dir, emulators, env, errors: errors(r.out), tokenLine: lineOf(dir, 'oncall-access.yaml', `tokenEnv: ${variable}`) };
}

t.test('a team that does not exist: the error is at the entitlement naming it, says it does not exist in the org and how to fix it', async (t) => {
  const { dir } = await demoWorkspace(t, (d) => editFile(d, 'checkout.yaml', 'team: checkout-deployers', 'team: checkout-deployerz'));
  const r = await cli(dir, ['plan', ...C, '--format', 'json']);
  t.equal(r.code, 1);
  const [e, ...rest] = errors(r.out);
  t.same(rest, [], 'one error');
  t.equal(e!.message, 'cannot read team acme/checkout-deployerz on github: team checkout-deployerz does not exist in organisation acme, or the token cannot see it: create it there, or fix the team name. It is frozen: no change is planned for it');
  t.equal(at(e!), lineOf(dir, 'checkout.yaml', '- target: github'), 'at the entitlement');
  const text = await cli(dir, ['plan', ...C]);
  t.match(text.out, `${lineOf(dir, 'checkout.yaml', '- target: github')}:7: error: cannot read team acme/checkout-deployerz`);
});

t.test('a GitHub apiUrl nothing listens on: every team error names the URL and points at that apiUrl line; nothing is revoked', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  const wrong = await closedPort();
  editFile(dir, 'oncall-access.yaml', emulators.github.url, wrong);
  const r = await cli(dir, ['apply', ...C, '--yes', '--format', 'json']);
  t.equal(r.code, 1);
  const teams = errors(r.out).filter((d) => d.message.startsWith('cannot read team'));
  t.equal(teams.length, 6, 'every managed team');
  for (const d of teams) {
    t.match(d.message, `: cannot connect to ${wrong} (ECONNREFUSED): check apiUrl, and that this machine can reach the host. It is frozen`);
    t.equal(at(d), lineOf(dir, 'oncall-access.yaml', `apiUrl: ${wrong}`), 'at the target\'s apiUrl');
  }
  t.same(emulators.github.requests, [], 'the real GitHub was never asked');
});

t.test('a PagerDuty apiUrl nothing listens on: the rotation error names the URL at the source\'s apiUrl line; its team keeps its members', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  const wrong = await closedPort();
  editFile(dir, 'oncall-access.yaml', emulators.pagerduty.url, wrong);
  const r = await cli(dir, ['plan', ...C, '--format', 'json']);
  t.equal(r.code, 1);
  const [e, ...rest] = errors(r.out);
  t.same(rest, []);
  t.equal(e!.message, `cannot read pagerduty escalation policy PCHKEP1 level 1: cannot connect to ${wrong} (ECONNREFUSED): check apiUrl, and that this machine can reach the host. Teams it feeds are frozen: nothing is revoked from them this run`);
  t.equal(at(e!), lineOf(dir, 'oncall-access.yaml', `apiUrl: ${wrong}`));
  t.equal((await cli(dir, ['apply', ...C, '--yes'])).code, 1);
  t.same(emulators.github.teamMembers('acme', 'checkout-deployers').map((m) => m.login), ['ivan-acme', 'ken-acme'], 'nobody revoked from the team the source feeds');
});

t.test('a missing token is reported at its tokenEnv line before any request: the source is never asked, its team is frozen', async (t) => {
  const { dir, emulators, env, errors, tokenLine } = await planWithout(t, 'PAGERDUTY_TOKEN');
  t.same(
    errors.map((d) => `${at(d)}: ${d.message}`),
    [
      `${tokenLine}: cannot read pagerduty escalation policy PCHKEP1 level 1: PAGERDUTY_TOKEN (the tokenEnv of source "pagerduty") is not set, so nothing was asked. Teams it feeds are frozen: nothing is revoked from them this run`,
      `${tokenLine}: source "pagerduty": environment variable PAGERDUTY_TOKEN (its tokenEnv) is not set, so nothing is read from it: set it, or fix tokenEnv`,
    ],
  );
  t.equal((await cli(dir, ['apply', ...C, '--yes'], { env })).code, 1, 'apply fails, having done what it could');
  t.same(emulators.pagerduty.requests, [], 'nothing was sent to PagerDuty');
  t.same(emulators.github.teamMembers('acme', 'checkout-deployers').map((m) => m.login), ['ivan-acme', 'ken-acme'], 'its team is frozen');
  t.same(emulators.github.teamMembers('acme', 'payments-deployers').map((m) => m.login), ['alice-acme', 'carol-acme', 'bob-acme'], 'the other teams converge');
});

t.test('a missing GitHub token: nothing is sent to GitHub, every team is frozen and says why at the tokenEnv line', async (t) => {
  const { emulators, errors, tokenLine } = await planWithout(t, 'GITHUB_TOKEN');
  const teams = errors.filter((d) => d.message.startsWith('cannot read team'));
  t.equal(teams.length, 6);
  for (const d of teams) {
    t.match(d.message, ': GITHUB_TOKEN (the tokenEnv of target "github") is not set, so nothing was asked. It is frozen');
    t.equal(at(d), tokenLine);
  }
  t.same(emulators.github.requests, [], 'nothing was sent to GitHub');
});

t.test('a target without its token refuses a write, saying why, and sends nothing', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  const { workspace } = loadWorkspace('oncall-access.yaml', dir);
  const github = buildAdapters(workspace!, {}, globalThis.fetch).targets.get('github')!;
  const team = { target: 'github', kind: 'team', resource: 'acme/checkout-deployers' };
  await t.rejects(github.grant({ ...team, level: 'member' }, 'judy-acme'), { message: 'GITHUB_TOKEN (the tokenEnv of target "github") is not set, so nothing was asked' });
  await t.rejects(github.revoke(team, 'ken-acme'));
  t.same(emulators.github.requests, []);
});

t.test('a token GitHub rejects: the team and identity errors name its variable at the tokenEnv line, never the token', async (t) => {
  const { dir, emu } = await demoWorkspace(t, (d) => editFile(d, 'oncall-access.yaml', 'resolve: [file]', 'resolve: [file, saml]'));
  emu.acceptUnexpected();
  const wrong = `${TOKEN.slice(0, 4)}wrong${TOKEN.slice(9)}`;
  const r = await cli(dir, ['plan', ...C, '--format', 'json'], { env: { ...ENV, GITHUB_TOKEN: wrong } });
  t.equal(r.code, 1);
  const all = errors(r.out);
  t.equal(all.length, 7, 'six teams and the SAML identities');
  for (const d of all) {
    t.match(d.message, 'GitHub rejected the token in GITHUB_TOKEN (HTTP 401): it is wrong, expired or revoked; put a valid token there');
    t.equal(at(d), lineOf(dir, 'oncall-access.yaml', 'tokenEnv: GITHUB_TOKEN'));
  }
  t.ok(all.some((d) => d.message.startsWith('target "github": cannot read SAML external identities of acme: GitHub rejected')), 'the identity read says so too');
  t.notMatch(r.out, wrong);
  t.same(new Set(emu.unexpected.map((u) => u.reason)), new Set(['bad credentials']), 'the refused token is all GitHub did not expect');
});

t.test('the config keeps where each apiUrl and tokenEnv is, and the block\'s line when one is absent', async (t) => {
  const dir = t.testdir({});
  cpSync('profiles', dir, { recursive: true });
  editFile(dir, 'oncall-access.yaml', /\n\s+apiUrl: http:\/\/127\.0\.0\.1:39172/, '');
  const { workspace } = loadWorkspace('oncall-access.yaml', dir);
  const jsm = workspace!.config.sources.get('jsm')!;
  const show = (p: { file: string; line: number }) => `${p.file}:${p.line}`;
  t.equal(show(jsm.fieldPos.apiUrl), lineOf(dir, 'oncall-access.yaml', '    jsm:'), 'no apiUrl: the block');
  t.equal(show(jsm.fieldPos.tokenEnv), lineOf(dir, 'oncall-access.yaml', 'tokenEnv: ATLASSIAN_API_TOKEN'));
  t.equal(show(workspace!.config.targets.get('github')!.fieldPos.apiUrl), lineOf(dir, 'oncall-access.yaml', 'apiUrl: http://127.0.0.1:39170'));
});

t.test('a token PagerDuty refuses (403): the error names its variable and the access it needs, at the tokenEnv line', async (t) => {
  const { dir, emulators } = await demoWorkspace(t);
  emulators.pagerduty.failNext({ pathPrefix: '/oncalls' }, { status: 403, body: { error: { message: 'Access Denied', code: 2010 } } }, 10);
  const r = await cli(dir, ['plan', ...C, '--format', 'json']);
  const [e] = errors(r.out);
  t.match(e!.message, 'the token in PAGERDUTY_TOKEN may not read this (HTTP 403 on GET /oncalls): use a general access REST API key (read-only is enough)');
  t.equal(at(e!), lineOf(dir, 'oncall-access.yaml', 'tokenEnv: PAGERDUTY_TOKEN'));
  t.notMatch(r.out, PD_TOKEN);
});

t.test('a plan with failed reads says it is incomplete and how many teams are frozen, in text, Markdown and JSON', async (t) => {
  const { dir } = await demoWorkspace(t);
  const env = without('GITHUB_TOKEN');
  const text = await cli(dir, ['plan', ...C], { env });
  // The rest: the demo's Okta group, which needs no GitHub token.
  t.match(text.out, /\nPlan incomplete: 6 teams frozen by read errors\. For the rest: 1 to grant, 1 to revoke, 0 to update, 1 unchanged\.\n$/);
  t.notMatch(text.out, /^Plan: /m, 'no bare summary');
  const markdown = await cli(dir, ['plan', ...C, '--format', 'markdown'], { env });
  t.match(markdown.out, '**Plan incomplete: 6 teams frozen by read errors. For the rest: 1 to grant, 1 to revoke, 0 to update, 1 unchanged.**');
  const json = await cli(dir, ['plan', ...C, '--format', 'json'], { env });
  t.same(JSON.parse(json.out).summary, { grant: 1, revoke: 1, update: 0, unchanged: 1, frozen: { team: 6 } });

  const one = await cli(dir, ['plan', ...C], { env: without('PAGERDUTY_TOKEN') });
  t.match(one.out, /\nPlan incomplete: 1 team frozen by read errors\. For the rest: \d+ to grant, \d+ to revoke, \d+ to update, \d+ unchanged\.\n$/, 'a team fed by the unread source');
});
