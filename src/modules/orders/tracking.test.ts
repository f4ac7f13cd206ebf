import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { normalizeOrderNumber } from './order-number';

describe('normalizeOrderNumber', () => {
  it('accepts the ways customers write an order number', () => {
    for (const raw of ['GG-104233', 'gg104233', '#GG-104233', ' GG 104233 ']) expect(normalizeOrderNumber(raw)).toBe('GG-104233');
    for (const raw of ['104233', 'GG-', 'GG-104233; drop table', '']) expect(normalizeOrderNumber(raw)).toBeUndefined();
  });
});

describe.each(TEST_DIALECTS)('order tracking in the widget on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const start = async () => (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
  const lookup = (sessionId: string, orderNumber: string, email: string, remoteAddress = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/order_lookup`, payload: { orderNumber, email }, remoteAddress });

  it('shows status, carrier, tracking and timeline when number and email match', async () => {
    const res = await lookup(await start(), 'gg-104233', 'Ava.Martinez@example.com ');
    expect(res.statusCode).toBe(200);
    const order = res.json().replies.find((b: { type: string }) => b.type === 'order_status').order;
    expect(order).toMatchObject({ number: 'GG-104233', status: 'shipped', statusLabel: 'Shipped', carrier: expect.any(String), trackingNumber: expect.any(String), trackingUrl: expect.stringMatching(/^https:/) });
    expect(order.timeline.length).toBeGreaterThan(1);
    expect(JSON.stringify(res.json())).not.toMatch(/ava\.martinez|shipping_address|line1/i);
  });

  it('answers a wrong email and an order that does not exist identically', async () => {
    const wrongEmail = await lookup(await start(), 'GG-104233', 'olivia.chen@example.com', '10.0.0.2');
    const noOrder = await lookup(await start(), 'GG-999999', 'ava.martinez@example.com', '10.0.0.3');
    expect(wrongEmail.statusCode).toBe(200);
    expect(noOrder.statusCode).toBe(200);
    expect(wrongEmail.body).toBe(noOrder.body);
    expect(wrongEmail.body).not.toContain('order_status');
  });

  it('tracks from the chat text too, and never shows another customer’s order', async () => {
    const sessionId = await start();
    const say = (text: string) => t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text }, remoteAddress: '10.0.0.4' });
    const asked = (await say('where is my order?')).json();
    expect(asked.intent).toBe('order_tracking');
    expect(asked.replies).toContainEqual(expect.objectContaining({ type: 'form', form: 'order_lookup' }));
    const other = (await say('GG-104235 ava.martinez@example.com')).json();
    expect(JSON.stringify(other.replies)).not.toContain('order_status');
    const mine = (await say('it is GG-104233 and ava.martinez@example.com')).json();
    expect(mine.replies).toContainEqual(expect.objectContaining({ type: 'order_status', order: expect.objectContaining({ number: 'GG-104233' }) }));
  });

  it('limits failed lookups per session with 429', async () => {
    const sessionId = await start();
    for (let i = 0; i < 5; i++) expect((await lookup(sessionId, `GG-10000${i}`, 'x@example.com', '10.0.1.1')).statusCode).toBe(200);
    const limited = await lookup(sessionId, 'GG-104233', 'ava.martinez@example.com', '10.0.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    // A chat turn is answered, but with the pause explained rather than the order.
    const chat = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text: 'track GG-104233 ava.martinez@example.com' }, remoteAddress: '10.0.1.1' });
    expect(chat.statusCode).toBe(200);
    expect(JSON.stringify(chat.json().replies)).not.toContain('order_status');
  });

  it('limits failed lookups per client address across sessions (stored in the database)', async () => {
    for (let s = 0; s < 4; s++) {
      const sessionId = await start();
      for (let i = 0; i < 5; i++) await lookup(sessionId, `GG-2000${i}${s}`, 'x@example.com', '10.0.2.1');
    }
    expect((await lookup(await start(), 'GG-104233', 'ava.martinez@example.com', '10.0.2.1')).statusCode).toBe(429);
    expect((await lookup(await start(), 'GG-104233', 'ava.martinez@example.com', '10.0.2.2')).statusCode).toBe(200);
    const stored = await t.db.kysely.selectFrom('limit_attempts').select('subject').execute();
    expect(JSON.stringify(stored)).not.toContain('10.0.2.1');
  });

  it('marks invalid form fields with 400 and details.fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${await start()}/forms/order_lookup`, payload: { orderNumber: '', email: 'not-an-email' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_request', details: { fields: { orderNumber: expect.any(String), email: expect.any(String) } } });
    expect((await lookup('cs_AAAAAAAAAAAAAAAAAAAAAA', 'GG-104233', 'ava.martinez@example.com')).statusCode).toBe(404);
  });
});
