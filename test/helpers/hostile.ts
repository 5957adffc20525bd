/** The hostile-input corpus and its runner (test/hostile.*.test.ts); see those files. */
import type { Test } from 'tap';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli.js';
import { startGitHubEmulator, type GitHubEmulator } from '@oncall-access/emulators/github';
import { startOpsgenieEmulator, type OpsgenieEmulator } from '@oncall-access/emulators/opsgenie';
import { startPagerDutyEmulator, type PagerDutyEmulator } from '@oncall-access/emulators/pagerduty';
import { captureIo } from './io.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const BASE = join(FIXTURES, 'base');
const CASES = join(FIXTURES, 'cases');
const ENV = { GITHUB_TOKEN: 'ghp_hostileTESTtoken000000000000000000000', PAGERDUTY_TOKEN: 'pd-hostile-token', OPSGENIE_KEY: 'og-hostile-key' };
const NOW = new Date('2026-11-30T07:50:00Z');

/** One hostile input: files over the base workspace and the error it must produce. */
export interface Case {
  name: string;
  why: string;
  /** The file (workspace-relative) the error must name, and the line when it is known. */
  file: string;
  line?: number;
  /** Files to write over the base workspace. */
  files: Record<string, string | Buffer>;
  /** A known finding: the exit-code and position assertions are marked todo with this text. */
  todo?: string;
  /** A known finding about the output: the raw-character assertion is marked todo with this text. */
  todoOutput?: string;
  /** Do not run `plan` when validate accepts the case (it would not finish). */
  planHangs?: boolean;
}

/** Reads the committed cases. */
export function committedCases(): Case[] {
  return readdirSync(CASES)
    .sort()
    .map((name) => {
      const dir = join(CASES, name);
      const meta = JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as Omit<Case, 'name' | 'files'>;
      const files: Record<string, Buffer> = {};
      const walk = (rel: string): void => {
        for (const entry of readdirSync(join(dir, rel))) {
          const path = rel === '' ? entry : `${rel}/${entry}`;
          if (path === 'case.json') continue;
          if (statSync(join(dir, path)).isDirectory()) walk(path);
          else files[path] = readFileSync(join(dir, path));
        }
      };
      walk('');
      return { name, ...meta, files };
    });
}

const base = (file: string): string => readFileSync(join(BASE, file), 'utf8');
const P = 'profiles/payments.yaml';
const I = 'identities.yaml';
const R = 'rotations/primary.yaml';
const C = 'oncall-access.yaml';

/**
 * Cases generated at run time: `big`, too big to commit (huge files, a plan window of millions of
 * shifts); `many`, 50,000 documents or 10,000 errors in one file; or `bytes` that must stay exact
 * (encodings, NUL, BOMs, controls). Three sets, three test files: in one file they came near
 * tap's timeout on a busy machine (issue 20).
 */
export function generatedCases(which: 'big' | 'many' | 'bytes'): Case[] {
  const profile = base(P);
  const identities = base(I);
  const rotation = base(R);
  const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  const hugeMembers = `${profile.replace('  members: [carol@acme.example]\n', '  members:\n')}${'    - carol@acme.example\n'.repeat(60_000)}`;
  const manyIds = Array.from({ length: 5_000 }, (_, i) => `    - { email: "not an email ${i}", github: "-bad-${i}" }`).join('\n');
  const sources = Array.from({ length: 60 }, (_, i) => `    extra-${i}:\n      type: rotations\n`).join('');
  const big: Case[] = [
    { name: 'gen-huge-profile', why: `a ${hugeMembers.length}-byte profile (over the 1 MiB limit)`, file: P, line: 1, files: { [P]: hugeMembers } },
    { name: 'gen-huge-identities', why: 'a 1.5 MB identities file', file: I, line: 1, files: { [I]: identities + '    - email: x@acme.example\n      github: x\n'.repeat(35_000) } },
    { name: 'gen-long-line', why: 'a 900 KB description on one line', file: P, line: 5, files: { [P]: profile.replace('Deploy access for whoever carries the payments pager.', 'x'.repeat(900_000)) } },
    { name: 'gen-error-at-line-100k', why: 'an error after 100,000 blank lines', file: P, line: 100_007, files: { [P]: profile.replace('  mode: auto\n', `${'\n'.repeat(100_000)}  mode: sometimes\n`) } },
    { name: 'gen-too-many-members', why: '1,001 static members (the schema allows 1,000)', file: P, line: 14, files: { [P]: profile.replace('[carol@acme.example]', `[${Array.from({ length: 1001 }, (_, i) => `m${i}@acme.example`).join(', ')}]`) } },
    { name: 'gen-too-many-sources', why: '63 sources (the schema allows 50)', file: C, line: 9, files: { [C]: base(C).replace('  targets:\n', `${sources}  targets:\n`) } },
    {
      name: 'gen-tiny-shifts-long-window',
      why: 'one-second shifts read over a ten-year window: hundreds of millions of shifts per plan',
      file: R,
      line: 7,
      files: { [R]: rotation.replace('shiftLength: 1w', 'shiftLength: 1s'), [P]: profile.replace('after: 30m', 'after: 3650d') },
      planHangs: true,
    },
  ];
  if (which === 'big') return big;
  if (which === 'many') {
    return [
      { name: 'gen-many-empty-documents', why: '50,000 empty documents', file: 'profiles/empty.yaml', line: 1, files: { 'profiles/empty.yaml': '---\n'.repeat(50_000) } },
      { name: 'gen-many-errors', why: '5,000 invalid identities (10,000 errors)', file: I, line: 5, files: { [I]: `apiVersion: oncall-access/v1\nkind: Identities\nspec:\n  identities:\n${manyIds}\n` } },
    ];
  }
  return [
    { name: 'gen-latin1', why: 'Latin-1 bytes in a description', file: P, line: 5, files: { [P]: bytes(profile.split('Deploy')[0]!, 'Caf', [0xe9], ' deploy', profile.split('Deploy')[1]!) } },
    { name: 'gen-overlong-utf8', why: 'an overlong UTF-8 encoding of "/" (0xC0 0xAF) in a team slug', file: P, line: 17, files: { [P]: bytes(profile.split('payments-deployers')[0]!, '..', [0xc0, 0xaf], 'admins', profile.split('payments-deployers')[1]!) } },
    { name: 'gen-cesu-surrogate', why: 'a UTF-8-encoded lone surrogate (0xED 0xA0 0x80)', file: I, line: 6, files: { [I]: bytes(identities.split('alice-acme')[0]!, 'alice', [0xed, 0xa0, 0x80], identities.split('alice-acme')[1]!) } },
    { name: 'gen-utf16', why: 'the identities file in UTF-16LE with a BOM', file: I, line: 1, files: { [I]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(identities, 'utf16le')]) } },
    { name: 'gen-nul-byte', why: 'a raw NUL byte in a profile', file: P, line: 7, files: { [P]: bytes(profile.replace('  mode: auto\n', '  mode: au'), [0], 'to\n') } },
    { name: 'gen-bom-mid-file', why: 'a BOM before a key in the middle of the file', file: P, line: 7, files: { [P]: profile.replace('  mode: auto', '  \ufeffmode: auto') } },
    { name: 'gen-bom-in-value', why: 'a BOM inside a team slug', file: P, line: 17, files: { [P]: profile.replace('team: payments-deployers', 'team: "\ufeffpayments-deployers"') } },
    { name: 'gen-bom-second-document', why: 'a BOM at the start of a second document', file: P, files: { [P]: `${profile}---\n\ufeff${profile.replace('payments-oncall', 'payments-two')}` } },
    { name: 'gen-c1-control', why: 'a C1 control character (U+009B, CSI) in a rotation name', file: R, line: 4, files: { [R]: rotation.replace('name: primary', 'name: "pri\u009b2Jmary"') } },
  ];
}


/** Characters that must never reach a terminal or a log raw: C0/C1 controls but newline, and bidi controls. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

/**
 * Runs `cases` as subtests of `t` against strict emulators that must receive no request: the base
 * workspace first, then each case, then a summary that there were at least `minimum` cases.
 */
export function hostileSuite(t: Test, cases: Case[], minimum: number): void {
  let gh: GitHubEmulator;
  let pd: PagerDutyEmulator;
  let og: OpsgenieEmulator;
  const requests = () => gh.requests.length + pd.requests.length + og.requests.length;

  t.before(async () => {
    gh = await startGitHubEmulator({
      token: ENV.GITHUB_TOKEN,
      strict: true,
      orgs: { acme: { members: ['alice-acme', 'bob-acme', 'carol-acme', 'acme-breakglass'], teams: [{ slug: 'payments-deployers', members: [{ login: 'alice-acme', role: 'member' }] }, { slug: 'prod-admins', members: [] }] } },
    });
    pd = await startPagerDutyEmulator({ token: ENV.PAGERDUTY_TOKEN, strict: true, users: [] });
    og = await startOpsgenieEmulator({ apiKey: ENV.OPSGENIE_KEY, strict: true, schedules: [] });
  });
  t.teardown(async () => {
    await gh.close();
    await pd.close();
    await og.close();
  });

  /** A workspace: the base, then `files` over it, with the emulators' URLs filled in. */
  function workspace(t: Test, files: Record<string, string | Buffer>): string {
    const dir = t.testdir({});
    cpSync(BASE, dir, { recursive: true });
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    const config = join(dir, C);
    const text = readFileSync(config).toString('latin1');
    writeFileSync(config, Buffer.from(text.replaceAll('__GITHUB_URL__', gh.url).replaceAll('__PAGERDUTY_URL__', pd.url).replaceAll('__OPSGENIE_URL__', og.url), 'latin1'));
    return dir;
  }

  async function run(dir: string, args: string[]) {
    const c = captureIo(dir, { ...ENV }, NOW);
    const code = await main(args, c.io);
    return { code, out: c.out(), err: c.err() };
  }

  t.test('the base workspace is valid and plans without error', async (t) => {
    const dir = workspace(t, {});
    const v = await run(dir, ['validate']);
    t.equal(v.code, 0, v.out);
    const p = await run(dir, ['plan']);
    t.equal(p.code, 0, p.out + p.err);
    t.ok(gh.requests.length > 0, 'plan reached the GitHub emulator');
  });

  const outcome = { cases: cases.length, refused: 0, accepted: [] as string[], crashed: [] as string[] };

  for (const c of cases) {
    t.test(`${c.name}: ${c.why}`, async (t) => {
      const dir = workspace(t, c.files);
      const before = requests();
      const opts = c.todo ? { todo: c.todo } : {};
      const where = new RegExp(`(^|\\n)${c.file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${c.line ?? '\\d+'}(:\\d+)?: error: `);
      const v = await run(dir, ['validate']);
      const head = (o: string) => o.slice(0, 400);
      t.equal(v.code, 1, 'validate exits 1', opts);
      // Plain regex tests, not t.match: tap formats its arguments, which is slow on outputs of megabytes.
      t.ok(where.test(v.out), `validate names ${c.file}:${c.line ?? 'line'}: ${head(v.out)}`, opts);
      if (v.code === 0) outcome.accepted.push(c.name);
      else outcome.refused += 1;
      const outputs = [v.out, v.err];
      if (!(c.planHangs && v.code === 0)) {
        const p = await run(dir, ['plan']);
        t.equal(p.code, 1, 'plan exits 1', opts);
        t.ok(where.test(p.err), `plan names ${c.file}:${c.line ?? 'line'}: ${head(p.err)}`, opts);
        t.ok(p.err.includes('nothing was read or changed'), 'plan stops before reading', opts);
        outputs.push(p.out, p.err);
      }
      for (const o of outputs) {
        const crashed = /^\s+at /m.test(o) || o.includes('internal error');
        if (crashed) outcome.crashed.push(c.name);
        t.notOk(crashed, `no stack trace, no internal error: ${crashed ? head(o) : ''}`);
        t.notOk(UNSAFE.test(o), 'no raw control or bidi character in the output', c.todoOutput ? { todo: c.todoOutput } : {});
      }
      t.equal(requests() - before, 0, 'no request reached any API', opts);
    });
  }

  t.test('summary of the corpus', async (t) => {
    t.comment(`hostile inputs: ${outcome.cases} cases, ${outcome.refused} refused by validate with a position; accepted: ${outcome.accepted.join(', ') || 'none'}; crashed: ${outcome.crashed.join(', ') || 'none'}`);
    t.ok(outcome.cases >= minimum, `at least ${minimum} cases`);
  });
}
