// Order tracking with slots filled across turns, returns and resizes, and order changes the widget can't make.
import { askOrderDetails, cannotDo, complexResize, returnForm } from '../replies/orders';
import type { ConversationState, Decision, FormPrefill, Understanding } from '../types';

/** Collects the order number and email (from this message, earlier ones, or the open form) and looks up when both are known. */
export function decideOrderLookup(state: ConversationState, understanding: Understanding): Decision {
  const { orderNumber, email } = understanding.entities;
  const slots = {
    orderNumber: orderNumber ?? state.pendingForm?.slots.orderNumber ?? state.knownOrderNumber,
    email: email ?? state.pendingForm?.slots.email ?? state.knownEmail,
  };
  const remembered = { ...state, knownOrderNumber: slots.orderNumber, knownEmail: slots.email };
  if (slots.orderNumber && slots.email) {
    const { pendingForm: _done, ...rest } = remembered;
    return { state: rest, actions: [{ type: 'lookup_order', orderNumber: slots.orderNumber, email: slots.email }] };
  }
  const prefill: FormPrefill = { ...(slots.orderNumber && { orderNumber: slots.orderNumber }), ...(slots.email && { email: slots.email }) };
  return {
    state: { ...remembered, pendingForm: { form: 'order_lookup', slots: { ...slots } } },
    actions: [{ type: 'reply', blocks: askOrderDetails(prefill) }],
  };
}

/** While the order form is open, a message carrying an order number or email fills it, whatever else it says. */
export function fillsPendingLookup(state: ConversationState, understanding: Understanding): boolean {
  const { orderNumber, email } = understanding.entities;
  const strongOtherIntent = understanding.confidence >= 0.8 && !['order_tracking', 'out_of_scope', 'greeting', 'thanks'].includes(understanding.intent);
  return state.pendingForm?.form === 'order_lookup' && Boolean(orderNumber || email) && !strongOtherIntent;
}

export function decideReturnOrResize(state: ConversationState, understanding: Understanding, kind: 'return' | 'resize'): Decision {
  const { entities } = understanding;
  if (kind === 'resize' && understanding.triggers.stylist.includes('complex_resizing')) {
    return {
      state,
      actions: [
        { type: 'offer_stylist', reasons: ['complex_resizing'], management: false },
        { type: 'reply', blocks: complexResize() },
      ],
    };
  }
  const orderNumber = entities.orderNumber ?? state.knownOrderNumber;
  const email = entities.email ?? state.knownEmail;
  const prefill: FormPrefill = {
    ...(orderNumber && { orderNumber }),
    ...(email && { email }),
    ...(kind === 'resize' && entities.ringSize !== undefined && { newSize: entities.ringSize }),
  };
  // "Return or resize" (the welcome's quick link) has not chosen yet: the form asks.
  const undecided = /\breturn/.test(understanding.text.toLowerCase()) && /\bresiz/.test(understanding.text.toLowerCase());
  return {
    state: { ...state, knownOrderNumber: orderNumber, knownEmail: email },
    actions: [{ type: 'reply', blocks: returnForm(undecided ? undefined : kind, prefill) }],
  };
}

export function decideOrderChange(state: ConversationState, understanding: Understanding): Decision {
  const limitation = understanding.cues.limitation ?? 'order_change';
  // The order and email given here are the ones "what is its status?" means next.
  const { orderNumber, email } = understanding.entities;
  const remembered = { ...state, ...(orderNumber && { knownOrderNumber: orderNumber }), ...(email && { knownEmail: email }) };
  return { state: remembered, actions: [{ type: 'reply', blocks: cannotDo(limitation === 'image_upload' ? 'order_change' : limitation, understanding.cues.sharedCard) }] };
}
