import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { migrateToLatest } from '../../db/migrate';
import { seedDemoData } from '../../db/seed/index';
import { createAvailableSnapshot } from './available-snapshot';
import { createCatalogRepo, type CatalogRepo } from './repo';
import { createCatalogService } from './service';
import { CATEGORIES, type ProductFilters, type ProductSort } from './types';

const SORTS: ProductSort[] = ['featured', 'price_asc', 'price_desc', 'newest'];

/** Filter combinations the concierge asks for: every category, metals (and "gold"), stones, budgets. */
function filterGrid(stones: string[]): ProductFilters[] {
  const metals: (ProductFilters['metal'] | undefined)[] = [undefined, 'gold', 'rose_gold', 'platinum', 'silver'];
  const budgets: Pick<ProductFilters, 'priceMinCents' | 'priceMaxCents'>[] = [{}, { priceMaxCents: 50_000 }, { priceMinCents: 20_000, priceMaxCents: 80_000 }, { priceMinCents: 150_000 }, { priceMaxCents: 1_000 }];
  const grid: ProductFilters[] = [];
  for (const category of [undefined, ...CATEGORIES])
    for (const metal of metals)
      for (const stone of [undefined, 'none', ...stones])
        for (const budget of budgets) grid.push({ category, metal, stone, ...budget, availableOnly: true });
  return grid;
}

describe.each(TEST_DIALECTS)('the available-products snapshot on %s', (dialect) => {
  let db: TestDb;
  let repo: CatalogRepo;
  let stones: string[];
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
    await seedDemoData(db);
    repo = createCatalogRepo(db.kysely);
    stones = [...new Set((await repo.available()).map((p) => p.stone).filter((s): s is string => s !== null))].slice(0, 3);
  });
  afterAll(() => db.destroy());

  it('finds, counts and orders exactly what the SQL search does', async () => {
    const snapshot = createAvailableSnapshot(() => repo.available(), 60_000);
    const grid = filterGrid(stones);
    let nonEmpty = 0;
    for (const [i, filters] of grid.entries()) {
      const sort = SORTS[i % SORTS.length]!;
      const offset = i % 3 === 0 ? 4 : 0;
      const expected = await repo.search(filters, sort, offset, 4);
      expect(await snapshot.search(filters, sort, offset, 4), JSON.stringify({ filters, sort })).toEqual(expected);
      if (expected.total > 0) nonEmpty++;
      if (i % 7 === 0) expect(await snapshot.nearestByPrice(filters, 42_000, 4)).toEqual(await repo.nearestByPrice(filters, 42_000, 4));
    }
    // The grid is not vacuous: most combinations find something, some find nothing.
    expect(nonEmpty).toBeGreaterThan(grid.length / 4);
    expect(nonEmpty).toBeLessThan(grid.length);
    expect(await snapshot.search({ availableOnly: true, excludeIds: [1, 2, 3], query: 'ring' }, 'featured', 0, 10)).toEqual(await repo.search({ availableOnly: true, excludeIds: [1, 2, 3], query: 'ring' }, 'featured', 0, 10));
    // Ring sizes (a JSON column, matched as text in SQL) and style names.
    for (const filters of [{ ringSize: 7 }, { ringSize: 4.5, metal: 'gold' as const }, { ringSize: 9.5 }, { nameAny: ['Signet Ring', 'Eternity Band'] }, { nameAny: ['hoop'], stone: 'none' }]) {
      const expected = await repo.search({ ...filters, availableOnly: true }, 'price_asc', 0, 50);
      expect(expected.total, JSON.stringify(filters)).toBeGreaterThan(0);
      expect(await snapshot.search({ ...filters, availableOnly: true }, 'price_asc', 0, 50), JSON.stringify(filters)).toEqual(expected);
      if (filters.ringSize !== undefined) for (const p of expected.items) expect(p.sizes).toContain(filters.ringSize);
    }
  });

  it('shows a stock change at once after productsChanged(), and one made elsewhere once it is older than its age limit', async () => {
    let clock = new Date('2026-11-26T10:00:00.000Z');
    const catalog = createCatalogService(repo, { snapshotMs: 5_000, now: () => clock });
    const first = (await catalog.recommend({ category: 'ring' }, 'featured', 0, 1)).items[0]!;
    const setStock = (stock: number) => db.kysely.updateTable('products').set({ stock }).where('id', '=', first.id).execute();

    await setStock(0); // sold out by another instance
    clock = new Date(clock.getTime() + 4_000);
    expect((await catalog.recommend({ category: 'ring' }, 'featured', 0, 1)).items[0]!.id).toBe(first.id);
    clock = new Date(clock.getTime() + 1_001);
    expect((await catalog.recommend({ category: 'ring' }, 'featured', 0, 1)).items[0]!.id).not.toBe(first.id);

    await setStock(first.stock); // back in stock, in this instance
    catalog.productsChanged();
    expect((await catalog.recommend({ category: 'ring' }, 'featured', 0, 1)).items[0]!.id).toBe(first.id);
  });
});
