// Builds the GitHub Action's bundle (`npm run bundle`): src/action/main.ts and everything it
// imports, dependencies included, as one ESM file that runs on Node 22 and later with no
// node_modules beside it. action.yml runs the committed copy, action/index.js; .ci/bundle-check
// fails CI when that copy is not what this builds.
//
// The same source gives the same bytes on every machine: paths in the bundle's comments are
// relative to the repository, and nothing else (time, absolute paths, source maps) goes in.
// Not minified: an error without a stack names functions and properties as the source does, a
// stack with ONCALL_ACCESS_DEBUG points at readable lines, and a review sees what changed.
//
// Usage: node .ci/bundle.mjs [--out FILE] [--metafile FILE]   (default --out action/index.js)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'action/index.js' }, metafile: { type: 'string' } } });
const root = fileURLToPath(new URL('..', import.meta.url));

const BANNER = [
  // CommonJS dependencies call require(), which an ES module does not have.
  "import { createRequire as bundleCreateRequire } from 'node:module';",
  'const require = bundleCreateRequire(import.meta.url);',
  // whatwg-url (node-fetch's, under pdjs) loads Node's built-in punycode. Node 22 and later warn
  // about that (DEP0040) on stderr, but only when the caller is not under node_modules, as it is
  // not in a bundle: load it once here without the warning, as the installed CLI runs.
  "{ const shown = process.noDeprecation; process.noDeprecation = true; require('punycode'); process.noDeprecation = shown; }",
].join('\n');

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/action/main.ts'],
  outfile: values.out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  banner: { js: BANNER },
  // src/cli.ts runs the CLI when node is started on its own file; in this bundle that file is the Action's.
  define: { 'process.env.ONCALL_ACCESS_BUNDLE': '"action"' },
  legalComments: 'eof',
  // Paths in comments as the importer sees them: a node_modules that is a symlink (git worktrees
  // sharing one) bundles to the same bytes as a real one.
  preserveSymlinks: true,
  metafile: values.metafile !== undefined,
  logLevel: 'warning',
});
if (values.metafile !== undefined) writeFileSync(values.metafile, JSON.stringify(result.metafile));
