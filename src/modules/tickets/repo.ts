// Ticket rows and their events: the only SQL of the tickets module.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, TicketEventsTable, TicketsTable } from '../../db/schema';
import { normalizeEmail } from '../../email';

export type TicketRow = Selectable<TicketsTable>;
export type TicketEventRow = Selectable<TicketEventsTable>;
type Executor = Kysely<Database> | Transaction<Database>;

export function createTicketRepo(db: Kysely<Database>) {
  return {
    async insert(trx: Transaction<Database>, row: Insertable<TicketsTable>): Promise<TicketRow> {
      return trx.insertInto('tickets').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async addEvent(executor: Executor, event: Insertable<TicketEventsTable>): Promise<void> {
      await executor.insertInto('ticket_events').values(event).execute();
    },

    byIdempotencyKey(key: string): Promise<TicketRow | undefined> {
      return db.selectFrom('tickets').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    },

    /** The conversation's unresolved ticket that a management trigger in chat opened, if any. */
    openChatTicket(conversationId: string): Promise<TicketRow | undefined> {
      return db.selectFrom('tickets').selectAll().where('conversation_id', '=', conversationId).where('channel', '=', 'chat').where('status', '<>', 'resolved').orderBy('id', 'desc').executeTakeFirst();
    },

    get(id: number, executor: Executor = db): Promise<TicketRow | undefined> {
      return executor.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst();
    },

    events(ticketId: number): Promise<TicketEventRow[]> {
      return db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId).orderBy('id').execute();
    },

    async update(trx: Transaction<Database>, id: number, values: Partial<Insertable<TicketsTable>>): Promise<void> {
      await trx.updateTable('tickets').set(values).where('id', '=', id).execute();
    },

    /** Open tickets past their answer-by time without a first reply, not yet alerted. */
    overdue(nowIso: string, limit: number): Promise<TicketRow[]> {
      return db
        .selectFrom('tickets')
        .selectAll()
        .where('status', 'in', ['open', 'in_progress'])
        .where('answer_by', '<', nowIso)
        .where('answered_at', 'is', null)
        .where('overdue_alerted_at', 'is', null)
        .orderBy('answer_by')
        .limit(limit)
        .execute();
    },

    /**
     * A staff reply answers the customer once its email is delivered: copies the outbox's sent time onto tickets
     * still waiting (the first delivered reply is also the first response).
     */
    async recordDeliveredReplies(): Promise<void> {
      const delivered = (currentWaitOnly: boolean) =>
        db
          .selectFrom('outbox as o')
          .select((eb) => eb.fn.min('o.sent_at').as('sent_at'))
          .where('o.ticket_id', '=', sql.ref<number>('tickets.id'))
          .where('o.kind', '=', 'stylist_reply')
          .where('o.status', '=', 'sent')
          .$if(currentWaitOnly, (q) => q.where((eb) => eb('o.created_at', '>=', eb.fn.coalesce(sql.ref<string | null>('tickets.awaiting_since'), sql.ref<string>('tickets.created_at')))));
      await db
        .updateTable('tickets')
        .set((eb) => ({ answered_at: delivered(true), first_response_at: eb.fn.coalesce('first_response_at', delivered(false)) }))
        .where('answered_at', 'is', null)
        .where((eb) => eb.exists(delivered(true)))
        .execute();
    },

    /** Marks the overdue alert as taken; false when another instance already did. */
    async claimOverdueAlert(trx: Transaction<Database>, id: number, nowIso: string): Promise<boolean> {
      const result = await trx.updateTable('tickets').set({ overdue_alerted_at: nowIso }).where('id', '=', id).where('overdue_alerted_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async tierOf(email: string, executor: Executor = db): Promise<'standard' | 'vip'> {
      const customer = await executor.selectFrom('customers').select('tier').where((eb) => eb(eb.fn('lower', ['email']), '=', normalizeEmail(email))).executeTakeFirst();
      return customer?.tier ?? 'standard';
    },

    staffName(id: number): Promise<{ name: string } | undefined> {
      return db.selectFrom('staff_users').select('name').where('id', '=', id).executeTakeFirst();
    },
  };
}

export type TicketRepo = ReturnType<typeof createTicketRepo>;
