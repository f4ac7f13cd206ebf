// The CLI's argument conventions: util.parseArgs per command (strict), one help text per command, and usage errors
// (unknown flag, missing value, wrong number of arguments) that name the problem and exit with code 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes of every `aurora` command (README, "The aurora command"). */
export const EXIT = { ok: 0, failed: 1, usage: 2, config: 78 } as const;

/** Wrong use of a command: the message is shown with the command's usage, and the exit code is 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandSpec {
  /** `aurora users add --email E ...`, shown in help and after a usage error. */
  usage: string;
  /** One line for `aurora --help`. */
  summary: string;
  /** More help for `aurora <command> --help`: what the options mean. */
  details?: string;
  options?: Options;
  /** How many positional arguments the command takes. */
  positionals?: { min: number; max: number; names?: string };
}

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

const HELP: Options = { help: { type: 'boolean', short: 'h' } };

/** The option's name in one of parseArgs' messages ("Unknown option '--x'", "Option '--e, -e <value>' argument missing"). */
const optionIn = (message: string) => /'(-{1,2}[^',<>\s]+)/.exec(message)?.[1] ?? 'an option';

/** Parses `args` for `spec`; `--help`/`-h` anywhere asks for help instead. Throws UsageError. */
export function parseCommand(spec: CommandSpec, args: string[]): Parsed & { help: boolean } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args, options: { ...HELP, ...spec.options }, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    if (args.includes('--help') || args.includes('-h')) return { values: {}, positionals: [], help: true };
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option ${optionIn(message)}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = optionIn(message);
      // A value that is itself a flag (`--email --name N`) is refused, never taken as the value.
      throw new UsageError(/ambiguous/.test(message) ? `${option} needs a value (got another option after it; write ${option}=-value for a value that starts with -)` : `${option} needs a value`);
    }
    throw new UsageError(message);
  }
  const values = parsed.values as Parsed['values'];
  if (values.help) return { values, positionals: parsed.positionals, help: true };
  const { min, max } = spec.positionals ?? { min: 0, max: 0 };
  const count = parsed.positionals.length;
  if (count < min) throw new UsageError(`missing ${spec.positionals?.names ?? 'argument'}`);
  if (count > max) throw new UsageError(`unexpected argument "${parsed.positionals[max]}"`);
  return { values, positionals: parsed.positionals, help: false };
}

/** `aurora <command> --help`. */
export function helpText(spec: CommandSpec): string {
  return [`Usage: ${spec.usage}`, '', spec.summary, ...(spec.details ? ['', spec.details] : [])].join('\n');
}

/** What a usage error prints: the problem, the usage line, and where the full help is. */
export function usageErrorText(name: string, spec: CommandSpec | undefined, message: string): string {
  return [`aurora ${name}: ${message}.`, ...(spec ? [`Usage: ${spec.usage}`, `Run \`aurora ${name} --help\` for details.`] : ['Run `aurora --help` for the commands.'])].join('\n');
}
