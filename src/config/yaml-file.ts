/**
 * Reading YAML files into documents that remember where every value came from, and turning
 * every way a file can be unreadable into a diagnostic instead of an exception.
 *
 * Two parsers: `yaml` is the authority (its errors, warnings and node positions are what users
 * see), and yaml-fast.ts reads the common file, a single plain mapping or sequence, faster and
 * alike. Positions are found only when a message needs one ({@link pos} is lazy).
 */
import { lstatSync, readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';
import { error, type Diagnostic, type SourcePos } from '../core/diagnostics.js';
import { FORBIDDEN_KEYS, MAX_DEPTH, readFast } from './yaml-fast.js';

/** Files larger than this are refused unread: profiles are small, a huge file is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases a document may expand; bounds "billion laughs" expansion. */
export const MAX_ALIAS_COUNT = 50;

/** A 1-based line and column in a file. */
type LineCol = Omit<SourcePos, 'file'>;

/** A document parsed by yaml, keeping node ranges, and the line counter to turn them into lines. */
interface Located {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** One YAML document of a file, with its plain value and the means to locate paths in it. */
export interface YamlDoc {
  /** The file as shown to the user. */
  file: string;
  /** The document as plain data. */
  value: unknown;
  /** Line and column of the value at `path` (with `key`: of that key of the mapping there), as {@link positionOf} finds them. */
  position(path: YamlPath, key?: string): LineCol;
}

/** The documents of a file, or the diagnostics explaining why some could not be read. */
export interface YamlRead {
  docs: YamlDoc[];
  diagnostics: Diagnostic[];
  /** The file's bytes, when it could be read (so that nobody reads it again to hash it). */
  bytes?: Buffer;
}

/** A path into a document: mapping keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/**
 * Reads `path` (shown as `file`) and parses every document in it. Never throws: a missing file,
 * a directory, a symbolic link (refused: it could point outside the repository), a file over {@link MAX_FILE_BYTES}, bytes that are not UTF-8,
 * YAML syntax errors, duplicate keys, alias bombs, excessive nesting, `__proto__`-like keys and
 * empty files all become error diagnostics, and the offending document is left out.
 */
export function readYamlFile(path: string, file: string): YamlRead {
  const bytes = readBytes(path, file);
  if (!Buffer.isBuffer(bytes)) return { docs: [], diagnostics: [bytes] };
  const text = decodeUtf8(bytes, file);
  if (typeof text !== 'string') return { docs: [], diagnostics: [text], bytes };
  const fast = readFast(text);
  if (fast !== undefined) {
    const slow = locatable(text, file, fast.value);
    let lines: LineCounter | undefined;
    const position = (path: YamlPath, key?: string): LineCol => {
      const offset = fast.offsetOf(path, key);
      return offset === undefined ? slow.position(path, key) : (lines ??= countLines(text)).linePos(offset);
    };
    return { docs: [{ file, value: fast.value, position }], diagnostics: [], bytes };
  }
  return { ...readYamlText(text, file), bytes };
}

/** What yaml, the authority, reads in `text`: every document, or why it cannot be used (see {@link readYamlFile}). */
export function readYamlText(text: string, file: string): Omit<YamlRead, 'bytes'> {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const diagnostics: Diagnostic[] = [];
  const docs: YamlDoc[] = [];
  const all = Array.isArray(parsed) ? parsed : [];
  for (const doc of all) {
    // Warnings (unknown tags such as `!shell`, an unsupported %YAML version) are refused too:
    // a document that does not mean exactly what it says is not policy.
    const problems = [...doc.errors, ...doc.warnings].map((e) => {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      return error(yamlMessage(e.code, e.message), { file, line, col });
    });
    if (problems.length === 0) problems.push(...checkNodes(doc.contents, file, lineCounter));
    if (problems.length > 0) {
      diagnostics.push(...problems);
      continue;
    }
    if (doc.contents === null) continue;
    // An alias is written with `*`: a file without one needs no walk to look for them.
    const dangling = text.includes('*') ? danglingAlias(doc) : undefined;
    if (dangling) {
      const { line, col } = lineCounter.linePos(dangling.range?.[0] ?? 0);
      diagnostics.push(error(`invalid YAML: alias *${dangling.source} refers to no anchor`, { file, line, col }));
      continue;
    }
    try {
      docs.push({ file, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), position: (path, key) => positionOf({ doc, lineCounter }, path, key) });
    } catch {
      diagnostics.push(error(`YAML aliases expand too much (more than ${MAX_ALIAS_COUNT}); refusing to expand this document`, { file, ...positionOf({ doc, lineCounter }, []) }));
    }
  }
  if (docs.length === 0 && diagnostics.length === 0) diagnostics.push(error('file is empty: expected an oncall-access document', { file, line: 1, col: 1 }));
  return { docs, diagnostics };
}

/** A line counter that knows every line of `text`. */
function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/** The first alias whose anchor is not defined before it, if any. */
function danglingAlias(doc: Document.Parsed): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.resolve(doc) === undefined) {
        found = node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function readBytes(path: string, file: string): Buffer | Diagnostic {
  const at = { file, line: 1, col: 1 };
  let size: number;
  try {
    const st = lstatSync(path);
    if (st.isSymbolicLink()) return error(SYMLINK_REFUSED, at);
    if (st.isDirectory()) return error('is a directory, expected a YAML file', at);
    size = st.size;
  } catch (e) {
    return error(fsMessage(e), { file });
  }
  if (size > MAX_FILE_BYTES) return error(`file is ${size} bytes, over the limit of ${MAX_FILE_BYTES}; refusing to read it`, at);
  return readFileSync(path);
}

function decodeUtf8(bytes: Buffer, file: string): string | Diagnostic {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return error('file is not valid UTF-8 text', positionOfBadUtf8(bytes, file));
  }
}

/** Why a symbolic link in the workspace is not read: it could point anywhere (`/proc/self/environ`, another repository's file). */
export const SYMLINK_REFUSED = 'is a symbolic link; oncall-access reads only regular files, so a link cannot make it read something outside the repository (replace the link with the file)';

/** A readable sentence for a filesystem error. */
export function fsMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'does not exist';
    case 'ELOOP':
      return 'is a symbolic link loop';
    case 'EACCES':
      return 'cannot be read: permission denied';
    default:
      return `cannot be read: ${code ?? String(e)}`;
  }
}

function positionOfBadUtf8(bytes: Buffer, file: string): SourcePos {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  const good = bytes.subarray(0, lo).toString('utf8');
  const lines = good.split('\n');
  return { file, line: lines.length, col: lines[lines.length - 1]!.length + 1 };
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return `duplicate key: ${message.replace(/^Map keys must be unique.*$/s, 'each key may appear once in a mapping')}`;
  return `invalid YAML: ${message.split('\n')[0]}`;
}

function checkNodes(root: Node | null, file: string, lc: LineCounter): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (out.length > 0) return;
    if (depth > MAX_DEPTH) {
      out.push(error(`nesting is deeper than ${MAX_DEPTH} levels`, at(node)));
      return;
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (!isScalar(pair.key) || (typeof key !== 'string' && typeof key !== 'number')) {
          out.push(error('mapping keys must be plain strings', at(pair.key ?? node)));
          return;
        }
        if (FORBIDDEN_KEYS.has(String(key))) {
          out.push(error(`key "${String(key)}" is not allowed`, at(pair.key)));
          return;
        }
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item, depth + 1);
    }
  };
  const at = (node: unknown): SourcePos => {
    const range = (node as Node | null)?.range;
    const { line, col } = lc.linePos(range?.[0] ?? 0);
    return { file, line, col };
  };
  walk(root, 0);
  return out;
}

/**
 * Position of the value at `path` in `doc`; with `key`, of that key inside the mapping at
 * `path`. When the path does not exist (a missing field), the deepest existing ancestor.
 */
function positionOf({ doc, lineCounter: lc }: Located, path: YamlPath, key?: string): LineCol {
  let node: unknown = doc.contents;
  for (const seg of path) {
    const next = child(node, seg);
    if (next === undefined) break;
    node = next;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair) node = pair.key;
  }
  const range = (node as Node | null)?.range;
  return lc.linePos(range?.[0] ?? 0);
}

function child(node: unknown, seg: string | number): unknown {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
    return pair ? (pair.value ?? pair.key) : undefined;
  }
  if (isSeq(node)) return node.items[Number(seg)] ?? undefined;
  return undefined;
}

/** `text` (JSON, or YAML), already read as `value` by other means, parsed again by yaml only when a path in it must be located for a message. */
export function locatable(text: string, file: string, value: unknown): YamlDoc {
  let located: Located | undefined;
  const locate = (): Located => {
    if (located === undefined) {
      const lineCounter = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter }), lineCounter };
    }
    return located;
  };
  return { file, value, position: (path, key) => positionOf(locate(), path, key) };
}

/**
 * Position of a path in a {@link YamlDoc}. Its line and column are found when first read, so
 * that the positions a loaded model keeps for messages cost nothing while nothing is reported.
 */
export function pos(d: YamlDoc, path: YamlPath, key?: string): SourcePos {
  let found: LineCol | undefined;
  const at = (): LineCol => (found ??= d.position(path, key));
  return {
    file: d.file,
    get line() {
      return at().line;
    },
    get col() {
      return at().col;
    },
  };
}
