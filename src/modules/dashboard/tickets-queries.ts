// Read side of the stylist tickets (D2, D3): the filtered, sorted, paged list and one ticket's full detail.
import { sql, type Kysely } from 'kysely';
import type { Database, TicketPriority, TicketStatus } from '../../db/schema';
import { notFound } from '../../errors';
import { parseJson } from '../../db/json-column';
import { isOverdue } from '../tickets/types';
import { createTicketRepo } from '../tickets/repo';
import { tagsOf, ticketFilterConditions, viewCounts, type TicketView } from './tickets-filters';

export type TicketSort = 'created' | 'answer_by' | 'priority' | 'status' | 'customer';

export interface TicketListQuery {
  /** Ticket number, customer name or email, order or RMA number, or words in the request, thread, notes or chat. */
  q?: string;
  view?: TicketView;
  tag?: string;
  status?: TicketStatus;
  priority?: TicketPriority;
  /** 'me', 'unassigned' or a staff id. */
  assignee?: string;
  sort?: TicketSort;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export interface TicketListItem {
  id: number;
  customerName: string;
  email: string;
  createdAt: string;
  status: TicketStatus;
  priority: TicketPriority;
  answerBy: string;
  overdue: boolean;
  management: boolean;
  assignee: { id: number; name: string } | null;
  /** The ticket's version (changes of assignee or status bump it): bulk changes send it back, a stale one is a 409. */
  version: number;
  tags: string[];
}

export interface TicketEvent {
  id: number;
  type: string;
  body: string | null;
  data: Record<string, unknown>;
  createdAt: string;
  actor: { id: number; name: string } | null;
  /** A reply's email: queued (in the outbox, not yet accepted by the mail server), sent, or failed. */
  delivery?: { status: 'queued' | 'sent' | 'failed'; sentAt: string | null; error: string | null };
}

const DELIVERY_STATUS = { pending: 'queued', sent: 'sent', failed: 'failed' } as const;

/** An email to the ticket's reply address from another sender, held for review. */
export interface HeldEmail {
  id: number;
  from: string;
  subject: string;
  body: string;
  attachments: { name: string; size: number }[];
  receivedAt: string;
}

const PRIORITY_RANK = sql<number>`case t.priority when 'urgent' then 0 when 'high' then 1 else 2 end`;
const STATUS_RANK = sql<number>`case t.status when 'open' then 0 when 'in_progress' then 1 else 2 end`;

export function createTicketQueries(db: Kysely<Database>, now: () => Date) {
  // Replies delivered since the last look answer their tickets before the agent sees them.
  const { recordDeliveredReplies } = createTicketRepo(db);
  function filtered(query: TicketListQuery, staffId: number, nowIso: string) {
    let q = db.selectFrom('tickets as t').leftJoin('staff_users as a', 'a.id', 't.assignee_id');
    for (const condition of ticketFilterConditions(db, query, staffId, nowIso)) q = q.where(condition);
    if (query.status) q = q.where('t.status', '=', query.status);
    if (query.priority) q = q.where('t.priority', '=', query.priority);
    if (query.assignee === 'me') q = q.where('t.assignee_id', '=', staffId);
    else if (query.assignee === 'unassigned') q = q.where('t.assignee_id', 'is', null);
    else if (query.assignee) q = q.where('t.assignee_id', '=', Number(query.assignee));
    return q;
  }

  return {
    async list(
      query: TicketListQuery,
      staffId: number,
    ): Promise<{ items: TicketListItem[]; total: number; page: number; pageSize: number; summary: { open: number; overdue: number; unassigned: number }; views: Record<TicketView, number> }> {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      await recordDeliveredReplies();
      const at = now().toISOString();
      const base = filtered(query, staffId, at);
      const direction = query.dir ?? (query.sort === 'created' || !query.sort ? 'desc' : 'asc');
      const sortColumn = {
        created: sql`t.created_at`,
        answer_by: sql`t.answer_by`,
        priority: PRIORITY_RANK,
        status: STATUS_RANK,
        customer: sql`lower(t.customer_name)`,
      }[query.sort ?? 'created'];
      const [rows, count, summary, views] = await Promise.all([
        base
          .select(['t.id', 't.customer_name', 't.email', 't.created_at', 't.status', 't.priority', 't.answer_by', 't.answered_at', 't.management', 't.assignee_id', 'a.name as assignee_name', 't.version'])
          .orderBy(sortColumn, direction)
          .orderBy('t.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        db
          .selectFrom('tickets')
          .select([
            sql<number>`sum(case when status <> 'resolved' then 1 else 0 end)`.as('open'),
            sql<number>`sum(case when status <> 'resolved' and answered_at is null and answer_by < ${at} then 1 else 0 end)`.as('overdue'),
            sql<number>`sum(case when status <> 'resolved' and assignee_id is null then 1 else 0 end)`.as('unassigned'),
          ])
          .executeTakeFirstOrThrow(),
        viewCounts(db, staffId, at),
      ]);
      const tags = await tagsOf(db, rows.map((r) => r.id));
      return {
        items: rows.map((r) => ({
          id: r.id,
          customerName: r.customer_name,
          email: r.email,
          createdAt: r.created_at,
          status: r.status,
          priority: r.priority,
          answerBy: r.answer_by,
          overdue: isOverdue(r, at),
          management: r.management === 1,
          assignee: r.assignee_id !== null && r.assignee_name !== null ? { id: r.assignee_id, name: r.assignee_name } : null,
          version: r.version,
          tags: tags.get(r.id) ?? [],
        })),
        total: Number(count.n),
        page,
        pageSize,
        summary: { open: Number(summary.open ?? 0), overdue: Number(summary.overdue ?? 0), unassigned: Number(summary.unassigned ?? 0) },
        views,
      };
    },

    /** Every ticket the filters find (at most `limit`), newest first, for the CSV export. */
    async exportRows(query: TicketListQuery, staffId: number, limit: number) {
      const at = now().toISOString();
      const rows = await filtered(query, staffId, at)
        .select(['t.id', 't.customer_name', 't.email', 't.tier', 't.created_at', 't.status', 't.priority', 't.answer_by', 't.answered_at', 't.first_response_at', 't.management', 't.channel', 't.message', 'a.name as assignee_name'])
        .orderBy('t.id', 'desc')
        .limit(limit)
        .execute();
      const tags = await tagsOf(db, rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, overdue: isOverdue(r, at), tags: tags.get(r.id) ?? [] }));
    },

    async detail(id: number) {
      await recordDeliveredReplies();
      const ticket = await db
        .selectFrom('tickets as t')
        .leftJoin('staff_users as a', 'a.id', 't.assignee_id')
        .selectAll('t')
        .select('a.name as assignee_name')
        .where('t.id', '=', id)
        .executeTakeFirst();
      if (!ticket) throw notFound(`Ticket #${id}`);
      const events = await db
        .selectFrom('ticket_events as e')
        .leftJoin('staff_users as s', 's.id', 'e.actor_id')
        .select(['e.id', 'e.type', 'e.body', 'e.data', 'e.created_at', 'e.actor_id', 's.name as actor_name'])
        .where('e.ticket_id', '=', id)
        .orderBy('e.id')
        .execute();
      // Assignment events hold staff ids: name them for the history ("Assigned to Sam Stylist").
      const assignedIds = [...new Set(events.filter((e) => e.type === 'assigned').map((e) => parseJson<{ to?: number | null }>(e.data, {}).to).filter((id): id is number => typeof id === 'number'))];
      const names = new Map(
        assignedIds.length ? (await db.selectFrom('staff_users').select(['id', 'name']).where('id', 'in', assignedIds).execute()).map((s) => [s.id, s.name]) : [],
      );
      const outboxIds = events.filter((e) => e.type === 'reply').map((e) => parseJson<{ outboxId?: number }>(e.data, {}).outboxId).filter((id): id is number => typeof id === 'number');
      const emails = new Map(
        outboxIds.length ? (await db.selectFrom('outbox').select(['id', 'status', 'sent_at', 'last_error']).where('id', 'in', outboxIds).execute()).map((o) => [o.id, o]) : [],
      );
      const deliveryOf = (data: { outboxId?: unknown }): TicketEvent['delivery'] => {
        const email = typeof data.outboxId === 'number' ? emails.get(data.outboxId) : undefined;
        return email && { status: DELIVERY_STATUS[email.status], sentAt: email.sent_at, error: email.status === 'sent' ? null : email.last_error };
      };
      // Mail from someone other than the customer, sent to this ticket's reply address: staff read it, it is not threaded.
      const held = await db.selectFrom('inbound_emails').select(['id', 'from_address', 'subject', 'body', 'attachments', 'received_at']).where('ticket_id', '=', id).where('status', '=', 'held').orderBy('id').execute();
      const at = now().toISOString();
      return {
        id: ticket.id,
        conversationId: ticket.conversation_id,
        customerName: ticket.customer_name,
        email: ticket.email,
        message: ticket.message,
        urgent: ticket.urgent === 1,
        tier: ticket.tier,
        priority: ticket.priority,
        status: ticket.status,
        answerBy: ticket.answer_by,
        overdue: isOverdue(ticket, at),
        reasons: parseJson<string[]>(ticket.reasons, []),
        management: ticket.management === 1,
        firstResponseAt: ticket.first_response_at,
        answeredAt: ticket.answered_at,
        channel: ticket.channel,
        orderId: ticket.order_id,
        createdAt: ticket.created_at,
        updatedAt: ticket.updated_at,
        version: ticket.version,
        assignee: ticket.assignee_id !== null && ticket.assignee_name !== null ? { id: ticket.assignee_id, name: ticket.assignee_name } : null,
        tags: (await tagsOf(db, [ticket.id])).get(ticket.id) ?? [],
        transcript: parseJson<unknown[]>(ticket.transcript, []),
        shortlist: parseJson<unknown[]>(ticket.shortlist, []),
        heldEmails: held.map<HeldEmail>((h) => ({ id: h.id, from: h.from_address, subject: h.subject, body: h.body ?? '', attachments: parseJson<HeldEmail['attachments']>(h.attachments, []), receivedAt: h.received_at })),
        events: events.map<TicketEvent>((e) => {
          const data = parseJson<Record<string, unknown>>(e.data, {});
          if (e.type === 'assigned') data.assigneeName = typeof data.to === 'number' ? (names.get(data.to) ?? null) : null;
          return {
            id: e.id,
            type: e.type,
            body: e.body,
            data,
            createdAt: e.created_at,
            actor: e.actor_id !== null && e.actor_name !== null ? { id: e.actor_id, name: e.actor_name } : null,
            ...(e.type === 'reply' && { delivery: deliveryOf(data) }),
          };
        }),
      };
    },
  };
}

export type TicketQueries = ReturnType<typeof createTicketQueries>;
export type TicketDetail = Awaited<ReturnType<TicketQueries['detail']>>;
