/**
 * The CLI bundled into one file, as the Action ships it (bench/bundle.ts builds it the same
 * way), run from a directory with nothing beside it: the schema validators are code, so there is
 * no schemas/ to find, and it prints what the unbundled build prints.
 */
import t from 'tap';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from '../bench/bundle.js';
import { runBuilt } from './helpers/built.js';
import { dataOnOpsgenie } from './helpers/demo-workspace.js';
import { CONFIG, IDENTITIES, profile, ROTATION } from './helpers/workspace.js';

const out = mkdtempSync(join(tmpdir(), 'oncall-access-bundle-'));
t.teardown(() => rmSync(out, { recursive: true, force: true }));
const { file } = await bundleCli(process.cwd(), out);

t.test('validate from the bundle, with no schemas/ beside it, says what dist/cli.js says about every kind of schema problem', async (t) => {
  const broken = profile('a')
    .replace('  mode: auto', '  mode: automatic\n  windw: {}\n  window: { before: 15 minutes }')
    .replace('rotation: primary', 'rotation: primary\n      schedule: P1')
    .replace('team: deployers', 'team: ../admin');
  const dir = t.testdir({ 'oncall-access.yaml': CONFIG, 'identities.yaml': IDENTITIES, profiles: { 'a.yaml': broken, 'b.yaml': profile('b') }, rotations: { 'primary.yaml': ROTATION } });
  const config = join(dir, 'oncall-access.yaml');
  const bundled = await runBuilt([file, 'validate', '--config', config]);
  const unbundled = await runBuilt(['dist/cli.js', 'validate', '--config', config]);
  t.same(bundled, unbundled);
  t.equal(bundled.code, 1);
  for (const message of [
    'spec: unknown field "windw" (did you mean "window"?)',
    'spec.mode: must be one of auto, requestable; found "automatic"',
    'spec.window.before: "15 minutes" is not a duration like 90s, 15m, 4h, 1d or 1h30m (at most 10 years)',
    'spec.rotations[0]: give exactly one of schedule, escalationPolicy or rotation (found schedule and rotation)',
    'spec.entitlements[0].team: "../admin" is not a GitHub team or repository slug',
  ]) {
    t.match(bundled.stdout + bundled.stderr, message, message);
  }
});

t.test('the bundle validates the example workspace and prints the version', async (t) => {
  const validated = await runBuilt([file, 'validate', '--config', 'profiles/oncall-access.yaml']);
  t.same(validated, await runBuilt(['dist/cli.js', 'validate', '--config', 'profiles/oncall-access.yaml']));
  t.same(validated, { code: 0, signal: null, stdout: 'Valid: 5 profiles, 2 rotations, 11 identities, 0 requests in 8 files.\n', stderr: '' });
  // With the data team on Opsgenie: the warning that its API ends, as dist/cli.js gives it.
  const dir = t.testdir({});
  cpSync('profiles', dir, { recursive: true });
  dataOnOpsgenie(dir, 'http://127.0.0.1:39172');
  const config = join(dir, 'oncall-access.yaml');
  const opsgenie = await runBuilt([file, 'validate', '--config', config]);
  t.same(opsgenie, await runBuilt(['dist/cli.js', 'validate', '--config', config]));
  t.match(opsgenie, { code: 0, signal: null, stdout: /^\S+oncall-access\.yaml:\d+:7: warning: source "opsgenie": Opsgenie's API ends on 2027-04-05\. .*\nValid: 5 profiles, 2 rotations, 11 identities, 0 requests in 8 files \(1 warning\)\.\n$/, stderr: '' });
  t.same(await runBuilt([file, '--version']), await runBuilt(['dist/cli.js', '--version']));
});
