// Product discovery across turns: new searches, refinements ("in rose gold", "cheaper", "show more"), product-page questions.
import * as searchReplies from '../replies/search';
import type { Action, ConversationState, Decision, EngineContext, SearchFilters, Understanding } from '../types';

export const PAGE_SIZE = 4;

const PRICE_STEP = 0.01;

function withoutUndefined(filters: SearchFilters): SearchFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as SearchFilters;
}

/** The previous filters refined by this message: named values replace old ones, a new price replaces both bounds. */
export function refineFilters(previous: SearchFilters, understanding: Understanding, state: ConversationState): SearchFilters {
  const { entities, cues } = understanding;
  const base: SearchFilters = cues.refinement === 'reset' ? {} : { ...previous, similarTo: undefined };
  for (const key of ['category', 'metal', 'stone'] as const) {
    const unwanted = cues.ruledOut?.[key];
    // "Not gold" rules out every gold; "not rose gold" only rose gold.
    if (unwanted && (base[key] === unwanted || (unwanted === 'gold' && String(base[key]).endsWith('gold')))) delete base[key];
  }
  const newPrice = entities.priceMin !== undefined || entities.priceMax !== undefined;
  // A price found by "cheaper" (marked by its sort) belonged to the old category's prices: a new category drops it.
  const newCategory = entities.category !== undefined && entities.category !== previous.category;
  if (base.sort && (newPrice || newCategory)) Object.assign(base, { sort: undefined, ...(!newPrice && { priceMin: undefined, priceMax: undefined }) });
  const filters: SearchFilters = {
    ...base,
    ...(entities.category && { category: entities.category }),
    ...(entities.metal && { metal: entities.metal }),
    ...(entities.stone && { stone: entities.stone }),
    ...(entities.ringSize !== undefined && { ringSize: entities.ringSize }),
    ...(newPrice && { priceMin: entities.priceMin, priceMax: entities.priceMax }),
  };
  const prices = state.shown.map((item) => item.price);
  if (cues.refinement === 'cheaper' && !newPrice) {
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

function search(state: ConversationState, filters: SearchFilters, offset: number, lead: Action[] = []): Decision {
  return {
    state: { ...state, search: { filters, offset } },
    actions: [...lead, { type: 'search_products', filters, offset, limit: PAGE_SIZE }],
  };
}

/** "Does this come in white gold?" on a product page: answer about that piece, then offer lookalikes if not. */
function productPageQuestion(state: ConversationState, understanding: Understanding, context: EngineContext): Decision | undefined {
  const product = context.product;
  const metal = understanding.entities.metal;
  if (!product || !metal || !understanding.cues.refersToCurrent) return undefined;
  const yes = searchReplies.metalAvailability(product, metal);
  if (yes) return { state, actions: [{ type: 'reply', blocks: yes }] };
  const filters = withoutUndefined({ category: product.category, metal, similarTo: product.id });
  return search(state, filters, 0, [{ type: 'reply', blocks: searchReplies.metalUnavailable(product, metal) }]);
}

/** "How much is this?" on a product page, whether the classifier heard a search or a question. */
export function priceOfCurrentProduct(understanding: Understanding, context: EngineContext, currency: string): Action[] | undefined {
  const { cues, entities, intent } = understanding;
  if (!context.product || !cues.asksPrice || !cues.refersToCurrent || entities.metal || !['product_search', 'faq'].includes(intent)) return undefined;
  return [{ type: 'reply', blocks: searchReplies.productPrice(context.product, currency) }];
}

export function decideSearch(state: ConversationState, understanding: Understanding, context: EngineContext): Decision {
  const onPage = productPageQuestion(state, understanding, context);
  if (onPage) return onPage;
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
