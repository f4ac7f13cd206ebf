// Product discovery across turns: new searches and refinements ("in rose gold", "cheaper", "show more").
// Questions about the piece on the page are product-page.ts.
import type { Action, Category, ConversationState, Decision, EngineContext, SearchFilters, Style, Understanding } from '../types';

export const PAGE_SIZE = 4;

const PRICE_STEP = 0.01;

/** Categories sold in ring sizes: a size means nothing for a bangle or a pendant. */
const SIZED_CATEGORIES: ReadonlySet<Category> = new Set(['ring']);

/** The category a style belongs to, when it has only one ("hoops" are earrings; "tennis" may be a necklace or a bracelet). */
const STYLE_CATEGORY: Partial<Record<Style, Category>> = {
  engagement: 'ring', wedding: 'ring', mens: 'ring', stacking: 'ring', signet: 'ring', cocktail: 'ring', three_stone: 'ring', eternity: 'ring',
  hoops: 'earrings', studs: 'earrings', huggies: 'earrings',
  bangle: 'bracelet', cuff: 'bracelet', charm: 'bracelet',
  locket: 'pendant', choker: 'necklace', lariat: 'necklace',
};

function withoutUndefined(filters: SearchFilters): SearchFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as SearchFilters;
}

/**
 * The previous filters refined by this message. What a new message keeps or drops (DESIGN.md, "Search keeps"):
 * - "start over" drops everything; a piece it was "similar to" never carries over.
 * - A named category, metal, stone, style, size or price replaces the old one; "not rose gold" clears it.
 * - A new category or style (said, or implied by a style: "hoops") with a detail of its own ("bracelets under
 *   1,500", "mens wedding bands") is a new search: nothing else carries over. Named alone ("and necklaces?")
 *   it keeps metal, stone and a stated budget, and drops the size, the style and a price that came from
 *   "cheaper"/"pricier" (it belonged to the old category's prices).
 * - A ring size applies to sized categories only (rings): with no category it means rings, with another it is dropped.
 * - "Cheaper"/"pricier" move the price below/above what was shown and keep everything else.
 */
export const CHEAPEST = /\b(?:cheapest|least expensive|lowest[- ]priced?|most affordable|lowest price)\b/;

export function refineFilters(previous: SearchFilters, understanding: Understanding, state: ConversationState): SearchFilters {
  const { entities, cues } = understanding;
  const base: SearchFilters = cues.refinement === 'reset' ? {} : { ...previous, similarTo: undefined };
  for (const key of ['category', 'metal', 'stone'] as const) {
    const unwanted = cues.ruledOut?.[key];
    // "Not gold" rules out every gold; "not rose gold" only rose gold.
    if (unwanted && (base[key] === unwanted || (unwanted === 'gold' && String(base[key]).endsWith('gold')))) delete base[key];
  }
  const styleCategory = entities.style ? STYLE_CATEGORY[entities.style] : undefined;
  const category = entities.category ?? styleCategory;
  const newPrice = entities.priceMin !== undefined || entities.priceMax !== undefined;
  const newCategory = category !== undefined && category !== previous.category;
  const newKind = newCategory || (entities.style !== undefined && entities.style !== previous.style);
  const ownDetails = newPrice || entities.metal !== undefined || entities.stone !== undefined || entities.ringSize !== undefined || (entities.style !== undefined && entities.category !== undefined);
  if (newKind && ownDetails) for (const key of Object.keys(base) as (keyof SearchFilters)[]) delete base[key];
  if (newCategory) Object.assign(base, { ringSize: undefined, style: undefined });
  // A price found by "cheaper" (marked by its sort) belonged to the old category's prices: a new category drops it.
  if (base.sort && (newPrice || newCategory)) Object.assign(base, { sort: undefined, ...(!newPrice && { priceMin: undefined, priceMax: undefined }) });
  const filters: SearchFilters = {
    ...base,
    ...(category && { category }),
    ...(entities.metal && { metal: entities.metal }),
    ...(entities.stone && { stone: entities.stone }),
    ...(entities.style && { style: entities.style }),
    ...(entities.ringSize !== undefined && { ringSize: entities.ringSize }),
    ...(newPrice && { priceMin: entities.priceMin, priceMax: entities.priceMax }),
  };
  if (filters.ringSize !== undefined) {
    if (filters.category === undefined) filters.category = 'ring';
    else if (!SIZED_CATEGORIES.has(filters.category)) filters.ringSize = undefined;
  }
  // A style of another kind ("tennis" after rings stays; "hoops" with rings named does not).
  if (filters.style && STYLE_CATEGORY[filters.style] && filters.category && STYLE_CATEGORY[filters.style] !== filters.category) filters.style = undefined;
  const prices = state.shown.map((item) => item.price);
  // "The cheapest diamond ring" is the lowest price there is, not one below the pieces just shown.
  const cheapest = CHEAPEST.test(understanding.text.toLowerCase());
  if (cues.refinement === 'cheaper' && !newPrice && cheapest) {
    Object.assign(filters, { priceMax: undefined, priceMin: undefined, sort: 'price_asc' });
  } else if (cues.refinement === 'cheaper' && !newPrice) {
    const ceiling = prices.length > 0 ? Math.min(...prices) - PRICE_STEP : filters.priceMax !== undefined ? filters.priceMax * 0.75 : undefined;
    // Below what they saw, best first; with nothing to compare to, "the cheapest" first.
    Object.assign(filters, { priceMax: ceiling === undefined ? undefined : round(ceiling), sort: ceiling === undefined ? 'price_asc' : 'price_desc' });
    if (filters.priceMin !== undefined && ceiling !== undefined && filters.priceMin > ceiling) filters.priceMin = undefined;
  }
  if (cues.refinement === 'pricier' && !newPrice) {
    const floor = prices.length > 0 ? Math.max(...prices) + PRICE_STEP : filters.priceMin;
    Object.assign(filters, { priceMin: floor === undefined ? undefined : round(floor), priceMax: undefined, sort: floor === undefined ? 'price_desc' : 'price_asc' });
  }
  return withoutUndefined(filters);
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Runs a search (after `lead`, e.g. a sentence that introduces it) and remembers it for "show more" and "cheaper". */
export function search(state: ConversationState, filters: SearchFilters, offset: number, lead: Action[] = []): Decision {
  return {
    state: { ...state, search: { filters, offset } },
    actions: [...lead, { type: 'search_products', filters, offset, limit: PAGE_SIZE }],
  };
}

export function decideSearch(state: ConversationState, understanding: Understanding, context: EngineContext): Decision {
  const previous = state.search;
  if (understanding.cues.refinement === 'more' && previous) {
    return search(state, previous.filters, previous.offset + PAGE_SIZE);
  }
  let filters = refineFilters(previous?.filters ?? {}, understanding, state);
  // "Something like this" on a product page, with nothing else to go on: pieces similar to it.
  if (context.productId !== undefined && understanding.cues.refersToCurrent && Object.keys(filters).length === 0) {
    filters = { similarTo: context.productId, ...(context.product && { category: context.product.category }) };
  }
  return search(state, filters, 0);
}
