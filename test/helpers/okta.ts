/**
 * The Okta world the target's tests share: an org with a managed OKTA_GROUP (two direct members
 * and one a group rule makes), an APP_GROUP, people in every status that matters, and a service
 * app whose key pair is made at run time (no key in the repository).
 */
import { generateKeyPairSync } from 'node:crypto';
import { startOktaEmulator, type OktaEmulator, type OktaEmulatorOptions } from '@oncall-access/emulators/okta';

/** A recognisable fake API token, assembled at run time: tests scan output for it. */
export const OKTA_API_TOKEN = ['00', 'oktaFAKEtokenFORtests', 'x1y2z3'].join('');
export const OKTA_CLIENT_ID = '0oaoncallaccess00001';
export const PROD_GROUP_ID = '00gprodawsoncall0001';
export const AD_GROUP_ID = '00gadadminsgroup0001';

/** People by login; each has the same email unless said otherwise. */
export const OKTA_USERS: OktaEmulatorOptions['users'] = [
  { id: '00ualice00000000001', login: 'alice@acme.example' },
  { id: '00ubob0000000000002', login: 'bob@acme.example' },
  { id: '00ucarol00000000003', login: 'carol@acme.example', status: 'SUSPENDED' },
  { id: '00udave000000000004', login: 'dave@acme.example', status: 'DEPROVISIONED' },
  { id: '00uerin000000000005', login: 'erin.okta', email: 'erin@acme.example' },
  { id: '00usre0000000000006', login: 'sam@acme.example', profile: { department: 'SRE' } },
];

/** prod-aws-oncall: bob and erin directly, sam by the rule "SRE in prod"; AD Admins: an APP_GROUP. */
export const OKTA_GROUPS: OktaEmulatorOptions['groups'] = [
  { id: PROD_GROUP_ID, name: 'prod-aws-oncall', members: ['00ubob0000000000002', '00uerin000000000005'] },
  { id: '00gstagingoncall0001', name: 'staging-oncall' },
  { id: AD_GROUP_ID, name: 'AD Admins', type: 'APP_GROUP', members: ['00ubob0000000000002'] },
];

export const OKTA_RULES: OktaEmulatorOptions['rules'] = [{ id: '0prsreinprod0000001', name: 'SRE in prod', expression: 'user.department=="SRE"', groupIds: [PROD_GROUP_ID] }];

/** A service app's key pair, made once per process; the private half as PEM, for the env. */
export const OKTA_KEYS = (() => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, publicPem: publicKey.export({ type: 'spki', format: 'pem' }) as string };
})();

/** Starts the Okta world (strict), with the service app and the API token both accepted. */
export function startOktaWorld(extra: Partial<OktaEmulatorOptions> = {}): Promise<OktaEmulator> {
  return startOktaEmulator({
    users: OKTA_USERS,
    groups: OKTA_GROUPS,
    rules: OKTA_RULES,
    apiToken: OKTA_API_TOKEN,
    serviceApp: { clientId: OKTA_CLIENT_ID, publicKey: OKTA_KEYS.publicPem, keyId: 'oncall-key-1', scopes: ['okta.groups.manage', 'okta.users.read'] },
    strict: true,
    ...extra,
  });
}
