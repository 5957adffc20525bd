/**
 * The Action's validate step with `doctor: true`, as the runner runs it: the checks in the log,
 * the job summary and the annotations; a missing permission fails the step; a run without the
 * GitHub target's token skips the checks. The runner and the workspace are test/helpers/action-run.ts.
 */
import t from 'tap';
import { act, logGroups, pieceOf, world, writes } from './helpers/action-run.js';
import { fakeToken } from './helpers/fake-token.js';

const CLASSIC = fakeToken('ghp', 'fakeCLASSICreadORGonly0123456789abc');

t.test('validate with doctor: every check in the log and the summary, the unverified one a warning; exit 0', async (t) => {
  const w = await world(t);
  const r = await act(w, 'workflow_dispatch', { command: 'validate', doctor: 'true' });
  t.equal(r.code, 0, r.out);
  t.same(r.outputs, { valid: 'true', doctor: 'ok' });
  t.same(logGroups(r.out), [{ title: 'doctor: nothing missing', text: `source "rotations": rotations kept in the repository: ok\ntarget "github": token (GITHUB_TOKEN): ok\ntarget "github": API ${w.emu.url}, organisation acme: ok\ntarget "github": permission to change team members (apply): unverified: the token in GITHUB_TOKEN is a GitHub App or fine-grained token, which does not list its permissions and cannot be tested without writing: apply needs the organization permission Members: read and write\ntarget "github": team acme/payments-deployers: ok\n` }]);
  t.match(r.out, '::warning title=oncall-access doctor::target "github": permission to change team members (apply): unverified: ');
  t.match(r.summary, '## oncall-access doctor: nothing missing\n\n> [!WARNING]\n> - target "github": permission to change team members (apply): unverified: ');
  t.match(r.summary, '\n\n4 checks ok.\n');
  t.same(writes(w.emu), []);
  const without = await act(w, 'workflow_dispatch', { command: 'validate' });
  t.same(without.outputs, { valid: 'true' }, 'doctor runs only when asked');
});

t.test('validate with doctor and a classic token without admin:org: an error annotation says what to add; exit 1', async (t) => {
  const w = await world(t, { scopedTokens: [{ token: CLASSIC, kind: 'classic', scopes: ['read:org'] }] });
  const r = await act(w, 'workflow_dispatch', { command: 'validate', doctor: 'true', token: CLASSIC });
  t.equal(r.code, 1);
  t.same(r.outputs, { valid: 'true', doctor: 'missing' });
  t.match(r.out, '::error title=oncall-access doctor::target "github": permission to change team members (apply): missing: the classic token in GITHUB_TOKEN has the scopes read:org: add admin:org to it');
  t.match(r.summary, '## oncall-access doctor: something is missing\n\n> [!CAUTION]\n> - target "github": permission to change team members (apply): missing: ');
  const masked = r.out.replace(`::add-mask::${CLASSIC}\n`, '');
  t.notMatch(masked + r.err + r.summary, pieceOf(CLASSIC), 'the token is not printed, only handed to the runner to mask');
  t.same(writes(w.emu), []);
});

t.test('validate with doctor on a pull request from a fork: skipped with a notice, nothing asked', async (t) => {
  const w = await world(t);
  const r = await act(w, 'pull_request_fork', { command: 'validate', doctor: 'true', token: '' });
  t.equal(r.code, 0, r.out);
  t.match(r.out, "::notice title=oncall-access::doctor skipped: this run has no token for the config's GitHub target (GITHUB_TOKEN)");
  t.same(r.outputs, { valid: 'true' });
  t.same(w.emu.requests, []);
});
