// Catalog use-cases: browse with filters, product pages, concierge recommendations.
import { notFound } from '../../errors';
import type { CatalogRepo } from './repo';
import type { Product, ProductFilters, ProductPage, ProductSort } from './types';

export interface Recommendation {
  items: Product[];
  total: number;
  /** When nothing matches: the nearest pieces (closest price, then any metal). */
  alternatives: Product[];
}

export function createCatalogService(repo: CatalogRepo) {
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
    featured: (limit: number) => repo.featured(limit),
    priceBounds: () => repo.priceBounds(),

    /**
     * Ready-to-ship, in-stock pieces for the concierge. With no match, the honest answer comes
     * with alternatives: the same budget in another metal, then the same filters at the closest price.
     */
    async recommend(filters: ProductFilters, sort: ProductSort, offset: number, limit: number): Promise<Recommendation> {
      const available = { ...filters, availableOnly: true };
      const page = await repo.search(available, sort, offset, limit);
      if (page.total > 0) return { items: page.items, total: page.total, alternatives: [] };
      const target = filters.priceMaxCents ?? filters.priceMinCents;
      const { priceMinCents: _min, priceMaxCents: _max, ...withoutPrice } = available;
      const { metal: _metal, ...anyMetal } = available;
      let alternatives: Product[] = [];
      // The customer's budget first: the same pieces in another metal, then the same metal at the closest price.
      if (filters.metal && target !== undefined) alternatives = (await repo.search(anyMetal, sort, 0, limit)).items;
      if (alternatives.length === 0 && target !== undefined) alternatives = await repo.nearestByPrice(withoutPrice, target, limit);
      if (alternatives.length === 0 && filters.metal) alternatives = (await repo.search(anyMetal, 'featured', 0, limit)).items;
      if (alternatives.length === 0 && filters.stone) {
        const { stone: _stone, ...anyStone } = withoutPrice;
        alternatives = target !== undefined ? await repo.nearestByPrice(anyStone, target, limit) : (await repo.search(anyStone, 'featured', 0, limit)).items;
      }
      return { items: [], total: 0, alternatives };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
