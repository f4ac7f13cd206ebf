// Test databases: a fresh SQLite file per call, and (when TEST_DATABASE_URL is set) a fresh PostgreSQL schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DialectName, type Db } from '../../src/db/connection';

export type TestDialect = DialectName;

/** Every dialect the suite runs against: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DIALECTS: TestDialect[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb extends Db {
  url: string;
  schema?: string;
  destroy(): Promise<void>;
}

export async function createTestDb(dialect: TestDialect): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-test-'));
    const url = `sqlite:${path.join(dir, 'test.db')}`;
    const db = openDatabase(url);
    return { ...db, url, destroy: async () => { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const base = process.env.TEST_DATABASE_URL!;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDatabase(base, { schema });
  return {
    ...db,
    url: base,
    schema,
    destroy: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`drop schema ${schema} cascade`);
      await client.end();
    },
  };
}
