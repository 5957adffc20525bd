import t, { type Test } from 'tap';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fsMessage, MAX_FILE_BYTES, pos, readYamlFile, SYMLINK_REFUSED } from '../src/config/yaml-file.js';

const bomb = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n');

function read(t: Test, content: string | Buffer) {
  const dir = t.testdir({ 'f.yaml': content });
  return readYamlFile(join(dir, 'f.yaml'), 'f.yaml');
}

const cases: [string, string | Buffer, string][] = [
  ['duplicate keys are refused with the position of the second one', 'a: 1\na: 2\n', 'f.yaml:2:1: duplicate key'],
  ['malformed YAML names the position', 'a: [1,\n', 'f.yaml:2:1: invalid YAML'],
  ['an alias bomb is refused before it expands', bomb, 'f.yaml:1:1: YAML aliases expand too much'],
  ['an alias before its anchor is refused where it is written', 'a: *x\nb: &x 1\n', 'f.yaml:1:4: invalid YAML: alias *x refers to no anchor'],
  ['__proto__ keys are refused', 'spec:\n  __proto__: 1\n', 'f.yaml:2:3: key "__proto__" is not allowed'],
  ['constructor keys are refused', '- constructor: 1\n', 'f.yaml:1:3: key "constructor" is not allowed'],
  ['an empty file is an error', '', 'f.yaml:1:1: file is empty'],
  ['a file of comments only is an error', '# nothing\n', 'f.yaml:1:1: file is empty'],
  ['bytes that are not UTF-8 are refused with the line they are on', Buffer.from('a: 1\nb: \xff\xfe\n', 'latin1'), 'f.yaml:2:4: file is not valid UTF-8'],
  ['complex keys are refused', '? [a, b]\n: 1\n', 'f.yaml:1:3: mapping keys must be plain strings'],
  ['deep nesting is refused', 'a: '.concat('['.repeat(40), ']'.repeat(40), '\n'), 'nesting is deeper than 32 levels'],
  ['a file over the size limit is refused unread', 'a: "'.concat('x'.repeat(MAX_FILE_BYTES), '"\n'), 'f.yaml:1:1: file is'],
];

for (const [name, content, expected] of cases) {
  t.test(name, async (t) => {
    const r = read(t, content);
    t.equal(r.docs.length, 0);
    t.equal(r.diagnostics.length, 1);
    const d = r.diagnostics[0]!;
    t.equal(d.severity, 'error');
    t.match(`${d.file}:${d.line}:${d.col}: ${d.message}`, expected);
  });
}

t.test('several documents in one file are read in order', async (t) => {
  const r = read(t, 'a: 1\n---\n- 2\n');
  t.same(r.diagnostics, []);
  t.same(r.docs.map((d) => d.value), [{ a: 1 }, [2]]);
});

t.test('one bad document does not hide the good ones', async (t) => {
  const r = read(t, 'a: 1\n---\nb: 1\nb: 2\n');
  t.same(r.docs.map((d) => d.value), [{ a: 1 }]);
  t.equal(r.diagnostics.length, 1);
});

t.test('missing files, directories and symbolic links (loops, or to a regular file) are diagnostics', async (t) => {
  const dir = t.testdir({ sub: {}, 'real.yaml': 'a: 1\n' });
  symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
  symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
  t.match(readYamlFile(join(dir, 'nope.yaml'), 'nope.yaml').diagnostics[0], { file: 'nope.yaml', message: 'does not exist' });
  t.match(readYamlFile(join(dir, 'sub'), 'sub').diagnostics[0], { message: 'is a directory, expected a YAML file' });
  t.match(readYamlFile(join(dir, 'loop'), 'loop').diagnostics[0], { message: SYMLINK_REFUSED });
  const link = readYamlFile(join(dir, 'link.yaml'), 'link.yaml');
  t.same(link.docs, [], 'a link to a perfectly good file is not read either');
  t.match(link.diagnostics[0], { file: 'link.yaml', line: 1, message: SYMLINK_REFUSED });
});

t.test('filesystem errors read as sentences', async (t) => {
  t.equal(fsMessage(Object.assign(new Error('x'), { code: 'EACCES' })), 'cannot be read: permission denied');
  t.equal(fsMessage(Object.assign(new Error('x'), { code: 'EIO' })), 'cannot be read: EIO');
  t.equal(fsMessage('weird'), 'cannot be read: weird');
});

t.test('positions in a plain file are where yaml puts them, a block scalar and an empty value included', async (t) => {
  const r = read(t, 'spec:\n  name: "x"\n  text: |\n    block\n  empty:\n  list:\n    - a\n');
  t.same(r.diagnostics, []);
  const d = r.docs[0]!;
  const at = (path: (string | number)[], key?: string) => ({ ...pos(d, path, key) });
  t.same(at(['spec', 'name']), { file: 'f.yaml', line: 2, col: 9 });
  t.same(at(['spec', 'text']), { file: 'f.yaml', line: 3, col: 9 });
  t.same(at(['spec', 'empty']), { file: 'f.yaml', line: 5, col: 9 });
  t.same(at(['spec', 'list', 0]), { file: 'f.yaml', line: 7, col: 7 });
  t.same(at(['spec'], 'list'), { file: 'f.yaml', line: 6, col: 3 });
  t.same(at(['spec', 'missing', 'deeper']), { file: 'f.yaml', line: 2, col: 3 }, 'a missing field: the deepest node that exists');
});
