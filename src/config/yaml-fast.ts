/**
 * The fast path of the YAML reader: js-yaml for the common file, a single plain mapping or
 * sequence, and positions in such a file from js-yaml's events. `yaml` stays the authority (see
 * yaml-file.ts): a fresh process spends most of `validate` in yaml's parser before V8 has
 * compiled it (issue 14: 0.9 s of CPU for 1,000 profiles, js-yaml 0.2 s), so js-yaml reads what
 * it reads exactly as yaml would, and refuses the rest, which yaml then reads.
 * test/config.yaml-fast.test.ts checks both claims (values and positions) against yaml over
 * random documents.
 */
import { CORE_SCHEMA, EVENT_ID, load, parseEvents, realMapTag, SCALAR_STYLE, type Event } from 'js-yaml';

/** Deeper nesting than this is refused; no oncall-access document needs more than a few levels. */
export const MAX_DEPTH = 32;
/** Keys refused in any mapping: they could reach an object's prototype. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** YAML 1.2's core schema (yaml's default), with mappings as `Map` so that keys keep their type. */
const FAST_SCHEMA = CORE_SCHEMA.withTags(realMapTag);

/**
 * Characters that start anchors, aliases and tags, directives (a `%YAML 1.1` line changes what
 * scalars mean to yaml), tabs (which YAML allows in some places and not in others, and which
 * the two parsers place differently, as in a block scalar's indentation), and a carriage return
 * on its own (a line break to YAML, which positions here would not count): policy files seldom
 * have them, and the two parsers disagree on some of their corners (`{&: 0}`), so a text with
 * one anywhere, even quoted, goes to yaml.
 */
const RARE_SYNTAX = /[&*!\t]|^%|\r(?!\n)/m;

/** What {@link plainOf} returns for a part of a document the fast path leaves to yaml. */
const REFUSED = Symbol('refused');

/** A document the fast path read: its plain value, and the means to find positions in it. */
export interface FastDocument {
  value: object;
  /** The offset where yaml's node for `path` (with `key`: that key of the mapping there) starts, as {@link offsetOf} says. */
  offsetOf(path: readonly (string | number)[], key?: string): number | undefined;
}

/**
 * `text` as a {@link FastDocument} when it is one document whose root is a mapping or a
 * sequence, that js-yaml reads in YAML 1.2's core schema (yaml's default) with no complex key,
 * and that has none of {@link RARE_SYNTAX}; else undefined, and yaml reads the file.
 */
export function readFast(text: string): FastDocument | undefined {
  if (RARE_SYNTAX.test(text)) return undefined;
  let raw: unknown;
  try {
    raw = load(text, { schema: FAST_SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = plainOf(raw, 0);
  if (value === REFUSED) return undefined;
  let tree: Located | undefined;
  return { value: value as object, offsetOf: (path, key) => offsetOf((tree ??= locate(text, raw)), path, key) };
}

/**
 * `value` with its mappings as objects, as yaml's `toJS` makes them; {@link REFUSED} for what
 * yaml refuses or reads differently: nesting past {@link MAX_DEPTH}, a key that is not a string
 * or a number (yaml refuses `true:`, `~:` and `[a]:`), a key in {@link FORBIDDEN_KEYS}, two
 * keys that become the same string (`1` and `"1"`), or a number too large for a double, as a key
 * or a value (see {@link overflows}).
 */
function plainOf(value: unknown, depth: number): unknown {
  if (depth > MAX_DEPTH || overflows(value)) return REFUSED;
  if (Array.isArray(value)) {
    const items = value.map((v) => plainOf(v, depth + 1));
    return items.includes(REFUSED) ? REFUSED : items;
  }
  if (!(value instanceof Map)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of value) {
    if ((typeof k !== 'string' && typeof k !== 'number') || overflows(k)) return REFUSED;
    const key = String(k);
    const plain = plainOf(v, depth + 1);
    if (FORBIDDEN_KEYS.has(key) || Object.hasOwn(out, key) || plain === REFUSED) return REFUSED;
    out[key] = plain;
  }
  return out;
}

/** A decimal number in YAML 1.2's core schema. */
const CORE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/**
 * Whether `value` is a string written as a number too large for a double (`1e400`): yaml reads
 * it as Infinity, js-yaml as the string, so such a file goes to yaml (found by the property
 * test). A quoted `"1e400"` goes too, which costs only time.
 */
function overflows(value: unknown): boolean {
  return typeof value === 'string' && CORE_FLOAT.test(value) && !Number.isFinite(Number(value));
}

/**
 * A node of the document with the offset where yaml's node for it starts (undefined where
 * that is not simply known from the events: an empty value, a block scalar), and its children.
 */
interface Located {
  start: number | undefined;
  items?: Located[];
  entries?: Map<string, { key: Located; value: Located }>;
}

/** The document's nodes from js-yaml's events of `text`, whose keys are read from `raw`, the value js-yaml built from the same text. */
function locate(text: string, raw: unknown): Located {
  const events = parseEvents(text, {});
  let i = 1; // events[0] opens the document
  const node = (value: unknown): Located => {
    const e: Event = events[i++]!;
    if (e.type === EVENT_ID.SCALAR) {
      const quoted = e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED;
      const simple = e.valueStart >= 0 && (quoted || e.style === SCALAR_STYLE.PLAIN);
      return { start: simple ? e.valueStart - (quoted ? 1 : 0) : undefined };
    }
    const start = e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE ? e.start : undefined;
    if (e.type === EVENT_ID.SEQUENCE) {
      const items = (value as unknown[]).map((v) => node(v));
      i++; // its end
      return { start, items };
    }
    const entries = new Map<string, { key: Located; value: Located }>();
    for (const [k, v] of value as Map<unknown, unknown>) entries.set(String(k), { key: node(k), value: node(v) });
    i++; // its end
    return { start, entries };
  };
  return node(raw);
}

/**
 * The offset where yaml's node for `path` starts, found as yaml-file.ts's `positionOf` finds it
 * (the deepest node of the path that exists; with `key`, that key of the mapping there), or
 * undefined when the events do not tell it simply.
 */
function offsetOf(root: Located, path: readonly (string | number)[], key?: string): number | undefined {
  let node = root;
  for (const seg of path) {
    const next = node.entries?.get(String(seg))?.value ?? node.items?.[Number(seg)];
    if (next === undefined) break;
    node = next;
  }
  const keyed = key === undefined ? undefined : node.entries?.get(key)?.key;
  return (keyed ?? node).start;
}
