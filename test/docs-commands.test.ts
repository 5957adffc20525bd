import t, { type Test } from 'tap';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, demoWorkspace } from './helpers/demo-workspace.js';

/** A command a page tells the reader to run, as the test runs it. */
interface DocCommand {
  page: string;
  line: string;
  args: string[];
  /** The exit code a `# exit N` comment declares, when one does. */
  exit?: number;
}

const PAGES = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];
const PREFIX = /^(?:npx --no |npx )?oncall-access /;

/** Splits a shell command line into words (quotes, no expansions) and its trailing `# comment`. */
function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"' || c === "'") {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      return { words, comment: line.slice(i + 1).trim() };
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return { words, comment: '' };
}

/** Every `oncall-access` command line in the page's ```sh blocks, in order. */
function commands(page: string): DocCommand[] {
  const out: DocCommand[] = [];
  for (const [, block] of readFileSync(page, 'utf8').matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    for (const line of block!.split('\n').filter((l) => PREFIX.test(l))) {
      const { words, comment } = shellWords(line.replace(PREFIX, ''));
      const exit = /^exit (\d+)\b/.exec(comment);
      out.push({ page, line, args: words, ...(exit ? { exit: Number(exit[1]) } : {}) });
    }
  }
  return out;
}

/** The demo workspace, also under profiles/ as in this repository, where the README's commands run. */
async function workspace(t: Test): Promise<string> {
  const { dir } = await demoWorkspace(t, (dir) => {
    mkdirSync(join(dir, 'profiles'));
    for (const entry of readdirSync(dir).filter((e) => e !== 'profiles')) cpSync(join(dir, entry), join(dir, 'profiles', entry), { recursive: true });
  });
  return dir;
}

const all = PAGES.flatMap(commands);

t.test('the docs show commands', async (t) => {
  t.ok(all.length >= 15, `${all.length} commands found`);
  for (const name of ['init', 'validate', 'plan', 'apply', 'explain', 'timeline', 'report', 'request', 'prune-requests', 'codeowners']) {
    t.ok(all.some((c) => c.args[0] === name), `a ${name} command is shown`);
  }
});

for (const page of PAGES) {
  const shown = commands(page);
  if (shown.length === 0) continue;
  t.test(`every command ${page} shows runs, in order, on the demo workspace`, async (t) => {
    const dir = await workspace(t);
    for (const [i, c] of shown.entries()) {
      const init = c.args[0] === 'init';
      const cwd = init ? join(dir, `init-${i}`) : dir;
      if (init) mkdirSync(cwd);
      const args = init || c.args.includes('--config') ? c.args : [...c.args, '--config', 'oncall-access.yaml'];
      const r = await cli(cwd, args);
      const expected = c.exit !== undefined ? [c.exit] : c.args.includes('--detailed-exitcode') ? [0, 2] : [0];
      const ok = expected.includes(r.code);
      t.ok(ok, `${c.line}: exit ${r.code}, expected ${expected.join(' or ')}${ok ? '' : `\n${r.err}${r.out}`.slice(0, 4000)}`);
      t.notMatch(`${r.out}\n${r.err}`, /^\s+at .+:\d+:\d+\)?$/m, `${c.line}: no stack trace`);
    }
  });
}
