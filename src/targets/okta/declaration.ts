/**
 * What the pure layers know of the Okta target type without loading its adapter
 * ({@link TargetDeclaration}): its kind, its schema fragment, the settings of its config block
 * and how a profile's `group` becomes an entitlement.
 */
import type { OktaTargetConfig } from '../../config/model.js';
import type { TargetDeclaration } from '../declaration.js';
import { OKTA_KINDS } from './kinds.js';
import { OKTA_SCHEMA } from './schema.js';

/** Okta's declaration: group memberships in one org, people found in the org's own directory. */
export const OKTA_DECLARATION: TargetDeclaration<OktaTargetConfig> = {
  kinds: OKTA_KINDS,
  account: 'Okta login',
  schema: OKTA_SCHEMA,
  settings: (block) => ({
    type: 'okta',
    orgUrl: (block.orgUrl as string).replace(/\/+$/, ''),
    ...(block.clientId === undefined ? {} : { clientId: block.clientId as string }),
    ...(block.privateKeyEnv === undefined ? {} : { privateKeyEnv: block.privateKeyEnv as string }),
    ...(block.keyId === undefined ? {} : { keyId: block.keyId as string }),
    ...(block.scopes === undefined ? {} : { scopes: [...(block.scopes as string[])] }),
  }),
  scope: (t) => new URL(t.orgUrl).host,
  // The identities file when configured, then Okta's own users by email; SAML and verified
  // emails are GitHub's.
  identityMethods: (configured) => [...configured.filter((m) => m === 'file'), 'directory'],
  entitlement(e) {
    if (e.adopt === 'remove-drift' && e.membership === 'additive') return { problem: 'adopt: remove-drift applies to exclusive groups; an additive group never loses members this tool did not grant', field: 'adopt' };
    return {
      kind: 'group',
      resource: e.group as string,
      written: e.group as string,
      ...(e.membership === undefined ? {} : { membership: e.membership as 'exclusive' | 'additive' }),
      ...(e.adopt === 'remove-drift' ? { adopt: 'remove-drift' as const } : {}),
    };
  },
};
