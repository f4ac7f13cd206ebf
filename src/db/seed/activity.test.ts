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

// Issue 12 item 7: the seeded demo must agree with itself wherever the dashboard shows two sides of one story.
describe.each(TEST_DIALECTS)('seeded demo activity agrees with itself on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW });
    const { businessHours } = t.config;
    await seedDemoActivity(t.db, { now: SEED_NOW, businessHours, standardHours: businessHours.standardHours, vipHours: businessHours.vipHours });
  });
  afterAll(() => t.close());

  it('each ticket’s request is what the customer asked in its transcript, and the conversation holds the form they sent', async () => {
    const tickets = await t.db.kysely.selectFrom('tickets').selectAll().orderBy('id').execute();
    expect(tickets.length).toBeGreaterThanOrEqual(5);
    for (const ticket of tickets) {
      const transcript = JSON.parse(ticket.transcript) as { role: string; text?: string }[];
      expect(transcript.filter((m) => m.role === 'customer').at(-1)?.text, `ticket ${ticket.id}`).toBe(ticket.message);
      const conversation = await t.app.services.conversations.transcript(ticket.conversation_id!);
      expect(conversation.slice(0, transcript.length).map((m) => m.text ?? null), `ticket ${ticket.id}`).toEqual(transcript.map((m) => m.text ?? null));
      const form = conversation.find((m) => m.role === 'customer' && m.text === `Stylist request: ${ticket.message}`);
      expect(form, `ticket ${ticket.id}`).toBeDefined();
      expect(Date.parse(form!.createdAt)).toBeGreaterThanOrEqual(Date.parse(ticket.created_at));
    }
  });

  it('every order attributed to a conversation was placed after that conversation', async () => {
    const attributed = await t.db.kysely
      .selectFrom('orders')
      .innerJoin('conversations', 'conversations.id', 'orders.concierge_session_id')
      .select(['orders.number', 'orders.placed_at', 'conversations.last_activity_at'])
      .execute();
    expect(attributed.length).toBeGreaterThan(0);
    for (const order of attributed) expect(Date.parse(order.placed_at), order.number).toBeGreaterThan(Date.parse(order.last_activity_at));
  });

  it('every ticket past open has the stylist’s reply that moved it on, delivered, after the request and before now', async () => {
    const tickets = await t.db.kysely.selectFrom('tickets').selectAll().where('status', '!=', 'open').execute();
    expect(tickets.map((x) => x.status)).toContain('in_progress');
    for (const ticket of tickets) {
      const detail = await t.app.services.dashboard.tickets.detail(ticket.id);
      const reply = detail.events.find((e) => e.type === 'reply');
      expect(reply, `ticket ${ticket.id}`).toBeDefined();
      expect(reply!.actor).not.toBeNull();
      expect(reply!.delivery).toMatchObject({ status: 'sent' });
      expect(Date.parse(reply!.createdAt)).toBeGreaterThan(Date.parse(ticket.created_at));
      expect(Date.parse(reply!.createdAt)).toBeLessThanOrEqual(SEED_NOW.getTime());
      expect(Date.parse(ticket.first_response_at!)).toBeGreaterThanOrEqual(Date.parse(reply!.createdAt));
      expect(detail.events.some((e) => e.type === 'status' && e.data.to === 'in_progress')).toBe(true);
    }
  });
});
