/**
 * The demo's world: Acme's GitHub organisation as it stands at {@link DEMO_AT}, to go with
 * the workspace in `profiles/`. At that instant the payments rotation is mid-handoff, the
 * platform rotation has just handed off, one person has no GitHub login, one member of a
 * managed team is drift, and a child team's member must be left alone.
 */
import type { GitHubSeed } from './github-state.js';
import type { JsmEmulatorOptions } from './jsm.js';
import type { OktaEmulatorOptions } from './okta.js';
import type { PagerDutySeed } from './pagerduty-state.js';
import type { SlackSeed } from './slack-state.js';

/** The instant the demo plans for: Monday 08:50 in Berlin, ten minutes before the payments handoff. */
export const DEMO_AT = '2026-11-30T07:50:00Z';

/** The ports the demo config's `apiUrl`s (and Okta's `orgUrl`) name: GitHub, PagerDuty, JSM Operations (with Jira's user API), Slack, Okta. */
export const DEMO_PORTS = { github: 39170, pagerduty: 39171, jsm: 39172, slack: 39173, okta: 39174 } as const;

/**
 * The tokens the demo's emulators accept; not secrets, they open nothing but local emulators.
 * The JSM source authenticates with an Atlassian account's email and API token (Basic).
 */
export const DEMO_TOKENS = { GITHUB_TOKEN: 'demo-github-token', PAGERDUTY_TOKEN: 'demo-pagerduty-token', ATLASSIAN_EMAIL: 'oncall-bot@acme.example', ATLASSIAN_API_TOKEN: 'demo-atlassian-token', SLACK_TOKEN: 'demo-slack-token', OKTA_API_TOKEN: 'demo-okta-token' } as const;

/**
 * Acme's PagerDuty account: the checkout escalation policy pages the checkout schedule at
 * level 1 (ivan hands over to judy at 08:00Z) and ken directly at level 2 (a permanent
 * on-call the profile leaves out by asking for level 1 only); incident #4821 is ivan's.
 */
export const DEMO_PAGERDUTY: PagerDutySeed = {
  users: [
    { id: 'PIVAN01', name: 'Ivan', email: 'ivan@acme.example' },
    { id: 'PJUDY01', name: 'Judy', email: 'judy@acme.example' },
    { id: 'PKEN001', name: 'Ken', email: 'ken@acme.example' },
  ],
  schedules: [
    {
      id: 'PCHKOUT',
      name: 'Checkout primary',
      entries: [
        { userId: 'PIVAN01', start: '2026-11-23T08:00:00Z', end: '2026-11-30T08:00:00Z' },
        { userId: 'PJUDY01', start: '2026-11-30T08:00:00Z', end: '2026-12-07T08:00:00Z' },
        { userId: 'PIVAN01', start: '2026-12-07T08:00:00Z', end: '2026-12-14T08:00:00Z' },
      ],
    },
  ],
  escalationPolicies: [{ id: 'PCHKEP1', name: 'Checkout', levels: [[{ schedule: 'PCHKOUT' }], [{ user: 'PKEN001' }]] }],
  // Open since before the handoff and still acknowledged by ivan: the checkout profile's incident
  // hold keeps him after his window ends (npm start -- --at 2026-11-30T08:20:00Z).
  incidents: [{ number: 4821, title: 'Checkout 500s', status: 'acknowledged', escalationPolicy: 'PCHKEP1', assignees: ['PIVAN01'], acknowledgers: ['PIVAN01'] }],
};

/** The cloud id of Acme's Atlassian site, as the demo config's jsm source names it. */
export const DEMO_JSM_CLOUD_ID = '0ac3e5a1-7e00-4d3a-9c1e-5a1e5da7a001';

/**
 * Acme's Jira Service Management Operations site: the data platform's schedule, leo on call this
 * week. Its timeline names people by Atlassian account id; Jira's bulk user lookup gives their
 * emails (both visible, as managed accounts of Acme's verified domain show them).
 */
export const DEMO_JSM: Pick<JsmEmulatorOptions, 'cloudId' | 'schedules' | 'users'> = {
  cloudId: DEMO_JSM_CLOUD_ID,
  users: [
    { accountId: '62a1f0c3d4e5f60718293a01', displayName: 'Leo', email: 'leo@acme.example' },
    { accountId: '62a1f0c3d4e5f60718293a02', displayName: 'Mia', email: 'mia@acme.example' },
  ],
  schedules: [
    {
      id: '5b1c0f8e-4a7d-4d8e-9a51-0c2f6e3d7b10',
      name: 'data_primary',
      periods: [
        { responder: '62a1f0c3d4e5f60718293a02', start: '2026-11-22T09:00:00Z', end: '2026-11-29T09:00:00Z' },
        { responder: '62a1f0c3d4e5f60718293a01', start: '2026-11-29T09:00:00Z', end: '2026-12-06T09:00:00Z' },
        { responder: '62a1f0c3d4e5f60718293a02', start: '2026-12-06T09:00:00Z', end: '2026-12-13T09:00:00Z' },
      ],
    },
  ],
};

/** Acme's GitHub organisation. */
export const DEMO_GITHUB: GitHubSeed = {
  orgs: {
    acme: {
      members: ['alice-acme', 'bob-acme', 'carol-acme', 'dave-acme', 'erin-acme', 'frank-acme', 'ivan-acme', 'judy-acme', 'ken-acme', 'leo-acme', 'mia-acme', 'mallory-acme', 'zed-acme', 'acme-breakglass'],
      teams: [
        { slug: 'payments-deployers', members: [{ login: 'alice-acme', role: 'member' }, { login: 'carol-acme', role: 'member' }, { login: 'mallory-acme', role: 'member' }] },
        { slug: 'prod-deployers', members: [{ login: 'erin-acme', role: 'member' }, { login: 'frank-acme', role: 'member' }] },
        { slug: 'infra-maintainers', members: [{ login: 'erin-acme', role: 'maintainer' }, { login: 'frank-acme', role: 'member' }] },
        { slug: 'infra-contractors', parent: 'infra-maintainers', members: [{ login: 'zed-acme', role: 'member' }] },
        { slug: 'admins', members: [{ login: 'acme-breakglass', role: 'maintainer' }] },
        { slug: 'payments-admins', members: [] },
        { slug: 'checkout-deployers', members: [{ login: 'ivan-acme', role: 'member' }, { login: 'ken-acme', role: 'member' }] },
        { slug: 'data-deployers', members: [{ login: 'mia-acme', role: 'member' }] },
      ],
      invitations: [{ id: 4242, login: 'heidi-acme', teams: ['payments-deployers'] }],
    },
  },
};

/**
 * Acme's Slack workspace: everyone by their work email (grace too, who has no GitHub login yet),
 * and the `@platform-oncall` handle still naming erin, whose platform shift ended at 07:00Z:
 * the demo plan moves it to frank, who took over (and adds grace, a static member).
 */
export const DEMO_SLACK: SlackSeed = {
  teamId: 'T0ACME0001',
  teamDomain: 'acme',
  users: [
    ...['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'ivan', 'judy', 'ken', 'leo', 'mia', 'mallory'].map((name) => ({
      id: `U0${name.toUpperCase().padEnd(7, '0')}1`,
      name,
      email: `${name}@acme.example`,
      realName: name[0]!.toUpperCase() + name.slice(1),
    })),
    { id: 'U0PAGERBOT1', name: 'pagerbot', isBot: true },
  ],
  usergroups: [{ id: 'S0PLATFORM1', handle: 'platform-oncall', name: 'Platform on call', description: 'Whoever carries the platform pager', users: ['U0ERIN0001'], dateUpdate: 1_795_417_200 }],
};

/**
 * Acme's Okta org: `prod-aws-oncall` (the group AWS IAM Identity Center turns into the production
 * permission set) holds erin, whose platform shift has just ended, and frank, on call now. grace,
 * who joined this week and has no GitHub login yet, is in Okta's directory already.
 */
export const DEMO_OKTA: Pick<OktaEmulatorOptions, 'users' | 'groups'> = {
  users: ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace', 'ivan', 'judy', 'ken', 'leo', 'mia'].map((name, i) => ({ id: `00u${name.padEnd(10, '0')}${String(i).padStart(7, '0')}`, login: `${name}@acme.example` })),
  groups: [{ id: '00gprodawsoncall0001', name: 'prod-aws-oncall', description: 'AWS IAM Identity Center: production permission set', members: ['00uerin0000000000004', '00ufrank000000000005'] }],
};
