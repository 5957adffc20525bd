/**
 * What the Action is asked to do and where it runs: its inputs (read with `@actions/core`, from
 * the `INPUT_*` variables the runner sets) and the GitHub context (`GITHUB_*` variables and the
 * event payload file). Read once, validated, then passed around as plain values.
 */
import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDuration } from '../core/duration.js';
import { UserError } from '../io.js';

/** The CLI commands the Action runs. */
export type ActionCommand = 'validate' | 'plan' | 'apply';

const COMMANDS: readonly ActionCommand[] = ['validate', 'plan', 'apply'];

/** Flags the Action sets itself; `args` may not set them. */
const RESERVED_FLAGS = ['--config', '--format', '--out', '--yes', '--help', '-h', '--journal', '--checkpoint', '--results'];

/** GitHub App installation credentials. */
export interface AppCredentials {
  appId: string;
  /** PEM; `\n` escapes (as some secret stores keep keys) are turned into newlines. */
  privateKey: string;
  installationId: string;
}

/**
 * The credentials given for the config's GitHub target. Checked only when they are about to be
 * used: a pull request from a fork or from Dependabot gets the workflow's variables but not its
 * secrets, so it sees an App id without a key, and must still be validated.
 */
export type TargetCredentials =
  | { kind: 'none' }
  | { kind: 'token'; token: string }
  | { kind: 'app'; app: AppCredentials }
  /** `withoutSecret`: neither secret input (token, app-private-key) is set, as in a run that gets no secrets. */
  | { kind: 'invalid'; reason: string; withoutSecret: boolean };

/** The Action's inputs, validated. */
export interface ActionInputs {
  command: ActionCommand;
  /** The Config file, relative to the working directory. */
  config: string;
  /** Extra CLI flags for the command. */
  args: string[];
  /** Token for the pull-request comment (normally the workflow's `GITHUB_TOKEN`). */
  githubToken?: string;
  /** A token or App credentials for the config's GitHub target. */
  credentials: TargetCredentials;
  /** The environment variable the config's GitHub target reads its token from (its `tokenEnv`). */
  tokenEnv: string;
  /** Post (or update) the plan as a pull-request comment. */
  comment: boolean;
  /** validate: also run `doctor` (tokens set, APIs reachable, permissions the config needs). */
  doctor: boolean;
  /** Absolute path the plan JSON is written to. */
  planFile: string;
  /** Absolute path apply writes what it did to (`--results`), in the runner's temporary directory. */
  resultsFile: string;
  /** Absolute path of the file recording the last successful apply; apply rewrites it on each success. */
  lastApplyFile?: string;
  /** Fail an apply run when the last successful apply is older than this. */
  maxStaleness?: { text: string; ms: number };
  /** apply: the journal file (`--journal`), absolute. */
  journal?: string;
  /** apply: the command run once the changes are journaled, before the first is sent (`--checkpoint`). */
  checkpoint?: string;
}

/** The pull request an event is about. */
export interface PullRequestContext {
  number: number;
  /** The commit the plan is computed for. */
  headSha?: string;
  /**
   * True when the head branch lives in another repository (or its repository was deleted):
   * the workflow then has no secrets and a read-only token, and nothing may be written.
   */
  fromFork: boolean;
}

/** Where the Action runs. */
export interface ActionContext {
  eventName: string;
  /** `owner/name` of the repository the workflow runs in. */
  repository?: { owner: string; repo: string };
  apiUrl: string;
  /** The commit the workflow runs on (`GITHUB_SHA`). */
  sha?: string;
  /** Link to this workflow run. */
  runUrl?: string;
  actor?: string;
  /** Set for `pull_request` and `pull_request_target` events. */
  pullRequest?: PullRequestContext;
}

/**
 * An input as the runner sets it for a JavaScript action (`INPUT_` plus the name upper-cased,
 * hyphens kept: `INPUT_GITHUB-TOKEN`), trimmed; `undefined` when empty.
 */
function input(name: string): string | undefined {
  return core.getInput(name) || undefined;
}

/** A boolean input (`true`, `True`, `TRUE`, `false`, `False`, `FALSE`, as YAML 1.2 spells them); `fallback` when empty. */
function booleanInput(name: string, fallback: boolean): boolean {
  const value = input(name);
  if (value === undefined) return fallback;
  try {
    return core.getBooleanInput(name);
  } catch {
    throw new UserError(`input ${name} must be true or false; got "${value}"`);
  }
}

function credentials(): TargetCredentials {
  const token = input('token');
  const appId = input('app-id');
  const privateKey = input('app-private-key');
  const installationId = input('installation-id');
  if (appId === undefined && privateKey === undefined && installationId === undefined) return token === undefined ? { kind: 'none' } : { kind: 'token', token };
  const invalid = (reason: string): TargetCredentials => ({ kind: 'invalid', reason, withoutSecret: token === undefined && privateKey === undefined });
  if (token !== undefined) return invalid('give either the token input or the App inputs (app-id, app-private-key, installation-id), not both');
  if (appId === undefined || privateKey === undefined || installationId === undefined) {
    const empty = Object.entries({ 'app-id': appId, 'app-private-key': privateKey, 'installation-id': installationId }).filter(([, v]) => v === undefined);
    return invalid(`GitHub App credentials need all three inputs: app-id, app-private-key and installation-id; empty: ${empty.map(([name]) => name).join(', ')}`);
  }
  if (!/^\d{1,20}$/.test(appId)) return invalid(`input app-id must be the App's numeric id; got "${appId}"`);
  if (!/^\d{1,20}$/.test(installationId)) return invalid(`input installation-id must be a number; got "${installationId}"`);
  return { kind: 'app', app: { appId, privateKey: privateKey.replace(/\\n/g, '\n'), installationId } };
}

function splitArgs(text: string | undefined): string[] {
  const args = text === undefined ? [] : text.split(/\s+/).filter(Boolean);
  const reserved = args.find((a) => RESERVED_FLAGS.includes(a.split('=')[0]!));
  if (reserved !== undefined) throw new UserError(`input args may not contain ${reserved.split('=')[0]}: the Action sets it (use the config input for --config)`);
  return args;
}

/**
 * Reads and validates the inputs; throws a {@link UserError} naming the input at fault. Paths are
 * resolved against `cwd`; the plan file defaults to `runnerTemp` (the runner's `RUNNER_TEMP`).
 */
export function readInputs(cwd: string, runnerTemp: string | undefined): ActionInputs {
  const command = input('command');
  if (command === undefined || !COMMANDS.includes(command as ActionCommand)) {
    throw new UserError(`input command must be one of ${COMMANDS.join(', ')}; got "${command ?? ''}"`);
  }
  const tokenEnv = input('token-env') ?? 'GITHUB_TOKEN';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(tokenEnv)) throw new UserError(`input token-env must be an environment variable name; got "${tokenEnv}"`);
  const staleness = input('max-staleness');
  const maxMs = staleness === undefined ? undefined : parseDuration(staleness);
  if (staleness !== undefined && (maxMs === undefined || maxMs === 0)) throw new UserError(`input max-staleness must be a duration such as 30m or 1h; got "${staleness}"`);
  const lastApplyFile = input('last-apply-file');
  if (staleness !== undefined && lastApplyFile === undefined) throw new UserError('input max-staleness needs last-apply-file: the file where each successful apply is recorded');
  const planFile = input('plan-file');
  const journal = input('journal');
  return {
    command: command as ActionCommand,
    config: input('config') ?? 'oncall-access.yaml',
    args: splitArgs(input('args')),
    githubToken: input('github-token'),
    credentials: credentials(),
    tokenEnv,
    comment: booleanInput('comment', true),
    doctor: booleanInput('doctor', false),
    planFile: planFile === undefined ? join(runnerTemp || tmpdir(), 'oncall-access-plan.json') : resolve(cwd, planFile),
    resultsFile: join(runnerTemp || tmpdir(), 'oncall-access-results.json'),
    lastApplyFile: lastApplyFile === undefined ? undefined : resolve(cwd, lastApplyFile),
    maxStaleness: staleness === undefined ? undefined : { text: staleness, ms: maxMs! },
    journal: journal === undefined ? undefined : resolve(cwd, journal),
    checkpoint: input('checkpoint'),
  };
}

interface PullRequestPayload {
  pull_request?: {
    number?: unknown;
    head?: { sha?: unknown; repo?: { full_name?: unknown } | null };
    base?: { repo?: { full_name?: unknown } | null };
  };
  repository?: { full_name?: unknown };
}

function readEvent(path: string | undefined): PullRequestPayload {
  if (path === undefined || path === '') return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PullRequestPayload;
  } catch (e) {
    throw new UserError(`cannot read the event payload GITHUB_EVENT_PATH=${path}: ${(e as Error).message}`);
  }
}

function pullRequest(eventName: string, payload: PullRequestPayload, repository: string | undefined): PullRequestContext | undefined {
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') return undefined;
  const pr = payload.pull_request;
  if (pr === undefined || typeof pr.number !== 'number') throw new UserError(`the ${eventName} event payload has no pull_request.number`);
  const head = typeof pr.head?.repo?.full_name === 'string' ? pr.head.repo.full_name : undefined;
  const baseName = pr.base?.repo?.full_name ?? payload.repository?.full_name ?? repository;
  const base = typeof baseName === 'string' ? baseName : undefined;
  const sha = pr.head?.sha;
  return {
    number: pr.number,
    headSha: typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined,
    fromFork: head === undefined || base === undefined || head.toLowerCase() !== base.toLowerCase(),
  };
}

/** Reads the GitHub context; throws a {@link UserError} when the event payload is unreadable. */
export function readContext(env: NodeJS.ProcessEnv): ActionContext {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const full = env.GITHUB_REPOSITORY;
  const [owner, repo] = full !== undefined && /^[\w.-]+\/[\w.-]+$/.test(full) ? full.split('/') : [];
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const runId = env.GITHUB_RUN_ID;
  const sha = env.GITHUB_SHA;
  return {
    eventName,
    repository: owner !== undefined && repo !== undefined ? { owner, repo } : undefined,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    sha: sha !== undefined && /^[0-9a-f]{7,64}$/i.test(sha) ? sha : undefined,
    runUrl: full !== undefined && owner !== undefined && runId !== undefined && /^\d+$/.test(runId) && /^https?:\/\/[^\s<>()]+$/.test(server) ? `${server}/${full}/actions/runs/${runId}` : undefined,
    actor: env.GITHUB_ACTOR || undefined,
    pullRequest: pullRequest(eventName, readEvent(env.GITHUB_EVENT_PATH), full),
  };
}
