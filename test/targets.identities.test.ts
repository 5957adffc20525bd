/**
 * Identities per target: the identities file names a person's account under each target type
 * (`github: bob-acme`), and every target resolves an email through its own sources; a request
 * resolves its subject on the targets of the requested entitlements, not on the config's first
 * target. Two GitHub targets of different organisations whose SAML identities give one person
 * two different logins show the difference.
 */
import t, { type Test } from 'tap';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Adapters } from '../src/observe/adapters.js';
import { loadWorkspace } from '../src/config/load.js';
import { entitlementKey } from '../src/core/entitlement.js';
import { reconcile } from '../src/apply/engine.js';
import { observe, readSpan } from '../src/observe/observe.js';
import type { Target } from '../src/targets/target.js';
import { identityTable, resolveEmails } from '../src/identities.js';

const AT = new Date('2026-11-30T10:00:00Z');

function workspace(t: Test, requestFor = 'beta') {
  const dir = mkdtempSync(join(tmpdir(), 'oncall-access-targets-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'profiles'));
  mkdirSync(join(dir, 'requests'));
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  write('oncall-access.yaml', `apiVersion: oncall-access/v1
kind: Config
spec:
  sources:
    rotations: { type: rotations }
  targets:
    acme: { type: github, org: acme, tokenEnv: ACME_TOKEN }
    beta: { type: github, org: beta, tokenEnv: BETA_TOKEN }
  identities:
    resolve: [file, saml]
`);
  write('identities.yaml', `apiVersion: oncall-access/v1
kind: Identities
spec:
  identities:
    - { email: bob@acme.example, github: bob-acme }
`);
  write('profiles/break-glass.yaml', `apiVersion: oncall-access/v1
kind: AccessProfile
metadata: { name: break-glass }
spec:
  mode: requestable
  approval: auto
  maxRequestDuration: 4h
  members: [alice@acme.example]
  entitlements:
    - target: ${requestFor}
      team: admins
`);
  write('requests/r.yaml', `apiVersion: oncall-access/v1
kind: AccessRequest
spec: { profile: break-glass, subject: alice@acme.example, reason: INC-1, duration: 2h, requestedAt: "2026-11-30T09:00:00Z" }
`);
  const { workspace, diagnostics } = loadWorkspace(join(dir, 'oncall-access.yaml'), dir, AT);
  t.same(diagnostics.filter((d) => d.severity === 'error'), [], 'the workspace loads');
  return workspace!;
}

/**
 * A GitHub target of organisation `org` whose SAML identities know alice by `aliceLogin` (nobody
 * when undefined), or say her account must not be granted (`unusable`); it holds nothing.
 */
function target(t: Test, org: string, aliceLogin: string | undefined, unusable?: string): Target {
  return {
    readIdentities: async (method, emails) => {
      t.equal(method, 'saml', `target ${org} is asked for the configured method`);
      t.ok(emails.includes('alice@acme.example'), 'alice, whom the identities file does not know, is among the emails asked');
      t.notOk(emails.includes('bob@acme.example'), 'bob, whom the file resolved, is not asked');
      if (unusable !== undefined) return { ok: true, pairs: [], unusable: [{ email: 'alice@acme.example', login: 'alice-old', reason: unusable }] };
      return { ok: true, pairs: aliceLogin === undefined ? [] : [{ email: 'alice@acme.example', login: aliceLogin, attribute: 'nameId' }] };
    },
    readHolders: async (refs) => new Map(refs.map((r) => [entitlementKey(r), { ok: true, holders: [] }])),
    grant: async () => void t.fail('no write'),
    revoke: async () => void t.fail('no write'),
  };
}

function adapters(targets: Record<string, Target>): Adapters {
  return { sources: new Map([['rotations', { readShifts: async () => new Map() }]]), targets: new Map(Object.entries(targets)), diagnostics: [] };
}

t.test('an identities file with github keys only still loads, and its logins resolve on every GitHub target', async (t) => {
  const ws = workspace(t);
  t.same(ws.identities.map((i) => ({ email: i.email, accounts: i.accounts })), [{ email: 'bob@acme.example', accounts: { github: 'bob-acme' } }]);
  const { identities: ids } = await observe(ws, adapters({ acme: target(t, 'acme', 'alice-acme'), beta: target(t, 'beta', 'alice-beta') }), { ...readSpan(ws, AT), subjects: ['bob@acme.example', 'alice@acme.example'] });
  t.equal(ids.resolve('bob@acme.example', 'acme'), 'bob-acme');
  t.equal(ids.resolve('bob@acme.example', 'beta'), 'bob-acme');
  t.equal(ids.resolve('alice@acme.example', 'acme'), 'alice-acme', "each target resolves through its own organisation's identities");
  t.equal(ids.resolve('alice@acme.example', 'beta'), 'alice-beta');
});

t.test("a request grants the subject's account on the requested entitlement's target, not on the first target", async (t) => {
  const ws = workspace(t);
  const { plan } = await reconcile(ws, adapters({ acme: target(t, 'acme', 'alice-acme'), beta: target(t, 'beta', 'alice-beta') }), { at: AT, now: AT });
  t.same(plan.diagnostics.filter((d) => d.severity === 'error'), []);
  t.match(plan.changes, [{ action: 'grant', entitlement: { target: 'beta', kind: 'team', resource: 'beta/admins' }, subject: { login: 'alice-beta' } }]);
  t.equal(plan.changes.length, 1);
});

t.test('a subject known only on another target than the requested one is refused, naming the request', async (t) => {
  const ws = workspace(t);
  const { plan } = await reconcile(ws, adapters({ acme: target(t, 'acme', 'alice-acme'), beta: target(t, 'beta', undefined) }), { at: AT, now: AT });
  t.same(plan.changes, []);
  t.match(plan.diagnostics, [{ severity: 'error', message: 'request requests/r.yaml: nobody can resolve alice@acme.example to a GitHub login' }]);
});

t.test('an account the target says must never be granted (deactivated) resolves nobody, with a warning naming it and why', async (t) => {
  const ws = workspace(t);
  const { plan } = await reconcile(ws, adapters({ acme: target(t, 'acme', undefined), beta: target(t, 'beta', undefined, 'deactivated') }), { at: AT, now: AT });
  t.same(plan.changes, [], 'nothing is granted to the deactivated account');
  t.match(plan.diagnostics, [{ severity: 'warning', code: 'identity', message: 'alice@acme.example: GitHub login alice-old on target "beta" is deactivated, so it is never granted' }]);
});

t.test("an email a table maps to two accounts is named in the target's own words (Slack user ids), and resolves nobody", async (t) => {
  const table = identityTable('directory', [
    { email: 'alice@acme.example', login: 'U0ALICE001' },
    { email: 'Alice@acme.example', login: 'U0ALICE002' },
  ]);
  const { logins, diagnostics } = resolveEmails(['alice@acme.example'], [table], 'Slack user id');
  t.equal(logins.size, 0);
  t.match(diagnostics, [{ severity: 'error', code: 'identity', message: 'alice@acme.example maps to 2 Slack user ids through its directory of users: U0ALICE001 and U0ALICE002; granting nothing to either' }]);
});
