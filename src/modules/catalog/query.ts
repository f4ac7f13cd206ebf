// Turns the catalog query (major units, page numbers) into repository filters (minor units, offsets).
import { invalid } from '../../errors';
import type { CatalogQuery } from './schema';
import type { ProductFilters, ProductSort } from './types';

export function toFilters(query: CatalogQuery, defaultPageSize: number): { filters: ProductFilters; sort: ProductSort; page: number; pageSize: number } {
  if (query.priceMin !== undefined && query.priceMax !== undefined && query.priceMin > query.priceMax) {
    throw invalid('The minimum price must not be above the maximum price.', { field: 'priceMin' });
  }
  return {
    filters: {
      category: query.category,
      metal: query.metal,
      stone: query.stone,
      priceMinCents: query.priceMin !== undefined ? Math.round(query.priceMin * 100) : undefined,
      priceMaxCents: query.priceMax !== undefined ? Math.round(query.priceMax * 100) : undefined,
      availableOnly: query.available,
      query: query.q?.trim() || undefined,
    },
    sort: query.sort ?? 'featured',
    page: query.page ?? 1,
    pageSize: query.pageSize ?? defaultPageSize,
  };
}

/** HTML forms send empty strings for untouched fields; treat them as absent before validation. */
export function dropEmptyParams(query: unknown): void {
  if (!query || typeof query !== 'object') return;
  const record = query as Record<string, unknown>;
  for (const key of Object.keys(record)) if (record[key] === '') delete record[key];
}
