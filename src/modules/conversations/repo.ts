// The only SQL of conversations and their messages.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { createGroupWriter } from '../../db/group-commit';
import type { ConversationsTable, Database, MessagesTable } from '../../db/schema';

export type ConversationRow = Selectable<ConversationsTable>;
export type MessageRow = Selectable<MessagesTable>;
export type NewMessageRow = Insertable<MessagesTable>;

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

/** The messages (one statement) and the conversation's activity, count and state; the id of the last message. */
async function writeExchange(trx: Transaction<Database>, { conversationId, rows, update }: PendingExchange): Promise<number> {
  const inserted = await trx.insertInto('messages').values(rows).returning('id').execute();
  await trx
    .updateTable('conversations')
    .set((eb) => ({
      last_activity_at: update.at,
      expires_at: update.expiresAt,
      message_count: eb('message_count', '+', update.addedMessages),
      ...(update.state !== undefined ? { state: update.state } : {}),
      ...(update.customerEmail !== undefined ? { customer_email: update.customerEmail } : {}),
    }))
    .where('id', '=', conversationId)
    .execute();
  return inserted.at(-1)!.id;
}

export function createConversationRepo(db: Kysely<Database>) {
  // Chat turns that finish together are stored with one commit (src/db/group-commit.ts).
  const appendExchange = createGroupWriter(db, writeExchange);

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
     * sharing the commit with exchanges of concurrent turns. Returns the id of the last message (the
     * concierge's reply); rejects with the unique violation when the idempotency key is already stored.
     */
    appendMessages(conversationId: string, rows: NewMessageRow[], update: ConversationUpdate): Promise<number> {
      return appendExchange({ conversationId, rows, update });
    },
  };
}

export type ConversationRepo = ReturnType<typeof createConversationRepo>;
