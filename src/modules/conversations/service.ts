// Concierge conversations: sessions that live 24 hours after the last activity, and their messages.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { maskCardNumbers } from '../../engine/index';
import { AppError } from '../../errors';
import { parseJson } from '../../db/json-column';
import { isUniqueViolation } from '../../db/unique-violation';
import { createConversationRepo, type ConversationRepoOptions, type ConversationRow, type MessageRow, type NewMessageRow, type StoredReplyRow } from './repo';
import { isSessionId, newSessionId } from './session-id';
import type { Conversation, Exchange, NewConversation, StoredBlock, StoredExchange, TranscriptMessage } from './types';

export const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

const sessionNotFound = () => new AppError('not_found', 'This conversation has ended or does not exist. Please start a new one.');


/** Text safe to store on both databases: well-formed Unicode, no control characters but tab and newline (PostgreSQL refuses NUL). */
export function cleanCustomerText(text: string): string {
  const lonelySurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
  return text.replace(lonelySurrogate, '\ufffd').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    visitorId: row.visitor_id,
    pageUrl: row.page_url,
    productId: row.product_id,
    state: parseJson<unknown>(row.state, null),
    customerEmail: row.customer_email,
    messageCount: row.message_count,
    createdAt: row.created_at,
    lastActivityAt: row.last_activity_at,
    expiresAt: row.expires_at,
  };
}

function toTranscriptMessage(row: MessageRow): TranscriptMessage {
  return {
    id: row.id,
    role: row.role,
    ...(row.text !== null ? { text: row.text } : {}),
    ...(row.blocks !== null ? { blocks: parseJson<StoredBlock[]>(row.blocks, []) } : {}),
    ...(row.intent !== null ? { intent: row.intent } : {}),
    createdAt: row.created_at,
  };
}

function toStoredExchange(row: StoredReplyRow, created: boolean): StoredExchange {
  return { messageId: row.id, intent: row.intent, confidence: row.confidence, replies: parseJson<StoredBlock[]>(row.blocks, []), created };
}

function conciergeRow(conversationId: string, replies: readonly object[], createdAt: string, meta: Pick<Exchange, 'intent' | 'confidence' | 'idempotencyKey'>): NewMessageRow {
  return {
    conversation_id: conversationId,
    role: 'concierge',
    blocks: JSON.stringify(replies),
    intent: meta.intent ?? null,
    confidence: meta.confidence ?? null,
    idempotency_key: meta.idempotencyKey ?? null,
    created_at: createdAt,
  };
}


export function createConversationService(db: Kysely<Database>, now: () => Date = () => new Date(), options: ConversationRepoOptions = {}) {
  const repo = createConversationRepo(db, options);
  const expiry = (from: Date) => new Date(from.getTime() + SESSION_TTL_MS).toISOString();

  const isActive = (row: ConversationRow | undefined): row is ConversationRow => row !== undefined && row.expires_at > now().toISOString();

  async function get(sessionId: string): Promise<Conversation | undefined> {
    if (!isSessionId(sessionId)) return undefined;
    const row = await repo.find(sessionId);
    return isActive(row) ? toConversation(row) : undefined;
  }

  async function requireActive(sessionId: string): Promise<Conversation> {
    const conversation = await get(sessionId);
    if (!conversation) throw sessionNotFound();
    return conversation;
  }

  return {
    /** Starts a session with its welcome blocks as the first concierge message. */
    async create(input: NewConversation, welcome: readonly object[]): Promise<Conversation> {
      const at = now();
      const row: ConversationRow = {
        id: newSessionId(),
        visitor_id: input.visitorId ?? null,
        page_url: input.pageUrl ?? null,
        product_id: input.productId ?? null,
        state: 'null',
        customer_email: null,
        message_count: 1,
        created_at: at.toISOString(),
        last_activity_at: at.toISOString(),
        expires_at: expiry(at),
        anonymized_at: null,
      };
      await repo.insert(row, conciergeRow(row.id, welcome, row.created_at, {}));
      return toConversation(row);
    },

    /** The active conversation, or undefined when unknown or expired. */
    get,

    /** The active conversation, or AppError('not_found') when unknown or expired (24 h after the last activity). */
    requireActive,

    /**
     * The active conversation (or AppError('not_found')) and, with a key, the stored answer to it, so a
     * retry gets the same reply without a second message. One query.
     */
    async requireActiveWithReplay(sessionId: string, idempotencyKey: string | undefined): Promise<{ conversation: Conversation; previous?: StoredExchange }> {
      if (!idempotencyKey) return { conversation: await requireActive(sessionId) };
      const found = isSessionId(sessionId) ? await repo.findWithReply(sessionId, idempotencyKey) : undefined;
      if (!found || !isActive(found.conversation)) throw sessionNotFound();
      return { conversation: toConversation(found.conversation), previous: found.reply && toStoredExchange(found.reply, false) };
    },

    /**
     * Stores one exchange (the customer's text, card numbers masked, and the concierge's reply blocks)
     * and moves the session's expiry 24 hours on. The same idempotency key never stores twice.
     */
    async appendExchange(sessionId: string, exchange: Exchange): Promise<StoredExchange> {
      // A repeated idempotency key is caught by the unique index below and answered with the first reply.
      const at = now();
      const createdAt = at.toISOString();
      const replies = exchange.replies as StoredBlock[];
      const rows: NewMessageRow[] = [
        ...(exchange.customerText !== undefined
          ? [{ conversation_id: sessionId, role: 'customer' as const, text: maskCardNumbers(cleanCustomerText(exchange.customerText)), created_at: createdAt }]
          : []),
        conciergeRow(sessionId, replies, createdAt, exchange),
      ];
      try {
        const messageId = await repo.appendMessages(sessionId, rows, {
          at: createdAt,
          expiresAt: expiry(at),
          addedMessages: rows.length,
          state: exchange.state !== undefined ? JSON.stringify(exchange.state) : undefined,
          customerEmail: exchange.customerEmail,
        });
        return { messageId, intent: exchange.intent ?? null, confidence: exchange.confidence ?? null, replies, created: true };
      } catch (error) {
        if (exchange.idempotencyKey && isUniqueViolation(error)) {
          const winner = await repo.findReply(sessionId, exchange.idempotencyKey);
          if (winner) return toStoredExchange(winner, false);
        }
        throw error;
      }
    },

    /** Every message of a conversation in order (also after it expired: tickets and the dashboard read it). */
    async transcript(sessionId: string): Promise<TranscriptMessage[]> {
      if (!isSessionId(sessionId)) return [];
      return (await repo.messages(sessionId)).map(toTranscriptMessage);
    },
  };
}

export type ConversationService = ReturnType<typeof createConversationService>;
