import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import type { OrderStatus } from '../../db/schema';
import { freePort, smtpUrlFor, startSmtpReceiver, type SmtpReceiver } from '../mail/testing/smtp-receiver';

type Block = { type: string; text?: string; form?: string; prefill?: Record<string, unknown>; links?: { label: string; href: string }[] };
type Answer = { replies: Block[]; rma?: { number: string; kind: string; labelUrl: string }; ticket?: { id: number } };

const DAY = 86_400_000;

describe.each(TEST_DIALECTS)('returns and resizing on %s', (dialect) => {
  let t: TestApp;
  let smtp: SmtpReceiver;
  let orderSeq = 0;

  beforeAll(async () => {
    const port = await freePort();
    smtp = await startSmtpReceiver(port);
    t = await createTestApp(dialect, { now: () => SEED_NOW, env: { SMTP_URL: smtpUrlFor(port), WORKERS_ENABLED: 'false', PUBLIC_URL: 'https://shop.example' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  /** An order of our own, so every rule is tested on exactly the piece it is about. */
  async function order(options: { status?: OrderStatus; deliveredDaysAgo?: number; items: { name: string; size?: number | null; finalSale?: boolean }[] }) {
    const number = `GG-9${String(++orderSeq).padStart(5, '0')}`;
    const email = `buyer${orderSeq}@example.com`;
    const status = options.status ?? 'delivered';
    const delivered = status === 'delivered' ? new Date(SEED_NOW.getTime() - (options.deliveredDaysAgo ?? 10) * DAY).toISOString() : null;
    const at = new Date(SEED_NOW.getTime() - 40 * DAY).toISOString();
    const row = await t.db.kysely
      .insertInto('orders')
      .values({ number, customer_id: null, email, customer_name: 'Jamie Rivera', status, carrier: null, tracking_number: null, tracking_url: null, placed_at: at, shipped_at: null, delivered_at: delivered, estimated_delivery: null, concierge_session_id: null, subtotal_cents: 90_000, shipping_cents: 0, total_cents: 90_000, currency: 'USD', shipping_address: JSON.stringify({ line1: '12 Rose Court', city: 'Austin', postalCode: '78701', country: 'US' }), idempotency_key: null, confirmation_token: null, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = await t.db.kysely
      .insertInto('order_items')
      .values(options.items.map((i) => ({ order_id: row.id, product_id: null, sku: 'SKU', name: i.name, size: i.size === undefined ? 6 : i.size, quantity: 1, unit_price_cents: 90_000, final_sale: i.finalSale ? 1 : 0 })))
      .returning('id')
      .execute();
    return { number, email, itemIds: items.map((i) => i.id) };
  }

  const session = async () => (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
  const submit = async (body: object, key?: string, sessionId?: string) =>
    t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId ?? (await session())}/forms/return`, payload: body, headers: key ? { 'idempotency-key': key } : {} });
  const answer = async (body: object, key?: string) => {
    const res = await submit(body, key);
    expect(res.statusCode).toBe(200);
    return res.json() as Answer;
  };
  const textOf = (a: Answer) => a.replies.filter((b) => b.type === 'text').map((b) => b.text).join(' ');
  const rmaCount = async (number: string) =>
    Number((await t.db.kysely.selectFrom('rmas').innerJoin('orders', 'orders.id', 'rmas.order_id').select((eb) => eb.fn.countAll<number>().as('n')).where('orders.number', '=', number).executeTakeFirstOrThrow()).n);

  it('creates an RMA for an eligible return: timeline event, email with the label link and the 14-day rule, printable label', async () => {
    const o = await order({ items: [{ name: 'Solitaire Ring' }] });
    const res = await answer({ orderNumber: o.number.toLowerCase(), email: o.email.toUpperCase(), kind: 'return', reason: 'It is too big' }, 'return-key-0001');
    expect(res.rma!.number).toMatch(/^RMA-[A-Z2-9]{8}$/);
    expect(textOf(res)).toContain(`Your RMA number is ${res.rma!.number}`);
    expect(textOf(res)).toContain('Ship within 14 days for a full refund.');
    expect(res.replies.find((b) => b.type === 'links')!.links![0]!.href).toBe(res.rma!.labelUrl);

    const detail = await t.app.services.orders.byNumber(o.number);
    expect(detail!.timeline.at(-1)).toMatchObject({ type: 'rma_created', label: `RMA Created: ${res.rma!.number}`, data: { rmaNumber: res.rma!.number } });

    await t.app.services.mail.worker.runOnce();
    const mail = smtp.messages.find((m) => m.to.includes(o.email))!;
    expect(mail.subject).toContain(res.rma!.number);
    expect(mail.text).toContain(`Your RMA number: ${res.rma!.number}`);
    expect(mail.text).toContain('Ship within 14 days for a full refund.');
    expect(mail.text).toContain(res.rma!.labelUrl);
    expect(mail.html).toContain(res.rma!.labelUrl.replace(/&/g, '&amp;'));

    const labelPath = res.rma!.labelUrl.replace('https://shop.example', '');
    expect(labelPath).toMatch(new RegExp(`^/returns/${res.rma!.number}/label\\?token=[A-Za-z0-9_-]{32}$`));
    const label = await t.app.inject({ url: labelPath });
    expect(label.statusCode).toBe(200);
    expect(label.headers['content-type']).toContain('text/html');
    for (const expected of [res.rma!.number, o.number, 'Solitaire Ring', 'GlowGlitch Returns', '120 Mercer Street, Suite 4', 'Ship within 14 days for a full refund.', '12 Rose Court']) {
      expect(label.body).toContain(expected);
    }
    expect((await t.app.inject({ url: `/returns/${res.rma!.number}/label` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/returns/${res.rma!.number}/label?token=wrong-token-000000000000000000000000` })).statusCode).toBe(404);
  });

  it('a double submit gives one RMA; a second request for the same item points to the open one', async () => {
    const o = await order({ items: [{ name: 'Halo Ring' }] });
    const sessionId = await session();
    const form = { orderNumber: o.number, email: o.email, kind: 'return', reason: 'Changed my mind' };
    const [a, b] = await Promise.all([submit(form, 'double-key-0001', sessionId), submit(form, 'double-key-0001', sessionId)]);
    expect(a.json().rma.number).toBe(b.json().rma.number);
    const again = await answer(form, 'another-key-0001');
    expect(again.rma!.number).toBe(a.json().rma.number);
    expect(textOf(again)).toContain('There is already an open return');
    expect(await rmaCount(o.number)).toBe(1);
    const emails = await t.db.kysely.selectFrom('outbox').select('id').where('to_address', '=', o.email).execute();
    expect(emails).toHaveLength(1);
  });

  it('answers a wrong email and an unknown order the same vague way', async () => {
    const o = await order({ items: [{ name: 'Signet Ring' }] });
    const wrongEmail = await answer({ orderNumber: o.number, email: 'someone.else@example.com', kind: 'return', reason: 'x' });
    const noOrder = await answer({ orderNumber: 'GG-999999', email: o.email, kind: 'return', reason: 'x' });
    expect(wrongEmail).toEqual(noOrder);
    expect(textOf(wrongEmail)).toContain('could not find an order with that order number and email address');
    expect(wrongEmail.rma).toBeUndefined();
    expect(await rmaCount(o.number)).toBe(0);
  });

  it.each([
    ['past the 30-day window', { deliveredDaysAgo: 31, items: [{ name: 'Stacking Ring' }] }, 'return', /30-day return window for order GG-\d+ ended on November 19, 2026/],
    ['a final-sale (engraved) piece', { items: [{ name: 'Signet Ring (engraved)', finalSale: true }] }, 'return', /final sale/],
    ['a cancelled order', { status: 'cancelled' as const, items: [{ name: 'Halo Ring' }] }, 'return', /was cancelled/],
    ['an order still on its way', { status: 'shipped' as const, items: [{ name: 'Halo Ring' }] }, 'return', /has not been delivered yet/],
    ['a resize to the same size', { items: [{ name: 'Solitaire Ring', size: 6 }] }, 'resize', /already size 6/],
    ['a resize past the 60-day window', { deliveredDaysAgo: 61, items: [{ name: 'Solitaire Ring', size: 6 }] }, 'resize', /60-day resizing window/],
    ['a resize of a piece without a size', { items: [{ name: 'Pearl Pendant', size: null }] }, 'resize', /has no ring size/],
  ])('refuses %s, says why and offers a stylist', async (_, setup, kind, reason) => {
    const o = await order(setup);
    const res = await answer({ orderNumber: o.number, email: o.email, kind, reason: 'Does not fit', ...(kind === 'resize' ? { newSize: 6 } : {}) });
    expect(textOf(res)).toMatch(reason);
    expect(res.rma).toBeUndefined();
    expect(res.replies.find((b) => b.type === 'form')).toMatchObject({ form: 'stylist', prefill: { email: o.email, name: 'Jamie Rivera' } });
    expect(await rmaCount(o.number)).toBe(0);
  });

  it('creates a resize RMA within the rules', async () => {
    const o = await order({ deliveredDaysAgo: 45, items: [{ name: 'Solitaire Ring', size: 6 }] });
    const res = await answer({ orderNumber: o.number, email: o.email, kind: 'resize', newSize: 7.5, reason: 'Too tight' });
    expect(res.rma).toMatchObject({ kind: 'resize' });
    expect(textOf(res)).toContain('resize to size 7.5');
    const row = await t.db.kysely.selectFrom('rmas').selectAll().where('number', '=', res.rma!.number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'resize', new_size: 7.5, status: 'created' });
  });

  it.each([
    ['an intricate design', { name: 'Eternity Band', size: 6 }, 7, 'Fits a little loose', /intricate design \(eternity\)/],
    ['more than 2 sizes', { name: 'Solitaire Ring', size: 5 }, 8, 'Wrong size ordered', /more than 2 sizes/],
    ['several rings at once', { name: 'Solitaire Ring', size: 6 }, 7, 'I need two rings resized to different sizes', /several pieces or sizes/],
  ])('hands a complex resize (%s) to a stylist and says so', async (_, item, newSize, reason, why) => {
    const o = await order({ items: [item] });
    const res = await answer({ orderNumber: o.number, email: o.email, kind: 'resize', newSize, reason });
    expect(res.rma).toBeUndefined();
    expect(textOf(res)).toMatch(why);
    expect(textOf(res)).toContain(`ticket #${res.ticket!.id}`);
    const ticket = await t.app.services.dashboard.tickets.detail(res.ticket!.id);
    expect(ticket).toMatchObject({ email: o.email, customerName: 'Jamie Rivera' });
    expect(ticket.reasons).toContain('complex_resizing');
    expect(await rmaCount(o.number)).toBe(0);
  });

  it('asks which piece when the order has several', async () => {
    const o = await order({ items: [{ name: 'Halo Ring' }, { name: 'Drop Earrings', size: null }] });
    const res = await answer({ orderNumber: o.number, email: o.email, kind: 'return', reason: 'Gift did not suit' });
    const form = res.replies.find((b) => b.type === 'form')!;
    expect(form).toMatchObject({ form: 'return', prefill: { orderNumber: o.number, items: [{ id: o.itemIds[0], name: 'Halo Ring' }, { id: o.itemIds[1], name: 'Drop Earrings' }] } });
    const chosen = await answer({ orderNumber: o.number, email: o.email, kind: 'return', itemId: o.itemIds[1], reason: 'Gift did not suit' });
    expect(chosen.rma).toBeDefined();
  });

  it('says an undelivered order cannot be returned before asking which piece, and offers a stylist', async () => {
    const o = await order({ status: 'shipped', items: [{ name: 'Halo Ring' }, { name: 'Drop Earrings', size: null }] });
    const res = await answer({ orderNumber: o.number, email: o.email, kind: 'return', reason: 'Gift did not suit' });
    expect(res.rma).toBeUndefined();
    expect(res.replies[0]).toEqual({ type: 'text', text: `Order ${o.number} has not been delivered yet. Once it arrives you can start a return here.` });
    expect(res.replies.find((b) => b.type === 'form')).toMatchObject({ form: 'stylist', prefill: { email: o.email } });
  });

  it.each([
    [{ kind: 'resize', reason: 'Too small' }, 'newSize'],
    [{ kind: 'resize', reason: 'Too small', newSize: 6.3 }, 'newSize'],
    [{ kind: 'resize', reason: 'Too small', newSize: 14 }, 'newSize'],
    [{ kind: 'return', reason: '' }, 'reason'],
    [{ kind: 'swap', reason: 'x' }, 'kind'],
  ])('rejects %j with a field error', async (fields, field) => {
    const res = await submit({ orderNumber: 'GG-104234', email: 'ava.martinez@example.com', ...fields });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.details.fields)).toContain(field);
  });
});
