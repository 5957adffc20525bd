/**
 * The schema validators as code (src/config/validators.generated.ts), made by ajv's standalone
 * code generation from the JSON Schemas in `schemas/`: a pure function of the schemas, so a test
 * can tell when the module is stale. At run time nothing compiles a schema or reads `schemas/`,
 * which also lets the CLI be bundled into one file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { _, type Code } from 'ajv/dist/compile/codegen/index.js';
import standalone from 'ajv/dist/standalone/index.js';
import { FORMATS } from '../config/formats.js';
import type { NamedSchema } from '../docs/reference.js';

/** Directory holding the JSON Schemas (shipped with the package, for editors; read only here and by tests). */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Where the generated module lives, relative to the repository root. */
export const GENERATED_VALIDATORS = 'src/config/validators.generated.ts';

/** Every schema in `dir`, by file name in code-unit order. */
export function readSchemas(dir = SCHEMAS_DIR): NamedSchema[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort();
  return files.map((file) => ({ file, schema: JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) }));
}

/**
 * The ajv helpers the standalone code loads with `require`, which an ES module has not: each
 * becomes an import of the same file.
 */
const RUNTIME = /require\("(ajv\/dist\/runtime\/([a-z0-9]+))"\)/g;

/**
 * The generated module's source. Options are those the validators were compiled with at run time
 * before (`verbose` keeps `schema`, `parentSchema` and `data` on each error, which the messages
 * use); the project's formats are referenced as code (`FORMATS[name].validate`), not copied.
 */
export function validatorsModule(schemas: readonly NamedSchema[]): string {
  const formats: Code = _`FORMATS`;
  // strictRequired would refuse the `oneOf: [{ required: [schedule] }, ...]` rules: ajv checks
  // them before the sibling `properties` that declare those fields.
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true, code: { source: true, esm: true, lines: true, formats } });
  for (const [name, f] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate: f.validate });
  const names = new Map(schemas.map(({ file }) => [exportName(file), file] as const));
  for (const { file, schema } of schemas) ajv.addSchema(schema as object, file);
  const imports = new Map<string, string>();
  const code = standalone.default(ajv, Object.fromEntries(names)).replace(/^"use strict";/, '').replace(RUNTIME, (_match: string, path: string, helper: string) => {
    imports.set(helper, path);
    return helper;
  });
  return [
    '// @ts-nocheck: ajv writes untyped JavaScript; VALIDATORS at the end gives it its type.',
    `// Generated from schemas/ by \`npm run schemas\` (src/codegen/validators.ts): do not edit by hand.`,
    "import type { ValidateFunction } from 'ajv/dist/2020.js';",
    ...[...imports].sort().map(([helper, path]) => `import ${helper} from '${path}.js';`),
    "import { FORMATS } from './formats.js';",
    code,
    '',
    '/** Each schema\'s validator, by its file name in schemas/. */',
    'export const VALIDATORS: Record<string, ValidateFunction> = {',
    ...[...names].map(([name, file]) => `  '${file}': ${name},`),
    '};',
    '',
  ].join('\n');
}

/** `accessProfile` for `access-profile.schema.json`. */
function exportName(file: string): string {
  return file.replace(/\.schema\.json$/, '').replace(/-([a-z])/g, (_match, c: string) => c.toUpperCase());
}
