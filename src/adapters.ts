/**
 * The edge where configuration meets I/O: builds the source and target adapters a workspace
 * declares, taking tokens from the environment variables the config names.
 */
import { error, warning, type Diagnostic } from './diagnostics.js';
import type { SourceConfig, TargetConfig, Workspace } from './config/model.js';
import type { Fetch } from './http/read-only.js';
import { OpsgenieSource } from './sources/opsgenie.js';
import { PagerDutySource } from './sources/pagerduty.js';
import { RotationsSource } from './sources/rotations.js';
import { bindingKey, type Source } from './sources/source.js';
import { MIN_SECRET_LENGTH } from './redact.js';
import { GitHubTarget } from './targets/github.js';
import type { Target } from './targets/target.js';
import { plural } from './wording.js';

/** Adapters by source or target name, plus problems building them (missing tokens). */
export interface Adapters {
  sources: Map<string, Source>;
  targets: Map<string, Target>;
  diagnostics: Diagnostic[];
}

/** A source that cannot be used (no token): every rotation it serves is unknown, never empty. */
function unavailable(why: string): Source {
  return {
    readShifts: async (bindings) => new Map(bindings.map((b) => [bindingKey(b), { ok: false as const, error: why }])),
  };
}

function token(c: SourceConfig | TargetConfig, kind: string, env: NodeJS.ProcessEnv, diagnostics: Diagnostic[]): string | undefined {
  if (c.tokenEnv === undefined) return undefined;
  const value = env[c.tokenEnv];
  if (value === undefined || value === '') diagnostics.push(error(`${kind} "${c.name}": environment variable ${c.tokenEnv} (its tokenEnv) is not set`, c.pos));
  else if (value.length < MIN_SECRET_LENGTH) {
    diagnostics.push(warning(`${kind} "${c.name}": environment variable ${c.tokenEnv} (its tokenEnv) holds ${plural(value.length, 'character')}, too few for a real token: check it. A value this short is not hidden in output (it would hide parts of ordinary words)`, c.pos));
  }
  return value;
}

/** Builds every adapter of `ws`; `fetch` is the transport (read-only for plan and validate). */
export function buildAdapters(ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch): Adapters {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, Source>();
  for (const s of ws.config.sources.values()) {
    if (s.type === 'rotations') {
      sources.set(s.name, new RotationsSource(new Map(ws.rotations.map((r) => [r.name, r]))));
      continue;
    }
    const key = token(s, 'source', env, diagnostics);
    if (key === undefined) sources.set(s.name, unavailable(`source "${s.name}" has no token (set ${s.tokenEnv ?? 'tokenEnv in the config'})`));
    else if (s.type === 'opsgenie') sources.set(s.name, new OpsgenieSource({ apiUrl: s.apiUrl, apiKey: key, fetch, tokenEnv: s.tokenEnv }));
    else sources.set(s.name, new PagerDutySource({ apiUrl: s.apiUrl, token: key, fetch }));
  }
  const targets = new Map<string, Target>();
  for (const t of ws.config.targets.values()) {
    targets.set(t.name, new GitHubTarget({ baseUrl: t.apiUrl ?? 'https://api.github.com', token: token(t, 'target', env, diagnostics), fetch }));
  }
  return { sources, targets, diagnostics };
}
