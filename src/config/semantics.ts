/**
 * Rules that span documents: names are unique, references resolve to declared things of the
 * right type, and profiles that share an entitlement agree on how it is managed.
 */
import { error, warning, type Diagnostic, type SourcePos } from '../core/diagnostics.js';
import { formatDuration } from '../core/duration.js';
import { checkShards, shardProfile } from './shard.js';
import { rotationProblem } from '../sources/rotations.js';
import { withArticle } from '../core/wording.js';
import { entitlementKey } from '../core/entitlement.js';
import { TARGET_DECLARATIONS, type TargetTypeName } from '../targets/kinds.js';
import type { EntitlementSpec, IdentityEntry, Profile, Rotation, RotationBinding, SourceConfig, Workspace } from './model.js';

/** Which bindings each source type can serve. */
const BINDINGS_BY_SOURCE: Record<string, readonly RotationBinding['kind'][]> = {
  pagerduty: ['schedule', 'escalationPolicy'],
  opsgenie: ['schedule'],
  jsm: ['schedule'],
  rotations: ['rotation'],
};

const at = (p: SourcePos): string => `${p.file}:${p.line}`;

/** Every cross-document problem in a workspace whose documents are each valid. */
export function checkSemantics(ws: Workspace, now: Date = new Date()): Diagnostic[] {
  const shards = ws.config.shards.length === 0 ? [] : checkShards(shardProfiles(ws), ws.config.shards).map((d) => ({ ...d, file: ws.config.file }));
  return [...shards, ...sourceTokens(ws), ...uniqueNames(ws), ...ws.rotations.flatMap(checkRotation), ...ws.profiles.flatMap((p) => checkProfile(ws, p)), ...sharedEntitlements(ws.profiles), ...checkIdentities(ws), ...checkRequests(ws, now)];
}

function checkRotation(r: Rotation): Diagnostic[] {
  const problem = rotationProblem(r);
  return problem ? [error(`rotation "${r.name}": ${problem}`, r.pos)] : [];
}

/** Profiles as sharding matches them: files relative to the config's directory. */
export function shardProfiles(ws: Workspace): ReturnType<typeof shardProfile>[] {
  return ws.profiles.map((p) => shardProfile(p, p.file));
}

function sourceTokens(ws: Workspace): Diagnostic[] {
  return [...ws.config.sources.values()].flatMap((s) => {
    const out = s.type !== 'rotations' && s.tokenEnv === undefined ? [error(`source "${s.name}": ${withArticle(s.type)} source needs tokenEnv, the environment variable holding its read-only API key`, s.pos)] : [];
    return [...out, ...jsmSettings(s)];
  });
}

/** A jsm source names its site and the account its token belongs to; no other source takes either. */
function jsmSettings(s: SourceConfig): Diagnostic[] {
  const keyPos = s.keyPos ?? { type: s.pos, cloudId: s.pos, emailEnv: s.pos };
  if (s.type !== 'jsm') {
    const extra = (['cloudId', 'emailEnv'] as const).filter((k) => s[k] !== undefined);
    return extra.map((k) => error(`source "${s.name}": ${k} is for a jsm source (Jira Service Management Operations); ${withArticle(s.type)} source does not use it`, keyPos[k]));
  }
  return [
    ...(s.cloudId === undefined ? [error(`source "${s.name}": a jsm source needs cloudId, the Atlassian site's cloud id (https://YOUR-SITE.atlassian.net/_edge/tenant_info shows it)`, s.pos)] : []),
    ...(s.emailEnv === undefined ? [error(`source "${s.name}": a jsm source needs emailEnv, the environment variable holding the email of the Atlassian account its API token belongs to`, s.pos)] : []),
  ];
}

function uniqueNames(ws: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [what, items] of [
    ['profile', ws.profiles],
    ['rotation', ws.rotations],
  ] as const) {
    const first = new Map<string, SourcePos>();
    for (const item of items) {
      const seen = first.get(item.name);
      if (seen) out.push(error(`${what} "${item.name}" is declared twice (first at ${at(seen)})`, item.pos));
      else first.set(item.name, item.pos);
    }
  }
  return out;
}

function checkProfile(ws: Workspace, p: Profile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const b of p.rotations) {
    const source = ws.config.sources.get(b.source);
    if (!source) {
      out.push(error(`profile "${p.name}": source "${b.source}" is not declared in ${ws.config.file} (declared: ${[...ws.config.sources.keys()].join(', ') || 'none'})`, b.pos));
    } else if (!BINDINGS_BY_SOURCE[source.type]!.includes(b.kind)) {
      out.push(error(`profile "${p.name}": a ${source.type} source takes ${BINDINGS_BY_SOURCE[source.type]!.join(' or ')}, not ${b.kind}`, b.pos));
    } else if (b.kind === 'rotation' && !ws.rotations.some((r) => r.name === b.rotation)) {
      out.push(error(`profile "${p.name}": rotation "${b.rotation}" is not declared in any Rotation file`, b.pos));
    }
  }
  const seen = new Map<string, SourcePos>();
  for (const e of p.entitlements) {
    const target = ws.config.targets.get(e.target);
    if (!target) out.push(error(`profile "${p.name}": target "${e.target}" is not declared in ${ws.config.file}`, e.pos));
    const key = entitlementKey(e);
    const dup = seen.get(key);
    if (dup) out.push(error(`profile "${p.name}": ${describe(e)} is listed twice (first at ${at(dup)})`, e.pos));
    seen.set(key, e.pos);
  }
  if (p.mode === 'requestable' && p.maxRequestMs === undefined) {
    out.push(error(`profile "${p.name}": a requestable profile needs spec.maxRequestDuration (the longest one request may ask for)`, p.pos));
  }
  if (p.mode === 'auto' && p.maxRequestMs !== undefined) out.push(warning(`profile "${p.name}": maxRequestDuration is ignored for mode auto`, p.pos));
  if (p.rotations.length === 0 && p.members.length === 0) out.push(warning(`profile "${p.name}" binds no rotation and no members: it entitles nobody`, p.pos));
  const unheld = p.incidentHold ? p.rotations.filter((b) => ws.config.sources.get(b.source)?.type !== 'pagerduty') : [];
  if (unheld.length > 0) {
    const which = [...new Set(unheld.map((b) => b.source))].join(', ');
    out.push(warning(`profile "${p.name}": incidentHold reads PagerDuty incidents only, so whoever's shift ends in the rotations of source(s) ${which} is not held (Opsgenie and JSM alerts are not read: see "Incident hold" in docs/operations.md)`, p.incidentHold!.pos));
  }
  return out;
}

/** An entitlement as the profile names it: `team "payments-deployers" on github`. */
function describe(e: EntitlementSpec): string {
  return `${e.kind} "${e.written}" on ${e.target}`;
}

/**
 * Profiles that name one entitlement (the same {@link entitlementKey}, so whatever the letter
 * case: GitHub's names are case-insensitive) must agree on its membership mode, or one of
 * them would lose its intent when desire merges them.
 */
function sharedEntitlements(profiles: readonly Profile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, { profile: string; membership: string; pos: SourcePos }>();
  for (const p of profiles) {
    for (const e of p.entitlements) {
      const key = entitlementKey(e);
      const seen = first.get(key);
      if (!seen) first.set(key, { profile: p.name, membership: e.membership, pos: e.pos });
      else if (seen.membership !== e.membership) {
        out.push(error(`profile "${p.name}": ${describe(e)} is ${e.membership} here but ${seen.membership} in profile "${seen.profile}" (${at(seen.pos)}); profiles sharing an entitlement must agree`, e.pos));
      }
    }
  }
  return out;
}

function checkIdentities(ws: Workspace): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, IdentityEntry>();
  const accounts = new Map<string, { email: string; pos: SourcePos }>();
  for (const i of ws.identities) {
    const email = i.email.toLowerCase();
    const seen = first.get(email);
    const differ = (Object.keys(TARGET_DECLARATIONS) as TargetTypeName[]).filter((type) => seen?.accounts[type] !== undefined && i.accounts[type] !== undefined && seen.accounts[type].toLowerCase() !== i.accounts[type].toLowerCase());
    if (!seen) first.set(email, i);
    else if (differ.length > 0) for (const type of differ) out.push(error(`${i.email} is mapped to two ${TARGET_DECLARATIONS[type].account}s: ${seen.accounts[type]} (${at(seen.pos)}) and ${i.accounts[type]}`, i.pos));
    else out.push(warning(`${i.email} is listed twice (first at ${at(seen.pos)})`, i.pos));
    if (i.accountId === undefined) continue;
    const account = accounts.get(i.accountId);
    if (!account) accounts.set(i.accountId, i);
    else if (account.email.toLowerCase() !== email) out.push(error(`Atlassian account ${i.accountId} is mapped to two emails: ${account.email} (${at(account.pos)}) and ${i.email}`, i.pos));
  }
  return out;
}

/** Clock skew tolerated for a request's `requestedAt`. */
const SKEW_MS = 5 * 60_000;

/**
 * What can be checked of requests without reading any API: the profile exists and is
 * requestable, the duration is positive and within its maximum, the request is not dated in
 * the future, no request is filed twice, and (when only the identities file resolves people)
 * the subject resolves. Being on call is checked by plan, which reads the sources.
 */
export function checkRequests(ws: Workspace, now: Date): Diagnostic[] {
  const seen = new Map<string, SourcePos>();
  return ws.requests.flatMap((r) => {
    const out: Diagnostic[] = [];
    const p = ws.profiles.find((x) => x.name === r.profile);
    if (!p) return [error(`request for unknown profile "${r.profile}"`, r.pos)];
    if (p.mode !== 'requestable') return [error(`profile "${r.profile}" is not requestable (mode: ${p.mode})`, r.pos)];
    if (r.durationMs <= 0) out.push(error(`request duration must be more than 0`, r.pos));
    if (p.maxRequestMs !== undefined && r.durationMs > p.maxRequestMs) out.push(error(`request duration ${formatDuration(r.durationMs)} is longer than profile "${p.name}" allows (${formatDuration(p.maxRequestMs)})`, r.pos));
    if (r.requestedAt.getTime() > now.getTime() + SKEW_MS) out.push(error(`request is dated in the future (${r.requestedAt.toISOString()})`, r.pos));
    const key = `${r.profile}/${r.subject}/${r.requestedAt.toISOString()}`.toLowerCase();
    const dup = seen.get(key);
    if (dup) out.push(error(`the same request is filed twice (first at ${at(dup)})`, r.pos));
    seen.set(key, r.pos);
    if (r.subject.includes('@') && ws.config.identities.every((m) => m === 'file') && !ws.identities.some((i) => i.email.toLowerCase() === r.subject.toLowerCase())) {
      out.push(error(`nobody can resolve ${r.subject} to a GitHub login: add them to the identities file`, r.pos));
    }
    return out;
  });
}
