// Ticket rows and their events: the only SQL of the tickets module.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
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
        .where('first_response_at', 'is', null)
        .where('overdue_alerted_at', 'is', null)
        .orderBy('answer_by')
        .limit(limit)
        .execute();
    },

    /** Marks the overdue alert as taken; false when another instance already did. */
    async claimOverdueAlert(trx: Transaction<Database>, id: number, nowIso: string): Promise<boolean> {
      const result = await trx.updateTable('tickets').set({ overdue_alerted_at: nowIso }).where('id', '=', id).where('overdue_alerted_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async tierOf(email: string): Promise<'standard' | 'vip'> {
      const customer = await db.selectFrom('customers').select('tier').where((eb) => eb(eb.fn('lower', ['email']), '=', normalizeEmail(email))).executeTakeFirst();
      return customer?.tier ?? 'standard';
    },

    staffName(id: number): Promise<{ name: string } | undefined> {
      return db.selectFrom('staff_users').select('name').where('id', '=', id).executeTakeFirst();
    },
  };
}

export type TicketRepo = ReturnType<typeof createTicketRepo>;
