import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '../migrate';
import { seedDemoData } from './index';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { SEED_NOW } from '../../../test/support/app';

describe.each(TEST_DIALECTS)('demo seed on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
    await seedDemoData(db, { now: SEED_NOW });
  });
  afterAll(() => db.destroy());

  it('has at least 200 products over every category and metal, $80 to $12,000, mostly ready to ship', async () => {
    const products = await db.kysely.selectFrom('products').selectAll().execute();
    expect(products.length).toBeGreaterThanOrEqual(200);
    expect(new Set(products.map((p) => p.category))).toEqual(new Set(['ring', 'necklace', 'pendant', 'earrings', 'bracelet']));
    expect(new Set(products.map((p) => p.metal))).toEqual(new Set(['yellow_gold', 'white_gold', 'rose_gold', 'platinum', 'silver']));
    expect(products.some((p) => p.stone === null)).toBe(true);
    expect(products.some((p) => p.stone !== null)).toBe(true);
    const prices = products.map((p) => p.price_cents);
    expect(Math.min(...prices)).toBeGreaterThanOrEqual(8_000);
    expect(Math.max(...prices)).toBeLessThanOrEqual(1_200_000);
    expect(Math.max(...prices)).toBeGreaterThan(600_000);
    const ready = products.filter((p) => p.ready_to_ship === 1);
    expect(ready.length / products.length).toBeGreaterThan(0.7);
    expect(ready.some((p) => p.stock === 0)).toBe(true);
    expect(products.some((p) => p.ready_to_ship === 0)).toBe(true);
  });

  it('names each design once per metal: two pieces of one name and metal would not be variants of one design', async () => {
    const products = await db.kysely.selectFrom('products').select(['name', 'metal', 'category', 'stone', 'slug']).execute();
    const byNameAndMetal = new Map<string, string[]>();
    for (const p of products) byNameAndMetal.set(`${p.name} in ${p.metal}`, [...(byNameAndMetal.get(`${p.name} in ${p.metal}`) ?? []), p.slug]);
    expect([...byNameAndMetal].filter(([, slugs]) => slugs.length > 1)).toEqual([]);
    // The same name in several metals is one design: same category and stone.
    const designs = new Map<string, Set<string>>();
    for (const p of products) designs.set(p.name, (designs.get(p.name) ?? new Set()).add(`${p.category}/${p.stone}`));
    expect([...designs].filter(([, kinds]) => kinds.size > 1)).toEqual([]);
    expect([...designs.keys()].length).toBeLessThan(products.length);
  });

  it('has at least 50 customers, about one in ten VIP', async () => {
    const customers = await db.kysely.selectFrom('customers').selectAll().execute();
    expect(customers.length).toBeGreaterThanOrEqual(50);
    const vipShare = customers.filter((c) => c.tier === 'vip').length / customers.length;
    expect(vipShare).toBeGreaterThan(0.07);
    expect(vipShare).toBeLessThan(0.15);
  });

  it('has at least 300 orders in every status, with carriers, tracking and timelines that fit the status', async () => {
    const orders = await db.kysely.selectFrom('orders').selectAll().execute();
    expect(orders.length).toBeGreaterThanOrEqual(300);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['processing', 'shipped', 'out_for_delivery', 'delivered', 'delayed', 'cancelled']));
    for (const order of orders) {
      expect(order.number).toMatch(/^GG-\d{6}$/);
      const shipped = ['shipped', 'out_for_delivery', 'delivered', 'delayed'].includes(order.status);
      expect(Boolean(order.tracking_number && order.carrier && order.tracking_url?.startsWith('https://'))).toBe(shipped);
      expect(order.placed_at <= SEED_NOW.toISOString()).toBe(true);
    }
    const delivered = orders.find((o) => o.status === 'delivered')!;
    const events = await db.kysely.selectFrom('order_events').select('type').where('order_id', '=', delivered.id).orderBy('at').execute();
    expect(events.map((e) => e.type)).toEqual(['order_placed', 'payment_confirmed', 'packed', 'shipped', 'in_transit', 'out_for_delivery', 'delivered']);
    const items = await db.kysely.selectFrom('order_items').select(sql<number>`count(distinct order_id)`.as('n')).executeTakeFirstOrThrow();
    expect(Number(items.n)).toBe(orders.length);
  });

  it('is deterministic: the showcase order GG-104233 belongs to Ava Martinez and is shipped', async () => {
    const order = await db.kysely.selectFrom('orders').selectAll().where('number', '=', 'GG-104233').executeTakeFirstOrThrow();
    expect(order).toMatchObject({ email: 'ava.martinez@example.com', status: 'shipped' });
  });
});
