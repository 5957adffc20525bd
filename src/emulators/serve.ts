/**
 * `npm run emulators`: the emulators on their own, seeded with the demo world, on ports you
 * choose, until interrupted. Point a config's `apiUrl` at them to experiment.
 */
import { parseArgs } from 'node:util';
import { DEMO_GITHUB, DEMO_GITHUB_PORT } from './demo-world.js';
import { startGitHubEmulator } from './github.js';

const { values } = parseArgs({
  options: {
    'github-port': { type: 'string', default: String(DEMO_GITHUB_PORT) },
    'latency-ms': { type: 'string', default: '0' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  process.stdout.write('Usage: npm run emulators -- [--github-port N] [--latency-ms N]\n\nStarts the GitHub emulator on 127.0.0.1, seeded with the demo organisation "acme". Any token is accepted. Ctrl-C stops it.\n');
} else {
  const github = await startGitHubEmulator({ ...DEMO_GITHUB, port: Number(values['github-port']), latencyMs: Number(values['latency-ms']) });
  process.stdout.write(`GitHub emulator: ${github.url} (org "acme"; any token is accepted)\n`);
  process.once('SIGINT', () => void github.close());
  process.once('SIGTERM', () => void github.close());
}
