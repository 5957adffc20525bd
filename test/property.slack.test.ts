/**
 * Property-based tests of the Slack target's one-write-per-group apply, against the emulator,
 * over generated groups: members (some deactivated since they joined), a run's revocations of
 * some members and grants to some others, and `whenEmpty`. After `applyChanges`:
 *
 * 1. nobody the run did not revoke is dropped, unless Slack refuses them (deactivated);
 * 2. everyone granted who can be a member is in the group;
 * 3. a group the run would empty is never sent an empty list: disabled (`disable`), or left as it
 *    was (`keep`, `error`), its changes skipped or failed;
 * 4. exactly one member-list write per group (two when Slack refused a deactivated member);
 * 5. reading it again and applying nothing changes nothing (the group holds what the run wanted).
 *
 * Reproduce a failure with the seed fast-check prints: `FC_SEED=<seed> npx tap test/property.slack.test.ts`.
 */
import t from 'tap';
import fc from 'fast-check';
import { startSlackEmulator } from '@oncall-access/emulators/slack';
import type { Change } from '../src/core/plan.js';
import { SlackTarget } from '../src/targets/slack/target.js';
import { fakeSlackToken } from './helpers/fake-token.js';
import { runs, SEED } from './helpers/world.js';

const TOKEN = fakeSlackToken('1-property');
const USERS = Array.from({ length: 8 }, (_, i) => `U0PERSON0${i}`);

interface Case {
  members: number[];
  revoke: number[];
  grant: number[];
  deactivated: number[];
  whenEmpty: 'disable' | 'keep' | 'error';
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    members: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 6 }),
    picks: fc.array(fc.integer({ min: 0, max: 7 }), { maxLength: 8 }),
    deactivated: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 3 }),
    whenEmpty: fc.constantFrom('disable' as const, 'keep' as const, 'error' as const),
  })
  .map(({ members, picks, deactivated, whenEmpty }) => ({
    members,
    revoke: [...new Set(picks.filter((p) => members.includes(p)))],
    // The plan grants only people the directory found active.
    grant: [...new Set(picks.filter((p) => !members.includes(p) && !deactivated.includes(p)))],
    deactivated,
    whenEmpty,
  }))
  // Apply hands a group over only when the run changes it.
  .filter((c) => c.revoke.length + c.grant.length > 0);

const change = (action: Change['action'], i: number): Change => ({ action, entitlement: { target: 'slack', kind: 'usergroup', resource: '@oncall', level: 'member' }, subject: { login: USERS[i]! }, reasons: [], profiles: ['p'] });

async function runCase(c: Case): Promise<void> {
  const emu = await startSlackEmulator({
    users: USERS.map((id, i) => ({ id, name: `person${i}`, email: `person${i}@acme.example` })),
    usergroups: [{ id: 'S0ONCALL01', handle: 'oncall', users: c.members.map((i) => USERS[i]!), dateUpdate: 1_700_000_000 }],
    tokens: [{ token: TOKEN }],
    strict: true,
  });
  try {
    for (const i of c.deactivated) emu.deactivate(USERS[i]!);
    const target = new SlackTarget({ apiUrl: `${emu.url}/api/`, token: TOKEN, fetch: globalThis.fetch, whenEmpty: c.whenEmpty });
    await target.readHolders([{ target: 'slack', kind: 'usergroup', resource: '@oncall' }]);
    const before = emu.members('oncall');
    const outcomes = await target.applyChanges([...c.revoke.map((i) => change('revoke', i)), ...c.grant.map((i) => change('grant', i))]);
    const after = emu.members('oncall');
    const wanted = [...c.members.filter((i) => !c.revoke.includes(i)), ...c.grant].map((i) => USERS[i]!);
    const writes = emu.requests.filter((r) => r.path === '/api/usergroups.users.update');
    const show = () => JSON.stringify({ c, before, after, outcomes: outcomes.map((o) => [o.change.action, o.change.subject.login, o.status, o.error]) });
    if (wanted.length === 0) {
      if (writes.length !== 0) throw new Error(`an empty group was written: ${show()}`);
      if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`an emptied group's list changed: ${show()}`);
      const status = { disable: 'applied', keep: 'skipped', error: 'failed' }[c.whenEmpty];
      if (!outcomes.every((o) => o.status === status)) throw new Error(`whenEmpty ${c.whenEmpty} gave other outcomes: ${show()}`);
      if (emu.disabled('oncall') !== (c.whenEmpty === 'disable')) throw new Error(`disabled is ${emu.disabled('oncall')}: ${show()}`);
      return;
    }
    const active = wanted.filter((u) => !c.deactivated.includes(USERS.indexOf(u)));
    if (active.length === 0) {
      if (JSON.stringify(after) !== JSON.stringify(before)) throw new Error(`nothing could be written, yet the group changed: ${show()}`);
      if (!outcomes.every((o) => o.status === 'failed')) throw new Error(`expected every change failed: ${show()}`);
      return;
    }
    if (JSON.stringify([...after].sort()) !== JSON.stringify([...active].sort())) throw new Error(`the group holds ${JSON.stringify(after)}, the run wanted ${JSON.stringify(active)}: ${show()}`);
    if (!outcomes.every((o) => o.status === 'applied')) throw new Error(`expected every change applied: ${show()}`);
    const expectedWrites = active.length === wanted.length ? 1 : 2;
    if (writes.length !== expectedWrites) throw new Error(`${writes.length} writes, expected ${expectedWrites}: ${show()}`);
    const again = new SlackTarget({ apiUrl: `${emu.url}/api/`, token: TOKEN, fetch: globalThis.fetch, whenEmpty: c.whenEmpty });
    const read = (await again.readHolders([{ target: 'slack', kind: 'usergroup', resource: '@oncall' }])).get('slack/usergroup/@oncall');
    if (!read?.ok || JSON.stringify(read.holders.map((h) => h.login).sort()) !== JSON.stringify([...active].sort())) throw new Error(`a second read disagrees: ${JSON.stringify(read)}: ${show()}`);
  } finally {
    await emu.close();
  }
}

t.test(`${runs(60)} generated user groups: one write each, nobody dropped the run did not revoke, never an empty list (seed ${SEED})`, async () => {
  await fc.assert(fc.asyncProperty(caseArb, runCase), { seed: SEED, numRuns: runs(60) });
});
