// Orders: the checkout that creates them, and reading one with its items and timeline.
import { randomBytes, randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database, OrderItemRow, OrderRow } from '../../db/schema';
import { AppError, invalid } from '../../errors';
import type { Cart } from '../cart/service';
import { timelineLabel } from './timeline';
import { normalizeEmail } from '../../email';
import { parseJson } from '../../db/json-column';

export interface CheckoutInput {
  name: string;
  email: string;
  phone?: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
  conciergeSessionId?: string;
}

export interface TimelineEntry {
  type: string;
  at: string;
  label: string;
  data: Record<string, unknown>;
}

export interface OrderDetail {
  order: OrderRow;
  items: OrderItemRow[];
  timeline: TimelineEntry[];
}

export const FREE_SHIPPING_FROM_CENTS = 50_000;
export const SHIPPING_CENTS = 1_500;

export function shippingFor(subtotalCents: number): number {
  return subtotalCents >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
}

async function newOrderNumber(trx: Transaction<Database>): Promise<string> {
  for (;;) {
    const number = `GG-${randomInt(200_000, 1_000_000)}`;
    const taken = await trx.selectFrom('orders').select('id').where('number', '=', number).executeTakeFirst();
    if (!taken) return number;
  }
}

export interface OrderHooks {
  /** Called once for each order the checkout creates (not for a double submit answered with the same order). */
  onPlaced?: (order: OrderRow) => Promise<void>;
  /**
   * Before the checkout's transaction: may this checkout's confirmation email go out (the visitor-email caps)? The
   * order is placed either way. Asked outside the transaction because the caps take their own.
   */
  mayConfirm?: (email: string, requester: OrderRequester) => Promise<boolean>;
  /** Inside the checkout's transaction (its confirmation email is queued with the order, or neither is). */
  placing?: (trx: Transaction<Database>, order: OrderRow, items: Omit<OrderItemRow, 'id'>[], context: { confirm: boolean }) => Promise<void>;
}

/** Who checks out: the client address the caps count under. */
export interface OrderRequester {
  clientAddress: string;
}

export function createOrderService(db: Kysely<Database>, now: () => Date = () => new Date(), hooks: OrderHooks = {}) {
  async function detail(order: OrderRow): Promise<OrderDetail> {
    const [items, events] = await Promise.all([
      db.selectFrom('order_items').selectAll().where('order_id', '=', order.id).orderBy('id').execute(),
      db.selectFrom('order_events').selectAll().where('order_id', '=', order.id).orderBy('at').orderBy('id').execute(),
    ]);
    const timeline = events.map((e) => {
      const data = parseJson<Record<string, unknown>>(e.data, {});
      return { type: e.type, at: e.at, label: timelineLabel(e.type, data), data };
    });
    return { order, items, timeline };
  }

  return {
    /**
     * Creates an order from the bag in one transaction: stock is taken, the timeline starts.
     * The same idempotency key returns the order already created (a double submit).
     */
    async checkout(cart: Cart, input: CheckoutInput, idempotencyKey: string, requester: OrderRequester = { clientAddress: 'unknown' }): Promise<OrderRow> {
      const previous = await db.selectFrom('orders').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
      if (previous) return previous;
      if (cart.lines.length === 0) throw invalid('Your bag is empty. Add a piece before checking out.');
      const confirm = hooks.mayConfirm ? await hooks.mayConfirm(input.email, requester) : true;
      const at = now().toISOString();
      const subtotal = cart.subtotalCents;
      const shipping = shippingFor(subtotal);
      const currency = cart.lines[0]!.product.currency;
      try {
        const placed = await db.transaction().execute(async (trx) => {
          for (const line of cart.lines) {
            if (!line.product.readyToShip) continue;
            const taken = await trx
              .updateTable('products')
              .set((eb) => ({ stock: eb('stock', '-', line.quantity) }))
              .where('id', '=', line.product.id)
              .where('stock', '>=', line.quantity)
              .executeTakeFirst();
            if (Number(taken.numUpdatedRows) === 0) throw new AppError('conflict', `Sorry, ${line.product.name} sold out while it was in your bag.`);
          }
          const customer = await trx.selectFrom('customers').select('id').where('email', '=', input.email).executeTakeFirst();
          const order = await trx
            .insertInto('orders')
            .values({
              number: await newOrderNumber(trx),
              customer_id: customer?.id ?? null,
              email: input.email,
              customer_name: input.name,
              status: 'processing',
              carrier: null,
              tracking_number: null,
              tracking_url: null,
              placed_at: at,
              shipped_at: null,
              delivered_at: null,
              estimated_delivery: new Date(now().getTime() + 6 * 86_400_000).toISOString().slice(0, 10),
              concierge_session_id: input.conciergeSessionId ?? null,
              subtotal_cents: subtotal,
              shipping_cents: shipping,
              total_cents: subtotal + shipping,
              currency,
              shipping_address: JSON.stringify({ line1: input.line1, line2: input.line2 ?? '', city: input.city, postalCode: input.postalCode, country: input.country }),
              idempotency_key: idempotencyKey,
              confirmation_token: randomBytes(18).toString('base64url'),
              updated_at: at,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          const items = cart.lines.map((l) => ({ order_id: order.id, product_id: l.product.id, sku: l.product.sku, name: l.product.name, size: l.size, quantity: l.quantity, unit_price_cents: l.product.priceCents, final_sale: 0 }));
          await trx.insertInto('order_items').values(items).execute();
          await hooks.placing?.(trx, order, items, { confirm });
          await trx.insertInto('order_events').values({ order_id: order.id, type: 'order_placed', at, data: JSON.stringify(input.conciergeSessionId ? { conciergeSessionId: input.conciergeSessionId } : {}) }).execute();
          if (cart.id) await trx.deleteFrom('carts').where('id', '=', cart.id).execute();
          return order;
        });
        await hooks.onPlaced?.(placed);
        return placed;
      } catch (error) {
        // A concurrent submit with the same key won the race: answer with its order.
        const winner = await db.selectFrom('orders').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
        if (winner) return winner;
        throw error;
      }
    },

    async byConfirmationToken(token: string): Promise<OrderDetail | undefined> {
      const order = await db.selectFrom('orders').selectAll().where('confirmation_token', '=', token).executeTakeFirst();
      return order && detail(order);
    },

    /** An order only when number and email both match (case-insensitive email): no enumeration. */
    async byNumberAndEmail(number: string, email: string): Promise<OrderDetail | undefined> {
      const order = await db.selectFrom('orders').selectAll().where('number', '=', number.toUpperCase()).executeTakeFirst();
      if (!order || normalizeEmail(order.email) !== normalizeEmail(email)) return undefined;
      return detail(order);
    },

    async byNumber(number: string): Promise<OrderDetail | undefined> {
      const order = await db.selectFrom('orders').selectAll().where('number', '=', number.toUpperCase()).executeTakeFirst();
      return order && detail(order);
    },

    detail,
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
