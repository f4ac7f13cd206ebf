// decide(state, understanding): the next conversation state and the actions for the server to run.
import type { FaqIndex } from '../knowledge/faq-index';
import * as common from '../replies/common';
import { otherLanguage } from '../replies/languages';
import { cannotDo } from '../replies/orders';
import * as policies from '../replies/policies';
import type { Action, ConversationState, Decision, EngineContext, Intent, ReplyBlock, StylistReason, Understanding } from '../types';
import { decideSituation, decideWithFeeling } from './care';
import { clarifyIfUnsure } from './clarify';
import { managementAlert, stylistRequest, triggeredOffer } from './escalation';
import { decideOrderChange, decideOrderLookup, decideReturnOrResize, fillsPendingLookup } from './orders';
import { decideProductPage } from './product-page';
import { decideSearch } from './search';
import { decideSeveral } from './several';
import { decideShortlist } from './shortlist';

export interface DecideDependencies {
  faq: FaqIndex;
  currency: string;
}

const GUESS_LABEL: Partial<Record<Intent, string>> = {
  product_search: 'Find jewelry',
  order_tracking: 'Track my order',
  return_request: 'Return or resize',
  resize_request: 'Return or resize',
  stylist_escalation: 'Talk to a stylist',
};

const HELLO = /^\W*(?:hi|hii+|hello|hey|heya|hiya|howdy|yo|sup|good (?:morning|afternoon|evening|day)|morning|evening|greetings|hola|bonjour)\b/;

// Questions about the shortlist ("how long do you keep it?") are answered, not acted on.
const QUESTION = /^(?:how|does|do you|will|is|are|can i|where|why|when)\b/;

const reply = (blocks: ReplyBlock[]): Action => ({ type: 'reply', blocks });

export function decide(deps: DecideDependencies, state: ConversationState, understanding: Understanding, context: EngineContext = {}): Decision {
  const { pendingOffer, followUp, ...rest } = state;
  // A follow-up waits for its order lookup only while the order form is open.
  const next: ConversationState = { ...rest, ...(state.pendingForm && followUp && { followUp }), turn: state.turn + 1, lastIntent: understanding.intent };
  const decided = pendingOffer && understanding.cues.answer ? answerOffer(next, understanding, pendingOffer.reasons) : route(deps, next, understanding, context);
  // A card number was masked before anything was stored: say so first, whatever else the answer is.
  const decision = understanding.cues.sharedCard ? { ...decided, actions: [reply([common.cardWarning()]), ...decided.actions] } : decided;
  const fallback = understanding.intent === 'out_of_scope' && !understanding.cues.answer;
  const offer = decision.actions.find((action) => action.type === 'offer_stylist' && !action.management);
  const offered = offer?.type === 'offer_stylist' ? { pendingOffer: { reasons: offer.reasons.filter(isStylistReason) } } : {};
  return { ...decision, state: { ...decision.state, ...offered, consecutiveFallbacks: fallback ? state.consecutiveFallbacks + 1 : 0 } };
}

const MANAGEMENT_REASONS = new Set(['legal_threat', 'unhappy_vip', 'financial_error', 'privacy_concern']);
const isStylistReason = (reason: string): reason is StylistReason => !MANAGEMENT_REASONS.has(reason);

/** "Yes" or "no" to "Would you like me to connect you with a stylist?". */
function answerOffer(state: ConversationState, understanding: Understanding, reasons: StylistReason[]): Decision {
  if (understanding.cues.answer === 'no') {
    return { state, actions: [reply([common.text('No problem! Is there anything else I can help you with?'), common.quickReplies(...common.MAIN_QUICK_REPLIES)])] };
  }
  const prefill = { ...(reasons.length > 0 && { topic: reasons.join(',') }), ...(state.knownEmail && { email: state.knownEmail }) };
  return { state, actions: [reply(policies.stylistForm(prefill))] };
}

function route(deps: DecideDependencies, state: ConversationState, understanding: Understanding, context: EngineContext): Decision {
  const email = understanding.entities.email ?? state.knownEmail;
  if (understanding.triggers.management.length > 0) return managementAlert(state, understanding, email);
  if (fillsPendingLookup(state, understanding)) return decideOrderLookup(state, understanding);
  if (understanding.language) return { state, actions: [reply(otherLanguage(understanding.language))] };
  const { pendingForm: _leftBehind, ...withoutForm } = state;
  const base: ConversationState = understanding.intent === 'order_tracking' ? state : withoutForm;
  // A bare "yes" or "no" with no question pending: "no" closes, "yes" asks what they need.
  if (understanding.cues.answer === 'no' && state.pendingForm) return { state: base, actions: [reply(askOrderDetailsLater())] };
  if (understanding.cues.answer === 'no') return closing(base, common.farewell(), true);
  if (understanding.cues.answer === 'yes') return { state: base, actions: [reply(common.greeting())] };
  // On a product page, a question about that piece is answered from its catalog facts (product-page.ts).
  const onPage = decideProductPage(deps, base, understanding, context);
  if (onPage) return onPage;
  const again = (next: ConversationState, part: Understanding) => route(deps, next, part, context);
  // Feelings first (they frame the whole answer), then each request of the message, then situations the intent gets wrong.
  const special = decideWithFeeling(base, understanding, again) ?? decideSeveral(deps.faq, base, understanding, again) ?? decideSituation(deps.faq, base, understanding);
  if (special) return special;
  const unsure = clarifyIfUnsure(base, understanding);
  if (unsure) return unsure;
  const withOffer = (decision: Decision): Decision =>
    decision.actions.some((action) => action.type === 'offer_stylist') ? decision : { ...decision, actions: [...decision.actions, ...triggeredOffer(understanding)] };

  switch (understanding.intent) {
    case 'product_search':
      return withOffer(decideSearch(base, understanding, context));
    case 'order_tracking':
      return decideOrderLookup(base, understanding);
    case 'return_request':
      return withOffer(decideReturnOrResize(base, understanding, 'return'));
    case 'resize_request':
      return withOffer(decideReturnOrResize(base, understanding, 'resize'));
    case 'order_change':
      return withOffer(decideOrderChange(base, understanding));
    case 'stylist_escalation':
      return { state: base, actions: stylistRequest(understanding, email) };
    case 'customization':
      return customization(base, understanding);
    case 'reservation':
      return withOffer({ state: base, actions: [reply(policies.reservation(context.productId !== undefined || context.product !== undefined))] });
    case 'shortlist':
      if (QUESTION.test(understanding.text.toLowerCase()) && understanding.cues.ordinal === undefined) return answerQuestion(deps, base, understanding);
      return { state: base, actions: decideShortlist(base, understanding, context) };
    case 'faq':
      return withOffer(answerQuestion(deps, base, understanding));
    case 'greeting':
      // "Hi!" gets a hello back; "what can you do?" gets the list of what the concierge can do.
      return { state: base, actions: [reply(HELLO.test(understanding.text.toLowerCase()) ? common.greeting() : common.welcome())] };
    case 'thanks':
      return closing(base, common.youAreWelcome(), base.resolvedFlow);
    case 'goodbye':
      return closing(base, common.farewell(), true);
    case 'out_of_scope':
      return fallback(base, understanding);
  }
}

/** "No" when asked for the order number: where to find it, and who can help without it. */
function askOrderDetailsLater(): ReplyBlock[] {
  return [
    common.text('No problem. Your order number starts with GG- and is in your order confirmation email. Our support team can also look it up for you.'),
    common.links(common.LINKS.contact),
  ];
}

function customization(state: ConversationState, understanding: Understanding): Decision {
  if (understanding.cues.limitation === 'image_upload') {
    return { state, actions: [reply(cannotDo('image_upload'))] };
  }
  const reasons: StylistReason[] = understanding.triggers.stylist.length > 0 ? understanding.triggers.stylist : ['custom_design'];
  return {
    state,
    actions: [
      { type: 'offer_stylist', reasons, management: false },
      reply(policies.customization(reasons.includes('engraving'))),
    ],
  };
}

function answerQuestion(deps: DecideDependencies, state: ConversationState, understanding: Understanding): Decision {
  const match = deps.faq.bestMatch(understanding.text);
  if (!match) {
    return {
      state,
      actions: [reply([common.text("I don't have a good answer to that one here. Our support team or a stylist will know:"), common.links(common.LINKS.contact), common.quickReplies(common.TALK_TO_STYLIST)])],
    };
  }
  const { article } = match;
  const blocks = [common.text(article.body), ...(article.links?.length ? [common.links(...article.links)] : [])];
  return { state: { ...state, resolvedFlow: true }, actions: [{ type: 'answer_faq', articleId: article.id }, reply(blocks)] };
}

/** Thanks and goodbyes close a flow: ask for a rating once per session, when there is something to rate. */
function closing(state: ConversationState, blocks: ReplyBlock[], askRating: boolean): Decision {
  if (!askRating || state.csatAsked) return { state, actions: [reply(blocks)] };
  return { state: { ...state, csatAsked: true }, actions: [reply([...blocks, ...common.askRating()])] };
}

function fallback(state: ConversationState, understanding: Understanding): Decision {
  // "Where's my refund?" phrased in a way the classifier has not seen: the honest W8 answer still applies.
  const limitation = understanding.cues.limitation;
  if (limitation) return { state, actions: [reply(cannotDo(limitation, understanding.cues.sharedCard))] };
  // "Any way to get this by tomorrow?": unsure of the intent, but a stylist is the right help.
  if (understanding.triggers.stylist.length > 0) return { state, actions: triggeredOffer(understanding) };
  if (!understanding.guess) return { state, actions: [reply(common.outOfScope())] };
  const label = GUESS_LABEL[understanding.guess.intent];
  const stylistNow = state.consecutiveFallbacks >= 1;
  const actions: Action[] = [reply(common.notUnderstood(label ? { label, text: label } : undefined, stylistNow))];
  return { state, actions };
}
