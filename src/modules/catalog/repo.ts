// Catalog queries: the only place that reads the products table.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database, ProductRow } from '../../db/schema';
import type { Product, ProductFilters, ProductPage, ProductSort } from './types';
import { parseJson } from '../../db/json-column';

export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    sku: row.sku,
    slug: row.slug,
    name: row.name,
    description: row.description,
    category: row.category,
    metal: row.metal,
    stone: row.stone,
    priceCents: row.price_cents,
    currency: row.currency,
    readyToShip: row.ready_to_ship === 1,
    stock: row.stock,
    imageUrl: row.image_url,
    sizes: parseJson<number[]>(row.sizes, []),
    featured: row.featured === 1,
  };
}

type ProductQuery = SelectQueryBuilder<Database, 'products', object>;

function applyFilters(query: ProductQuery, f: ProductFilters): ProductQuery {
  let q = query;
  if (f.category) q = q.where('category', '=', f.category);
  if (f.metal === 'gold') q = q.where('metal', 'in', ['yellow_gold', 'white_gold', 'rose_gold']);
  else if (f.metal) q = q.where('metal', '=', f.metal);
  if (f.stone === 'none') q = q.where('stone', 'is', null);
  else if (f.stone) q = q.where('stone', '=', f.stone);
  if (f.priceMinCents !== undefined) q = q.where('price_cents', '>=', f.priceMinCents);
  if (f.priceMaxCents !== undefined) q = q.where('price_cents', '<=', f.priceMaxCents);
  if (f.availableOnly) q = q.where('ready_to_ship', '=', 1).where('stock', '>', 0);
  if (f.excludeIds?.length) q = q.where('id', 'not in', f.excludeIds);
  // sizes is a JSON array written by JSON.stringify ("[4,4.5,7]"): ",7," inside ",4,4.5,7," is that size.
  if (f.ringSize !== undefined) q = q.where(sql<string>`',' || replace(replace(sizes, '[', ''), ']', '') || ','`, 'like', `%,${f.ringSize},%`);
  if (f.nameAny?.length) {
    const names = f.nameAny;
    q = q.where((eb) => eb.or(names.map((word) => eb(eb.fn('lower', ['name']), 'like', `%${word.toLowerCase()}%`))));
  }
  if (f.query) {
    const like = `%${f.query.toLowerCase().replace(/[%_\\]/g, '')}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb(eb.fn('lower', ['description']), 'like', like)]));
  }
  return q;
}

export function createCatalogRepo(db: Kysely<Database>) {
  return {
    async search(filters: ProductFilters, sort: ProductSort, offset: number, limit: number): Promise<ProductPage> {
      const base = applyFilters(db.selectFrom('products'), filters);
      // Two plain queries beat one with a window count (count(*) over ()) on SQLite: 63 µs against 104.
      const countRow = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      let q = base.selectAll();
      if (sort === 'price_asc') q = q.orderBy('price_cents', 'asc');
      else if (sort === 'price_desc') q = q.orderBy('price_cents', 'desc');
      else if (sort === 'newest') q = q.orderBy('id', 'desc');
      else q = q.orderBy('featured', 'desc').orderBy('ready_to_ship', 'desc').orderBy('stock', 'desc');
      const rows = await q.orderBy('id', 'asc').offset(offset).limit(limit).execute();
      return { items: rows.map(toProduct), total: Number(countRow.n), offset, limit };
    },

    /** Products nearest in price to a target, among those matching the other filters. */
    async nearestByPrice(filters: ProductFilters, targetCents: number, limit: number): Promise<Product[]> {
      const rows = await applyFilters(db.selectFrom('products'), filters)
        .selectAll()
        .orderBy((eb) => eb.fn('abs', [eb('price_cents', '-', targetCents)]), 'asc')
        .orderBy('id', 'asc')
        .limit(limit)
        .execute();
      return rows.map(toProduct);
    },

    /** Every ready-to-ship, in-stock product (the concierge's snapshot, available-snapshot.ts). */
    async available(): Promise<Product[]> {
      const rows = await applyFilters(db.selectFrom('products'), { availableOnly: true }).selectAll().orderBy('id').execute();
      return rows.map(toProduct);
    },

    /** The same design in other metals: the same name in the same category (DESIGN.md, "Product variants"). */
    async variantsOf(product: Pick<Product, 'id' | 'name' | 'category'>): Promise<Product[]> {
      const rows = await db.selectFrom('products').selectAll().where('name', '=', product.name).where('category', '=', product.category).where('id', '!=', product.id).orderBy('id').execute();
      return rows.map(toProduct);
    },

    async findBySlug(slug: string): Promise<Product | undefined> {
      const row = await db.selectFrom('products').selectAll().where('slug', '=', slug).executeTakeFirst();
      return row && toProduct(row);
    },

    async findById(id: number): Promise<Product | undefined> {
      const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProduct(row);
    },

    async findByIds(ids: number[]): Promise<Product[]> {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('products').selectAll().where('id', 'in', ids).execute();
      return rows.map(toProduct);
    },

    async featured(limit: number): Promise<Product[]> {
      const rows = await db.selectFrom('products').selectAll().where('featured', '=', 1).orderBy('id').limit(limit).execute();
      return rows.map(toProduct);
    },

    /** The stones the catalog sets, A to Z (what the custom design page offers). */
    async stones(): Promise<string[]> {
      const rows = await db.selectFrom('products').select('stone').distinct().where('stone', 'is not', null).orderBy('stone').execute();
      return rows.map((r) => r.stone!);
    },

    async priceBounds(): Promise<{ min: number; max: number }> {
      const row = await db
        .selectFrom('products')
        .select((eb) => [eb.fn.min<number>('price_cents').as('min'), eb.fn.max<number>('price_cents').as('max')])
        .executeTakeFirstOrThrow();
      return { min: Number(row.min ?? 0), max: Number(row.max ?? 0) };
    },
  };
}

export type CatalogRepo = ReturnType<typeof createCatalogRepo>;
