// Order webhooks (P5): the shop's order system creates and updates orders here, so statuses stay right.
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../crypto';
import type { Kysely } from 'kysely';
import type { Database, OrderStatus } from '../../db/schema';
import { AppError } from '../../errors';

/** Signatures older than this are refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Checks `X-Aurora-Timestamp` and `X-Aurora-Signature` over the raw body. */
export function verifySignature(secret: string, timestampHeader: string | undefined, signatureHeader: string | undefined, body: string, now: Date): void {
  const timestamp = Number(timestampHeader);
  if (!timestampHeader || !Number.isInteger(timestamp)) throw new AppError('unauthorized', 'Missing or invalid X-Aurora-Timestamp header.');
  if (Math.abs(now.getTime() / 1000 - timestamp) > SIGNATURE_TOLERANCE_SECONDS) throw new AppError('unauthorized', 'The signature timestamp is too old or in the future.');
  if (!constantTimeEqual(signatureHeader ?? '', signPayload(secret, timestamp, body))) throw new AppError('unauthorized', 'The X-Aurora-Signature header does not match the body.');
}

export interface OrderWebhook {
  event: 'order.created' | 'order.updated';
  order: {
    number: string;
    email: string;
    customerName: string;
    status: OrderStatus;
    carrier?: string | null;
    trackingNumber?: string | null;
    trackingUrl?: string | null;
    placedAt: string;
    shippedAt?: string | null;
    deliveredAt?: string | null;
    estimatedDelivery?: string | null;
    conciergeSessionId?: string | null;
    currency: string;
    subtotal: number;
    shipping: number;
    total: number;
    items: { sku: string; name: string; quantity: number; unitPrice: number; size?: number | null; finalSale?: boolean }[];
  };
}

const cents = (major: number) => Math.round(major * 100);

export function createOrderSync(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    /** Creates or updates the order by number; a status change adds a timeline event. Replays change nothing. */
    async apply(webhook: OrderWebhook): Promise<{ number: string; created: boolean; statusChanged: boolean }> {
      const o = webhook.order;
      const number = o.number.toUpperCase();
      const at = now().toISOString();
      return db.transaction().execute(async (trx) => {
        const existing = await trx.selectFrom('orders').select(['id', 'status']).where('number', '=', number).executeTakeFirst();
        const customer = await trx.selectFrom('customers').select('id').where('email', '=', o.email.toLowerCase()).executeTakeFirst();
        const values = {
          email: o.email.toLowerCase(),
          customer_name: o.customerName,
          customer_id: customer?.id ?? null,
          status: o.status,
          carrier: o.carrier ?? null,
          tracking_number: o.trackingNumber ?? null,
          tracking_url: o.trackingUrl ?? null,
          placed_at: o.placedAt,
          shipped_at: o.shippedAt ?? null,
          delivered_at: o.deliveredAt ?? null,
          estimated_delivery: o.estimatedDelivery ?? null,
          subtotal_cents: cents(o.subtotal),
          shipping_cents: cents(o.shipping),
          total_cents: cents(o.total),
          currency: o.currency.toUpperCase(),
          updated_at: at,
        };
        if (!existing) {
          const inserted = await trx
            .insertInto('orders')
            .values({ ...values, number, concierge_session_id: o.conciergeSessionId ?? null, shipping_address: '{}', idempotency_key: null, confirmation_token: null })
            .returning('id')
            .executeTakeFirstOrThrow();
          const skus = await trx.selectFrom('products').select(['id', 'sku']).where('sku', 'in', o.items.map((i) => i.sku)).execute();
          await trx
            .insertInto('order_items')
            .values(o.items.map((i) => ({ order_id: inserted.id, product_id: skus.find((p) => p.sku === i.sku)?.id ?? null, sku: i.sku, name: i.name, size: i.size ?? null, quantity: i.quantity, unit_price_cents: cents(i.unitPrice), final_sale: i.finalSale ? 1 : 0 })))
            .execute();
          await trx.insertInto('order_events').values({ order_id: inserted.id, type: 'order_placed', at: o.placedAt, data: JSON.stringify({ source: 'webhook' }) }).execute();
          return { number, created: true, statusChanged: false };
        }
        await trx.updateTable('orders').set(values).where('id', '=', existing.id).execute();
        if (existing.status === o.status) return { number, created: false, statusChanged: false };
        const eventType = o.status === 'processing' ? 'status_updated' : o.status;
        await trx.insertInto('order_events').values({ order_id: existing.id, type: eventType, at, data: JSON.stringify({ from: existing.status, to: o.status, source: 'webhook' }) }).execute();
        return { number, created: false, statusChanged: true };
      });
    },
  };
}

export type OrderSync = ReturnType<typeof createOrderSync>;
