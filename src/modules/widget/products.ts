// Catalog products in the engine's words: product blocks (major units, page URLs) and search filters.
import type { CurrentProduct, ProductSummary, SearchFilters, Style } from '../../engine/index';
import { availabilityOf, MADE_TO_ORDER_LEAD_TIME, type Product, type ProductFilters, type ProductSort } from '../catalog/types';

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

/** The piece on the page with its variants (the same design in other metals): every fact the concierge may state. */
export function currentProduct(product: Product, variants: readonly Product[]): CurrentProduct {
  const availability = availabilityOf(product);
  return {
    id: product.id,
    name: product.name,
    category: product.category,
    metal: product.metal,
    stone: product.stone,
    price: product.priceCents / 100,
    availability,
    ...(availability === 'made_to_order' && { leadTime: MADE_TO_ORDER_LEAD_TIME }),
    sizes: product.sizes,
    slug: product.slug,
    url: `/products/${product.slug}`,
    imageUrl: product.imageUrl,
    variants: variants.map((variant) => {
      const { id, slug, metal, url, imageUrl, price } = productSummary(variant);
      return { id, slug, metal, url, imageUrl, price, availability: availabilityOf(variant) };
    }),
  };
}

/**
 * The catalog designs each style means, by words of the product names (the demo catalog has no tags).
 * "Mens" is the plain signet rings and bands: the catalog marks nothing as men's, and these are what a
 * stylist would show first. `plain`: pieces without a stone.
 */
const STYLE_DESIGNS: Record<Style, { names: string[]; plain?: boolean }> = {
  engagement: { names: ['Solitaire Ring', 'Halo Ring', 'Three-Stone Ring'] },
  wedding: { names: ['Eternity Band'] },
  mens: { names: ['Signet Ring', 'Eternity Band'], plain: true },
  stacking: { names: ['Stacking Ring'] },
  signet: { names: ['Signet Ring'] },
  solitaire: { names: ['Solitaire'] },
  halo: { names: ['Halo'] },
  cocktail: { names: ['Cocktail Ring'] },
  three_stone: { names: ['Three-Stone'] },
  eternity: { names: ['Eternity Band'] },
  hoops: { names: ['Hoop Earrings', 'Huggie Earrings'] },
  studs: { names: ['Stud Earrings'] },
  huggies: { names: ['Huggie Earrings'] },
  tennis: { names: ['Tennis'] },
  bangle: { names: ['Bangle'] },
  cuff: { names: ['Cuff Bracelet'] },
  charm: { names: ['Charm Bracelet'] },
  locket: { names: ['Locket Pendant'] },
  choker: { names: ['Choker'] },
  lariat: { names: ['Lariat Necklace'] },
};

function styleFilters(style: Style | undefined, stone: string | undefined): Pick<ProductFilters, 'nameAny' | 'stone'> {
  if (!style) return {};
  const design = STYLE_DESIGNS[style];
  // "Mens wedding bands with a diamond": a stone the customer names wins over "plain".
  return { nameAny: design.names, ...(design.plain && !stone && { stone: 'none' }) };
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
      ringSize: filters.ringSize,
      ...styleFilters(filters.style, filters.stone),
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
