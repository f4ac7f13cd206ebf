// Domain types of the catalog as the rest of the service sees them (prices in minor units).
import type { Category, Metal } from '../../db/schema';
import { metalLabel } from '../../engine/replies/format';
import { LEAD_TIMES } from '../../engine/knowledge/lead-times';

export const CATEGORIES: readonly Category[] = ['ring', 'necklace', 'pendant', 'earrings', 'bracelet'];
export const METALS: readonly Metal[] = ['yellow_gold', 'white_gold', 'rose_gold', 'platinum', 'silver'];

export interface Product {
  id: number;
  sku: string;
  slug: string;
  name: string;
  description: string;
  category: Category;
  metal: Metal;
  stone: string | null;
  priceCents: number;
  currency: string;
  readyToShip: boolean;
  stock: number;
  imageUrl: string;
  sizes: number[];
  featured: boolean;
}

export interface ProductFilters {
  category?: Category;
  /** `gold` means any of the three golds. */
  metal?: Metal | 'gold';
  stone?: string;
  priceMinCents?: number;
  priceMaxCents?: number;
  /** Only ready-to-ship pieces that are in stock (what the concierge recommends). */
  availableOnly?: boolean;
  query?: string;
  excludeIds?: number[];
  /** Pieces offered in this ring size. */
  ringSize?: number;
  /** Pieces whose name contains any of these words (a style: "Signet Ring", "Hoop"). */
  nameAny?: string[];
}

/** How long pieces take (data/lead-times.json): the one source for the store pages, the FAQ and the concierge. */
export { LEAD_TIMES };
export const MADE_TO_ORDER_LEAD_TIME = LEAD_TIMES.madeToOrder;

/** Whether a piece can ship now, as the product page and the concierge say it. */
export function availabilityOf(product: Pick<Product, 'readyToShip' | 'stock'>): 'ready_to_ship' | 'made_to_order' | 'sold_out' {
  if (!product.readyToShip) return 'made_to_order';
  return product.stock > 0 ? 'ready_to_ship' : 'sold_out';
}

export type ProductSort = 'featured' | 'price_asc' | 'price_desc' | 'newest';

export interface ProductPage {
  items: Product[];
  total: number;
  offset: number;
  limit: number;
}

export const CATEGORY_LABEL: Record<Category, string> = { ring: 'Rings', necklace: 'Necklaces', pendant: 'Pendants', earrings: 'Earrings', bracelet: 'Bracelets' };
export const METAL_LABEL = Object.fromEntries(METALS.map((metal) => [metal, metalLabel(metal)])) as Record<Metal, string>;
