// Stylist escalation (W7): the customer's own request, the guide's triggers, and management alerts.
import { managementEscalation, offerStylist, stylistForm } from '../replies/policies';
import type { Action, ConversationState, Decision, FormPrefill, Understanding } from '../types';

// Short requests like "talk to a stylist" say nothing worth copying into the ticket.
const MIN_MESSAGE_WORDS = 6;

function prefillFrom(understanding: Understanding, email: string | undefined): FormPrefill {
  const words = understanding.text.trim().split(/\s+/).length;
  return {
    ...(words >= MIN_MESSAGE_WORDS && { message: understanding.text }),
    ...(email && { email }),
    ...(understanding.cues.urgent && { urgent: true }),
    ...(understanding.triggers.stylist.length > 0 && { topic: understanding.triggers.stylist.join(',') }),
  };
}

export function stylistRequest(understanding: Understanding, email: string | undefined): Action[] {
  const reasons = understanding.triggers.stylist;
  return [
    ...(reasons.length > 0 ? [{ type: 'offer_stylist', reasons, management: false } as const] : []),
    { type: 'reply', blocks: stylistForm(prefillFrom(understanding, email)) },
  ];
}

/**
 * A legal threat, a wrong charge, a privacy worry, an unhappy VIP: reported to the server with `management: true`
 * (it alerts the team), the order's facts when both its number and email are known, and the urgent form.
 */
export function managementAlert(state: ConversationState, understanding: Understanding, email: string | undefined): Decision {
  const { management, stylist } = understanding.triggers;
  const orderNumber = understanding.entities.orderNumber ?? state.knownOrderNumber;
  // The order's status when this message names it; one found earlier in the chat is on screen already.
  const lookup: Action[] = understanding.entities.orderNumber && email ? [{ type: 'lookup_order', orderNumber: understanding.entities.orderNumber, email }] : [];
  return {
    state: { ...state, ...(orderNumber && { knownOrderNumber: orderNumber }), ...(email && { knownEmail: email }) },
    actions: [
      { type: 'offer_stylist', reasons: [...management, ...stylist], management: true },
      ...lookup,
      { type: 'reply', blocks: managementEscalation({ ...prefillFrom(understanding, email), message: understanding.text, topic: management.join(',') }) },
    ],
  };
}

/** A stylist offer appended to another answer, when the message shows one of the guide's triggers. */
export function triggeredOffer(understanding: Understanding): Action[] {
  const reasons = understanding.triggers.stylist;
  if (reasons.length === 0) return [];
  return [
    { type: 'offer_stylist', reasons, management: false },
    { type: 'reply', blocks: offerStylist(reasons) },
  ];
}
