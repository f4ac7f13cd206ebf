import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_ORDER_WEBHOOK_SECRET } from '../../config';
import { REPLAY_RETENTION_SECONDS, SIGNATURE_TOLERANCE_SECONDS, signPayload } from './order-sync';
import { CatalogImportError, importCatalog, importSettingsOf, readRecords } from './catalog-import';

const order = (status: string, extra: { number?: string; updatedAt?: string; id?: string } = {}) => ({
  event: 'order.updated',
  ...(extra.id && { id: extra.id }),
  order: {
    number: extra.number ?? 'GG-555001', email: 'Nia@Example.com', customerName: 'Nia Park', status, carrier: 'UPS', trackingNumber: '1Z999', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999',
    placedAt: '2026-11-18T10:00:00.000Z', currency: 'USD', subtotal: 420, shipping: 15, total: 435,
    items: [{ sku: 'EXT-1', name: 'Halo Studs', quantity: 1, unitPrice: 420 }],
    ...(extra.updatedAt && { updatedAt: extra.updatedAt }),
  },
});

describe.each(TEST_DIALECTS)('integrations on %s', (dialect) => {
  let t: TestApp;
  // The service's clock: the tests move it to see remembered deliveries expire.
  let clock = Date.now();
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => new Date(clock) });
  });
  afterAll(() => t.close());

  const send = (body: unknown, options: { secret?: string; timestamp?: number; tamper?: boolean; app?: FastifyInstance } = {}) => {
    const payload = JSON.stringify(body);
    const timestamp = options.timestamp ?? Math.floor(clock / 1000);
    return sendSigned(options.app ?? t.app, payload, timestamp, signPayload(options.secret ?? DEMO_ORDER_WEBHOOK_SECRET, timestamp, payload), options.tamper);
  };
  const sendSigned = (app: FastifyInstance, payload: string, timestamp: number, signature: string, tamper = false) =>
    app.inject({
      method: 'POST',
      url: '/api/integrations/orders',
      headers: { 'content-type': 'application/json', 'x-aurora-timestamp': String(timestamp), 'x-aurora-signature': signature },
      payload: tamper ? payload.replace('Nia Park', 'Eve') : payload,
    });
  const timeline = async (number: string) => (await t.app.services.orders.byNumber(number))!.timeline.map((e) => e.type);

  it('creates an order from a signed webhook, then moves its status with a timeline event', async () => {
    const created = await send({ ...order('processing'), event: 'order.created' });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({ number: 'GG-555001', applied: true, created: true, statusChanged: false });
    const shipped = await send(order('shipped'));
    expect(shipped.json()).toMatchObject({ applied: true, created: false, statusChanged: true });
    clock += 1000;
    const resent = await send(order('shipped'));
    expect(resent.json()).toEqual({ number: 'GG-555001', applied: true, created: false, statusChanged: false });
    const detail = await t.app.services.orders.byNumberAndEmail('GG-555001', 'nia@example.com');
    expect(detail?.order).toMatchObject({ status: 'shipped', carrier: 'UPS', total_cents: 43_500 });
    expect(detail?.timeline.map((e) => e.type)).toEqual(['order_placed', 'shipped']);
  });

  it('ignores every replay of an applied webhook, on this instance and on another one over the same database', async () => {
    const number = 'GG-555101';
    await send({ ...order('processing', { number }), event: 'order.created' });
    clock += 1000;
    const timestamp = Math.floor(clock / 1000);
    const payload = JSON.stringify(order('shipped', { number }));
    const signature = signPayload(DEMO_ORDER_WEBHOOK_SECRET, timestamp, payload);
    expect((await sendSigned(t.app, payload, timestamp, signature)).json()).toMatchObject({ applied: true, statusChanged: true });
    // Meanwhile the order system delivered it (no updatedAt: the signature's time stands for it).
    clock += 1000;
    expect((await send(order('delivered', { number }))).json()).toMatchObject({ applied: true, statusChanged: true });
    const before = await t.app.services.orders.byNumber(number);

    const other = await buildApp(t.config, { db: t.db, logger: false, now: () => new Date(clock) });
    try {
      const replies = [];
      for (let i = 0; i < 10; i++) replies.push(await sendSigned(i % 2 ? other : t.app, payload, timestamp, signature));
      expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
      expect(replies.map((r) => r.json())).toEqual(Array(10).fill({ number, applied: false, ignored: 'replay', created: false, statusChanged: false }));
    } finally {
      await other.close();
    }
    const after = await t.app.services.orders.byNumber(number);
    expect(after?.order).toEqual(before?.order);
    expect(await timeline(number)).toEqual(['order_placed', 'shipped', 'delivered']);
  });

  it('applies one of 10 simultaneous deliveries of a signed request', async () => {
    const number = 'GG-555107';
    const timestamp = Math.floor(clock / 1000);
    const payload = JSON.stringify({ ...order('processing', { number }), event: 'order.created' });
    const signature = signPayload(DEMO_ORDER_WEBHOOK_SECRET, timestamp, payload);
    const replies = await Promise.all(Array.from({ length: 10 }, () => sendSigned(t.app, payload, timestamp, signature)));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(replies.filter((r) => r.json().applied)).toHaveLength(1);
    expect(await timeline(number)).toEqual(['order_placed']);
  });

  it('recognises an event id sent again under a new signature', async () => {
    const number = 'GG-555102';
    await send({ ...order('processing', { number }), event: 'order.created' });
    expect((await send(order('shipped', { number, id: 'evt_42' }))).json()).toMatchObject({ applied: true });
    clock += 2000;
    expect((await send(order('shipped', { number, id: 'evt_42' }))).json()).toMatchObject({ applied: false, ignored: 'replay' });
  });

  it('ignores an update older than the order\'s state (updatedAt, or the signature time without it)', async () => {
    const number = 'GG-555103';
    await send({ ...order('processing', { number, updatedAt: '2026-11-18T10:00:00Z' }), event: 'order.created' });
    expect((await send(order('delivered', { number, updatedAt: '2026-11-20T09:00:00+01:00' }))).json()).toMatchObject({ applied: true, statusChanged: true });
    const late = await send(order('shipped', { number, updatedAt: '2026-11-19T12:00:00Z' }));
    expect(late.statusCode).toBe(200);
    expect(late.json()).toEqual({ number, applied: false, ignored: 'stale', created: false, statusChanged: false });
    expect((await t.app.services.orders.byNumber(number))?.order.status).toBe('delivered');
    expect(await timeline(number)).toEqual(['order_placed', 'delivered']);

    const other = 'GG-555104';
    const sentAt = Math.floor(clock / 1000);
    await send({ ...order('processing', { number: other }), event: 'order.created' }, { timestamp: sentAt - 120 });
    expect((await send(order('delivered', { number: other }), { timestamp: sentAt })).json()).toMatchObject({ applied: true });
    expect((await send(order('shipped', { number: other }), { timestamp: sentAt - 60 })).json()).toMatchObject({ applied: false, ignored: 'stale' });
    expect((await t.app.services.orders.byNumber(other))?.order.status).toBe('delivered');
  });

  it('breaks a tie of equal updatedAt by the lifecycle: a same-time update applies only when it does not move the status backwards', async () => {
    const number = 'GG-555111';
    const at = '2026-11-05T10:00:00Z';
    await send({ ...order('processing', { number, updatedAt: '2026-11-04T09:00:00Z' }), event: 'order.created' });
    expect((await send(order('delivered', { number, updatedAt: at }))).json()).toMatchObject({ applied: true, statusChanged: true });
    const back = await send(order('shipped', { number, updatedAt: at }));
    expect(back.json()).toEqual({ number, applied: false, ignored: 'stale', created: false, statusChanged: false });
    expect((await t.app.services.orders.byNumber(number))?.order.status).toBe('delivered');
    expect(await timeline(number)).toEqual(['order_placed', 'delivered']);
    // The same state again still applies (e.g. a corrected tracking number).
    const corrected = order('delivered', { number, updatedAt: at });
    expect((await send({ ...corrected, order: { ...corrected.order, trackingNumber: '1Z998' } })).json()).toMatchObject({ applied: true, statusChanged: false });
    expect((await t.app.services.orders.byNumber(number))?.order.tracking_number).toBe('1Z998');

    // Forward at the same time applies; a newer updatedAt may still move it back (the order system corrected it).
    const ahead = 'GG-555112';
    await send({ ...order('shipped', { number: ahead, updatedAt: at }), event: 'order.created' });
    expect((await send(order('out_for_delivery', { number: ahead, updatedAt: at }))).json()).toMatchObject({ applied: true, statusChanged: true });
    expect((await send(order('delayed', { number: ahead, updatedAt: at }))).json()).toMatchObject({ applied: true, statusChanged: true });
    expect((await send(order('shipped', { number: ahead, updatedAt: '2026-11-05T10:00:01Z' }))).json()).toMatchObject({ applied: true, statusChanged: true });
    expect(await timeline(ahead)).toEqual(['order_placed', 'out_for_delivery', 'delayed', 'shipped']);
  });

  it('never moves the status backwards on the signature time alone (a re-signed retry of an older event)', async () => {
    const number = 'GG-555113';
    const sentAt = Math.floor(clock / 1000);
    await send({ ...order('processing', { number }), event: 'order.created' }, { timestamp: sentAt - 10 });
    expect((await send(order('delivered', { number }), { timestamp: sentAt - 5 })).json()).toMatchObject({ applied: true, statusChanged: true });
    // The sender retries its old "shipped" with a fresh signature: later than the "delivered", and within the same second.
    expect((await send(order('shipped', { number }), { timestamp: sentAt })).json()).toMatchObject({ applied: false, ignored: 'stale' });
    expect((await send(order('out_for_delivery', { number }), { timestamp: sentAt - 5 })).json()).toMatchObject({ applied: false, ignored: 'stale' });
    expect((await t.app.services.orders.byNumber(number))?.order.status).toBe('delivered');
    expect(await timeline(number)).toEqual(['order_placed', 'delivered']);
    // Forward moves and detours on the signature time still apply.
    const moving = 'GG-555114';
    await send({ ...order('shipped', { number: moving }), event: 'order.created' }, { timestamp: sentAt - 10 });
    expect((await send(order('out_for_delivery', { number: moving }), { timestamp: sentAt - 9 })).json()).toMatchObject({ applied: true, statusChanged: true });
    expect((await send(order('delayed', { number: moving }), { timestamp: sentAt - 8 })).json()).toMatchObject({ applied: true, statusChanged: true });
    expect((await send(order('delivered', { number: moving }), { timestamp: sentAt - 7 })).json()).toMatchObject({ applied: true, statusChanged: true });
  });

  it('still refuses a replay near the end of its tolerance on an instance whose clock is 60 s behind, after a faster one cleaned up', async () => {
    const number = 'GG-555115';
    await send({ ...order('processing', { number }), event: 'order.created' });
    const timestamp = Math.floor(clock / 1000);
    const payload = JSON.stringify(order('shipped', { number }));
    const signature = signPayload(DEMO_ORDER_WEBHOOK_SECRET, timestamp, payload);
    expect((await sendSigned(t.app, payload, timestamp, signature)).json()).toMatchObject({ applied: true, statusChanged: true });
    // Just past the tolerance on this instance's clock, another delivery arrives here and clears what has expired…
    clock = (timestamp + SIGNATURE_TOLERANCE_SECONDS + 1) * 1000;
    await send({ ...order('processing', { number: 'GG-555116' }), event: 'order.created' });
    // …while an instance 60 s behind still takes the signature as valid (241 s old on its clock).
    const behind = await buildApp(t.config, { db: t.db, logger: false, now: () => new Date(clock - 60_000) });
    try {
      const replay = await sendSigned(behind, payload, timestamp, signature);
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toEqual({ number, applied: false, ignored: 'replay', created: false, statusChanged: false });
    } finally {
      await behind.close();
    }
    expect(await timeline(number)).toEqual(['order_placed', 'shipped']);
  });

  it('refuses an updatedAt in the future with 400 naming the field', async () => {
    const res = await send(order('shipped', { number: 'GG-555105', updatedAt: new Date(clock + 3_600_000).toISOString() }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/order\.updatedAt/);
  });

  it('forgets a delivery once its signature has expired on every clock (twice the tolerance)', async () => {
    const remembered = () => t.db.kysely.selectFrom('webhook_deliveries').select('key').execute();
    expect((await remembered()).length).toBeGreaterThan(0);
    clock += (REPLAY_RETENTION_SECONDS + 1) * 1000;
    await send({ ...order('processing', { number: 'GG-555106' }), event: 'order.created' });
    expect(await remembered()).toHaveLength(1);
  });

  it('refuses unsigned, tampered, wrongly signed and stale requests with 401', async () => {
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/integrations/orders', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(order('delivered')) });
    expect(unsigned.statusCode).toBe(401);
    expect((await send(order('delivered'), { tamper: true })).statusCode).toBe(401);
    expect((await send(order('delivered'), { secret: 'not-the-secret' })).statusCode).toBe(401);
    expect((await send(order('delivered'), { timestamp: Math.floor(clock / 1000) - 3600 })).statusCode).toBe(401);
    const detail = await t.app.services.orders.byNumber('GG-555001');
    expect(detail?.order.status).not.toBe('delivered');
  });

  it('validates a signed body and answers 400 naming the field', async () => {
    const res = await send({ ...order('lost'), event: 'order.updated' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/status/);
    const odd = order('shipped', { number: 'GG-555108' });
    const currency = await send({ ...odd, order: { ...odd.order, currency: 'XYZ' } });
    expect(currency.statusCode).toBe(400);
    expect(currency.json().error.message).toMatch(/order\.currency/);
  });

  it('imports a CSV catalog all-or-nothing, updating existing SKUs', async () => {
    const csv = 'sku,name,category,metal,price,stock,sizes,stone\nIMP-1,Dawn Ring,ring,rose gold,"1,250.00",4,5;6;7,diamond\nIMP-2,Dusk Hoops,earrings,silver,95,10,,\n';
    expect(await importCatalog(t.db.kysely, readRecords(csv, 'csv'), importSettingsOf(t.config))).toEqual({ created: 2, updated: 0 });
    const ring = (await t.app.inject({ url: '/api/products?q=Dawn' })).json().items[0];
    expect(ring).toMatchObject({ sku: 'IMP-1', metal: 'rose_gold', price: 1250, sizes: [5, 6, 7], stone: 'diamond' });
    const again = readRecords(JSON.stringify([{ sku: 'IMP-1', name: 'Dawn Ring', category: 'rings', metal: 'rose_gold', price: 1300, stock: 2 }]), 'json');
    expect(await importCatalog(t.db.kysely, again, importSettingsOf(t.config))).toEqual({ created: 0, updated: 1 });
    const bad = readRecords('sku,name,category,metal,price\nIMP-3,Good,ring,platinum,900\nIMP-4,Bad,hat,platinum,-5\n', 'csv');
    await expect(importCatalog(t.db.kysely, bad, importSettingsOf(t.config))).rejects.toThrow(CatalogImportError);
    expect((await t.app.inject({ url: '/api/products?q=Good' })).json().total).toBe(0);
  });

  it('imports nothing when one row has a bad currency or image URL, and names the row and the field', async () => {
    const csv = [
      'sku,name,category,metal,price,currency,image_url',
      'IMP-5,Fine Band,ring,platinum,900,USD,/images/fine-band.png',
      'IMP-6,Odd Band,ring,platinum,900,DOLLARS,',
      'IMP-7,Pixel Band,ring,platinum,900,USD,https://tracker.example/p.gif?id=1',
      'IMP-8,Script Band,ring,platinum,900,USD,javascript:alert(1)',
    ].join('\n');
    const error = await importCatalog(t.db.kysely, readRecords(csv, 'csv'), importSettingsOf(t.config)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogImportError);
    expect((error as CatalogImportError).errors.map((e) => [e.row, e.field])).toEqual([[2, 'currency'], [3, 'image_url'], [4, 'image_url']]);
    expect((error as Error).message).toMatch(/row 2, currency: must be an ISO 4217 code/);
    expect(await t.db.kysely.selectFrom('products').select('sku').where('sku', 'in', ['IMP-5', 'IMP-6', 'IMP-7', 'IMP-8']).execute()).toEqual([]);
  });
});
