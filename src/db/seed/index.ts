// Seeds the demo store ("staging": all test data) deterministically; runs in one transaction.
import type { Db } from '../connection';
import { createRandom } from './random';
import { generateProducts } from './products';
import { generateCustomers } from './people';
import { generateOrders } from './orders';

export interface SeedOptions {
  now?: Date;
  currency?: string;
  products?: number;
  customers?: number;
  orders?: number;
}

export interface SeedSummary {
  products: number;
  customers: number;
  orders: number;
}

const BATCH = 100;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** True when the catalog is empty (a fresh database). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('products').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

export async function seedDemoData(db: Db, options: SeedOptions = {}): Promise<SeedSummary> {
  const now = options.now ?? new Date();
  const currency = options.currency ?? 'USD';
  const createdAt = new Date(now.getTime() - 200 * 86_400_000).toISOString();
  const random = createRandom(20251019);
  const products = generateProducts(random, options.products ?? 240, currency, createdAt);
  const customers = generateCustomers(random, options.customers ?? 60);
  const orders = generateOrders(random, options.orders ?? 360, now, currency, customers, products);

  await db.kysely.transaction().execute(async (trx) => {
    if ((await trx.selectFrom('products').select('id').limit(1).execute()).length > 0) {
      throw new Error('The database already has a catalog; seed only an empty database.');
    }
    await insertInBatches(products, (batch) => trx.insertInto('products').values(batch).execute());
    await insertInBatches(customers, (batch) =>
      trx.insertInto('customers').values(batch.map((c) => ({ ...c, created_at: createdAt }))).execute(),
    );
    const productIds = new Map((await trx.selectFrom('products').select(['id', 'sku']).execute()).map((p) => [p.sku, p.id]));
    const customerIds = new Map((await trx.selectFrom('customers').select(['id', 'email']).execute()).map((c) => [c.email, c.id]));
    for (const { order, items, events } of orders) {
      const { customerIndex, ...values } = order;
      const inserted = await trx
        .insertInto('orders')
        .values({ ...values, customer_id: customerIds.get(customers[customerIndex]!.email) ?? null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('order_items')
        .values(items.map(({ productIndex: _, ...it }) => ({ ...it, order_id: inserted.id, product_id: productIds.get(it.sku) ?? null })))
        .execute();
      await trx
        .insertInto('order_events')
        .values(events.map((e) => ({ order_id: inserted.id, type: e.type, at: e.at, data: JSON.stringify(e.data ?? {}) })))
        .execute();
    }
  });
  return { products: products.length, customers: customers.length, orders: orders.length };
}
