// Replies for the recommendation-only scope (W8) and the stylist offers (W7).
import type { EscalationReason, FormPrefill, ReplyBlock } from '../types';
import { LINKS, links, quickReplies, TALK_TO_STYLIST, text } from './common';
import { joinWords } from './format';

export function customization(engraving: boolean): ReplyBlock[] {
  const intro = engraving
    ? 'Engravings are made to order, so they are not something I can add in the chat.'
    : "I only recommend ready-to-ship pieces, so I can't customize designs, metals or stones here.";
  return [
    text(`${intro} Our 3D Customizer lets you design and preview your piece, or a stylist can guide you through a custom order.`),
    links(LINKS.customizer),
    quickReplies(TALK_TO_STYLIST),
  ];
}

export function reservation(onProduct: boolean): ReplyBlock[] {
  const options = onProduct ? [{ label: 'Save it to my shortlist', text: 'Save this to my shortlist' }, TALK_TO_STYLIST] : [TALK_TO_STYLIST];
  return [
    text(
      "I can't reserve or hold pieces, but here's how to keep one close: add it to your cart (it's held for 30 minutes while you check out), save it to your shortlist (kept for 30 days), or purchase it to make it yours right away. For a special hold, like a wedding date, a stylist can help.",
    ),
    quickReplies(...options),
  ];
}

const REASON_TEXT: Record<EscalationReason, string> = {
  custom_design: 'a custom design',
  complex_resizing: 'this resize',
  bulk_order: 'a bulk or corporate order',
  appraisal: 'appraisals and certificates',
  rush_shipping: 'rush shipping',
  gift_wrapping: 'gift wrapping',
  engraving: 'engraving',
  payment_plan: 'a payment plan',
  custom_pricing: 'pricing questions like this',
  legal_threat: 'this',
  unhappy_vip: 'this',
  financial_error: 'this',
  privacy_concern: 'this',
};

function listReasons(reasons: EscalationReason[]): string {
  return joinWords([...new Set(reasons.map((reason) => REASON_TEXT[reason]))]) || 'this';
}

export function offerStylist(reasons: EscalationReason[]): ReplyBlock[] {
  return [text(`A stylist can help you with ${listReasons(reasons)}. Would you like me to connect you?`), quickReplies(TALK_TO_STYLIST)];
}

/** Legal threats, a double charge, a privacy worry, an unhappy VIP: a person takes over, urgently. */
export function managementEscalation(prefill: FormPrefill): ReplyBlock[] {
  return [
    text("I'm really sorry about this. It needs a person, not a bot: I'm flagging it to our team as urgent. Leave your details and a senior member of the team will contact you as soon as possible."),
    { type: 'form', form: 'stylist', prefill: { ...prefill, urgent: true } },
    links(LINKS.contact),
  ];
}

export function stylistForm(prefill: FormPrefill): ReplyBlock[] {
  return [
    text("I'm Aurora, GlowGlitch's virtual concierge, and I'd be happy to connect you with one of our stylists. Leave your name, email and a short message, and tick 'urgent' if it can't wait. Standard requests are answered within 4 business hours."),
    { type: 'form', form: 'stylist', prefill },
  ];
}
