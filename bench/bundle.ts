/**
 * The CLI as one file, built the way the GitHub Action's bundle is: esbuild, ESM for Node, every
 * dependency inlined, `require` given back to the CommonJS packages (yaml, ajv's runtime) that
 * call it for Node's built-in modules.
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';

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
    logLevel: 'error',
  });
  return { file, bytes: statSync(file).size };
}
