// Opens the database named by DATABASE_URL: a SQLite file (default) or PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema';
import { startCheckpointer } from './sqlite-checkpointer';

export type DialectName = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL: the schema this connection works in, when not the default. */
  schema?: string;
  close(): Promise<void>;
}

// PostgreSQL returns COUNT/SUM as strings (int8/numeric); parse them so both dialects give numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

export interface OpenOptions {
  /** PostgreSQL only: the schema to use (tests give each file its own). */
  schema?: string;
  /** SQLite file only: checkpoint the WAL from a worker thread instead of on the request path. */
  backgroundCheckpoint?: boolean;
  /** PostgreSQL only: connections in the pool (`PG_POOL_MAX`). */
  poolMax?: number;
}

const CHECKPOINT_INTERVAL_MS = 1_000;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1_000;

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; on SQLite preparing costs as much as running a small query.
 * Reusing prepared statements by their SQL text is safe here: better-sqlite3 is synchronous, so a
 * statement is never in use twice at once, and SQLite re-prepares by itself after a schema change.
 */
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  return new Proxy(database, {
    get(target, property) {
      if (property !== 'prepare') {
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
          statement = target.prepare(source);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

export function openDatabase(databaseUrl: string, options: OpenOptions = {}): Db {
  if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    const database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    database.pragma('synchronous = NORMAL');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
    if (!options.backgroundCheckpoint || file === ':memory:') return { kysely, dialect: 'sqlite', close: () => kysely.destroy() };
    database.pragma('wal_autocheckpoint = 0');
    const checkpointer = startCheckpointer(path.resolve(file), CHECKPOINT_INTERVAL_MS, () => {
      if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    });
    return {
      kysely,
      dialect: 'sqlite',
      close: async () => {
        await kysely.destroy();
        await checkpointer.stop();
      },
    };
  }
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolMax ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { kysely, dialect: 'postgres', schema: options.schema, close: () => kysely.destroy() };
}

/** True when the database answers a trivial query. */
export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db.kysely);
    return true;
  } catch {
    return false;
  }
}
