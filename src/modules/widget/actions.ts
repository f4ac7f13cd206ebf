// Runs the engine's actions for one chat turn (search, order lookup, shortlist) and collects reply blocks.
import { MANAGEMENT_LEAD, type Action, type ConversationState, type Engine, type ReplyBlock, type SearchResult } from '../../engine/index';
import { AppError } from '../../errors';
import type { EventData, EventType } from '../analytics/service';
import type { CatalogService } from '../catalog/service';
import type { OrderTracking, TrackedOrder } from '../orders/tracking';
import type { ShortlistService } from '../shortlist/service';
import { catalogQuery, productIdOf, productSummary } from './products';
import { normalizeEmail } from '../../email';
import type { Db } from '../../db/connection';
import type { ConversationService } from '../conversations/service';
import { createChatEscalation, type ChatTicket } from '../tickets/chat-escalation';
import type { TicketService } from '../tickets/service';

export interface TurnParties {
  sessionId: string;
  /** The visitor's shortlist key: the widget's visitor id, or the session when it sent none. */
  visitorKey: string;
  clientAddress: string;
  /** This turn's message, and the email the conversation already knows (for a ticket the turn opens). */
  customerText: string;
  customerEmail: string | null;
  /**
   * Order lookups made this turn, by order number and email. The built-in engine answering after the model tried
   * (a fallback) reuses the model's lookup, so one question counts once against the lookup limits.
   */
  lookups?: Map<string, Promise<TurnLookup>>;
}

/** A lookup's outcome: the order (none when the pair does not match), or paused by the lookup limits. */
export type TurnLookup = { order: TrackedOrder | undefined } | { rateLimited: true };

export interface PendingEvent {
  type: EventType;
  data: EventData;
}

export interface TurnOutcome {
  state: ConversationState;
  blocks: ReplyBlock[];
  events: PendingEvent[];
  /** Extra details for the turn's `message` event (a stylist offer, the FAQ article answered). */
  messageData: EventData;
  /** Set when the customer proved an email with a matching order lookup. */
  customerEmail?: string;
  /** The ticket a management trigger opened (or had opened) this turn. */
  managementTicket?: ChatTicket;
  /** The last search's result as the catalog gave it (the LLM mode tells its model what was found). */
  search?: SearchResult;
}

export interface ActionDependencies {
  engine: Engine;
  catalog: CatalogService;
  orderTracking: OrderTracking;
  shortlist: ShortlistService;
  conversations: Pick<ConversationService, 'transcript'>;
  db: Db;
  now: () => Date;
  tickets: TicketService;
}

/**
 * Said after the engine's words on a management trigger: the ticket is already open and the team alerted, so the
 * customer learns that, when the reply is due and how they will be reached (their email is asked for when unknown).
 */
export function managementTicketReply({ ticket, answerByText }: ChatTicket): ReplyBlock {
  const due = answerByText ? `by ${answerByText}` : 'as soon as possible';
  const reach = ticket.email
    ? `A senior member of our team will email you at ${ticket.email} ${due}.`
    : `A senior member of our team will reply ${due}: please leave your email in the form so they can reach you.`;
  return { type: 'text', text: `I've already alerted our team: this is ticket #${ticket.id}, at the top of our queue. ${reach}` };
}

/**
 * The engine's words on a management trigger ask for the form; the ticket is open already, so they become what
 * happened. The form stays only to leave an email when the ticket has none (else nobody could reply).
 */
function withManagementTicket(blocks: ReplyBlock[], opened: ChatTicket): ReplyBlock[] {
  const lead = opened.ticket.email ? "I'm really sorry about this. It needs a person, not a bot." : "I'm really sorry about this. It needs a person, not a bot, and I'd like them to be able to reach you.";
  const kept = blocks.flatMap((block): ReplyBlock[] => {
    if (block.type === 'text' && block.text === MANAGEMENT_LEAD) return [{ type: 'text', text: lead }];
    if (block.type === 'form' && block.form === 'stylist' && block.prefill.urgent === true && opened.ticket.email) return [];
    return [block];
  });
  return [...kept, managementTicketReply(opened)];
}

export function lookupLimitedReply(): ReplyBlock[] {
  return [
    { type: 'text', text: "I've had too many order lookups from you in a short while, so I've paused them for a few minutes to keep everyone's orders safe. Please try again a little later, or our support team can help right away." },
    { type: 'links', links: [{ label: 'Contact our support team', href: '/contact' }] },
  ];
}

export function createActionRunner({ engine, catalog, orderTracking, shortlist, conversations, db, now, tickets }: ActionDependencies) {
  const openFromChat = createChatEscalation({ db, now, tickets, conversations });
  const productsShown = (blocks: ReplyBlock[]): PendingEvent[] => {
    const ids = blocks.flatMap((block) => (block.type === 'products' ? block.items.map((item) => Number(item.id)) : []));
    return ids.length > 0 ? [{ type: 'product_shown', data: { productIds: ids } }] : [];
  };

  async function runOne(action: Action, outcome: TurnOutcome, parties: TurnParties): Promise<void> {
    switch (action.type) {
      case 'reply':
        outcome.blocks.push(...action.blocks);
        return;
      case 'search_products': {
        const query = catalogQuery(action.filters);
        const result = await catalog.recommend(query.filters, query.sort, action.offset, action.limit);
        outcome.search = { items: result.items.map(productSummary), total: result.total, alternatives: result.alternatives.map(productSummary) };
        const presented = engine.presentSearch(outcome.state, action, outcome.search);
        outcome.state = presented.state;
        outcome.blocks.push(...presented.blocks);
        outcome.events.push(...productsShown(presented.blocks));
        return;
      }
      case 'lookup_order': {
        const key = `${action.orderNumber.toUpperCase()}\0${normalizeEmail(action.email)}`;
        let lookup = parties.lookups?.get(key);
        if (!lookup) {
          lookup = orderTracking.lookup({ sessionId: parties.sessionId, clientAddress: parties.clientAddress, orderNumber: action.orderNumber, email: action.email }).then(
            (order): TurnLookup => ({ order }),
            (error: unknown): TurnLookup => {
              if (!(error instanceof AppError && error.code === 'rate_limited')) throw error;
              return { rateLimited: true };
            },
          );
          parties.lookups?.set(key, lookup);
        }
        const looked = await lookup;
        if ('rateLimited' in looked) {
          outcome.blocks.push(...lookupLimitedReply());
          outcome.events.push({ type: 'order_lookup', data: { found: false, via: 'chat', rateLimited: true } });
          return;
        }
        const presented = engine.presentOrder(outcome.state, looked.order ?? null);
        outcome.state = presented.state;
        outcome.blocks.push(...presented.blocks);
        outcome.events.push({ type: 'order_lookup', data: { found: looked.order !== undefined, via: 'chat' } });
        if (looked.order) outcome.customerEmail = normalizeEmail(action.email);
        return;
      }
      case 'shortlist_add':
      case 'shortlist_remove': {
        const id = productIdOf(action.productId);
        const product = id === undefined ? undefined : (await catalog.findByIds([id]))[0];
        if (!product) {
          outcome.blocks.push(...engine.replies.shortlist([]));
          return;
        }
        if (action.type === 'shortlist_add') {
          await shortlist.add(parties.visitorKey, product.id);
          outcome.blocks.push(...engine.replies.shortlistSaved(product));
        } else {
          await shortlist.remove(parties.visitorKey, product.id);
          outcome.blocks.push(...engine.replies.shortlistRemoved(product));
        }
        outcome.events.push({ type: action.type === 'shortlist_add' ? 'shortlist_add' : 'shortlist_remove', data: { productId: product.id, via: 'chat' } });
        return;
      }
      case 'shortlist_list': {
        const items = (await shortlist.list(parties.visitorKey)).map(productSummary);
        outcome.state = engine.recordShownProducts(outcome.state, items);
        outcome.blocks.push(...engine.replies.shortlist(items));
        return;
      }
      case 'offer_stylist':
        // The engine words the offer in a `reply` action beside this one; here it is counted and, on a management
        // trigger, the ticket is opened and the team alerted at once (a form may never come).
        Object.assign(outcome.messageData, { stylistOffer: action.reasons.join(','), management: action.management });
        if (action.management) {
          const email = outcome.state.knownEmail ?? parties.customerEmail;
          outcome.managementTicket = await openFromChat({ conversationId: parties.sessionId, text: parties.customerText, reasons: action.reasons, email: email ? normalizeEmail(email) : null });
        }
        return;
      case 'answer_faq':
        // The article's text comes in the `reply` action that follows.
        outcome.messageData.faqArticle = action.articleId;
        return;
    }
  }

  return async function runActions(actions: Action[], state: ConversationState, parties: TurnParties): Promise<TurnOutcome> {
    const outcome: TurnOutcome = { state, blocks: [], events: [], messageData: {} };
    for (const action of actions) await runOne(action, outcome, parties);
    if (outcome.managementTicket) outcome.blocks = withManagementTicket(outcome.blocks, outcome.managementTicket);
    return outcome;
  };
}

export type ActionRunner = ReturnType<typeof createActionRunner>;
