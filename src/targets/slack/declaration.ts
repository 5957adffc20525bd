/**
 * What the pure layers know of the Slack target type without loading its adapter
 * ({@link TargetDeclaration}): its kind, its schema fragment, the settings of its config block and
 * how a profile's `usergroup` becomes an entitlement.
 */
import type { SlackTargetConfig, SlackWhenEmpty } from '../../config/model.js';
import type { TargetDeclaration } from '../declaration.js';
import { SLACK_KINDS, slackResource } from './kinds.js';
import { SLACK_SCHEMA } from './schema.js';

/**
 * Slack's declaration: user groups of one workspace. People are found by the identities file when
 * the config resolves through it, then by the workspace's own directory (their email).
 */
export const SLACK_DECLARATION: TargetDeclaration<SlackTargetConfig> = {
  kinds: SLACK_KINDS,
  account: 'Slack user',
  schema: SLACK_SCHEMA,
  settings: (block) => ({ type: 'slack', ...(block.teamId === undefined ? {} : { teamId: block.teamId as string }), whenEmpty: (block.whenEmpty as SlackWhenEmpty | undefined) ?? 'disable' }),
  scope: (t) => (t.teamId === undefined ? 'the Slack workspace' : `Slack workspace ${t.teamId}`),
  identityMethods: (configured) => [...configured.filter((m) => m === 'file'), 'directory'],
  entitlement(e) {
    if (e.adopt === 'remove-drift' && e.membership === 'additive') return { problem: 'adopt: remove-drift applies to exclusive user groups; an additive one never loses members this tool did not add', field: 'adopt' };
    const written = e.usergroup as string;
    return {
      kind: 'usergroup',
      resource: slackResource(written),
      written,
      ...(e.membership === undefined ? {} : { membership: e.membership as 'exclusive' | 'additive' }),
      ...(e.adopt === 'remove-drift' ? { adopt: 'remove-drift' as const } : {}),
    };
  },
};
