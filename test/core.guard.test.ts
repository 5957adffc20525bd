/**
 * guard: the safety rails that turn a dangerous plan into errors (protected accounts, too many
 * revocations), scenario by scenario over hand-written changes.
 */
import t from 'tap';
import type { GuardConfig } from '../src/config/model.js';
import { guard, type GuardOverrides } from '../src/core/guard.js';
import type { Change } from '../src/core/plan.js';
import { KINDS } from '../src/targets/kinds.js';
import { diag } from './helpers/core-fixtures.js';

/** A change to `acme/<team>` on target github; `who` is the login. */
function change(action: Change['action'], who: string, team = 'sre'): Change {
  return {
    action,
    entitlement: { target: 'github', kind: 'team', resource: `acme/${team}`, level: 'member' },
    subject: { login: who },
    reasons: ['test'],
    profiles: ['oncall-sre'],
    ...(action === 'update' ? { previousLevel: 'maintainer' } : {}),
    ...(action === 'revoke' ? { drift: true } : {}),
  };
}
const revokes = (...who: string[]): Change[] => who.map((w) => change('revoke', w));

const protectedError = (login: string, team = 'sre'): string =>
  `error[guard]: refusing to revoke protected account ${login} from acme/${team}: add it as a static member of a profile managing that team, or remove it from guards.protectedAccounts`;
const tooManyError = (n: number, max: number): string =>
  `error[guard]: refusing a plan that revokes ${n === 1 ? '1 holding' : `${n} holdings`}: guards.maxRevocations allows ${max}. Check the plan, then re-run with --max-revocations ${n} to allow it once`;

interface Row {
  name: string;
  changes: Change[];
  config: GuardConfig;
  overrides?: GuardOverrides;
  /** Holders of each team now (`acme/sre` has 100 unless a row says otherwise). */
  holders?: [string, number][];
  /** The diagnostics, as `diag` shows them, in order. */
  expect: string[];
}

const shareError = (n: number, total: number, limit: string, flag: number): string =>
  `error[guard]: refusing to revoke ${n} of ${total} holders of acme/sre: ${limit}. Check the plan, then re-run with --max-revocation-share ${flag} to allow it once`;
const shrinkError = (total: number, revoked: number, granted: number, limit: string, flag: number): string =>
  `error[guard]: refusing to shrink acme/sre from ${total} to ${total - revoked + granted} holders (${revoked} revoked, ${granted} granted): ${limit}. Check the plan, then re-run with --max-revocation-share ${flag} to allow it once`;
const DEFAULT_LIMIT = 'by default a run may not take more than half of a team once that is 3 or more people; set guards.maxRevocationShare to choose';

const rows: Row[] = [
  {
    name: 'an empty plan passes any guard',
    changes: [],
    config: { maxRevocations: 0, protectedAccounts: ['breakglass'] },
    expect: [],
  },
  {
    name: 'revoking a protected break-glass account is refused, naming the account and the team',
    changes: [change('revoke', 'alice'), change('revoke', 'breakglass', 'admins')],
    config: { protectedAccounts: ['breakglass'] },
    expect: [protectedError('breakglass', 'admins')],
  },
  {
    name: 'a protected account is recognised whatever the case on either side',
    changes: [change('revoke', 'BreakGlass'), change('revoke', 'root-admin', 'ops')],
    config: { protectedAccounts: ['breakglass', 'ROOT-Admin'] },
    expect: [protectedError('BreakGlass'), protectedError('root-admin', 'ops')],
  },
  {
    name: 'a protected account revoked from two teams is refused once per team',
    changes: [change('revoke', 'breakglass', 'sre'), change('revoke', 'breakglass', 'ops')],
    config: { protectedAccounts: ['breakglass'] },
    expect: [protectedError('breakglass', 'sre'), protectedError('breakglass', 'ops')],
  },
  {
    name: 'granting or upgrading a protected account is not a revocation and passes',
    changes: [change('grant', 'breakglass'), { ...change('update', 'breakglass', 'ops'), entitlement: { target: 'github', kind: 'team', resource: 'acme/ops', level: 'maintainer' }, previousLevel: 'member' }],
    config: { protectedAccounts: ['breakglass'], maxRevocations: 0 },
    expect: [],
  },
  {
    name: 'downgrading a protected maintainer is refused like a revocation',
    changes: [change('update', 'breakglass', 'ops')],
    config: { protectedAccounts: ['breakglass'], maxRevocations: 0 },
    expect: [protectedError('breakglass', 'ops').replace('to revoke', 'to downgrade')],
  },
  {
    name: 'more revocations than maxRevocations are refused, with the count, the limit and the flag to allow it',
    changes: revokes('a', 'b', 'c'),
    config: { maxRevocations: 2, protectedAccounts: [] },
    expect: [tooManyError(3, 2)],
  },
  {
    name: 'exactly maxRevocations revocations pass',
    changes: revokes('a', 'b'),
    config: { maxRevocations: 2, protectedAccounts: [] },
    expect: [],
  },
  {
    name: 'grants and updates do not count towards maxRevocations',
    changes: [...revokes('a', 'b'), change('grant', 'c'), change('update', 'd'), change('grant', 'e')],
    config: { maxRevocations: 2, protectedAccounts: [] },
    expect: [],
  },
  {
    name: 'maxRevocations 0 refuses a single revocation',
    changes: revokes('a'),
    config: { maxRevocations: 0, protectedAccounts: [] },
    expect: [tooManyError(1, 0)],
  },
  {
    name: 'without maxRevocations any number of revocations passes',
    changes: revokes('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'),
    config: { protectedAccounts: [] },
    expect: [],
  },
  {
    name: 'the --max-revocations override allows a plan the configured limit refuses',
    changes: revokes('a', 'b', 'c'),
    config: { maxRevocations: 2, protectedAccounts: [] },
    overrides: { maxRevocations: 3 },
    expect: [],
  },
  {
    name: 'the override replaces the configured limit, so it can also be stricter, and the error names the override',
    changes: revokes('a', 'b'),
    config: { maxRevocations: 5, protectedAccounts: [] },
    overrides: { maxRevocations: 1 },
    expect: [tooManyError(2, 1)],
  },
  {
    name: 'the override applies even when no limit is configured',
    changes: revokes('a', 'b'),
    config: { protectedAccounts: [] },
    overrides: { maxRevocations: 1 },
    expect: [tooManyError(2, 1)],
  },
  {
    name: 'an override of 0 refuses any revocation despite a generous configured limit',
    changes: revokes('a'),
    config: { maxRevocations: 10, protectedAccounts: [] },
    overrides: { maxRevocations: 0 },
    expect: [tooManyError(1, 0)],
  },
  {
    name: 'an empty override object keeps the configured limit',
    changes: revokes('a', 'b'),
    config: { maxRevocations: 1, protectedAccounts: [] },
    overrides: {},
    expect: [tooManyError(2, 1)],
  },
  {
    name: 'the override does not unprotect accounts: both refusals are reported',
    changes: revokes('breakglass', 'b', 'c'),
    config: { maxRevocations: 1, protectedAccounts: ['breakglass'] },
    overrides: { maxRevocations: 2 },
    expect: [protectedError('breakglass'), tooManyError(3, 2)],
  },
  {
    name: 'without a configured share, more than half of a team is refused once that is 3 or more people',
    changes: revokes('a', 'b', 'c'),
    config: { protectedAccounts: [] },
    holders: [['acme/sre', 5]],
    expect: [shrinkError(5, 3, 0, DEFAULT_LIMIT, 0.6)],
  },
  {
    name: 'without a configured share, a handoff is no loss: 3 revoked and 3 granted in a team of 4 pass',
    changes: [...revokes('a', 'b', 'c'), change('grant', 'd'), change('grant', 'e'), change('grant', 'f')],
    config: { protectedAccounts: [] },
    holders: [['acme/sre', 4]],
    expect: [],
  },
  {
    name: 'without a configured share, what a team loses counts: 4 revoked and 1 granted in a team of 5 are refused',
    changes: [...revokes('a', 'b', 'c', 'd'), change('grant', 'e')],
    config: { protectedAccounts: [] },
    holders: [['acme/sre', 5]],
    expect: [shrinkError(5, 4, 1, DEFAULT_LIMIT, 0.6)],
  },
  {
    name: 'without a configured share, a handoff in a small team passes: 2 of 2 revoked',
    changes: revokes('a', 'b'),
    config: { protectedAccounts: [] },
    holders: [['acme/sre', 2]],
    expect: [],
  },
  {
    name: 'without a configured share, half of a team passes',
    changes: revokes('a', 'b', 'c'),
    config: { protectedAccounts: [] },
    holders: [['acme/sre', 6]],
    expect: [],
  },
  {
    name: 'the --max-revocation-share flag raises the default limit and keeps its minimum count',
    changes: revokes('a', 'b', 'c'),
    config: { protectedAccounts: [] },
    overrides: { maxRevocationShare: 0.5 },
    holders: [['acme/sre', 5]],
    expect: [shrinkError(5, 3, 0, '--max-revocation-share allows 50%', 0.6)],
  },
  {
    name: 'a configured share counts every revocation, one of one included',
    changes: revokes('a'),
    config: { protectedAccounts: [], maxRevocationShare: 0.5 },
    holders: [['acme/sre', 1]],
    expect: [shareError(1, 1, 'guards.maxRevocationShare allows 50%', 1)],
  },
];

for (const row of rows) {
  t.test(row.name, async (t) => {
    const holders = (row.holders ?? [['acme/sre', 100]]).map(([team, n]) => [`github/team/${team}`, n] as const);
    const out = guard(row.changes, row.config, KINDS, row.overrides ?? {}, new Map(holders));
    t.strictSame(out.map(diag), row.expect);
    t.ok(
      out.every((d) => d.severity === 'error' && d.code === 'guard'),
      'every refusal is an error with code guard',
    );
  });
}

t.test('guard does not modify the plan it checks', async (t) => {
  const changes = revokes('breakglass', 'b');
  const before = structuredClone(changes);
  guard(changes, { maxRevocations: 0, protectedAccounts: ['breakglass'] }, KINDS);
  t.strictSame(changes, before);
});
