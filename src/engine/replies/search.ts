// Replies for product discovery (W4): results, "show more", honest no-match with nearest alternatives.
import type { ProductSummary, QuickReply, ReplyBlock, SearchFilters, SearchProductsAction, SearchResult } from '../types';
import { LINKS, links, quickReplies, text } from './common';
import { describeFilters } from './format';

const products = (items: ProductSummary[]): ReplyBlock => ({ type: 'products', items });

/**
 * The line after the results: it fits what was shown (one piece is "it", several are "the second one") and
 * suggests a detail the search does not have yet. Several fit; `turn` picks one, so the same conversation
 * always gets the same line but consecutive searches do not repeat it.
 */
export function followUp(filters: SearchFilters, shown: number, turn: number): string {
  if (shown === 1) {
    const single = ['Tell me "save it" to keep it on your shortlist, or ask me anything about it.', 'Like it? Say "save it" and I will keep it on your shortlist. Or tell me what to change: metal, stone or budget.'];
    return single[turn % single.length]!;
  }
  const lines = [
    'Tell me "save the second one" to keep a piece on your shortlist.',
    !filters.metal && 'Prefer a metal? Say "in rose gold" or "in platinum" and I will narrow these down.',
    filters.priceMin === undefined && filters.priceMax === undefined && 'Have a budget in mind? Tell me, for example "under $500".',
    !filters.stone && 'Looking for a stone? Say "with a sapphire" or "no stones".',
    `Ask me about any of them: "is the first one ready to ship?" or "save the last one".`,
  ].filter((line): line is string => typeof line === 'string');
  return lines[turn % lines.length]!;
}

export function searchResults(search: Pick<SearchProductsAction, 'filters' | 'offset'>, result: SearchResult, currency: string, turn = 0): ReplyBlock[] {
  const description = describeFilters(search.filters, currency);
  const { items, total } = result;
  if (items.length > 0) {
    const shownUpTo = search.offset + items.length;
    // Number agreement: "Here is 1 ready-to-ship ring", "Here is 1 of 5 ready-to-ship rings", "Here are 3 …".
    const counted = describeFilters(search.filters, currency, total);
    const intro = search.offset > 0
      ? items.length === 1
        ? `Here is one more ready-to-ship ${describeFilters(search.filters, currency, 1)} (${shownUpTo} of ${total}):`
        : `Here are more ready-to-ship ${description} (${search.offset + 1}-${shownUpTo} of ${total}):`
      : `Here ${items.length === 1 ? 'is' : 'are'} ${items.length === total ? '' : `${items.length} of `}${total} ready-to-ship ${counted}:`;
    const options: QuickReply[] = [
      ...(shownUpTo < total ? [{ label: 'Show more', text: 'Show more' }] : []),
      { label: 'Cheaper', text: 'Cheaper' },
      { label: 'Talk to a stylist', text: 'Talk to a stylist' },
    ];
    return [text(intro), products(items), text(followUp(search.filters, items.length, turn)), quickReplies(...options)];
  }
  if (search.offset > 0) {
    return [text(`That's everything I have ready to ship in ${description}. The full catalog has more to explore.`), links(LINKS.catalog)];
  }
  const alternatives = result.alternatives ?? [];
  const honest = `I couldn't find any ${description} ready to ship right now.`;
  if (alternatives.length === 0) {
    return [text(`${honest} Try a wider budget or another metal, or browse the full catalog.`), links(LINKS.catalog)];
  }
  const closest = alternatives.length === 1 ? 'This is the closest match I have:' : 'These are the closest matches I have:';
  return [text(`${honest} ${closest}`), products(alternatives), links(LINKS.catalog)];
}
