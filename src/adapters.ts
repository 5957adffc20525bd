/**
 * The edge where configuration meets I/O: builds the source and target adapters a workspace
 * declares, taking tokens from the environment variables the config names.
 */
import { error, type Diagnostic } from './diagnostics.js';
import type { SourceConfig, TargetConfig, Workspace } from './config/model.js';
import type { Fetch } from './http/read-only.js';
import { RotationsSource } from './sources/rotations.js';
import { bindingKey, type Source } from './sources/source.js';
import { GitHubTarget } from './targets/github.js';
import type { Target } from './targets/target.js';

/** Adapters by source or target name, plus problems building them (missing tokens). */
export interface Adapters {
  sources: Map<string, Source>;
  targets: Map<string, Target>;
  diagnostics: Diagnostic[];
}

/** A source type with no adapter yet: every rotation it serves is unknown, never empty. */
function unsupported(type: string): Source {
  return {
    readShifts: async (bindings) => new Map(bindings.map((b) => [bindingKey(b), { ok: false as const, error: `${type} sources are not supported yet` }])),
  };
}

function token(c: SourceConfig | TargetConfig, kind: string, env: NodeJS.ProcessEnv, diagnostics: Diagnostic[]): string | undefined {
  if (c.tokenEnv === undefined) return undefined;
  const value = env[c.tokenEnv];
  if (value === undefined || value === '') diagnostics.push(error(`${kind} "${c.name}": environment variable ${c.tokenEnv} (its tokenEnv) is not set`, c.pos));
  return value;
}

/** Builds every adapter of `ws`; `fetch` is the transport (read-only for plan and validate). */
export function buildAdapters(ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch): Adapters {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, Source>();
  for (const s of ws.config.sources.values()) {
    if (s.type === 'rotations') sources.set(s.name, new RotationsSource(new Map(ws.rotations.map((r) => [r.name, r]))));
    else sources.set(s.name, unsupported(s.type));
  }
  const targets = new Map<string, Target>();
  for (const t of ws.config.targets.values()) {
    targets.set(t.name, new GitHubTarget({ baseUrl: t.apiUrl ?? 'https://api.github.com', token: token(t, 'target', env, diagnostics), fetch }));
  }
  return { sources, targets, diagnostics };
}
