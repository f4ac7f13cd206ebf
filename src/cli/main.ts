// The `aurora` command line: migrate, seed, feature flags, the language model, and more.
import { ConfigError, loadConfig } from '../config';
import { openDatabase, type Db } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { isEmpty, seedDemoData } from '../db/seed/index';
import { createFlagService } from '../modules/flags/service';
import { createRetentionService } from '../modules/retention/service';
import { importCatalog, importSettingsOf, readRecords } from '../modules/integrations/catalog-import';
import fs from 'node:fs';

export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Command = (args: string[], io: CliIo) => Promise<number>;

const USAGE = `Usage: aurora <command>

Commands:
  migrate                         apply pending database migrations
  seed                            seed the demo data into an empty database
  flags list                      show feature flags
  flags set <name> <true|false>   switch a feature flag (e.g. widget_enabled)
  import catalog FILE             import products from CSV or JSON (created or updated by SKU)
  retention run                   apply the retention policy now (sessions 30 days, analytics 90 days)
  users <action>                  staff accounts: list, add, disable, enable, reset-password, remove-demo
  nlu predict                     one message per stdin line → one JSON prediction per line
  nlu eval FILE                   score a labelled JSONL file ({"text","intent"})
  nlu train                       retrain data/nlu/model.json from the corpus in data/nlu/

Settings come from the environment (DATABASE_URL, AURORA_MODE, ...); see the README.`;

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl, { poolMax: config.pgPoolMax });
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const write = (stream: NodeJS.WritableStream, text: string) => stream.write(`${text}\n`);

const commands: Record<string, Command> = {
  async migrate(_args, io) {
    const config = loadConfig();
    const db = openDatabase(config.databaseUrl, { poolMax: config.pgPoolMax });
    try {
      const applied = await migrateToLatest(db);
      write(io.stdout, applied.length ? `Applied ${applied.join(', ')}.` : 'Migrations are up to date.');
    } finally {
      await db.close();
    }
    return 0;
  },

  async seed(_args, io) {
    return withDb(async (db) => {
      if (!(await isEmpty(db))) {
        write(io.stderr, 'The database already has data; the demo seed only fills an empty database.');
        return 1;
      }
      const summary = await seedDemoData(db, { currency: loadConfig().currency });
      write(io.stdout, `Seeded ${summary.products} products, ${summary.customers} customers and ${summary.orders} orders.`);
      return 0;
    });
  },

  async flags(args, io) {
    const [action, name, value] = args;
    return withDb(async (db) => {
      const flags = createFlagService(db.kysely);
      if (action === 'list' || action === undefined) {
        for (const flag of await flags.list()) write(io.stdout, `${flag.name}\t${flag.enabled}`);
        return 0;
      }
      if (action === 'set' && name && (value === 'true' || value === 'false')) {
        await flags.set(name, value === 'true', 'cli');
        write(io.stdout, `${name} = ${value}`);
        return 0;
      }
      write(io.stderr, 'Usage: aurora flags set <name> <true|false>');
      return 2;
    });
  },

  async import(args, io) {
    const [what, file] = args;
    if (what !== 'catalog' || !file || !/\.(csv|json)$/i.test(file)) {
      write(io.stderr, 'Usage: aurora import catalog FILE.csv|FILE.json');
      return 2;
    }
    const records = readRecords(fs.readFileSync(file, 'utf8'), file.toLowerCase().endsWith('.json') ? 'json' : 'csv');
    const result = await withDb((db) => importCatalog(db.kysely, records, importSettingsOf(loadConfig())));
    write(io.stdout, `Imported ${records.length} products: ${result.created} new, ${result.updated} updated.`);
    return 0;
  },

  async retention(args, io) {
    if (args[0] !== 'run') {
      write(io.stderr, 'Usage: aurora retention run');
      return 2;
    }
    const result = await withDb((db) => createRetentionService(db.kysely).run());
    write(io.stdout, Object.entries(result).map(([k, v]) => `${k}: ${v}`).join('\n'));
    return 0;
  },

  async users(args, io) {
    const { runUsersCommand } = await import('./users');
    return withDb((db) => runUsersCommand(db, args, io));
  },

  async nlu(args, io) {
    const { runNluCommand } = await import('./nlu');
    return runNluCommand(args, io);
  },
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    write(io.stdout, USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    write(io.stderr, `Unknown command "${name}".\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    write(io.stderr, error instanceof ConfigError || error instanceof Error ? error.message : String(error));
    return 1;
  }
}
