// STORE_ENABLED: production (default) serves no demo store, while the widget, dashboard, health and APIs go on;
// with the store on, its form posts are limited per client address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PRODUCTION_SECRET, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const SHIPPING = { name: 'Ana Lopez', email: 'ana@example.com', line1: '12 Rose Court', city: 'Austin', postalCode: '78701', country: 'US' };
const CONTACT = { name: 'Ana Lopez', email: 'ana@example.com', message: 'Do you resize rings?' };

describe.each(TEST_DIALECTS)('demo store switched off in production on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { AURORA_MODE: 'production', SESSION_SECRET: TEST_PRODUCTION_SECRET } });
  });
  afterAll(() => t.close());

  const count = async (table: 'orders' | 'contact_messages') =>
    Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('answers 404 for every store page and form, and sends the root to the dashboard', async () => {
    const product = (await t.app.inject({ url: '/api/products?pageSize=1' })).json().items[0];
    for (const url of ['/catalog', `/products/${product.slug}`, '/cart', '/checkout', '/checkout/complete/abc', '/customizer', '/contact']) {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(404);
    }
    const root = await t.app.inject({ url: '/' });
    expect(root.statusCode).toBe(302);
    expect(root.headers.location).toBe('/dashboard');

    const [orders, messages] = [await count('orders'), await count('contact_messages')];
    const posts = [
      ['/cart/items', { productId: String(product.id), quantity: '1' }],
      ['/cart/lines/1', { quantity: '0' }],
      ['/checkout', { ...SHIPPING, idempotencyKey: 'key-store-off-000001' }],
      ['/contact', CONTACT],
    ] as const;
    for (const [url, values] of posts) {
      expect((await t.app.inject({ method: 'POST', url, headers: FORM, payload: form(values) })).statusCode, url).toBe(404);
    }
    expect([await count('orders'), await count('contact_messages')]).toEqual([orders, messages]);
  });

  it('keeps the widget, its API, the dashboard, health, the catalog API and product images working', async () => {
    const product = (await t.app.inject({ url: '/api/products?pageSize=1' })).json().items[0];
    for (const url of ['/healthz', '/readyz', '/status', '/api/products', `/api/products/${product.slug}`, product.imageUrl, '/widget.js', '/api/widget/config', '/dashboard/login', '/assets/store.css']) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(200);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).statusCode).toBe(201);
  });
});

describe.each(TEST_DIALECTS)('demo store form limits on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const post = (url: string, values: Record<string, string>, remoteAddress: string) => t.app.inject({ method: 'POST', url, headers: FORM, payload: form(values), remoteAddress });

  it('limits contact messages to 5 a minute per address, with a page that says so; another address is not affected', async () => {
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await post('/contact', CONTACT, '10.20.0.1')).statusCode);
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429, 429]);
    const limited = await post('/contact', CONTACT, '10.20.0.1');
    expect(limited.headers['content-type']).toMatch(/text\/html/);
    expect(limited.body).toContain('Too many requests');
    expect((await post('/contact', CONTACT, '10.20.0.2')).statusCode).toBe(303);
  });

  it('limits checkouts to 10 a minute per address and bag edits to 60', async () => {
    const checkouts = [];
    for (let i = 0; i < 11; i++) checkouts.push((await post('/checkout', { ...SHIPPING, idempotencyKey: `key-limit-${String(i).padStart(10, '0')}` }, '10.20.0.3')).statusCode);
    expect(checkouts).toEqual([...Array(10).fill(400), 429]);
    const edits = [];
    for (let i = 0; i < 61; i++) edits.push((await post('/cart/lines/1', { quantity: '0' }, '10.20.0.4')).statusCode);
    expect(edits.slice(0, 60).every((s) => s !== 429)).toBe(true);
    expect(edits[60]).toBe(429);
  });
});
