// Several requests in one message (issue 11 item 4): answer each question, or do the first and offer the rest.
import type { FaqIndex } from '../knowledge/faq-index';
import * as common from '../replies/common';
import type { Action, ConversationState, Decision, FaqArticle, Intent, OrderFollowUp, QuickReply, Understanding } from '../types';
import type { Route } from './care';

// Parts that ask for nothing ("hi", "thanks") are not requests of their own.
const NOT_A_REQUEST: ReadonlySet<Intent> = new Set(['out_of_scope', 'greeting', 'thanks', 'goodbye']);

// Asked beside an order lookup: answered once the order's status is known (replies/orders.ts).
const AFTER_LOOKUP: Partial<Record<Intent, OrderFollowUp>> = { return_request: 'return', resize_request: 'resize' };

const OFFER: Partial<Record<Intent, { say: string; label: string }>> = {
  order_tracking: { say: 'I can check on your order next.', label: 'Track my order' },
  return_request: { say: 'I can start the return for you next.', label: 'Start the return' },
  resize_request: { say: 'I can start the resize for you next.', label: 'Resize it' },
  product_search: { say: 'I can show you some pieces next.', label: 'Show me pieces' },
  stylist_escalation: { say: 'I can also connect you with a stylist.', label: 'Talk to a stylist' },
  order_change: { say: 'I can help with changing your order next.', label: 'Change my order' },
  customization: { say: 'I can tell you about custom designs next.', label: 'Custom designs' },
  reservation: { say: 'I can tell you how to hold a piece next.', label: 'Hold a piece' },
  shortlist: { say: 'I can take care of your shortlist next.', label: 'My shortlist' },
};

function faqActions(articles: FaqArticle[]): Action[] {
  const blocks = articles.flatMap((article) => common.articleBlocks(article));
  return [...articles.map((article) => ({ type: 'answer_faq', articleId: article.id }) as const), { type: 'reply', blocks }];
}

/** Undefined when the message asks one thing (or the same thing twice): the whole message is handled as one. */
export function decideSeveral(faq: FaqIndex, state: ConversationState, understanding: Understanding, route: Route): Decision | undefined {
  const parts = (understanding.parts ?? []).filter((part) => !NOT_A_REQUEST.has(part.intent));
  if (parts.length < 2) return undefined;
  const articleOf = (part: Understanding) => (part.intent === 'faq' ? faq.bestMatch(part.text)?.article : undefined);
  const [first, ...rest] = parts as [Understanding, ...Understanding[]];
  const firstArticle = articleOf(first);
  const others = rest.filter((part) => part.intent !== first.intent || (part.intent === 'faq' && articleOf(part)?.id !== firstArticle?.id));
  if (others.length === 0) return undefined;
  // The order a later part refers to ("…can I return it?") is the one the message names.
  const { orderNumber, email } = understanding.entities;
  const decision = route(state, { ...first, entities: { ...first.entities, ...(orderNumber && { orderNumber }), ...(email && { email }) } });
  const looksUpOrder = decision.state.pendingForm !== undefined || decision.actions.some((action) => action.type === 'lookup_order');
  let next = decision.state;
  const articles: FaqArticle[] = [];
  const offers: { say: string; option: QuickReply }[] = [];
  // Pieces asked for beside another request are shown at once ("check on my order and show me gold bracelets"):
  // a search needs no answer from the customer first, so there is nothing to wait for.
  const searches: Action[] = [];
  let searched = decision.actions.some((action) => action.type === 'search_products');
  for (const part of others) {
    const article = articleOf(part);
    const followUp = AFTER_LOOKUP[part.intent];
    const offer = OFFER[part.intent];
    if (article) articles.push(article);
    else if (followUp && looksUpOrder) next = { ...next, followUp };
    else if (part.intent === 'product_search' && !searched) {
      const search = route(next, part);
      next = search.state;
      searches.push(...search.actions);
      searched = true;
    } else if (offer) offers.push({ say: offer.say, option: { label: offer.label, text: part.text } });
  }
  // The follow-up is answered with the order's status; until the customer gives the missing detail, say it was heard.
  const heard: Action[] = next.followUp && !decision.actions.some((action) => action.type === 'lookup_order') ? [{ type: 'reply', blocks: [common.text(`Once I've found it, I'll help you with the ${next.followUp === 'return' ? 'return' : 'resize'} too.`)] }] : [];
  const offerActions: Action[] = offers.length > 0 ? [{ type: 'reply', blocks: [common.text(offers.map((offer) => offer.say).join(' ')), common.quickReplies(...offers.map((offer) => offer.option))] }] : [];
  // The dialog acted on the first request: that is the intent reported.
  return { state: next, intent: decision.intent ?? first.intent, actions: [...decision.actions, ...heard, ...(articles.length > 0 ? faqActions(articles) : []), ...searches, ...offerActions] };
}
