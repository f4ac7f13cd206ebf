import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

describe.each(TEST_DIALECTS)('catalog API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('filters by category, metal and price range (in major units)', async () => {
    const res = await t.app.inject({ url: '/api/products?category=ring&metal=rose_gold&priceMin=200&priceMax=3000&pageSize=60' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    for (const p of body.items) {
      expect(p).toMatchObject({ category: 'ring', metal: 'rose_gold' });
      expect(p.price).toBeGreaterThanOrEqual(200);
      expect(p.price).toBeLessThanOrEqual(3000);
      expect(p.url).toBe(`/products/${p.slug}`);
    }
  });

  it('"gold" means any of the three golds, and sorting by price works', async () => {
    const body = (await t.app.inject({ url: '/api/products?metal=gold&sort=price_asc&pageSize=60' })).json();
    expect(new Set(body.items.map((p: { metal: string }) => p.metal))).toEqual(new Set(['yellow_gold', 'white_gold', 'rose_gold']));
    const prices = body.items.map((p: { price: number }) => p.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('paginates without overlap', async () => {
    const one = (await t.app.inject({ url: '/api/products?pageSize=10&page=1' })).json();
    const two = (await t.app.inject({ url: '/api/products?pageSize=10&page=2' })).json();
    expect(one.items).toHaveLength(10);
    const ids = new Set(one.items.map((p: { id: number }) => p.id));
    expect(two.items.some((p: { id: number }) => ids.has(p.id))).toBe(false);
    expect(one.total).toBeGreaterThanOrEqual(200);
  });

  it.each([
    ['/api/products?priceMin=abc', /priceMin/],
    ['/api/products?category=shoes', /category/],
    ['/api/products?page=0', /page/],
    ['/api/products?priceMin=500&priceMax=100', /minimum price/],
  ])('rejects %s with a clear 400', async (url, message) => {
    const res = await t.app.inject({ url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('invalid_request');
    expect(res.json().error.message).toMatch(message);
  });

  it('answers an unknown product with 404 in the error shape', async () => {
    const res = await t.app.inject({ url: '/api/products/no-such-ring' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
  });

  it('draws product images locally as SVG', async () => {
    const { items } = (await t.app.inject({ url: '/api/products?pageSize=1' })).json();
    const res = await t.app.inject({ url: items[0].imageUrl });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.body).toContain('<svg');
  });

  it('recommends only ready-to-ship, in-stock pieces, with honest alternatives when nothing matches', async () => {
    const found = await t.app.services.catalog.recommend({ category: 'earrings', metal: 'gold' }, 'featured', 0, 50);
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((p) => p.readyToShip && p.stock > 0)).toBe(true);
    const none = await t.app.services.catalog.recommend({ category: 'ring', priceMinCents: 5_000, priceMaxCents: 7_000 }, 'featured', 0, 4);
    expect(none.items).toEqual([]);
    expect(none.alternatives.length).toBeGreaterThan(0);
    expect(none.alternatives.every((p) => p.category === 'ring' && p.readyToShip && p.stock > 0)).toBe(true);
  });

  it('"cheaper" past the cheapest piece in a metal keeps the budget and offers other metals', async () => {
    const rose = await t.app.services.catalog.recommend({ category: 'ring', metal: 'rose_gold' }, 'price_asc', 0, 1);
    const cheapest = rose.items[0]!.priceCents;
    const below = await t.app.services.catalog.recommend({ category: 'ring', metal: 'rose_gold', priceMaxCents: cheapest - 1 }, 'price_desc', 0, 4);
    expect(below.items).toEqual([]);
    expect(below.alternatives.length).toBeGreaterThan(0);
    for (const p of below.alternatives) {
      expect(p.category).toBe('ring');
      expect(p.metal).not.toBe('rose_gold');
      expect(p.priceCents).toBeLessThan(cheapest);
    }
  });
});
