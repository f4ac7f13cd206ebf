// Column helpers that hide the few places where SQLite and PostgreSQL DDL differ.
import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectName } from '../connection';

export interface AuroraMigration {
  // biome-ignore lint/suspicious/noExplicitAny: a migration runs on whatever schema came before it (Kysely's documented idiom)
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

/** Adds an auto-incrementing integer primary key named `id`. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
