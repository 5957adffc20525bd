/**
 * The world of the security tests (test/security*.test.ts): fake secrets, three strict emulators
 * expecting them, a workspace whose profile binds all three sources, and a run of every command
 * in every format that scans each output and each file written for any form of a secret.
 */
import type { Test } from 'tap';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli.js';
import { startGitHubEmulator, type GitHubEmulator } from '@oncall-access/emulators/github';
import { startOpsgenieEmulator, type OpsgenieEmulator } from '@oncall-access/emulators/opsgenie';
import { startPagerDutyEmulator, type PagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { fakeToken } from './fake-token.js';
import { captureIo } from './io.js';
import { DEFAULT_IDENTITIES, ROTATION, writeWorkspace } from './world.js';


export const SECRETS = {
  GITHUB_TOKEN: fakeToken('ghp', 'SECRETgithubTOKEN0123456789abcdefXYZ'),
  PAGERDUTY_TOKEN: 'pdSECRETpagerdutyTOKEN0123456789',
  OPSGENIE_KEY: '0f1e2d3c-5ec2-4e7a-9b1c-5ecre7ke7ab1',
};
export const NOW = new Date('2026-11-30T07:50:00Z');
// Writes are paced for GitHub's secondary rate limits (about one a second); the emulators have none.
process.env.ONCALL_ACCESS_GITHUB_WRITE_LIMITS = '100000/1m';
export const OG_SCHEDULE = 'ops-primary';

/** Every form a secret could leak in: as is, its distinctive middle, base64 (Basic auth). */
export function leakPatterns(): { name: string; needle: string }[] {
  return Object.entries(SECRETS).flatMap(([name, s]) => [
    { name, needle: s },
    { name: `${name} (middle)`, needle: s.slice(6, 22) },
    { name: `${name} (base64)`, needle: Buffer.from(s).toString('base64').slice(0, 20) },
  ]);
}

/** Every file under `dir`, as text. */
export function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => join(dir, rel))
    .filter((p) => statSync(p).isFile())
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

export const PROFILE = `apiVersion: oncall-access/v1
kind: AccessProfile
metadata: { name: deployers-oncall }
spec:
  mode: auto
  rotations:
    - source: rotations
      rotation: primary
    - source: pd
      schedule: PSCHED1
    - source: og
      schedule: ${OG_SCHEDULE}
  window: { before: 15m, after: 30m }
  members: [erin@acme.example]
  entitlements:
    - target: github
      team: deployers
      role: member
`;

export interface Emulators {
  gh: GitHubEmulator;
  pd: PagerDutyEmulator;
  og: OpsgenieEmulator;
}

/** The three emulators, expecting `tokens` (default: the secrets). */
export async function emulators(t: Test, tokens = SECRETS, githubLogins: string[] = []): Promise<Emulators> {
  const gh = await startGitHubEmulator({
    token: tokens.GITHUB_TOKEN,
    strict: true,
    orgs: {
      acme: {
        members: ['alice-acme', 'bob-acme', 'carol-acme', 'dave-acme', 'erin-acme', 'frank-acme', 'gina-acme', 'mallory-acme', 'acme-breakglass', ...githubLogins],
        teams: [{ slug: 'deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'mallory-acme', role: 'maintainer' }, ...githubLogins.map((login) => ({ login, role: 'member' as const }))] }],
      },
    },
  });
  const pd = await startPagerDutyEmulator({
    token: tokens.PAGERDUTY_TOKEN,
    strict: true,
    users: [{ id: 'PFRANK', name: 'Frank', email: 'frank@acme.example' }],
    schedules: [{ id: 'PSCHED1', name: 'Payments', entries: [{ userId: 'PFRANK', start: '2026-11-29T00:00:00Z', end: '2026-12-02T00:00:00Z' }] }],
  });
  const og = await startOpsgenieEmulator({
    apiKey: tokens.OPSGENIE_KEY,
    strict: true,
    schedules: [{ id: '3c5d1e8a-0b2f-4c6d-8e9f-a1b2c3d4e5f6', name: OG_SCHEDULE, periods: [{ user: 'gina@acme.example', start: '2026-11-29T00:00:00Z', end: '2026-12-02T00:00:00Z' }] }],
  });
  t.teardown(async () => {
    await gh.close();
    await pd.close();
    await og.close();
  });
  return { gh, pd, og };
}

/** A workspace whose profile binds the in-repo rotation, PagerDuty and Opsgenie, pointed at `e`. */
export function workspaceFor(t: Test, e: Emulators): string {
  const dir = t.testdir({});
  writeWorkspace(dir, {
    githubUrl: e.gh.url,
    pagerdutyUrl: e.pd.url,
    opsgenieUrl: e.og.url,
    profiles: { 'deployers.yaml': PROFILE },
    rotations: { 'primary.yaml': ROTATION },
    identities: { ...DEFAULT_IDENTITIES, 'frank@acme.example': 'frank-acme', 'gina@acme.example': 'gina-acme' },
  });
  return dir;
}

/** Every command in every format, in an order where each has something to work on. */
export const COMMANDS: string[][] = [
  ['validate'],
  ['validate', '--format', 'json'],
  ['validate', '--format', 'github'],
  ['plan'],
  ['plan', '--format', 'markdown'],
  ['plan', '--format', 'json', '--out', 'plan.json'],
  ['plan', '--detailed-exitcode'],
  ['explain', 'alice-acme'],
  ['explain', 'frank@acme.example', '--format', 'json'],
  ['timeline', '--from', '2026-11-30T00:00:00Z', '--hours', '72'],
  ['timeline', '--from', '2026-11-30T00:00:00Z', '--format', 'markdown'],
  ['timeline', '--from', '2026-11-30T00:00:00Z', '--format', 'json'],
  ['apply', 'plan.json', '--yes'],
  ['apply', '--yes', '--format', 'markdown'],
  ['apply', '--yes', '--format', 'json'],
  ['explain', 'alice-acme', '--at', '2026-11-30T07:00:00Z'],
  ['plan'],
  ['doctor'],
  ['doctor', '--format', 'json'],
];

/** Runs every command in `dir`, then scans every output and every file written for the secrets. */
export async function runAllAndScan(t: Test, dir: string, label: string, todo?: string, commands = COMMANDS): Promise<{ outputs: string[]; codes: number[] }> {
  const outputs: string[] = [];
  const codes: number[] = [];
  for (const args of commands) {
    const c = captureIo(dir, { ...SECRETS, ONCALL_ACCESS_DEBUG: '1' }, NOW);
    codes.push(await main(args, c.io));
    outputs.push(`$ ${args.join(' ')}\n${c.out()}${c.err()}`);
  }
  const texts = [...outputs.map((o, i) => ({ path: `output of ${commands[i]!.join(' ')}`, text: o })), ...filesUnder(dir).filter((f) => !f.path.endsWith('oncall-access.yaml'))];
  const leaks: string[] = [];
  for (const { path, text } of texts) for (const p of leakPatterns()) if (text.includes(p.needle)) leaks.push(`${p.name} in ${path}: …${text.slice(Math.max(0, text.indexOf(p.needle) - 120), text.indexOf(p.needle) + 40)}…`);
  if (leaks.length > 0) t.comment(`${label}: ${leaks.length} leak(s), e.g.\n${leaks.slice(0, 4).join('\n')}`);
  t.same(leaks, [], `${label}: no secret in any output or written file (${texts.length} scanned)`, todo ? { todo } : {});
  return { outputs, codes };
}
