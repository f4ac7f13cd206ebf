// Messages the intent alone would answer wrongly: feelings, a wrong chat, a future delivery, a worry about
// the metal, a change before shipping (issue 11 items 3 and 5). Undefined when none applies.
import type { FaqIndex } from '../knowledge/faq-index';
import * as common from '../replies/common';
import { changeBeforeShipping } from '../replies/orders';
import * as policies from '../replies/policies';
import type { Action, ConversationState, Decision, Intent, ReplyBlock, Understanding } from '../types';
import { plainText } from './clarify';
import { decideOrderLookup } from './orders';

export type Route = (state: ConversationState, understanding: Understanding) => Decision;

const reply = (blocks: ReplyBlock[]): Action => ({ type: 'reply', blocks });

const ABOUT_AN_ORDER = /\b(?:(?:my|the|our) (?:order|package|parcel|delivery|shipment)|i (?:ordered|bought|purchased)|(?:not|never|has not|hasnt) (?:arrived|come|shipped)|late)\b/;
// Flows that are already the right help for an upset customer with an order: the return or resize form, the change answer.
const ORDER_FLOWS: ReadonlySet<Intent> = new Set(['return_request', 'resize_request', 'order_change']);
// Nothing to do beside the acknowledgement and the offer.
const NO_FLOW: ReadonlySet<Intent> = new Set(['out_of_scope', 'greeting', 'thanks', 'goodbye']);

// A delivery asked about before buying ("if I order today", "were I to buy it").
const BUYING = /\bif (?:i|we|you) (?:order|buy|get|purchase)\b|\b(?:were|was) (?:i|we) to\b|\bbefore (?:i|we) (?:order|buy)\b|\bwould it\b/;

// Queries for the knowledge-base article that answers a situation (any shop's articles on the topic match).
const SHIPPING_QUESTION = 'shipping delivery how long';
const MATERIALS_QUESTION = 'materials solid gold plated hypoallergenic';

function faqAnswer(faq: FaqIndex, state: ConversationState, ...questions: string[]): Decision | undefined {
  const article = questions.map((question) => faq.bestMatch(question)?.article).find(Boolean);
  if (!article) return undefined;
  return { state: { ...state, resolvedFlow: true }, actions: [{ type: 'answer_faq', articleId: article.id }, reply(common.articleBlocks(article))] };
}

export function decideSituation(faq: FaqIndex, state: ConversationState, understanding: Understanding): Decision | undefined {
  switch (understanding.cues.situation) {
    case 'dismissal':
      return { state, actions: [reply(common.noProblem())] };
    case 'future_delivery':
      // "When will it arrive?" right after an order was found: that order's status, with its estimated delivery.
      if (state.knownOrderNumber && state.knownEmail && understanding.cues.refersToCurrent && !BUYING.test(understanding.text.toLowerCase())) return decideOrderLookup(state, understanding);
      // "Will it arrive by Christmas if I order today?" is about shipping times, not an order to look up.
      return faqAnswer(faq, state, `${understanding.text} ${SHIPPING_QUESTION}`, SHIPPING_QUESTION);
    case 'material_worry': {
      const article = faq.bestMatch(MATERIALS_QUESTION)?.article;
      return { state, actions: [...(article ? [{ type: 'answer_faq', articleId: article.id } as const] : []), reply(policies.materialWorry(article?.body))] };
    }
    case 'change_before_shipping': {
      const lookup = decideOrderLookup({ ...state, followUp: 'change_before_shipping' }, understanding);
      return { ...lookup, actions: [reply(changeBeforeShipping()), ...lookup.actions] };
    }
    default:
      return undefined;
  }
}

/** Upset, anxious or urgent: acknowledge, give the facts (the order's status, or ask for what is missing), offer a person. */
export function decideWithFeeling(state: ConversationState, understanding: Understanding, route: Route): Decision | undefined {
  const { feeling, occasion } = understanding.cues;
  if (!feeling) return undefined;
  const calm: Understanding = { ...understanding, cues: { ...understanding.cues, feeling: undefined } };
  const aboutOrder = !ORDER_FLOWS.has(understanding.intent) && (understanding.intent === 'order_tracking' || Boolean(understanding.entities.orderNumber) || ABOUT_AN_ORDER.test(plainText(understanding)));
  const facts: Decision = aboutOrder ? decideOrderLookup(state, calm) : NO_FLOW.has(understanding.intent) ? { state, actions: [] } : route(state, calm);
  const offersPerson = facts.actions.some((action) => action.type === 'offer_stylist' || (action.type === 'reply' && action.blocks.some((block) => block.type === 'form' && block.form === 'stylist')));
  const offer = offersPerson ? [] : [reply(policies.personalHelp())];
  const pending = offersPerson ? {} : { pendingOffer: { reasons: understanding.triggers.stylist, turn: state.turn } };
  return {
    state: { ...facts.state, ...pending },
    actions: [reply(policies.acknowledge(feeling, occasion, aboutOrder)), ...facts.actions, ...offer],
  };
}
