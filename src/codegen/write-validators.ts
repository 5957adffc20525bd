/**
 * `npm run schemas`: writes src/config/validators.generated.ts from the schemas in schemas/.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GENERATED_VALIDATORS, readSchemas, validatorsModule } from './validators.js';

const out = fileURLToPath(new URL(`../../${GENERATED_VALIDATORS}`, import.meta.url));
writeFileSync(out, validatorsModule(readSchemas()));
process.stdout.write(`Wrote ${out}\n`);
