// The concierge turn: understand → decide → run the actions → store the exchange → answer (W2-W5, W9, W11).
import type { ConversationState, Engine, EngineContext, ReplyBlock, Understanding } from '../../engine/index';
import { AppError, invalid } from '../../errors';
import type { AnalyticsService } from '../analytics/service';
import type { CatalogService } from '../catalog/service';
import type { Product } from '../catalog/types';
import { cleanCustomerText, type ConversationService } from '../conversations/service';
import type { Conversation, StoredBlock, TranscriptMessage } from '../conversations/types';
import type { OrderTracking } from '../orders/tracking';
import type { ShortlistService } from '../shortlist/service';
import type { Db } from '../../db/connection';
import type { TicketService } from '../tickets/service';
import { createActionRunner, type PendingEvent, type TurnParties } from './actions';
import type { Responder, TurnStream } from '../llm/responder';
import { currentProduct } from './products';
import { createProductReferences } from './product-reference';
import { normalizeEmail } from '../../email';
import type { ChatTurnMetrics } from '../metrics/metrics';

export interface ChatDependencies {
  engine: Engine;
  catalog: CatalogService;
  conversations: ConversationService;
  orderTracking: OrderTracking;
  shortlist: ShortlistService;
  analytics: AnalyticsService;
  /** A management trigger in chat opens a ticket (src/modules/tickets/chat-escalation.ts). */
  db: Db;
  now: () => Date;
  tickets: TicketService;
  /** LLM mode (src/modules/llm): null or absent, every turn is the built-in engine's. */
  llm?: Responder | null;
  /** Counts stored turns by intent and engine (null: metrics off). */
  metrics?: ChatTurnMetrics | null;
}

/** A product as the widget names it: the catalog id, or the slug from the product page's URL. */
export type ProductRef = number | string;

export interface NewSessionInput {
  pageUrl?: string;
  productId?: ProductRef;
  visitorId?: string;
}

export interface MessageInput {
  sessionId: string;
  text: string;
  productId?: ProductRef;
  idempotencyKey?: string;
  clientAddress: string;
}

export interface LookupInput {
  sessionId: string;
  orderNumber: string;
  email: string;
  clientAddress: string;
}

export interface ChatAnswer {
  intent: string;
  confidence: number;
  replies: StoredBlock[];
  messageId: number;
}

function isEngineState(value: unknown): value is ConversationState {
  const state = value as ConversationState | null;
  return typeof state === 'object' && state !== null && state.version === 1 && Array.isArray(state.shown);
}

export function createChatService(deps: ChatDependencies) {
  const { engine, catalog, conversations, analytics } = deps;
  const runActions = createActionRunner(deps);
  const references = createProductReferences(catalog);
  const stateOf = (conversation: Conversation) => (isEngineState(conversation.state) ? conversation.state : engine.initialState());

  async function findProduct(ref: ProductRef | undefined): Promise<Product | undefined> {
    if (ref === undefined) return undefined;
    if (typeof ref === 'number') return (await catalog.findByIds([ref]))[0];
    return catalog.getBySlug(ref).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
  }

  /** The built-in engine's turn: decide, then run the actions it asked for. */
  async function builtinTurn(conversation: Conversation, understanding: Understanding, context: EngineContext, parties: TurnParties) {
    const decision = engine.decide(stateOf(conversation), understanding, context);
    // The intent the dialog acted on: "size 8 instead" in a running search is a search, not a resize.
    const intent = decision.intent ?? understanding.intent;
    return { intent, outcome: await runActions(decision.actions, decision.state, parties) };
  }

  const eventsFor = (conversation: Conversation, events: PendingEvent[]) =>
    events.map((event) => ({ type: event.type, sessionId: conversation.id, visitorId: conversation.visitorId, data: event.data }));

  return {
    /** A new conversation and its welcome blocks; an unknown product is ignored rather than refused. */
    async startSession(input: NewSessionInput): Promise<{ sessionId: string; expiresAt: string; replies: ReplyBlock[] }> {
      const product = await findProduct(input.productId);
      const replies = engine.welcome();
      const conversation = await conversations.create({ visitorId: input.visitorId, pageUrl: input.pageUrl, productId: product?.id }, replies);
      return { sessionId: conversation.id, expiresAt: conversation.expiresAt, replies };
    },

    async session(sessionId: string): Promise<{ sessionId: string; expiresAt: string; messages: TranscriptMessage[] }> {
      const conversation = await conversations.requireActive(sessionId);
      return { sessionId, expiresAt: conversation.expiresAt, messages: await conversations.transcript(sessionId) };
    },

    /** One chat turn. A retry with the same idempotency key answers the stored reply and stores nothing. */
    async sendMessage(input: MessageInput, stream?: TurnStream): Promise<ChatAnswer> {
      const { conversation, previous } = await conversations.requireActiveWithReplay(input.sessionId, input.idempotencyKey);
      if (previous) return { intent: previous.intent ?? 'out_of_scope', confidence: previous.confidence ?? 0, replies: previous.replies, messageId: previous.messageId };
      const product = await findProduct(input.productId ?? conversation.productId ?? undefined);
      const onPage: EngineContext = product ? { productId: product.id, product: currentProduct(product, await catalog.variantsOf(product)) } : {};
      const text = cleanCustomerText(input.text);
      if (!text.trim()) throw invalid('Please type a message.', { fields: { text: 'Please type a message.' } });
      // As the customer wrote it: what is stored, and what a model in LLM mode reads.
      const asWritten = engine.understand(text, onPage);
      let context = onPage;
      let understanding = asWritten;
      // A piece named or pointed to in the chat is answered about from its catalog facts, as on its own page.
      const referenced = await references.resolve(asWritten, stateOf(conversation));
      if (referenced && referenced.product.id !== onPage.productId) {
        const piece = referenced.product;
        context = { productId: piece.id, product: currentProduct(piece, await catalog.variantsOf(piece)), productFromChat: true };
        // The engine reads it as "this ring": the name's words ask for no halo style and no diamonds.
        if (referenced.how === 'named') understanding = engine.understand(referenced.asThis, context);
      } else if (referenced) {
        // The piece on this page, by its name: "this" in other words.
        understanding = { ...understanding, cues: { ...understanding.cues, refersToCurrent: true } };
      }
      const parties: TurnParties = {
        sessionId: conversation.id,
        visitorKey: conversation.visitorId ?? conversation.id,
        clientAddress: input.clientAddress,
        customerText: asWritten.text,
        customerEmail: conversation.customerEmail,
        lookups: new Map(),
      };
      // LLM mode (issue 13): the model answers when it can; otherwise, and always with LLM mode off, the engine does.
      const started = performance.now();
      const viaModel = deps.llm ? await deps.llm.answer({ sessionId: conversation.id, idempotencyKey: input.idempotencyKey, understanding: asWritten, state: stateOf(conversation), parties, stream }) : undefined;
      const { intent, outcome } = viaModel?.engine === 'llm' ? { intent: asWritten.intent, outcome: viaModel.outcome } : await builtinTurn(conversation, understanding, context, parties);
      const latencyMs = performance.now() - started;
      const stored = await conversations.appendExchange(conversation.id, {
        customerText: asWritten.text,
        replies: outcome.blocks,
        intent,
        confidence: understanding.confidence,
        idempotencyKey: input.idempotencyKey,
        state: outcome.state,
        customerEmail: outcome.customerEmail,
      });
      if (stored.created) {
        const engineData = viaModel ? { engine: viaModel.engine, ...(viaModel.engine === 'builtin' && viaModel.reason && { fallback: viaModel.reason }) } : {};
        const message: PendingEvent = { type: 'message', data: { intent, confidence: Math.round(understanding.confidence * 1000) / 1000, ...outcome.messageData, ...engineData } };
        await analytics.trackAll(eventsFor(conversation, [message, ...outcome.events]));
        if (viaModel) await deps.llm!.record(conversation.id, viaModel, latencyMs);
        deps.metrics?.chatTurn({ intent, engine: viaModel?.engine ?? 'builtin' });
      }
      return { intent: stored.intent ?? intent, confidence: stored.confidence ?? understanding.confidence, replies: stored.replies, messageId: stored.messageId };
    },

    /**
     * The order-lookup form (W5): the order's status for a matching pair, the same "not found" answer
     * otherwise. Throws AppError('rate_limited') when the session or address used up its attempts.
     */
    async lookupOrder(input: LookupInput): Promise<{ replies: StoredBlock[] }> {
      const conversation = await conversations.requireActive(input.sessionId);
      let order: Awaited<ReturnType<OrderTracking['lookup']>>;
      try {
        order = await deps.orderTracking.lookup(input);
      } catch (error) {
        if (error instanceof AppError && error.code === 'rate_limited') {
          await analytics.track('order_lookup', { sessionId: conversation.id, visitorId: conversation.visitorId, data: { found: false, via: 'form', rateLimited: true } });
        }
        throw error;
      }
      const state = stateOf(conversation);
      const known = order ? { ...state, knownOrderNumber: order.number, knownEmail: normalizeEmail(input.email) } : state;
      const { pendingForm: _answered, ...next } = known;
      const presented = engine.presentOrder(next, order ?? null);
      const stored = await conversations.appendExchange(conversation.id, {
        replies: presented.blocks,
        intent: 'order_tracking',
        state: presented.state,
        customerEmail: order ? normalizeEmail(input.email) : undefined,
      });
      await analytics.track('order_lookup', { sessionId: conversation.id, visitorId: conversation.visitorId, data: { found: order !== undefined, via: 'form' } });
      return { replies: stored.replies };
    },
  };
}

export type ChatService = ReturnType<typeof createChatService>;
