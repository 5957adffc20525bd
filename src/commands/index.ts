/**
 * The command table: each command's flags, help and exit codes, and the function that runs it.
 */
import { EXIT, type Io } from '../io.js';
import { runValidate, type ValidateFormat } from './validate.js';

/** One flag of a command. */
export interface Flag {
  type: 'string' | 'boolean';
  help: string;
  /** Shown in help: `--config PATH`. */
  valueName?: string;
  default?: string | boolean;
  /** When set, the value must be one of these. */
  choices?: readonly string[];
  multiple?: boolean;
}

/** A subcommand. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  description: string;
  flags: Record<string, Flag>;
  /** Positional arguments accepted, for help; absent when none are. */
  positionals?: string;
  exitCodes: [number, string][];
  run(values: Record<string, unknown>, positionals: string[], io: Io): Promise<number>;
}

/** `--config`, shared by every command that reads a workspace. */
export const CONFIG_FLAG: Flag = { type: 'string', valueName: 'PATH', help: 'The Config file; other paths are relative to it.', default: 'oncall-access.yaml' };

/** Every command, in the order help lists them. */
export const COMMANDS: Command[] = [
  {
    name: 'validate',
    summary: 'Check the config and every profile, rotation, identities and request file.',
    usage: '[--config PATH] [--format text|json|github]',
    description: 'Loads every file the config names and checks it against the schemas and the rules that span files. Reports every problem as file:line:col. Reads no API and writes nothing.',
    flags: {
      config: CONFIG_FLAG,
      format: { type: 'string', valueName: 'FORMAT', help: 'text, json, or github (workflow-command annotations).', default: 'text', choices: ['text', 'json', 'github'] },
    },
    exitCodes: [
      [EXIT.ok, 'valid (warnings allowed)'],
      [EXIT.error, 'any error'],
    ],
    run: async (v, _p, io) => runValidate({ config: String(v.config), format: v.format as ValidateFormat }, io),
  },
];
