/**
 * Loading a workspace: the config file and every profile, rotation, identities and request
 * file it points at, checked against the schemas and turned into the model. Collects every
 * problem; never throws for anything a user can get wrong.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { error, hasErrors, warning, type Diagnostic, type SourcePos } from '../core/diagnostics.js';
import { parseDuration } from '../core/duration.js';
import { parseInstant } from '../core/zoned.js';
import type { AccessRequest, Config, ConnectionPos, EntitlementSpec, IdentityEntry, Profile, Rotation, RotationBinding, SourceConfig, TargetConfig, Workspace } from './model.js';
import { checkDocument, type Kind } from './schema.js';
import { checkSemantics } from './semantics.js';
import { declarationOf, TARGET_DECLARATIONS } from '../targets/kinds.js';
import { fsMessage, pos, readYamlFile, SYMLINK_REFUSED, type YamlDoc } from './yaml-file.js';

/** The result of loading: a workspace when there were no errors, and every diagnostic. */
export interface LoadResult {
  workspace?: Workspace;
  diagnostics: Diagnostic[];
}

/** Plain YAML data already checked against its kind's schema, so its shape is known. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema, not the type system, has vouched for it
type Data = any;

/**
 * Loads the config at `configPath` and everything it names. File names in diagnostics are
 * relative to `cwd`. The workspace is returned only when no error was found.
 */
export function loadWorkspace(configPath: string, cwd = process.cwd(), now = new Date()): LoadResult {
  const show = (abs: string): string => relative(cwd, abs) || abs;
  const abs = resolve(cwd, configPath);
  const diagnostics: Diagnostic[] = [];
  const files: Workspace['files'] = [];
  const read = (path: string, kinds: readonly Kind[]): { d: YamlDoc; data: Data }[] => {
    const r = readYamlFile(path, show(path));
    diagnostics.push(...r.diagnostics);
    if (r.docs.length > 0) files.push({ path: show(path), sha256: createHash('sha256').update(r.bytes!).digest('hex') });
    return r.docs.flatMap((d) => {
      const c = checkDocument(d, kinds);
      diagnostics.push(...c.diagnostics);
      return c.kind ? [{ d, data: d.value as Data }] : [];
    });
  };

  const configDocs = read(abs, ['Config']);
  if (configDocs.length !== 1) {
    if (configDocs.length > 1) diagnostics.push(error('expected exactly one Config document', pos(configDocs[1]!.d, [])));
    return { diagnostics };
  }
  const config = toConfig(configDocs[0]!.d, configDocs[0]!.data, abs);
  const skip = new Set([abs, config.paths.identities]);
  const paths = configDocs[0]!.data.spec.paths ?? {};
  const inDir = (dir: string, key: string, required: boolean): string[] => {
    const where = paths[key] === undefined ? { file: show(abs), line: 1, col: 1 } : pos(configDocs[0]!.d, ['spec', 'paths', key]);
    const listed = listYamlFiles(dir, show(dir), where, required);
    diagnostics.push(...listed.diagnostics);
    return listed.files.filter((f) => !skip.has(f));
  };

  const profiles = inDir(config.paths.profiles, 'profiles', true).flatMap((f) =>
    read(f, ['AccessProfile']).map(({ d, data }) => ({ ...toProfile(d, data, diagnostics, config.targets), file: relative(config.dir, f).split('\\').join('/') })),
  );
  const rotations = inDir(config.paths.rotations, 'rotations', paths.rotations !== undefined).flatMap((f) => read(f, ['Rotation'])).flatMap(({ d, data }) => toRotation(d, data, diagnostics));
  const requests = inDir(config.paths.requests, 'requests', false).flatMap((f) => read(f, ['AccessRequest'])).map(({ d, data }) => toRequest(d, data));
  // A configured identities file must exist; the default one is warned about when it is how people are resolved: without it nobody would be granted.
  const identitiesExist = existsFile(config.paths.identities);
  const identities = identitiesExist ? read(config.paths.identities, ['Identities']).flatMap(({ d, data }) => toIdentities(d, data)) : [];
  if (!identitiesExist && paths.identities !== undefined) {
    diagnostics.push(error(`identities file ${show(config.paths.identities)} does not exist: create it or fix spec.paths.identities`, pos(configDocs[0]!.d, ['spec', 'paths', 'identities'])));
  } else if (!identitiesExist && config.identities.includes('file')) {
    const where = configDocs[0]!.data.spec.identities?.resolve !== undefined ? ['spec', 'identities', 'resolve'] : [];
    diagnostics.push(warning(`identities file ${show(config.paths.identities)} does not exist, so nobody is resolved by file and nobody entitled is granted: create it (it maps each email to a GitHub login), or resolve people another way with spec.identities.resolve: [saml] or [verifiedEmail]`, pos(configDocs[0]!.d, where)));
  }

  const workspace: Workspace = { config, profiles, rotations, identities, requests, files };
  if (!hasErrors(diagnostics)) diagnostics.push(...checkSemantics(workspace, now));
  return hasErrors(diagnostics) ? { diagnostics } : { workspace, diagnostics };
}

function existsFile(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function listYamlFiles(dir: string, shown: string, where: SourcePos, required: boolean): { files: string[]; diagnostics: Diagnostic[] } {
  let entries: string[];
  try {
    if (lstatSync(dir).isSymbolicLink()) return { files: [], diagnostics: [error(`directory ${shown} ${SYMLINK_REFUSED}`, where)] };
    entries = readdirSync(dir);
  } catch (e) {
    if (!required && (e as NodeJS.ErrnoException).code === 'ENOENT') return { files: [], diagnostics: [] };
    return { files: [], diagnostics: [error(`directory ${shown} ${fsMessage(e)}`, where)] };
  }
  const diagnostics: Diagnostic[] = [];
  const files = entries
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n))
    .filter((f) => {
      try {
        // A link is listed, so that reading it is refused with its name rather than skipped unseen.
        const st = lstatSync(f);
        return st.isFile() || st.isSymbolicLink();
      } catch (e) {
        diagnostics.push(error(fsMessage(e), { file: join(shown, f.slice(dir.length + 1)) }));
        return false;
      }
    });
  return { files, diagnostics };
}

function toConfig(d: YamlDoc, data: Data, abs: string): Config {
  const dir = dirname(abs);
  const spec = data.spec;
  const paths = spec.paths ?? {};
  return {
    file: d.file,
    dir,
    sources: new Map(Object.entries(spec.sources as Record<string, Data>).map(([name, s]) => [name, { name, type: s.type, tokenEnv: s.tokenEnv, apiUrl: s.apiUrl, cloudId: s.cloudId, emailEnv: s.emailEnv, ...connectionPos(d, 'sources', name, s), keyPos: keyPos(d, name, s) }])),
    targets: new Map(Object.entries(spec.targets as Record<string, Data>).map(([name, s]) => [name, { name, ...declarationOf(s.type).settings(s), tokenEnv: s.tokenEnv, apiUrl: s.apiUrl, ...connectionPos(d, 'targets', name, s) } as TargetConfig])),
    guards: { maxRevocations: spec.guards?.maxRevocations, maxRevocationShare: spec.guards?.maxRevocationShare, protectedAccounts: spec.guards?.protectedAccounts ?? [] },
    coverage: { gaps: spec.coverage?.gaps ?? 'warn' },
    identities: spec.identities?.resolve ?? ['file'],
    samlAttributes: spec.identities?.samlAttributes ?? ['nameId'],
    shards: Object.entries((spec.shards ?? {}) as Record<string, string[]>).map(([name, globs]) => ({ name, globs })),
    paths: {
      profiles: resolve(dir, paths.profiles ?? 'profiles'),
      rotations: resolve(dir, paths.rotations ?? 'rotations'),
      requests: resolve(dir, paths.requests ?? 'requests'),
      identities: resolve(dir, paths.identities ?? 'identities.yaml'),
      state: resolve(dir, paths.state ?? 'state'),
    },
  };
}

/** The position of a source or target (its name) and of its `apiUrl` and `tokenEnv`, or its name's when one is absent. */
function connectionPos(d: YamlDoc, section: 'sources' | 'targets', name: string, data: Data): { pos: SourcePos; fieldPos: ConnectionPos } {
  const at = pos(d, ['spec', section], name);
  const field = (key: 'apiUrl' | 'tokenEnv'): SourcePos => (data[key] === undefined ? at : pos(d, ['spec', section, name], key));
  return { pos: at, fieldPos: { apiUrl: field('apiUrl'), tokenEnv: field('tokenEnv') } };
}

/** The position of a source's `type`, `cloudId` and `emailEnv`, or its name's when one is absent. */
function keyPos(d: YamlDoc, name: string, data: Data): NonNullable<SourceConfig['keyPos']> {
  const at = pos(d, ['spec', 'sources'], name);
  const field = (key: 'type' | 'cloudId' | 'emailEnv'): SourcePos => (data[key] === undefined ? at : pos(d, ['spec', 'sources', name], key));
  return { type: field('type'), cloudId: field('cloudId'), emailEnv: field('emailEnv') };
}

function toProfile(d: YamlDoc, data: Data, diagnostics: Diagnostic[], targets: Config['targets']): Omit<Profile, 'file'> {
  const spec = data.spec;
  for (const edge of ['before', 'after'] as const) {
    const text = spec.window?.[edge];
    if (text !== undefined && parseDuration(text)! > MAX_WINDOW_MS) diagnostics.push(error(`spec.window.${edge}: ${text} is longer than 7d`, pos(d, ['spec', 'window', edge])));
  }
  const hold = spec.incidentHold?.max as string | undefined;
  const holdAt = hold === undefined ? undefined : pos(d, ['spec', 'incidentHold', 'max']);
  if (hold !== undefined && parseDuration(hold)! > MAX_HOLD_MS) diagnostics.push(error(`spec.incidentHold.max: ${hold} is longer than 1d: a hold is for the rest of an incident, not another shift`, holdAt));
  if (hold !== undefined && parseDuration(hold)! === 0) diagnostics.push(error(`spec.incidentHold.max: ${hold} holds nobody: give the longest a hold may last after the window ends (e.g. 4h), or remove incidentHold`, holdAt));
  if (hold !== undefined && spec.mode !== 'auto') diagnostics.push(error('spec.incidentHold: only auto profiles have shifts that end; a requestable profile\'s access ends when its request does', pos(d, ['spec', 'incidentHold'])));
  const rotations = (spec.rotations ?? []).map((r: Data, i: number) => toBinding(d, r, ['spec', 'rotations', i]));
  const entitlements = spec.entitlements.flatMap((e: Data, i: number) => toEntitlement(d, e, ['spec', 'entitlements', i], diagnostics, targets));
  return {
    name: data.metadata.name,
    description: data.metadata.description,
    mode: spec.mode,
    maxRequestMs: spec.maxRequestDuration === undefined ? undefined : parseDuration(spec.maxRequestDuration),
    approval: spec.approval ?? 'review',
    approvers: spec.approvers ?? [],
    rotations,
    window: { beforeMs: parseDuration(spec.window?.before ?? '0s')!, afterMs: parseDuration(spec.window?.after ?? '0s')! },
    members: spec.members ?? [],
    allowEmptyRotations: spec.allowEmptyRotations ?? false,
    ...(hold === undefined ? {} : { incidentHold: { maxMs: parseDuration(hold)!, pos: holdAt! } }),
    entitlements,
    pos: pos(d, ['metadata', 'name']),
  };
}

/** A binding the schema has checked: exactly one of schedule, escalationPolicy and rotation, levels only with escalationPolicy. */
function toBinding(d: YamlDoc, r: Data, path: (string | number)[]): RotationBinding {
  const at = pos(d, path);
  if (r.escalationPolicy !== undefined) return { kind: 'escalationPolicy', source: r.source, escalationPolicy: r.escalationPolicy, levels: r.levels, pos: at };
  if (r.rotation !== undefined) return { kind: 'rotation', source: r.source, rotation: r.rotation, pos: at };
  return { kind: 'schedule', source: r.source, schedule: r.schedule, pos: at };
}

/**
 * A profile's entitlement resolved by its target type's declaration (targets/<type>/declaration.ts):
 * the type's profile fields (GitHub's `team` with `role`, `repository` with `permission`) become
 * a kind, a resource on the target, a level (the kind's first when none is given) and a
 * membership (the kind's default). A field of another target type is an error naming the
 * fields this target takes. A target the config does not declare is reported by the semantic
 * checks, and the workspace refused; its entitlement is read by the type whose fields it uses.
 */
function toEntitlement(d: YamlDoc, e: Data, path: (string | number)[], diagnostics: Diagnostic[], targets: Config['targets']): EntitlementSpec[] {
  const at = pos(d, path);
  const field = `spec.entitlements[${path[2]}]`;
  const problem = (message: string, key?: string): EntitlementSpec[] => {
    diagnostics.push(error(`${field}${key ? `.${key}` : ''}: ${message}`, key ? pos(d, path, key) : at));
    return [];
  };
  const target = targets.get(e.target);
  const keys = Object.keys(e).filter((k) => k !== 'target');
  const fieldsOf = (type: string): string[] => Object.keys(declarationOf(type as TargetConfig['type']).schema.entitlement.properties);
  const type = target?.type ?? (Object.keys(TARGET_DECLARATIONS) as TargetConfig['type'][]).find((t) => keys.some((k) => fieldsOf(t).includes(k)))!;
  const foreign = keys.find((k) => !fieldsOf(type).includes(k));
  if (foreign !== undefined) return problem(`${foreign} is not a field of ${type} targets: "${e.target}" is a ${type} target, whose entitlements take ${fieldsOf(type).join(', ')}`, foreign);
  const declared = declarationOf(type);
  const resolved = declared.entitlement(e, target);
  if (resolved.problem !== undefined) return problem(resolved.problem, resolved.field);
  const kind = declared.kinds[resolved.kind]!;
  return [
    {
      target: e.target,
      kind: resolved.kind,
      resource: resolved.resource,
      written: resolved.written,
      level: resolved.level ?? kind.levels[0]!,
      membership: resolved.membership ?? kind.memberships[0]!,
      ...(resolved.adopt === undefined ? {} : { adopt: resolved.adopt }),
      pos: at,
    },
  ];
}

/** The longest incident hold: the rest of an incident, not another shift. */
export const MAX_HOLD_MS = 86_400_000;

/** Shorter shifts are typos (`1s` for `1d`) and would make a plan compute millions of shifts. */
export const MIN_SHIFT_MS = 3_600_000;
/** Longer windows are typos too; a week before or after a shift is already generous. */
export const MAX_WINDOW_MS = 7 * 86_400_000;

function toRotation(d: YamlDoc, data: Data, diagnostics: Diagnostic[]): Rotation[] {
  const spec = data.spec;
  if (parseDuration(spec.shiftLength)! < MIN_SHIFT_MS) diagnostics.push(error(`spec.shiftLength: ${spec.shiftLength} is shorter than 1h`, pos(d, ['spec', 'shiftLength'])));
  const overrides = (spec.overrides ?? []).map((o: Data, i: number) => {
    const start = parseInstant(o.from, spec.timeZone)!;
    const end = parseInstant(o.to, spec.timeZone)!;
    if (end <= start) diagnostics.push(error(`spec.overrides[${i}]: "to" must be after "from"`, pos(d, ['spec', 'overrides', i, 'to'])));
    return { member: o.member, covers: o.covers, start, end };
  });
  return [{ name: data.metadata.name, description: data.metadata.description, timeZone: spec.timeZone, shiftMs: parseDuration(spec.shiftLength)!, firstHandoff: spec.firstHandoff, members: spec.members, overrides, pos: pos(d, ['metadata', 'name']) }];
}

function toIdentities(d: YamlDoc, data: Data): IdentityEntry[] {
  const accounts = (p: Data): Record<string, string> => Object.fromEntries(Object.keys(TARGET_DECLARATIONS).flatMap((type) => (p[type] === undefined ? [] : [[type, p[type]]])));
  return data.spec.identities.map((p: Data, i: number) => ({ email: p.email, accounts: accounts(p), ...(p.accountId === undefined ? {} : { accountId: p.accountId }), pos: pos(d, ['spec', 'identities', i]) }));
}

function toRequest(d: YamlDoc, data: Data): AccessRequest {
  const s = data.spec;
  return { profile: s.profile, subject: s.subject, reason: s.reason, durationMs: parseDuration(s.duration)!, requestedAt: parseInstant(s.requestedAt, 'UTC')!, file: d.file, pos: pos(d, ['spec', 'profile']) };
}
