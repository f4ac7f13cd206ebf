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
  /**
   * Calls `listener` when the database drops a pooled connection (a restart, a failover, an operator
   * ending backends). The process keeps running: the pool opens new connections for the next queries.
   * Returns the unsubscribe function.
   */
  onConnectionError(listener: ConnectionErrorListener): () => void;
  /** What the metrics report about the connection: PostgreSQL's pool, or the SQLite file and its WAL. */
  stats(): DbStats;
  /**
   * PostgreSQL only: a new client outside the pool, on the same database and schema, for a connection held open
   * (LISTEN); the caller connects, watches and ends it.
   */
  dedicatedClient?(applicationName: string): pg.Client;
  close(): Promise<void>;
}

export type ConnectionErrorListener = (error: Error) => void;

export type DbStats =
  | { dialect: 'postgres'; max: number; total: number; idle: number; waiting: number }
  /** Bytes on disk (0 for an in-memory database); a WAL that keeps growing means checkpoints fall behind. */
  | { dialect: 'sqlite'; fileBytes: number; walBytes: number };

const fileBytes = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0;

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
  /** PostgreSQL only: `application_name` of the connections, as pg_stat_activity shows them. */
  applicationName?: string;
}

/** How long /readyz waits for the database before it answers not ready (probes time out after a few seconds). */
export const READY_TIMEOUT_MS = 2_000;
// Waiting for a connection (a new one, or a free slot in a full pool) fails after this instead of hanging
// while the database is unreachable.
const PG_CONNECT_TIMEOUT_MS = 5_000;

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
    // A SQLite file has no connection to lose.
    const onConnectionError = () => () => undefined;
    const stats = (): DbStats => ({ dialect: 'sqlite', fileBytes: file === ':memory:' ? 0 : fileBytes(file), walBytes: file === ':memory:' ? 0 : fileBytes(`${file}-wal`) });
    if (!options.backgroundCheckpoint || file === ':memory:') return { kysely, dialect: 'sqlite', onConnectionError, stats, close: () => kysely.destroy() };
    database.pragma('wal_autocheckpoint = 0');
    const checkpointer = startCheckpointer(path.resolve(file), CHECKPOINT_INTERVAL_MS, () => {
      if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
    });
    return {
      kysely,
      dialect: 'sqlite',
      onConnectionError,
      stats,
      close: async () => {
        await kysely.destroy();
        await checkpointer.stop();
      },
    };
  }
  return openPostgres(databaseUrl, options);
}

function openPostgres(databaseUrl: string, options: OpenOptions): Db {
  const clientConfig = (applicationName: string) => ({
    connectionString: databaseUrl,
    application_name: applicationName,
    connectionTimeoutMillis: PG_CONNECT_TIMEOUT_MS,
    // Notices a peer that vanished without closing (a failover) on idle connections.
    keepAlive: true,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  const pool = new pg.Pool({ ...clientConfig(options.applicationName ?? 'aurora-concierge'), max: options.poolMax ?? 10 });
  const listeners = new Set<ConnectionErrorListener>();
  // An 'error' event without a listener ends the process. A connection emits one when the server drops
  // it, also while it is checked out between two statements of a transaction (where the pool has no
  // listener on it), so every connection gets one; the pool re-emits an idle connection's error, which
  // the connection's own listener has reported already.
  pool.on('connect', (client) => client.on('error', (error) => listeners.forEach((listener) => listener(error))));
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    schema: options.schema,
    onConnectionError(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stats: () => ({ dialect: 'postgres', max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    dedicatedClient: (applicationName) => new pg.Client(clientConfig(applicationName)),
    close: () => kysely.destroy(),
  };
}

/** True when the database answers a trivial query within `timeoutMs`. */
export async function pingDatabase(db: Db, timeoutMs = READY_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const answered = sql`select 1`.execute(db.kysely).then(() => true, () => false);
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * The database cannot be reached right now (refused, dropped, timed out, shutting down, starting): the request
 * deserves a 503 that says "try again", not a 500 that pages someone for a bug. SQLSTATE class 08 is a connection
 * exception; 57P01-57P03 are an administrator's or a crash's shutdown and "cannot connect now" (a starting server).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || /^(08|57P0[123])/.test(code))) return true;
  return typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}
