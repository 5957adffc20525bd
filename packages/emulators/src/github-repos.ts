/**
 * Repositories for the GitHub emulator, just enough to open a pull request the way
 * `oncall-access request --open-pr` does: the repository, a branch ref, a new branch, a file
 * written through the contents API, and the pull request. Any `owner/name` exists, with a
 * `main` default branch.
 */
import { createHash } from 'node:crypto';
import type { JsonRequest, JsonResponse, Route } from './http-server.js';

/** A pull request opened through the emulator. */
export interface EmulatedPull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  user: string;
}

/** Branches, files and pull requests by repository (`owner/name`, lower-cased). */
export class RepoState {
  private readonly branches = new Map<string, Map<string, string>>();
  private readonly files = new Map<string, string>();
  private readonly pullRequests = new Map<string, EmulatedPull[]>();

  /** The branches of a repository: name to head sha; `main` always exists. */
  branchesOf(repo: string): Map<string, string> {
    const key = repo.toLowerCase();
    if (!this.branches.has(key)) this.branches.set(key, new Map([['main', sha(`${key}:main`)]]));
    return this.branches.get(key)!;
  }

  /** The text of `path` on `branch`, if written through the emulator. */
  file(repo: string, branch: string, path: string): string | undefined {
    return this.files.get(`${repo.toLowerCase()}@${branch}:${path}`);
  }

  /** Pull requests opened on a repository, oldest first. */
  pulls(repo: string): EmulatedPull[] {
    return [...(this.pullRequests.get(repo.toLowerCase()) ?? [])];
  }

  writeFile(repo: string, branch: string, path: string, text: string): string {
    this.files.set(`${repo.toLowerCase()}@${branch}:${path}`, text);
    const head = sha(`${repo}:${branch}:${path}:${text}`);
    this.branchesOf(repo).set(branch, head);
    return head;
  }

  openPull(repo: string, pull: Omit<EmulatedPull, 'number'>): EmulatedPull {
    const list = this.pullRequests.get(repo.toLowerCase()) ?? [];
    const created = { ...pull, number: list.length + 1 };
    this.pullRequests.set(repo.toLowerCase(), [...list, created]);
    return created;
  }
}

function sha(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

const notFound = (message = 'Not Found'): JsonResponse => ({ status: 404, body: { message, documentation_url: 'https://docs.github.com/rest' } });
const invalid = (message: string): JsonResponse => ({ status: 422, body: { message, documentation_url: 'https://docs.github.com/rest' }, unexpected: message });

function body(req: JsonRequest): Record<string, unknown> {
  return typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};
}

/** The routes; `viewer` is who opens pull requests. */
export function repoRoutes(state: RepoState, viewer: string): Route[] {
  const repo = (req: JsonRequest): string => `${req.params.owner}/${req.params.repo}`;
  return [
    { method: 'GET', pattern: '/repos/:owner/:repo', handler: (req) => ({ status: 200, body: { full_name: repo(req), name: req.params.repo, owner: { login: req.params.owner }, default_branch: 'main', private: true } }) },
    {
      method: 'GET',
      pattern: '/repos/:owner/:repo/git/ref/:ref',
      handler: (req) => {
        const branch = /^heads\/(.+)$/.exec(req.params.ref!)?.[1];
        const head = branch === undefined ? undefined : state.branchesOf(repo(req)).get(branch);
        return head ? { status: 200, body: { ref: `refs/${req.params.ref}`, object: { sha: head, type: 'commit' } } } : notFound();
      },
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/git/refs',
      handler: (req) => {
        const { ref, sha: from } = body(req);
        if (typeof ref !== 'string' || !ref.startsWith('refs/heads/') || typeof from !== 'string') return invalid('ref and sha are required');
        const branches = state.branchesOf(repo(req));
        const name = ref.slice('refs/heads/'.length);
        if (branches.has(name)) return invalid('Reference already exists');
        branches.set(name, from);
        return { status: 201, body: { ref, object: { sha: from, type: 'commit' } } };
      },
    },
    {
      method: 'PUT',
      pattern: '/repos/:owner/:repo/contents/:path',
      handler: (req) => {
        const { message, content, branch } = body(req);
        if (typeof message !== 'string' || typeof content !== 'string' || typeof branch !== 'string') return invalid('message, content and branch are required');
        if (!state.branchesOf(repo(req)).has(branch)) return notFound(`Branch ${branch} not found`);
        const head = state.writeFile(repo(req), branch, req.params.path!, Buffer.from(content, 'base64').toString('utf8'));
        return { status: 201, body: { content: { path: req.params.path, sha: head }, commit: { sha: head, message } } };
      },
    },
    {
      method: 'POST',
      pattern: '/repos/:owner/:repo/pulls',
      handler: (req) => {
        const { title, head, base, body: text } = body(req);
        if (typeof title !== 'string' || typeof head !== 'string' || typeof base !== 'string') return invalid('title, head and base are required');
        if (!state.branchesOf(repo(req)).has(head)) return invalid(`head ${head} does not exist`);
        const pull = state.openPull(repo(req), { title, head, base, body: typeof text === 'string' ? text : '', user: viewer });
        return { status: 201, body: { number: pull.number, html_url: `${req.origin}/${repo(req)}/pull/${pull.number}`, title, head: { ref: head }, base: { ref: base }, user: { login: viewer } } };
      },
    },
  ];
}
