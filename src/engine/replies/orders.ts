// Replies for order tracking (W5), returns and resizing (W6) and what only the support team can do (W8).
import type { FormPrefill, Limitation, OrderFollowUp, OrderStatusView, QuickReply, ReplyBlock } from '../types';
import { LINKS, links, quickReplies, TALK_TO_STYLIST, text } from './common';
import { formatDay } from './format';

/** By status code (src/modules/orders/timeline.ts names them). */
const STATUS_WORDS: Record<string, string> = {
  processing: 'is being prepared in our studio',
  shipped: 'is on its way',
  out_for_delivery: 'is out for delivery today',
  delivered: 'has been delivered',
  delayed: 'is running late',
  cancelled: 'was cancelled',
};
const FINISHED = new Set(['delivered', 'cancelled']);

export function askOrderDetails(prefill: FormPrefill): ReplyBlock[] {
  const missing = prefill.orderNumber ? 'the email you used at checkout' : prefill.email ? 'your order number (it looks like GG-104233)' : 'your order number and the email you used at checkout';
  return [text(`I can check that for you! Please share ${missing}.`), { type: 'form', form: 'order_lookup', prefill }];
}

// The opening fits the news: never "good news" for a delay, a cancellation or a parcel still in the studio.
const STATUS_OPENING: Record<string, string> = {
  shipped: 'Good news, I found it',
  out_for_delivery: 'Good news, I found it',
  delayed: "I'm sorry, I've checked",
};

export function orderStatus(order: OrderStatusView, followUp?: OrderFollowUp): ReplyBlock[] {
  const state = STATUS_WORDS[order.status] ?? `is ${order.statusLabel.toLowerCase()}`;
  const carrier = order.carrier ? ` with ${order.carrier}` : '';
  const opening = STATUS_OPENING[order.status] ?? 'I found it';
  const etaLabel = order.status === 'delayed' ? 'Latest estimated delivery' : 'Estimated delivery';
  const eta = order.estimatedDelivery && !FINISHED.has(order.status) ? ` ${etaLabel}: ${formatDay(order.estimatedDelivery)}.` : '';
  const status: ReplyBlock[] = [text(`${opening}: order ${order.number} ${state}${carrier}.${eta}`), { type: 'order_status', order }];
  return followUp ? [...status, ...afterLookup(order, followUp)] : status;
}

/** Left the studio: too late to change it before delivery. A delayed order without a carrier is still with us. */
function hasShipped(order: OrderStatusView): boolean {
  return ['shipped', 'out_for_delivery'].includes(order.status) || (order.status === 'delayed' && Boolean(order.carrier));
}

const startReturn = (number: string): QuickReply => ({ label: 'Start the return', text: `I'd like to return order ${number}` });
const startResize = (number: string): QuickReply => ({ label: 'Resize it', text: `I'd like to resize the ring from order ${number}` });

/** What the customer asked beside the lookup ("…and can I return it?"), answered for the status just found. */
function afterLookup(order: OrderStatusView, followUp: OrderFollowUp): ReplyBlock[] {
  if (order.status === 'cancelled') return [text(`As it was cancelled, there's nothing to ${followUp === 'return' ? 'return' : 'change'}. Our support team can help with anything else about it.`), links(LINKS.contact)];
  const delivered = order.status === 'delivered';
  if (followUp === 'change_before_shipping') {
    if (delivered) return [text('It has already been delivered, so I can start a resize or a return for you instead.'), quickReplies(startResize(order.number), startReturn(order.number))];
    if (hasShipped(order)) return [text("It has already left our studio, so it can't be changed on the way. When it arrives, I can start a resize or a return for you here.")];
    return [
      text("It hasn't shipped yet, so it can still be changed: our support team makes changes before an order leaves the studio. Send them your order number and the size you need through the contact page, or a stylist can help."),
      links(LINKS.contact),
      quickReplies(TALK_TO_STYLIST),
    ];
  }
  const kind = followUp === 'return' ? 'return' : 'resize';
  if (delivered) return [text(`Would you like me to start the ${kind} now?`), quickReplies(kind === 'return' ? startReturn(order.number) : startResize(order.number))];
  const beforeShipping = hasShipped(order) ? '' : ' If you would rather change it before it ships, our support team can do that.';
  return [text(`And when it arrives, I can start the ${kind} for you here if it isn't quite right.${beforeShipping}`)];
}

/** "Can I exchange it before it ships?": not a return but a change, which depends on where the order is. */
export function changeBeforeShipping(): ReplyBlock[] {
  return [text("Before an order ships, a different size is a change to the order rather than a return: our support team can make it while it's still in our studio. Let me check where yours is.")];
}

/** The same words whether the order does not exist or the email does not match: nothing is revealed. */
export function orderNotFound(): ReplyBlock[] {
  return [
    text("I couldn't find an order with that number and email. Please check both: the email needs to be the one used at checkout."),
    { type: 'form', form: 'order_lookup', prefill: {} },
    links(LINKS.contact),
  ];
}

const RETURN_INTRO = {
  resize: "Let's get that ring fitting perfectly. Fill in this form and I'll check your order is eligible for a resize.",
  return: "I'm sorry it didn't work out. Fill in this form and I'll check your order against our returns policy. You'll get an RMA number and a return label by email; ship within 14 days for a full refund.",
  either: "Happy to help with a return or a resize. Fill in this form and I'll check your order against our policy. For a return you'll get an RMA number and a return label by email; ship within 14 days for a full refund.",
};

/** `kind` undefined: the customer hasn't said which yet, and the form lets them choose. */
export function returnForm(kind: 'return' | 'resize' | undefined, prefill: FormPrefill): ReplyBlock[] {
  return [text(RETURN_INTRO[kind ?? 'either']), { type: 'form', form: 'return', prefill: { ...(kind && { kind }), ...prefill } }];
}

export function complexResize(): ReplyBlock[] {
  return [
    text('A resize like this (several sizes, or an intricate design such as an eternity or pavé band) needs a stylist\'s eye, so I\'ll pass it to our team rather than the standard form.'),
    { type: 'form', form: 'stylist', prefill: { topic: 'complex_resizing' } },
  ];
}

const LIMITATION_TEXT: Record<Limitation, string> = {
  refund: "I can't issue or chase refunds from the chat: refunds are approved by our support team. They can tell you exactly where yours is.",
  payment: "I can't take payments or card details here: you pay securely at checkout, and our support team can help with any payment question.",
  account: "I can't see or change account details such as your email, password or saved addresses. Our support team can help you with that.",
  image_upload: "I can't receive photos or inspiration images here. A stylist can look at them with you by email and design a custom piece from them, with a 3D preview before it is made.",
  order_change: "I can't change or cancel an order from the chat, but our support team can, as long as it hasn't shipped yet. Reach them through the contact page and mention your order number.",
};

// Said with every payment answer, unless the card warning (common.cardWarning) has just said it.
const NEVER_SHARE_CARDS = ' Please never share a card number in the chat: GlowGlitch will never ask you for it.';

export function cannotDo(limitation: Limitation, cardWarned = false): ReplyBlock[] {
  const extra = limitation === 'image_upload' ? [LINKS.customizer] : [];
  const words = LIMITATION_TEXT[limitation] + (limitation === 'payment' && !cardWarned ? NEVER_SHARE_CARDS : '');
  return [text(words), links(LINKS.contact, ...extra), quickReplies(TALK_TO_STYLIST)];
}
