import t from 'tap';
import { error, formatDiagnostic, hasErrors, sortDiagnostics, warning } from '../src/core/diagnostics.js';

t.test('a diagnostic with a position prints as file:line:col', async (t) => {
  t.equal(formatDiagnostic(error('bad', { file: 'a.yaml', line: 3, col: 5 })), 'a.yaml:3:5: error: bad');
  t.equal(formatDiagnostic(warning('meh')), 'warning: meh');
});

t.test('warnings alone are not errors', async (t) => {
  t.equal(hasErrors([warning('w')]), false);
  t.equal(hasErrors([warning('w'), error('e')]), true);
});

t.test('diagnostics sort by file, line, column, message', async (t) => {
  const ds = [
    error('z', { file: 'b', line: 1, col: 1 }),
    error('b', { file: 'a', line: 2, col: 1 }),
    error('a', { file: 'a', line: 2, col: 1 }),
    error('c', { file: 'a', line: 1, col: 9 }),
    error('nofile'),
  ];
  t.same(sortDiagnostics(ds).map((d) => d.message), ['nofile', 'c', 'a', 'b', 'z']);
});
