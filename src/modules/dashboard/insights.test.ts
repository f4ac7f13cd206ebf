// Dashboard numbers on known data: analytics (D5), CSAT (D4), the tickets list (D2) and an order with its RMA (D6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';
import { ticketRow } from './test-fixtures';

const [ADMIN] = DEMO_STAFF;
const day = (offset: number, hour = 12) => new Date(Date.UTC(2026, 10, 10 + offset, hour)).toISOString();

describe.each(TEST_DIALECTS)('dashboard insights on %s', (dialect) => {
  let t: TestApp;
  let cookie = '';
  const get = (url: string) => t.app.inject({ url, headers: { cookie } });

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW });
    const db = t.db.kysely;
    const sessions = ['sess_aaaaaaaa1', 'sess_aaaaaaaa2', 'sess_aaaaaaaa3', 'sess_aaaaaaaa4'];
    await db.insertInto('conversations').values(sessions.map((id) => ({ id, state: '{}', message_count: 2, created_at: day(0), last_activity_at: day(0), expires_at: day(1) }))).execute();
    const event = (type: string, session: string | null, at = day(0)) => ({ type, session_id: session, visitor_hash: null, data: '{}', created_at: at });
    await db
      .insertInto('analytics_events')
      .values([
        ...Array.from({ length: 10 }, () => event('widget_loaded', null)),
        ...Array.from({ length: 4 }, () => event('widget_opened', null, day(1))),
        event('message', sessions[0]!),
        event('message', sessions[0]!),
        event('message', sessions[1]!),
        event('message', sessions[2]!, day(2)),
        event('error', sessions[2]!, day(2)),
        event('purchase', sessions[1]!, day(3)),
        // Bought without interacting: not a conversion.
        event('purchase', sessions[3]!, day(3)),
        // Outside the range.
        event('widget_loaded', null, day(-5)),
        event('message', sessions[3]!, day(-5)),
      ])
      .execute();
    await db.updateTable('orders').set({ concierge_session_id: sessions[2]!, placed_at: day(4) }).where('number', '=', 'GG-104233').execute();
    const reply = (conversation: string, intent: string | null, at = day(0)) => ({ conversation_id: conversation, role: 'concierge' as const, text: null, blocks: '[]', intent, confidence: 0.9, created_at: at });
    await db
      .insertInto('messages')
      .values([
        reply(sessions[0]!, 'product_search'),
        reply(sessions[0]!, 'product_search'),
        reply(sessions[1]!, 'order_tracking'),
        reply(sessions[2]!, null),
        { conversation_id: sessions[2]!, role: 'customer', text: 'hi', blocks: null, intent: null, confidence: null, created_at: day(0) },
        reply(sessions[3]!, 'faq', day(-5)),
      ])
      .execute();
    await db
      .insertInto('csat_ratings')
      .values([
        { conversation_id: sessions[0]!, rating: 5, comment: 'Lovely <b>help</b>', trigger: 'flow_completed', created_at: day(0), updated_at: day(0) },
        { conversation_id: sessions[1]!, rating: 4, comment: null, trigger: 'widget_closed', created_at: day(1), updated_at: day(1) },
        { conversation_id: sessions[2]!, rating: 2, comment: 'Too slow', trigger: 'widget_closed', created_at: day(1, 15), updated_at: day(1, 15) },
        { conversation_id: sessions[3]!, rating: 1, comment: 'Old', trigger: 'widget_closed', created_at: day(-5), updated_at: day(-5) },
      ])
      .execute();
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: ADMIN.email, password: ADMIN.password } });
    cookie = cookiesFrom(res);
  });
  afterAll(() => t.close());

  it('analytics: open rate, conversion, error rate and intents over the range', async () => {
    const res = await get('/api/dashboard/analytics/concierge?from=2026-11-10&to=2026-11-16');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.totals).toEqual({ loaded: 10, opened: 4, messages: 4, errors: 1, interactingSessions: 3, convertedSessions: 2 });
    expect(report.openRate).toBe(0.4);
    expect(report.conversionRate).toBe(0.6667);
    expect(report.errorRate).toBe(0.2);
    expect(report.intents).toEqual([
      { intent: 'product_search', count: 2 },
      { intent: 'order_tracking', count: 1 },
    ]);
    expect(report.daily).toHaveLength(7);
    expect(report.daily[0]).toMatchObject({ day: '2026-11-10', loaded: 10, opened: 0, messages: 3 });
    expect(report.daily[1]).toMatchObject({ day: '2026-11-11', opened: 4, openRate: null });
  });

  it('analytics: settled days come from the daily roll-up, the last two days are counted live', async () => {
    const rolled = await t.db.kysely.selectFrom('analytics_daily').select('day').where('metric', '=', 'rolled_up').orderBy('day').execute();
    expect(rolled.map((r) => r.day)).toEqual(['2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15', '2026-11-16']);
    // Today (the seed clock's 2026-11-20) is live: a new event shows at once.
    const today = SEED_NOW.toISOString();
    await t.db.kysely.insertInto('analytics_events').values([1, 2].map(() => ({ type: 'widget_loaded', session_id: null, visitor_hash: null, data: '{}', created_at: today }))).execute();
    await t.db.kysely.insertInto('analytics_events').values({ type: 'message', session_id: 'sess_live_00001', visitor_hash: null, data: '{}', created_at: today }).execute();
    const report = (await get('/api/dashboard/analytics/concierge?from=2026-11-10&to=2026-11-20')).json();
    expect(report.totals).toEqual({ loaded: 12, opened: 4, messages: 5, errors: 1, interactingSessions: 4, convertedSessions: 2 });
    expect(report.daily.at(-1)).toMatchObject({ day: '2026-11-20', loaded: 2, messages: 1 });
    // Asking again reads the same roll-up: nothing is written twice.
    await get('/api/dashboard/analytics/concierge?from=2026-11-10&to=2026-11-20');
    const rows = await t.db.kysely.selectFrom('analytics_daily').select((eb) => eb.fn.countAll<number>().as('n')).where('metric', '=', 'rolled_up').executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(9);
  });

  it('analytics: the scheduled roll-up settles every day of the retention window once', async () => {
    const rolledBefore = await t.db.kysely.selectFrom('analytics_daily').select('day').where('metric', '=', 'rolled_up').execute();
    const added = await t.app.services.dashboard.analytics.rollUpSettledDays();
    expect(added).toBe(88 - rolledBefore.length);
    expect(await t.app.services.dashboard.analytics.rollUpSettledDays()).toBe(0);
    const report = (await get('/api/dashboard/analytics/concierge?from=2026-11-10&to=2026-11-16')).json();
    expect(report.totals).toMatchObject({ loaded: 10, opened: 4, messages: 4, errors: 1 });
  });

  it('analytics: an empty range answers nulls, a bad range a clear 400', async () => {
    const empty = (await get('/api/dashboard/analytics/concierge?from=2025-01-01&to=2025-01-31')).json();
    expect(empty.openRate).toBeNull();
    expect(empty.conversionRate).toBeNull();
    const bad = await get('/api/dashboard/analytics/concierge?from=2026-11-10&to=2026-11-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/date range/);
    expect((await get('/api/dashboard/analytics/concierge?from=yesterday')).statusCode).toBe(400);
  });

  it('CSAT: average against the 4.0 target, distribution, trend and comments', async () => {
    const summary = (await get('/api/dashboard/csat?from=2026-11-10&to=2026-11-12')).json();
    expect(summary.total).toBe(3);
    expect(summary.average).toBe(3.67);
    expect(summary.meetsTarget).toBe(false);
    expect(summary.target).toBe(4);
    expect(summary.distribution).toEqual([1, 2, 3, 4, 5].map((rating) => ({ rating, count: rating === 5 || rating === 4 || rating === 2 ? 1 : 0 })));
    expect(summary.trend).toEqual([
      { day: '2026-11-10', count: 1, average: 5 },
      { day: '2026-11-11', count: 2, average: 3 },
      { day: '2026-11-12', count: 0, average: null },
    ]);
    expect(summary.comments.map((c: { comment: string; conversationId: string }) => [c.comment, c.conversationId])).toEqual([
      ['Too slow', 'sess_aaaaaaaa3'],
      ['Lovely <b>help</b>', 'sess_aaaaaaaa1'],
    ]);
  });

  it('orders: search by number or email, detail with the RMA in the timeline and the concierge session', async () => {
    const order = await t.db.kysely.selectFrom('orders').select('id').where('number', '=', 'GG-104233').executeTakeFirstOrThrow();
    await t.db.kysely.insertInto('order_events').values({ order_id: order.id, type: 'rma_created', at: day(5), data: JSON.stringify({ rmaNumber: 'RMA-7Q2K9' }) }).execute();
    expect((await get('/api/dashboard/orders?q=104233')).json().items.map((o: { number: string }) => o.number)).toEqual(['GG-104233']);
    const byEmail = (await get('/api/dashboard/orders?q=AVA.MARTINEZ@example.com')).json();
    expect(byEmail.total).toBeGreaterThanOrEqual(3);
    expect(byEmail.items.every((o: { email: string }) => o.email === 'ava.martinez@example.com')).toBe(true);
    const detail = (await get('/api/dashboard/orders/GG-104233')).json();
    expect(detail.timeline.map((e: { label: string }) => e.label)).toContain('RMA Created: RMA-7Q2K9');
    expect(detail.conciergeSessionId).toBe('sess_aaaaaaaa3');
    expect((await get('/api/dashboard/orders/GG-999999')).statusCode).toBe(404);
    // Typed as staff type it: the same order.
    expect((await get('/api/dashboard/orders/gg104233')).json()).toMatchObject({ number: 'GG-104233' });
  });

  it('tickets: overdue flag, filters, priority sort and the summary', async () => {
    const at = SEED_NOW.toISOString();
    const ticket = (name: string, priority: 'urgent' | 'high' | 'normal', answerBy: string, status: 'open' | 'resolved' = 'open') =>
      ticketRow({ customer_name: name, email: `${name.toLowerCase()}@example.com`, priority, status, answer_by: answerBy, created_at: at });
    await t.db.kysely
      .insertInto('tickets')
      .values([
        ticket('Late', 'normal', '2026-11-20T14:00:00.000Z'),
        ticket('Urgent', 'urgent', '2026-11-20T16:00:00.000Z'),
        ticket('Done', 'high', '2026-11-20T10:00:00.000Z', 'resolved'),
      ])
      .execute();
    const list = (await get('/api/dashboard/tickets?sort=priority')).json();
    expect(list.items.map((i: { customerName: string; overdue: boolean }) => [i.customerName, i.overdue])).toEqual([
      ['Urgent', false],
      ['Done', false],
      ['Late', true],
    ]);
    expect(list.summary).toEqual({ open: 2, overdue: 1, unassigned: 2 });
    expect((await get('/api/dashboard/tickets?status=resolved')).json().total).toBe(1);
    expect((await get('/api/dashboard/tickets?q=LATE@')).json().items.map((i: { customerName: string }) => i.customerName)).toEqual(['Late']);
    expect((await get('/api/dashboard/tickets?assignee=me')).json().total).toBe(0);
    expect((await get('/api/dashboard/tickets?status=closed')).statusCode).toBe(400);
    // A stylist whose reply was delivered is on time, even past the answer-by time.
    await t.db.kysely.updateTable('tickets').set({ first_response_at: '2026-11-20T13:00:00.000Z', answered_at: '2026-11-20T13:00:00.000Z' }).where('customer_name', '=', 'Late').execute();
    const answered = (await get('/api/dashboard/tickets?q=late@')).json();
    expect(answered.items[0].overdue).toBe(false);
    expect(answered.summary.overdue).toBe(0);
  });
  it('ticket actions: assign, status, priority, note and an emailed reply, each in the history with who did it', async () => {
    const at = SEED_NOW.toISOString();
    const { id } = await t.db.kysely.insertInto('tickets').values(ticketRow({ customer_name: 'Iris', email: 'iris@example.com', priority: 'normal', answer_by: at, created_at: at })).returning('id').executeTakeFirstOrThrow();
    const login = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: ADMIN.email, password: ADMIN.password } });
    const headers = { cookie: cookiesFrom(login), 'x-csrf-token': login.json().csrfToken as string };
    const post = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/dashboard/tickets/${id}/${path}`, headers, payload });
    const agent = await t.app.services.staff.findByEmail(DEMO_STAFF[1].email);
    expect((await post('assign', { assigneeId: agent!.id })).statusCode).toBe(200);
    expect((await post('priority', { priority: 'urgent' })).statusCode).toBe(200);
    expect((await post('notes', { body: 'Internal only' })).statusCode).toBe(201);
    const replied = await post('replies', { body: 'We found your size.' });
    expect(replied.statusCode).toBe(201);
    const detail = replied.json();
    expect(detail.assignee).toEqual({ id: agent!.id, name: agent!.name });
    expect(detail.priority).toBe('urgent');
    expect(detail.status).toBe('in_progress');
    expect(detail.events.map((e: { type: string; actor: { name: string } | null; data: { assigneeName?: string } }) => [e.type, e.actor?.name ?? null, e.data.assigneeName ?? null])).toEqual([
      ['assigned', 'Avery Admin', agent!.name],
      ['priority', 'Avery Admin', null],
      ['note', 'Avery Admin', null],
      ['reply', 'Avery Admin', null],
    ]);
    const mail = await t.db.kysely.selectFrom('outbox').select(['to_address', 'ticket_id', 'text_body']).where('ticket_id', '=', id).execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to_address: 'iris@example.com', ticket_id: id });
    expect(mail[0]!.text_body).toContain('We found your size.');
    expect(mail[0]!.text_body).not.toContain('Internal only');
    const disabled = await t.app.services.staff.add({ email: 'gone@glowglitch.test', name: 'Gone', role: 'agent' }, null);
    await t.app.services.staff.disable(disabled.member.id, null);
    expect((await post('assign', { assigneeId: disabled.member.id })).statusCode).toBe(400);
    expect((await post('notes', { body: '   ' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'POST', url: '/api/dashboard/tickets/999999/notes', headers, payload: { body: 'x' } })).statusCode).toBe(404);
  });
});
