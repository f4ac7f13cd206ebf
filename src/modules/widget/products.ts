// Catalog products in the engine's words: product blocks (major units, page URLs) and search filters.
import type { CurrentProduct, ProductSummary, SearchFilters } from '../../engine/index';
import type { Product, ProductFilters, ProductSort } from '../catalog/types';

/** A product as a `products` reply block item (DESIGN.md): price in major units, canonical category and metal. */
export function productSummary(product: Product): ProductSummary {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    price: product.priceCents / 100,
    currency: product.currency,
    category: product.category,
    metal: product.metal,
    stone: product.stone,
    url: `/products/${product.slug}`,
    imageUrl: product.imageUrl,
  };
}

/** The piece on the page, for questions like "does this come in white gold?". */
export function currentProduct(product: Product): CurrentProduct {
  return { id: product.id, name: product.name, category: product.category, metal: product.metal, stone: product.stone, price: product.priceCents / 100 };
}

const toCents = (amount: number | undefined) => (amount === undefined ? undefined : Math.round(amount * 100));

/** The engine's filters as a catalog query; "similar to" a piece means its kind, without the piece itself. */
export function catalogQuery(filters: SearchFilters): { filters: ProductFilters; sort: ProductSort } {
  const similarTo = Number(filters.similarTo);
  return {
    filters: {
      category: filters.category,
      metal: filters.metal,
      stone: filters.stone,
      priceMinCents: toCents(filters.priceMin),
      priceMaxCents: toCents(filters.priceMax),
      ...(Number.isInteger(similarTo) && similarTo > 0 ? { excludeIds: [similarTo] } : {}),
    },
    sort: filters.sort ?? 'featured',
  };
}

/** A product id from the engine (number or numeric text), or undefined. */
export function productIdOf(id: string | number): number | undefined {
  const value = Number(id);
  return Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
