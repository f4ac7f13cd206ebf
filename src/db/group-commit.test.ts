import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../test/support/db';
import { openDatabase, type Db } from './connection';
import { createGroupWriter } from './group-commit';
import { isUniqueViolation } from './unique-violation';

describe.each(TEST_DIALECTS)('group commit on %s', (dialect) => {
  let db: TestDb;
  /** A second connection: what another request or instance sees. */
  let other: Db;
  const names = async (from: Db) => (await sql<{ name: string }>`select name from gc_items order by id`.execute(from.kysely)).rows.map((r) => r.name);

  beforeAll(async () => {
    db = await createTestDb(dialect);
    await sql`create table gc_items (id integer primary key, name text not null unique)`.execute(db.kysely);
    other = openDatabase(db.url, db.schema ? { schema: db.schema } : {});
  });
  afterAll(async () => {
    await other.close();
    await db.destroy();
  });

  it('stores writes made together, in order, and isolates the one that fails', async () => {
    let order = 0;
    const write = createGroupWriter(db.kysely, async (trx, name: string) => {
      await sql`insert into gc_items (id, name) values (${++order}, ${name})`.execute(trx);
      if (name === 'broken') throw new Error('this write fails after its insert');
      return order;
    });
    const settled = await Promise.allSettled(['a', 'b', 'broken', 'c', 'b'].map(async (name) => {
      try {
        return await write(name);
      } finally {
        // Whenever a caller hears back, success or failure, the batch is committed for everyone.
        expect(await names(other)).toEqual(['a', 'b', 'c']);
      }
    }));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(settled.slice(0, 2).map((s) => s.status === 'fulfilled' && s.value)).toEqual([1, 2]);
    expect(settled[2]).toMatchObject({ reason: { message: 'this write fails after its insert' } });
    expect(isUniqueViolation((settled[4] as PromiseRejectedResult).reason)).toBe(true);
    // Nothing waits after the last caller: a later write starts a batch of its own.
    expect(await write('d')).toBe(6);
    expect(await names(other)).toEqual(['a', 'b', 'c', 'd']);
  });
});
