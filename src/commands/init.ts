/**
 * `oncall-access init`: scaffolds a config repository for a first team, from flags or, on a
 * terminal, by asking for what the flags leave out. Writes the config, one profile,
 * identities.yaml (and a rotation for built-in rotations), the plan and apply workflows, and
 * adds its lines to `.gitignore` and `.github/CODEOWNERS`. The result validates as it is;
 * planning needs the tokens, which the closing steps name.
 *
 * Files it writes are never replaced without `--force`: when any exists, it lists them and
 * writes nothing. `.gitignore` and CODEOWNERS are shared with the rest of the repository, so
 * they are only added to, and only when their rules are not there yet.
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { FORMATS } from '../config/formats.js';
import { loadWorkspace } from '../config/load.js';
import { SOURCE_TYPES, type SourceType } from '../config/model.js';
import { formatDiagnostic, sortDiagnostics } from '../core/diagnostics.js';
import { EXIT, UserError, type Io } from '../io.js';
import { codeownersRules, parseOwners } from './codeowners.js';
import { CONFIG_FILE, GITHUB_TOKEN_ENV, GITIGNORE, JSM_EMAIL_ENV, scaffoldFiles, TOKEN_ENV, workflowFor, type Answers, type ScaffoldFile } from './init-files.js';

/** The workflows init writes, from the package's `templates/workflows/` (with only the source's key). */
export const WORKFLOW_TEMPLATES = fileURLToPath(new URL('../../templates/workflows/', import.meta.url));
const WORKFLOWS = ['oncall-access-plan.yml', 'oncall-access-apply.yml'];
const CODEOWNERS = '.github/CODEOWNERS';

/** Options of `init`, as given on the command line; what is missing is asked for on a terminal. */
export interface InitOptions {
  /** The repository root to write into, relative to the working directory. */
  dir: string;
  org?: string;
  source?: string;
  team?: string;
  schedule?: string;
  /** `--cloud-id`: the Atlassian site of a jsm source. */
  cloudId?: string;
  /** `--members` as given: each value one or more emails separated by spaces or commas. */
  members?: string[];
  /** `--owners` as given, as `codeowners` takes them. */
  owners?: string[];
  /** Replace the files init writes when they exist. */
  force: boolean;
}

/** Questions to a person at a terminal. `ask` resolves undefined once the input has ended. */
export interface Prompt {
  ask(question: string): Promise<string | undefined>;
  close(): void;
}

/** A {@link Prompt} that writes questions to `output` and reads answers, a line each, from `input`. */
export function terminalPrompt(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompt {
  const rl = createInterface({ input, output });
  let ended = false;
  const closed = new Promise<undefined>((done) =>
    rl.once('close', () => {
      ended = true;
      done(undefined);
    }),
  );
  return {
    ask: (question) => (ended ? closed : Promise.race([closed, rl.question(question)])),
    close: () => rl.close(),
  };
}

/** One value init needs: its flag, the question asking for it, and how an answer is read. */
interface Need<T> {
  flag: string;
  question: string;
  /** The value in `text`; throws a {@link UserError} saying what was expected. */
  read(text: string): T;
}

function formatted(flag: string, question: string, format: string): Need<string> {
  const f = FORMATS[format]!;
  return {
    flag,
    question,
    read: (text) => {
      if (!f.validate(text)) throw new UserError(`expected ${f.expected}; got ${JSON.stringify(text)}`);
      return text;
    },
  };
}

const ORG = formatted('org', 'GitHub organisation', 'oncall-access-login');
const TEAM = formatted('team', 'First GitHub team to manage (its slug)', 'oncall-access-slug');
const SCHEDULE: Record<Exclude<SourceType, 'rotations'>, Need<string>> = {
  pagerduty: formatted('schedule', 'PagerDuty schedule ID (the last part of its URL)', 'oncall-access-external-id'),
  jsm: formatted('schedule', 'JSM Operations schedule name or ID', 'oncall-access-external-id'),
  opsgenie: formatted('schedule', 'Opsgenie schedule name or ID', 'oncall-access-external-id'),
};
const CLOUD_ID = formatted('cloud-id', "The Atlassian site's cloud id (https://YOUR-SITE.atlassian.net/_edge/tenant_info shows it)", 'oncall-access-cloud-id');
const SOURCE: Need<SourceType> = {
  flag: 'source',
  question: `Who knows who is on call (${SOURCE_TYPES.join(', ')})`,
  read: (text) => {
    const type = SOURCE_TYPES.find((s) => s === text);
    if (type === undefined) throw new UserError(`expected one of ${SOURCE_TYPES.join(', ')}; got ${JSON.stringify(text)}`);
    return type;
  },
};
const MEMBERS: Need<string[]> = {
  flag: 'members',
  question: "Emails of the rotation's members, in order (separated by spaces)",
  read: (text) => {
    const emails = text.split(/[\s,]+/).filter(Boolean);
    const bad = emails.find((e) => !FORMATS.email!.validate(e));
    if (bad !== undefined || emails.length === 0) throw new UserError(`expected ${FORMATS.email!.expected}; got ${JSON.stringify(bad ?? text)}`);
    return emails;
  },
};
const OWNERS: Need<string[]> = { flag: 'owners', question: 'Who reviews changes to access, for CODEOWNERS (@org/team, @user or emails)', read: (text) => parseOwners([text]) };

/** The flags a run without a terminal lacks, from what the flags already say. */
function missingFlags(opts: InitOptions): string[] {
  const needed: (keyof InitOptions)[] = ['org', 'source', 'team'];
  if (opts.source === 'rotations') needed.push('members');
  else if (opts.source !== undefined) needed.push('schedule');
  if (opts.source === 'jsm') needed.push('cloudId');
  return needed.filter((f) => opts[f] === undefined).map((f) => (f === 'cloudId' ? '--cloud-id' : `--${f}`));
}

/**
 * Every answer, from the flags, and on a terminal from questions for those not given. A
 * malformed flag is an error before anything is asked; a flag for another source, as soon as
 * the source is known.
 */
async function gather(opts: InitOptions, io: Io, openPrompt: () => Prompt): Promise<Answers & { owners: string[] }> {
  if (!io.stdinIsTTY) {
    const missing = missingFlags(opts);
    if (missing.length > 0) {
      throw new UserError(
        `missing ${missing.join(', ')}; on a terminal init asks for them. For example: oncall-access init --org acme --source pagerduty --schedule P1ABCDE --team payments-oncall, or --source rotations --members "alice@acme.example bob@acme.example"`,
      );
    }
  }
  const fromFlag = <T>(need: Need<T>, value: string | undefined): T | undefined => {
    try {
      return value === undefined ? undefined : need.read(value.trim());
    } catch (e) {
      if (!(e instanceof UserError) || e.message.startsWith(`--${need.flag} `)) throw e;
      throw new UserError(`--${need.flag}: ${e.message}`);
    }
  };
  const given = {
    org: fromFlag(ORG, opts.org),
    source: fromFlag(SOURCE, opts.source),
    team: fromFlag(TEAM, opts.team),
    members: fromFlag(MEMBERS, opts.members?.join(' ')),
    owners: fromFlag(OWNERS, opts.owners?.join(' ')),
  };
  let prompt: Prompt | undefined;
  const ask = async <T>(need: Need<T>, fallback?: string): Promise<T> => {
    prompt ??= openPrompt();
    for (;;) {
      const answer = await prompt.ask(`${need.question}${fallback === undefined ? '' : ` [${fallback}]`}: `);
      if (answer === undefined) throw new UserError(`no answer for --${need.flag}: nothing was written`);
      const text = answer.trim() || fallback;
      if (text === undefined) continue;
      try {
        return need.read(text);
      } catch (e) {
        if (!(e instanceof UserError)) throw e;
        io.stderr.write(`  ${e.message}\n`);
      }
    }
  };
  try {
    const org = given.org ?? (await ask(ORG));
    const source = given.source ?? (await ask(SOURCE));
    if (source === 'rotations' && opts.schedule !== undefined) throw new UserError('--schedule is for a pagerduty, jsm or opsgenie source; a rotations source takes --members');
    if (source !== 'rotations' && opts.members !== undefined) throw new UserError(`--members is for a rotations source; ${source} takes --schedule`);
    if (source !== 'jsm' && opts.cloudId !== undefined) throw new UserError(`--cloud-id is for a jsm source (Jira Service Management Operations); ${source} does not use it`);
    const team = given.team ?? (await ask(TEAM));
    const schedule = source === 'rotations' ? undefined : (fromFlag(SCHEDULE[source], opts.schedule) ?? (await ask(SCHEDULE[source])));
    const cloudId = source === 'jsm' ? (fromFlag(CLOUD_ID, opts.cloudId) ?? (await ask(CLOUD_ID))) : undefined;
    const members = source === 'rotations' ? (given.members ?? (await ask(MEMBERS))) : undefined;
    const defaultOwners = `@${org}/oncall-access-admins`;
    const owners = given.owners ?? (io.stdinIsTTY ? await ask(OWNERS, defaultOwners) : [defaultOwners]);
    return { org, source, team, ...(schedule === undefined ? {} : { schedule }), ...(cloudId === undefined ? {} : { cloudId }), ...(members === undefined ? {} : { members }), owners };
  } finally {
    prompt?.close();
  }
}

/** Writes `text` at `path` under `dir`, creating folders; a file system error is a {@link UserError}. */
function write(dir: string, path: string, text: string, how: 'replace' | 'append' = 'replace'): void {
  const abs = join(dir, path);
  try {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text, { flag: how === 'append' ? 'a' : 'w' });
  } catch (e) {
    throw new UserError(`cannot write ${abs}: ${(e as Error).message}`);
  }
}

/**
 * Adds `lines` to the shared file at `path` under `dir` unless every rule among them (the lines
 * that are not comments) is in it already. Says what it did.
 */
function addLines(dir: string, path: string, lines: readonly string[]): 'written' | 'added to' | 'unchanged' {
  const abs = join(dir, path);
  if (!existsSync(abs)) {
    write(dir, path, `${lines.join('\n')}\n`);
    return 'written';
  }
  const text = readFileSync(abs, 'utf8');
  const have = new Set(text.split(/\r?\n/).map((l) => l.trim()));
  if (lines.every((l) => l.startsWith('#') || have.has(l))) return 'unchanged';
  write(dir, path, `${text === '' || text.endsWith('\n') ? '' : '\n'}\n${lines.join('\n')}\n`, 'append');
  return 'added to';
}

/** What each source's token is, for the closing advice. */
const SOURCE_KEY: Record<Exclude<SourceType, 'rotations'>, string> = {
  pagerduty: 'a read-only PagerDuty REST API key',
  jsm: "that account's API token, with the scopes read:ops-config:jira-service-management and read:jira-user",
  opsgenie: 'a read-only Opsgenie API key',
};

/** The closing advice: what the workspace still needs before plan and apply can run. */
function nextSteps(a: Answers, owners: readonly string[]): string[] {
  const tokens = [
    ...(a.source === 'rotations' ? [] : [`${a.source === 'jsm' ? `${JSM_EMAIL_ENV} (the email of an Atlassian account) and ` : ''}${TOKEN_ENV[a.source]} (${SOURCE_KEY[a.source]})`]),
    `${GITHUB_TOKEN_ENV} (a token that can read the ${a.org} organisation's members)`,
  ];
  return [
    'Next:',
    '  1. Install oncall-access here as a dev dependency, pinned to a release (the $schema lines point',
    '     into node_modules/oncall-access), then run: npx oncall-access validate',
    '  2. Add everyone who goes on call to identities.yaml: their email and GitHub login.',
    ...(a.source === 'rotations' ? ['     Set the rotation\'s time zone, shift length and first handoff in rotations/.'] : []),
    `  3. Set ${tokens.join(' and ')}, then run: npx oncall-access plan`,
    '     Read the first plan before any apply: it lists who would join and who would leave the team.',
    '  4. In both workflows, pin OWNER/oncall-access to the full commit SHA of the release you reviewed',
    '     and set up the credentials on the lines marked CHANGE (see docs/github-action.md in oncall-access).',
    `  5. Make sure ${owners.join(' ')} exist${owners.length === 1 ? 's' : ''}, and require review from Code Owners on main.`,
  ];
}

/**
 * Runs `init`: exit 0 with the workspace written, 1 for missing or malformed answers or files
 * that exist (nothing is written then). `openPrompt` opens the questions when stdin is a terminal.
 */
export async function runInit(opts: InitOptions, io: Io, openPrompt: () => Prompt = () => terminalPrompt(process.stdin, process.stderr)): Promise<number> {
  const dir = resolve(io.cwd, opts.dir);
  const { owners, ...answers } = await gather(opts, io, openPrompt);
  const files: ScaffoldFile[] = [
    ...scaffoldFiles(answers, io.now()),
    ...WORKFLOWS.map((w) => ({ path: `.github/workflows/${w}`, text: workflowFor(readFileSync(join(WORKFLOW_TEMPLATES, w), 'utf8'), answers.source) })),
  ];
  const existing = files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
  if (existing.length > 0 && !opts.force) {
    io.stderr.write(`oncall-access init: ${existing.length} of the files it writes exist in ${dir}:\n${existing.map((p) => `  ${p}\n`).join('')}Nothing was written. Move them away, or run again with --force to replace them.\n`);
    return EXIT.error;
  }
  for (const f of files) write(dir, f.path, f.text);
  const done = [...files.map((f) => `  ${f.path}${existing.includes(f.path) ? ' (replaced)' : ''}`), `  .gitignore (${addLines(dir, '.gitignore', GITIGNORE)})`];
  const { workspace, diagnostics } = loadWorkspace(join(dir, CONFIG_FILE), io.cwd, io.now());
  if (!workspace) {
    io.stdout.write(`Wrote in ${dir}:\n${done.join('\n')}\n`);
    io.stderr.write(sortDiagnostics(diagnostics).map((d) => `${formatDiagnostic(d)}\n`).join(''));
    io.stderr.write(`The workspace has errors, so ${CODEOWNERS} was not written: fix them (see "oncall-access validate"), then add the lines "oncall-access codeowners --owners ${owners.join(' ')}" prints.\n`);
    return EXIT.error;
  }
  const root = realpathSync(dir);
  const rules = codeownersRules(workspace, join(dir, CONFIG_FILE), owners, root);
  const header = ['# oncall-access: the access policy and its workflows need a review from their owners', `# (from "oncall-access codeowners --owners ${owners.join(' ')}"; the last matching pattern wins).`];
  done.push(`  ${CODEOWNERS} (${addLines(dir, CODEOWNERS, [...header, ...rules])})`);
  io.stdout.write([`Wrote in ${dir}:`, ...done, '', ...nextSteps(answers, owners), ''].join('\n'));
  return EXIT.ok;
}
