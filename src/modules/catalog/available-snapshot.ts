// What can ship now (ready-to-ship, in stock), held in memory for a few seconds: a chat turn filters and
// ranks these instead of asking the database twice (count and page). The same filters and orders as the
// repository's SQL (repo.ts); a test compares the two over the seeded catalog on both databases.
import type { Product, ProductFilters, ProductPage, ProductSort } from './types';

/** Where recommendations come from: the repository (SQL) or this snapshot. */
export interface ProductSource {
  search(filters: ProductFilters, sort: ProductSort, offset: number, limit: number): Promise<ProductPage>;
  nearestByPrice(filters: ProductFilters, targetCents: number, limit: number): Promise<Product[]>;
}

const GOLDS: ReadonlySet<string> = new Set(['yellow_gold', 'white_gold', 'rose_gold']);

/** The repository's `applyFilters`, on one product. */
export function matchesFilters(p: Product, f: ProductFilters): boolean {
  if (f.category && p.category !== f.category) return false;
  if (f.metal === 'gold' ? !GOLDS.has(p.metal) : f.metal && p.metal !== f.metal) return false;
  if (f.stone === 'none' ? p.stone !== null : f.stone && p.stone !== f.stone) return false;
  if (f.priceMinCents !== undefined && p.priceCents < f.priceMinCents) return false;
  if (f.priceMaxCents !== undefined && p.priceCents > f.priceMaxCents) return false;
  if (f.availableOnly && !(p.readyToShip && p.stock > 0)) return false;
  if (f.excludeIds?.includes(p.id)) return false;
  if (f.ringSize !== undefined && !p.sizes.includes(f.ringSize)) return false;
  if (f.nameAny?.length && !f.nameAny.some((word) => p.name.toLowerCase().includes(word.toLowerCase()))) return false;
  if (f.query) {
    const needle = f.query.toLowerCase().replace(/[%_\\]/g, '');
    if (!p.name.toLowerCase().includes(needle) && !p.description.toLowerCase().includes(needle)) return false;
  }
  return true;
}

const byId = (a: Product, b: Product) => a.id - b.id;
const flag = (value: boolean) => (value ? 1 : 0);

/** The repository's ORDER BY for each sort, ties by id. */
const ORDER: Record<ProductSort, (a: Product, b: Product) => number> = {
  price_asc: (a, b) => a.priceCents - b.priceCents || byId(a, b),
  price_desc: (a, b) => b.priceCents - a.priceCents || byId(a, b),
  newest: (a, b) => b.id - a.id,
  featured: (a, b) => flag(b.featured) - flag(a.featured) || flag(b.readyToShip) - flag(a.readyToShip) || b.stock - a.stock || byId(a, b),
};

export interface AvailableSnapshot extends ProductSource {
  /** Forget the snapshot: the next search reads the database (after a local stock or catalog change). */
  invalidate(): void;
}

/**
 * A snapshot of `loadAvailable()` reloaded when older than `maxAgeMs`; concurrent readers share one load.
 * Another instance's stock change shows here within `maxAgeMs`; a change in this instance calls
 * `invalidate()`. Only available-only searches (what the concierge recommends) can be answered from it.
 */
export function createAvailableSnapshot(loadAvailable: () => Promise<Product[]>, maxAgeMs: number, now: () => Date = () => new Date()): AvailableSnapshot {
  let products: Product[] | undefined;
  let loadedAt = 0;
  let generation = 0;
  let loading: Promise<Product[]> | undefined;

  function current(): Promise<Product[]> {
    if (products && now().getTime() - loadedAt < maxAgeMs) return Promise.resolve(products);
    if (!loading) {
      const startedIn = generation;
      const startedAt = now().getTime();
      const load: Promise<Product[]> = loadAvailable()
        .then((loaded) => {
          // A change made while this load ran may be missing from it: use it once, keep nothing.
          if (startedIn === generation) {
            products = loaded;
            loadedAt = startedAt;
          }
          return loaded;
        })
        .finally(() => {
          if (loading === load) loading = undefined;
        });
      loading = load;
    }
    return loading;
  }

  async function matching(filters: ProductFilters): Promise<Product[]> {
    if (!filters.availableOnly) throw new Error('The available-products snapshot answers available-only searches.');
    return (await current()).filter((p) => matchesFilters(p, filters));
  }

  return {
    async search(filters, sort, offset, limit) {
      const found = await matching(filters);
      return { items: found.sort(ORDER[sort]).slice(offset, offset + limit), total: found.length, offset, limit };
    },

    async nearestByPrice(filters, targetCents, limit) {
      const distance = (p: Product) => Math.abs(p.priceCents - targetCents);
      return (await matching(filters)).sort((a, b) => distance(a) - distance(b) || byId(a, b)).slice(0, limit);
    },

    invalidate() {
      generation++;
      products = undefined;
      loading = undefined;
    },
  };
}
