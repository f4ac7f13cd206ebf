// Ticket rows and their events: the only SQL of the tickets module.
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, TicketEventsTable, TicketPriority, TicketStatus, TicketsTable } from '../../db/schema';
import { normalizeEmail } from '../../email';

export type TicketRow = Selectable<TicketsTable>;
export type TicketEventRow = Selectable<TicketEventsTable>;
type Executor = Kysely<Database> | Transaction<Database>;

export type TicketSort = 'answer_by' | 'created_at' | 'priority' | 'updated_at';

export interface TicketFilter {
  status?: TicketStatus | TicketStatus[];
  priority?: TicketPriority;
  /** A staff id, or 'none' for unassigned tickets. */
  assigneeId?: number | 'none';
  /** Part of the customer's email (case-insensitive). */
  email?: string;
  management?: boolean;
}

export interface TicketPage {
  sort?: TicketSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export function createTicketRepo(db: Kysely<Database>) {
  function filtered(filter: TicketFilter) {
    let query = db.selectFrom('tickets');
    if (filter.status) query = query.where('status', 'in', Array.isArray(filter.status) ? filter.status : [filter.status]);
    if (filter.priority) query = query.where('priority', '=', filter.priority);
    if (filter.assigneeId === 'none') query = query.where('assignee_id', 'is', null);
    else if (filter.assigneeId !== undefined) query = query.where('assignee_id', '=', filter.assigneeId);
    if (filter.email) {
      // '_' stays a one-character wildcard: harmless in a search box, and no ESCAPE clause differs by dialect.
      const pattern = `%${filter.email.toLowerCase().replace(/%/g, '')}%`;
      query = query.where((eb) => eb(eb.fn('lower', ['email']), 'like', eb.val(pattern)));
    }
    if (filter.management !== undefined) query = query.where('management', '=', filter.management ? 1 : 0);
    return query;
  }

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

    async list(filter: TicketFilter, page: Required<TicketPage>): Promise<{ rows: TicketRow[]; total: number }> {
      let query = filtered(filter).selectAll();
      if (page.sort === 'priority') {
        // urgent, then high, then normal; the earliest answer-by first within a priority.
        query = query
          .orderBy((eb) => eb.case().when('priority', '=', 'urgent').then(0).when('priority', '=', 'high').then(1).else(2).end(), page.order === 'asc' ? 'desc' : 'asc')
          .orderBy('answer_by', 'asc');
      } else query = query.orderBy(page.sort, page.order);
      const [rows, count] = await Promise.all([
        query.orderBy('id', page.order).limit(page.pageSize).offset((page.page - 1) * page.pageSize).execute(),
        filtered(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
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
