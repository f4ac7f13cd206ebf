import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { buildApp } from '../../app';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';

describe.each(TEST_DIALECTS)('two demo instances starting on one empty %s database', (dialect) => {
  let db: TestDb;
  afterAll(() => db.destroy());

  it('both start; the demo data and staff are seeded once', async () => {
    db = await createTestDb(dialect);
    const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO_ACTIVITY: 'false', WORKERS_ENABLED: 'false' });
    // Two connections to the same database, as two instances would have.
    const second = dialect === 'postgres' ? (await import('../connection')).openDatabase(db.url, { schema: db.schema }) : (await import('../connection')).openDatabase(db.url.replace(/^sqlite:/, 'sqlite:'));
    const apps = await Promise.all([buildApp(config, { db, logger: false }), buildApp(config, { db: second, logger: false })]);
    const staff = await db.kysely.selectFrom('staff_users').select('email').execute();
    expect(staff.map((s) => s.email).sort()).toEqual(['admin@glowglitch.test', 'agent@glowglitch.test']);
    const orders = await db.kysely.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(orders.n)).toBe(360);
    for (const app of apps) await app.close();
    await second.close();
  });
});
