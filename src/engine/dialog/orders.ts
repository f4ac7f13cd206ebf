// Order tracking with slots filled across turns, returns and resizes, and order changes the widget can't make.
import * as common from '../replies/common';
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

// Words around an order number or email typed on their own ("my email is …", "order #GG-104234, ava@…").
const DETAIL_WORDS = /\b(?:my|the|email|e-mail|mail|address|order|number|no|is|it's|its|it|here|and|for|use|you can|it was|under|of|with|sorry|oops|forgot|ok|okay|thanks|thank you|yes)\b|[^a-z]/gi;

/**
 * The last answer showed the return or resize form, and this message is only the order number or email (typed into
 * the chat instead of the form): the same form again, with them filled in. It is not a new order lookup.
 */
export function returnFormDetails(state: ConversationState, understanding: Understanding): 'return' | 'resize' | undefined {
  const kind = state.lastIntent === 'return_request' ? 'return' : state.lastIntent === 'resize_request' ? 'resize' : undefined;
  const { email, orderNumber } = understanding.entities;
  if (!kind || (!email && !orderNumber)) return undefined;
  let rest = understanding.text;
  for (const detail of [email, orderNumber]) if (detail) rest = rest.split(detail).join(' ');
  return rest.replace(DETAIL_WORDS, '').length === 0 ? kind : undefined;
}

export function detailsIntoForm(state: ConversationState, understanding: Understanding, kind: 'return' | 'resize'): Decision {
  const decision = decideReturnOrResize(state, understanding, kind);
  const lead = common.text(`Thanks, I've added that to the ${kind} form. Choose the piece and send it, and I'll check it against our policy.`);
  return {
    ...decision,
    intent: kind === 'return' ? 'return_request' : 'resize_request',
    actions: decision.actions.map((action) => (action.type === 'reply' ? { ...action, blocks: [lead, ...action.blocks.filter((block) => block.type !== 'text')] } : action)),
  };
}
