/**
 * The target registry and what it feeds: the published schemas merge every registered type's
 * fragment (tried here with a second, made-up type as Slack's would look), and every type the
 * config schema accepts has an entry.
 */
import t from 'tap';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { formatSchema, publishedSchemas, readBaseSchemas } from '../src/codegen/published-schemas.js';
import { FORMATS } from '../src/config/formats.js';
import { GITHUB_SCHEMA } from '../src/targets/github/schema.js';
import { TARGET_DECLARATIONS, TARGET_KINDS } from '../src/targets/kinds.js';
import { TARGET_TYPES } from '../src/targets/registry.js';
import type { SchemaFragment } from '../src/targets/target.js';

/** A second type of target, shaped as a Slack one would be. */
const SLACK: SchemaFragment = {
  target: { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { description: 'The kind of target: slack.', enum: ['slack'] }, tokenEnv: { description: 'The token.', type: 'string' } } },
  entitlement: { description: 'A Slack user group.', oneOf: [{ required: ['usergroup'] }], properties: { usergroup: { description: 'A user group handle.', type: 'string' } } },
  identity: { description: "The person's Slack user id.", type: 'string', pattern: '^U[A-Z0-9]+$' },
};

function validator(file: string, types: Record<string, SchemaFragment>) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  for (const [name, f] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate: f.validate });
  const schemas = publishedSchemas(readBaseSchemas(), types);
  for (const s of schemas) ajv.addSchema(s.schema as object, s.file);
  return (data: unknown) => ajv.validate(file, data);
}

const DOC = (kind: string, spec: unknown) => ({ apiVersion: 'oncall-access/v1', kind, spec });

t.test('each target type the config schema accepts has a registry entry, with its kinds', async (t) => {
  const published = publishedSchemas(readBaseSchemas(), { github: GITHUB_SCHEMA });
  t.equal(formatSchema(published[0]!.schema).includes('x-target-fragment'), false, 'no marker is left in a published schema');
  t.same(Object.keys(TARGET_TYPES), Object.keys(TARGET_DECLARATIONS), 'every declared type has an adapter');
  t.equal(TARGET_TYPES.github.declaration, TARGET_DECLARATIONS.github);
  t.equal(TARGET_DECLARATIONS.github.kinds, TARGET_KINDS.github);
  t.equal(TARGET_DECLARATIONS.github.schema, GITHUB_SCHEMA);
});

t.test('with one target type, an identities entry needs its account; with two, either account', async (t) => {
  const one = validator('identities.schema.json', { github: GITHUB_SCHEMA });
  t.ok(one(DOC('Identities', { identities: [{ email: 'alice@example.com', github: 'alice-gh' }] })), 'an identities file with github keys only loads');
  t.notOk(one(DOC('Identities', { identities: [{ email: 'alice@example.com' }] })), 'an entry without an account is refused');
  t.notOk(one(DOC('Identities', { identities: [{ email: 'alice@example.com', slack: 'U123' }] })), 'a key no registered type declares is refused');
  const two = validator('identities.schema.json', { github: GITHUB_SCHEMA, slack: SLACK });
  t.ok(two(DOC('Identities', { identities: [{ email: 'alice@example.com', github: 'alice-gh' }] })), 'an old file still loads');
  t.ok(two(DOC('Identities', { identities: [{ email: 'bob@example.com', slack: 'U123' }, { email: 'carol@example.com', github: 'carol', slack: 'U456' }] })));
  t.notOk(two(DOC('Identities', { identities: [{ email: 'alice@example.com' }] })), 'an entry needs an account on some target');
  t.notOk(two(DOC('Identities', { identities: [{ email: 'alice@example.com', slack: 'alice' }] })), "each account is checked by its type's schema");
});

t.test('with two target types, a config target is one of them and an entitlement names exactly one resource of theirs', async (t) => {
  const config = validator('config.schema.json', { github: GITHUB_SCHEMA, slack: SLACK });
  const spec = (targets: unknown) => ({ sources: { rota: { type: 'rotations' } }, targets });
  t.ok(config(DOC('Config', spec({ gh: { type: 'github', org: 'acme' }, chat: { type: 'slack' } }))));
  t.notOk(config(DOC('Config', spec({ chat: { type: 'slack', org: 'acme' } }))), "a Slack target takes no GitHub field");
  const profile = validator('access-profile.schema.json', { github: GITHUB_SCHEMA, slack: SLACK });
  const withEntitlement = (e: unknown) => ({ apiVersion: 'oncall-access/v1', kind: 'AccessProfile', metadata: { name: 'p' }, spec: { mode: 'auto', entitlements: [e] } });
  t.ok(profile(withEntitlement({ target: 'gh', team: 'sre' })));
  t.ok(profile(withEntitlement({ target: 'chat', usergroup: 'oncall' })));
  t.notOk(profile(withEntitlement({ target: 'gh', team: 'sre', usergroup: 'oncall' })), 'exactly one resource');
  t.throws(() => publishedSchemas(readBaseSchemas(), { github: GITHUB_SCHEMA, other: { ...SLACK, entitlement: { ...SLACK.entitlement, properties: { team: { description: 'Another team.', type: 'string' } } } } }), /declares entitlement field "team" unlike/);
});
