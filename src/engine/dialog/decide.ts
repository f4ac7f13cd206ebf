// decide(state, understanding): the next conversation state and the actions for the server to run.
import type { FaqIndex } from '../knowledge/faq-index';
import * as common from '../replies/common';
import { otherLanguage } from '../replies/languages';
import { cannotDo } from '../replies/orders';
import * as policies from '../replies/policies';
import type { Action, ConversationState, Decision, EngineContext, Intent, ReplyBlock, StylistReason, Understanding } from '../types';
import { decideSituation, decideWithFeeling } from './care';
import { clarifyIfUnsure, plainText } from './clarify';
import { managementAlert, stylistRequest, triggeredOffer } from './escalation';
import { decideOrderChange, decideOrderLookup, decideReturnOrResize, detailsIntoForm, fillsPendingLookup, returnFormDetails } from './orders';
import { decideProductPage } from './product-page';
import { CHEAPEST, decideSearch } from './search';
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
  // `talkedAbout` lasts one turn: only an answer about a piece sets it again (product-page.ts).
  const { pendingOffer, followUp, talkedAbout: _lastPiece, ...rest } = state;
  const turn = state.turn + 1;
  // A stylist offer stands across one turn in between ("my email is …", then "yes") until it is answered,
  // replaced by a new offer, or the customer goes into a flow with a form.
  const offerStands = pendingOffer !== undefined && turn - (pendingOffer.turn ?? state.turn) <= OFFER_TURNS;
  // A follow-up waits for its order lookup only while the order form is open.
  const next: ConversationState = { ...rest, ...(state.pendingForm && followUp && { followUp }), turn, lastIntent: understanding.intent };
  const answered = offerStands && understanding.cues.answer !== undefined;
  const formKind = !answered && returnFormDetails(state, understanding);
  const decided = answered
    ? answerOffer(next, understanding, pendingOffer.reasons)
    : offerStands && !state.pendingForm && isJustAnEmail(understanding)
      ? emailForOffer(next, understanding.entities.email!)
      : formKind
        ? detailsIntoForm(next, understanding, formKind)
        : route(deps, next, understanding, context);
  // A card number was masked before anything was stored: say so first, whatever else the answer is.
  const decision = understanding.cues.sharedCard ? { ...decided, actions: [reply([common.cardWarning()]), ...decided.actions] } : decided;
  const fallback = understanding.intent === 'out_of_scope' && !understanding.cues.answer;
  const offer = decision.actions.find((action) => action.type === 'offer_stylist' && !action.management);
  const showsStylistForm = decision.actions.some((action) => action.type === 'reply' && action.blocks.some((block) => block.type === 'form' && block.form === 'stylist'));
  const standing = offerStands && !answered && !showsStylistForm && decision.state.pendingOffer === undefined ? { pendingOffer } : {};
  const offered = offer?.type === 'offer_stylist' ? { pendingOffer: { reasons: offer.reasons.filter(isStylistReason), turn } } : standing;
  const intent = decision.intent ?? understanding.intent;
  return { ...decision, state: { ...decision.state, ...offered, lastIntent: intent, consecutiveFallbacks: fallback && intent === 'out_of_scope' ? state.consecutiveFallbacks + 1 : 0 } };
}

// Ring sizes run from 3 to 13 (halves too); "between 50 and 80" is a budget.
const SIZE = '(?:1[0-3]|[3-9])(?:[.,]5| ?1\\/2| and a half)?';
const BETWEEN_SIZES = new RegExp(`\\bbetween (?:a |an |size |sizes |us )?${SIZE} (?:and|&|or) (?:a |an )?${SIZE}(?![\\d$])`);

/** How many turns after it was made an offer can still be answered with a bare "yes" (one turn in between). */
const OFFER_TURNS = 2;

// "jane@example.com" and nothing else (an order number would make it an order lookup).
const isJustAnEmail = (understanding: Understanding) =>
  understanding.entities.email !== undefined && !understanding.entities.orderNumber && understanding.text.replace(understanding.entities.email, '').replace(/\b(?:my|email|e-mail|mail|address|is|it's|its|here|use|you can|reach me at|contact me at|at)\b|[^a-z]/gi, '').length === 0;

/** An email typed while a stylist offer waits: kept for the stylist's form, and the offer asked again. */
function emailForOffer(state: ConversationState, email: string): Decision {
  return {
    state: { ...state, knownEmail: email },
    actions: [reply([common.text(`Thanks, I'll give the stylist ${email}. Shall I connect you now?`), common.quickReplies({ label: 'Yes, connect me', text: 'Yes' }, { label: 'No, thanks', text: 'No thanks' })])],
  };
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
  if (understanding.language) return { state, actions: [reply(otherLanguage(understanding.language, understanding.intent === 'greeting'))] };
  // A card typed into the chat to pay with: after the warning, how paying works (checkout), whatever the classifier read.
  if (understanding.cues.sharedCard && understanding.cues.limitation === 'payment') return { state, actions: [reply(cannotDo('payment', true))] };
  const { pendingForm: _leftBehind, ...withoutForm } = state;
  const base: ConversationState = understanding.intent === 'order_tracking' ? state : withoutForm;
  // A bare "yes" or "no" with no question pending: "no" closes, "yes" asks what they need.
  if (understanding.cues.answer === 'no' && state.pendingForm) return { state: base, actions: [reply(askOrderDetailsLater())] };
  if (understanding.cues.answer === 'no') return closing(base, common.farewell(), true);
  if (understanding.cues.answer === 'yes') return { state: base, actions: [reply(common.greeting())] };
  // "over $1,000 instead", "size 8 instead": a new detail for the running search, whatever the classifier read.
  if (refinesSearch(state, understanding)) return { ...decideSearch(base, { ...understanding, intent: 'product_search' }, context), intent: 'product_search' };
  // On a product page, a question about that piece is answered from its catalog facts (product-page.ts).
  const onPage = decideProductPage(deps, base, understanding, context);
  if (onPage) return onPage;
  const again = (next: ConversationState, part: Understanding) => route(deps, next, part, context);
  // Feelings first (they frame the whole answer), then each request of the message, then situations the intent gets wrong.
  const special = decideWithFeeling(base, understanding, again) ?? decideSeveral(deps.faq, base, understanding, again) ?? decideSituation(deps.faq, base, understanding);
  if (special) return special;
  // "I'm between a 6 and a 6.5, which should I get?": the sizing guide's advice, whatever the classifier read.
  if (BETWEEN_SIZES.test(understanding.text.toLowerCase()) && !understanding.entities.orderNumber && understanding.entities.priceMin === undefined) {
    const sizing = answerQuestion(deps, base, { ...understanding, focus: 'ring size between two sizes' });
    if (sizing.actions.some((action) => action.type === 'answer_faq')) return { ...sizing, intent: 'faq' };
  }
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
      return withOffer(policyQuestion(understanding) ? policyAnswer(deps, base, understanding, 'return') : decideReturnOrResize(base, understanding, 'return'));
    case 'resize_request':
      return withOffer(policyQuestion(understanding) ? policyAnswer(deps, base, understanding, 'resize') : decideReturnOrResize(base, understanding, 'resize'));
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
      // "How much is the cheapest ring?" asks for pieces, cheapest first, not the price list.
      if (understanding.entities.category && CHEAPEST.test(understanding.text.toLowerCase())) return { ...decideSearch(base, { ...understanding, intent: 'product_search', cues: { ...understanding.cues, refinement: 'cheaper' } }, context), intent: 'product_search' };
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

// Search details a refinement can carry.
const SEARCH_DETAILS = ['priceMin', 'priceMax', 'metal', 'stone', 'ringSize', 'category', 'style'] as const;
// Intents a bare detail is misread as: "size 8" looks like a resize, "$1,000 instead" like nothing at all.
const MISREAD_REFINEMENT: ReadonlySet<Intent> = new Set(['out_of_scope', 'resize_request', 'order_change', 'return_request', 'faq']);
const REFINEMENT_WORDS = /^(?:(?:and|but|ok|okay|actually|hmm|what about|how about|maybe|rather|make it|only|just|now|then|no|in|with|for|any)\b|.*\b(?:instead|rather|then|please|pls|only|actually)\W*$)/;
// Words that name an order or another flow: "size 8 on my order instead" is not a search.
const FLOW_WORDS = /\b(?:order|purchase|bought|ordered|cancel\w*|return\w*|refund\w*|resiz\w*|too (?:big|small|tight|loose)|exchange|track\w*|ship\w*|deliver\w*|engrav\w*)\b/;
const MAX_REFINEMENT_WORDS = 8;

/** A short message that only adds or changes a detail of the search the customer is running. */
function refinesSearch(state: ConversationState, understanding: Understanding): boolean {
  if (!state.search || !MISREAD_REFINEMENT.has(understanding.intent)) return false;
  const { entities } = understanding;
  if (entities.orderNumber || entities.email || !SEARCH_DETAILS.some((key) => entities[key] !== undefined)) return false;
  const text = plainText(understanding).trim();
  if (text.split(/\s+/).length > MAX_REFINEMENT_WORDS || FLOW_WORDS.test(text) || QUESTION.test(text)) return false;
  // A bare detail ("size 8", "over $1,000") or a detail said as a change ("…instead", "what about…").
  return REFINEMENT_WORDS.test(text) || text.replace(/[$€£\d.,+-]+|\b(?:size|over|under|above|below|k|usd|dollars?)\b|\W/g, '').length < 12;
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

// "Is resizing free?", "can rings be resized?", "what if it doesn't fit?": a question about the policy, asked about no
// piece of the customer's own (no order, no "my", no "I want"), is answered with the policy, not a form on a guess.
const POLICY_QUESTION = /^(?:and |so |also |ok |hi,? |hello,? )?(?:is|are|does|do you|do they|how much|how long|how many|what(?:'s| is| are| about| of| if| happens)?|can (?:rings?|you|pieces?|jewelry|a ring|earrings|necklaces?|bracelets?)|could (?:rings?|you)|should|will you|would you|which|when)\b/;
const OWN_PIECE = /\b(?:my|mine|i|i'm|im|i've|ive|me|we|our|order)\b|\bgg-?\d/;

function policyQuestion(understanding: Understanding): boolean {
  const text = understanding.text.toLowerCase().replace(/[’]/g, "'").trim();
  return POLICY_QUESTION.test(text) && !OWN_PIECE.test(text) && !understanding.entities.orderNumber && !understanding.entities.email;
}

/** The policy's article, and the way in when the customer wants to go ahead. */
function policyAnswer(deps: DecideDependencies, state: ConversationState, understanding: Understanding, kind: 'return' | 'resize'): Decision {
  const answered = answerQuestion(deps, state, understanding);
  if (!answered.actions.some((action) => action.type === 'answer_faq')) return decideReturnOrResize(state, understanding, kind);
  // The article's own way in (its `opens`) when it has one; else one to the flow asked about.
  const offersWayIn = answered.actions.some((action) => action.type === 'reply' && action.blocks.some((block) => block.type === 'quick_replies'));
  const start = kind === 'resize' ? { label: 'Start a resize', text: 'I want to resize my ring' } : { label: 'Start a return', text: 'I want to return an item' };
  return { ...answered, intent: 'faq', actions: offersWayIn ? answered.actions : [...answered.actions, reply([common.quickReplies(start)])] };
}

function answerQuestion(deps: DecideDependencies, state: ConversationState, understanding: Understanding): Decision {
  const match = deps.faq.bestMatch(understanding.focus ?? understanding.text);
  if (!match) {
    return {
      state,
      actions: [reply([common.text("I don't have a good answer to that one here. Our support team or a stylist will know:"), common.links(common.LINKS.contact), common.quickReplies(common.TALK_TO_STYLIST)])],
    };
  }
  const { article } = match;
  return { state: { ...state, resolvedFlow: true }, actions: [{ type: 'answer_faq', articleId: article.id }, reply(common.articleBlocks(article))] };
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
