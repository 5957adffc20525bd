/**
 * Properties of the Okta target's rules in the core, over random worlds (fast-check): a group
 * (exclusive or additive) wanted for a random set of people, held by a random set, some of them
 * held by a group rule, some granted by this tool. Whatever the world:
 * - a holder held by a rule is never revoked, and when no profile wants them the plan warns once,
 *   naming them and the rule;
 * - every wanted person who does not hold the group is granted it, once; nobody else is;
 * - a revocation only ever takes a holder no profile wants, not held by a rule, and (additive)
 *   one this tool granted;
 * - applying the changes and planning again gives no change (idempotency).
 * Reproduce a failure with the seed fast-check prints: `FC_SEED=<seed> npx tap test/property.okta.test.ts`.
 */
import t from 'tap';
import fc from 'fast-check';
import { desire } from '../src/core/desire.js';
import { diff } from '../src/core/diff.js';
import { entitlementKey, type EntitlementRef } from '../src/core/entitlement.js';
import type { Holder, HoldersRead } from '../src/core/observed.js';
import { KINDS } from '../src/targets/kinds.js';
import { profile } from './helpers/core-fixtures.js';

const PEOPLE = ['ann', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal'];
const login = (who: string) => `${who}@acme.example`;
const GROUP: EntitlementRef = { target: 'okta', kind: 'group', resource: 'prod-aws-oncall' };
const pos = { file: 'profiles/p.yaml', line: 1, col: 1 };

const world = fc.record({
  wanted: fc.subarray(PEOPLE),
  holders: fc.subarray(PEOPLE),
  ruled: fc.subarray(PEOPLE),
  granted: fc.subarray(PEOPLE),
  membership: fc.constantFrom('exclusive' as const, 'additive' as const),
});

t.test('rule-held members are never revoked, and the plan converges', async (t) => {
  fc.assert(
    fc.property(world, (w) => {
      const p = profile({ name: 'p', rotations: [], members: w.wanted.map(login), teams: [], extra: [{ ...GROUP, written: GROUP.resource, level: 'member', membership: w.membership, pos }] });
      const desired = desire({ at: new Date('2026-11-30T07:50:00Z'), profiles: [p], kinds: KINDS, shifts: new Map(), resolve: (e) => e });
      const holders: Holder[] = w.holders.map((who) => ({ login: login(who), role: 'member', state: 'active', ...(w.ruled.includes(who) ? { heldBy: 'rule SRE in prod' } : {}) }));
      const observed = (hs: Holder[]) => new Map<string, HoldersRead>([[entitlementKey(GROUP), { ok: true, holders: hs }]]);
      const ledger = w.granted.filter((who) => w.holders.includes(who) && !w.ruled.includes(who)).map((who) => ({ ...GROUP, login: login(who) }));
      const result = diff(desired, observed(holders), ledger);
      const byRule = new Set(holders.filter((h) => h.heldBy).map((h) => h.login));
      for (const c of result.changes) {
        if (c.action === 'revoke') {
          if (byRule.has(c.subject.login)) return false;
          if (w.wanted.map(login).includes(c.subject.login)) return false;
          if (w.membership === 'additive' && !ledger.some((l) => l.login === c.subject.login)) return false;
        } else if (c.action === 'grant') {
          if (!w.wanted.map(login).includes(c.subject.login) || holders.some((h) => h.login === c.subject.login)) return false;
        }
      }
      const grants = result.changes.filter((c) => c.action === 'grant').map((c) => c.subject.login).sort();
      const missing = w.wanted.filter((who) => !w.holders.includes(who)).map(login).sort();
      if (JSON.stringify(grants) !== JSON.stringify(missing)) return false;
      const unwantedByRule = holders.filter((h) => h.heldBy && !w.wanted.includes(h.login.split('@')[0]!));
      const warnings = result.diagnostics.filter((d) => d.severity === 'warning' && d.message.includes('is held by rule SRE in prod'));
      if (warnings.length !== unwantedByRule.length || !unwantedByRule.every((h) => warnings.some((d) => d.message.includes(h.login)))) return false;
      // Apply the changes; the next plan has nothing to do.
      const after = [...holders.filter((h) => !result.changes.some((c) => c.action === 'revoke' && c.subject.login === h.login)), ...result.changes.filter((c) => c.action === 'grant').map((c): Holder => ({ login: c.subject.login, role: 'member', state: 'active' }))];
      const nextLedger = [...ledger.filter((l) => after.some((h) => h.login === l.login)), ...grants.map((l) => ({ ...GROUP, login: l }))];
      return diff(desired, observed(after), nextLedger).changes.length === 0;
    }),
    { numRuns: 500, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
  );
  t.pass('500 random worlds');
});
