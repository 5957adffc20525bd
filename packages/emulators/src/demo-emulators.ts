/**
 * The demo's emulators (GitHub, PagerDuty, JSM Operations, Slack, Okta) seeded with the demo world, on
 * 127.0.0.1: used by `npm start`, `npm run emulators` and tests.
 */
import { DEMO_AT, DEMO_GITHUB, DEMO_JSM, DEMO_OKTA, DEMO_PAGERDUTY, DEMO_PORTS, DEMO_SLACK, DEMO_TOKENS } from './demo-world.js';
import { startGitHubEmulator, type GitHubEmulator, type GitHubSeed, type ScopedToken } from './github.js';
import { startJsmEmulator, type JsmEmulator } from './jsm.js';
import { startOktaEmulator, type OktaEmulator } from './okta.js';
import { startPagerDutyEmulator, type PagerDutyEmulator } from './pagerduty.js';
import { startSlackEmulator, type SlackEmulator } from './slack.js';

/** One of the emulators, as `--<name>-port` and {@link DEMO_PORTS} name it. */
export type EmulatorName = keyof typeof DEMO_PORTS;
/** All of them, in the order they are started. */
const NAMES: readonly EmulatorName[] = ['github', 'pagerduty', 'jsm', 'slack', 'okta'];

/** How messages name each emulator. */
const LABELS: Readonly<Record<EmulatorName, string>> = { github: 'GitHub', pagerduty: 'PagerDuty', jsm: 'JSM Operations', slack: 'Slack', okta: 'Okta' };

/** {@link startDemoEmulators} failed because the port asked for `emulator` is taken; none is left listening. */
export class PortTaken extends Error {
  constructor(
    readonly emulator: EmulatorName,
    readonly port: number,
  ) {
    super(`port ${port} for the ${LABELS[emulator]} emulator is taken`);
  }
}

/** The running emulators. */
export interface DemoEmulators {
  github: GitHubEmulator;
  pagerduty: PagerDutyEmulator;
  jsm: JsmEmulator;
  slack: SlackEmulator;
  okta: OktaEmulator;
  close(): Promise<void>;
}

/** How to start them: ports (0 = ephemeral), strictness, whether tokens are required, latency. */
export interface DemoEmulatorOptions {
  ports?: { github?: number; pagerduty?: number; jsm?: number; slack?: number; okta?: number };
  strict?: boolean;
  /** When true (the default) the emulators accept only {@link DEMO_TOKENS} (JSM: the email and API token together); otherwise any token. */
  requireTokens?: boolean;
  latencyMs?: number;
  /** Keep each emulator's detailed traffic log (when each request arrived). */
  traffic?: boolean;
  /** Changes to the GitHub world before it is seeded. */
  github?: (seed: GitHubSeed) => void;
  /** Overrides the tokens required (tests use recognisable fakes); Slack's and Okta's default to the demo's. */
  tokens?: { GITHUB_TOKEN: string; PAGERDUTY_TOKEN: string; ATLASSIAN_EMAIL: string; ATLASSIAN_API_TOKEN: string; SLACK_TOKEN?: string; OKTA_API_TOKEN?: string };
  /** Tokens of reduced scope also accepted (see each emulator's `scopedTokens`). */
  scopedTokens?: { github?: ScopedToken[]; pagerduty?: { token: string; scopes: string[] }[] };
}

/** Starts the emulators; throws {@link PortTaken} when a port asked for is taken. */
export async function startDemoEmulators(o: DemoEmulatorOptions = {}): Promise<DemoEmulators> {
  const tokens = o.tokens ?? DEMO_TOKENS;
  const auth = o.requireTokens ?? true;
  const world = structuredClone(DEMO_GITHUB);
  o.github?.(world);
  const started = await Promise.allSettled([
    startGitHubEmulator({ ...world, port: o.ports?.github, strict: o.strict, latencyMs: o.latencyMs, traffic: o.traffic, scopedTokens: o.scopedTokens?.github, ...(auth ? { token: tokens.GITHUB_TOKEN } : {}) }),
    startPagerDutyEmulator({ ...structuredClone(DEMO_PAGERDUTY), port: o.ports?.pagerduty, strict: o.strict, latencyMs: o.latencyMs, traffic: o.traffic, scopedTokens: o.scopedTokens?.pagerduty, ...(auth ? { token: tokens.PAGERDUTY_TOKEN } : {}) }),
    // JSM serves timelines from a year back to two years ahead of its "today": the demo's is the
    // demo instant, so the demo world stays readable whenever the demo is run.
    startJsmEmulator({
      ...structuredClone(DEMO_JSM),
      now: () => Date.parse(DEMO_AT),
      port: o.ports?.jsm,
      strict: o.strict,
      latencyMs: o.latencyMs,
      traffic: o.traffic,
      ...(auth ? { credentials: { email: tokens.ATLASSIAN_EMAIL, token: tokens.ATLASSIAN_API_TOKEN } } : {}),
    }),
    startSlackEmulator({
      ...structuredClone(DEMO_SLACK),
      now: () => Date.parse(DEMO_AT),
      port: o.ports?.slack,
      strict: o.strict,
      latencyMs: o.latencyMs,
      traffic: o.traffic,
      ...(auth ? { tokens: [{ token: tokens.SLACK_TOKEN ?? DEMO_TOKENS.SLACK_TOKEN }] } : {}),
    }),
    startOktaEmulator({ ...structuredClone(DEMO_OKTA), port: o.ports?.okta, strict: o.strict, latencyMs: o.latencyMs, traffic: o.traffic, apiToken: auth ? (tokens.OKTA_API_TOKEN ?? DEMO_TOKENS.OKTA_API_TOKEN) : '*' }),
  ] as const);
  const [github, pagerduty, jsm, slack, okta] = started;
  if (github.status === 'rejected' || pagerduty.status === 'rejected' || jsm.status === 'rejected' || slack.status === 'rejected' || okta.status === 'rejected') {
    // One port was taken: close the ones that started, so nothing keeps listening.
    await Promise.all(started.flatMap((r) => (r.status === 'fulfilled' ? [r.value.close()] : [])));
    const failed = started.findIndex((r) => r.status === 'rejected');
    const reason = (started[failed] as PromiseRejectedResult).reason as NodeJS.ErrnoException;
    const name = NAMES[failed]!;
    throw reason.code === 'EADDRINUSE' ? new PortTaken(name, o.ports?.[name] ?? 0) : reason;
  }
  const servers = { github: github.value, pagerduty: pagerduty.value, jsm: jsm.value, slack: slack.value, okta: okta.value };
  return { ...servers, close: async () => void (await Promise.all(Object.values(servers).map((s) => s.close()))) };
}

/**
 * `config`, the text of a config whose `apiUrl`s name the demo's usual ports, pointed at
 * `emulators` instead. One pass: an emulator given another demo port (39171 is as ephemeral as
 * any) must not be rewritten a second time.
 */
export function pointConfigAt(config: string, emulators: DemoEmulators): string {
  const byUrl = new Map(NAMES.map((name) => [`http://127.0.0.1:${DEMO_PORTS[name]}`, emulators[name].url]));
  return config.replace(/http:\/\/127\.0\.0\.1:\d+\b/g, (url) => byUrl.get(url) ?? url);
}
