// What narrows the ticket list: the search box (ticket number, name, email, order or RMA number, words in the
// request, the email thread, notes or the chat), a saved view, a tag, and each view's count.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema';
import { containsText } from '../../db/like';
import { normalizeOrderNumber } from '../orders/order-number';

export const TICKET_VIEWS = ['mine', 'unassigned', 'overdue', 'vip', 'management'] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

export interface TicketFilter {
  q?: string;
  view?: TicketView;
  tag?: string;
}

const unresolved = sql<SqlBool>`t.status <> 'resolved'`;

/** Each saved view over tickets `t`: work still to do (resolved tickets are in no view). */
function viewCondition(view: TicketView, staffId: number, nowIso: string): Expression<SqlBool> {
  switch (view) {
    case 'mine':
      return sql<SqlBool>`${unresolved} and t.assignee_id = ${staffId}`;
    case 'unassigned':
      return sql<SqlBool>`${unresolved} and t.assignee_id is null`;
    case 'overdue':
      return sql<SqlBool>`${unresolved} and t.answered_at is null and t.answer_by < ${nowIso}`;
    case 'vip':
      return sql<SqlBool>`${unresolved} and t.tier = 'vip'`;
    case 'management':
      return sql<SqlBool>`${unresolved} and t.management = 1`;
  }
}

/** The search box: any of these finds the ticket. An order or RMA number finds the tickets about it and the buyer's. */
function searchCondition(db: Kysely<Database>, text: string): Expression<SqlBool> {
  const id = /^#?(\d{1,9})$/.exec(text)?.[1];
  const orderNumber = normalizeOrderNumber(text);
  const rmaNumber = /^rma-?([a-z0-9]{8})$/i.exec(text)?.[1];
  const theirOrder = sql<SqlBool>`(o.id = t.order_id or lower(o.email) = lower(t.email))`;
  const conditions: Expression<SqlBool>[] = [
    containsText(sql.ref('t.customer_name'), text),
    containsText(sql.ref('t.email'), text),
    containsText(sql.ref('t.message'), text),
    sql<SqlBool>`exists ${db
      .selectFrom('ticket_events as e')
      .select(sql.lit(1).as('one'))
      .where(sql<SqlBool>`e.ticket_id = t.id`)
      .where('e.type', 'in', ['reply', 'customer_reply', 'note'])
      .where(containsText(sql.ref('e.body'), text))}`,
    sql<SqlBool>`exists ${db
      .selectFrom('messages as m')
      .select(sql.lit(1).as('one'))
      .where(sql<SqlBool>`m.conversation_id = t.conversation_id`)
      .where(containsText(sql.ref('m.text'), text))}`,
  ];
  if (id) conditions.push(sql<SqlBool>`t.id = ${Number(id)}`);
  if (orderNumber) conditions.push(sql<SqlBool>`exists (select 1 from orders o where o.number = ${orderNumber} and ${theirOrder})`);
  if (rmaNumber) conditions.push(sql<SqlBool>`exists (select 1 from rmas r join orders o on o.id = r.order_id where r.number = ${`RMA-${rmaNumber.toUpperCase()}`} and ${theirOrder})`);
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

/** The conditions on tickets `t` for the search text, view and tag (all must hold). */
export function ticketFilterConditions(db: Kysely<Database>, filter: TicketFilter, staffId: number, nowIso: string): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  const text = filter.q?.trim();
  if (text) conditions.push(searchCondition(db, text));
  if (filter.view) conditions.push(viewCondition(filter.view, staffId, nowIso));
  if (filter.tag) conditions.push(sql<SqlBool>`exists (select 1 from ticket_tags g where g.ticket_id = t.id and g.tag = ${filter.tag})`);
  return conditions;
}

/** How many tickets each saved view holds now. */
export async function viewCounts(db: Kysely<Database>, staffId: number, nowIso: string): Promise<Record<TicketView, number>> {
  const row = await db
    .selectFrom('tickets as t')
    .select(TICKET_VIEWS.map((view) => sql<number>`sum(case when ${viewCondition(view, staffId, nowIso)} then 1 else 0 end)`.as(view)))
    .executeTakeFirstOrThrow();
  return Object.fromEntries(TICKET_VIEWS.map((view) => [view, Number((row as Record<string, unknown>)[view] ?? 0)])) as Record<TicketView, number>;
}

/** The tags of these tickets, each list sorted. */
export async function tagsOf(db: Kysely<Database>, ticketIds: number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>(ticketIds.map((id) => [id, []]));
  if (ticketIds.length === 0) return tags;
  for (const row of await db.selectFrom('ticket_tags').select(['ticket_id', 'tag']).where('ticket_id', 'in', ticketIds).orderBy('tag').execute()) tags.get(row.ticket_id)?.push(row.tag);
  return tags;
}
