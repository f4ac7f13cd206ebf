// The customer panel on a ticket (issue 12 item 5): who wrote, their orders, their other tickets and their ratings,
// matched by the ticket's email (case-insensitive) and by the conversations their tickets came from. A ticket without
// an email (a chat escalation from someone who gave none) has no "same customer": only its own conversation's ratings.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import { notFound } from '../../errors';

const LIMIT = 20;

export function createCustomerQueries(db: Kysely<Database>) {
  return {
    async forTicket(ticketId: number) {
      const ticket = await db.selectFrom('tickets').select(['id', 'email', 'customer_name', 'tier', 'conversation_id']).where('id', '=', ticketId).executeTakeFirst();
      if (!ticket) throw notFound(`Ticket #${ticketId}`);
      const email = ticket.email.trim().toLowerCase();
      const sameEmail = sql<string>`lower(email)`;
      if (email === '') {
        const ratings = ticket.conversation_id === null ? [] : await ratingsWhere((eb) => eb('r.conversation_id', '=', ticket.conversation_id!));
        return panel(ticket, undefined, [], [], ratings, { orders: 0, tickets: 0, ratings: ratings.length });
      }
      const count = (rows: Promise<{ n: number | string | bigint } | undefined>) => rows.then((row) => Number(row?.n ?? 0));
      const ratingsOfCustomer: Parameters<typeof ratingsWhere>[0] = (eb) =>
        eb.or([
          eb('r.conversation_id', 'in', db.selectFrom('conversations').select('conversations.id').where(sql<string>`lower(customer_email)`, '=', email)),
          eb('r.conversation_id', 'in', db.selectFrom('tickets').select('conversation_id').where(sameEmail, '=', email).where('conversation_id', 'is not', null).$narrowType<{ conversation_id: string }>()),
        ]);
      const [customer, orders, tickets, ratings, orderCount, ticketCount, ratingCount] = await Promise.all([
        db.selectFrom('customers').select(['name', 'tier', 'created_at']).where(sameEmail, '=', email).executeTakeFirst(),
        db
          .selectFrom('orders')
          .select(['number', 'status', 'placed_at', 'total_cents', 'currency'])
          .where(sameEmail, '=', email)
          .orderBy('placed_at', 'desc')
          .orderBy('id', 'desc')
          .limit(LIMIT)
          .execute(),
        db
          .selectFrom('tickets')
          .select(['id', 'status', 'created_at', 'message'])
          .where(sameEmail, '=', email)
          .where('id', '<>', ticketId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(LIMIT)
          .execute(),
        ratingsWhere(ratingsOfCustomer),
        // How many there are in all, so the panel can say "20 of 34" and link to the whole list.
        count(db.selectFrom('orders').select(sql<number>`count(*)`.as('n')).where(sameEmail, '=', email).executeTakeFirst()),
        count(db.selectFrom('tickets').select(sql<number>`count(*)`.as('n')).where(sameEmail, '=', email).where('id', '<>', ticketId).executeTakeFirst()),
        count(ratingsBase().clearSelect().select(sql<number>`count(*)`.as('n')).where(ratingsOfCustomer).executeTakeFirst()),
      ]);
      return panel(ticket, customer, orders, tickets, ratings, { orders: orderCount, tickets: ticketCount, ratings: ratingCount });
    },
  };

  function ratingsWhere(filter: Parameters<ReturnType<typeof ratingsBase>['where']>[0]) {
    return ratingsBase().where(filter).orderBy('r.created_at', 'desc').limit(LIMIT).execute();
  }
  function ratingsBase() {
    return db.selectFrom('csat_ratings as r').select(['r.id', 'r.rating', 'r.comment', 'r.created_at', 'r.conversation_id']);
  }
}

type Row<T extends keyof Database, C extends keyof Selectable<Database[T]>> = Pick<Selectable<Database[T]>, C>;

function panel(
  ticket: Row<'tickets', 'email' | 'customer_name' | 'tier'>,
  customer: Row<'customers', 'name' | 'tier' | 'created_at'> | undefined,
  orders: Row<'orders', 'number' | 'status' | 'placed_at' | 'total_cents' | 'currency'>[],
  tickets: Row<'tickets', 'id' | 'status' | 'created_at' | 'message'>[],
  ratings: Row<'csat_ratings', 'id' | 'rating' | 'comment' | 'created_at' | 'conversation_id'>[],
  totals: { orders: number; tickets: number; ratings: number },
) {
  return {
    email: ticket.email,
    name: customer?.name ?? ticket.customer_name,
    tier: customer?.tier ?? ticket.tier,
    customerSince: customer?.created_at ?? null,
    orders: orders.map((o) => ({ number: o.number, status: o.status, placedAt: o.placed_at, total: o.total_cents / 100, currency: o.currency })),
    tickets: tickets.map((t) => ({ id: t.id, status: t.status, createdAt: t.created_at, message: t.message.length > 120 ? `${t.message.slice(0, 119)}…` : t.message })),
    ratings: ratings.map((r) => ({ id: r.id, rating: r.rating, comment: r.comment ?? '', createdAt: r.created_at, conversationId: r.conversation_id })),
    totals,
  };
}

export type CustomerPanel = Awaited<ReturnType<ReturnType<typeof createCustomerQueries>['forTicket']>>;
