/**
 * Secrets (GITHUB_TOKEN, PAGERDUTY_TOKEN, OPSGENIE_KEY) never appear in stdout, stderr, a saved plan,
 * the state files or the snapshots, for every command in every format, with healthy APIs and with
 * APIs that refuse the token. Echoed credentials are in test/security.echo.test.ts; the world is
 * test/helpers/security-world.ts.
 */
import t from 'tap';
import { join } from 'node:path';
import { emulators, filesUnder, leakPatterns, runAllAndScan, workspaceFor } from './helpers/security-world.js';

t.test('healthy APIs: every command, every format; secrets appear nowhere', async (t) => {
  const e = await emulators(t);
  const dir = workspaceFor(t, e);
  const { outputs, codes } = await runAllAndScan(t, dir, 'healthy');
  t.equal(codes[0], 0, outputs[0]);
  t.equal(codes[3], 0, outputs[3]);
  t.match(outputs[3], 'frank-acme', 'the PagerDuty shift was read');
  t.match(outputs[3], 'gina-acme', 'the Opsgenie shift was read');
  t.match(outputs[12], 'Apply complete', 'the saved plan was applied');
  t.same([e.gh.unexpected, e.pd.unexpected, e.og.unexpected], [[], [], []]);
  t.ok(filesUnder(join(dir, 'state')).length >= 2, 'apply wrote the state and audit files that were scanned');
});

t.test('APIs that refuse the token (401): secrets appear nowhere', async (t) => {
  const e = await emulators(t, { GITHUB_TOKEN: 'ghp_other', PAGERDUTY_TOKEN: 'other', OPSGENIE_KEY: 'other' });
  for (const emu of [e.gh, e.pd, e.og]) emu.acceptUnexpected(); // every token is refused on purpose
  const dir = workspaceFor(t, e);
  const { outputs } = await runAllAndScan(t, dir, '401');
  t.match(outputs[3], /401|rejected/);
});

t.test('the committed snapshots hold no secret and no token-shaped string', async (t) => {
  const snaps = filesUnder('tap-snapshots');
  t.ok(snaps.length > 0, 'there are snapshots to scan');
  for (const { path, text } of snaps) {
    t.notMatch(text, /gh[pousr]_[A-Za-z0-9]{20,}/, `${path}: no GitHub token`);
    for (const p of leakPatterns()) t.notOk(text.includes(p.needle), `${path}: no ${p.name}`);
  }
});
