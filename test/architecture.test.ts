/**
 * The rules of docs/architecture.md, checked on the source: the core (src/core/) imports nothing
 * outside src/core/, not even a node: builtin, and no import cycle joins modules of src/ (the
 * emulators, which are test and demo tooling, aside).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** Every `.ts` file under `dir`, as a path relative to src/ with `/` separators, skipping `skip` folders. */
function sources(dir: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return skip.includes(relative(SRC, path)) ? [] : sources(path, skip);
    return e.name.endsWith('.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

/** The module specifiers `file` (relative to src/) imports or re-exports, static or dynamic, type-only included. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(readFileSync(join(SRC, file), 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

/** Where a relative specifier of `file` points, relative to src/ (`../core/plan.js` from `apply/engine.ts` is `core/plan.ts`); undefined for a package or builtin. */
function target(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(SRC, resolve(SRC, dirname(file), specifier.replace(/\.js$/, '.ts'))).split('\\').join('/');
}

/** The specifiers each of `files` imports, by file. */
function importsOf(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, specifiers(f)]));
}

/** Each import of a core file that reaches outside src/core/: `core/x.ts imports '../y.js'`. */
function outsideCore(imports: ReadonlyMap<string, readonly string[]>): string[] {
  return [...imports].flatMap(([file, specs]) => specs.filter((s) => !target(file, s)?.startsWith('core/')).map((s) => `${file} imports '${s}'`));
}

/** Each cycle of the import graph among the files of `imports`, as the path that closes it: `a.ts -> b.ts -> a.ts`. */
function cycles(imports: ReadonlyMap<string, readonly string[]>): string[] {
  const edges = new Map([...imports].map(([f, specs]) => [f, [...new Set(specs.flatMap((s) => target(f, s) ?? []))].filter((d) => imports.has(d)).sort()]));
  const done = new Set<string>();
  const found: string[] = [];
  const path: string[] = [];
  const visit = (f: string): void => {
    const at = path.indexOf(f);
    if (at >= 0) {
      found.push([...path.slice(at), f].join(' -> '));
      return;
    }
    if (done.has(f)) return;
    path.push(f);
    for (const d of edges.get(f)!) visit(d);
    path.pop();
    done.add(f);
  };
  for (const f of [...edges.keys()].sort()) visit(f);
  return found;
}

t.test('src/core/ imports only src/core/: no adapter, no config loader, no node: builtin', async (t) => {
  const core = sources(join(SRC, 'core'));
  t.ok(core.includes('core/plan.ts') && core.includes('core/desire.ts'), 'the core files are found');
  t.same(outsideCore(importsOf(core)), [], 'every import of a core file stays in src/core/');
});

t.test('no import cycle among the modules of src/ (src/emulators aside)', async (t) => {
  const all = sources(SRC, ['emulators']);
  t.ok(all.includes('cli.ts') && all.includes('apply/engine.ts') && !all.some((f) => f.startsWith('emulators/')), 'the modules are found, the emulators left out');
  t.same(cycles(importsOf(all)), [], 'no module reaches itself through its imports');
});

t.test('the checks name what they forbid', async (t) => {
  const core = new Map([['core/x.ts', ['./y.js', '../config/model.js', 'node:fs', 'yaml']], ['core/y.ts', []]]);
  t.same(outsideCore(core), ["core/x.ts imports '../config/model.js'", "core/x.ts imports 'node:fs'", "core/x.ts imports 'yaml'"], 'a relative import leaving core/, a builtin and a package are each named with the file');
  const graph = new Map([
    ['a.ts', ['./b.js', 'node:fs']],
    ['b.ts', ['./dir/c.js']],
    ['dir/c.ts', ['../a.js', '../d.js']],
    ['d.ts', []],
  ]);
  t.same(cycles(graph), ['a.ts -> b.ts -> dir/c.ts -> a.ts'], 'a cycle through a folder is listed as the path that closes it');
  t.same(cycles(new Map([['a.ts', ['./b.js']], ['b.ts', []]])), [], 'a chain is no cycle');
  t.same(specifiers('core/plan.ts').every((s) => s.startsWith('./')), true, 'the parser reads a real file');
});
