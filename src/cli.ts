#!/usr/bin/env node
/**
 * The command-line entry: parses arguments, dispatches to a command, and is the one place
 * that turns errors into exit codes. User errors print one line; only bugs print a stack,
 * and only with ONCALL_ACCESS_DEBUG set.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closest } from './util/closest.js';
import { COMMANDS, type Command } from './commands/index.js';
import { EXIT, UserError, type Io } from './io.js';
import { redact, secretsIn } from './util/redact.js';

const VERSION = '0.1.0';

type Options = NonNullable<ParseArgsConfig['options']>;

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: oncall-access <command> [flags]',
    '',
    'Grants access to whoever is on call, and takes it back when the shift ends.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "oncall-access <command> --help" for its flags and exit codes.',
    '',
  ].join('\n');
}

function commandHelp(c: Command): string {
  const flags = Object.entries(c.flags).map(([name, f]) => {
    const left = `--${name}${f.type === 'string' ? ` ${f.valueName ?? 'VALUE'}` : ''}`;
    return `  ${left.padEnd(28)} ${f.help}${f.default !== undefined ? ` (default: ${f.default})` : ''}`;
  });
  return [`Usage: oncall-access ${c.name} ${c.usage}`, '', c.description, '', 'Flags:', ...flags, `  ${'--help'.padEnd(28)} Show this help.`, '', 'Exit codes:', ...c.exitCodes.map(([code, why]) => `  ${code}  ${why}`), ''].join('\n');
}

/**
 * The first flag of `args` that `options` does not declare, as the message saying so: with the
 * nearest declared flag when it looks like a typo of one, else where the flags are listed.
 */
function unknownFlag(command: string, args: readonly string[], options: Options): string | undefined {
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const unknown = tokens.find((t) => t.kind === 'option' && !Object.hasOwn(options, t.name));
  if (unknown?.kind !== 'option') return undefined;
  const near = unknown.rawName.startsWith('--') ? closest(unknown.name, Object.keys(options)) : undefined;
  return `unknown flag ${unknown.rawName}; ${near === undefined ? `"oncall-access ${command} --help" lists the flags` : `did you mean --${near}?`}`;
}

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const secrets = secretsIn(rawIo.env);
  const guarded = (out: Io['stdout']): Io['stdout'] => ({ isTTY: out.isTTY, write: (text: string) => out.write(redact(text, secrets)) });
  const io: Io = { ...rawIo, stdout: guarded(rawIo.stdout), stderr: guarded(rawIo.stderr) };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return name === undefined ? EXIT.error : EXIT.ok;
  }
  if (name === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`oncall-access: unknown command "${name}"\n\n${usage()}`);
    return EXIT.error;
  }
  try {
    const options: Options = { help: { type: 'boolean', short: 'h' } };
    for (const [flag, f] of Object.entries(command.flags)) options[flag] = { type: f.type, ...(f.multiple ? { multiple: true } : {}) };
    const unknown = unknownFlag(command.name, rest, options);
    if (unknown !== undefined) throw new UserError(unknown);
    const parsed = parseArgs({ args: [...rest], options, allowPositionals: command.positionals !== undefined, strict: true });
    if (parsed.values.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    const values: Record<string, unknown> = {};
    for (const [flag, f] of Object.entries(command.flags)) {
      const v = parsed.values[flag] ?? f.default;
      if (f.choices && v !== undefined && !f.choices.includes(String(v))) throw new UserError(`--${flag} must be one of ${f.choices.join(', ')}; got "${String(v)}"`);
      values[flag] = v;
    }
    return await command.run(values, parsed.positionals, io);
  } catch (e) {
    if (e instanceof UserError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`oncall-access ${command.name}: ${(e as Error).message}\n`);
      return EXIT.error;
    }
    io.stderr.write(`oncall-access ${command.name}: internal error: ${(e as Error).message}\n`);
    if (io.env.ONCALL_ACCESS_DEBUG) io.stderr.write(`${(e as Error).stack}\n`);
    else io.stderr.write('This is a bug in oncall-access. Set ONCALL_ACCESS_DEBUG=1 to see where.\n');
    return EXIT.error;
  }
}

/** The process's own {@link Io}. */
export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdinIsTTY: Boolean(process.stdin.isTTY), now: () => new Date(), fetch: globalThis.fetch };
}

// Node was started on this file. The Action's bundle holds this module too, and there
// import.meta.url is the bundle's: .ci/bundle.mjs defines ONCALL_ACCESS_BUNDLE so that starting
// the Action never also runs the CLI.
const invoked = process.env.ONCALL_ACCESS_BUNDLE !== 'action' && process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) process.exitCode = await main(process.argv.slice(2), processIo());
