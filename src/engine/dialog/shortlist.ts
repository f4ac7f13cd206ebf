// Shortlist turns (W9): resolve "the second one" / "this" to a product id, or ask which one.
import { whichProduct } from '../replies/shortlist';
import type { Action, ConversationState, EngineContext, Understanding } from '../types';
import { resolveProductRef } from './state';

export function decideShortlist(state: ConversationState, understanding: Understanding, context: EngineContext): Action[] {
  const operation = understanding.cues.shortlistOp ?? 'add';
  if (operation === 'list') return [{ type: 'shortlist_list' }];
  const productId = resolveProductRef(state, understanding.cues.ordinal, context.productId ?? context.product?.id);
  if (productId === undefined) return [{ type: 'reply', blocks: whichProduct(state.shown.length) }];
  return [operation === 'remove' ? { type: 'shortlist_remove', productId } : { type: 'shortlist_add', productId }];
}
