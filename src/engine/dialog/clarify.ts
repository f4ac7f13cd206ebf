// No form on a guess (issue 11 item 3): a flow with a form opens only when the customer clearly asked for it.
import { clarify, FIND_JEWELRY, TALK_TO_STYLIST, TRACK_ORDER } from '../replies/common';
import type { ConversationState, Decision, Intent, QuickReply, Understanding } from '../types';

// Words that say the customer wants this flow, whatever the classifier's confidence.
const ASKED_FOR: Partial<Record<Intent, RegExp>> = {
  order_tracking: /\b(?:track\w*|(?:my|the|our) (?:order|package|parcel|delivery|shipment|purchase)|order (?:status|number)|where (?:is|are) (?:it|they|my)|wheres|(?:shipped|arrived|dispatched) yet|(?:not|never|has not|hasnt) (?:arrived|come|shipped)|i (?:ordered|bought|purchased)|delivery status)\b/,
  return_request: /\b(?:return\w*|send (?:it|this|them) back|refund\w*|money back|exchange)\b/,
  resize_request: /\b(?:resiz\w*|re-size|size (?:up|down)|too (?:big|small|tight|loose)|(?:bigger|smaller|different) size|sizing)\b/,
  stylist_escalation: /\b(?:stylists?|human|person|agent|someone|somebody|representative|real people|staff|your team|talk to|speak (?:to|with)|call me|contact me)\b/,
};

// A classifier this sure has seen the phrasing often enough to act on.
const SURE = 0.85;

const OPTION: Partial<Record<Intent, QuickReply>> = {
  order_tracking: TRACK_ORDER,
  return_request: { label: 'Start a return', text: "I'd like to return a piece" },
  resize_request: { label: 'Resize a ring', text: "I'd like to resize a ring" },
  stylist_escalation: TALK_TO_STYLIST,
  product_search: FIND_JEWELRY,
  order_change: { label: 'Change or cancel an order', text: 'I need to change my order' },
  customization: { label: 'A custom design', text: "I'd like a custom design" },
};

const MAX_OPTIONS = 3;

/** The message in the simple form the dialog's patterns read (lower case, no apostrophes). */
export const plainText = (understanding: Understanding) => understanding.text.toLowerCase().replace(/[’']/g, '');

export function askedFor(intent: Intent, understanding: Understanding): boolean {
  const pattern = ASKED_FOR[intent];
  return !pattern || pattern.test(plainText(understanding));
}

/** A clarifying question when the intent would open a form but the customer never asked for that flow. */
export function clarifyIfUnsure(state: ConversationState, understanding: Understanding): Decision | undefined {
  const { intent, confidence, entities } = understanding;
  if (!ASKED_FOR[intent] || confidence >= SURE || askedFor(intent, understanding)) return undefined;
  if (entities.orderNumber && intent !== 'stylist_escalation') return undefined;
  const ranked = (understanding.alternatives ?? []).map((alternative) => OPTION[alternative.intent]).filter((option) => option !== undefined);
  const options = [...new Map([...ranked, OPTION.stylist_escalation!].map((option) => [option.text, option])).values()].slice(0, MAX_OPTIONS);
  return { state, actions: [{ type: 'reply', blocks: clarify(options) }] };
}
