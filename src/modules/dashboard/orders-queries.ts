// Orders (D6) and concierge transcripts for the dashboard: search, one order with its RMAs, one conversation.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../retention/service';
import type { ConversationService } from '../conversations/service';
import type { OrderService } from '../orders/service';
import { normalizeOrderNumber } from '../orders/order-number';
import { STATUS_LABEL } from '../orders/timeline';
import { parseJson } from '../../db/json-column';
import { nextSteps, REJECTION_REASONS, type RejectionReason } from '../returns/rma-states';


export function createOrderQueries(
  db: Kysely<Database>,
  orders: OrderService,
  conversations: ConversationService,
  now: () => Date = () => new Date(),
  retention: RetentionPolicy = DEFAULT_RETENTION,
) {
  /**
   * Only the retention job deletes conversations, and tickets, ratings and orders outlive it (P6): an ID that they
   * still name, all from before the retention window, was a conversation the policy removed. An ID nothing names, or
   * one named by something newer (its conversation cannot have aged out yet), never was one here (or is mistyped).
   */
  async function conversationMissing(id: string): Promise<AppError> {
    const [tickets, rating, linkedOrders] = await Promise.all([
      db.selectFrom('tickets').select(['id', 'created_at']).where('conversation_id', '=', id).orderBy('id').execute(),
      db.selectFrom('csat_ratings').select('updated_at').where('conversation_id', '=', id).executeTakeFirst(),
      db.selectFrom('orders').select(['number', 'placed_at']).where('concierge_session_id', '=', id).orderBy('placed_at').execute(),
    ]);
    const namedAt = [...tickets.map((t) => t.created_at), ...(rating ? [rating.updated_at] : []), ...linkedOrders.map((o) => o.placed_at)];
    const cutoff = new Date(now().getTime() - retention.conversationDays * 86_400_000).toISOString();
    if (namedAt.length === 0 || namedAt.some((at) => at >= cutoff)) {
      return new AppError('not_found', 'No concierge conversation has this ID. Check the link or the Concierge Session ID.', { reason: 'unknown' });
    }
    const days = retention.conversationDays;
    return new AppError('not_found', `This conversation was removed by the retention policy, ${days} days after its last message. What it led to is kept.`, {
      reason: 'retention',
      retentionDays: days,
      tickets: tickets.map((t) => t.id),
      orders: linkedOrders.map((o) => o.number),
      rated: Boolean(rating),
    });
  }

  return {
    /** By order number (with or without "GG-"), by RMA number (RMA-XXXXXXXX) or by the buyer's email (partial, case-insensitive); newest first. */
    async search(q: string | undefined, page: number, pageSize: number) {
      const text = q?.trim().toLowerCase() ?? '';
      let query = db.selectFrom('orders');
      const number = normalizeOrderNumber(text) ?? (/^\d{4,8}$/.test(text) ? `GG-${text}` : undefined);
      const rmaNumber = /^rma-?([a-z0-9]{8})$/.exec(text)?.[1];
      if (rmaNumber) query = query.where('id', 'in', db.selectFrom('rmas').select('order_id').where('number', '=', `RMA-${rmaNumber.toUpperCase()}`));
      else if (number) query = query.where('number', '=', number);
      else if (text) query = query.where((eb) => eb(eb.fn('lower', ['email']), 'like', `%${text.replace(/[%_]/g, '')}%`));
      const [rows, count] = await Promise.all([
        query
          .select(['number', 'customer_name', 'email', 'status', 'placed_at', 'total_cents', 'currency', 'concierge_session_id'])
          .orderBy('placed_at', 'desc')
          .orderBy('id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((o) => ({
          number: o.number,
          customerName: o.customer_name,
          email: o.email,
          status: o.status,
          statusLabel: STATUS_LABEL[o.status] ?? o.status,
          placedAt: o.placed_at,
          total: o.total_cents / 100,
          currency: o.currency,
          conciergeSessionId: o.concierge_session_id,
        })),
        total: Number(count.n),
        page,
        pageSize,
      };
    },

    async detail(number: string) {
      const found = await orders.byNumber(normalizeOrderNumber(number) ?? number);
      if (!found) throw notFound(`Order ${number}`);
      const { order, items, timeline } = found;
      const rmas = await db.selectFrom('rmas').select(['number', 'kind', 'reason', 'status', 'rejection_reason', 'new_size', 'order_item_id', 'created_at', 'status_changed_at']).where('order_id', '=', order.id).orderBy('id').execute();
      return {
        number: order.number,
        customerName: order.customer_name,
        email: order.email,
        status: order.status,
        statusLabel: STATUS_LABEL[order.status] ?? order.status,
        carrier: order.carrier,
        trackingNumber: order.tracking_number,
        trackingUrl: order.tracking_url,
        placedAt: order.placed_at,
        estimatedDelivery: order.estimated_delivery,
        subtotal: order.subtotal_cents / 100,
        shipping: order.shipping_cents / 100,
        total: order.total_cents / 100,
        currency: order.currency,
        conciergeSessionId: order.concierge_session_id,
        shippingAddress: parseJson<Record<string, string>>(order.shipping_address, {}),
        items: items.map((i) => ({ sku: i.sku, name: i.name, size: i.size, quantity: i.quantity, unitPrice: i.unit_price_cents / 100, finalSale: i.final_sale === 1 })),
        timeline: timeline.map((t) => ({ type: t.type, at: t.at, label: t.label })),
        rmas: rmas.map((r) => {
          const piece = items.find((i) => i.id === r.order_item_id);
          return {
            number: r.number,
            kind: r.kind,
            reason: r.reason,
            status: r.status,
            rejectionReason: r.rejection_reason === null ? null : (REJECTION_REASONS[r.rejection_reason as RejectionReason] ?? r.rejection_reason),
            next: nextSteps(r),
            newSize: r.new_size,
            // A list, so an RMA covering several pieces fits the same shape; today each covers one order item.
            items: piece ? [{ name: piece.name, sku: piece.sku, size: piece.size }] : [],
            createdAt: r.created_at,
            statusChangedAt: r.status_changed_at ?? r.created_at,
          };
        }),
      };
    },

    /** A concierge conversation as the customer saw it, with what it led to (orders, tickets, rating). */
    async conversation(id: string) {
      const [meta, messages] = await Promise.all([
        db.selectFrom('conversations').select(['id', 'page_url', 'created_at', 'last_activity_at', 'anonymized_at']).where('id', '=', id).executeTakeFirst(),
        conversations.transcript(id),
      ]);
      if (!meta && messages.length === 0) throw await conversationMissing(id);
      const [linkedOrders, tickets, rating] = await Promise.all([
        db.selectFrom('orders').select(['number', 'placed_at']).where('concierge_session_id', '=', id).orderBy('placed_at').execute(),
        db.selectFrom('tickets').select(['id', 'status', 'created_at']).where('conversation_id', '=', id).orderBy('id').execute(),
        db.selectFrom('csat_ratings').select(['rating', 'comment']).where('conversation_id', '=', id).executeTakeFirst(),
      ]);
      return {
        id,
        pageUrl: meta?.page_url ?? null,
        startedAt: meta?.created_at ?? messages[0]?.createdAt ?? null,
        lastActivityAt: meta?.last_activity_at ?? messages.at(-1)?.createdAt ?? null,
        anonymized: !!meta?.anonymized_at,
        messages,
        orders: linkedOrders.map((o) => ({ number: o.number, placedAt: o.placed_at })),
        tickets: tickets.map((t) => ({ id: t.id, status: t.status, createdAt: t.created_at })),
        rating: rating ? { rating: rating.rating, comment: rating.comment } : null,
      };
    },
  };
}

export type OrderQueries = ReturnType<typeof createOrderQueries>;
