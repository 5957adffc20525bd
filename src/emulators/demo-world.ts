/**
 * The demo's world: Acme's GitHub organisation as it stands at {@link DEMO_AT}, to go with
 * the workspace in `profiles/`. At that instant the payments rotation is mid-handoff, the
 * platform rotation has just handed off, one person has no GitHub login, one member of a
 * managed team is drift, and a child team's member must be left alone.
 */
import type { GitHubSeed } from './github-state.js';

/** The instant the demo plans for: Monday 08:50 in Berlin, ten minutes before the payments handoff. */
export const DEMO_AT = '2026-11-30T07:50:00Z';

/** The port the demo config's `apiUrl` names. */
export const DEMO_GITHUB_PORT = 39170;

/** Acme's GitHub organisation. */
export const DEMO_GITHUB: GitHubSeed = {
  orgs: {
    acme: {
      members: ['alice-acme', 'bob-acme', 'carol-acme', 'dave-acme', 'erin-acme', 'frank-acme', 'mallory-acme', 'zed-acme', 'acme-breakglass'],
      teams: [
        { slug: 'payments-deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'carol-acme', role: 'member' }, { login: 'mallory-acme', role: 'member' }] },
        { slug: 'prod-deployers', members: [{ login: 'erin-acme', role: 'member' }, { login: 'frank-acme', role: 'member' }] },
        { slug: 'infra-maintainers', members: [{ login: 'erin-acme', role: 'maintainer' }, { login: 'frank-acme', role: 'member' }] },
        { slug: 'infra-contractors', parent: 'infra-maintainers', members: [{ login: 'zed-acme', role: 'member' }] },
        { slug: 'admins', members: [{ login: 'acme-breakglass', role: 'maintainer' }] },
      ],
      invitations: [{ id: 4242, login: 'heidi-acme', teams: ['payments-deployers'] }],
    },
  },
};
