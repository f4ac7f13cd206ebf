import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

const form = (values: Record<string, string | number>) => new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
const SHIPPING = { name: 'Ana Lopez', email: 'ana@example.com', line1: '12 Rose Court', city: 'Austin', postalCode: '78701', country: 'US' };

describe.each(TEST_DIALECTS)('demo store on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  async function inStockProduct(category: string) {
    const { items } = (await t.app.inject({ url: `/api/products?category=${category}&available=true&pageSize=1` })).json();
    return items[0] as { id: number; slug: string; name: string; price: number; sizes: number[] };
  }

  async function bagWith(productId: number, extra: Record<string, string | number> = {}) {
    const res = await t.app.inject({ method: 'POST', url: '/cart/items', headers: FORM, payload: form({ productId, quantity: 1, ...extra }) });
    expect(res.statusCode).toBe(303);
    return cookiesFrom(res);
  }

  it("sends security headers on pages and API answers: a strict CSP, no sniffing, no powerful features; the shop's origins may read all but the dashboard", async () => {
    const { items } = (await t.app.inject({ url: '/api/products?pageSize=1' })).json();
    const resourcePolicy: Record<string, string> = {
      '/': 'cross-origin',
      '/api/products?pageSize=1': 'cross-origin',
      '/products/does-not-exist': 'cross-origin',
      [items[0].imageUrl]: 'cross-origin',
      '/widget.js': 'cross-origin',
      '/api/widget/config': 'cross-origin',
      '/dashboard': 'same-origin',
      '/dashboard/login': 'same-origin',
      '/dashboard/no-such-page': 'same-origin',
      '/api/dashboard/flags': 'same-origin',
      '/api/dashboard/me?x=1': 'same-origin',
      // Percent-encoded spellings reach the same routes: they get the same policy.
      '/api/%64ashboard/session': 'same-origin',
      '/%64ashboard/support': 'same-origin',
      '/dashboards-of-the-shop': 'cross-origin',
    };
    for (const [url, policy] of Object.entries(resourcePolicy)) {
      const res = await t.app.inject({ url });
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['content-security-policy'], url).toMatch(/script-src 'self';/); // no inline scripts
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy'], url).toBe(policy);
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
        expect(String(res.headers['permissions-policy']).split(', '), url).toContain(`${feature}=()`);
      }
      expect(res.headers['strict-transport-security'], url).toBeUndefined(); // demo mode: no HSTS on plain http
    }
  });

  it.each(['/', '/catalog', '/catalog?category=ring&metal=rose_gold&priceMin=&priceMax=2000', '/customizer', '/contact', '/cart', '/checkout', '/status'])(
    'serves %s as a page',
    async (url) => {
      const res = await t.app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('<!-- Aurora Concierge widget -->');
    },
  );

  it('shows the catalog filtered and an unknown product as a 404 page', async () => {
    const page = await t.app.inject({ url: '/catalog?category=bracelet&metal=silver', headers: { accept: 'text/html' } });
    expect(page.body).toMatch(/\d+ pieces?/);
    expect(page.body).toContain('Sterling silver</p>');
    expect(page.body).not.toContain('Rose gold</p>');
    const missing = await t.app.inject({ url: '/products/not-a-real-piece', headers: { accept: 'text/html' } });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('We couldn’t find that page');
  });

  it('answers a malformed catalog query with a 400 page', async () => {
    const res = await t.app.inject({ url: '/catalog?priceMin=lots', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('priceMin');
  });

  it('asks for a ring size before a ring goes in the bag', async () => {
    const ring = await inStockProduct('ring');
    const res = await t.app.inject({ method: 'POST', url: '/cart/items', headers: FORM, payload: form({ productId: ring.id, quantity: 1 }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Please choose a ring size');
  });

  it('checks out the bag into an order with a number, its items, a timeline and less stock', async () => {
    const necklace = await inStockProduct('necklace');
    const before = await t.db.kysely.selectFrom('products').select('stock').where('id', '=', necklace.id).executeTakeFirstOrThrow();
    const cookie = await bagWith(necklace.id);
    const bag = await t.app.inject({ url: '/cart', headers: { cookie } });
    expect(bag.body).toContain(necklace.name);
    expect(bag.body).toContain('30 minutes');

    const res = await t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload: form({ ...SHIPPING, idempotencyKey: 'key-0000000000000001' }) });
    expect(res.statusCode).toBe(303);
    const done = await t.app.inject({ url: res.headers.location as string, headers: { cookie } });
    const number = done.body.match(/data-testid="order-number">(GG-\d{6})</)?.[1];
    expect(number).toBeDefined();
    expect(done.body).toMatch(/Estimated delivery [A-Z][a-z]+ \d{1,2}, 20\d\d</); // a date people read, not 2026-12-02

    const detail = await t.app.services.orders.byNumberAndEmail(number!, 'ANA@example.com');
    expect(detail?.order).toMatchObject({ status: 'processing', customer_name: 'Ana Lopez', total_cents: detail!.order.subtotal_cents + detail!.order.shipping_cents });
    expect(detail?.items.map((i) => i.product_id)).toEqual([necklace.id]);
    expect(detail?.timeline.map((e) => e.label)).toEqual(['Order placed']);
    const after = await t.db.kysely.selectFrom('products').select('stock').where('id', '=', necklace.id).executeTakeFirstOrThrow();
    expect(after.stock).toBe(before.stock - 1);
    const emptyBag = await t.app.inject({ url: '/cart', headers: { cookie } });
    expect(emptyBag.body).toContain('Your bag is empty');
  });

  it("a piece whose last one was just bought leaves the concierge's recommendations at once", async () => {
    const chat = (sessionId: string) => t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text: 'show me bracelets' } });
    const { sessionId } = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json();
    const shownIds = async () => ((await chat(sessionId)).json().replies as { type: string; items?: { id: number }[] }[]).flatMap((b) => (b.type === 'products' ? b.items!.map((i) => i.id) : []));
    const first = (await shownIds())[0]!;
    expect(first).toBeDefined();
    await t.db.kysely.updateTable('products').set({ stock: 1 }).where('id', '=', first).execute();
    const cookie = await bagWith(first);
    const res = await t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload: form({ ...SHIPPING, idempotencyKey: 'key-0000000000000003' }) });
    expect(res.statusCode).toBe(303);
    expect(await shownIds()).not.toContain(first);
  });

  it('a double submit of the checkout creates one order, not two', async () => {
    const earrings = await inStockProduct('earrings');
    const cookie = await bagWith(earrings.id);
    const payload = form({ ...SHIPPING, email: 'twice@example.com', idempotencyKey: 'key-double-submit-0001' });
    const [a, b] = await Promise.all([
      t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload }),
      t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload }),
    ]);
    expect(a.statusCode).toBe(303);
    expect(b.statusCode).toBe(303);
    expect(a.headers.location).toBe(b.headers.location);
    const orders = await t.db.kysely.selectFrom('orders').select('number').where('email', '=', 'twice@example.com').execute();
    expect(orders).toHaveLength(1);
  });

  it('records the concierge session id on the order for attribution', async () => {
    const pendant = await inStockProduct('pendant');
    const cookie = await bagWith(pendant.id);
    await t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload: form({ ...SHIPPING, email: 'attrib@example.com', idempotencyKey: 'key-attribution-00001', conciergeSessionId: 'sess_abcdef123456' }) });
    const order = await t.db.kysely.selectFrom('orders').select('concierge_session_id').where('email', '=', 'attrib@example.com').executeTakeFirstOrThrow();
    expect(order.concierge_session_id).toBe('sess_abcdef123456');
  });

  it('bad checkout input gets field messages and a 400, and nothing is created', async () => {
    const bracelet = await inStockProduct('bracelet');
    const cookie = await bagWith(bracelet.id);
    const res = await t.app.inject({ method: 'POST', url: '/checkout', headers: { ...FORM, cookie }, payload: form({ ...SHIPPING, email: 'not-an-email', country: 'USA', name: '' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Please enter an email like name@example.com.');
    expect(res.body).toContain('two-letter country code');
    expect(res.body).toContain('Please enter your full name.');
    expect(res.body).toContain('value="12 Rose Court"');
  });

  it('checking out an empty bag is a clear 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/checkout', headers: FORM, payload: form({ ...SHIPPING, idempotencyKey: 'key-empty-bag-000001' }) });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Your bag is empty');
  });

  it('stores contact messages and escapes what customers typed', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/contact', headers: FORM, payload: form({ name: '', email: 'x', message: '' }) });
    expect(bad.statusCode).toBe(400);
    const res = await t.app.inject({ method: 'POST', url: '/contact', headers: FORM, payload: form({ name: '<b>Eve</b>', email: 'eve@example.com', orderNumber: '104233', message: 'Hello <script>x</script>' }) });
    expect(res.statusCode).toBe(303);
    const [stored] = await t.app.services.contact.recent(1);
    expect(stored).toMatchObject({ email: 'eve@example.com', order_number: 'GG-104233', message: 'Hello <script>x</script>' });
    const echoed = await t.app.inject({ method: 'POST', url: '/contact', headers: FORM, payload: form({ name: '<b>Eve</b>', email: 'bad', message: 'x' }) });
    expect(echoed.body).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(echoed.body).not.toContain('<b>Eve</b>');
  });
});
