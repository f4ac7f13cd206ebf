// What the dashboard API says when a conversation, order or ticket is not there: removed by retention, or never was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';
import { createRetentionService, DEFAULT_RETENTION } from '../retention/service';
import { ticketRow } from './test-fixtures';

const [, AGENT] = DEMO_STAFF;
const daysAgo = (days: number) => new Date(SEED_NOW.getTime() - days * 86_400_000).toISOString();

describe.each(TEST_DIALECTS)('dashboard not-found answers on %s', (dialect) => {
  let t: TestApp;
  let cookie = '';
  let ticketId = 0;
  const get = (url: string) => t.app.inject({ url, headers: { cookie } });
  const OLD = 'sess_retained_old1';
  const RECENT = 'sess_named_today1';

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW });
    const db = t.db.kysely;
    // A conversation that led to a ticket, a rating and an order, last active 40 days ago: the retention job removes it.
    await db.insertInto('conversations').values({ id: OLD, state: '{}', message_count: 1, created_at: daysAgo(41), last_activity_at: daysAgo(40), expires_at: daysAgo(39) }).execute();
    await db.insertInto('messages').values({ conversation_id: OLD, role: 'customer', text: 'Can I resize my ring?', blocks: null, intent: null, confidence: null, created_at: daysAgo(40) }).execute();
    const ticket = await db
      .insertInto('tickets')
      .values(ticketRow({ customer_name: 'Ava Martinez', email: 'ava@example.com', priority: 'normal', answer_by: daysAgo(39), created_at: daysAgo(40), conversation_id: OLD }))
      .returning('id')
      .executeTakeFirstOrThrow();
    ticketId = ticket.id;
    await db.insertInto('csat_ratings').values({ conversation_id: OLD, rating: 2, comment: null, trigger: 'widget_closed', created_at: daysAgo(40), updated_at: daysAgo(40) }).execute();
    await db.updateTable('orders').set({ concierge_session_id: OLD, placed_at: daysAgo(40) }).where('number', '=', 'GG-104233').execute();
    // A ticket of today naming an ID no conversation has: that conversation cannot have aged out.
    await db.insertInto('tickets').values(ticketRow({ customer_name: 'Lena Ortiz', email: 'lena@example.com', priority: 'normal', answer_by: daysAgo(0), created_at: daysAgo(0), conversation_id: RECENT })).execute();
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: AGENT.email, password: AGENT.password } });
    cookie = cookiesFrom(res);
  });
  afterAll(() => t.close());

  it('a conversation removed by the retention job: 404 that says so, with the configured days and what is kept', async () => {
    const before = await get(`/api/dashboard/conversations/${OLD}`);
    expect(before.statusCode, before.body).toBe(200);
    // The same retention service the scheduled job runs.
    expect((await createRetentionService(t.db.kysely, DEFAULT_RETENTION, () => SEED_NOW).run()).conversationsDeleted).toBeGreaterThanOrEqual(1);

    const res = await get(`/api/dashboard/conversations/${OLD}`);
    expect(res.statusCode).toBe(404);
    const { error } = res.json();
    expect(error.code).toBe('not_found');
    expect(error.message).toBe(`This conversation was removed by the retention policy, ${DEFAULT_RETENTION.conversationDays} days after its last message. What it led to is kept.`);
    expect(error.details).toEqual({ reason: 'retention', retentionDays: 30, tickets: [ticketId], orders: ['GG-104233'], rated: true });
  });

  it('an ID that never was a conversation: 404 that does not blame retention', async () => {
    const res = await get('/api/dashboard/conversations/sess_never_existed');
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toEqual({ code: 'not_found', message: 'No concierge conversation has this ID. Check the link or the Concierge Session ID.', details: { reason: 'unknown' } });
  });

  it('an ID named only by something newer than the retention window is not blamed on retention', async () => {
    const res = await get(`/api/dashboard/conversations/${RECENT}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.details).toEqual({ reason: 'unknown' });
  });

  it('an unknown order and an unknown ticket: 404 naming them', async () => {
    const order = await get('/api/dashboard/orders/GG-999999');
    expect(order.statusCode, order.body).toBe(404);
    expect(order.json().error).toMatchObject({ code: 'not_found', message: 'Order GG-999999 was not found.' });
    const ticket = await get('/api/dashboard/tickets/999999');
    expect(ticket.statusCode, ticket.body).toBe(404);
    expect(ticket.json().error).toMatchObject({ code: 'not_found', message: 'Ticket #999999 was not found.' });
  });
});
