// Applies pending migrations with Kysely's Migrator (which takes a lock, so several instances may start at once).
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './connection';
import { migrations } from './migrations/index';

class RegistryProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(migrations)) {
      out[name] = { up: (kysely) => migration.up(kysely, this.db.dialect) };
    }
    return out;
  }
}

/**
 * Runs every pending migration; returns the names applied now. On PostgreSQL Kysely's migrator holds a
 * lock, so instances starting together take turns. SQLite has no such lock: when another process (or
 * connection) applied the same migration first, ours fails and rolls back, and one more pass finds it done.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateOnce(db);
    } catch (error) {
      if ((db.dialect !== 'sqlite' && !anotherSchemaDropped(error, db.schema)) || attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * Kysely's migrator looks for its tables by introspecting every schema of the database
 * (`has_schema_privilege(nspname, …)` over pg_namespace); a schema another client drops meanwhile makes that
 * query fail with `schema "…" does not exist`. Nothing of ours is wrong then: one more pass succeeds. (Seen in CI,
 * where test files in parallel each drop their own schema when done.)
 */
export function anotherSchemaDropped(error: unknown, ours: string | undefined): boolean {
  const missing = /schema "([^"]+)" does not exist/.exec(error instanceof Error ? error.message : String(error));
  return missing !== null && missing[1] !== ours;
}

async function migrateOnce(db: Db): Promise<string[]> {
  // Each team numbers its migrations in its own range (010-019 widget, 020-029 flows, ...), so a new
  // migration may sort before one a database already has: apply it rather than refuse to start.
  const migrator = new Migrator({ db: db.kysely, provider: new RegistryProvider(db),
    allowUnorderedMigrations: true,
    // Kysely looks for its bookkeeping tables in every schema; pin them to ours so several schemas share a database.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
