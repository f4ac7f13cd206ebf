import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/connection';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { normalizeOrderNumber } from './order-number';
import { DEFAULT_TRACKING_LIMITS } from './tracking';

describe('normalizeOrderNumber', () => {
  it('accepts the ways customers write an order number', () => {
    for (const raw of ['GG-104233', 'gg104233', '#GG-104233', ' GG 104233 ']) expect(normalizeOrderNumber(raw)).toBe('GG-104233');
    for (const raw of ['104233', 'GG-', 'GG-104233; drop table', '']) expect(normalizeOrderNumber(raw)).toBeUndefined();
  });
});

describe.each(TEST_DIALECTS)('order tracking in the widget on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // The per-instance request limit is raised so that what stops a burst is the lookup limit itself.
    t = await createTestApp(dialect, { env: { WORKERS_ENABLED: 'false', WIDGET_RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(() => t.close());

  const start = async (app: FastifyInstance = t.app) => (await app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId as string;
  const lookup = (sessionId: string, orderNumber: string, email: string, remoteAddress = '10.0.0.1', app: FastifyInstance = t.app) =>
    app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/order_lookup`, payload: { orderNumber, email }, remoteAddress });

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

  /** How many of a burst of wrong pairs were checked ("not found", 200) and how many refused (429). */
  const outcomes = (answers: { statusCode: number }[]) => ({
    checked: answers.filter((a) => a.statusCode === 200).length,
    refused: answers.filter((a) => a.statusCode === 429).length,
  });

  it('a burst of 100 parallel wrong pairs checks at most the cap: 5 in one session, 20 from one address', async () => {
    const sessionId = await start();
    const inSession = await Promise.all(Array.from({ length: 100 }, (_, i) => lookup(sessionId, `GG-3${String(i).padStart(5, '0')}`, 'x@example.com', '10.0.3.1')));
    expect(outcomes(inSession)).toEqual({ checked: DEFAULT_TRACKING_LIMITS.perSession, refused: 100 - DEFAULT_TRACKING_LIMITS.perSession });

    const sessions = await Promise.all(Array.from({ length: 100 }, () => start()));
    const fromAddress = await Promise.all(sessions.map((id, i) => lookup(id, `GG-4${String(i).padStart(5, '0')}`, 'x@example.com', '10.0.3.2')));
    expect(outcomes(fromAddress)).toEqual({ checked: DEFAULT_TRACKING_LIMITS.perClient, refused: 100 - DEFAULT_TRACKING_LIMITS.perClient });
    // The right pair from that address is refused too until the window passes; another address is not held back.
    expect((await lookup(await start(), 'GG-104233', 'ava.martinez@example.com', '10.0.3.2')).statusCode).toBe(429);
    expect((await lookup(await start(), 'GG-104233', 'ava.martinez@example.com', '10.0.3.3')).statusCode).toBe(200);
  });

  it('found orders do not use up the attempts: only failed lookups count', async () => {
    const sessionId = await start();
    for (let i = 0; i < 8; i++) expect((await lookup(sessionId, 'GG-104233', 'ava.martinez@example.com', '10.0.3.4')).statusCode).toBe(200);
    const wrong = await Promise.all(Array.from({ length: 20 }, (_, i) => lookup(sessionId, `GG-5${String(i).padStart(5, '0')}`, 'x@example.com', '10.0.3.4')));
    expect(outcomes(wrong).checked).toBe(DEFAULT_TRACKING_LIMITS.perSession);
  });

  it('the address cap holds for a burst split across two instances on one database', async () => {
    const secondDb = openDatabase(t.db.url, t.db.schema ? { schema: t.db.schema } : {});
    const second = await buildApp(t.config, { db: secondDb, logger: false });
    try {
      const apps = [t.app, second];
      const sessions = await Promise.all(Array.from({ length: 100 }, (_, i) => start(apps[i % 2])));
      const answers = await Promise.all(sessions.map((id, i) => lookup(id, `GG-6${String(i).padStart(5, '0')}`, 'x@example.com', '10.0.3.5', apps[i % 2])));
      expect(outcomes(answers)).toEqual({ checked: DEFAULT_TRACKING_LIMITS.perClient, refused: 100 - DEFAULT_TRACKING_LIMITS.perClient });
    } finally {
      await second.close();
      await secondDb.close();
    }
  });

  it('marks invalid form fields with 400 and details.fields', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${await start()}/forms/order_lookup`, payload: { orderNumber: '', email: 'not-an-email' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_request', details: { fields: { orderNumber: expect.any(String), email: expect.any(String) } } });
    expect((await lookup('cs_AAAAAAAAAAAAAAAAAAAAAA', 'GG-104233', 'ava.martinez@example.com')).statusCode).toBe(404);
  });
});
