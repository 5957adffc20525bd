/**
 * What Okta adds to the published JSON Schemas ({@link SchemaFragment}): an `okta` target (the
 * org URL and either an OAuth 2.0 service app or an API token), an entitlement that is a group,
 * and a person's Okta login in the identities file.
 */
import { formattedString as formatted } from '../../config/formats.js';
import type { SchemaFragment } from '../target.js';

/** The scopes the target uses: writes to groups, reads of users. */
export const OKTA_SCOPES = ['okta.groups.manage', 'okta.users.read'] as const;

/** Okta's part of the published schemas. */
export const OKTA_SCHEMA: SchemaFragment = {
  target: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'orgUrl'],
    // A service app (clientId with its key) or an API token: exactly one of the two.
    oneOf: [{ required: ['clientId'] }, { required: ['tokenEnv'] }],
    dependentRequired: { clientId: ['privateKeyEnv'], privateKeyEnv: ['clientId'] },
    properties: {
      type: { description: 'The kind of target: okta.', enum: ['okta'] },
      orgUrl: formatted('The Okta org, e.g. https://acme.okta.com (https; http only for a local emulator on 127.0.0.1).', 'oncall-access-http-url'),
      clientId: { description: 'Recommended: the client id of an OAuth 2.0 service app (API Services) with public key / private key client authentication, granted the scopes okta.groups.manage and okta.users.read. With privateKeyEnv.', type: 'string', pattern: '^[A-Za-z0-9_-]{1,100}$' },
      privateKeyEnv: formatted("Name of the environment variable holding the service app's private key, as PEM or as a JWK (JSON). Never the key itself.", 'oncall-access-env-name'),
      keyId: { description: "The key's id (kid) as Okta shows it on the service app, sent with every client assertion; needed when the app has several keys.", type: 'string', pattern: '^[A-Za-z0-9_.-]{1,200}$' },
      scopes: {
        description: 'The scopes asked of the token. Default: [okta.groups.manage, okta.users.read].',
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { description: 'An Okta API scope.', enum: ['okta.groups.manage', 'okta.groups.read', 'okta.users.read'] },
      },
      tokenEnv: formatted('Instead of a service app: name of the environment variable holding an SSWS API token (it acts with the rights of the admin who made it). Never the token itself.', 'oncall-access-env-name'),
    },
  },
  entitlement: {
    description: 'On an Okta target: a group membership (group).',
    oneOf: [{ required: ['group'] }],
    properties: {
      group: { description: "Okta group, by name (as Okta shows it) or id (00g...). Only groups of type OKTA_GROUP can be managed: an app's or directory's group (APP_GROUP) gets its members from its source.", type: 'string', pattern: '^[^\\x00-\\x1f\\x7f]{1,255}$' },
      membership: { description: "exclusive (teams' default): members no profile wants are removed. additive: only what this tool granted is removed.", enum: ['exclusive', 'additive'] },
      adopt: { description: 'Exclusive teams this tool has never applied to: keep-drift (the default) keeps current members no profile wants and lists them in the plan; remove-drift removes them on the first apply.', enum: ['keep-drift', 'remove-drift'] },
    },
  },
  identity: formatted("The person's Okta login (usually their email).", 'oncall-access-account'),
};
