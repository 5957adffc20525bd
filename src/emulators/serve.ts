/**
 * `npm run emulators`: the emulators on their own, seeded with the demo world, on ports you
 * choose, until interrupted. Point a config's `apiUrl`s at them to experiment.
 */
import { parseArgs } from 'node:util';
import { startDemoEmulators } from './demo-emulators.js';
import { DEMO_PORTS } from './demo-world.js';

const { values } = parseArgs({
  options: {
    'github-port': { type: 'string', default: String(DEMO_PORTS.github) },
    'pagerduty-port': { type: 'string', default: String(DEMO_PORTS.pagerduty) },
    'opsgenie-port': { type: 'string', default: String(DEMO_PORTS.opsgenie) },
    'latency-ms': { type: 'string', default: '0' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  process.stdout.write(
    'Usage: npm run emulators -- [--github-port N] [--pagerduty-port N] [--opsgenie-port N] [--latency-ms N]\n\nStarts the GitHub, PagerDuty and Opsgenie emulators on 127.0.0.1, seeded with the demo world. Any token is accepted. Ctrl-C stops them.\n',
  );
} else {
  const emulators = await startDemoEmulators({
    ports: { github: Number(values['github-port']), pagerduty: Number(values['pagerduty-port']), opsgenie: Number(values['opsgenie-port']) },
    requireTokens: false,
    latencyMs: Number(values['latency-ms']),
  });
  process.stdout.write(`GitHub emulator:    ${emulators.github.url} (org "acme")\nPagerDuty emulator: ${emulators.pagerduty.url}\nOpsgenie emulator:  ${emulators.opsgenie.url}\nAny token is accepted. Ctrl-C stops them.\n`);
  process.once('SIGINT', () => void emulators.close());
  process.once('SIGTERM', () => void emulators.close());
}
