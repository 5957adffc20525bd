/**
 * `npm run docs`: writes docs/configuration.md from the schemas in schemas/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { REFERENCE_SCHEMA_FILES, renderReference } from './reference.js';

const root = new URL('../../', import.meta.url);
const schemas = REFERENCE_SCHEMA_FILES.map((file) => ({ file, schema: JSON.parse(readFileSync(new URL(`schemas/${file}`, root), 'utf8')) }));
const out = fileURLToPath(new URL('docs/configuration.md', root));
writeFileSync(out, renderReference(schemas));
process.stdout.write(`Wrote ${out}\n`);
