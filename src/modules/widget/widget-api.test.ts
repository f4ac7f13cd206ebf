import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

describe.each(TEST_DIALECTS)('widget config, events, CORS and limits on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const events = (type: string) => t.db.kysely.selectFrom('analytics_events').selectAll().where('type', '=', type).execute();

  it('reports the widget_enabled flag (W14)', async () => {
    expect((await t.app.inject({ url: '/api/widget/config' })).json()).toMatchObject({ enabled: true, brand: expect.any(Object) });
    await t.app.services.flags.set('widget_enabled', false);
    expect((await t.app.inject({ url: '/api/widget/config' })).json().enabled).toBe(false);
    await t.app.services.flags.set('widget_enabled', true);
  });

  it('records browser events from JSON and from sendBeacon text, with the visitor id hashed', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/widget/events', payload: { type: 'widget_opened', visitorId: 'visitor-ev-001', data: { page: '/catalog' } } });
    expect(json.statusCode).toBe(202);
    const beacon = await t.app.inject({
      method: 'POST',
      url: '/api/widget/events',
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
      payload: JSON.stringify({ type: 'widget_closed', visitorId: 'visitor-ev-001', data: { email: 'ava.martinez@example.com' } }),
    });
    expect(beacon.statusCode).toBe(202);
    const [opened] = await events('widget_opened');
    expect(opened).toMatchObject({ visitor_hash: expect.any(String), data: JSON.stringify({ page: '/catalog' }) });
    expect(opened!.visitor_hash).not.toContain('visitor-ev-001');
    const [closed] = await events('widget_closed');
    expect(closed!.visitor_hash).toBe(opened!.visitor_hash);
    expect(closed!.data).not.toContain('ava.martinez');
  });

  it('refuses unknown or server-only event types and bad bodies with 400', async () => {
    for (const payload of [{ type: 'purchase' }, { type: 'nope' }, { type: 'widget_opened', data: { nested: { a: 1 } } }, { type: 'widget_opened', sessionId: 'x' }]) {
      expect((await t.app.inject({ method: 'POST', url: '/api/widget/events', payload })).statusCode, JSON.stringify(payload)).toBe(400);
    }
    const garbage = await t.app.inject({ method: 'POST', url: '/api/widget/events', headers: { 'content-type': 'text/plain' }, payload: '{oops' });
    expect(garbage.statusCode).toBe(400);
  });

  it('records a message event with its intent, and products shown, for each chat turn', async () => {
    const { sessionId } = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: 'visitor-ev-002' } })).json();
    await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text: 'show me pendants' } });
    const message = (await events('message')).find((e) => e.session_id === sessionId);
    expect(JSON.parse(message!.data)).toMatchObject({ intent: 'product_search' });
    const shown = (await events('product_shown')).find((e) => e.session_id === sessionId);
    expect(JSON.parse(shown!.data).productIds.length).toBeGreaterThan(0);
  });

  it('records one purchase when the checkout carries a concierge session id', async () => {
    const { sessionId } = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json();
    const { cart, orders } = t.app.services;
    const product = (await t.app.services.catalog.recommend({ category: 'necklace' }, 'featured', 0, 1)).items[0]!;
    const cartId = await cart.add(undefined, product.id, null, 1);
    const input = { name: 'Test Buyer', email: 'buyer@example.com', line1: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US', conciergeSessionId: sessionId };
    await orders.checkout(await cart.get(cartId), input, 'checkout-key-000000001');
    await orders.checkout(await cart.get(cartId), input, 'checkout-key-000000001');
    expect((await events('purchase')).filter((e) => e.session_id === sessionId)).toHaveLength(1);
  });

  it('answers CORS preflights for the shop’s pages (any origin in demo mode)', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/widget/sessions/cs_AAAAAAAAAAAAAAAAAAAAAA/messages',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    expect(String(preflight.headers['access-control-allow-headers'])).toMatch(/Idempotency-Key/);
    const get = await t.app.inject({ url: '/api/widget/config', headers: { origin: 'https://shop.example' } });
    expect(get.headers['access-control-allow-origin']).toBe('*');
  });
});

describe.each(TEST_DIALECTS)('widget API in production settings on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, {
      seed: false,
      env: { WIDGET_ALLOWED_ORIGINS: 'https://shop.example', WIDGET_RATE_LIMIT_PER_MINUTE: '3' },
    });
  });
  afterAll(() => t.close());

  it('allows only the configured origins', async () => {
    const allowed = await t.app.inject({ url: '/api/widget/config', headers: { origin: 'https://shop.example' }, remoteAddress: '10.9.0.1' });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example');
    const other = await t.app.inject({ url: '/api/widget/config', headers: { origin: 'https://evil.example' }, remoteAddress: '10.9.0.2' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it("the flow forms (stylist, return, CSAT) answer the shop's origin like the rest of the widget API", async () => {
    for (const form of ['stylist', 'return', 'csat']) {
      const url = `/api/widget/sessions/cs_AAAAAAAAAAAAAAAAAAAAAA/forms/${form}`;
      const allowed = await t.app.inject({ method: 'POST', url, payload: {}, headers: { origin: 'https://shop.example' }, remoteAddress: `10.9.1.${form.length}` });
      expect(allowed.statusCode, form).toBe(400);
      expect(allowed.headers['access-control-allow-origin'], form).toBe('https://shop.example');
      const other = await t.app.inject({ method: 'POST', url, payload: {}, headers: { origin: 'https://evil.example' }, remoteAddress: `10.9.2.${form.length}` });
      expect(other.headers['access-control-allow-origin'], form).toBeUndefined();
    }
  });

  it('rate-limits the widget API per client address with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.app.inject({ url: '/api/widget/config', remoteAddress: '10.9.0.3' })).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.app.inject({ url: '/api/widget/config', remoteAddress: '10.9.0.3' });
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await t.app.inject({ url: '/api/widget/config', remoteAddress: '10.9.0.4' })).statusCode).toBe(200);
  });
});
