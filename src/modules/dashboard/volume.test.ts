// Work in volume (issue 12 item 5) through the API on both databases: canned replies (admins manage, agents use,
// variables filled from the ticket), tags, bulk changes that skip what changed under you, search, saved views and
// their counts, the customer panel, paged CSAT comments and the CSV exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';
import { ticketRow } from './test-fixtures';

const [ADMIN, AGENT] = DEMO_STAFF;
const hoursFromNow = (h: number) => new Date(SEED_NOW.getTime() + h * 3_600_000).toISOString();

describe.each(TEST_DIALECTS)('work in volume on %s', (dialect) => {
  let t: TestApp;
  const sessions = { admin: { cookie: '', csrf: '' }, agent: { cookie: '', csrf: '' } };
  let agentId = 0;
  let adminId = 0;
  const ids: Record<string, number> = {};
  let rmaNumber: string | undefined;

  type Who = keyof typeof sessions | 'anonymous';
  const call = (who: Who, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: who === 'anonymous' ? {} : { cookie: sessions[who].cookie, 'x-csrf-token': sessions[who].csrf },
      ...(payload ? { payload } : {}),
    });
  const listIds = async (query: string) => ((await call('agent', 'GET', `/api/dashboard/tickets?pageSize=100&${query}`)).json().items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW });
    for (const who of ['admin', 'agent'] as const) {
      const member = who === 'admin' ? ADMIN : AGENT;
      const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: member.email, password: member.password } });
      sessions[who] = { cookie: cookiesFrom(res), csrf: res.json().csrfToken };
      if (who === 'admin') adminId = res.json().user.id;
      else agentId = res.json().user.id;
    }
    const db = t.db.kysely;
    const order = await db.selectFrom('orders').select(['id', 'number', 'email', 'customer_name']).where('number', '=', 'GG-104233').executeTakeFirstOrThrow();
    // A return on Olivia's order: her ticket (not linked to the order) is found by the RMA number through her email.
    const olivia = await db.selectFrom('orders').select(['id', 'email', 'customer_name']).where('number', '=', 'GG-104235').executeTakeFirstOrThrow();
    rmaNumber = 'RMA-VOL12345';
    await db
      .insertInto('rmas')
      .values({ number: rmaNumber, order_id: olivia.id, order_item_id: null, kind: 'return', reason: 'too big', new_size: null, status: 'created', rejection_reason: null, status_changed_at: null, conversation_id: null, label_token: 'vol-label-token', idempotency_key: null, created_at: hoursFromNow(-3) })
      .execute();
    const insert = async (name: string, fields: Parameters<typeof ticketRow>[0]) => {
      ids[name] = (await db.insertInto('tickets').values(ticketRow(fields)).returning('id').executeTakeFirstOrThrow()).id;
    };
    const created = hoursFromNow(-1);
    await insert('ava', { customer_name: order.customer_name, email: order.email.toUpperCase(), priority: 'normal', answer_by: hoursFromNow(3), created_at: created, order_id: order.id, message: 'Where is my ring? 100% gold please' });
    await insert('percent', { customer_name: 'Percy Cent', email: 'percy.cent@vol.test', priority: 'normal', answer_by: hoursFromNow(3), created_at: created, message: 'I want 100 rings' });
    await insert('late', { customer_name: 'Lara Late', email: 'lara.late@vol.test', priority: 'high', tier: 'vip', answer_by: hoursFromNow(-2), created_at: hoursFromNow(-6), message: 'Still waiting', assignee_id: agentId });
    await insert('legal', { customer_name: 'Larry Legal', email: 'larry.legal@vol.test', priority: 'urgent', management: 1, answer_by: hoursFromNow(1), created_at: created, message: 'I will sue you' });
    await insert('formula', { customer_name: '=HYPERLINK("http://evil.example","x")', email: 'formula@vol.test', priority: 'normal', answer_by: hoursFromNow(3), created_at: created, message: '+1 call me, "now"' });
    await insert('rma', { customer_name: olivia.customer_name, email: olivia.email, tier: 'vip', priority: 'normal', answer_by: hoursFromNow(3), created_at: created, message: 'About my return' });
    await db.insertInto('ticket_events').values({ ticket_id: ids.percent!, actor_id: agentId, type: 'note', body: 'Customer prefers snake_case engraving', data: '{}', created_at: created }).execute();
  });
  afterAll(() => t.close());

  describe('canned replies', () => {
    it('only admins create, change and delete them; agents list and use them; a caller without a session gets nothing', async () => {
      const body = { title: 'Order update', body: 'Hi {{customer.first_name}}, your order {{order.number}} is on its way. We reply by {{ticket.answer_by}}. {{agent.name}}, {{shop.name}}' };
      expect((await call('agent', 'POST', '/api/dashboard/canned-replies', body)).statusCode).toBe(403);
      expect((await call('anonymous', 'GET', '/api/dashboard/canned-replies')).statusCode).toBe(401);
      const created = await call('admin', 'POST', '/api/dashboard/canned-replies', body);
      expect(created.statusCode).toBe(201);
      ids.canned = created.json().id;
      expect((await call('agent', 'PUT', `/api/dashboard/canned-replies/${ids.canned}`, body)).statusCode).toBe(403);
      expect((await call('agent', 'DELETE', `/api/dashboard/canned-replies/${ids.canned}`)).statusCode).toBe(403);
      const list = (await call('agent', 'GET', '/api/dashboard/canned-replies')).json();
      expect(list.items).toEqual([expect.objectContaining({ id: ids.canned, title: 'Order update' })]);
      expect(list.variables.map((v: { name: string }) => v.name)).toEqual(expect.arrayContaining(['customer.first_name', 'order.number', 'ticket.answer_by']));
      expect((await call('anonymous', 'GET', `/api/dashboard/tickets/${ids.ava}/canned-replies/${ids.canned}`)).statusCode).toBe(401);
    });

    it('refuses an unknown variable and a title already used, naming them', async () => {
      const typo = await call('admin', 'POST', '/api/dashboard/canned-replies', { title: 'Typo', body: 'Hi {{customer.frist_name}}' });
      expect(typo.statusCode).toBe(400);
      expect(typo.json().error.message).toContain('{{customer.frist_name}}');
      expect(typo.json().error.details.fields.body).toContain('customer.frist_name');
      const again = await call('admin', 'POST', '/api/dashboard/canned-replies', { title: 'Order update', body: 'Another' });
      expect(again.statusCode).toBe(409);
      const edited = await call('admin', 'PUT', `/api/dashboard/canned-replies/${ids.canned}`, { title: 'Order update', body: 'Hi {{ customer.fist }}' });
      expect(edited.statusCode).toBe(400);
    });

    it('fills the variables on the server from the ticket, its order, the shop clock and the agent', async () => {
      const res = await call('agent', 'GET', `/api/dashboard/tickets/${ids.ava}/canned-replies/${ids.canned}`);
      expect(res.statusCode).toBe(200);
      // SEED_NOW is 10:00 in New York; the answer-by three hours later is 1:00 PM that day.
      expect(res.json()).toEqual({
        id: ids.canned,
        title: 'Order update',
        text: 'Hi Ava, your order GG-104233 is on its way. We reply by 1:00 PM today (ET). Sam Stylist, GlowGlitch',
        missing: [],
      });
    });

    it('says which values are missing (no order, a promise already broken, no plain first name) and leaves them in the text', async () => {
      const res = (await call('agent', 'GET', `/api/dashboard/tickets/${ids.formula}/canned-replies/${ids.canned}`)).json();
      expect(res.text).toBe('Hi {{customer.first_name}}, your order {{order.number}} is on its way. We reply by 1:00 PM today (ET). Sam Stylist, GlowGlitch');
      expect(res.missing.map((m: { name: string }) => m.name)).toEqual(['customer.first_name', 'order.number']);
      expect(res.missing[1].reason).toMatch(/not linked to an order/);
      const late = (await call('agent', 'GET', `/api/dashboard/tickets/${ids.late}/canned-replies/${ids.canned}`)).json();
      expect(late.text).toContain('We reply by {{ticket.answer_by}}.');
      expect(late.missing.map((m: { name: string }) => m.name)).toEqual(['order.number', 'ticket.answer_by']);
      expect((await call('agent', 'GET', `/api/dashboard/tickets/999999/canned-replies/${ids.canned}`)).statusCode).toBe(404);
    });

    it('admins delete one; it is gone for everyone', async () => {
      const other = (await call('admin', 'POST', '/api/dashboard/canned-replies', { title: 'Thanks', body: 'Thank you!' })).json();
      expect((await call('admin', 'DELETE', `/api/dashboard/canned-replies/${other.id}`)).statusCode).toBe(204);
      expect((await call('admin', 'DELETE', `/api/dashboard/canned-replies/${other.id}`)).statusCode).toBe(404);
      expect((await call('agent', 'GET', '/api/dashboard/canned-replies')).json().items.map((i: { id: number }) => i.id)).toEqual([ids.canned]);
    });
  });

  describe('tags', () => {
    it('adds a tag (normalized), filters the list by it, records it in the history and removes it', async () => {
      const added = await call('agent', 'POST', `/api/dashboard/tickets/${ids.legal}/tags`, { tag: ' Gift Wrap ' });
      expect(added.statusCode).toBe(200);
      expect(added.json()).toEqual({ tags: ['gift-wrap'] });
      await call('agent', 'POST', `/api/dashboard/tickets/${ids.late}/tags`, { tag: 'gift-wrap' });
      expect(await listIds('tag=gift-wrap')).toEqual([ids.late!, ids.legal!].sort((a, b) => a - b));
      expect((await call('agent', 'GET', '/api/dashboard/tags')).json().items).toContainEqual({ tag: 'gift-wrap', count: 2 });
      const detail = (await call('agent', 'GET', `/api/dashboard/tickets/${ids.legal}`)).json();
      expect(detail.tags).toEqual(['gift-wrap']);
      expect(detail.events.at(-1)).toMatchObject({ type: 'tagged', data: { tag: 'gift-wrap' }, actor: { id: agentId } });
      expect((await call('agent', 'DELETE', `/api/dashboard/tickets/${ids.late}/tags/gift-wrap`)).json()).toEqual({ tags: [] });
      expect(await listIds('tag=gift-wrap')).toEqual([ids.legal]);
    });

    it('concurrent tag changes on one ticket: the same tag twice is one tag, and never more than 10 tags', async () => {
      const id = (await t.db.kysely.insertInto('tickets').values(ticketRow({ customer_name: 'Tess Tagger', email: 'tess.tagger@example.com', priority: 'normal', answer_by: hoursFromNow(4), created_at: hoursFromNow(-1), status: 'open', conversation_id: null })).returning('id').executeTakeFirstOrThrow()).id;
      const same = await Promise.all(Array.from({ length: 6 }, () => call('agent', 'POST', `/api/dashboard/tickets/${id}/tags`, { tag: 'rush' })));
      expect(same.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
      const distinct = await Promise.all(Array.from({ length: 12 }, (_, i) => call('agent', 'POST', `/api/dashboard/tickets/${id}/tags`, { tag: `batch-${i}` })));
      expect(distinct.map((r) => r.statusCode).sort()).toEqual([...Array(9).fill(200), 400, 400, 400]);
      const detail = (await call('agent', 'GET', `/api/dashboard/tickets/${id}`)).json();
      expect(detail.tags).toHaveLength(10);
      expect(detail.events.filter((e: { type: string }) => e.type === 'tagged')).toHaveLength(10);
    });

    it('refuses a bad tag with a 400 and an unknown ticket with a 404', async () => {
      expect((await call('agent', 'POST', `/api/dashboard/tickets/${ids.legal}/tags`, { tag: '<b>' })).statusCode).toBe(400);
      expect((await call('agent', 'POST', '/api/dashboard/tickets/999999/tags', { tag: 'ok' })).statusCode).toBe(404);
      expect((await call('anonymous', 'POST', `/api/dashboard/tickets/${ids.legal}/tags`, { tag: 'ok' })).statusCode).toBe(401);
    });
  });

  describe('bulk assign and status', () => {
    it('changes the selected tickets in one go and skips the one a colleague changed meanwhile, saying so', async () => {
      const list = (await call('agent', 'GET', '/api/dashboard/tickets?q=vol.test&pageSize=100')).json().items as { id: number; version: number }[];
      const seen = list.map((i) => ({ id: i.id, version: i.version }));
      expect(seen.length).toBe(4);
      // A colleague assigns Larry's ticket to themselves after the list was shown.
      await t.app.services.tickets.assign(ids.legal!, adminId, adminId);
      const res = await call('agent', 'POST', '/api/dashboard/tickets/bulk', { tickets: seen, assigneeId: agentId });
      expect(res.statusCode).toBe(200);
      const result = res.json();
      expect(result.changed.sort()).toEqual([ids.percent, ids.formula].sort());
      expect(result.skipped).toEqual(
        expect.arrayContaining([
          { id: ids.legal, reason: 'changed', message: expect.stringMatching(/Ticket #\d+ changed while you had it open: Avery Admin assigned it to Avery Admin/) },
          { id: ids.late, reason: 'already', message: `Ticket #${ids.late} is already assigned to Sam Stylist.` },
        ]),
      );
      const legal = (await call('agent', 'GET', `/api/dashboard/tickets/${ids.legal}`)).json();
      expect(legal.assignee).toEqual({ id: adminId, name: 'Avery Admin' });
      const percent = (await call('agent', 'GET', `/api/dashboard/tickets/${ids.percent}`)).json();
      expect(percent.assignee).toEqual({ id: agentId, name: 'Sam Stylist' });
      expect(percent.events.at(-1)).toMatchObject({ type: 'assigned', data: { from: null, to: agentId, bulk: true } });
    });

    it('sets a status on many and asks for exactly one change', async () => {
      const list = (await call('agent', 'GET', '/api/dashboard/tickets?q=vol.test&pageSize=100')).json().items as { id: number; version: number }[];
      const seen = list.filter((i) => i.id === ids.percent || i.id === ids.formula).map((i) => ({ id: i.id, version: i.version }));
      const res = (await call('agent', 'POST', '/api/dashboard/tickets/bulk', { tickets: seen, status: 'in_progress' })).json();
      expect(res).toEqual({ changed: expect.arrayContaining([ids.percent, ids.formula]), skipped: [] });
      expect((await call('agent', 'POST', '/api/dashboard/tickets/bulk', { tickets: seen })).statusCode).toBe(400);
      expect((await call('agent', 'POST', '/api/dashboard/tickets/bulk', { tickets: seen, status: 'open', assigneeId: null })).statusCode).toBe(400);
      expect((await call('agent', 'POST', '/api/dashboard/tickets/bulk', { tickets: [{ id: 999999, version: 1 }], status: 'open' })).json().skipped).toEqual([
        { id: 999999, reason: 'not_found', message: 'Ticket #999999 was not found.' },
      ]);
      expect((await call('anonymous', 'POST', '/api/dashboard/tickets/bulk', { tickets: seen, status: 'open' })).statusCode).toBe(401);
    });
  });

  describe('search and saved views', () => {
    it('finds a ticket by name, email, order number, RMA number and words in its request or notes', async () => {
      expect(await listIds('q=lara')).toEqual([ids.late]);
      expect(await listIds('q=LARRY.LEGAL@')).toEqual([ids.legal]);
      expect(await listIds('q=gg104233')).toContain(ids.ava);
      expect(await listIds('q=snake_case')).toEqual([ids.percent]);
      expect(await listIds('q=sue%20you')).toEqual([ids.legal]);
      expect(await listIds(`q=${rmaNumber!.toLowerCase()}`)).toContain(ids.rma);
    });

    it('matches % and _ literally instead of as wildcards', async () => {
      // "100%" is in Ava's request only; as a wildcard it would also find Percy's "100 rings".
      expect(await listIds('q=100%25')).toEqual([ids.ava]);
      expect(await listIds('q=snake%5Fcase')).toEqual([ids.percent]);
      expect(await listIds('q=%25%25%25')).toEqual([]);
    });

    it('each view holds its tickets, and the list carries every view’s count', async () => {
      const res = (await call('agent', 'GET', '/api/dashboard/tickets?view=overdue&q=vol.test')).json();
      expect(res.items.map((i: { id: number }) => i.id)).toEqual([ids.late]);
      expect(await listIds('view=vip&q=vol.test')).toEqual([ids.late]);
      expect(await listIds('view=management&q=vol.test')).toEqual([ids.legal]);
      expect(await listIds('view=mine&q=vol.test')).toEqual([ids.percent!, ids.late!, ids.formula!].sort((a, b) => a - b));
      const db = t.db.kysely;
      const count = async (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) => Number((await where(base()).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      const base = () => db.selectFrom('tickets').where('status', '<>', 'resolved');
      expect(res.views).toEqual({
        mine: await count((q) => q.where('assignee_id', '=', agentId)),
        unassigned: await count((q) => q.where('assignee_id', 'is', null)),
        overdue: await count((q) => q.where('answered_at', 'is', null).where('answer_by', '<', SEED_NOW.toISOString())),
        vip: await count((q) => q.where('tier', '=', 'vip')),
        management: await count((q) => q.where('management', '=', 1)),
      });
      expect(res.views.overdue).toBeGreaterThanOrEqual(1);
      expect((await call('agent', 'GET', '/api/dashboard/tickets?view=everything')).statusCode).toBe(400);
    });
  });

  it('the customer panel lists their orders, earlier tickets and ratings by their email, any case', async () => {
    const db = t.db.kysely;
    const earlier = await db.insertInto('tickets').values(ticketRow({ customer_name: 'Ava Martinez', email: 'ava.martinez@example.com', priority: 'normal', answer_by: hoursFromNow(-50), created_at: hoursFromNow(-60), status: 'resolved', conversation_id: null })).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('conversations').values({ id: 'sess_volume_ava1', state: '{}', message_count: 2, customer_email: 'Ava.Martinez@example.com', created_at: hoursFromNow(-30), last_activity_at: hoursFromNow(-30), expires_at: hoursFromNow(-6) }).execute();
    await db.insertInto('csat_ratings').values({ conversation_id: 'sess_volume_ava1', rating: 2, comment: 'Slow answer', trigger: 'widget_closed', created_at: hoursFromNow(-29), updated_at: hoursFromNow(-29) }).execute();
    const res = await call('agent', 'GET', `/api/dashboard/tickets/${ids.ava}/customer`);
    expect(res.statusCode).toBe(200);
    const panel = res.json();
    expect(panel).toMatchObject({ name: 'Ava Martinez', tier: 'standard' });
    expect(panel.orders.map((o: { number: string }) => o.number)).toEqual(expect.arrayContaining(['GG-104233', 'GG-104234', 'GG-104236']));
    expect(panel.tickets.map((x: { id: number }) => x.id)).toContain(earlier.id);
    expect(panel.tickets.map((x: { id: number }) => x.id)).not.toContain(ids.ava);
    expect(panel.ratings).toContainEqual(expect.objectContaining({ rating: 2, comment: 'Slow answer', conversationId: 'sess_volume_ava1' }));
    expect((await call('agent', 'GET', '/api/dashboard/tickets/999999/customer')).statusCode).toBe(404);
    expect((await call('anonymous', 'GET', `/api/dashboard/tickets/${ids.ava}/customer`)).statusCode).toBe(401);
  });

  it('the customer panel says how many there are in all when it shows only the latest 20', async () => {
    const db = t.db.kysely;
    const ticketOf = (hours: number) => ticketRow({ customer_name: 'Mona Many', email: 'mona.many@vol.test', priority: 'normal', answer_by: hoursFromNow(-hours + 4), created_at: hoursFromNow(-hours), status: 'resolved', conversation_id: null });
    await db.insertInto('tickets').values(Array.from({ length: 23 }, (_, i) => ticketOf(100 + i))).execute();
    const current = (await db.insertInto('tickets').values({ ...ticketOf(1), status: 'open' }).returning('id').executeTakeFirstOrThrow()).id;
    const panel = (await call('agent', 'GET', `/api/dashboard/tickets/${current}/customer`)).json();
    expect(panel.tickets).toHaveLength(20);
    expect(panel.totals).toEqual({ orders: 0, tickets: 23, ratings: 0 });
    // Ava's panel: all of her orders fit, and the totals say so.
    const ava = (await call('agent', 'GET', `/api/dashboard/tickets/${ids.ava}/customer`)).json();
    expect(ava.totals.orders).toBe(ava.orders.length);
    expect(ava.totals.orders).toBe(Number((await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('email', '=', 'ava.martinez@example.com').executeTakeFirstOrThrow()).n));
    // The other tests of this file count tickets: Mona's go again.
    await db.deleteFrom('tickets').where('email', '=', 'mona.many@vol.test').execute();
  });

  it('a chat ticket without an email has no "same customer": other email-less tickets and their ratings stay out of its panel', async () => {
    const db = t.db.kysely;
    const chat = async (id: string, message: string, rating: number) => {
      await db.insertInto('conversations').values({ id, state: '{}', message_count: 2, customer_email: null, created_at: hoursFromNow(-3), last_activity_at: hoursFromNow(-3), expires_at: hoursFromNow(700) }).execute();
      await db.insertInto('csat_ratings').values({ conversation_id: id, rating, comment: `${message} (rated)`, trigger: 'widget_closed', created_at: hoursFromNow(-2), updated_at: hoursFromNow(-2) }).execute();
      return (await db.insertInto('tickets').values(ticketRow({ customer_name: 'Chat customer', email: '', priority: 'urgent', answer_by: hoursFromNow(1), created_at: hoursFromNow(-2), status: 'open', conversation_id: id })).returning('id').executeTakeFirstOrThrow()).id;
    };
    const first = await chat('sess_volume_anon1', 'I want to speak to a manager about my ring', 1);
    const second = await chat('sess_volume_anon2', 'I was charged twice', 2);
    const panel = (await call('agent', 'GET', `/api/dashboard/tickets/${second}/customer`)).json();
    expect(panel.tickets).toEqual([]);
    expect(panel.orders).toEqual([]);
    expect(panel.ratings).toEqual([expect.objectContaining({ rating: 2, comment: 'I was charged twice (rated)', conversationId: 'sess_volume_anon2' })]);
    expect((await call('agent', 'GET', `/api/dashboard/tickets/${first}/customer`)).json().tickets).toEqual([]);
  });

  it('CSAT comments come a page at a time, filtered by rating', async () => {
    const db = t.db.kysely;
    const at = (h: number) => hoursFromNow(-h);
    const conversation = (i: number) => `sess_volume_csat${i}`;
    await db.insertInto('conversations').values(Array.from({ length: 7 }, (_, i) => ({ id: conversation(i), state: '{}', message_count: 1, created_at: at(40), last_activity_at: at(40), expires_at: at(20) }))).execute();
    await db
      .insertInto('csat_ratings')
      .values(Array.from({ length: 7 }, (_, i) => ({ conversation_id: conversation(i), rating: i < 5 ? 1 : 5, comment: `Volume comment ${i}`, trigger: 'widget_closed', created_at: at(10 + i), updated_at: at(10 + i) })))
      .execute();
    const first = (await call('agent', 'GET', '/api/dashboard/csat/comments?rating=1&pageSize=5&page=1')).json();
    const ones = Number((await db.selectFrom('csat_ratings').select((eb) => eb.fn.countAll<number>().as('n')).where('rating', '=', 1).where('comment', 'is not', null).where('comment', '<>', '').where('created_at', '>=', '2026-10-22').executeTakeFirstOrThrow()).n);
    expect(first.total).toBe(ones);
    expect(first.items).toHaveLength(5);
    expect(first.items.every((c: { rating: number }) => c.rating === 1)).toBe(true);
    const dates = first.items.map((c: { createdAt: string }) => c.createdAt);
    expect([...dates].sort().reverse()).toEqual(dates);
    const second = (await call('agent', 'GET', '/api/dashboard/csat/comments?rating=1&pageSize=5&page=2')).json();
    expect(second.items.map((c: { id: number }) => c.id)).not.toContain(first.items[0].id);
    expect((await call('agent', 'GET', '/api/dashboard/csat/comments?rating=6')).statusCode).toBe(400);
  });

  describe('CSV exports', () => {
    it('are for admins only', async () => {
      expect((await call('agent', 'GET', '/api/dashboard/exports/tickets.csv')).statusCode).toBe(403);
      expect((await call('agent', 'GET', '/api/dashboard/exports/ratings.csv')).statusCode).toBe(403);
      expect((await call('anonymous', 'GET', '/api/dashboard/exports/tickets.csv')).statusCode).toBe(401);
    });

    it('exports the tickets the filters find, escaped, with formulas neutralized', async () => {
      const res = await call('admin', 'GET', '/api/dashboard/exports/tickets.csv?q=vol.test');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tickets-\d{4}-\d{2}-\d{2}\.csv"$/);
      const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('ticket,created_at,customer,email,tier,status,priority,management,assignee,answer_by,overdue,first_response_at,channel,tags,request');
      expect(lines).toHaveLength(5);
      const formula = lines.find((l) => l.startsWith(`${ids.formula},`))!;
      expect(formula).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
      expect(formula).toContain(`"'+1 call me, ""now"""`);
      const legal = lines.find((l) => l.startsWith(`${ids.legal},`))!;
      expect(legal).toContain(',urgent,yes,Avery Admin,');
      expect(legal).toContain(',gift-wrap,');
      const overdueOnly = await call('admin', 'GET', '/api/dashboard/exports/tickets.csv?q=vol.test&view=overdue');
      expect(overdueOnly.body.trimEnd().split('\r\n')).toHaveLength(2);
    });

    it('exports the ratings of the range and rating', async () => {
      const res = await call('admin', 'GET', '/api/dashboard/exports/ratings.csv?rating=5');
      expect(res.statusCode).toBe(200);
      const lines = res.body.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('rating_id,created_at,rating,comment,trigger,conversation');
      expect(lines.length).toBeGreaterThan(2);
      expect(lines.slice(1).every((l) => l.split(',')[2] === '5')).toBe(true);
      expect(lines.some((l) => l.includes('Volume comment 5'))).toBe(true);
    });
  });

  it('tells the dashboard the shop’s time zone', async () => {
    expect((await call('agent', 'GET', '/api/dashboard/settings')).json()).toEqual({ shopName: 'GlowGlitch', timeZone: 'America/New_York' });
  });
});
