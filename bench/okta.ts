/**
 * `npm run bench:okta`: the Okta target at scale. Builds an org of G groups of M members each
 * (plus a group rule on one of them) and a workspace of G profiles, each binding one built-in
 * rotation of 8 people to one group; starts the strict Okta emulator (traffic logged, with
 * Okta-like per-endpoint limits and a concurrency limit), and runs the real CLI
 * (`node dist/cli.js`): `plan`, then `apply --yes`, then `plan` again (which must find nothing to
 * do). It prints, per run, the requests by endpoint against a lower bound, wall time, and the
 * rate-limit refusals (which must be none).
 *
 * Lower bound, at the API surface the emulator serves (Okta's, at its largest page of 200):
 * one token with a service app (none with the API token the bench uses); ceil(R / 200) rule pages; one lookup per group named by name (Okta's group search
 * matches one name per term, and the target names each group once); sum over groups of
 * max(1, ceil(members / 200)) member pages; ceil(E / 20) user searches for E emails to resolve
 * (20 `or` terms keep a search URL under 2 KB); and one write per change. The target also looks
 * each granted user up right before the grant (a suspended user is never granted): one more
 * request per grant, stated apart.
 *
 * Flags: --groups G (20), --members M (20), --latency-ms N (5). Okta's limits are per minute: a run
 * of more than 600 writes waits for the next minute, as it should.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startOktaEmulator, type OktaEmulatorOptions } from '@oncall-access/emulators/okta';
import type { TrafficRecord } from '@oncall-access/emulators/http-server';

const { values } = parseArgs({ options: { groups: { type: 'string', default: '20' }, members: { type: 'string', default: '20' }, 'latency-ms': { type: 'string', default: '5' } } });
const G = Number(values.groups);
const M = Number(values.members);
const ON_CALL = 8;
const TOKEN = ['bench', 'okta', 'token', '0123456789'].join('-');
const AT = '2026-11-30T07:50:00Z';

/** The org: users u0..uN, group i holds M members (drift) of whom none is on call; group 0 also has a rule. */
function org(): Pick<OktaEmulatorOptions, 'users' | 'groups' | 'rules'> {
  const people = Math.max(M + G * ON_CALL, 1);
  const users = Array.from({ length: people }, (_, i) => ({ id: `00u${String(i).padStart(17, '0')}`, login: `user${i}@acme.example`, ...(i % 97 === 0 ? { profile: { department: 'SRE' } } : {}) }));
  const groups = Array.from({ length: G }, (_, g) => ({ id: `00g${String(g).padStart(17, '0')}`, name: `prod-oncall-${g}`, members: users.slice(0, M).map((u) => u.id) }));
  return { users, groups, rules: [{ id: '0pr00000000000000001', name: 'SRE in prod', expression: 'user.department=="SRE"', groupIds: [groups[0]!.id] }] };
}

/** A workspace: rotation g of people M + g*8 .. +8 feeding group g, one week shifts. */
function workspace(dir: string, url: string): void {
  mkdirSync(join(dir, 'profiles'), { recursive: true });
  mkdirSync(join(dir, 'rotations'), { recursive: true });
  writeFileSync(join(dir, 'oncall-access.yaml'), `apiVersion: oncall-access/v1\nkind: Config\nspec:\n  sources:\n    rotations: { type: rotations }\n  targets:\n    okta: { type: okta, orgUrl: "${url}", tokenEnv: OKTA_API_TOKEN }\n  guards:\n    maxRevocations: 100000\n    maxRevocationShare: 1\n`);
  for (let g = 0; g < G; g++) {
    const members = Array.from({ length: ON_CALL }, (_, i) => `user${M + g * ON_CALL + i}@acme.example`);
    writeFileSync(join(dir, 'rotations', `r${g}.yaml`), `apiVersion: oncall-access/v1\nkind: Rotation\nmetadata: { name: r${g} }\nspec:\n  timeZone: UTC\n  shiftLength: 1d\n  firstHandoff: 2026-11-23T07:00\n  members: [${members.join(', ')}]\n`);
    writeFileSync(join(dir, 'profiles', `p${g}.yaml`), `apiVersion: oncall-access/v1\nkind: AccessProfile\nmetadata: { name: p${g} }\nspec:\n  mode: auto\n  rotations:\n    - source: rotations\n      rotation: r${g}\n  entitlements:\n    - target: okta\n      group: prod-oncall-${g}\n      adopt: remove-drift\n`);
  }
}

function run(dir: string, args: string[]): Promise<{ code: number; ms: number; stderr: string }> {
  const start = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(process.cwd(), 'dist', 'cli.js'), ...args, '--config', join(dir, 'oncall-access.yaml'), '--at', AT], { cwd: dir, env: { PATH: process.env.PATH, OKTA_API_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code: code ?? 1, ms: performance.now() - start, stderr }));
  });
}

const route = (r: TrafficRecord): string => `${r.method} ${r.route}`;

function counts(records: readonly TrafficRecord[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) out[route(r)] = (out[route(r)] ?? 0) + 1;
  return out;
}

const seed = org();
const emu = await startOktaEmulator({ ...seed, apiToken: TOKEN, strict: true, traffic: true, latencyMs: Number(values['latency-ms']), maxPage: 200, rateLimits: { limit: 600, windowMs: 60_000, concurrent: 15 } });
const dir = mkdtempSync(join(tmpdir(), 'oncall-access-bench-okta-'));
try {
  workspace(dir, emu.url);
  const memberPages = seed.groups.reduce((n, g) => n + Math.max(1, Math.ceil((g.members?.length ?? 0) / 200)), 0);
  const emails = G * ON_CALL;
  // The bench authenticates with an API token: no token request (a service app adds one).
  const readBound = 1 + G + memberPages + Math.ceil(emails / 20);
  const rows: string[] = [];
  for (const [name, args] of [
    ['plan', ['plan', '--format', 'json']],
    ['apply', ['apply', '--yes', '--format', 'json']],
    ['plan again', ['plan', '--detailed-exitcode']],
  ] as const) {
    const from = emu.traffic.length;
    const refusedBefore = { ...emu.refused };
    const r = await run(dir, [...args]);
    const records = emu.traffic.slice(from);
    const writes = records.filter((x) => x.method === 'PUT' || x.method === 'DELETE').length;
    const grants = records.filter((x) => x.method === 'PUT').length;
    const bound = readBound + writes;
    const refused = { rate: emu.refused.rate - refusedBefore.rate, concurrency: emu.refused.concurrency - refusedBefore.concurrency };
    rows.push(
      `${name}: exit ${r.code}, ${(r.ms / 1000).toFixed(2)} s, ${records.length} requests (lower bound ${bound}, x${(records.length / bound).toFixed(2)}; ${writes} writes, ${grants} of them grants with a user look-up before), refused: ${refused.rate} rate, ${refused.concurrency} concurrency\n  ${JSON.stringify(counts(records))}`,
    );
    if (r.code !== 0 && !(name !== 'apply' && r.code === 2)) process.stderr.write(`${name} exited ${r.code}: ${r.stderr.slice(-1500)}\n`);
  }
  process.stdout.write(`Okta bench: ${G} groups of ${M} members, ${G * ON_CALL} people on call in ${G} rotations, latency ${values['latency-ms']} ms, peak in flight ${emu.peakInFlight}\n${rows.join('\n')}\n`);
} finally {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
}
