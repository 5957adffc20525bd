/**
 * `npm run schemas`: writes the schemas target types add to into schemas/ (base schemas in
 * src/codegen/schemas/ with each registered type's fragment), then
 * src/config/validators.generated.ts from every schema in schemas/.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TARGET_DECLARATIONS } from '../targets/kinds.js';
import { formatSchema, publishedSchemas, readBaseSchemas } from './published-schemas.js';
import { GENERATED_VALIDATORS, readSchemas, SCHEMAS_DIR, validatorsModule } from './validators.js';

const fragments = Object.fromEntries(Object.entries(TARGET_DECLARATIONS).map(([type, t]) => [type, t.schema]));
for (const { file, schema } of publishedSchemas(readBaseSchemas(), fragments)) {
  writeFileSync(`${SCHEMAS_DIR}/${file}`, formatSchema(schema));
  process.stdout.write(`Wrote schemas/${file}\n`);
}
const out = fileURLToPath(new URL(`../../${GENERATED_VALIDATORS}`, import.meta.url));
writeFileSync(out, validatorsModule(readSchemas()));
process.stdout.write(`Wrote ${out}\n`);
