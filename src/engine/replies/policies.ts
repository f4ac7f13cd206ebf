// Replies for the recommendation-only scope (W8) and the stylist offers (W7).
import type { EscalationReason, Feeling, FormPrefill, ReplyBlock } from '../types';
import { LINKS, links, quickReplies, TALK_TO_STYLIST, text } from './common';
import { joinWords } from './format';
import { LEAD_TIMES } from '../knowledge/lead-times';

export function customization(engraving: boolean): ReplyBlock[] {
  const intro = engraving
    ? 'Engravings are made to order, so they are not something I can add in the chat.'
    : "I only recommend ready-to-ship pieces, so I can't customize designs, metals or stones here.";
  return [
    // What /customizer really offers: a stylist designs the piece with you and sends a 3D preview (no design tool).
    text(`${intro} For a custom piece, a stylist designs it with you and sends a 3D preview with a firm quote before it is made; custom pieces take ${LEAD_TIMES.madeToOrder}.`),
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

/** Said first on a management trigger; the service replaces it once it has opened the ticket itself. */
export const MANAGEMENT_LEAD = "I'm really sorry about this. It needs a person, not a bot: send this form and it goes to a senior member of our team, marked urgent, who will contact you as soon as possible.";

/** Legal threats, a double charge, a privacy worry, an unhappy VIP: a person takes over, urgently. */
export function managementEscalation(prefill: FormPrefill): ReplyBlock[] {
  return [
    text(MANAGEMENT_LEAD),
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

const ACKNOWLEDGEMENT: Record<Feeling, string> = {
  upset: "I'm really sorry about this",
  anxious: 'I understand the worry',
  urgent: 'I understand this is time-sensitive',
};

/** Said first to an upset, anxious or hurried customer; "occasion" is their own word ("wedding"). */
export function acknowledge(feeling: Feeling, occasion: string | undefined, aboutOrder: boolean): ReplyBlock[] {
  const event = occasion ? `, especially with ${/^[aeiou]/.test(occasion) ? 'an' : 'a'} ${occasion} coming up` : '';
  return [text(`${ACKNOWLEDGEMENT[feeling]}${event}.${aboutOrder ? ' Let me look at your order straight away.' : ''}`)];
}

/** The stylist offer after the facts, for a customer who needs a person's attention. */
export function personalHelp(): ReplyBlock[] {
  return [text('If you would like a person to take this over, a stylist can look into it with you. Shall I connect you?'), quickReplies(TALK_TO_STYLIST)];
}

/** "It turned my finger green, is it fake?": what our metals are, and who can look at the piece. */
export function materialWorry(article: string | undefined): ReplyBlock[] {
  return [
    text("I'm sorry it did that! A green or dark mark usually comes from the small amount of copper in gold and sterling silver alloys reacting with skin, lotion or moisture: it doesn't mean the piece is fake."),
    ...(article ? [text(article)] : []),
    text('If it keeps happening or you would rather not keep it, a stylist can look at it with you, or I can start a return.'),
    quickReplies(TALK_TO_STYLIST, { label: 'Start a return', text: "I'd like to return a piece" }),
  ];
}
