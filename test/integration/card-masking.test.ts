// Audit item 7: card numbers were masked in chat only; typed into a form they were stored, shown in the dashboard
// and emailed in full. Every field a visitor types into gets the chat's rule before anything is kept or sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passesLuhn } from '../../src/engine/nlu/card-mask';
import { cookiesFrom, createTestApp, SEED_NOW, type TestApp } from '../support/app';
import { TEST_DIALECTS } from '../support/db';

const CARD = '4242 4242 4242 4242';
const DIGITS = CARD.replace(/\D/g, '');
const MASKED = '**** **** **** 4242';
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const form = (values: Record<string, string | number>) => new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();

/** Neither the typed card number nor its bare digits, anywhere in `value`. */
function expectNoCard(value: unknown, where: string) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  expect(text, where).not.toContain(CARD);
  expect(text.replace(/[\s-]/g, ''), where).not.toContain(DIGITS);
}

describe.each(TEST_DIALECTS)('card numbers typed into forms on %s', (dialect) => {
  let t: TestApp;
  let staff: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => SEED_NOW, env: { WORKERS_ENABLED: 'false' } });
    const login = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: 'agent@glowglitch.test', password: 'aurora-agent-demo' } });
    expect(login.statusCode).toBe(200);
    staff = cookiesFrom(login);
  });
  afterAll(() => t.close());

  const session = async () => (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
  const widgetForm = async (sessionId: string, name: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/${name}`, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const dashboard = async (url: string) => {
    const res = await t.app.inject({ url, headers: { cookie: staff } });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };
  const outbox = () => t.db.kysely.selectFrom('outbox').selectAll().execute();

  it('the test card passes Luhn (the rule masks only real card numbers)', () => {
    expect(passesLuhn(DIGITS)).toBe(true);
  });

  it('stylist form: name and message', async () => {
    const answer = await widgetForm(await session(), 'stylist', { name: `Ava ${CARD}`, email: 'ava.martinez@example.com', message: `Please charge my card ${CARD} for the ring` });
    const ticket = await t.db.kysely.selectFrom('tickets').selectAll().where('id', '=', answer.ticket.id).executeTakeFirstOrThrow();
    expect(ticket.message).toBe(`Please charge my card ${MASKED} for the ring`);
    expect(ticket.customer_name).toBe(`Ava ${MASKED}`);
    expectNoCard(ticket, 'tickets row');
    expectNoCard(await t.db.kysely.selectFrom('ticket_events').selectAll().where('ticket_id', '=', answer.ticket.id).execute(), 'ticket history');
    expectNoCard(answer, 'widget answer');
    const detail = await dashboard(`/api/dashboard/tickets/${answer.ticket.id}`);
    expect(detail).toContain(MASKED);
    expectNoCard(detail, 'dashboard ticket');
    expectNoCard(await dashboard('/api/dashboard/tickets'), 'dashboard ticket list');
    expectNoCard(await outbox(), 'outbox');
  });

  it('CSAT comment', async () => {
    const answer = await widgetForm(await session(), 'csat', { rating: 2, comment: `You kept my card ${CARD} on file?` });
    expect(answer.rating.comment).toBe(`You kept my card ${MASKED} on file?`);
    expectNoCard(await t.db.kysely.selectFrom('csat_ratings').selectAll().execute(), 'csat_ratings');
    const summary = await dashboard('/api/dashboard/csat');
    expect(summary).toContain(MASKED);
    expectNoCard(summary, 'dashboard CSAT');
  });

  it('return form: reason and note', async () => {
    const item = await t.db.kysely.selectFrom('order_items').innerJoin('orders', 'orders.id', 'order_items.order_id').select('order_items.id').where('orders.number', '=', 'GG-104234').executeTakeFirstOrThrow();
    const answer = await widgetForm(await session(), 'return', { orderNumber: 'GG-104234', email: 'ava.martinez@example.com', kind: 'return', itemId: item.id, reason: `Refund to ${CARD}`, note: `Card ${CARD}` });
    expect(answer.rma).toBeDefined();
    const rma = await t.db.kysely.selectFrom('rmas').selectAll().where('number', '=', answer.rma.number).executeTakeFirstOrThrow();
    expect(rma.reason).toBe(`Refund to ${MASKED}\n\nCard ${MASKED}`);
    expectNoCard(await t.db.kysely.selectFrom('order_events').selectAll().execute(), 'order timeline');
    const order = await dashboard('/api/dashboard/orders/GG-104234');
    expect(order).toContain(MASKED);
    expectNoCard(order, 'dashboard order');
    expectNoCard(await outbox(), 'outbox');
  });

  it('store contact form: name and message', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/contact', headers: FORM, payload: form({ name: `Eve ${CARD}`, email: 'eve@example.com', message: `My card ${CARD} was charged twice` }) });
    expect(res.statusCode).toBe(303);
    const [stored] = await t.db.kysely.selectFrom('contact_messages').selectAll().orderBy('id', 'desc').limit(1).execute();
    expect(stored!.message).toBe(`My card ${MASKED} was charged twice`);
    expectNoCard(stored, 'contact_messages');
  });

  it('store checkout: name, phone and address fields', async () => {
    const product = await t.db.kysely.selectFrom('products').select('id').where('stock', '>', 0).where('ready_to_ship', '=', 1).where('category', '=', 'necklace').executeTakeFirstOrThrow();
    const bag = await t.app.inject({ method: 'POST', url: '/cart/items', headers: FORM, payload: form({ productId: product.id, quantity: 1 }) });
    const cookie = cookiesFrom(bag);
    const fields = { name: `Ana ${CARD}`, email: 'ana.card@example.com', phone: CARD, line1: `12 Rose Court ${CARD}`, line2: CARD, city: `Austin ${CARD}`, postalCode: CARD, country: 'US' };
    const res = await t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload: form({ ...fields, idempotencyKey: 'key-card-mask-000001' }) });
    expect(res.statusCode, res.body).toBe(303);
    const order = await t.db.kysely.selectFrom('orders').selectAll().where('email', '=', 'ana.card@example.com').executeTakeFirstOrThrow();
    expect(order.customer_name).toBe(`Ana ${MASKED}`);
    expect(JSON.parse(order.shipping_address)).toMatchObject({ line1: `12 Rose Court ${MASKED}`, line2: MASKED, city: `Austin ${MASKED}`, postalCode: MASKED });
    expectNoCard(order, 'orders row');
    const page = await dashboard(`/api/dashboard/orders/${order.number}`);
    expect(page).toContain(MASKED);
    expectNoCard(page, 'dashboard order');
  });

  it('after all of them, no table holds the card number', async () => {
    for (const table of ['tickets', 'ticket_events', 'messages', 'csat_ratings', 'rmas', 'orders', 'order_events', 'contact_messages', 'outbox', 'alerts', 'analytics_events'] as const) {
      expectNoCard(await t.db.kysely.selectFrom(table).selectAll().execute(), table);
    }
  });
});
