/**
 * What `oncall-access doctor` checks: for every source and target of a workspace, that its token
 * is set, that its API answers with that token, and that the token can make every read the
 * config needs (each rotation bound to the source; each managed team and repository, and the
 * identities the config resolves through the target), plus the writes apply needs where the
 * token shows them. Each check is a read the plan makes too, through the same adapters, so a
 * check that passes is a read the plan will not fail for want of a permission. Reads only: the
 * caller gives a read-only fetch.
 */
import { buildAdapters } from './adapters.js';
import type { RotationBinding, SourceConfig, Workspace } from '../config/model.js';
import type { Fetch } from '../http/read-only.js';
import { bindingKey, bindingLabel, type Source } from '../sources/source.js';
import { targetType } from '../targets/registry.js';
import { tokenCheck, type Check } from './check.js';

/** How far ahead a rotation is read to see that it can be: one hour is a request like the plan's. */
const READ_SPAN_MS = 3_600_000;

/** The token each kind of source takes, as the token line names it. */
const TOKEN_KINDS: Readonly<Record<Exclude<SourceConfig['type'], 'rotations'>, string>> = {
  pagerduty: 'a PagerDuty REST API key (read-only is enough)',
  opsgenie: 'an Opsgenie API key with Read access',
  jsm: 'an Atlassian API token with the scopes read:ops-config:jira-service-management and read:jira-user',
};

/** The email line of a jsm source: the variable its emailEnv names is set, or what to set where. */
function emailCheck(subject: string, s: SourceConfig, env: NodeJS.ProcessEnv): Check {
  const what = 'the email of the Atlassian account the API token belongs to';
  if (s.emailEnv === undefined) return { subject, what: 'account email', status: 'missing', detail: `no emailEnv: set it in spec.sources.${s.name} to the environment variable that will hold ${what}` };
  const check = { subject, what: `account email (${s.emailEnv})` };
  return env[s.emailEnv] ? { ...check, status: 'ok' } : { ...check, status: 'missing', detail: `environment variable ${s.emailEnv} is not set: set it to ${what}` };
}

/** The checks of one source: its token (and a jsm source's account email), then one read of each rotation bound to it. */
async function sourceChecks(ws: Workspace, s: SourceConfig, source: Source, env: NodeJS.ProcessEnv, now: Date): Promise<Check[]> {
  const subject = `source "${s.name}"`;
  if (s.type === 'rotations') return [{ subject, what: 'rotations kept in the repository', status: 'ok' }];
  const bound = new Map<string, RotationBinding>();
  for (const b of ws.profiles.flatMap((p) => p.rotations)) if (b.source === s.name) bound.set(bindingKey(b), b);
  const token = tokenCheck(subject, s, 'spec.sources', env, TOKEN_KINDS[s.type]);
  // A jsm source authenticates with the token and the email of the account it belongs to.
  const credentials = s.type === 'jsm' ? [token, emailCheck(subject, s, env)] : [token];
  if (credentials.some((c) => c.status !== 'ok')) return credentials;
  if (bound.size === 0) return [...credentials, { subject, what: 'rotations', status: 'ok', detail: 'no profile binds this source: nothing to read' }];
  const reads = await source.readShifts([...bound.values()], now, new Date(now.getTime() + READ_SPAN_MS));
  return [
    ...credentials,
    ...[...bound].map(([key, b]): Check => {
      const read = reads.get(key)!;
      return read.ok ? { subject, what: bindingLabel(b), status: 'ok' } : { subject, what: bindingLabel(b), status: 'missing', detail: read.error };
    }),
  ];
}

/** Every check of `ws`, sources first, each source and target in config order. */
export async function doctorChecks(ws: Workspace, env: NodeJS.ProcessEnv, fetch: Fetch, now: Date): Promise<Check[]> {
  // Only the sources are taken from here: each target type checks its targets through its own adapter, which reads more than the port gives.
  const { sources } = buildAdapters(ws, env, fetch);
  const all = await Promise.all([...[...ws.config.sources.values()].map((s) => sourceChecks(ws, s, sources.get(s.name)!, env, now)), ...[...ws.config.targets.values()].map((t) => targetType(t).checks(ws, t, env, fetch))]);
  return all.flat();
}

/** A check as one line: `target "github": team acme/sre: missing: ...`. */
export function checkLine(c: Check): string {
  const outcome = c.status === 'ok' ? 'ok' : `${c.status}: ${c.detail ?? ''}`;
  return `${c.subject}: ${c.what}: ${outcome}${c.status === 'ok' && c.detail ? ` (${c.detail})` : ''}`;
}
