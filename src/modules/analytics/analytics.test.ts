import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createAnalyticsService } from './service';

describe.each(TEST_DIALECTS)('analytics events on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
  });
  afterAll(() => db.destroy());

  const count = async () => (await db.kysely.selectFrom('analytics_events').select('id').execute()).length;

  it('hashes visitor ids and anything that looks like an email', async () => {
    const analytics = createAnalyticsService(db.kysely, 'x'.repeat(32));
    await analytics.track('order_lookup', { visitorId: 'visitor-1234', data: { found: true, email: 'ava@example.com', note: 'mail me at ava@example.com' } });
    const row = await db.kysely.selectFrom('analytics_events').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row.visitor_hash).not.toContain('visitor');
    expect(row.data).not.toContain('ava@example.com');
    expect(JSON.parse(row.data)).toMatchObject({ found: true, emailHash: expect.any(String), noteHash: expect.any(String) });
  });

  it('with a flush interval, events wait in memory and are written together, or at once on flush()', async () => {
    const analytics = createAnalyticsService(db.kysely, 'x'.repeat(32), undefined, { flushMs: 60_000 });
    const before = await count();
    await analytics.trackAll([{ type: 'widget_loaded' }, { type: 'widget_opened' }]);
    await analytics.track('message', { data: { intent: 'greeting' } });
    expect(await count()).toBe(before);
    await analytics.flush();
    expect(await count()).toBe(before + 3);
  });

  it('writes by itself when the interval passes', async () => {
    const analytics = createAnalyticsService(db.kysely, 'x'.repeat(32), undefined, { flushMs: 20 });
    const before = await count();
    await analytics.track('widget_closed');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await count()).toBe(before + 1);
  });
});
