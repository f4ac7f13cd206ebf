// Catalog use-cases: browse with filters, product pages, concierge recommendations.
import { notFound } from '../../errors';
import { createAvailableSnapshot, type ProductSource } from './available-snapshot';
import type { CatalogRepo } from './repo';
import type { Product, ProductFilters, ProductPage, ProductSort } from './types';

export interface Recommendation {
  items: Product[];
  total: number;
  /** When nothing matches: the nearest pieces (closest price, then any metal). */
  alternatives: Product[];
}

export interface CatalogOptions {
  /** How long the concierge may recommend from an in-memory snapshot of available pieces; 0: always ask the database. */
  snapshotMs?: number;
  now?: () => Date;
}

export function createCatalogService(repo: CatalogRepo, options: CatalogOptions = {}) {
  const snapshot = options.snapshotMs ? createAvailableSnapshot(() => repo.available(), options.snapshotMs, options.now) : undefined;
  const source: ProductSource = snapshot ?? repo;

  return {
    browse(filters: ProductFilters, sort: ProductSort, page: number, pageSize: number): Promise<ProductPage> {
      return repo.search(filters, sort, (page - 1) * pageSize, pageSize);
    },

    async getBySlug(slug: string): Promise<Product> {
      const product = await repo.findBySlug(slug);
      if (!product) throw notFound('That piece');
      return product;
    },

    async getById(id: number): Promise<Product> {
      const product = await repo.findById(id);
      if (!product) throw notFound('That piece');
      return product;
    },

    findByIds: (ids: number[]) => repo.findByIds(ids),
    variantsOf: (product: Product) => repo.variantsOf(product),
    featured: (limit: number) => repo.featured(limit),
    priceBounds: () => repo.priceBounds(),
    stones: () => repo.stones(),

    /** Stock or the catalog changed in this instance: the next recommendation reads the database. */
    productsChanged(): void {
      snapshot?.invalidate();
    },

    /**
     * Ready-to-ship, in-stock pieces for the concierge. With no match, the honest answer comes
     * with alternatives: the same budget in another metal, then the same filters at the closest price.
     */
    async recommend(filters: ProductFilters, sort: ProductSort, offset: number, limit: number): Promise<Recommendation> {
      const available = { ...filters, availableOnly: true };
      const page = await source.search(available, sort, offset, limit);
      if (page.total > 0) return { items: page.items, total: page.total, alternatives: [] };
      const target = filters.priceMaxCents ?? filters.priceMinCents;
      const { priceMinCents: _min, priceMaxCents: _max, ...withoutPrice } = available;
      const { metal: _metal, ...anyMetal } = available;
      let alternatives: Product[] = [];
      // The customer's budget first: the same pieces in another metal, then the same metal at the closest price.
      if (filters.metal && target !== undefined) alternatives = (await source.search(anyMetal, sort, 0, limit)).items;
      if (alternatives.length === 0 && target !== undefined) alternatives = await source.nearestByPrice(withoutPrice, target, limit);
      if (alternatives.length === 0 && filters.metal) alternatives = (await source.search(anyMetal, 'featured', 0, limit)).items;
      if (alternatives.length === 0 && filters.stone) {
        const { stone: _stone, ...anyStone } = withoutPrice;
        alternatives = target !== undefined ? await source.nearestByPrice(anyStone, target, limit) : (await source.search(anyStone, 'featured', 0, limit)).items;
      }
      return { items: [], total: 0, alternatives };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
