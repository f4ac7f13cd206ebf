import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_ORDER_WEBHOOK_SECRET } from '../../config';
import { signPayload } from './order-sync';
import { CatalogImportError, importCatalog, readRecords } from './catalog-import';

const order = (status: string) => ({
  event: 'order.updated',
  order: {
    number: 'GG-555001', email: 'Nia@Example.com', customerName: 'Nia Park', status, carrier: 'UPS', trackingNumber: '1Z999', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999',
    placedAt: '2026-11-18T10:00:00.000Z', currency: 'USD', subtotal: 420, shipping: 15, total: 435,
    items: [{ sku: 'EXT-1', name: 'Halo Studs', quantity: 1, unitPrice: 420 }],
  },
});

describe.each(TEST_DIALECTS)('integrations on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const send = (body: unknown, options: { secret?: string; timestamp?: number; tamper?: boolean } = {}) => {
    const payload = JSON.stringify(body);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = signPayload(options.secret ?? DEMO_ORDER_WEBHOOK_SECRET, timestamp, payload);
    return t.app.inject({
      method: 'POST',
      url: '/api/integrations/orders',
      headers: { 'content-type': 'application/json', 'x-aurora-timestamp': String(timestamp), 'x-aurora-signature': signature },
      payload: options.tamper ? payload.replace('Nia Park', 'Eve') : payload,
    });
  };

  it('creates an order from a signed webhook, then moves its status with a timeline event', async () => {
    const created = await send({ ...order('processing'), event: 'order.created' });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toEqual({ number: 'GG-555001', created: true, statusChanged: false });
    const shipped = await send(order('shipped'));
    expect(shipped.json()).toMatchObject({ created: false, statusChanged: true });
    const replay = await send(order('shipped'));
    expect(replay.json()).toMatchObject({ statusChanged: false });
    const detail = await t.app.services.orders.byNumberAndEmail('GG-555001', 'nia@example.com');
    expect(detail?.order).toMatchObject({ status: 'shipped', carrier: 'UPS', total_cents: 43_500 });
    expect(detail?.timeline.map((e) => e.type)).toEqual(['order_placed', 'shipped']);
  });

  it('refuses unsigned, tampered, wrongly signed and stale requests with 401', async () => {
    const unsigned = await t.app.inject({ method: 'POST', url: '/api/integrations/orders', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(order('delivered')) });
    expect(unsigned.statusCode).toBe(401);
    expect((await send(order('delivered'), { tamper: true })).statusCode).toBe(401);
    expect((await send(order('delivered'), { secret: 'not-the-secret' })).statusCode).toBe(401);
    expect((await send(order('delivered'), { timestamp: Math.floor(Date.now() / 1000) - 3600 })).statusCode).toBe(401);
    const detail = await t.app.services.orders.byNumber('GG-555001');
    expect(detail?.order.status).not.toBe('delivered');
  });

  it('validates a signed body and answers 400 naming the field', async () => {
    const res = await send({ ...order('lost'), event: 'order.updated' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/status/);
  });

  it('imports a CSV catalog all-or-nothing, updating existing SKUs', async () => {
    const csv = 'sku,name,category,metal,price,stock,sizes,stone\nIMP-1,Dawn Ring,ring,rose gold,"1,250.00",4,5;6;7,diamond\nIMP-2,Dusk Hoops,earrings,silver,95,10,,\n';
    expect(await importCatalog(t.db.kysely, readRecords(csv, 'csv'), 'USD')).toEqual({ created: 2, updated: 0 });
    const ring = (await t.app.inject({ url: '/api/products?q=Dawn' })).json().items[0];
    expect(ring).toMatchObject({ sku: 'IMP-1', metal: 'rose_gold', price: 1250, sizes: [5, 6, 7], stone: 'diamond' });
    const again = readRecords(JSON.stringify([{ sku: 'IMP-1', name: 'Dawn Ring', category: 'rings', metal: 'rose_gold', price: 1300, stock: 2 }]), 'json');
    expect(await importCatalog(t.db.kysely, again, 'USD')).toEqual({ created: 0, updated: 1 });
    const bad = readRecords('sku,name,category,metal,price\nIMP-3,Good,ring,platinum,900\nIMP-4,Bad,hat,platinum,-5\n', 'csv');
    await expect(importCatalog(t.db.kysely, bad, 'USD')).rejects.toThrow(CatalogImportError);
    expect((await t.app.inject({ url: '/api/products?q=Good' })).json().total).toBe(0);
  });
});
