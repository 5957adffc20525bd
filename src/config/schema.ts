/**
 * Checks documents against the JSON Schemas in `schemas/` (as the validators generated from them,
 * validators.generated.ts) and says what is wrong in the user's terms: the field as written in
 * YAML (`spec.rotations[0].levels`), at its line.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { error, type Diagnostic } from '../core/diagnostics.js';
import { closest } from '../util/closest.js';
import { withArticle } from '../core/wording.js';
import { FORMATS } from './formats.js';
import { VALIDATORS } from './validators.generated.js';
import { pos, type YamlDoc } from './yaml-file.js';

/** The document kinds of the `oncall-access/v1` format. */
export const KINDS = ['Config', 'AccessProfile', 'Rotation', 'Identities', 'AccessRequest'] as const;
/** One document kind. */
export type Kind = (typeof KINDS)[number];

/** The apiVersion every document carries. */
export const API_VERSION = 'oncall-access/v1';

const SCHEMA_FILES: Record<Kind, string> = {
  Config: 'config.schema.json',
  AccessProfile: 'access-profile.schema.json',
  Rotation: 'rotation.schema.json',
  Identities: 'identities.schema.json',
  AccessRequest: 'access-request.schema.json',
};

/** The state files apply writes (src/record/state.ts) that have a schema, with its file. */
const STATE_SCHEMA_FILES = {
  grants: 'state-grants.schema.json',
  'grants-v1': 'state-grants-v1.schema.json',
  rotations: 'state-rotations.schema.json',
  adopted: 'state-adopted.schema.json',
  'adopted-v1': 'state-adopted-v1.schema.json',
} as const;

/** A state file with a schema: the grant ledger, the on-call counts or the adopted entitlements (`-v1`: as version 1 wrote them). */
export type StateFile = keyof typeof STATE_SCHEMA_FILES;

/**
 * Checks a state file's data against its schema: no problem, or each with the field as written
 * (`grants[3].login`) at its position, which `locate` finds by parsing the file again (called
 * only when there is a problem).
 */
export function checkStateFile(file: StateFile, value: unknown, locate: () => YamlDoc): Diagnostic[] {
  const validate = VALIDATORS[STATE_SCHEMA_FILES[file]]!;
  if (validate(value)) return [];
  return diagnose(locate(), validate.errors);
}

/**
 * Checks the envelope (a mapping with the right apiVersion and a known kind), then the
 * kind's schema, reporting every problem. Returns the kind when the document is usable.
 */
export function checkDocument(d: YamlDoc, expected: readonly Kind[]): { kind?: Kind; diagnostics: Diagnostic[] } {
  const v = d.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return { diagnostics: [error(`expected a mapping with apiVersion and kind, found ${describe(v)}`, pos(d, []))] };
  }
  const { apiVersion, kind } = v as Record<string, unknown>;
  if (apiVersion !== API_VERSION) {
    const found = apiVersion === undefined ? 'it is missing' : `found ${quote(apiVersion)}`;
    return { diagnostics: [error(`apiVersion: expected "${API_VERSION}", ${found}`, pos(d, apiVersion === undefined ? [] : ['apiVersion']))] };
  }
  if (!expected.includes(kind as Kind)) {
    const found = kind === undefined ? 'it is missing' : `found ${quote(kind)}`;
    return { diagnostics: [error(`kind: expected ${expected.join(' or ')} here, ${found}`, pos(d, kind === undefined ? [] : ['kind']))] };
  }
  const validate = VALIDATORS[SCHEMA_FILES[kind as Kind]]!;
  if (validate(v)) return { kind: kind as Kind, diagnostics: [] };
  return { diagnostics: diagnose(d, validate.errors) };
}

/** One diagnostic per problem in ajv's errors; a failed "exactly one of" rule speaks for its branches. */
function diagnose(d: YamlDoc, errors: ValidateFunction['errors']): Diagnostic[] {
  const all = errors ?? [];
  const rules = all.filter((e) => exactlyOneOf(e) !== undefined);
  const branch = (e: ErrorObject): boolean => rules.some((r) => e.instancePath === r.instancePath && e.schemaPath.startsWith(`${r.schemaPath}/`));
  return dedupe(all.filter((e) => !branch(e)).flatMap((e) => translate(d, e)));
}

/**
 * For a failed `oneOf` whose every branch only requires one field (`[{ required: [schedule] },
 * { required: [rotation] }]`: a mapping gives exactly one of them), those fields; otherwise undefined.
 */
function exactlyOneOf(e: ErrorObject): string[] | undefined {
  if (e.keyword !== 'oneOf') return undefined;
  const fields = (e.schema as { required?: unknown }[]).map((b) => (Object.keys(b).length === 1 && Array.isArray(b.required) && b.required.length === 1 ? String(b.required[0]) : undefined));
  return fields.every((f) => f !== undefined) ? fields : undefined;
}

function translate(d: YamlDoc, e: ErrorObject): Diagnostic[] {
  const path = e.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const field = display(path);
  const p = e.params as Record<string, unknown>;
  // The schemas give each format's pattern beside it, so a bad value fails both: one message, the format's.
  const format = e.keyword === 'format' || e.keyword === 'pattern' ? FORMATS[String((e.parentSchema as { format?: string }).format)] : undefined;
  // A failed `then` (a target block breaking its type's rules) is reported by its own errors.
  if (e.keyword === 'propertyNames' || e.keyword === 'if') return [];
  if (e.propertyName !== undefined) {
    return [error(`${field}: ${quote(e.propertyName)} is not ${format?.expected ?? 'a valid name'}`, pos(d, path, e.propertyName))];
  }
  if (format !== undefined) return [error(`${field}: ${quote(e.data)} is not ${format.expected}`, pos(d, path))];
  const fields = exactlyOneOf(e);
  if (fields !== undefined) {
    const given = fields.filter((f) => (e.data as Record<string, unknown>)[f] !== undefined);
    return [error(`${field}: give exactly one of ${list(fields, 'or')}${given.length > 1 ? ` (found ${list(given, 'and')})` : ''}`, pos(d, path))];
  }
  switch (e.keyword) {
    case 'required':
      return [error(`${field === '' ? 'document' : field}: missing required field "${String(p.missingProperty)}"`, path.length === 0 ? pos(d, []) : pos(d, path.slice(0, -1), path[path.length - 1]))];
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const hint = suggestion(name, Object.keys((e.parentSchema as { properties?: object }).properties ?? {}));
      return [error(`${field === '' ? 'document' : field}: unknown field "${name}"${hint}`, pos(d, path, name))];
    }
    case 'const':
      return [error(`${field}: must be ${JSON.stringify(p.allowedValue)}; found ${quote(e.data)}`, pos(d, path))];
    case 'dependentRequired':
      return [error(`${field}: has "${String(p.property)}" but no "${String(p.missingProperty)}"`, pos(d, path))];
    case 'enum':
      return [error(`${field}: must be one of ${(p.allowedValues as unknown[]).join(', ')}; found ${quote(e.data)}`, pos(d, path))];
    case 'type':
      return [error(`${field}: must be ${withArticle(p.type === 'object' ? 'mapping' : String(p.type))}, found ${describe(e.data)}`, pos(d, path))];
    default:
      return [error(`${field}: ${e.message ?? 'is not valid'}`, pos(d, path))];
  }
}

/** `spec.rotations[0].levels` from `['spec', 'rotations', '0', 'levels']`. */
export function display(path: readonly string[]): string {
  return path.reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc === '' ? seg : `${acc}.${seg}`), '');
}

/** `a, b or c`. */
function list(names: readonly string[], conjunction: 'and' | 'or'): string {
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${quote(v)}`;
}

/** A value quoted for a message: JSON-escaped (so control characters show), cut at 60 characters. */
export function quote(v: unknown): string {
  // JSON escapes C0 controls; bidi overrides, C1 controls and line separators are escaped too.
  const s = (JSON.stringify(v) ?? String(v)).replace(/[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function suggestion(name: string, known: readonly string[]): string {
  const near = closest(name, known);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.line}:${d.col}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
