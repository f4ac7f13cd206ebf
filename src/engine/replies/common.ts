// Blocks used across the conversation: the welcome, quick links, the fallback, closing and CSAT.
import type { FaqArticle, QuickReply, ReplyBlock, WidgetFlow } from '../types';

export const LINKS = {
  catalog: { label: 'Browse the catalog', href: '/catalog' },
  customizer: { label: 'See how custom design works', href: '/customizer' },
  contact: { label: 'Contact our support team', href: '/contact' },
};

export const TRACK_ORDER: QuickReply = { label: 'Track my order', text: 'Track my order' };
export const FIND_JEWELRY: QuickReply = { label: 'Find jewelry', text: 'Find jewelry' };
export const TALK_TO_STYLIST: QuickReply = { label: 'Talk to a stylist', text: 'Talk to a stylist' };
export const RETURN_OR_RESIZE: QuickReply = { label: 'Return or resize', text: 'Return or resize' };

/** The four quick links of W2; each sends a message the engine understands. */
export const MAIN_QUICK_REPLIES: QuickReply[] = [TRACK_ORDER, FIND_JEWELRY, RETURN_OR_RESIZE, TALK_TO_STYLIST];

/** The button that opens each widget flow in the chat (a page link would leave the conversation). */
export const FLOW_QUICK_REPLIES: Record<WidgetFlow, QuickReply> = { order: TRACK_ORDER, return: RETURN_OR_RESIZE, stylist: TALK_TO_STYLIST, products: FIND_JEWELRY };

export const text = (value: string): ReplyBlock => ({ type: 'text', text: value });
export const quickReplies = (...options: QuickReply[]): ReplyBlock => ({ type: 'quick_replies', options });
export const links = (...items: { label: string; href: string }[]): ReplyBlock => ({ type: 'links', links: items });

/** An FAQ article as an answer: its words, its page links, and buttons for the widget flows it offers. */
export function articleBlocks(article: FaqArticle, lead?: string): ReplyBlock[] {
  return [
    text(lead ? `${lead} ${article.body}` : article.body),
    ...(article.links?.length ? [links(...article.links)] : []),
    ...(article.opens?.length ? [quickReplies(...article.opens.map((flow) => FLOW_QUICK_REPLIES[flow]))] : []),
  ];
}

export function welcome(): ReplyBlock[] {
  return [
    text("Hi, I'm Aurora, GlowGlitch's concierge. ✨ I can help you find ready-to-ship jewelry, track an order, start a return or resize, or connect you with a stylist. What can I do for you?"),
    quickReplies(...MAIN_QUICK_REPLIES),
  ];
}

export function greeting(): ReplyBlock[] {
  return [text('Hello! Lovely to see you. What can I help you with today?'), quickReplies(...MAIN_QUICK_REPLIES)];
}

export function outOfScope(): ReplyBlock[] {
  return [
    text("That's outside what I can help with: I'm GlowGlitch's jewelry concierge. I can find you a piece, track an order, help with returns and resizing, or answer questions about shipping, care and more."),
    quickReplies(...MAIN_QUICK_REPLIES),
  ];
}

/** Not sure what the customer meant: offer the main paths and a human, never a guess. */
export function notUnderstood(suggestion: QuickReply | undefined, offerStylistNow: boolean): ReplyBlock[] {
  const intro = offerStylistNow
    ? "I'm sorry, I'm still not sure I follow. A stylist can pick this up with you, or choose one of these:"
    : "I'm not sure I understood that. Could you say it another way, or choose one of these?";
  const options = suggestion ? [suggestion, ...MAIN_QUICK_REPLIES.filter((option) => option.text !== suggestion.text)] : MAIN_QUICK_REPLIES;
  return [text(intro), quickReplies(...options), links(LINKS.catalog, LINKS.contact)];
}

/** Not sure enough to open a form: ask, with the likeliest options as buttons. */
export function clarify(options: QuickReply[]): ReplyBlock[] {
  return [text('Just so I get this right, which of these can I help you with?'), quickReplies(...options)];
}

/** "Sorry, wrong chat": no form, no rating request. */
export function noProblem(): ReplyBlock[] {
  return [text("No problem at all! If you ever need anything from GlowGlitch, I'm right here. Have a lovely day.")];
}

/** A card number typed in the chat: it was masked before anything was stored; say so, and what we never ask. */
export function cardWarning(): ReplyBlock {
  return text("I've hidden the card number you sent. Please never share card details in the chat: GlowGlitch will never ask you for them.");
}

export function youAreWelcome(): ReplyBlock[] {
  return [text("You're very welcome! Is there anything else I can help you with?")];
}

export function farewell(): ReplyBlock[] {
  return [text('Thank you for visiting GlowGlitch. Have a sparkling day! 💖')];
}

export function askRating(): ReplyBlock[] {
  return [text('Before you go, how did I do today?'), { type: 'form', form: 'csat', prefill: {} }];
}

export function somethingWentWrong(): ReplyBlock[] {
  return [
    text('Something went wrong on our side. Please try again in a moment, or choose one of these:'),
    quickReplies(TRACK_ORDER),
    links(LINKS.catalog, LINKS.contact),
  ];
}
