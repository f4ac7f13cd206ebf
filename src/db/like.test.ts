// LIKE search on both databases: wildcards typed by staff are matched literally, and case does not matter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../test/support/db';
import { migrateToLatest } from './migrate';
import { containsPattern, containsText } from './like';

describe('containsPattern', () => {
  it('escapes %, _ and the escape character itself', () => {
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
    expect(containsPattern('plain')).toBe('%plain%');
  });
});

describe.each(TEST_DIALECTS)('containsText on %s', (dialect) => {
  let db: TestDb;
  const names = ['100% silk', '1000 silk', 'snake_case', 'snakeXcase', 'back\\slash', 'BACKslash', 'Ava Martinez'];
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
    await db.kysely.insertInto('customers').values(names.map((name, i) => ({ name, email: `c${i}@example.com`, phone: null, tier: 'standard' as const, created_at: '2026-01-01T00:00:00.000Z' }))).execute();
  });
  afterAll(() => db.destroy());

  const find = async (text: string) =>
    (await db.kysely.selectFrom('customers').select('name').where(containsText(sql.ref('name'), text)).orderBy('id').execute()).map((r) => r.name);

  it('treats % and _ as the characters typed, not as wildcards', async () => {
    expect(await find('100%')).toEqual(['100% silk']);
    expect(await find('e_c')).toEqual(['snake_case']);
    expect(await find('%')).toEqual(['100% silk']);
  });

  it('matches a backslash literally and ignores case', async () => {
    expect(await find('k\\s')).toEqual(['back\\slash']);
    expect(await find('martinez')).toEqual(['Ava Martinez']);
    expect(await find('backslash')).toEqual(['BACKslash']);
  });
});
