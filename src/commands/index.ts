/**
 * The command table: each command's flags, help and exit codes, and the function that runs it.
 * A command's module is imported when it runs, so that `--version`, help and each command load
 * only what they use (octokit, pdjs and the renderers are most of the start-up time).
 */
import { EXIT, UserError, type Io } from '../io.js';
import { SOURCE_TYPES, type Adopt } from '../config/model.js';
import type { DoctorFormat } from './doctor.js';
import type { PlanFormat } from './reconcile.js';
import type { ReportFormat } from './report.js';
import type { TimelineFormat } from './timeline.js';
import type { ValidateFormat } from './validate.js';

/** One flag of a command. */
export interface Flag {
  type: 'string' | 'boolean';
  help: string;
  /** Shown in help: `--config PATH`. */
  valueName?: string;
  default?: string | boolean;
  /** When set, the value must be one of these. */
  choices?: readonly string[];
  multiple?: boolean;
}

/** A subcommand. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  description: string;
  flags: Record<string, Flag>;
  /** Positional arguments accepted, for help; absent when none are. */
  positionals?: string;
  exitCodes: [number, string][];
  run(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number>;
}

/** `--config`, shared by every command that reads a workspace. */
export const CONFIG_FLAG: Flag = { type: 'string', valueName: 'PATH', help: 'The Config file; other paths are relative to it.', default: 'oncall-access.yaml' };

const AT_FLAG: Flag = { type: 'string', valueName: 'ISO', help: 'Plan for this instant instead of now (ISO 8601 with Z or an offset).' };
const FORMAT_FLAG: Flag = { type: 'string', valueName: 'FORMAT', help: 'text, markdown (PR comments, job summaries) or json (the plan data).', default: 'text', choices: ['text', 'markdown', 'json'] };
/** The oldest saved plan `apply PLANFILE` accepts without --max-plan-age. */
const MAX_PLAN_AGE = '1h';
const MAX_REVOCATIONS_FLAG: Flag = { type: 'string', valueName: 'N', help: 'Allow up to N revocations this run, overriding guards.maxRevocations.' };

const GUARD_FLAGS: Record<string, Flag> = {
  'max-revocations': MAX_REVOCATIONS_FLAG,
  'max-revocation-share': { type: 'string', valueName: 'SHARE', help: 'Allow revoking up to this share (0 to 1) of a team\'s holders this run, overriding guards.maxRevocationShare.' },
  adopt: { type: 'string', valueName: 'HOW', help: 'Teams this tool has never applied to: keep-drift keeps members no profile wants (the default), remove-drift removes them this run.', choices: ['keep-drift', 'remove-drift'] },
  'allow-empty-rotations': { type: 'boolean', help: 'Allow revocations fed by rotations that had people on call at the last apply and have nobody now.', default: false },
  state: { type: 'string', valueName: 'DIR', help: 'Use this state directory instead of the config\'s paths.state.' },
  shard: { type: 'string', valueName: 'NAME', help: 'Run only the profiles of this shard of spec.shards (state in <paths.state>/NAME).' },
  profiles: { type: 'string', multiple: true, valueName: 'GLOB', help: 'Run only the profiles these globs select (name, or file when the glob has / or ends in .yaml; !GLOB excludes); repeatable; needs --state.' },
  journal: { type: 'string', valueName: 'FILE', help: 'The apply journal (changes in flight, for crash recovery) instead of journal.json in the state directory.' },
};

const reconcile = (v: Record<string, unknown>) => ({
  config: String(v.config),
  at: v.at as string | undefined,
  format: v.format as PlanFormat,
  maxRevocations: v['max-revocations'] as string | undefined,
  maxRevocationShare: v['max-revocation-share'] as string | undefined,
  allowEmptyRotations: Boolean(v['allow-empty-rotations']),
  adopt: v.adopt as Adopt | undefined,
  state: v.state as string | undefined,
  shard: v.shard as string | undefined,
  profiles: v.profiles as string[] | undefined,
  journal: v.journal as string | undefined,
});

/** Every command, in the order help lists them. */
export const COMMANDS: Command[] = [
  {
    name: 'init',
    summary: 'Scaffold a config repository: config, a first profile, identities, workflows, CODEOWNERS.',
    usage: '[--org ORG --source pagerduty|jsm|opsgenie|rotations --team SLUG --schedule ID|--members EMAILS] [--cloud-id ID] [--owners OWNERS] [--dir DIR] [--force]',
    description:
      'Writes oncall-access.yaml, a profile in profiles/ that gives the team to whoever is on call (15 minutes before the shift to 30 minutes after), identities.yaml, for built-in rotations a rotation in rotations/, and the plan and apply workflows in .github/workflows/; adds its lines to .gitignore and .github/CODEOWNERS. Every YAML file gets a $schema line resolved in node_modules/oncall-access. On a terminal it asks for what the flags leave out; otherwise --org, --source, --team and --schedule (pagerduty, jsm, opsgenie; jsm also --cloud-id) or --members (rotations) are required. Refuses to replace any file it writes unless --force. "validate" passes right after; "plan" needs the tokens the closing steps name.',
    flags: {
      org: { type: 'string', valueName: 'ORG', help: 'The GitHub organisation whose team is managed.' },
      source: { type: 'string', valueName: 'TYPE', help: 'Who knows who is on call: pagerduty, jsm (Jira Service Management Operations), opsgenie (its API ends on 2027-04-05), or rotations kept in the repository.', choices: SOURCE_TYPES },
      team: { type: 'string', valueName: 'SLUG', help: 'The first GitHub team to give to whoever is on call.' },
      schedule: { type: 'string', valueName: 'ID', help: 'pagerduty: the schedule ID; jsm, opsgenie: the schedule name or ID.' },
      'cloud-id': { type: 'string', valueName: 'ID', help: "jsm: the Atlassian site's cloud id (https://YOUR-SITE.atlassian.net/_edge/tenant_info shows it)." },
      members: { type: 'string', multiple: true, valueName: 'EMAILS', help: "rotations: the members' emails, in order; repeatable, or several separated by spaces or commas." },
      owners: { type: 'string', multiple: true, valueName: 'OWNERS', help: 'Who reviews access changes in CODEOWNERS: @org/team, @user or an email; repeatable (default: @ORG/oncall-access-admins).' },
      dir: { type: 'string', valueName: 'DIR', help: 'The repository root to write into; created when missing.', default: '.' },
      force: { type: 'boolean', help: 'Replace the files init writes when they exist.', default: false },
    },
    exitCodes: [
      [EXIT.ok, 'the workspace was written'],
      [EXIT.error, 'a missing or malformed answer, or files it would replace (then nothing was written)'],
    ],
    run: async (v, _p, io) =>
      (await import('./init.js')).runInit({ dir: String(v.dir), org: v.org as string | undefined, source: v.source as string | undefined, team: v.team as string | undefined, schedule: v.schedule as string | undefined, cloudId: v['cloud-id'] as string | undefined, members: v.members as string[] | undefined, owners: v.owners as string[] | undefined, force: Boolean(v.force) }, io),
  },
  {
    name: 'validate',
    summary: 'Check the config and every profile, rotation, identities and request file.',
    usage: '[--config PATH] [--format text|json|github]',
    description: 'Loads every file the config names and checks it against the schemas and the rules that span files, and the coming week\'s coverage of the rotations kept in git (spec.coverage.gaps). Reports every problem as file:line:col. Reads no API and writes nothing.',
    flags: {
      config: CONFIG_FLAG,
      format: { type: 'string', valueName: 'FORMAT', help: 'text, json, or github (workflow-command annotations).', default: 'text', choices: ['text', 'json', 'github'] },
    },
    exitCodes: [
      [EXIT.ok, 'valid (warnings allowed)'],
      [EXIT.error, 'any error'],
    ],
    run: async (v, _p, io) => (await import('./validate.js')).runValidate({ config: String(v.config), format: v.format as ValidateFormat }, io),
  },
  {
    name: 'doctor',
    summary: 'Check that every source and target is reachable with its token, and that the token may do what the config needs.',
    usage: '[--config PATH] [--format text|json]',
    description:
      'For every source and target in the config: the token variable (and the email variable of a jsm source) is set, the API answers with it, and it may read what the config needs (PagerDuty: each bound schedule and escalation policy; JSM Operations and Opsgenie: each bound schedule; GitHub: the organisation, every managed team and repository, the SAML identities or verified emails when the config resolves people through them). For GitHub it also checks what apply will write with: a classic token must have admin:org (and repo for repositories); a GitHub App or fine-grained token does not list its permissions, so that line says unverified. One line per check: ok, missing (what to grant or set, and where) or unverified. Read-only like plan: the HTTP layer refuses any request that could write. Tokens are never printed.',
    flags: {
      config: CONFIG_FLAG,
      format: { type: 'string', valueName: 'FORMAT', help: 'text (one line per check) or json.', default: 'text', choices: ['text', 'json'] },
    },
    exitCodes: [
      [EXIT.ok, 'nothing the config needs is missing (unverified lines allowed)'],
      [EXIT.error, 'something is missing, or the config is invalid'],
    ],
    run: async (v, _p, io) => (await import('./doctor.js')).runDoctor({ config: String(v.config), format: v.format as DoctorFormat }, io),
  },
  {
    name: 'plan',
    summary: 'Show the grants and revocations that would make access match the profiles.',
    usage: '[--config PATH] [--at ISO] [--format text|markdown|json] [--out FILE] [--detailed-exitcode]',
    description:
      'Validates, then reads who is on call and who holds each managed team, and prints the plan. It also reads a week ahead: the Markdown plan ends with a chart of who holds what over the next 24 hours (the JSON has its data), and a rotation that leaves nobody with access for a stretch of the next 7 days is a warning (an error with spec.coverage.gaps: error). Read-only: the HTTP layer refuses any request that could write.',
    flags: {
      config: CONFIG_FLAG,
      at: AT_FLAG,
      format: FORMAT_FLAG,
      out: { type: 'string', valueName: 'FILE', help: 'Also write the plan as JSON to FILE.' },
      'detailed-exitcode': { type: 'boolean', help: 'Exit 2 when the plan has changes.', default: false },
      ...GUARD_FLAGS,
    },
    exitCodes: [
      [EXIT.ok, 'success (with --detailed-exitcode: no changes)'],
      [EXIT.error, 'any error: invalid config, a source or team that could not be read, a guard refusal'],
      [EXIT.changes, 'with --detailed-exitcode: success, and there are changes'],
    ],
    run: async (v, _p, io) => (await import('./reconcile.js')).runPlan({ ...reconcile(v), out: v.out as string | undefined, detailedExitcode: Boolean(v['detailed-exitcode']) }, io),
  },
  {
    name: 'apply',
    summary: 'Plan (or take a saved plan), then make the changes.',
    usage: '[PLANFILE] [--config PATH] [--yes] [--concurrency N] [--max-plan-age DURATION] [--journal FILE] [--checkpoint COMMAND] [--format text|markdown|json]',
    description:
      'Computes a fresh plan, or reads PLANFILE (from "plan --out"), and prints it. A saved plan older than --max-plan-age or made from other config files is refused, and each of its changes is re-checked against GitHub first: a change whose world moved on is skipped and reported, never forced. Without --yes it asks for confirmation on an interactive terminal and refuses otherwise. A plan refused by a guard or invalid config applies nothing; a source that could not be read freezes only the teams it feeds. Before the first change is sent every change is written to the journal (and --checkpoint runs, e.g. to push it); as each change finishes its audit line is appended to audit.jsonl and the grant ledger is updated. An apply that finds changes left in the journal by an interrupted run first checks each against the target and records it.',
    positionals: 'PLANFILE',
    flags: {
      config: CONFIG_FLAG,
      yes: { type: 'boolean', help: 'Apply without asking.', default: false },
      concurrency: { type: 'string', valueName: 'N', help: 'Changes in flight at once.', default: '4' },
      // No `default`: a value given without PLANFILE is refused, so the flag must show whether it was given.
      'max-plan-age': { type: 'string', valueName: 'DURATION', help: `Refuse PLANFILE if it is older than this (default: ${MAX_PLAN_AGE}); only with PLANFILE.` },
      checkpoint: { type: 'string', valueName: 'COMMAND', help: 'Run this shell command after the changes are journaled and before the first is sent (e.g. commit and push the journal); if it fails nothing is changed.' },
      results: { type: 'string', valueName: 'FILE', help: 'Also write what was applied, failed, skipped and refused to FILE as JSON, once a plan is applied.' },
      at: AT_FLAG,
      format: FORMAT_FLAG,
      ...GUARD_FLAGS,
    },
    exitCodes: [
      [EXIT.ok, 'every change applied (or none was needed)'],
      [EXIT.error, 'any change failed, the plan was refused, or a read failed'],
    ],
    run: async (v, p, io) => {
      if (p.length > 1) throw new UserError('apply takes at most one plan file');
      if (v['max-plan-age'] !== undefined && p.length === 0) throw new UserError('--max-plan-age only applies to a saved plan (apply PLANFILE --max-plan-age DURATION); without PLANFILE apply makes a fresh plan, which has no age');
      return (await import('./reconcile.js')).runApply({ ...reconcile(v), yes: Boolean(v.yes), concurrency: String(v.concurrency), maxPlanAge: String(v['max-plan-age'] ?? MAX_PLAN_AGE), checkpoint: v.checkpoint as string | undefined, results: v.results as string | undefined, planFile: p[0] }, io);
    },
  },
  {
    name: 'explain',
    summary: 'Explain one person\'s access: what they should hold and why, what they hold, the differences.',
    usage: 'SUBJECT [--config PATH] [--at ISO] [--format text|json]',
    description:
      'SUBJECT is an email or a GitHub login. Shows every managed team the person should hold at the instant and why (profile, rotation, shift, static member), what they hold now, and the changes a plan would make. With --at in the past, the audit log (state/audit.jsonl) also answers what oncall-access had granted them then, and why. Read-only.',
    positionals: 'SUBJECT',
    flags: {
      config: CONFIG_FLAG,
      at: AT_FLAG,
      format: { type: 'string', valueName: 'FORMAT', help: 'text or json.', default: 'text', choices: ['text', 'json'] },
      state: GUARD_FLAGS.state!,
    },
    exitCodes: [
      [EXIT.ok, 'success'],
      [EXIT.error, 'any error, including a source or team that could not be read'],
    ],
    run: async (v, p, io) => {
      if (p.length !== 1) throw new UserError('explain takes one SUBJECT: an email or a GitHub login');
      return (await import('./explain.js')).runExplain({ config: String(v.config), subject: p[0]!, at: v.at as string | undefined, format: v.format as 'text' | 'json', state: v.state as string | undefined }, io);
    },
  },
  {
    name: 'request',
    summary: 'Write a time-boxed access request for a requestable profile.',
    usage: 'PROFILE --for DURATION --reason TEXT [--subject EMAIL|LOGIN] [--open-pr [--repo OWNER/NAME]] [--config PATH]',
    description:
      'Checks that the request would be granted (the subject is on call in one of the profile\'s rotations or is one of its members, the duration is within its maxRequestDuration, the subject resolves to a GitHub login), then writes requests/<profile>-<subject>-<instant>.yaml. Open a pull request with it: the plan on the pull request checks it again, including that the pull request\'s author is the subject or an approver; once merged, apply grants it until the request expires. Reads no target and writes nothing else.',
    positionals: 'PROFILE',
    flags: {
      config: CONFIG_FLAG,
      for: { type: 'string', valueName: 'DURATION', help: 'How long access is needed, e.g. 2h (at most the profile\'s maxRequestDuration).' },
      reason: { type: 'string', valueName: 'TEXT', help: 'Why: an incident or ticket. Shown in the plan and the audit log.' },
      subject: { type: 'string', valueName: 'EMAIL|LOGIN', help: 'Who gets access (default: git config user.email).' },
      at: { ...AT_FLAG, help: 'Date the request at this instant instead of now.' },
      'open-pr': { type: 'boolean', help: 'Also open a pull request with the file (branch, commit, PR) through the GitHub API, with the GitHub target\'s token.', default: false },
      repo: { type: 'string', valueName: 'OWNER/NAME', help: 'The repository holding the config, for --open-pr (default: GITHUB_REPOSITORY).' },
    },
    exitCodes: [
      [EXIT.ok, 'the request file was written'],
      [EXIT.error, 'the request is not eligible, or any other error; nothing was written'],
    ],
    run: async (v, p, io) => {
      if (p.length !== 1) throw new UserError('request takes one PROFILE');
      if (v.for === undefined || v.reason === undefined) throw new UserError('request needs --for DURATION and --reason TEXT');
      return (await import('./request.js')).runRequest({ config: String(v.config), profile: p[0]!, for: String(v.for), reason: String(v.reason), subject: v.subject as string | undefined, at: v.at as string | undefined, openPr: Boolean(v['open-pr']), repo: v.repo as string | undefined }, io);
    },
  },
  {
    name: 'prune-requests',
    summary: 'Remove request files that expired long ago.',
    usage: '[--older-than 30d] [--dry-run] [--config PATH]',
    description: 'Expired requests stay in the repository as history until they are older than --older-than; git history keeps them after that.',
    flags: {
      config: CONFIG_FLAG,
      'older-than': { type: 'string', valueName: 'DURATION', help: 'Remove requests that expired more than this long ago.', default: '30d' },
      'dry-run': { type: 'boolean', help: 'Only list what would be removed.', default: false },
    },
    exitCodes: [
      [EXIT.ok, 'success'],
      [EXIT.error, 'any error'],
    ],
    run: async (v, _p, io) => (await import('./request.js')).runPruneRequests({ config: String(v.config), olderThan: String(v['older-than']), dryRun: Boolean(v['dry-run']) }, io),
  },
  {
    name: 'timeline',
    summary: 'List upcoming grants and revocations, in order, across all profiles.',
    usage: '[--config PATH] [--from ISO] [--hours N] [--time-zone TZ] [--format text|markdown|json|mermaid]',
    description: 'Reads who will be on call and lists when access changes: each grant and revocation that shift boundaries (widened by the windows) will cause. With --format mermaid, draws who holds each team and repository when instead, as a Mermaid gantt chart (shifts, the windows around them, requests and static members told apart; problems go to stderr). Read-only. Check it before a handoff.',
    flags: {
      config: CONFIG_FLAG,
      from: { type: 'string', valueName: 'ISO', help: 'Start here instead of now.' },
      hours: { type: 'string', valueName: 'N', help: 'How many hours to look ahead (at most 2160).', default: '24' },
      'time-zone': { type: 'string', valueName: 'TZ', help: 'IANA time zone to show instants in.', default: 'UTC' },
      format: { ...FORMAT_FLAG, help: 'text, markdown, json, or mermaid (a gantt chart of who holds what when).', choices: ['text', 'markdown', 'json', 'mermaid'] },
    },
    exitCodes: [
      [EXIT.ok, 'success'],
      [EXIT.error, 'any error, including a source that could not be read'],
    ],
    run: async (v, _p, io) => (await import('./timeline.js')).runTimeline({ config: String(v.config), from: v.from as string | undefined, hours: String(v.hours), format: v.format as TimelineFormat, timeZone: String(v['time-zone']) }, io),
  },
  {
    name: 'report',
    summary: 'Access review report for a period: who held what, when, for how long and why; late revocations, drift, policy changes.',
    usage: '--from DATE --to DATE [--config PATH] [--format markdown|csv|json] [--state DIR] [--grace DURATION] [--live]',
    description:
      'Builds the report of the period [--from, --to) from the audit log (state/audit.jsonl) and the git history of the config\'s directory: per team or repository every holding (start, end, hours, reasons), revocations later than the holding\'s until plus --grace, holdings removed as drift (made outside the tool), access requests approved, the longest gap between apply runs, and the commits that changed the config, profiles, rotations, requests or identities. DATE is YYYY-MM-DD (midnight UTC) or an ISO instant. Read-only: without --live it calls no API, and it never writes. Markdown is for a GitHub issue or job summary; CSV has one row per holding; JSON is the data (formatVersion 1).',
    flags: {
      config: CONFIG_FLAG,
      from: { type: 'string', valueName: 'DATE', help: 'Start of the period (included): YYYY-MM-DD (midnight UTC) or an ISO instant.' },
      to: { type: 'string', valueName: 'DATE', help: 'End of the period (excluded): YYYY-MM-DD (midnight UTC) or an ISO instant.' },
      format: { type: 'string', valueName: 'FORMAT', help: 'markdown (an issue or job summary), csv (one row per holding) or json (the report data).', default: 'markdown', choices: ['markdown', 'csv', 'json'] },
      state: GUARD_FLAGS.state!,
      grace: { type: 'string', valueName: 'DURATION', help: 'A revocation up to this long after the holding\'s until is on time (scheduled applies run late).', default: '30m' },
      live: {
        type: 'boolean',
        help: 'Also read from the APIs (reads only): who holds each managed team or repository now, marking access the audit log does not show oncall-access granting, and the pull request and approvers of each policy commit (the config repository is GITHUB_REPOSITORY, read with the first GitHub target\'s token).',
        default: false,
      },
    },
    exitCodes: [
      [EXIT.ok, 'the report was printed'],
      [EXIT.error, 'bad input: a missing or invalid date, --from not before --to, an invalid config, an unreadable audit line; with --live, a team or repository that could not be read'],
    ],
    run: async (v, _p, io) => (await import('./report.js')).runReport({ config: String(v.config), from: v.from as string | undefined, to: v.to as string | undefined, format: v.format as ReportFormat, state: v.state as string | undefined, grace: String(v.grace), live: v.live === true }, io),
  },
  {
    name: 'codeowners',
    summary: 'Print CODEOWNERS lines that put the access policy under its owners\' review.',
    usage: '--owners OWNERS [--owners OWNERS ...] [--config PATH]',
    description:
      'Prints CODEOWNERS lines, relative to the root of the git repository holding the config (or the config\'s directory outside git), that give .github/ (the workflows that plan and apply, and CODEOWNERS itself), the profiles folder, the rotations folder, the identities file, the config file and the state folder to --owners: with "Require review from Code Owners" on the default branch, no pull request changes policy or the ledger without their review. Request file names are chosen by whoever files them, so a pattern per profile would protect nothing: the requests folder gets one line, owned by the owners and every approver of a requestable profile when all of them need a review (a pull request adding a request then always needs one), and by nobody when a profile approves requests automatically (approval: auto), which an owner would otherwise hold for review. This is defence in depth: the plan on the pull request does its own checks. Reads no API and writes nothing; add the lines at the end of .github/CODEOWNERS.',
    flags: {
      config: CONFIG_FLAG,
      owners: { type: 'string', multiple: true, valueName: 'OWNERS', help: 'Who owns the access policy: @org/team, @user or an email; repeatable, or several separated by spaces.' },
    },
    exitCodes: [
      [EXIT.ok, 'the lines were printed'],
      [EXIT.error, 'bad input: no --owners or a malformed one, an invalid config, a path outside the repository or one CODEOWNERS cannot name'],
    ],
    run: async (v, _p, io) => (await import('./codeowners.js')).runCodeowners({ config: String(v.config), owners: (v.owners as string[] | undefined) ?? [] }, io),
  },
];
