import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createTestApp, type TestApp } from '../../../test/support/app';
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

  it('keeps no email, phone or card number in clear, at any depth, judged by key and by value', async () => {
    const analytics = createAnalyticsService(db.kysely, 'x'.repeat(32));
    await analytics.track('order_lookup', {
      data: {
        found: false,
        productId: 42,
        page: '/products/rose-gold-ring-2026',
        contact: { mobileNumber: '+44 7700 900123', backup: ['ava@example.com', 'call 415-555-0123'], tel: 4155550123 },
        cardNumber: '4242 4242 4242 4242',
        cc: 4242424242424242,
        note: 'my card is 4242-4242-4242-4242',
        callMe: '(415) 555 0188',
      },
    });
    const row = await db.kysely.selectFrom('analytics_events').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    for (const secret of ['7700 900123', '7700900123', 'ava@example.com', '555-0123', '4155550123', '4242424242424242', '4242 4242 4242 4242', '4242-4242-4242-4242', '555 0188']) expect(row.data).not.toContain(secret);
    const data = JSON.parse(row.data);
    expect(data).toMatchObject({ found: false, productId: 42, page: '/products/rose-gold-ring-2026', note: 'my card is ****-****-****-4242', callMeHash: expect.any(String) });
    expect(data.contact).toMatchObject({ mobileNumberHash: expect.any(String), backup: [expect.any(String), expect.any(String)], telHash: expect.any(String) });
    expect(data).not.toHaveProperty('cardNumber');
    expect(data).not.toHaveProperty('cc');
    // Hashed, not dropped: the same number gives the same hash, so it can still be counted.
    expect(analytics.hash('4155550123')).toBe(data.contact.telHash);
  });

  it('finds personal data in keys, in percent-encoded and in fullwidth text too', async () => {
    const analytics = createAnalyticsService(db.kysely, 'x'.repeat(32));
    await analytics.track('widget_opened', {
      data: { 'jane.doe@example.com': 1, '4242424242424242': true, page: 'https://shop.example/?email=jane%40example.com', who: 'jane＠example.com', ok: '100%' },
    });
    const row = await db.kysely.selectFrom('analytics_events').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    for (const secret of ['jane.doe@example.com', '4242424242424242', 'jane%40example.com', 'jane＠example.com']) expect(row.data).not.toContain(secret);
    const data = JSON.parse(row.data);
    expect(data).toMatchObject({ pageHash: expect.any(String), whoHash: expect.any(String), ok: '100%' });
    expect(data[`key_${analytics.hash('jane.doe@example.com')}`]).toBe(1);
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

describe.each(TEST_DIALECTS)('POST /api/widget/events on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false });
  });
  afterAll(() => t.close());

  it('stores no phone, email or card number a browser sends', async () => {
    const data = { phone: '+1 415 555 0123', email: 'ava@example.com', mobile: '07700 900123', card: '4242 4242 4242 4242', page: '/contact?tel=4155550188' };
    expect((await t.app.inject({ method: 'POST', url: '/api/widget/events', payload: { type: 'widget_opened', data } })).statusCode).toBe(202);
    const row = await t.db.kysely.selectFrom('analytics_events').selectAll().where('type', '=', 'widget_opened').executeTakeFirstOrThrow();
    for (const secret of ['555 0123', '4155550123', 'ava@example.com', '900123', '4242', '4155550188']) expect(row.data).not.toContain(secret);
    expect(Object.keys(JSON.parse(row.data)).sort()).toEqual(['emailHash', 'mobileHash', 'pageHash', 'phoneHash']);
  });
});
