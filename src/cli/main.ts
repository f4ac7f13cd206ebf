// The `aurora` command line: migrate, seed, backup, feature flags, catalog import, retention, staff accounts, the
// language model. Every command parses its arguments with util.parseArgs (src/cli/args.ts) and has --help.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { ConfigError, loadConfig } from '../config';
import { openDatabase, type Db } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { isEmpty, seedDemoData } from '../db/seed/index';
import { createFlagService } from '../modules/flags/service';
import { createRetentionService } from '../modules/retention/service';
import { importCatalog, importSettingsOf, readRecords } from '../modules/integrations/catalog-import';
import { type CommandSpec, EXIT, helpText, type Parsed, parseCommand, UsageError, usageErrorText } from './args';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** The environment the settings are read from (default: process.env). */
  env?: Record<string, string | undefined>;
}

interface Command extends CommandSpec {
  run(parsed: Parsed, io: CliIo): Promise<number>;
}

const write = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);
const configOf = (io: CliIo) => loadConfig(io.env ?? process.env);

async function withDb<T>(io: CliIo, fn: (db: Db) => Promise<T>): Promise<T> {
  const config = configOf(io);
  const db = openDatabase(config.databaseUrl, { poolMax: config.pgPoolMax });
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A word for a POSIX shell, quoted only when it needs it. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** `aurora backup FILE`: SQLite's online backup into a new file, or the pg_dump line for PostgreSQL. */
async function backup(file: string, io: CliIo): Promise<number> {
  const { databaseUrl } = configOf(io);
  if (!databaseUrl.startsWith('sqlite:')) {
    // The password stays out of the printed line (pg_dump reads PGPASSWORD or ~/.pgpass).
    const url = new URL(databaseUrl);
    url.password = '';
    // libpq also takes secrets as query parameters: they stay out of the printed line too.
    for (const secret of ['password', 'sslpassword']) url.searchParams.delete(secret);
    write(io.stdout, `pg_dump --format=custom --no-owner --file=${shellWord(file)} ${shellWord(url.toString())}`);
    write(
      io.stderr,
      `DATABASE_URL is PostgreSQL: no backup was taken. Run the line above (PostgreSQL's client tools; the password from PGPASSWORD or ~/.pgpass).\n` +
        `Restore into an empty database with: pg_restore --no-owner --dbname=${shellWord(url.toString())} ${shellWord(file)}`,
    );
    return EXIT.ok;
  }
  const source = databaseUrl.slice('sqlite:'.length);
  if (source === ':memory:' || !fs.existsSync(source)) throw new Error(`No SQLite database at ${source} (DATABASE_URL).`);
  if (fs.existsSync(file)) throw new Error(`${file} already exists: a backup is written to a new file (remove it or choose another name).`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const started = performance.now();
  // SQLite's online backup API: the service may keep running and writing meanwhile.
  const database = new SQLite(source, { fileMustExist: true });
  let pages: number;
  try {
    database.pragma('busy_timeout = 5000');
    pages = (await database.backup(file)).totalPages;
  } finally {
    database.close();
  }
  const copy = new SQLite(file, { readonly: true, fileMustExist: true });
  const check = copy.pragma('quick_check', { simple: true });
  copy.close();
  if (check !== 'ok') throw new Error(`The backup ${file} failed its integrity check: ${String(check)}`);
  const megabytes = (fs.statSync(file).size / 1024 / 1024).toFixed(1);
  write(io.stdout, `Backed up ${source} to ${file}: ${pages} pages, ${megabytes} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s (integrity check ok).`);
  return EXIT.ok;
}

const COMMANDS: Record<string, Command> = {
  migrate: {
    usage: 'aurora migrate',
    summary: 'Apply pending database migrations (the server also applies them at start).',
    async run(_parsed, io) {
      const config = configOf(io);
      const db = openDatabase(config.databaseUrl, { poolMax: config.pgPoolMax });
      try {
        const applied = await migrateToLatest(db);
        write(io.stdout, applied.length ? `Applied ${applied.join(', ')}.` : 'Migrations are up to date.');
      } finally {
        await db.close();
      }
      return EXIT.ok;
    },
  },
  seed: {
    usage: 'aurora seed',
    summary: 'Seed the demo data (GlowGlitch catalog, customers, orders) into an empty database.',
    run: (_parsed, io) =>
      withDb(io, async (db) => {
        if (!(await isEmpty(db))) {
          write(io.stderr, 'The database already has data; the demo seed only fills an empty database.');
          return EXIT.failed;
        }
        const summary = await seedDemoData(db, { currency: configOf(io).currency });
        write(io.stdout, `Seeded ${summary.products} products, ${summary.customers} customers and ${summary.orders} orders.`);
        return EXIT.ok;
      }),
  },
  backup: {
    usage: 'aurora backup FILE',
    summary: "Back up the database: SQLite's online backup into FILE (a new file; the server may keep running), or, on PostgreSQL, print the pg_dump line that does it.",
    details: 'Restore a SQLite backup by stopping the service and copying FILE over the database file (README, "Backups and restore").',
    positionals: { min: 1, max: 1, names: 'FILE' },
    run: ({ positionals }, io) => backup(positionals[0]!, io),
  },
  'flags list': {
    usage: 'aurora flags list',
    summary: 'Show the feature flags and whether each is on.',
    run: (_parsed, io) =>
      withDb(io, async (db) => {
        for (const flag of await createFlagService(db.kysely).list()) write(io.stdout, `${flag.name}\t${flag.enabled}`);
        return EXIT.ok;
      }),
  },
  'flags set': {
    usage: 'aurora flags set NAME true|false',
    summary: 'Switch a feature flag, e.g. widget_enabled (running servers follow within 5 seconds).',
    positionals: { min: 2, max: 2, names: 'NAME and true|false' },
    async run({ positionals: [name, value] }, io) {
      if (value !== 'true' && value !== 'false') throw new UsageError(`the value must be true or false (got "${value}")`);
      return withDb(io, async (db) => {
        await createFlagService(db.kysely).set(name!, value === 'true', 'cli');
        write(io.stdout, `${name} = ${value}`);
        return EXIT.ok;
      });
    },
  },
  'import catalog': {
    usage: 'aurora import catalog FILE.csv|FILE.json',
    summary: 'Import products from CSV or JSON: created or updated by SKU, all or nothing.',
    positionals: { min: 1, max: 1, names: 'FILE' },
    async run({ positionals: [file] }, io) {
      if (!/\.(csv|json)$/i.test(file!)) throw new UsageError(`FILE must end in .csv or .json (got "${file}")`);
      const records = readRecords(fs.readFileSync(file!, 'utf8'), file!.toLowerCase().endsWith('.json') ? 'json' : 'csv');
      const result = await withDb(io, (db) => importCatalog(db.kysely, records, importSettingsOf(configOf(io))));
      write(io.stdout, `Imported ${records.length} products: ${result.created} new, ${result.updated} updated.`);
      return EXIT.ok;
    },
  },
  'retention run': {
    usage: 'aurora retention run',
    summary: 'Apply the retention policy now (sessions 30 days, analytics 90 days); it also runs hourly.',
    async run(_parsed, io) {
      const result = await withDb(io, (db) => createRetentionService(db.kysely).run());
      write(io.stdout, Object.entries(result).map(([k, v]) => `${k}: ${v}`).join('\n'));
      return EXIT.ok;
    },
  },
  'nlu predict': {
    usage: 'aurora nlu predict < messages.txt',
    summary: 'One message per stdin line → one JSON {"text","intent","confidence","entities"} per line.',
    run: async (_parsed, io) => (await import('./nlu')).runNluCommand(['predict'], io),
  },
  'nlu eval': {
    usage: 'aurora nlu eval PATH...',
    summary: 'Score labelled JSONL ({"text","intent"} per line): one file in detail, or several files / folders of *.jsonl one line per set.',
    positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: 'PATH' },
    run: async ({ positionals }, io) => (await import('./nlu')).runNluCommand(['eval', ...positionals], io),
  },
  'nlu train': {
    usage: 'aurora nlu train',
    summary: 'Retrain data/nlu/model.json from the corpus in data/nlu/.',
    run: async (_parsed, io) => (await import('./nlu')).runNluCommand(['train'], io),
  },
};

/** `aurora users ...` has its own actions and parsing (src/cli/users.ts). */
const USERS_SUMMARY = 'Staff accounts: list, add, disable, enable, reset-password, remove-demo (`aurora users --help`).';
/** `aurora flags` alone lists them, as before. */
const GROUP_DEFAULTS: Record<string, string> = { flags: 'flags list' };
const groups = () => new Set(Object.keys(COMMANDS).filter((name) => name.includes(' ')).map((name) => name.split(' ')[0]!));

const EXIT_CODES = `Exit codes: 0 done; 1 the command failed (the message says why); 2 wrong use (unknown command or option, missing
value or argument); 78 bad configuration (an environment variable, named in the message).`;

export const USAGE = `Usage: aurora <command> [options]

Commands:
${[...Object.entries(COMMANDS).map(([name, spec]) => [name, spec.summary] as const), ['users <action>', USERS_SUMMARY] as const]
  .map(([name, summary]) => `  ${name.padEnd(18)} ${summary}`)
  .join('\n')}

Run \`aurora <command> --help\` for a command's options. Settings come from the environment (DATABASE_URL,
AURORA_MODE, ...; see the README).
${EXIT_CODES}`;

const isHelp = (word: string | undefined) => word === '--help' || word === '-h' || word === 'help';

function groupHelp(group: string): string {
  const members = Object.entries(COMMANDS).filter(([name]) => name.startsWith(`${group} `));
  return [`Usage: aurora ${group} <action>`, '', ...members.map(([, spec]) => `  ${spec.usage}\n      ${spec.summary}`)].join('\n');
}

/** Which command argv names, and the arguments left for it. */
function resolve(argv: string[]): { name: string; command?: Command; rest: string[] } {
  const [first = '', second] = argv;
  const pair = `${first} ${second}`;
  if (COMMANDS[pair]) return { name: pair, command: COMMANDS[pair], rest: argv.slice(2) };
  if (COMMANDS[first]) return { name: first, command: COMMANDS[first], rest: argv.slice(1) };
  const fallback = GROUP_DEFAULTS[first];
  if (fallback && (second === undefined || second.startsWith('-')) && !isHelp(second)) return { name: fallback, command: COMMANDS[fallback], rest: argv.slice(1) };
  return { name: first, rest: argv.slice(1) };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0) {
    write(io.stderr, USAGE);
    return EXIT.usage;
  }
  if (isHelp(argv[0])) {
    if (argv[1] && argv[1] !== argv[0]) return runCli([...argv.slice(1), '--help'], io);
    write(io.stdout, USAGE);
    return EXIT.ok;
  }
  const { name, command, rest } = resolve(argv);
  try {
    if (name === 'users') {
      const { runUsersCommand, usersHelp } = await import('./users');
      const help = usersHelp(rest);
      if (help) {
        write(io.stdout, help);
        return EXIT.ok;
      }
      return await withDb(io, (db) => runUsersCommand(db, rest, io));
    }
    if (!command) {
      if (groups().has(name)) {
        if (rest.length === 0 || isHelp(rest[0])) {
          write(rest.length ? io.stdout : io.stderr, groupHelp(name));
          return rest.length ? EXIT.ok : EXIT.usage;
        }
        throw new UsageError(`unknown action "${rest[0]}"\n${groupHelp(name)}`);
      }
      throw new UsageError(`unknown command "${name}"`);
    }
    const parsed = parseCommand(command, rest);
    if (parsed.help) {
      write(io.stdout, helpText(command));
      return EXIT.ok;
    }
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const users = name === 'users' ? (await import('./users')).USERS_COMMANDS[rest[0] ?? ''] : undefined;
      write(io.stderr, usageErrorText(users ? `users ${rest[0]}` : name, users ?? command, error.message));
      return EXIT.usage;
    }
    if (error instanceof ConfigError) {
      write(io.stderr, error.message);
      return EXIT.config;
    }
    write(io.stderr, error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  }
}
