/**
 * What GitHub adds to the published JSON Schemas ({@link SchemaFragment}): a `github` target
 * (an organisation, a token, an API URL), an entitlement that is a team with a role or a
 * repository with a permission, and a person's GitHub login in the identities file.
 */
import { formattedString as formatted } from '../../config/formats.js';
import type { SchemaFragment } from '../target.js';
import { REPO_PERMISSIONS, TEAM_ROLES } from './kinds.js';

/** GitHub's part of the published schemas. */
export const GITHUB_SCHEMA: SchemaFragment = {
  target: {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'org'],
    properties: {
      type: { description: 'The kind of target: github.', enum: ['github'] },
      org: formatted('The GitHub organisation whose teams are managed.', 'oncall-access-login'),
      tokenEnv: formatted('Name of the environment variable holding the GitHub token. Never the token itself.', 'oncall-access-env-name'),
      apiUrl: formatted('Overrides https://api.github.com, e.g. https://github.example.com/api/v3 for GitHub Enterprise Server.', 'oncall-access-http-url'),
    },
  },
  entitlement: {
    description: 'One grantable thing: a team membership with a role, or a repository permission (exactly one of team and repository).',
    oneOf: [{ required: ['team'] }, { required: ['repository'] }],
    properties: {
      team: formatted("GitHub team slug in the target's organisation.", 'oncall-access-slug'),
      role: { description: 'Team role to grant (teams only).', enum: [...TEAM_ROLES] },
      repository: formatted("GitHub repository name in the target's organisation.", 'oncall-access-slug'),
      permission: { description: 'Repository permission to grant (repositories only).', enum: [...REPO_PERMISSIONS] },
      membership: { description: "exclusive (teams' default): members no profile wants are removed. additive: only what this tool granted is removed.", enum: ['exclusive', 'additive'] },
      adopt: { description: 'Exclusive teams this tool has never applied to: keep-drift (the default) keeps current members no profile wants and lists them in the plan; remove-drift removes them on the first apply.', enum: ['keep-drift', 'remove-drift'] },
    },
  },
  identity: formatted("The person's GitHub login.", 'oncall-access-login'),
};
