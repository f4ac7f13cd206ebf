// The only SQL of conversations and their messages.
import type { ExpressionBuilder, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DialectName } from '../../db/connection';
import { createGroupWriter } from '../../db/group-commit';
import type { ConversationsTable, Database, MessagesTable } from '../../db/schema';

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;
/** What a retry is answered with: the stored reply. */
export type StoredReplyRow = Pick<MessageRow, 'id' | 'blocks' | 'intent' | 'confidence'>;

export interface ConversationUpdate {
  at: string;
  expiresAt: string;
  addedMessages: number;
  state?: string;
  customerEmail?: string;
}

interface PendingExchange {
  conversationId: string;
  rows: NewMessageRow[];
  update: ConversationUpdate;
}

const activity = (update: ConversationUpdate) => (eb: ExpressionBuilder<Database, 'conversations'>) => ({
  last_activity_at: update.at,
  expires_at: update.expiresAt,
  message_count: eb('message_count', '+', update.addedMessages),
  ...(update.state !== undefined ? { state: update.state } : {}),
  ...(update.customerEmail !== undefined ? { customer_email: update.customerEmail } : {}),
});

/** The messages (one statement) and the conversation's activity, count and state; the id of the last message. */
async function writeExchange(trx: Transaction<Database>, { conversationId, rows, update }: PendingExchange): Promise<number> {
  const inserted = await trx.insertInto('messages').values(rows).returning('id').execute();
  await trx.updateTable('conversations').set(activity(update)).where('id', '=', conversationId).execute();
  return inserted.at(-1)!.id;
}

/** PostgreSQL: the same as one statement (data-modifying CTEs), so one round trip and no explicit transaction. */
async function writeExchangeInOneStatement(db: Kysely<Database>, { conversationId, rows, update }: PendingExchange): Promise<number> {
  const row = await db
    .with('inserted', (q) => q.insertInto('messages').values(rows).returning('id'))
    .with('touched', (q) => q.updateTable('conversations').set(activity(update)).where('id', '=', conversationId).returning('id'))
    .selectFrom('inserted')
    .select((eb) => eb.fn.max('inserted.id').as('id'))
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export interface ConversationRepoOptions {
  /**
   * How an exchange is written. `sqlite`: turns that finish together share one commit
   * (src/db/group-commit.ts), since SQLite's single writer makes every commit wait for the one before.
   * `postgres`: one statement per exchange; PostgreSQL groups the WAL flushes of concurrent commits
   * itself, and every round trip counts. Unset: one transaction per exchange, on either database.
   */
  dialect?: DialectName;
}

export function createConversationRepo(db: Kysely<Database>, options: ConversationRepoOptions = {}) {
  const appendExchange =
    options.dialect === 'sqlite'
      ? createGroupWriter(db, writeExchange)
      : options.dialect === 'postgres'
        ? (exchange: PendingExchange) => writeExchangeInOneStatement(db, exchange)
        : (exchange: PendingExchange) => db.transaction().execute((trx) => writeExchange(trx, exchange));

  return {
    /** A new conversation with its opening (welcome) message, in one transaction. */
    async insert(row: Insertable<ConversationsTable>, opening: NewMessageRow): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('conversations').values(row).execute();
        await trx.insertInto('messages').values(opening).execute();
      });
    },

    find(id: string): Promise<ConversationRow | undefined> {
      return db.selectFrom('conversations').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** The conversation and, in the same query, the concierge reply that answered an idempotency key. */
    async findWithReply(id: string, idempotencyKey: string): Promise<{ conversation: ConversationRow; reply?: StoredReplyRow } | undefined> {
      const row = await db
        .selectFrom('conversations')
        .leftJoin('messages as m', (join) => join.onRef('m.conversation_id', '=', 'conversations.id').on('m.idempotency_key', '=', idempotencyKey))
        .selectAll('conversations')
        .select(['m.id as reply_id', 'm.blocks as reply_blocks', 'm.intent as reply_intent', 'm.confidence as reply_confidence'])
        .where('conversations.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      const { reply_id, reply_blocks, reply_intent, reply_confidence, ...conversation } = row;
      return { conversation, reply: reply_id === null ? undefined : { id: reply_id, blocks: reply_blocks, intent: reply_intent, confidence: reply_confidence } };
    },

    /** The concierge message that answered an idempotency key, if any. */
    findReply(conversationId: string, idempotencyKey: string): Promise<MessageRow | undefined> {
      return db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('idempotency_key', '=', idempotencyKey)
        .executeTakeFirst();
    },

    messages(conversationId: string): Promise<MessageRow[]> {
      return db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId).orderBy('id').execute();
    },

    /**
     * Stores one exchange atomically (the messages and the conversation's activity, count and state),
     * written as `options.dialect` says. Returns the id of the last message (the
     * concierge's reply); rejects with the unique violation when the idempotency key is already stored.
     */
    appendMessages(conversationId: string, rows: NewMessageRow[], update: ConversationUpdate): Promise<number> {
      return appendExchange({ conversationId, rows, update });
    },
  };
}

export type ConversationRepo = ReturnType<typeof createConversationRepo>;
