/**
 * The plan of a pull request: the pull request's head is untrusted data. Policy (config,
 * profiles, rotations, identities, every `apiUrl`) and state come from its base commit; only
 * the request files it adds come from its head. When it also changes policy, a second plan
 * shows what that change does ("after this pull request"), made only when the change sends no
 * credential anywhere new, and its requests are then never auto-approvable.
 */
import { relative } from 'node:path';
import { extractCommit } from '../forge/base-tree.js';
import type { Config, SourceConfig, TargetConfig, Workspace } from '../config/model.js';
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import { configHash } from '../apply/engine.js';
import type { Plan } from '../core/plan.js';
import { gitLocation } from '../forge/git.js';
import { UserError, type Io } from '../io.js';
import { pullRequestContext, pullRequestEvent, type PullRequestContext } from '../forge/pull-request.js';
import { withLandings } from '../forge/request-history.js';

/** Makes the plan of a workspace as seen from `io.cwd`, with its state in `stateDir` (`undefined`: the workspace's own). */
export type PlanMaker = (ws: Workspace, io: Io, pullRequest: { author: string; files: readonly string[] }, stateDir?: string) => Promise<Plan>;

/** What the pull request plan needs from the command. */
export interface PullRequestPlanInput {
  /** The config path the user gave, relative to the working directory. */
  config: string;
  /** The workspace at the pull request's head (already validated). */
  head: Workspace;
  io: Io;
  /** Loads a workspace as seen from `io.cwd`, printing its errors; undefined when it has any. */
  load: (config: string, io: Io) => Workspace | undefined;
  /** The state folder of a workspace as seen from `io.cwd` (`--state`, `--shard` applied). */
  stateDir: (ws: Workspace, io: Io) => string;
  makePlan: PlanMaker;
}

/** The pull request's plan with the base branch's policy (and the head's, when it changes it); undefined when the base cannot be loaded (its errors were printed). */
export async function pullRequestPlan(input: PullRequestPlanInput): Promise<{ plan: Plan; ws: Workspace } | undefined> {
  const { io, head } = input;
  const event = pullRequestEvent(io.env);
  const { base, baseRef } = event;
  const location = gitLocation(io.cwd);
  if (location === undefined) throw new UserError(`cannot check this pull request: ${io.cwd} is not in a git checkout`);
  const tree = extractCommit(location, base);
  try {
    const baseIo: Io = { ...io, cwd: tree.cwd };
    const policy = input.load(input.config, baseIo);
    if (policy === undefined) {
      io.stderr.write(`These errors are in the configuration on ${baseRef} (the base of this pull request), which its plan uses.\n`);
      return undefined;
    }
    const stateDir = input.stateDir(policy, baseIo);
    const pr = pullRequestContext(event, location, { requests: relative(tree.cwd, policy.config.paths.requests), state: relative(tree.cwd, stateDir) });
    for (const f of pr.files) tree.addFromHead(f);
    for (const f of pr.deleted) tree.removeFile(f);
    const loaded = input.load(input.config, baseIo);
    if (loaded === undefined) return undefined;
    const ws = { ...loaded, requests: withLandings(loaded.requests, location, base, io.now()) };
    const context = { author: pr.author, files: pr.files };
    const plan = await input.makePlan(ws, baseIo, context);
    plan.diagnostics.push(...pr.diagnostics, ...deletions(pr, policy, io.now()));
    if (policyHash(ws) === policyHash(head)) return { plan, ws };
    const moved = credentialMoves(policy.config, head.config);
    plan.proposed =
      moved === undefined
        ? { base: baseRef, plan: await input.makePlan({ ...head, requests: ws.requests }, io, context, stateDir) }
        : { base: baseRef, notPlanned: `this pull request changes where credentials are sent (${moved}); its policy is planned on ${baseRef} once merged` };
    if (pr.files.length > 0) {
      plan.diagnostics.push({ ...warning(`this pull request changes policy and adds ${pr.files.length} request(s): its requests are never merged without review; put requests in a pull request of their own`, { file: pr.files[0]!, line: 1, col: 1 }), code: 'pull-request' });
    }
    return { plan, ws };
  } finally {
    tree.remove();
  }
}

/** A hash of every file the workspace read except its request files: equal when the policy is the same. */
function policyHash(ws: Workspace): string {
  const requests = new Set(ws.requests.map((r) => r.file));
  return configHash({ ...ws, files: ws.files.filter((f) => !requests.has(f.path)) });
}

/** The sources and targets whose type, `apiUrl` or `tokenEnv` the head changes or adds, in words; undefined when none. */
function credentialMoves(base: Config, head: Config): string | undefined {
  const moves: string[] = [];
  for (const kind of ['sources', 'targets'] as const) {
    for (const [name, c] of head[kind]) {
      const b = base[kind].get(name);
      if (b === undefined) moves.push(`${kind}.${name} is new`);
      else if (b.type !== c.type || b.apiUrl !== c.apiUrl || b.tokenEnv !== c.tokenEnv) moves.push(`${kind}.${name} changes its type, apiUrl or tokenEnv`);
      else if (jsmAccount(b) !== jsmAccount(c)) moves.push(`${kind}.${name} changes its emailEnv or cloudId`);
    }
  }
  return moves.length === 0 ? undefined : moves.join('; ');
}

/** A jsm source's account and site (`emailEnv`, `cloudId`), which say where its token goes as much as `tokenEnv` does; empty for anything else. */
function jsmAccount(c: SourceConfig | TargetConfig): string {
  return 'emailEnv' in c || 'cloudId' in c ? JSON.stringify([c.emailEnv, c.cloudId]) : '';
}

/** Errors for requests the pull request deletes while they still grant access to someone other than its author, who is not an approver either. */
function deletions(pr: PullRequestContext, policy: Workspace, now: Date): Diagnostic[] {
  const author = pr.author.toLowerCase();
  const loginOf = (subject: string): string => (policy.identities.find((i) => i.email.toLowerCase() === subject.toLowerCase())?.accounts.github ?? subject).toLowerCase();
  return pr.deleted.flatMap((file) => {
    const r = policy.requests.find((x) => x.file === file);
    if (r === undefined || r.requestedAt.getTime() + r.durationMs <= now.getTime()) return [];
    const approvers = policy.profiles.find((p) => p.name === r.profile)?.approvers ?? [];
    if (loginOf(r.subject) === author || approvers.some((a) => a.toLowerCase() === author)) return [];
    const until = new Date(r.requestedAt.getTime() + r.durationMs).toISOString();
    return [{ ...error(`this pull request deletes ${file}, which grants ${r.subject} access until ${until}: only its subject or an approver of profile ${r.profile} may end it early`, { file, line: 1, col: 1 }), code: 'pull-request' }];
  });
}
