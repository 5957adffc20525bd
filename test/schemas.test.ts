import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS } from '../src/config/formats.js';
import { SCHEMAS_DIR } from '../src/config/schema.js';

type Schema = { type?: string; properties?: Record<string, Schema>; additionalProperties?: boolean | Schema; items?: Schema; description?: string; $schema?: string };

function walk(s: Schema, path: string, visit: (s: Schema, path: string) => void): void {
  visit(s, path);
  for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}.${k}`, visit);
  if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.*`, visit);
  if (s.items) walk(s.items, `${path}[]`, visit);
}

/** Every object inside a JSON value, with its JSON pointer: reaches `propertyNames`, `oneOf` and the like too. */
function objects(v: unknown, pointer = ''): [Record<string, unknown>, string][] {
  if (typeof v !== 'object' || v === null) return [];
  const own: [Record<string, unknown>, string][] = Array.isArray(v) ? [] : [[v as Record<string, unknown>, pointer]];
  return [...own, ...Object.entries(v).flatMap(([k, c]) => objects(c, `${pointer}/${k}`))];
}

const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'));
const schemas = files.map((f) => ({ file: f, schema: JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')) as { $id: string; properties: { kind?: { const: string } } } }));
const ID_BASE = 'https://oncall-access.dev/schemas/';

t.test('there is one draft 2020-12 schema per kind and per state file', async (t) => {
  t.same(files.sort(), ['access-profile.schema.json', 'access-request.schema.json', 'config.schema.json', 'identities.schema.json', 'rotation.schema.json', 'state-grants.schema.json', 'state-rotations.schema.json']);
  for (const f of files) t.equal(JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')).$schema, 'https://json-schema.org/draft/2020-12/schema', f);
});

t.test('every schema is identified by an absolute URI ending in its file name', async (t) => {
  for (const { file, schema } of schemas) t.equal(schema.$id, ID_BASE + file, file);
});

t.test('every property has a description and every object refuses unknown fields', async (t) => {
  for (const f of files) {
    walk(JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')), f, (s, path) => {
      if (path !== f) t.ok(s.description, `${path} has a description`);
      if (s.type === 'object' && s.properties) t.equal(s.additionalProperties, false, `${path} has additionalProperties: false`);
    });
  }
});

t.test('a project format has a project name and carries its pattern, so that tools that do not know it still check the value', async (t) => {
  const used = new Set<string>();
  for (const { file, schema } of schemas) {
    for (const [node, pointer] of objects(schema).filter(([o]) => typeof o.format === 'string')) {
      const name = String(node.format);
      used.add(name);
      t.ok(name === 'email' || name.startsWith('oncall-access-'), `${file}#${pointer}: ${name} is the standard email or an oncall-access- format`);
      t.equal(node.pattern, FORMATS[name]?.pattern, `${file}#${pointer}: the pattern of ${name}`);
    }
  }
  t.same([...used].sort(), Object.keys(FORMATS).sort(), 'every format is used, and only these');
});

t.test('the bundled examples point editors at the schemas', async (t) => {
  for (const f of ['profiles/oncall-access.yaml', 'profiles/payments.yaml', 'profiles/platform.yaml', 'profiles/identities.yaml', 'profiles/rotations/payments-primary.yaml']) {
    t.match(readFileSync(f, 'utf8'), /^# yaml-language-server: \$schema=(\.\.\/)+schemas\/[a-z-]+\.schema\.json\n/, f);
  }
});
