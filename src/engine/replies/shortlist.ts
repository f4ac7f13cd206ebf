// Replies for the shortlist (W9): saved, removed, listed, or "which one?".
import type { ProductSummary, ReplyBlock } from '../types';
import { text } from './common';

export function shortlistSaved(product?: Pick<ProductSummary, 'name'>): ReplyBlock[] {
  const name = product ? `the ${product.name}` : 'it';
  return [text(`Saved ${name} to your shortlist. I'll keep it for you for 30 days. 💖`)];
}

export function shortlistRemoved(product?: Pick<ProductSummary, 'name'>): ReplyBlock[] {
  return [text(`Done, I've removed ${product ? `the ${product.name}` : 'it'} from your shortlist.`)];
}

export function shortlist(items: ProductSummary[]): ReplyBlock[] {
  if (items.length === 0) {
    return [text('Your shortlist is empty for now. When you see a piece you love, tell me "save this" and I\'ll keep it for 30 days.')];
  }
  return [text(`Here's your shortlist (kept for 30 days):`), { type: 'products', items }];
}

export function whichProduct(shownCount: number): ReplyBlock[] {
  if (shownCount === 0) {
    return [text("Which piece do you mean? Open its product page and say \"save this\", or ask me to show you some jewelry first.")];
  }
  if (shownCount === 1) return [text('Do you mean the piece I just showed you? Say "save the first one", or open the piece and say "save this".')];
  return [text(`Which one? Say "the first one" up to "the ${ordinalWord(shownCount)} one", or open the piece and say "save this".`)];
}

const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];
const ordinalWord = (count: number) => ORDINAL_WORDS[count - 1] ?? 'last';
