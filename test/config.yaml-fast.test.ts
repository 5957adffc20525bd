/**
 * The fast path of the YAML reader (js-yaml, for plain files) against the authority (yaml).
 * Whenever the fast path accepts a text, yaml must read the same value from it with no error
 * or warning: otherwise `validate` and `plan` would act on a document yaml refuses or reads
 * differently. Texts come from random documents written in every scalar and collection style,
 * with scalars chosen where YAML's rules are subtle (numbers, booleans, nulls, `:` and `#`),
 * then randomly damaged, so that both accepted and refused texts are explored.
 *
 * Reproduce a failure with the seed fast-check prints: `FC_SEED=<seed> npx tap test/config.yaml-fast.test.ts`;
 * search longer with `FC_RUNS=100000`.
 */
import t from 'tap';
import fc from 'fast-check';
import { plainValue, readYamlText } from '../src/config/yaml-file.js';

const SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const RUNS = Number(process.env.FC_RUNS ?? 3000);

/** Scalars whose meaning differs between YAML versions, schemas or parsers. */
const TRICKY = ['yes', 'No', 'on', 'y', '~', 'null', 'Null', 'NULL', 'true', 'True', 'FALSE', 'tRUE', '0', '-0', '+1', '012', '0o12', '0x1F', '0b101', '1_000', '1e3', '1E-3', '.5', '1.', '.inf', '-.Inf', '.NaN', '12:30', '2026-11-30', '2026-11-30T08:00:00Z', '@x', '`x', '%x', '!x', '&x', '*x', '<<', '=', '-', '- x', '? x', 'a: b', 'a #b', 'a#b', '#', '"', "'", '[x]', '{x}', 'x,y', '', ' ', 'é', '\\', 'a\tb', 'line\nline', '__proto__', 'constructor'];

const word = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: fc.constantFrom('a', 'b', ' ', ':', '#', '-', '.', '1', "'", '"', '\\', '\t', '\n', '[', '{', ',', '?', '@', '|', '>'), maxLength: 8 }));
const scalar = fc.oneof(word, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));

type Tree = string | number | boolean | null | Tree[] | { [key: string]: Tree };
const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(word, tie('tree'), { maxKeys: 4 })),
}));

/** How one scalar is written: as is (plain), quoted, or as a block. */
const scalarStyle = fc.constantFrom('plain', 'single', 'double', 'literal', 'folded');
/** Choices for writing a document, drawn once per text and used round-robin. */
const styles = fc.record({ scalars: fc.array(scalarStyle, { minLength: 1, maxLength: 8 }), flow: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), indent: fc.integer({ min: 1, max: 4 }), comments: fc.boolean() });

/** Writes `value` as YAML in the given styles; plain scalars are written raw, so they may mean something else, which is what is tested. */
function write(value: Tree, s: { scalars: readonly string[]; flow: readonly boolean[]; indent: number; comments: boolean }): string {
  let n = 0;
  const next = <T>(xs: readonly T[]): T => xs[n++ % xs.length]!;
  const pad = (depth: number): string => ' '.repeat(depth * s.indent);
  const str = (x: string | number | boolean | null, depth: number): string => {
    const text = String(x);
    switch (next(s.scalars)) {
      case 'single':
        return `'${text.replace(/'/g, "''")}'`;
      case 'double':
        return JSON.stringify(text);
      case 'literal':
        return `|\n${text.split('\n').map((l) => pad(depth + 1) + l).join('\n')}`;
      case 'folded':
        return `>-\n${text.split('\n').map((l) => pad(depth + 1) + l).join('\n')}`;
      default:
        return text;
    }
  };
  const flow = (v: Tree): string => {
    if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
    if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')}}`;
    return String(v);
  };
  const block = (v: Tree, depth: number): string => {
    const comment = s.comments ? ' # note' : '';
    if (Array.isArray(v)) return v.length === 0 || next(s.flow) ? ` ${flow(v)}${comment}` : v.map((x) => `\n${pad(depth)}-${block(x, depth + 1)}`).join('');
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      return entries.length === 0 || next(s.flow) ? ` ${flow(v)}${comment}` : entries.map(([k, x]) => `\n${pad(depth)}${str(k, depth)}:${block(x, depth + 1)}`).join('');
    }
    return ` ${str(v, depth)}${comment}`;
  };
  return `${block(value, 0).replace(/^\n/, '')}\n`;
}

/** A random edit: a character inserted, deleted or replaced. */
const damage = fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete', 'replace'), char: fc.constantFrom(' ', '\t', '\n', ':', '-', '#', "'", '"', '[', ']', '{', '}', ',', '?', '*', '&', '!', '%', '|', '>', 'a') }), { maxLength: 3 });

function damaged(text: string, edits: readonly { at: number; kind: string; char: string }[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = e.kind === 'insert' ? out.slice(0, at) + e.char + out.slice(at) : e.kind === 'delete' ? out.slice(0, at) + out.slice(at + 1) : out.slice(0, at) + e.char + out.slice(at + 1);
  }
  return out;
}

/** Holds when the fast path refuses `text`, or yaml reads the same single document from it without complaint. */
function agrees(text: string): boolean {
  const fast = plainValue(text);
  if (fast === undefined) return true;
  const strict = readYamlText(text, 'f.yaml');
  if (strict.diagnostics.length > 0 || strict.docs.length !== 1) throw new Error(`the fast path accepted a text yaml refuses:\n${text}\n${JSON.stringify(strict.diagnostics)}`);
  const a = JSON.stringify(fast);
  const b = JSON.stringify(strict.docs[0]!.value);
  if (a !== b) throw new Error(`the parsers read different values from:\n${text}\njs-yaml: ${a}\nyaml:    ${b}`);
  return true;
}

t.test('whatever the fast path accepts, yaml reads alike', async (t) => {
  let accepted = 0;
  fc.assert(
    fc.property(tree, styles, damage, (value, s, edits) => {
      const text = damaged(write(value, s), edits);
      if (plainValue(text) !== undefined) accepted++;
      return agrees(text);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // Both outcomes are explored.
  t.ok(accepted > RUNS / 10, `the fast path accepted ${accepted} of ${RUNS} texts`);
  t.ok(accepted < RUNS * 0.95, `the fast path refused ${RUNS - accepted} of ${RUNS} texts`);
});

t.test('the fast path leaves to yaml what it cannot read alike', async (t) => {
  const refused: [string, string][] = [
    ['a %YAML 1.1 directive, under which yes is a boolean to yaml', '%YAML 1.1\n---\na: yes\n'],
    ['aliases', 'a: &x 1\nb: *x\n'],
    ['complex keys', '[a, b]: c\n'],
    ['unknown tags', 'a: !shell x\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['several documents', 'a: 1\n---\nb: 2\n'],
    ['a scalar document', 'hello\n'],
    ['an empty document', '# nothing\n'],
    ['a forbidden key', 'spec:\n  __proto__: 1\n'],
    ['nesting past the limit', `a: ${'['.repeat(33)}${']'.repeat(33)}\n`],
    ['malformed YAML', 'a: [1,\n'],
  ];
  for (const [why, text] of refused) t.equal(plainValue(text), undefined, why);
  t.same(plainValue(`a: ${'['.repeat(31)}${']'.repeat(31)}\n`), { a: JSON.parse(`${'['.repeat(31)}${']'.repeat(31)}`) }, 'nesting at the limit is read');
  t.same(plainValue('a: 0o17\nb: 0x1F\nc: .inf\nd: ~\ne: "x"\n'), { a: 15, b: 31, c: Infinity, d: null, e: 'x' }, 'core schema scalars');
});
