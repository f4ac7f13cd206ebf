import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { seedDemoActivity } from './activity';
import { dayRange } from '../../modules/dashboard/date-range';

describe.each(TEST_DIALECTS)('demo concierge activity on %s', (dialect) => {
  let t: TestApp;
  let summary: Awaited<ReturnType<typeof seedDemoActivity>>;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW });
    const { businessHours } = t.config;
    summary = await seedDemoActivity(t.db, { now: SEED_NOW, businessHours, standardHours: businessHours.standardHours, vipHours: businessHours.vipHours });
  });
  afterAll(() => t.close());

  it('fills the dashboard: conversations, tickets, ratings and widget events', async () => {
    expect(summary.conversations).toBe(140);
    expect(summary.tickets).toBeGreaterThanOrEqual(5);
    expect(summary.ratings).toBeGreaterThanOrEqual(30);
    const report = await t.app.services.dashboard.analytics.report(dayRange(SEED_NOW, '2026-10-20', '2026-11-20'));
    expect(report.totals.opened).toBe(140);
    expect(report.totals.loaded).toBeGreaterThan(report.totals.opened);
    expect(report.intents[0]).toMatchObject({ intent: 'product_search' });
    expect(report.totals.convertedSessions).toBeGreaterThan(0);
  });

  it('keeps everything inside the retention window, with transcripts the dashboard can open', async () => {
    const ticket = await t.db.kysely.selectFrom('tickets').selectAll().orderBy('id').executeTakeFirstOrThrow();
    expect(JSON.parse(ticket.transcript).length).toBeGreaterThan(0);
    expect((await t.app.services.conversations.transcript(ticket.conversation_id!)).length).toBeGreaterThan(0);
    const result = await t.app.services.retention.run();
    expect(result.conversationsDeleted).toBe(0);
  });

  it('is the same every time for the same clock', async () => {
    const again = await createTestApp(dialect, { now: () => SEED_NOW });
    const { businessHours } = again.config;
    const second = await seedDemoActivity(again.db, { now: SEED_NOW, businessHours, standardHours: businessHours.standardHours, vipHours: businessHours.vipHours });
    expect(second).toEqual(summary);
    await again.close();
  });
});
