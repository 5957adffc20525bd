import t, { type Test } from 'tap';
import type { GitHubSeed } from '@oncall-access/emulators/github';
import { cli, demoWorkspace, editFile } from './helpers/demo-workspace.js';

async function planWith(t: Test, resolve: string, seed: (s: GitHubSeed) => void) {
  const { dir, emu } = await demoWorkspace(t, (d) => editFile(d, 'oncall-access.yaml', 'resolve: [file]', `resolve: ${resolve}`), seed);
  const r = await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--format', 'json']);
  return { code: r.code, plan: JSON.parse(r.out), emu };
}

/** GitHub's grants (the demo's Okta group resolves people through Okta's directory, not these sources). */
const grants = (plan: { changes: { action: string; subject: { login: string }; entitlement: { target: string } }[] }) => plan.changes.filter((c) => c.action === 'grant' && c.entitlement.target === 'github').map((c) => c.subject.login).sort();

t.test('someone missing from the identities file is found through SAML external identities', async (t) => {
  const { code, plan, emu } = await planWith(t, '[file, saml]', (s) => {
    s.orgs.acme!.members.push('grace-gh');
    s.orgs.acme!.samlIdentities = [{ email: 'Grace@acme.example', login: 'grace-gh' }];
  });
  t.equal(code, 0);
  t.same(grants(plan), ['bob-acme', 'grace-gh', 'grace-gh', 'judy-acme', 'leo-acme']);
  t.same(plan.diagnostics, []);
  t.equal(emu.requests.filter((r) => r.path === '/graphql').length, 2, 'one query for the teams, one for SAML, cached for the run');
});

t.test('verified-domain emails resolve when SAML is not configured', async (t) => {
  const { plan } = await planWith(t, '[file, verifiedEmail]', (s) => {
    s.orgs.acme!.members.push('grace-gh');
    s.orgs.acme!.verifiedEmails = { 'grace-gh': ['grace@acme.example'] };
  });
  t.same(grants(plan), ['bob-acme', 'grace-gh', 'grace-gh', 'judy-acme', 'leo-acme']);
});

t.test('when everyone is resolved by the file, GitHub identity sources are not read at all', async (t) => {
  const { emu } = await planWith(t, '[saml]', () => {});
  t.equal(emu.requests.filter((r) => r.path === '/graphql').length, 2);
  const { emu: emu2 } = await planWith(t, '[file, saml]', (s) => {
    s.orgs.acme!.samlIdentities = [];
  });
  t.equal(emu2.requests.filter((r) => r.path === '/graphql').length, 2, 'grace is unresolved, so SAML is read once');
});

t.test('an email that SAML maps to two logins is an error naming both, and nobody gets it', async (t) => {
  const { code, plan } = await planWith(t, '[file, saml]', (s) => {
    s.orgs.acme!.samlIdentities = [
      { email: 'grace@acme.example', login: 'grace-one' },
      { email: 'grace@acme.example', login: 'grace-two' },
    ];
  });
  t.equal(code, 1);
  t.same(grants(plan), ['bob-acme', 'judy-acme', 'leo-acme']);
  t.match(plan.diagnostics.map((d: { message: string }) => d.message).join('\n'), 'grace@acme.example maps to 2 GitHub logins through SAML external identities: grace-one and grace-two; granting nothing to either');
});

t.test('an organisation without SAML cannot resolve through it: every team is frozen, nothing revoked', async (t) => {
  const { code, plan } = await planWith(t, '[file, saml]', () => {});
  t.equal(code, 1);
  t.same(plan.changes.filter((c: { action: string; entitlement: { target: string } }) => c.action === 'revoke' && c.entitlement.target === 'github'), [], 'no revocation on GitHub while its identities are unknown');
  t.match(plan.diagnostics.find((d: { code?: string }) => d.code === 'read-failed').message, 'cannot read SAML external identities of acme: organisation acme has no SAML identity provider');
});

t.test('attack: an IdP emails attribute set to someone on call does not map them to another login; only nameId counts unless the config opts in', async (t) => {
  // mallory can edit her own user in the IdP: her nameId is hers, her emails attribute claims grace, who is on call.
  const seed = (s: GitHubSeed) => {
    s.orgs.acme!.members.push('mallory-gh');
    s.orgs.acme!.samlIdentities = [{ email: 'mallory@acme.example', login: 'mallory-gh', emails: ['grace@acme.example'] }];
  };
  const { code, plan } = await planWith(t, '[file, saml]', seed);
  t.equal(code, 0);
  t.notOk(grants(plan).includes('mallory-gh'), 'nothing is granted to mallory-gh');
  t.match(plan.diagnostics.map((d: { message: string }) => d.message).join('\n'), /grace@acme\.example/, 'grace is reported unresolved instead');

  const { dir } = await demoWorkspace(t, (d) => editFile(d, 'oncall-access.yaml', 'resolve: [file]', 'resolve: [file, saml]\n    samlAttributes: [nameId, emails]'), seed);
  const opted = JSON.parse((await cli(dir, ['plan', '--config', 'oncall-access.yaml', '--format', 'json'])).out);
  t.ok(grants(opted).includes('mallory-gh'), 'a config that trusts the emails attribute gets what it asked for');
});
