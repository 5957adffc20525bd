import t from 'tap';
import { main } from '../src/cli.js';
import { COMMANDS } from '../src/commands/index.js';
import { runBuilt } from './helpers/built.js';
import { captureIo } from './helpers/io.js';

t.test('every command answers --help with its flags and exit codes', async (t) => {
  for (const c of COMMANDS) {
    const io = captureIo(process.cwd());
    t.equal(await main([c.name, '--help'], io.io), 0);
    t.match(io.out(), `Usage: oncall-access ${c.name}`);
    t.match(io.out(), 'Exit codes:');
    for (const flag of Object.keys(c.flags)) t.match(io.out(), `--${flag}`);
  }
});

t.test('no command prints usage and fails; --help and help succeed', async (t) => {
  let io = captureIo(process.cwd());
  t.equal(await main([], io.io), 1);
  t.match(io.out(), 'Commands:');
  io = captureIo(process.cwd());
  t.equal(await main(['--help'], io.io), 0);
  io = captureIo(process.cwd());
  t.equal(await main(['--version'], io.io), 0);
  t.match(io.out(), /^\d+\.\d+\.\d+\n$/);
});

t.test('an unknown command or flag is a one-line error, exit 1, no stack', async (t) => {
  let io = captureIo(process.cwd());
  t.equal(await main(['destroy'], io.io), 1);
  t.match(io.err(), /^oncall-access: unknown command "destroy"/);
  io = captureIo(process.cwd());
  t.equal(await main(['validate', '--force'], io.io), 1);
  t.equal(io.err(), 'oncall-access validate: unknown flag --force; "oncall-access validate --help" lists the flags\n');
  io = captureIo(process.cwd());
  t.equal(await main(['validate', '--format', 'xml'], io.io), 1);
  t.equal(io.err(), 'oncall-access validate: --format must be one of text, json, github; got "xml"\n');
});

t.test('a bug is reported as an internal error, with the stack only on request', async (t) => {
  const broken = { ...captureIo('/nonexistent') };
  const command = COMMANDS[0]!;
  const original = command.run;
  command.run = async () => {
    throw new Error('boom');
  };
  t.teardown(() => {
    command.run = original;
  });
  t.equal(await main([command.name], broken.io), 1);
  t.equal(broken.err(), `oncall-access ${command.name}: internal error: boom\nThis is a bug in oncall-access. Set ONCALL_ACCESS_DEBUG=1 to see where.\n`);
  const debug = captureIo('/nonexistent', { ONCALL_ACCESS_DEBUG: '1' });
  t.equal(await main([command.name], debug.io), 1);
  t.match(debug.err(), /at .*cli\.test\.ts/);
});

t.test('a mistyped flag gets the flag it was probably meant to be, exit 1, and nothing runs', async (t) => {
  const cases: [string[], string][] = [
    [['plan', '--detailed-exit-code'], 'oncall-access plan: unknown flag --detailed-exit-code; did you mean --detailed-exitcode?\n'],
    [['apply', 'plan.json', '--max-plan-ag', '2h'], 'oncall-access apply: unknown flag --max-plan-ag; did you mean --max-plan-age?\n'],
    [['timeline', '--timezone', 'UTC'], 'oncall-access timeline: unknown flag --timezone; did you mean --time-zone?\n'],
    [['plan', '--format', 'json', '-x'], 'oncall-access plan: unknown flag -x; "oncall-access plan --help" lists the flags\n'],
  ];
  for (const [argv, err] of cases) {
    const io = captureIo('/nonexistent');
    t.equal(await main(argv, io.io), 1, argv.join(' '));
    t.equal(io.err(), err);
    t.equal(io.out(), '');
  }
});

t.test('--max-plan-age without a saved plan is refused: only apply PLANFILE has a plan with an age', async (t) => {
  const io = captureIo('/nonexistent');
  t.equal(await main(['apply', '--max-plan-age', '2h', '--yes'], io.io), 1);
  t.equal(io.err(), 'oncall-access apply: --max-plan-age only applies to a saved plan (apply PLANFILE --max-plan-age DURATION); without PLANFILE apply makes a fresh plan, which has no age\n');
  const help = captureIo('/nonexistent');
  await main(['apply', '--help'], help.io);
  t.match(help.out(), '--max-plan-age DURATION      Refuse PLANFILE if it is older than this (default: 1h); only with PLANFILE.\n');
});

t.test('the installed bin runs with node and exits with the command\'s code', async (t) => {
  const ok = await runBuilt(['dist/cli.js', 'validate', '--config', 'profiles/oncall-access.yaml']);
  t.equal(ok.code, 0);
  t.match(ok.stdout, /^Valid: /m);
  const bad = await runBuilt(['dist/cli.js', 'validate', '--config', 'missing.yaml']);
  t.equal(bad.code, 1);
  t.equal(bad.stderr, '');
});
