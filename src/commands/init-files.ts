/**
 * What `oncall-access init` writes, as plain text from the answers: the config, one profile,
 * the identities file, a rotation for built-in rotations, the `.gitignore` lines, and the two
 * workflows from their templates in `templates/` with only the source's key. Pure; CODEOWNERS
 * comes from the codeowners command.
 *
 * Every file sits where the config's default `spec.paths` look for it, so the config needs no
 * `paths`, and every YAML file starts with a `$schema` line that editors resolve in the package
 * installed next to it (`node_modules/oncall-access/schemas/`).
 */
import { posix } from 'node:path';
import { stringify } from 'yaml';
import type { SourceType } from '../config/model.js';

/** Everything init needs, checked: each value already matches its format in the schemas. */
export interface Answers {
  /** The GitHub organisation whose team is managed. */
  org: string;
  source: SourceType;
  /** The slug of the first team to manage. */
  team: string;
  /** PagerDuty schedule ID, or Opsgenie or JSM schedule name or ID; only for those sources. */
  schedule?: string;
  /** The Atlassian site's cloud id; only for `jsm`. */
  cloudId?: string;
  /** Emails of the built-in rotation's members, in order; only for `rotations`. */
  members?: string[];
}

/** A file to write: its path relative to the repository root (with `/`), and its text. */
export interface ScaffoldFile {
  path: string;
  text: string;
}

/** The config file's path, relative to the repository root. */
export const CONFIG_FILE = 'oncall-access.yaml';

/** The environment variable each source type reads its token from, as the workflows pass it. */
export const TOKEN_ENV: Record<SourceType, string | undefined> = { pagerduty: 'PAGERDUTY_TOKEN', jsm: 'ATLASSIAN_API_TOKEN', opsgenie: 'OPSGENIE_API_KEY', rotations: undefined };

/** The environment variable a jsm source reads the Atlassian account's email from (its `emailEnv`), as the workflows pass it. */
export const JSM_EMAIL_ENV = 'ATLASSIAN_EMAIL';

/** The environment variable the GitHub target reads its token from (the Action's token-env default). */
export const GITHUB_TOKEN_ENV = 'GITHUB_TOKEN';

/** The lines init puts in `.gitignore`. */
export const GITIGNORE = [
  '# oncall-access: the installed tool, and what an apply leaves in the state directory while it',
  '# runs (its lock) or when it is killed (half-written files). The rest of state/ is committed.',
  'node_modules/',
  'state/.apply.lock',
  'state/*.tmp',
];

/** A scalar as YAML writes it: quoted only when it would otherwise read as something else (`true`, `123`). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The `$schema` line of a file at `path`, pointing into the installed package. */
function schemaLine(path: string, schema: string): string {
  return `# yaml-language-server: $schema=${posix.relative(posix.dirname(path), `node_modules/oncall-access/schemas/${schema}`)}`;
}

/** `team` as a name (lowercase letters, digits, dashes) short enough for a suffix. */
function baseName(team: string): string {
  return team.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 50).replace(/^-+|-+$/g, '');
}

/** The Monday at 09:00 UTC on or before `now`, as a wall time: when the scaffolded rotation starts. */
function lastMondayNine(now: Date): string {
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7), 9));
  if (monday > now) monday.setUTCDate(monday.getUTCDate() - 7);
  return monday.toISOString().slice(0, 16);
}

function configFile(a: Answers): ScaffoldFile {
  const source: Record<SourceType, string[]> = {
    pagerduty: [
      '    # Who is on call: PagerDuty. Profiles bind its schedules with `source: pagerduty`.',
      '    pagerduty:',
      '      type: pagerduty',
      '      # The environment variable holding a read-only PagerDuty REST API key (never the key',
      '      # itself). For an account in the EU service region add apiUrl: https://api.eu.pagerduty.com',
      `      tokenEnv: ${TOKEN_ENV.pagerduty}`,
    ],
    jsm: [
      '    # Who is on call: Jira Service Management Operations. Profiles bind its schedules with',
      '    # `source: jsm`.',
      '    jsm:',
      '      type: jsm',
      `      cloudId: ${scalar(a.cloudId ?? '')}`,
      '      # The environment variables holding the email of an Atlassian account and its API token',
      '      # (never the token itself), a token with the scopes read:ops-config:jira-service-management',
      "      # and read:jira-user.",
      `      emailEnv: ${JSM_EMAIL_ENV}`,
      `      tokenEnv: ${TOKEN_ENV.jsm}`,
    ],
    opsgenie: [
      '    # Who is on call: Opsgenie. Profiles bind its schedules with `source: opsgenie`.',
      '    opsgenie:',
      '      type: opsgenie',
      '      # The environment variable holding an Opsgenie API key with read access (never the key',
      '      # itself). For an account in the EU instance add apiUrl: https://api.eu.opsgenie.com',
      `      tokenEnv: ${TOKEN_ENV.opsgenie}`,
    ],
    rotations: [
      '    # Who is on call: rotations kept in this repository (rotations/). Profiles bind them with',
      '    # `source: rotations`.',
      '    rotations:',
      '      type: rotations',
    ],
  };
  return {
    path: CONFIG_FILE,
    text: [
      schemaLine(CONFIG_FILE, 'config.schema.json'),
      '# The oncall-access configuration, written by `oncall-access init`. Check every file with',
      '# `npx oncall-access validate`, see what would change with `npx oncall-access plan`.',
      '# Profiles live in profiles/, built-in rotations in rotations/, access requests in',
      '# requests/, and the state apply keeps (commit it) in state/: the defaults of spec.paths.',
      'apiVersion: oncall-access/v1',
      'kind: Config',
      'spec:',
      '  sources:',
      ...source[a.source],
      '  targets:',
      '    github:',
      '      type: github',
      `      org: ${scalar(a.org)}`,
      '      # The environment variable holding the GitHub token; the workflows put their App',
      '      # installation token there. For GitHub Enterprise Server add apiUrl: https://HOST/api/v3',
      `      tokenEnv: ${GITHUB_TOKEN_ENV}`,
      '  identities:',
      '    # How an on-call email becomes a GitHub login: identities.yaml. Add saml or verifiedEmail',
      '    # to also ask the organisation.',
      '    resolve: [file]',
      '  guards:',
      '    # Refuse a run that would revoke more holdings than this at once: a safety net while',
      '    # you check the first plans. Raise it as you add teams.',
      '    maxRevocations: 5',
      '    # GitHub logins that are never revoked, such as break-glass admins.',
      '    protectedAccounts: []',
      '',
    ].join('\n'),
  };
}

function profileFile(a: Answers): ScaffoldFile {
  const base = baseName(a.team);
  const path = `profiles/${a.team}.yaml`;
  const binding =
    a.source === 'rotations'
      ? ['    # The built-in rotation in rotations/ whose member on call holds the team.', '    - source: rotations', `      rotation: ${base}-primary`]
      : a.source === 'pagerduty'
        ? ['    # The PagerDuty schedule whose on-call person holds the team: its ID, the last part of its', '    # URL. Bind an escalation policy instead with escalationPolicy: ID (and levels: [1]).', '    - source: pagerduty', `      schedule: ${scalar(a.schedule!)}`]
        : a.source === 'jsm'
          ? ['    # The JSM Operations schedule whose on-call person holds the team: its name or ID.', '    - source: jsm', `      schedule: ${scalar(a.schedule!)}`]
          : ['    # The Opsgenie schedule whose on-call person holds the team: its name or ID.', '    - source: opsgenie', `      schedule: ${scalar(a.schedule!)}`];
  return {
    path,
    text: [
      schemaLine(path, 'access-profile.schema.json'),
      `# Whoever is on call holds the GitHub team ${a.org}/${a.team}`,
      '# during their shift, from 15 minutes before it starts to 30 minutes after it ends.',
      '# Add profiles as more files in profiles/.',
      'apiVersion: oncall-access/v1',
      'kind: AccessProfile',
      'metadata:',
      `  name: ${base}-oncall`,
      `  description: ${scalar(`Membership of ${a.team} for whoever is on call.`)}`,
      'spec:',
      '  mode: auto',
      '  rotations:',
      ...binding,
      '  window:',
      '    before: 15m',
      '    after: 30m',
      '  # Emails of people who hold the team whoever is on call, such as its leads.',
      '  members: []',
      '  entitlements:',
      '    - target: github',
      `      team: ${scalar(a.team)}`,
      '      role: member',
      '      # exclusive: members that no profile wants are removed, so the team is whoever is on',
      '      # call plus the members above. additive removes only what oncall-access granted.',
      '      # Read the first plan before the first apply.',
      '      membership: exclusive',
      '',
    ].join('\n'),
  };
}

function identitiesFile(): ScaffoldFile {
  const path = 'identities.yaml';
  return {
    path,
    text: [
      schemaLine(path, 'identities.schema.json'),
      '# Who is who: the email the on-call source knows a person by, and their GitHub login. Someone',
      '# on call who is not listed here gets no access (the plan says so). One entry per person:',
      '#   identities:',
      '#     - email: alice@example.com',
      '#       github: alice',
      'apiVersion: oncall-access/v1',
      'kind: Identities',
      'spec:',
      '  identities: []',
      '',
    ].join('\n'),
  };
}

function rotationFile(a: Answers, now: Date): ScaffoldFile {
  const name = `${baseName(a.team)}-primary`;
  const path = `rotations/${name}.yaml`;
  return {
    path,
    text: [
      schemaLine(path, 'rotation.schema.json'),
      '# An on-call rotation kept in git: the members take turns, one shift each, in this order.',
      '# Set the time zone of the handoff, the shift length and when the first shift started; add',
      '# overrides when someone covers for someone else.',
      'apiVersion: oncall-access/v1',
      'kind: Rotation',
      'metadata:',
      `  name: ${name}`,
      `  description: ${scalar(`Primary on-call for ${a.team}.`)}`,
      'spec:',
      '  timeZone: UTC',
      '  shiftLength: 1w',
      `  firstHandoff: ${lastMondayNine(now)}`,
      '  members:',
      ...a.members!.map((m) => `    - ${scalar(m)}`),
      '',
    ].join('\n'),
  };
}

/** The YAML files of a new workspace, config first; `now` dates a built-in rotation's first handoff. */
export function scaffoldFiles(a: Answers, now: Date): ScaffoldFile[] {
  return [configFile(a), profileFile(a), identitiesFile(), ...(a.source === 'rotations' ? [rotationFile(a, now)] : [])];
}

/** A step's `env:` block, its comments, and the keys it passes from secrets: the templates' source keys. */
const SECRET_ENV_BLOCK = /^( +)env:\n(?:\1 {2}#.*\n)*(?:\1 {2}[A-Z_]+: \$\{\{ secrets\.[A-Z_]+ \}\}\n)+/gm;

/**
 * A workflow template as init writes it for `source`: the steps pass only the key that source
 * reads (`TOKEN_ENV`, and for jsm the account's email), and a step left with none loses its `env:` block, so no job is handed a
 * secret the config never uses. The rest of the template is kept as written, comments included.
 */
export function workflowFor(template: string, source: SourceType): string {
  const dropped = [...Object.entries(TOKEN_ENV).flatMap(([type, name]) => (type === source || name === undefined ? [] : [`${name}: `])), ...(source === 'jsm' ? [] : [`${JSM_EMAIL_ENV}: `])];
  return template.replace(SECRET_ENV_BLOCK, (block) => {
    const lines = block.split('\n').filter((line) => !dropped.some((d) => line.trimStart().startsWith(d)));
    return lines.some((line) => /^ +[A-Z_]+: /.test(line)) ? lines.join('\n') : '';
  });
}
