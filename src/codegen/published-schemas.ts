/**
 * The published JSON Schemas that target types add to (config, access profile, identities): a
 * base schema in src/codegen/schemas/ with, where it says `"x-target-fragment": PART`, the
 * fragments of every registered target type merged in ({@link SchemaFragment}). The other
 * schemas in schemas/ are written by hand. Pure but for reading the bases: a test tells when
 * schemas/ is stale.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NamedSchema } from '../docs/reference.js';
import type { JsonSchema, SchemaFragment } from '../targets/target.js';

/** Directory holding the base schemas (read at build time only). */
export const BASE_SCHEMAS_DIR = fileURLToPath(new URL('../../src/codegen/schemas/', import.meta.url));

/** The key a base schema marks the place of a part of the target types' fragments with. */
const MARKER = 'x-target-fragment';

/** Every base schema, by file name in code-unit order. */
export function readBaseSchemas(dir = BASE_SCHEMAS_DIR): NamedSchema[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort();
  return files.map((file) => ({ file, schema: JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) }));
}

/** Each base schema with the fragments of `types` (by type name, in registry order) merged in. */
export function publishedSchemas(bases: readonly NamedSchema[], types: Readonly<Record<string, SchemaFragment>>): NamedSchema[] {
  const entries = Object.entries(types);
  if (entries.length === 0) throw new Error('no target type to publish schemas for');
  return bases.map(({ file, schema }) => ({ file, schema: fill(schema, entries) as NamedSchema['schema'] }));
}

type Types = readonly (readonly [string, SchemaFragment])[];

function fill(node: unknown, types: Types): unknown {
  if (Array.isArray(node)) return node.map((n) => fill(n, types));
  if (typeof node !== 'object' || node === null) return node;
  const { [MARKER]: part, ...rest } = node as JsonSchema;
  const filled: JsonSchema = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, fill(v, types)]));
  if (part === undefined) return filled;
  if (part === 'target') return targetPart(filled, types);
  if (part === 'entitlement') return entitlementPart(filled, types);
  if (part === 'identity') return identityPart(filled, types);
  throw new Error(`unknown ${MARKER} "${String(part)}"`);
}

/**
 * One target under `spec.targets`: the one type's schema; with several, its `type` among theirs
 * and, for each type, `if` the block names it `then` that type's schema. A discriminated choice
 * rather than `oneOf`, so that a block is judged by its own type's rules alone and its errors
 * never list the other types'.
 */
function targetPart(base: JsonSchema, types: Types): JsonSchema {
  if (types.length === 1) return { ...base, ...types[0]![1].target };
  const names = types.map(([type]) => type);
  return {
    ...base,
    type: 'object',
    required: ['type'],
    properties: { type: { description: `The kind of target: ${names.join(', ')}.`, enum: names } },
    allOf: types.map(([type, f]) => ({ if: { properties: { type: { const: type } }, required: ['type'] }, then: { description: `A ${type} target.`, ...f.target } })),
  };
}

/**
 * A profile's entitlement: the base's fields (`target`) and every type's (a field two types
 * declare must mean the same), exactly one of the choices they declare, and their words for it.
 */
function entitlementPart(base: JsonSchema, types: Types): JsonSchema {
  const { properties, ...others } = base;
  const fields: Record<string, unknown> = { ...(properties as JsonSchema) };
  for (const [type, f] of types) {
    for (const [name, schema] of Object.entries(f.entitlement.properties)) {
      if (name in fields && JSON.stringify(fields[name]) !== JSON.stringify(schema)) throw new Error(`target type ${type} declares entitlement field "${name}" unlike another type or the base schema`);
      fields[name] = schema;
    }
  }
  const choices = [...new Map(types.flatMap(([, f]) => f.entitlement.oneOf).map((c) => [JSON.stringify(c), c])).values()];
  return { description: types.map(([, f]) => f.entitlement.description).join(' '), ...others, oneOf: choices, properties: fields };
}

/**
 * A person in the identities file: the base's fields, with an account per target type after the
 * first (the email), under the type's name; at least one of them.
 */
function identityPart(base: JsonSchema, types: Types): JsonSchema {
  const { properties, required, ...others } = base;
  const [first, ...after] = Object.entries(properties as JsonSchema);
  const names = types.map(([type]) => type);
  const atLeastOne = names.length === 1 ? { required: [...(required as string[]), names[0]] } : { required, anyOf: names.map((n) => ({ required: [n] })) };
  return { ...others, ...atLeastOne, properties: Object.fromEntries([...(first ? [first] : []), ...types.map(([type, f]) => [type, f.identity] as const), ...after]) };
}

/** Keywords whose value is a schema or a map of schemas: an object holding one spans several lines. */
const NESTING = new Set(['properties', 'items', 'additionalProperties', '$defs']);

/**
 * A schema as the files in schemas/ are written: two-space indentation; an object holding a
 * nested schema (and every map of schemas) over several lines, any other object or array on one,
 * with spaces inside braces; a final newline.
 */
export function formatSchema(schema: unknown): string {
  return `${format(schema, '', false)}\n`;
}

function format(value: unknown, indent: string, map: boolean): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    const items = value.map((v) => format(v, inner, false));
    return items.some((i) => i.includes('\n')) ? `[\n${items.map((i) => inner + i).join(',\n')}\n${indent}]` : `[${items.join(', ')}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const multiline = map || entries.some(([k, v]) => (NESTING.has(k) && typeof v === 'object' && v !== null) || (typeof v === 'object' && v !== null && format(v, inner, false).includes('\n')));
  const parts = entries.map(([k, v]) => `${JSON.stringify(k)}: ${format(v, inner, k === 'properties' || k === '$defs')}`);
  return multiline ? `{\n${parts.map((p) => inner + p).join(',\n')}\n${indent}}` : `{ ${parts.join(', ')} }`;
}
