// Replies for product discovery (W4): results, "show more", honest no-match with nearest alternatives.
import type { CurrentProduct, Metal, ProductSummary, ReplyBlock, SearchProductsAction, SearchResult } from '../types';
import { LINKS, links, quickReplies, text } from './common';
import { describeFilters, formatMoney, joinWords, METAL_NAME, pluralCategory } from './format';

const products = (items: ProductSummary[]): ReplyBlock => ({ type: 'products', items });

export function searchResults(search: Pick<SearchProductsAction, 'filters' | 'offset'>, result: SearchResult, currency: string): ReplyBlock[] {
  const description = describeFilters(search.filters, currency);
  const { items, total } = result;
  if (items.length > 0) {
    const shownUpTo = search.offset + items.length;
    const intro = search.offset > 0
      ? `Here are more ready-to-ship ${description} (${search.offset + 1}-${shownUpTo} of ${total}):`
      : `Here ${items.length === 1 ? 'is' : 'are'} ${items.length === total ? '' : `${items.length} of `}${total} ready-to-ship ${description}:`;
    const next = shownUpTo < total ? [{ label: 'Show more', text: 'Show more' }] : [];
    return [
      text(intro),
      products(items),
      text('Tell me "save the second one" to keep a piece on your shortlist, or refine with a metal, stone or budget.'),
      quickReplies(...next, { label: 'Cheaper', text: 'Cheaper' }, { label: 'Talk to a stylist', text: 'Talk to a stylist' }),
    ];
  }
  if (search.offset > 0) {
    return [text(`That's everything I have ready to ship in ${description}. The full catalog has more to explore.`), links(LINKS.catalog)];
  }
  const alternatives = result.alternatives ?? [];
  const honest = `I couldn't find any ${description} ready to ship right now.`;
  if (alternatives.length === 0) {
    return [text(`${honest} Try a wider budget or another metal, or browse the full catalog.`), links(LINKS.catalog)];
  }
  return [text(`${honest} These are the closest matches I have:`), products(alternatives), links(LINKS.catalog)];
}

export function productPrice(product: CurrentProduct, currency: string): ReplyBlock[] {
  return [text(`The ${product.name} is ${formatMoney(product.price, currency)}, and it's ready to ship. Add it to your cart to check out, or tell me "save this" to keep it on your shortlist.`)];
}

/** "Does this come in white gold?" answered from the product on the page. */
export function metalAvailability(product: CurrentProduct, metal: Metal): ReplyBlock[] | undefined {
  const available = product.availableMetals ?? [product.metal];
  const matches = metal === 'gold' ? available.filter((m) => m.endsWith('gold')) : available.filter((m) => m === metal);
  if (matches.length > 0) {
    const names = joinWords(matches.map((m) => METAL_NAME[m]));
    return [text(`Yes! The ${product.name} comes in ${names}. You can choose the metal right on the product page.`)];
  }
  return undefined;
}

export function metalUnavailable(product: CurrentProduct, metal: Metal): ReplyBlock[] {
  const available = joinWords((product.availableMetals ?? [product.metal]).map((m) => METAL_NAME[m]));
  return [text(`The ${product.name} is only made in ${available}, not ${METAL_NAME[metal]}. Here are similar ${pluralCategory(product.category)} in ${METAL_NAME[metal]} instead:`)];
}
