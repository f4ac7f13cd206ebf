// Ticket rows and their events: the only SQL of the tickets module.
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, TicketEventsTable, TicketsTable } from '../../db/schema';
import { normalizeEmail } from '../../email';
import { liveTypeOfTicketEvent, type LiveBus } from '../live/bus';

export type TicketRow = Selectable<TicketsTable>;
export type TicketEventRow = Selectable<TicketEventsTable>;
type Executor = Kysely<Database> | Transaction<Database>;

/** Changes of these columns bump the ticket's version: a change made from an older one is refused (409). */
const VERSIONED: (keyof TicketsTable)[] = ['status', 'assignee_id'];

/**
 * `live`: every history event is also a live event for the dashboards (its NOTIFY commits with the transaction).
 * The read side (dashboard queries) opens the repo without it.
 */
export function createTicketRepo(db: Kysely<Database>, live?: Pick<LiveBus, 'publish'>) {
  /** The update, only while the ticket is still at `version` (any version when undefined); false when it moved on. */
  async function updateIfVersion(trx: Transaction<Database>, id: number, version: number | undefined, values: Partial<Insertable<TicketsTable>>): Promise<boolean> {
    const bump = VERSIONED.some((column) => column in values);
    const result = await trx
      .updateTable('tickets')
      .set({ ...values, ...(bump && { version: sql<number>`version + 1` }) })
      .where('id', '=', id)
      .$if(version !== undefined, (q) => q.where('version', '=', version!))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  return {
    async insert(trx: Transaction<Database>, row: Insertable<TicketsTable>): Promise<TicketRow> {
      return trx.insertInto('tickets').values(row).returningAll().executeTakeFirstOrThrow();
    },

    async addEvent(executor: Executor, event: Insertable<TicketEventsTable>): Promise<number> {
      const { id } = await executor.insertInto('ticket_events').values(event).returning('id').executeTakeFirstOrThrow();
      await live?.publish({ type: liveTypeOfTicketEvent(event.type), ticketId: event.ticket_id, actorId: event.actor_id ?? null }, executor);
      return id;
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
      await updateIfVersion(trx, id, undefined, values);
    },

    updateIfVersion,

    /** The latest change of assignee or status (with who made it), to tell an agent what changed under them. */
    latestStateChange(id: number, executor: Executor = db): Promise<{ type: string; data: string; created_at: string; actor_name: string | null } | undefined> {
      return executor
        .selectFrom('ticket_events as e')
        .leftJoin('staff_users as s', 's.id', 'e.actor_id')
        .select(['e.type', 'e.data', 'e.created_at', 's.name as actor_name'])
        .where('e.ticket_id', '=', id)
        .where('e.type', 'in', ['assigned', 'status', 'reply', 'customer_reply'])
        .orderBy('e.id', 'desc')
        .executeTakeFirst();
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

    staffName(id: number, executor: Executor = db): Promise<{ name: string } | undefined> {
      return executor.selectFrom('staff_users').select('name').where('id', '=', id).executeTakeFirst();
    },
  };
}

export type TicketRepo = ReturnType<typeof createTicketRepo>;
