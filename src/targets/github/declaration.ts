/**
 * What the pure layers know of the GitHub target type without loading its adapter
 * ({@link TargetDeclaration}): its kinds, its schema fragment, the settings of its config block
 * and how a profile's `team` or `repository` becomes an entitlement on the organisation.
 */
import type { GitHubTargetConfig } from '../../config/model.js';
import type { TargetDeclaration } from '../declaration.js';
import { GITHUB_KINDS, githubResource, type GitHubKind } from './kinds.js';
import { GITHUB_SCHEMA } from './schema.js';

/** GitHub's declaration: teams with a role, repositories with a permission, on one organisation. */
export const GITHUB_DECLARATION: TargetDeclaration<GitHubTargetConfig> = {
  kinds: GITHUB_KINDS,
  account: 'GitHub login',
  schema: GITHUB_SCHEMA,
  settings: (block) => ({ type: 'github', org: block.org as string }),
  scope: (t) => t.org,
  identityMethods: (configured) => [...configured],
  entitlement(e, target) {
    if (e.team !== undefined) {
      if (e.permission !== undefined) return { problem: 'permission applies to repositories; teams take a role (member or maintainer)', field: 'permission' };
      if (e.adopt === 'remove-drift' && e.membership === 'additive') return { problem: 'adopt: remove-drift applies to exclusive teams; an additive team never loses members this tool did not grant', field: 'adopt' };
    } else {
      if (e.role !== undefined) return { problem: 'role applies to teams; repositories take a permission (pull, triage, push, maintain, admin)', field: 'role' };
      if (e.permission === undefined) return { problem: 'missing required field "permission" (pull, triage, push, maintain or admin)' };
      if (e.membership === 'exclusive') return { problem: 'repository permissions are always additive: the tool only removes what it granted', field: 'membership' };
      if (e.adopt !== undefined) return { problem: 'adopt applies to exclusive teams; repository permissions are always additive: the tool only removes what it granted', field: 'adopt' };
    }
    const kind: GitHubKind = e.team !== undefined ? 'team' : 'repository';
    const written = (e.team ?? e.repository) as string;
    const level = (kind === 'team' ? e.role : e.permission) as string | undefined;
    return {
      kind,
      resource: target === undefined ? written : githubResource(target.org, written),
      written,
      ...(level === undefined ? {} : { level }),
      ...(e.membership === undefined ? {} : { membership: e.membership as 'exclusive' | 'additive' }),
      ...(e.adopt === 'remove-drift' ? { adopt: 'remove-drift' as const } : {}),
    };
  },
};
