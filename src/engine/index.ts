// The concierge engine's public API: build once with createEngine(), then understand → decide → replies.
import defaultKnowledgeBase from '../../data/knowledge-base.json' with { type: 'json' };
import defaultModel from '../../data/nlu/model.json' with { type: 'json' };
import { decide } from './dialog/decide';
import { initialState, recordOrderLookup, recordShownProducts } from './dialog/state';
import { createFaqIndex } from './knowledge/faq-index';
import { fillLeadTimes } from './knowledge/lead-times';
import type { OrderNumberFormat } from './nlu/extract-contact';
import { loadIntentModel, type SerializedIntentModel, type TrainingExample } from './nlu/model';
import { createUnderstander, trainUnderstanding } from './nlu/understand';
import * as common from './replies/common';
import * as orders from './replies/orders';
import * as search from './replies/search';
import * as shortlist from './replies/shortlist';
import type {
  ConversationState,
  Decision,
  EngineContext,
  FaqArticle,
  OrderStatusView,
  ProductSummary,
  ReplyBlock,
  SearchProductsAction,
  SearchResult,
  Understanding,
} from './types';

export * from './types';
export { maskCardNumbers, maskCardNumbersIn } from './nlu/card-mask';
export { isComplaint } from './nlu/complaint';
export { ratingThanks, LOW_RATING_MAX, type RatingReceived } from './replies/csat';
export { MANAGEMENT_LEAD } from './replies/policies';
export { evaluate, type EvaluationReport } from './nlu/evaluate';
export { serializeIntentModel, type SerializedIntentModel, type TrainingExample } from './nlu/model';
export { trainUnderstanding } from './nlu/understand';
export { LEAD_TIMES, unknownPlaceholders, type LeadTimes } from './knowledge/lead-times';
export { initialState, recordOrderLookup, recordShownProducts };

export interface EngineOptions {
  /** The shop's FAQ articles; defaults to data/knowledge-base.json. */
  knowledgeBase?: FaqArticle[];
  /** ISO 4217 code used to word prices in replies. */
  currency?: string;
  /** The clock for anything time-dependent. Nothing in the engine depends on time yet; it never reads the system clock. */
  now?: () => Date;
  /** Train on these examples at start-up instead of loading data/nlu/model.json (~0.5 s for 4,000 examples). */
  trainingExamples?: TrainingExample[];
  /** A model serialized by `serializeIntentModel` (what `aurora nlu train` writes). */
  model?: SerializedIntentModel;
  /** Probability under which an intent is not acted on (0-1). */
  confidenceThreshold?: number;
  /** The shop's order-number format, e.g. `{ prefix: 'GG', digits: 6 }`; default GG- with 4-8 digits. */
  orderNumber?: OrderNumberFormat;
}

/** Reply builders for the results of the actions the server runs. */
export interface EngineReplies {
  welcome(): ReplyBlock[];
  /** `turn` (the conversation's) varies the follow-up line deterministically. */
  searchResults(search: Pick<SearchProductsAction, 'filters' | 'offset'>, result: SearchResult, turn?: number): ReplyBlock[];
  orderStatus(order: OrderStatusView): ReplyBlock[];
  orderNotFound(): ReplyBlock[];
  shortlistSaved(product?: Pick<ProductSummary, 'name'>): ReplyBlock[];
  shortlistRemoved(product?: Pick<ProductSummary, 'name'>): ReplyBlock[];
  shortlist(items: ProductSummary[]): ReplyBlock[];
  /** For when a requested action failed on the server side (W13). */
  somethingWentWrong(): ReplyBlock[];
}

export interface Engine {
  understand(text: string, context?: EngineContext): Understanding;
  decide(state: ConversationState, understanding: Understanding, context?: EngineContext): Decision;
  initialState(): ConversationState;
  /** Remember what was shown so "the second one" and "cheaper" work on the next turn. */
  recordShownProducts(state: ConversationState, items: readonly Pick<ProductSummary, 'id' | 'price'>[]): ConversationState;
  /** Search results as blocks plus the state that remembers them: one call after running `search_products`. */
  presentSearch(state: ConversationState, search: SearchProductsAction, result: SearchResult): { state: ConversationState; blocks: ReplyBlock[] };
  /** Order lookup result (null when not found or the email does not match) as blocks plus the next state. */
  presentOrder(state: ConversationState, order: OrderStatusView | null): { state: ConversationState; blocks: ReplyBlock[] };
  welcome(): ReplyBlock[];
  replies: EngineReplies;
  /** The knowledge-base article that answers a question, as the FAQ answers pick it (the LLM mode's search_help). */
  searchHelp(question: string): FaqArticle | undefined;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const currency = options.currency ?? 'USD';
  const model = options.trainingExamples
    ? trainUnderstanding(options.trainingExamples)
    : loadIntentModel(options.model ?? (defaultModel as unknown as SerializedIntentModel));
  const understand = createUnderstander(model, { threshold: options.confidenceThreshold, orderNumber: options.orderNumber });
  const faq = createFaqIndex((options.knowledgeBase ?? (defaultKnowledgeBase as FaqArticle[])).map((article) => fillLeadTimes(article)));
  const replies: EngineReplies = {
    welcome: common.welcome,
    searchResults: (request, result, turn) => search.searchResults(request, result, currency, turn),
    orderStatus: orders.orderStatus,
    orderNotFound: orders.orderNotFound,
    shortlistSaved: shortlist.shortlistSaved,
    shortlistRemoved: shortlist.shortlistRemoved,
    shortlist: shortlist.shortlist,
    somethingWentWrong: common.somethingWentWrong,
  };
  return {
    understand,
    decide: (state, understanding, context) => decide({ faq, currency }, state, understanding, context),
    initialState,
    recordShownProducts,
    presentSearch(state, request, result) {
      const shown = result.items.length > 0 ? result.items : request.offset === 0 ? (result.alternatives ?? []) : [];
      return { state: recordShownProducts(state, shown), blocks: replies.searchResults(request, result, state.turn) };
    },
    presentOrder(state, order) {
      return { state: recordOrderLookup(state, order !== null), blocks: order ? orders.orderStatus(order, state.followUp) : orders.orderNotFound() };
    },
    welcome: common.welcome,
    replies,
    searchHelp: (question) => faq.bestMatch(question)?.article,
  };
}
