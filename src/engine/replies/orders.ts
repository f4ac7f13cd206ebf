// Replies for order tracking (W5), returns and resizing (W6) and what only the support team can do (W8).
import type { FormPrefill, Limitation, OrderStatusView, ReplyBlock } from '../types';
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

export function orderStatus(order: OrderStatusView): ReplyBlock[] {
  const state = STATUS_WORDS[order.status] ?? `is ${order.statusLabel.toLowerCase()}`;
  const carrier = order.carrier ? ` with ${order.carrier}` : '';
  const eta = order.estimatedDelivery && !FINISHED.has(order.status) ? ` Estimated delivery: ${formatDay(order.estimatedDelivery)}.` : '';
  return [text(`Good news, I found it: order ${order.number} ${state}${carrier}.${eta}`), { type: 'order_status', order }];
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
  payment: "I can't take payments or card details here, and please never share a card number in the chat. You can pay securely at checkout, and our support team can help with any payment question.",
  account: "I can't see or change account details such as your email, password or saved addresses. Our support team can help you with that.",
  image_upload: "I can't receive photos or inspiration images here. A stylist can look at them with you by email, or you can explore designs in our 3D Customizer.",
  order_change: "I can't change or cancel an order from the chat, but our support team can, as long as it hasn't shipped yet. Reach them through the contact page and mention your order number.",
};

export function cannotDo(limitation: Limitation): ReplyBlock[] {
  const extra = limitation === 'image_upload' ? [LINKS.customizer] : [];
  return [text(LIMITATION_TEXT[limitation]), links(LINKS.contact, ...extra), quickReplies(TALK_TO_STYLIST)];
}
