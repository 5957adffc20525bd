/**
 * `oncall-access request` writes a time-boxed access request for a requestable profile, after
 * checking that it would be granted (the subject is on call in one of the profile's rotations
 * or is one of its members, the duration is within the maximum, the subject resolves).
 * `prune-requests` removes request files long expired.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { stringify } from 'yaml';
import { buildAdapters } from '../observe/adapters.js';
import type { AccessRequest, Workspace } from '../config/model.js';
import { checkRequests } from '../config/semantics.js';
import { activeRequests } from '../core/requests.js';
import { formatDuration, parseDuration } from '../core/duration.js';
import { readOnlyFetch } from '../http/read-only.js';
import { observe, readSpan } from '../observe/observe.js';
import { createOctokit } from '../targets/github/client.js';
import { describeError } from '../targets/github/errors.js';
import { EXIT, UserError, type Io } from '../io.js';
import { loadOrReport, parseAt } from './reconcile.js';

/** Options of `request`. */
export interface RequestOptions {
  config: string;
  profile: string;
  for: string;
  reason: string;
  subject?: string;
  at?: string;
  /** Open a pull request with the file through the GitHub API. */
  openPr: boolean;
  /** `owner/name` of the repository holding the config (default: GITHUB_REPOSITORY). */
  repo?: string;
}

/** `payments-oncall-alice-acme-example-20261130T075000Z.yaml`: sortable, unique per subject and instant. */
export function requestFileName(profile: string, subject: string, at: Date): string {
  const who = subject.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${profile}-${who}-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}.yaml`;
}

function defaultSubject(cwd: string): string {
  try {
    const email = execFileSync('git', ['config', 'user.email'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    if (email) return email;
  } catch {
    // No git identity: the flag is required then.
  }
  throw new UserError('--subject is required (no git user.email to default to)');
}

/** Checks a request the way a plan on its pull request would; returns why it is eligible, or throws. */
async function eligibility(ws: Workspace, r: AccessRequest, at: Date, io: Io): Promise<string> {
  const withRequest = { ...ws, requests: [...ws.requests, r] };
  const static_ = checkRequests(withRequest, io.now()).filter((d) => d.file === r.file);
  if (static_.length > 0) throw new UserError(static_.map((d) => d.message).join('; '));
  const adapters = buildAdapters(ws, io.env, readOnlyFetch(io.fetch));
  const pr = { author: '', files: [r.file] };
  const span = readSpan(withRequest, at, pr);
  const { shifts, identities } = await observe(ws, adapters, { ...span, subjects: [r.subject] });
  const checked = activeRequests({ at, requests: [r], profiles: ws.profiles, shifts, resolve: identities.resolve });
  if (checked.active.length === 0) throw new UserError(checked.diagnostics.map((d) => d.message).join('; '));
  return checked.active[0]!.reason;
}

/** Runs `request`: writes the request file when the request is eligible; exit 0, or 1. */
export async function runRequest(opts: RequestOptions, io: Io): Promise<number> {
  const at = parseAt(opts.at, io);
  const durationMs = parseDuration(opts.for);
  if (durationMs === undefined) throw new UserError(`--for must be a duration like 2h; got "${opts.for}"`);
  if (opts.reason.trim() === '') throw new UserError('--reason must say why access is needed');
  const subject = opts.subject ?? defaultSubject(io.cwd);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  const dir = ws.config.paths.requests;
  const path = join(dir, requestFileName(opts.profile, subject, at));
  const file = relative(io.cwd, path) || path;
  const requestedAt = new Date(Math.floor(at.getTime() / 1000) * 1000);
  const r: AccessRequest = { profile: opts.profile, subject, reason: opts.reason, durationMs, requestedAt, file, pos: { file, line: 1, col: 1 } };
  const why = await eligibility(ws, r, requestedAt, io);
  mkdirSync(dir, { recursive: true });
  const body = { apiVersion: 'oncall-access/v1', kind: 'AccessRequest', spec: { profile: r.profile, subject, reason: r.reason, duration: formatDuration(durationMs), requestedAt: requestedAt.toISOString().replace('.000Z', 'Z') } };
  writeFileSync(path, stringify(body));
  const profile = ws.profiles.find((p) => p.name === r.profile)!;
  const approval = profile.approval === 'auto' ? 'approval: automatic once the pull request checks pass' : `approval: a review from ${profile.approvers.length ? profile.approvers.join(', ') : 'the profile\'s CODEOWNERS'}`;
  const eligible = why.replace(/^request [^ ]+ \(/, '').replace(/\):.*$/, '');
  const expires = new Date(requestedAt.getTime() + durationMs).toISOString();
  io.stdout.write(`Wrote ${file}: eligible (${eligible}); ${approval}.\n`);
  if (!opts.openPr) {
    io.stdout.write(`Open a pull request with this file (or re-run with --open-pr); once merged, the next apply grants it until ${expires}.\n`);
    return EXIT.ok;
  }
  const url = await openPullRequest(ws, opts, io, path, {
    title: `Access request: ${r.profile} for ${subject}, ${formatDuration(durationMs)}`,
    body: [`**Reason:** ${r.reason}`, '', `**Eligible:** ${eligible}`, `**Expires:** ${expires}`, `**Approval:** ${approval.replace(/^approval: /, '')}`, '', 'Opened by `oncall-access request`. The plan check on this pull request verifies eligibility and that its author is the subject or an approver.'].join('\n'),
  });
  io.stdout.write(`Opened ${url}\n`);
  return EXIT.ok;
}

/** Commits the request file on a new branch and opens a pull request; returns its URL. */
async function openPullRequest(ws: Workspace, opts: RequestOptions, io: Io, path: string, pr: { title: string; body: string }): Promise<string> {
  const full = opts.repo ?? io.env.GITHUB_REPOSITORY;
  if (!full || !/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/.test(full)) throw new UserError('--open-pr needs --repo OWNER/NAME (or GITHUB_REPOSITORY)');
  const [owner, repo] = full.split('/') as [string, string];
  const target = [...ws.config.targets.values()][0]!;
  const token = target.tokenEnv ? io.env[target.tokenEnv] : undefined;
  if (!token) throw new UserError(`--open-pr needs a token in ${target.tokenEnv ?? 'the target\'s tokenEnv'}`);
  let top = ws.config.dir;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: ws.config.dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // Not a git checkout: paths are taken relative to the config's directory.
  }
  const inRepo = relative(top, path).split('\\').join('/');
  const octokit = createOctokit({ baseUrl: target.apiUrl ?? 'https://api.github.com', token, fetch: io.fetch });
  const branch = `oncall-access/request-${basename(path, '.yaml')}`;
  try {
    const { data: info } = await octokit.rest.repos.get({ owner, repo });
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${info.default_branch}` });
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: ref.object.sha });
    await octokit.rest.repos.createOrUpdateFileContents({ owner, repo, path: inRepo, branch, message: pr.title, content: Buffer.from(readFileSync(path)).toString('base64') });
    const { data: pull } = await octokit.rest.pulls.create({ owner, repo, head: branch, base: info.default_branch, title: pr.title, body: pr.body });
    return pull.html_url;
  } catch (e) {
    throw new UserError(`the request file is written, but opening the pull request failed: ${describeError(e)}`);
  }
}

/** Options of `prune-requests`. */
export interface PruneOptions {
  config: string;
  olderThan: string;
  dryRun: boolean;
}

/** Runs `prune-requests`: removes request files that expired more than `olderThan` ago. */
export async function runPruneRequests(opts: PruneOptions, io: Io): Promise<number> {
  const age = parseDuration(opts.olderThan);
  if (age === undefined) throw new UserError(`--older-than must be a duration like 30d; got "${opts.olderThan}"`);
  const ws = loadOrReport(opts.config, io);
  if (!ws) return EXIT.error;
  const cutoff = io.now().getTime() - age;
  const byFile = new Map<string, AccessRequest[]>();
  for (const r of ws.requests) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  let removed = 0;
  for (const [file, requests] of byFile) {
    if (!requests.every((r) => r.requestedAt.getTime() + r.durationMs < cutoff)) continue;
    if (!opts.dryRun) rmSync(join(io.cwd, file));
    io.stdout.write(`${opts.dryRun ? 'would remove' : 'removed'}: ${file}\n`);
    removed += 1;
  }
  io.stdout.write(`${removed} request file(s) expired more than ${opts.olderThan} ago${opts.dryRun ? ' (dry run)' : ''}.\n`);
  return EXIT.ok;
}
