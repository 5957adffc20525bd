/**
 * Sharding for very large organisations: a run limited to some profiles (`--profiles GLOB`), so
 * a workflow can plan and apply a matrix of shards in parallel. Pure: selection by glob, and the
 * checks that keep shards from fighting over an entitlement.
 *
 * Why shards must not share an entitlement: teams are exclusive by default, so a run revokes
 * every holder no profile *of that run* wants. If profiles of two shards named the same team,
 * each shard's apply would revoke the people the other's profiles grant, every run. Hence:
 * - a selection must be closed: every profile naming an entitlement of a selected profile is
 *   selected too ({@link selectShard} refuses a selection that splits one);
 * - shards must be disjoint: no entitlement is managed by two shards ({@link shardOverlaps},
 *   {@link checkShards}, which `validate` runs over the declared shards).
 *
 * Globs match a profile's name (`payments-*`), or its file path relative to the config
 * directory when the glob has a `/` or ends in `.yaml`/`.yml` (`profiles/payments-*.yaml`):
 * `*` any characters but `/`, `**` any characters, `?` one character but `/`, `[a-z]` a class,
 * `{a,b}` alternatives. A glob starting with `!` excludes what it matches. A profile is
 * selected when it matches at least one including glob (or there are only excluding ones) and
 * no excluding glob.
 */
import { error, warning, type Diagnostic } from '../core/diagnostics.js';
import type { EntitlementSpec, Profile } from './model.js';
import { entitlementKey } from '../core/entitlement.js';

/** A profile as sharding sees it: its name, its file (relative to the config directory) and what it manages. */
export interface ShardProfile {
  name: string;
  file: string;
  entitlements: readonly Pick<EntitlementSpec, 'target' | 'kind' | 'resource' | 'written'>[];
}

/** A named set of globs: one shard of a matrix. */
export interface Shard {
  name: string;
  globs: readonly string[];
}

/** Why a glob cannot be used, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  if (body === '') return 'an empty glob matches nothing';
  if (body.length > 200) return 'a glob is at most 200 characters';
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '[') {
      const end = body.indexOf(']', i + 1);
      if (end < 0) return 'a "[" is not closed';
      if (end === i + 1 || (end === i + 2 && body[i + 1] === '!')) return 'a character class "[]" is empty';
      i = end;
    } else if (ch === '{') {
      depth += 1;
      if (depth > 1) return 'alternatives ({a,b}) cannot nest';
    } else if (ch === '}') {
      depth -= 1;
      if (depth < 0) return 'a "}" closes no "{"';
    }
  }
  return depth === 0 ? undefined : 'a "{" is not closed';
}

/** The regular expression a glob (without its `!`) compiles to, matching whole strings. */
export function globToRegExp(glob: string): RegExp {
  const problem = globProblem(glob);
  if (problem !== undefined) throw new Error(`glob "${glob}": ${problem}`);
  const body = glob.startsWith('!') ? glob.slice(1) : glob;
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, (c) => `\\${c}`);
  let re = '';
  let inBraces = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch === '*' && body[i + 1] === '*') {
      // `**/` also matches no directory at all.
      const slash = body[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = body.indexOf(']', i + 1);
      const inner = body.slice(i + 1, end);
      const negate = inner.startsWith('!');
      re += `[${negate ? '^' : ''}${(negate ? inner.slice(1) : inner).replace(/[\\\]^]/g, (c) => `\\${c}`)}]`;
      i = end;
    } else if (ch === '{') {
      re += '(?:';
      inBraces = true;
    } else if (ch === '}') {
      re += ')';
      inBraces = false;
    } else if (ch === ',' && inBraces) re += '|';
    else re += escape(ch);
  }
  return new RegExp(`^${re}$`);
}

/** True when the glob is about file paths rather than profile names. */
function matchesFiles(glob: string): boolean {
  return glob.includes('/') || /\.ya?ml$/.test(glob);
}

/** True when `p` is selected by `globs` (see the module comment). */
export function matchesShard(p: Pick<ShardProfile, 'name' | 'file'>, globs: readonly string[]): boolean {
  const test = (g: string): boolean => globToRegExp(g).test(matchesFiles(g) ? p.file.split('\\').join('/') : p.name);
  const include = globs.filter((g) => !g.startsWith('!'));
  const exclude = globs.filter((g) => g.startsWith('!'));
  return (include.length === 0 || include.some(test)) && !exclude.some(test);
}

/** How sharding names an entitlement to people, lower-cased as its key: `team payments-deployers on github`. */
export function describeEntitlement(e: Pick<EntitlementSpec, 'target' | 'kind' | 'written'>): string {
  return `${e.kind} ${e.written} on ${e.target}`.toLowerCase();
}

/** By the {@link entitlementKey} two profiles share when they manage the same entitlement: how it reads, and the names of the profiles managing it. */
function byEntitlement(profiles: readonly ShardProfile[]): Map<string, { shown: string; names: string[] }> {
  const out = new Map<string, { shown: string; names: string[] }>();
  for (const p of profiles) {
    for (const e of p.entitlements) {
      const seen = out.get(entitlementKey(e)) ?? { shown: describeEntitlement(e), names: [] };
      if (!seen.names.includes(p.name)) seen.names.push(p.name);
      out.set(entitlementKey(e), seen);
    }
  }
  return out;
}

/** One entitlement two sets of profiles both manage, with who manages it on each side. */
export interface Overlap {
  /** Its {@link entitlementKey}. */
  entitlement: string;
  /** How it reads to people ({@link describeEntitlement}), as the first profile of `a` names it. */
  shown: string;
  a: string[];
  b: string[];
}

/** The entitlements both `a` and `b` manage: two shards with any would revoke each other's grants. */
export function shardOverlaps(a: readonly ShardProfile[], b: readonly ShardProfile[]): Overlap[] {
  const left = byEntitlement(a);
  const right = byEntitlement(b);
  return [...left].filter(([key]) => right.has(key)).map(([entitlement, { shown, names }]) => ({ entitlement, shown, a: names, b: right.get(entitlement)!.names })).sort((x, y) => x.entitlement.localeCompare(y.entitlement));
}

/** A selection and what is wrong with running it alone. */
export interface Selection<P extends ShardProfile> {
  profiles: P[];
  /** Errors: a bad glob, a selection that is empty, or one that splits an entitlement. */
  diagnostics: Diagnostic[];
}

/**
 * The profiles `globs` select, refusing (with error diagnostics) bad globs, an empty selection,
 * and a selection that leaves out a profile managing an entitlement a selected profile manages:
 * running that shard would revoke what the left-out profile grants.
 */
export function selectShard<P extends ShardProfile>(profiles: readonly P[], globs: readonly string[]): Selection<P> {
  const bad = globs.flatMap((g) => {
    const problem = globProblem(g);
    return problem === undefined ? [] : [error(`--profiles "${g}": ${problem}`)];
  });
  if (bad.length > 0) return { profiles: [], diagnostics: bad };
  const selected = profiles.filter((p) => matchesShard(p, globs));
  if (selected.length === 0) return { profiles: [], diagnostics: [error(`--profiles ${globs.map((g) => `"${g}"`).join(' ')} selects no profile`)] };
  const outside = profiles.filter((p) => !selected.includes(p));
  const diagnostics = shardOverlaps(selected, outside).map((o) =>
    error(`--profiles splits ${o.shown}: it is managed by ${list(o.a)} (selected) and ${list(o.b)} (not selected); a run of this shard would revoke what the others grant. Select all of them, or none`),
  );
  return { profiles: diagnostics.length > 0 ? [] : selected, diagnostics };
}

/**
 * Checks the shards of a matrix over all profiles: an error for every entitlement two shards
 * manage (including through a profile two shards select), a warning for every profile no shard
 * selects (it would never be applied) and for every shard that selects nothing.
 */
export function checkShards(profiles: readonly ShardProfile[], shards: readonly Shard[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const bad = shards.flatMap((s) => s.globs.flatMap((g) => (globProblem(g) === undefined ? [] : [error(`shard "${s.name}": glob "${g}": ${globProblem(g)}`)])));
  if (bad.length > 0) return bad;
  const members = shards.map((s) => ({ shard: s, profiles: profiles.filter((p) => matchesShard(p, s.globs)) }));
  for (const m of members) if (m.profiles.length === 0) out.push(warning(`shard "${m.shard.name}" selects no profile`));
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i]!, members[j]!];
      for (const o of shardOverlaps(a.profiles, b.profiles)) {
        out.push(error(`shards "${a.shard.name}" and "${b.shard.name}" both manage ${o.shown} (through ${list(o.a)} and ${list(o.b)}); each would revoke what the other grants`));
      }
    }
  }
  const covered = new Set(members.flatMap((m) => m.profiles));
  for (const p of profiles) if (!covered.has(p)) out.push(warning(`profile "${p.name}" (${p.file}) is in no shard: no shard's apply manages it`));
  return out;
}

/** A profile of the model with the file path sharding matches: `file` relative to the config directory. */
export function shardProfile(p: Profile, file: string): ShardProfile & { profile: Profile } {
  return { name: p.name, file, entitlements: p.entitlements, profile: p };
}

function list(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((n) => `"${n}"`);
  return names.length > 3 ? `${shown.join(', ')} and ${names.length - 3} more` : shown.join(', ');
}
