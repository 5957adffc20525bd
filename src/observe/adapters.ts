/**
 * The edge where configuration meets I/O: builds the source and target adapters a workspace
 * declares, taking tokens from the environment variables the config names. A source or target
 * whose token variable is not set is reported here and never asked anything: its reads fail at
 * once, so what it feeds is frozen. A read that fails because of the source's or target's own
 * settings (a host that cannot be reached, a token refused) is anchored at that setting's line.
 */
import { error, warning, type Diagnostic, type ReadFailure } from '../core/diagnostics.js';
import type { ConnectionPos, RotationBinding, SourceConfig, TargetConfig, Workspace } from '../config/model.js';
import type { Fetch } from '../http/read-only.js';
import { JsmSource } from '../sources/jsm.js';
import { OpsgenieSource } from '../sources/opsgenie.js';
import { PagerDutySource } from '../sources/pagerduty.js';
import { RotationsSource } from '../sources/rotations.js';
import { bindingKey, type Source } from '../sources/source.js';
import { MIN_SECRET_LENGTH } from '../util/redact.js';
import { entitlementKey } from '../core/entitlement.js';
import { targetType } from '../targets/registry.js';
import type { Target } from '../targets/target.js';
import { plural } from '../core/wording.js';

/** Adapters by source or target name, plus problems building them (missing tokens). */
export interface Adapters {
  sources: Map<string, Source>;
  targets: Map<string, Target>;
  diagnostics: Diagnostic[];
}

/** A source that cannot be used (no token): every rotation it serves is unknown, never empty. */
function unavailableSource(failure: ReadFailure): Source {
  return {
    readShifts: async (bindings) => new Map(bindings.map((b) => [bindingKey(b), failure])),
  };
}

/** A target that cannot be used (no token): nothing is read from it, so its entitlements are frozen; a write is refused. */
function unavailableTarget(failure: ReadFailure): Target {
  const refuse = async (): Promise<never> => {
    throw new Error(failure.error);
  };
  return {
    readIdentities: async () => failure,
    readHolders: async (refs) => new Map(refs.map((r) => [entitlementKey(r), failure])),
    grant: refuse,
    revoke: refuse,
  };
}

/** `read` anchored where its fault is fixed: the apiUrl line for an unreachable host, the tokenEnv line for a token problem. */
function anchor<R extends { ok: true } | ReadFailure>(read: R, at: ConnectionPos): R {
  if (read.ok || read.fault === undefined || read.pos !== undefined) return read;
  return { ...read, pos: read.fault === 'endpoint' ? at.apiUrl : at.tokenEnv };
}

function anchorAll<R extends { ok: true } | ReadFailure>(reads: Map<string, R>, at: ConnectionPos): Map<string, R> {
  return new Map([...reads].map(([key, read]) => [key, anchor(read, at)]));
}

function anchoredSource(source: Source, at: ConnectionPos): Source {
  const incidents = source.readIncidents?.bind(source);
  return {
    readShifts: async (bindings, since, until) => anchorAll(await source.readShifts(bindings, since, until), at),
    ...(incidents ? { readIncidents: async (bindings: readonly RotationBinding[]) => anchorAll(await incidents(bindings), at) } : {}),
  };
}

function anchoredTarget(target: Target, at: ConnectionPos): Target {
  const applyChanges = target.applyChanges?.bind(target);
  return {
    readIdentities: async (method, emails) => anchor(await target.readIdentities(method, emails), at),
    readHolders: async (refs) => anchorAll(await target.readHolders(refs), at),
    grant: (...args) => target.grant(...args),
    revoke: (...args) => target.revoke(...args),
    ...(applyChanges ? { applyChanges } : {}),
  };
}

/**
 * The token `c` names: its value; `undefined` when `c` names no variable; a failure (and an
 * error in `diagnostics`) when the variable is not set. That error is a failed read: what the
 * source or target feeds is frozen, and the rest of a plan can still be applied.
 */
function token(c: SourceConfig | TargetConfig, kind: string, env: NodeJS.ProcessEnv, diagnostics: Diagnostic[]): string | ReadFailure | undefined {
  if (c.tokenEnv === undefined) return undefined;
  const value = env[c.tokenEnv];
  if (value === undefined || value === '') {
    diagnostics.push({ ...error(`${kind} "${c.name}": environment variable ${c.tokenEnv} (its tokenEnv) is not set, so nothing is read from it: set it, or fix tokenEnv`, c.fieldPos.tokenEnv), code: 'read-failed' });
    return { ok: false, error: `${c.tokenEnv} (the tokenEnv of ${kind} "${c.name}") is not set, so nothing was asked`, fault: 'token' };
  }
  if (value.length < MIN_SECRET_LENGTH) {
    diagnostics.push(warning(`${kind} "${c.name}": environment variable ${c.tokenEnv} (its tokenEnv) holds ${plural(value.length, 'character')}, too few for a real token: check it. A value this short is not hidden in output (it would hide parts of ordinary words)`, c.fieldPos.tokenEnv));
  }
  return value;
}

/**
 * A jsm source: Basic authentication takes the account email from `emailEnv`, checked like the
 * token (not set: an error at the emailEnv line, and nothing asked); the identities file's
 * account ids name people whose email Atlassian does not show.
 */
function jsmSource(s: SourceConfig, token: string, ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch, diagnostics: Diagnostic[]): Source {
  const email = s.emailEnv === undefined ? undefined : env[s.emailEnv];
  if (email === undefined || email === '') {
    const at = s.keyPos?.emailEnv ?? s.pos;
    const what = s.emailEnv === undefined ? ' has no emailEnv' : `: environment variable ${s.emailEnv} (its emailEnv) is not set`;
    diagnostics.push({ ...error(`source "${s.name}"${what}, so nothing is read from it: set it to the email of the Atlassian account the API token belongs to, or fix emailEnv`, at), code: 'read-failed' });
    return unavailableSource({ ok: false, error: `${s.emailEnv ?? 'emailEnv'} (the emailEnv of source "${s.name}") is not set, so nothing was asked`, fault: 'token', pos: at });
  }
  const accounts = new Map(ws.identities.flatMap((i) => (i.accountId === undefined ? [] : [[i.accountId, i.email] as const])));
  return new JsmSource({ apiUrl: s.apiUrl, cloudId: s.cloudId ?? '', email, token, fetch, tokenEnv: s.tokenEnv, emailEnv: s.emailEnv, accounts });
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
    let source: Source;
    if (typeof key !== 'string') source = unavailableSource(key ?? { ok: false, error: `source "${s.name}" has no token (set tokenEnv in the config)`, fault: 'token' });
    else if (s.type === 'opsgenie') source = new OpsgenieSource({ apiUrl: s.apiUrl, apiKey: key, fetch, tokenEnv: s.tokenEnv });
    else if (s.type === 'jsm') source = jsmSource(s, key, ws, env, fetch, diagnostics);
    else source = new PagerDutySource({ apiUrl: s.apiUrl, token: key, fetch, tokenEnv: s.tokenEnv });
    sources.set(s.name, anchoredSource(source, s.fieldPos));
  }
  const targets = new Map<string, Target>();
  for (const t of ws.config.targets.values()) {
    const key = token(t, 'target', env, diagnostics);
    const target = typeof key === 'object' ? unavailableTarget(key) : targetType(t).connect(t, { token: key, fetch, env });
    targets.set(t.name, anchoredTarget(target, t.fieldPos));
  }
  return { sources, targets, diagnostics };
}
