/**
 * `oncall-access codeowners`: CODEOWNERS lines that put a workspace's policy (config, profiles,
 * rotations, identities, state, and the workflows in .github/) under its admins' review, as
 * defence in depth behind the plan's own checks.
 *
 * Request files are the exception: their names are chosen by whoever files them, so a pattern
 * per profile (`requests/payments-*`) protects nothing. The whole requests folder gets one
 * line: owned by the admins and every approver of a requestable profile when all of them need
 * a review, and by nobody when one approves automatically (an owner would otherwise hold every
 * auto-approved request for review).
 */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Workspace } from '../config/model.js';
import { EXIT, UserError, type Io } from '../io.js';
import { loadOrReport } from './reconcile.js';

/** Options of `codeowners`. */
export interface CodeownersOptions {
  config: string;
  /** `--owners` as given: each value one or more owners separated by spaces. */
  owners: string[];
}

/** One CODEOWNERS line: a pattern relative to the repository root and who owns it. */
interface CodeownersLine {
  /** `policy` for the config and the files it names, `requests` for the requests folder. */
  kind: 'policy' | 'requests';
  /** `/path/` for a folder, `/path` for a file, `*` for the repository root. */
  pattern: string;
  /** Empty: the files have no code owner. */
  owners: string[];
}

const USER_OR_TEAM = /^@[A-Za-z0-9][A-Za-z0-9-]{0,38}(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;
const EMAIL = /^[^\s@#]+@[^\s@#/]+\.[^\s@#/]+$/;
/** Characters a CODEOWNERS pattern cannot hold literally (a space is escaped instead). */
const UNWRITABLE = /[#\\*?[\]\0-\x1f]/;

/**
 * The owners from `--owners`: every value split at spaces, each an `@user`, an `@org/team` or
 * an email, without repeats. Throws a {@link UserError} for none or a malformed one.
 */
export function parseOwners(values: readonly string[]): string[] {
  const owners = values.flatMap((v) => v.split(/\s+/)).filter(Boolean);
  if (owners.length === 0) throw new UserError('--owners is required: who owns the access policy, e.g. --owners @acme/access-admins');
  const bad = owners.find((o) => !USER_OR_TEAM.test(o) && !EMAIL.test(o));
  if (bad !== undefined) throw new UserError(`--owners takes @user, @org/team or an email; got "${bad}"`);
  return unique(owners);
}

/** `items` without repeats, first spelling kept; GitHub logins and emails ignore case. */
function unique(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.toLowerCase()) && seen.add(i.toLowerCase()));
}

/** The top of the git checkout holding `dir`, or `dir` itself outside git; with symlinks resolved. */
function repositoryRoot(dir: string): string {
  try {
    return execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    return realpathSync(dir);
  }
}

/**
 * `abs` as a CODEOWNERS pattern relative to `root`, which holds it (validation keeps every path
 * inside the config's directory); throws for a path no pattern can name.
 */
function pattern(root: string, abs: string, folder: boolean): string {
  const rel = relative(root, abs).split(sep).join('/');
  if (rel === '') return '*';
  const c = UNWRITABLE.exec(rel);
  if (c) throw new UserError(`${rel} cannot be written as a CODEOWNERS pattern: it contains ${JSON.stringify(c[0])}`);
  return `/${rel.replace(/ /g, '\\ ')}${folder ? '/' : ''}`;
}

/**
 * The CODEOWNERS lines for the workspace loaded from the config at `configPath` (absolute), in
 * the order they must be written: a folder before the paths inside it, because the last pattern
 * that matches a file decides its owners. `autoProfiles` names the requestable profiles with
 * `approval: auto`, which leave request files without an owner.
 */
function codeownersLines(ws: Workspace, configPath: string, admins: readonly string[], root: string): { lines: CodeownersLine[]; autoProfiles: string[] } {
  // Paths are resolved through the config directory's real path, as git reports the root.
  const real = (abs: string) => join(realpathSync(ws.config.dir), relative(ws.config.dir, abs));
  const { paths } = ws.config;
  const policy: [string, boolean][] = [
    [paths.profiles, true],
    [paths.rotations, true],
    [paths.identities, false],
    [configPath, false],
    [paths.state, true],
  ];
  // .github/ holds the workflows that plan and apply, and CODEOWNERS itself.
  const patterns = [...new Set(['/.github/', ...policy.map(([abs, folder]) => pattern(root, real(abs), folder))])];
  const requests = pattern(root, real(paths.requests), true);
  if (patterns.includes(requests)) throw new UserError(`the requests folder ${requests} is also a policy folder: CODEOWNERS cannot give request files and policy different owners`);
  const requestable = ws.profiles.filter((p) => p.mode === 'requestable');
  const autoProfiles = requestable.filter((p) => p.approval === 'auto').map((p) => p.name).sort();
  const approvers = requestable.flatMap((p) => p.approvers.map((a) => `@${a}`)).sort();
  const lines: CodeownersLine[] = [
    ...patterns.map((p): CodeownersLine => ({ kind: 'policy', pattern: p, owners: [...admins] })),
    { kind: 'requests', pattern: requests, owners: autoProfiles.length ? [] : unique([...admins, ...approvers]) },
  ];
  const depth = (p: string) => (p === '*' ? 0 : p.replace(/\/$/, '').split('/').length);
  return { lines: lines.sort((a, b) => depth(a.pattern) - depth(b.pattern)), autoProfiles };
}

/**
 * The CODEOWNERS rules, with the comments that explain them, that put the workspace loaded from
 * `configPath` (absolute) under `admins`' review; patterns are relative to `root`, the top of
 * the repository. Throws a {@link UserError} for a path no pattern can name.
 */
export function codeownersRules(ws: Workspace, configPath: string, admins: readonly string[], root: string): string[] {
  const { lines, autoProfiles } = codeownersLines(ws, configPath, admins, root);
  const why = autoProfiles.length
    ? [`# ${autoProfiles.join(', ')} approve${autoProfiles.length === 1 ? 's' : ''} requests automatically (approval: auto), so request files have no code owner: an owner would hold every auto-approved request for review.`]
    : ['# Every requestable profile needs a review: a pull request that adds a request needs one from an admin or an approver.'];
  return lines.flatMap((l) => [
    ...(l.kind === 'requests' ? ['# Request files: their names are chosen by whoever files them, so a pattern per profile protects nothing; one line covers the folder.', ...why] : []),
    [l.pattern, ...l.owners].join(' '),
  ]);
}

/** Runs `codeowners`; exit 0 with the lines printed, 1 for bad input or an invalid workspace. */
export function runCodeowners(opts: CodeownersOptions, io: Io): number {
  const admins = parseOwners(opts.owners);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  const root = repositoryRoot(ws.config.dir);
  const configPath = resolve(io.cwd, opts.config);
  io.stdout.write(
    [
      `# oncall-access codeowners for ${relative(root, realpathSync(configPath)).split(sep).join('/')}: add these lines at the end of .github/CODEOWNERS`,
      '# (the last matching pattern wins) and require review from Code Owners on the default branch.',
      ...codeownersRules(ws, configPath, admins, root),
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}
