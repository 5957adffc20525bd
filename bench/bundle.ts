/**
 * The CLI as one file, built the way the GitHub Action's bundle is: esbuild, ESM for Node, every
 * dependency inlined, `require` given back to the CommonJS packages (ajv's runtime, node-fetch)
 * that call it for Node's built-in modules.
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * yaml's ES module build (its `default` export condition). It is the same code as the Node build
 * but for two debug switches the Node build reads from `process.env` on every token and every
 * document (LOG_TOKENS, LOG_STREAM), which cost a quarter of the parse time of 1,000 profile
 * files, and for `!!binary` (YAML 1.1 only) and yaml's own warnings, which the CLI does not use.
 */
const YAML_ESM = join(dirname(createRequire(import.meta.url).resolve('yaml/package.json')), 'browser/index.js');

/** ESM has no `require`; bundled CommonJS code calls it for `node:` modules. */
const REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/** Bundles `src/cli.ts` under `root` into `outDir/cli.mjs` and returns that path and its size in bytes. */
export async function bundleCli(root: string, outDir: string): Promise<{ file: string; bytes: number }> {
  const file = join(outDir, 'cli.mjs');
  await build({
    entryPoints: [join(root, 'src/cli.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: REQUIRE_BANNER },
    alias: { yaml: YAML_ESM },
    logLevel: 'error',
  });
  return { file, bytes: statSync(file).size };
}
