/**
 * `oncall-access report --from DATE --to DATE`: the access review report for a period, from the
 * audit log of the state directory and the git history of the config's directory. Read-only:
 * without `--live` no API is called, and nothing is ever written.
 */
import { existsSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import { readAuditLog } from '../record/audit.js';
import { reportEntitlement } from '../targets/kinds.js';
import { git as runGit } from '../forge/git.js';
import type { Config } from '../config/model.js';
import { buildReport, type PolicyCommit, type PolicyHistory } from '../core/report.js';
import { parseDuration } from '../core/duration.js';
import { EXIT, UserError, type Io } from '../io.js';
import { renderReportCsv, renderReportJson, renderReportMarkdown } from '../render/report.js';
import { STATE_FILES } from '../record/state.js';
import { ISO_INSTANT_FLAG, loadOrReport, tokenEnvs } from './reconcile.js';
import { readOnlyFetch } from '../http/read-only.js';
import { redact, secretsIn } from '../util/redact.js';
import { readLiveHolders, withReviews } from '../observe/report-live.js';

/** Output formats of a report. */
export type ReportFormat = 'markdown' | 'csv' | 'json';

/** Options of `report`. */
export interface ReportOptions {
  config: string;
  /** The start of the period: a date (midnight UTC) or an ISO instant. */
  from?: string;
  /** The end of the period, excluded. */
  to?: string;
  format: ReportFormat;
  /** Overrides the config's state directory. */
  state?: string;
  /** How long after a holding's `until` a revocation is still on time. */
  grace: string;
  /** Also read the holders now and the policy commits' pull requests (src/observe/report-live.ts). */
  live?: boolean;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period edge: `YYYY-MM-DD` (midnight UTC) or an ISO instant with Z or an offset. */
function parseEdge(flag: string, value: string | undefined): Date {
  if (value === undefined) throw new UserError(`report needs --from and --to, e.g. --from 2026-07-01 --to 2026-10-01`);
  const date = DATE.test(value) ? new Date(`${value}T00:00:00Z`) : ISO_INSTANT_FLAG.test(value) ? new Date(value) : undefined;
  // A date that does not exist (2026-02-30) would roll over into the next month.
  if (date === undefined || Number.isNaN(date.getTime()) || (DATE.test(value) && date.toISOString().slice(0, 10) !== value)) {
    throw new UserError(`--${flag} must be a date (2026-07-01) or an ISO instant with Z or an offset (2026-07-01T00:00:00Z); got "${value}"`);
  }
  return date;
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** `git log` output in the format {@link policyHistory} asks for: one record per commit, its changed files after it. */
function parseLog(text: string): PolicyCommit[] {
  return text
    .split(RECORD)
    .slice(1)
    .map((record) => {
      const [line, ...files] = record.split('\n');
      const [commit, date, author, authorEmail, subject] = line!.split(FIELD) as [string, string, string, string, string];
      return { commit, date, author, authorEmail, subject, files: files.filter((f) => f !== '') };
    });
}

/** Pathspecs matching the YAML files directly in `dir` (as the loader reads them), relative to the config's directory. */
function yamlIn(dir: string): string[] {
  const escaped = dir.replace(/[*?[\\]/g, '\\$&');
  return [`:(glob)${posix.join(escaped, '*.yaml')}`, `:(glob)${posix.join(escaped, '*.yml')}`];
}

/**
 * The commits of the repository holding the config that changed the config file, a profile, a
 * rotation, a request or the identities file, over the period widened by a day on each side
 * (the report keeps those inside it), following first parents: changes as merged. Not a git
 * repository, or git failing, is an answer (`available: false`) rather than an error.
 */
function policyHistory(config: Config, configFile: string, from: Date, to: Date, shown: string): PolicyHistory {
  const cwd = config.dir;
  const rel = (p: string): string => relative(cwd, p);
  const git = (args: string[]): string => runGit(cwd, args);
  const day = 86_400_000;
  try {
    const shallow = git(['rev-parse', '--is-shallow-repository']).trim() === 'true';
    const log = git([
      'log',
      '--first-parent',
      `--since=${new Date(from.getTime() - day).toISOString()}`,
      `--until=${new Date(to.getTime() + day).toISOString()}`,
      '--name-only',
      `--format=${RECORD}%H${FIELD}%cI${FIELD}%an${FIELD}%ae${FIELD}%s`,
      '--',
      `:(literal)${rel(configFile)}`,
      `:(literal)${rel(config.paths.identities)}`,
      ...[config.paths.profiles, config.paths.rotations, config.paths.requests].flatMap((d) => yamlIn(rel(d))),
    ]);
    return { available: true, commits: parseLog(log), shallow };
  } catch (e) {
    const stderr = String((e as { stderr?: unknown }).stderr ?? '').trim().split('\n')[0];
    return { available: false, reason: `cannot read the git history of ${shown}: ${stderr || (e as Error).message}` };
  }
}

/**
 * Runs `report`; exit 0, or 1 on bad input (dates, period, grace, config, an unreadable audit
 * line) or, with `--live`, when a managed team or repository could not be read: the report is
 * printed all the same, with the error in place of its holders.
 */
export async function runReport(opts: ReportOptions, io: Io): Promise<number> {
  const from = parseEdge('from', opts.from);
  const to = parseEdge('to', opts.to);
  if (from.getTime() >= to.getTime()) throw new UserError(`--from (${from.toISOString()}) must be before --to (${to.toISOString()})`);
  const graceMs = parseDuration(opts.grace);
  if (graceMs === undefined) throw new UserError(`--grace must be a duration such as 30m or 1h; got "${opts.grace}"`);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  const show = (p: string): string => relative(io.cwd, p) || '.';
  const dir = opts.state === undefined ? ws.config.paths.state : resolve(io.cwd, opts.state);
  const audit = join(dir, STATE_FILES.audit);
  const events = readAuditLog(audit, show(audit));
  const history = policyHistory(ws.config, resolve(io.cwd, opts.config), from, to, show(ws.config.dir));
  const fetch = readOnlyFetch(io.fetch);
  const inPeriod = (c: PolicyCommit): boolean => from <= new Date(c.date) && new Date(c.date) < to;
  const report = buildReport({
    events,
    history: opts.live && history.available ? { ...history, commits: await withReviews(history.commits.filter(inPeriod), ws, io.env, fetch) } : history,
    ...(opts.live ? { live: await readLiveHolders(ws, io.env, fetch, io.now()) } : {}),
    from,
    to,
    graceMs,
    generatedAt: io.now(),
    sources: { auditLog: show(audit), auditLogFound: existsSync(audit), configDirectory: show(ws.config.dir) },
    describe: reportEntitlement,
  });
  const render = { markdown: renderReportMarkdown, csv: renderReportCsv, json: renderReportJson }[opts.format];
  const secrets = secretsIn(io.env, tokenEnvs(ws));
  io.stdout.write(redact(render(report), secrets));
  const unread = report.live?.entitlements.filter((e) => e.error !== null) ?? [];
  for (const e of unread) io.stderr.write(redact(`error: --live: cannot read the holders of ${e.target}: ${e.name}: ${e.error}\n`, secrets));
  return unread.length > 0 ? EXIT.error : EXIT.ok;
}
