// The conversation state: plain JSON the server stores per session, updated only by pure functions.
import type { ConversationState, ProductId } from '../types';

export function initialState(): ConversationState {
  return { version: 1, turn: 0, shown: [], consecutiveFallbacks: 0, resolvedFlow: false, csatAsked: false };
}

/**
 * Call after showing products (search results, alternatives, the shortlist) so "the second one" and
 * "cheaper" refer to what the customer actually saw.
 */
export function recordShownProducts(state: ConversationState, items: readonly { id: ProductId; price: number }[]): ConversationState {
  return { ...state, shown: items.map(({ id, price }) => ({ id, price })) };
}

/** Call after an order lookup: a found order resolves the flow (CSAT may follow) and answers the follow-up asked with it. */
export function recordOrderLookup(state: ConversationState, found: boolean): ConversationState {
  // Not found: the lookup form is open again with what was tried, so "sorry, it's olivia@…" (or the right number)
  // typed in the chat tries once more with the other detail kept.
  if (!found) return { ...state, pendingForm: { form: 'order_lookup', slots: { orderNumber: state.knownOrderNumber, email: state.knownEmail } } };
  const { followUp: _answered, ...rest } = state;
  return { ...rest, resolvedFlow: true };
}

/** The product the customer points at: "the second one" in the last results, or the one on the page. */
export function resolveProductRef(state: ConversationState, ordinal: number | undefined, pageProductId: ProductId | undefined): ProductId | undefined {
  if (ordinal !== undefined) return (ordinal < 0 ? state.shown.at(ordinal) : state.shown[ordinal])?.id;
  if (pageProductId !== undefined) return pageProductId;
  return state.shown.length === 1 ? state.shown[0]!.id : undefined;
}
