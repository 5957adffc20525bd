/**
 * `npm run emulators`: the emulators on their own, seeded with the demo world, on ports you
 * choose, until interrupted. Point a config's `apiUrl`s at them to experiment. A port that is
 * taken, or a flag it does not know, is one line on stderr and exit 1.
 */
import { parseArgs } from 'node:util';
import { PortTaken, startDemoEmulators, type DemoEmulators, type EmulatorName } from './demo-emulators.js';
import { DEMO_JSM_CLOUD_ID, DEMO_PORTS } from './demo-world.js';

const USAGE = `Usage: npm run emulators -- [--github-port N] [--pagerduty-port N] [--jsm-port N] [--slack-port N] [--okta-port N] [--latency-ms N]

Starts the GitHub, PagerDuty, JSM Operations, Slack and Okta emulators on 127.0.0.1, seeded with the demo world, on ports ${DEMO_PORTS.github}, ${DEMO_PORTS.pagerduty}, ${DEMO_PORTS.jsm}, ${DEMO_PORTS.slack} and ${DEMO_PORTS.okta} (those the demo config names) unless told otherwise; port 0 picks a free one. Any token is accepted. Ctrl-C stops them.
`;

/** A whole number from 0 to `max`, or undefined. */
function whole(text: string, max: number): number | undefined {
  return /^\d{1,9}$/.test(text) && Number(text) <= max ? Number(text) : undefined;
}

/** What `npm run emulators -- ARGS` comes to: emulators running, help asked for, or why they cannot start. */
type Outcome = { running: DemoEmulators } | { help: string } | { error: string };

/** Starts the emulators as `args` (the arguments after `--`) ask. */
async function serve(args: readonly string[]): Promise<Outcome> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        'github-port': { type: 'string', default: String(DEMO_PORTS.github) },
        'pagerduty-port': { type: 'string', default: String(DEMO_PORTS.pagerduty) },
        'jsm-port': { type: 'string', default: String(DEMO_PORTS.jsm) },
        'slack-port': { type: 'string', default: String(DEMO_PORTS.slack) },
        'okta-port': { type: 'string', default: String(DEMO_PORTS.okta) },
        'latency-ms': { type: 'string', default: '0' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    return { error: `${(e as Error).message}\n\n${USAGE}` };
  }
  if (values.help) return { help: USAGE };
  const ports: Partial<Record<EmulatorName, number>> = {};
  for (const name of ['github', 'pagerduty', 'jsm', 'slack', 'okta'] as const) {
    const port = whole(values[`${name}-port`], 65_535);
    if (port === undefined) return { error: `--${name}-port must be a port number from 0 to 65535 (0 picks a free one); got "${values[`${name}-port`]}"` };
    ports[name] = port;
  }
  const latencyMs = whole(values['latency-ms'], 60_000);
  if (latencyMs === undefined) return { error: `--latency-ms must be a whole number of milliseconds up to 60000; got "${values['latency-ms']}"` };
  try {
    return { running: await startDemoEmulators({ ports, requireTokens: false, latencyMs }) };
  } catch (e) {
    if (!(e instanceof PortTaken)) throw e;
    return { error: `${e.message} (is "npm run emulators" or "npm start" running?). Stop what holds it, or choose another port: npm run emulators -- --${e.emulator}-port N (0 picks a free one)` };
  }
}

const outcome = await serve(process.argv.slice(2));
if ('running' in outcome) {
  const { github, pagerduty, jsm, slack, okta, close } = outcome.running;
  process.stdout.write(`GitHub emulator:         ${github.url} (org "acme")\nPagerDuty emulator:      ${pagerduty.url}\nJSM Operations emulator: ${jsm.url} (cloud id ${DEMO_JSM_CLOUD_ID})\nSlack emulator:          ${slack.url}/api/ (workspace acme)\nOkta emulator:           ${okta.url}\nAny token is accepted. Ctrl-C stops them.\n`);
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
} else if ('help' in outcome) {
  process.stdout.write(outcome.help);
} else {
  process.stderr.write(`npm run emulators: ${outcome.error}\n`);
  process.exitCode = 1;
}
