import t from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REFERENCE_SCHEMA_FILES, renderReference } from '../src/docs/reference.js';

const PAGES = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/** Markdown outside fenced code blocks. */
function withoutCodeBlocks(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
}

/** Markdown outside code blocks and code spans, where links are links. */
function prose(markdown: string): string {
  return withoutCodeBlocks(markdown).replace(/``[^\n]*?``|`[^`\n]*`/g, '``');
}

/** The anchors GitHub gives a page's headings. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of withoutCodeBlocks(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}

t.test('docs/configuration.md is what the generator makes of the schemas', async (t) => {
  const schemas = REFERENCE_SCHEMA_FILES.map((file) => ({ file, schema: JSON.parse(readFileSync(join('schemas', file), 'utf8')) }));
  t.ok(readFileSync('docs/configuration.md', 'utf8') === renderReference(schemas), 'docs/configuration.md is stale: run npm run docs');
  t.same(readdirSync('schemas').sort(), [...REFERENCE_SCHEMA_FILES].sort(), 'the reference lists every schema');
});

t.test('the reference names every kind and every field of every schema', async (t) => {
  const page = readFileSync('docs/configuration.md', 'utf8');
  for (const heading of ['## Config', '## AccessProfile', '## Rotation', '## Identities', '## AccessRequest', '## State: grant ledger (`state/grants.json`)', '## State: on-call counts (`state/rotations.json`)', '## State: adopted teams (`state/adopted.json`)']) {
    t.match(page, `\n${heading}\n`, heading);
  }
  for (const [field, facts] of [
    ['spec.rotations', 'exactly one of `schedule`, `escalationPolicy`, `rotation`'],
    ['spec.mode', 'one of `auto`, `requestable` · required'],
    ['spec.window.before', 'format `oncall-access-duration`'],
    ['spec.sources.<name>.type', 'one of `pagerduty`, `opsgenie`, `jsm`, `rotations` · required'],
  ] as const) {
    t.match(page, `- **\`${field}\`** · `, `${field} is listed`);
    t.match(page.split(`- **\`${field}\`** · `)[1]!.split('\n')[0], facts, `${field}: ${facts}`);
  }
});

t.test('every relative link in the README and docs/ points at a file that exists, and an anchor at a heading it has', async (t) => {
  let checked = 0;
  for (const page of PAGES) {
    for (const [, target] of prose(readFileSync(page, 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [path, anchor] = target!.split('#') as [string, string | undefined];
      const file = path === '' ? page : join(dirname(page), path);
      t.ok(existsSync(file), `${page}: ${target} points at ${file}, which does not exist`);
      if (anchor !== undefined && file.endsWith('.md') && existsSync(file)) {
        t.ok(anchors(readFileSync(file, 'utf8')).has(anchor), `${page}: ${target}: ${file} has no heading #${anchor}`);
      }
      checked++;
    }
  }
  t.ok(checked > 40, `${checked} links checked`);
});
