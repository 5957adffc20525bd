import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';
import { FORMATS } from '../src/config/formats.js';
import { formatSchema, publishedSchemas, readBaseSchemas } from '../src/codegen/published-schemas.js';
import { GENERATED_VALIDATORS, readSchemas, SCHEMAS_DIR, validatorsModule } from '../src/codegen/validators.js';
import { TARGET_DECLARATIONS } from '../src/targets/kinds.js';
import { CONFIG, profile, ROTATION } from './helpers/workspace.js';

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

t.test('there is one draft 2020-12 schema per kind and per state file, and one per state file of version 1 still read', async (t) => {
  t.same(files.sort(), ['access-profile.schema.json', 'access-request.schema.json', 'config.schema.json', 'identities.schema.json', 'rotation.schema.json', 'state-adopted-v1.schema.json', 'state-adopted.schema.json', 'state-grants-v1.schema.json', 'state-grants.schema.json', 'state-rotations.schema.json']);
  for (const f of files) t.equal(JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')).$schema, 'https://json-schema.org/draft/2020-12/schema', f);
});

t.test('the validators the product runs are what npm run schemas makes of schemas/', async (t) => {
  t.ok(readFileSync(GENERATED_VALIDATORS, 'utf8') === validatorsModule(readSchemas()), `${GENERATED_VALIDATORS} is stale: run npm run schemas`);
});

t.test('the schemas target types add to are what npm run schemas makes of the base schemas and each registered type\'s fragment', async (t) => {
  const fragments = Object.fromEntries(Object.entries(TARGET_DECLARATIONS).map(([type, x]) => [type, x.schema]));
  const published = publishedSchemas(readBaseSchemas(), fragments);
  t.same(published.map((s) => s.file), ['access-profile.schema.json', 'config.schema.json', 'identities.schema.json']);
  for (const { file, schema } of published) t.ok(readFileSync(join(SCHEMAS_DIR, file), 'utf8') === formatSchema(schema), `schemas/${file} is stale: run npm run schemas`);
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

/**
 * A validator set up as an editor's: ajv 2020 with the standard formats of ajv-formats and no
 * knowledge of the project's, schemas found by `$id`. Project formats are the only thing it may
 * skip, which is logged, not thrown.
 */
function editorValidator() {
  const skipped: string[] = [];
  const ajv = new Ajv2020({ allErrors: true, strictSchema: false, logger: { log: () => {}, warn: (m: string) => skipped.push(m), error: (m: string) => skipped.push(m) } });
  formats.default(ajv);
  for (const { schema } of schemas) ajv.addSchema(schema);
  for (const { schema } of schemas) ajv.getSchema(schema.$id);
  return { ajv, skipped };
}

const { ajv, skipped } = editorValidator();

t.test('the editor-like validator compiles every schema, skipping only the project formats', async (t) => {
  t.ok(skipped.length > 0);
  for (const m of skipped) t.match(m, /^unknown format "oncall-access-[a-z-]+" ignored in schema at path /);
});

t.test('the product takes no email address that the standard email format refuses', async (t) => {
  const standard = ajv.compile({ type: 'string', format: 'email' });
  for (const address of ['alice@acme.example', "o'brien+oncall@mail.acme.example", 'a..b@acme.example', '.alice@acme.example', 'alice.@acme.example', 'alice@acme', '@acme.example']) {
    t.ok(!FORMATS.email!.validate(address) || standard(address), address);
  }
  t.notOk(FORMATS.email!.validate('a..b@acme.example'), 'consecutive dots are refused');
});

/** The `$id` of the schema a document is checked against: its `yaml-language-server` line if the file has one, as editors do, else the schema of its kind. */
function schemaFor(file: string, text: string, kind: unknown): string {
  const modeline = /^# yaml-language-server: \$schema=(\S+)/.exec(text);
  const local = modeline ? resolve(dirname(file), modeline[1]!) : undefined;
  const found = schemas.find((s) => (local ? join(SCHEMAS_DIR, s.file) === local : s.schema.properties.kind?.const === kind));
  if (found === undefined) throw new Error(`${file}: no schema for kind ${String(kind)}`);
  return found.schema.$id;
}

/** Errors of every document in `text` (keyed `file#n`), empty when all are valid. */
function check(file: string, text: string): Record<string, unknown> {
  const problems: Record<string, unknown> = {};
  parseAllDocuments(text).forEach((doc, i) => {
    const value = doc.toJS() as { kind?: unknown };
    const validate = ajv.getSchema(schemaFor(file, text, value.kind))!;
    if (!validate(value)) problems[`${file}#${i}`] = validate.errors;
  });
  return problems;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}

t.test('every example the repository ships is valid to an editor', async (t) => {
  const demo = yamlFiles('profiles');
  t.same(demo, ['profiles/checkout.yaml', 'profiles/data.yaml', 'profiles/identities.yaml', 'profiles/oncall-access.yaml', 'profiles/payments.yaml', 'profiles/platform.yaml', 'profiles/rotations/payments-primary.yaml', 'profiles/rotations/platform-follow-the-sun.yaml']);
  for (const f of demo) t.same(check(f, readFileSync(f, 'utf8')), {}, f);
});

t.test('the valid test fixtures are valid to an editor', async (t) => {
  // The hostile base holds placeholders for the emulators' URLs, filled in when it runs; any http URL will do here.
  const base = yamlFiles('test/fixtures/hostile/base');
  t.equal(base.length, 6);
  for (const f of base) t.same(check(f, readFileSync(f, 'utf8').replace(/__[A-Z]+_URL__/g, 'http://127.0.0.1:39170')), {}, f);
  for (const [name, text] of Object.entries({ CONFIG, ROTATION, profile: profile('a') })) t.same(check(`test/helpers/workspace.ts ${name}`, text), {}, name);
});

t.test('the configuration excerpts in the README and docs/ are valid to an editor', async (t) => {
  const kinds = ['Config', 'AccessProfile'].map((kind) => {
    const schema = schemas.find((s) => s.schema.properties.kind?.const === kind)!.schema as { $id: string; properties: { spec: { properties: Record<string, unknown> } } };
    return { kind, id: schema.$id, keys: Object.keys(schema.properties.spec.properties) };
  });
  const pages = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  // A ```yaml block that starts at `spec:` is an excerpt of a Config, or of an AccessProfile when
  // its keys are a profile's (incidentHold, window); the others are workflows.
  const excerpts = [...pages.map((p) => readFileSync(p, 'utf8')).join('\n').matchAll(/```yaml\n(spec:\n[\s\S]*?)```/g)].map((m) => parseAllDocuments(m[1]!)[0]!.toJS() as { spec: Record<string, unknown> });
  t.ok(excerpts.length > 0);
  for (const { spec } of excerpts) {
    const of = kinds.find((k) => Object.keys(spec).every((key) => k.keys.includes(key)));
    t.ok(of, `an excerpt of a Config or an AccessProfile: spec.${Object.keys(spec).join(', spec.')}`);
    if (of === undefined) continue;
    for (const [key, value] of Object.entries(spec)) {
      const validate = ajv.compile({ $ref: `${of.id}#/properties/spec/properties/${key}` });
      t.ok(validate(value), `${of.kind} spec.${key}`, { errors: validate.errors });
    }
  }
});

t.test('an editor flags what the product refuses: a duration in words, a binding with two sources', async (t) => {
  const file = 'profiles/payments.yaml';
  const text = readFileSync(file, 'utf8');
  const words = check(file, text.replace('before: 15m', 'before: 15 minutes'))[`${file}#0`] as { instancePath: string; keyword: string }[];
  t.same(words.map((e) => [e.instancePath, e.keyword]), [['/spec/window/before', 'pattern']]);
  const both = check(file, text.replace('rotation: payments-primary', 'rotation: payments-primary\n      schedule: PPAY123'))[`${file}#0`] as { instancePath: string; keyword: string }[];
  // The branch that wanted escalationPolicy fails too; the product folds both into one message.
  t.same(both.map((e) => [e.instancePath, e.keyword]), [['/spec/rotations/0', 'required'], ['/spec/rotations/0', 'oneOf']]);
});

t.test('the bundled examples point editors at the schemas', async (t) => {
  for (const f of ['profiles/oncall-access.yaml', 'profiles/payments.yaml', 'profiles/platform.yaml', 'profiles/identities.yaml', 'profiles/rotations/payments-primary.yaml']) {
    t.match(readFileSync(f, 'utf8'), /^# yaml-language-server: \$schema=(\.\.\/)+schemas\/[a-z-]+\.schema\.json\n/, f);
  }
});
