/**
 * The configuration reference (docs/configuration.md), rendered from the JSON Schemas in
 * `schemas/`: a pure function of the schemas, so a test can tell when the page is stale.
 */

/** The subset of JSON Schema the project's schemas use. */
export interface SchemaNode {
  $id?: string;
  title?: string;
  description?: string;
  type?: string;
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minProperties?: number;
  maxProperties?: number;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  propertyNames?: SchemaNode;
  items?: SchemaNode;
  oneOf?: SchemaNode[];
  /** Rules by a discriminating field: `if` it holds this `const`, `then` this schema (a target block by its `type`). */
  allOf?: { if?: SchemaNode; then?: SchemaNode }[];
  dependentRequired?: Record<string, string[]>;
}

/** One schema file: its name in `schemas/` and its parsed content. */
export interface NamedSchema {
  file: string;
  schema: SchemaNode;
}

/** The schema files in the order the reference lists them: the files users write, then the state files. */
export const REFERENCE_SCHEMA_FILES = [
  'config.schema.json',
  'access-profile.schema.json',
  'rotation.schema.json',
  'identities.schema.json',
  'access-request.schema.json',
  'state-grants.schema.json',
  'state-rotations.schema.json',
  'state-adopted.schema.json',
  'state-grants-v1.schema.json',
  'state-adopted-v1.schema.json',
] as const;

const INTRO = `# Configuration reference

<!-- Generated from schemas/ by \`npm run docs\` (src/docs/reference.ts): do not edit by hand. -->

A config repository holds these files; paths are relative to the config file and can be changed
under \`spec.paths\`. The demo in [\`profiles/\`](../profiles/) is a complete example.

\`\`\`text
oncall-access.yaml     kind: Config         sources, targets, identity mapping, guards, paths
profiles/*.yaml        kind: AccessProfile  one or more profiles per file (separated by ---)
rotations/*.yaml       kind: Rotation       optional: on-call rotations kept in git
requests/*.yaml        kind: AccessRequest  time-boxed requests against requestable profiles
identities.yaml        kind: Identities     optional: email -> GitHub login
state/                 written by apply     grants.json, rotations.json, adopted.json, audit.jsonl
\`\`\`

Every kind has a JSON Schema in [\`schemas/\`](../schemas/); start a file with
\`# yaml-language-server: $schema=<path>/schemas/access-profile.schema.json\` to get completion
and inline errors in editors that use the YAML language server (\`oncall-access init\` writes
these lines). Each schema is identified by its \`$id\`; the project's own formats are named
\`oncall-access-*\` and each comes with a \`pattern\`, so any JSON Schema 2020-12 validator checks
them too. \`validate\` also checks the rules that span files (unique names, references to
declared sources, targets and rotations, one membership mode per team); see
[Operations](operations.md).

Durations are written \`90s\`, \`15m\`, \`4h\`, \`1d\`, \`2w\` or combined largest unit first (\`1h30m\`).
Tokens are never written in the config: \`tokenEnv\` names the environment variable that holds one.

Field paths below use \`[]\` for an item of a list and \`<name>\` for a key you choose.
`;

/** Renders the whole reference page from the schemas, in the order given. */
export function renderReference(schemas: readonly NamedSchema[]): string {
  return [INTRO, ...schemas.map(renderKind)].join('\n');
}

function renderKind({ file, schema }: NamedSchema): string {
  const kind = schema.properties?.kind?.const;
  const title = (schema.title ?? file).replace(/^oncall-access /, '');
  const state = /^state-(.+?)(?:-v\d+)?\.schema\.json$/.exec(file);
  const name = typeof kind === 'string' ? kind : state ? `State: ${title} (\`state/${state[1]}.json\`)` : title;
  const lines = [`## ${name}`, '', `Schema: [\`schemas/${file}\`](../schemas/${file})${schema.$id ? `, \`$id\` \`${schema.$id}\`` : ''}.`, ''];
  if (schema.description) lines.push(schema.description, '');
  lines.push(...fields(schema, ''), '');
  return lines.join('\n');
}

/**
 * One list item per field, depth first, in the schema's order; then the fields of each
 * discriminated choice (`allOf` of `if`/`then`), each marked with the value that selects it.
 */
function fields(node: SchemaNode, prefix: string, when?: string): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (when !== undefined && key === 'type') continue;
    const path = `${prefix}${key}`;
    out.push(field(path, child, node.required?.includes(key) ?? false, when));
    out.push(...nested(child, path));
  }
  for (const rule of node.allOf ?? []) {
    const selector = Object.entries(rule.if?.properties ?? {})[0];
    if (selector === undefined || rule.then === undefined) continue;
    out.push(...fields(rule.then, prefix, `${selector[0]} \`${String(selector[1].const)}\` only`));
  }
  return out;
}

/** The fields inside an object, a list of objects, or a map of objects. */
function nested(node: SchemaNode, path: string): string[] {
  if (node.properties) return fields(node, `${path}.`);
  if (node.items?.properties) return fields(node.items, `${path}[].`);
  if (typeof node.additionalProperties === 'object') {
    const value = node.additionalProperties;
    return value.properties ? fields(value, `${path}.<name>.`) : nested(value, `${path}.<name>`);
  }
  return [];
}

function field(path: string, node: SchemaNode, required: boolean, when?: string): string {
  const facts = [...(when === undefined ? [] : [when]), typeOf(node), ...(required ? ['required'] : []), ...constraints(node), ...rules(node)];
  const item = node.items && !node.items.properties ? constraints(node.items).map((c) => `each item: ${c}`) : [];
  const text = [facts.join(' · '), ...item].join(' · ');
  return `- **\`${path}\`** · ${text}${node.description ? `  \n  ${node.description}` : ''}`;
}

function typeOf(node: SchemaNode): string {
  if (node.const !== undefined) return `exactly ${code(node.const)}`;
  if (node.enum) return `one of ${node.enum.map(code).join(', ')}`;
  if (node.type === 'array') return node.items ? `list of ${typeOf(node.items)}` : 'list';
  if (node.type === 'object' && typeof node.additionalProperties === 'object') return `map of name to ${typeOf(node.additionalProperties)}`;
  return node.type ?? 'any';
}

function constraints(node: SchemaNode): string[] {
  const out: string[] = [];
  if (node.default !== undefined) out.push(`default ${code(node.default)}`);
  if (node.format) out.push(`format \`${node.format}\``);
  if (node.pattern) out.push(`pattern ${code(node.pattern)}`);
  if (node.minLength !== undefined) out.push(`at least ${count(node.minLength, 'character')}`);
  if (node.maxLength !== undefined) out.push(`at most ${count(node.maxLength, 'character')}`);
  if (node.minimum !== undefined) out.push(`minimum ${node.minimum}`);
  if (node.maximum !== undefined) out.push(`maximum ${node.maximum}`);
  if (node.minItems !== undefined) out.push(`at least ${count(node.minItems, 'item')}`);
  if (node.maxItems !== undefined) out.push(`at most ${count(node.maxItems, 'item')}`);
  if (node.uniqueItems) out.push('items unique');
  if (node.minProperties !== undefined) out.push(`at least ${count(node.minProperties, 'entry', 'entries')}`);
  if (node.maxProperties !== undefined) out.push(`at most ${count(node.maxProperties, 'entry', 'entries')}`);
  if (node.propertyNames) out.push(...constraints(node.propertyNames).map((c) => `each name: ${c}`));
  return out;
}

/** Rules that span fields: exactly one of several, and a field that needs another. */
function rules(node: SchemaNode): string[] {
  const item = node.items ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  const target = node.oneOf || node.dependentRequired ? node : item;
  if (!target) return [];
  const out: string[] = [];
  const oneOf = target.oneOf?.map((s) => s.required ?? []).filter((r) => r.length === 1);
  if (oneOf && oneOf.length === target.oneOf!.length) out.push(`exactly one of ${oneOf.map((r) => `\`${r[0]}\``).join(', ')}`);
  for (const [key, needs] of Object.entries(target.dependentRequired ?? {})) out.push(`\`${key}\` needs ${needs.map((n) => `\`${n}\``).join(', ')}`);
  return out;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A value as a Markdown code span, long enough to hold any backticks in it. */
function code(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const fence = '`'.repeat((text.match(/`+/g) ?? ['']).reduce((n, run) => Math.max(n, run.length), 0) + 1);
  return fence.length > 1 || text.startsWith('`') || text.endsWith('`') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
