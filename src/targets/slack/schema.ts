/**
 * What Slack adds to the published JSON Schemas ({@link SchemaFragment}): a `slack` target (a
 * token, an optional workspace id and API URL, what to do when a group would be left empty), an
 * entitlement that is a user group, and a person's Slack user id in the identities file.
 */
import { formattedString as formatted } from '../../config/formats.js';
import type { SchemaFragment } from '../target.js';

/** Slack's part of the published schemas. */
export const SLACK_SCHEMA: SchemaFragment = {
  target: {
    type: 'object',
    additionalProperties: false,
    required: ['type'],
    properties: {
      type: { description: 'The kind of target: slack.', enum: ['slack'] },
      tokenEnv: formatted('Name of the environment variable holding the Slack bot token (scopes usergroups:read, usergroups:write, users:read, users:read.email). Never the token itself.', 'oncall-access-env-name'),
      teamId: formatted('The workspace (T...) whose user groups are managed; needed with an Enterprise Grid org-wide token.', 'oncall-access-slack-team-id'),
      apiUrl: formatted('Overrides https://slack.com/api/ (a local emulator).', 'oncall-access-http-url'),
      whenEmpty: {
        description: 'Slack refuses to empty a user group. When a rotation would leave one with nobody: disable (the default) disables the group, so its handle pages nobody, and enables it again when someone is on call; keep leaves its last members in it (the plan still shows them revoked, apply skips that); error fails those changes.',
        enum: ['disable', 'keep', 'error'],
      },
    },
  },
  entitlement: {
    description: 'Or a Slack user group (usergroup: its handle or id).',
    oneOf: [{ required: ['usergroup'] }],
    properties: {
      usergroup: formatted('Slack user group: its mention handle (payments-oncall) or its id (S0614TZR7).', 'oncall-access-slack-usergroup'),
      membership: { description: "exclusive (teams' default): members no profile wants are removed. additive: only what this tool granted is removed.", enum: ['exclusive', 'additive'] },
      adopt: { description: 'Exclusive teams this tool has never applied to: keep-drift (the default) keeps current members no profile wants and lists them in the plan; remove-drift removes them on the first apply.', enum: ['keep-drift', 'remove-drift'] },
    },
  },
  identity: formatted("The person's Slack user id (U...), when the workspace's directory should not be asked.", 'oncall-access-slack-user-id'),
};
