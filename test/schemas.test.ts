import t from 'tap';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMAS_DIR } from '../src/config/schema.js';

type Schema = { type?: string; properties?: Record<string, Schema>; additionalProperties?: boolean | Schema; items?: Schema; description?: string; $schema?: string };

function walk(s: Schema, path: string, visit: (s: Schema, path: string) => void): void {
  visit(s, path);
  for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${path}.${k}`, visit);
  if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${path}.*`, visit);
  if (s.items) walk(s.items, `${path}[]`, visit);
}

const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'));

t.test('there is one draft 2020-12 schema per kind and per state file', async (t) => {
  t.same(files.sort(), ['access-profile.schema.json', 'access-request.schema.json', 'config.schema.json', 'identities.schema.json', 'rotation.schema.json', 'state-grants.schema.json', 'state-rotations.schema.json']);
  for (const f of files) t.equal(JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')).$schema, 'https://json-schema.org/draft/2020-12/schema', f);
});

t.test('every property has a description and every object refuses unknown fields', async (t) => {
  for (const f of files) {
    walk(JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')), f, (s, path) => {
      if (path !== f) t.ok(s.description, `${path} has a description`);
      if (s.type === 'object' && s.properties) t.equal(s.additionalProperties, false, `${path} has additionalProperties: false`);
    });
  }
});

t.test('the bundled examples point editors at the schemas', async (t) => {
  for (const f of ['profiles/oncall-access.yaml', 'profiles/payments.yaml', 'profiles/platform.yaml', 'profiles/identities.yaml', 'profiles/rotations/payments-primary.yaml']) {
    t.match(readFileSync(f, 'utf8'), /^# yaml-language-server: \$schema=(\.\.\/)+schemas\/[a-z-]+\.schema\.json\n/, f);
  }
});
