// Order webhooks (P5): the shop's order system creates and updates orders here, so statuses stay right.
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../crypto';
import type { Kysely } from 'kysely';
import type { Database, OrderStatus } from '../../db/schema';
import { AppError } from '../../errors';
import { isCurrencyCode } from '../catalog/currency';

/** Signatures older than this are refused, so a captured request cannot be replayed later. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;
/**
 * How long an applied delivery is remembered past its signing time: the tolerance plus as much again, so an instance
 * whose clock runs ahead cannot forget a delivery while one whose clock lags still accepts its signature (holds while
 * the instances' clocks disagree by less than the tolerance).
 */
export const REPLAY_RETENTION_SECONDS = 2 * SIGNATURE_TOLERANCE_SECONDS;

/**
 * Where a status stands in the order lifecycle: processing → shipped → out_for_delivery, then delivered or cancelled,
 * which end it. `delayed` is a detour that comes at any stage before the end (before shipping, a failed delivery
 * attempt) and leads back to any of them, so it has no stage of its own.
 */
const LIFECYCLE: Record<OrderStatus, number | 'final' | 'detour'> = { processing: 0, shipped: 1, out_for_delivery: 2, delivered: 'final', cancelled: 'final', delayed: 'detour' };
const STATUSES = Object.keys(LIFECYCLE) as OrderStatus[];

/** True when going from `from` to `to` undoes progress: leaving a final status, or an earlier stage. */
export function movesBackwards(from: OrderStatus, to: OrderStatus): boolean {
  if (from === to) return false;
  const [was, next] = [LIFECYCLE[from], LIFECYCLE[to]];
  if (was === 'final') return true;
  return typeof was === 'number' && typeof next === 'number' && next < was;
}

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
  /** The order system's id of this event: a resend under a new signature is still recognised. */
  id?: string;
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
    /** When the order system changed the order to this state; without it, the signature's timestamp stands for it (and cannot move the status backwards). */
    updatedAt?: string;
    currency: string;
    subtotal: number;
    shipping: number;
    total: number;
    items: { sku: string; name: string; quantity: number; unitPrice: number; size?: number | null; finalSale?: boolean }[];
  };
}

/** The signed request as it arrived: its signature and timestamp identify a delivery. */
export interface WebhookDelivery {
  signature: string;
  timestamp: number;
}

/** What a webhook did; `ignored` says why nothing changed (a replay, or an update older than the order's state). */
export type OrderSyncResult =
  | { number: string; applied: true; created: boolean; statusChanged: boolean }
  | { number: string; applied: false; ignored: 'replay' | 'stale'; created: false; statusChanged: false };

const cents = (major: number) => Math.round(major * 100);

export function createOrderSync(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    /**
     * Creates or updates the order by number; a status change adds a timeline event. A delivery already applied
     * (same signature or event id), an update older than the last one applied, and one that would move the status
     * backwards without a newer `updatedAt` change nothing.
     */
    async apply(webhook: OrderWebhook, delivery: WebhookDelivery): Promise<OrderSyncResult> {
      const o = webhook.order;
      const number = o.number.toUpperCase();
      const at = now().toISOString();
      const updatedAt = new Date(o.updatedAt ?? delivery.timestamp * 1000).toISOString();
      if (!isCurrencyCode(o.currency.toUpperCase())) throw new AppError('invalid_request', 'order.currency must be an ISO 4217 code such as USD.');
      // A time in the future would make every later (real) update look stale.
      if (Date.parse(updatedAt) > now().getTime() + SIGNATURE_TOLERANCE_SECONDS * 1000) {
        throw new AppError('invalid_request', 'order.updatedAt is in the future; send the time the order system changed the order.');
      }
      const ignored = (why: 'replay' | 'stale') => ({ number, applied: false, ignored: why, created: false, statusChanged: false }) as const;
      return db.transaction().execute(async (trx) => {
        // Held in the database so a replay to another instance is caught too; kept a while past the signature's validity.
        await trx.deleteFrom('webhook_deliveries').where('expires_at', '<', at).execute();
        const keys = [`sig:${delivery.signature}`, ...(webhook.id ? [`id:${webhook.id}`] : [])];
        const expiresAt = new Date((delivery.timestamp + REPLAY_RETENTION_SECONDS) * 1000).toISOString();
        const fresh = await trx
          .insertInto('webhook_deliveries')
          .values(keys.map((key) => ({ key, expires_at: expiresAt })))
          .onConflict((oc) => oc.column('key').doNothing())
          .returning('key')
          .execute();
        if (fresh.length < keys.length) return ignored('replay');

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
          source_updated_at: updatedAt,
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
          return { number, applied: true, created: true, statusChanged: false };
        }
        // Webhooks may arrive out of order: a newer updatedAt wins; at the same time, or on the signature's time alone
        // (a re-signed retry of an old event looks new), the status may not move backwards. Decided in the UPDATE itself,
        // so concurrent deliveries cannot interleave between a read and the write.
        const notBehind = STATUSES.filter((from) => !movesBackwards(from, o.status));
        const written = await trx
          .updateTable('orders')
          .set(values)
          .where('id', '=', existing.id)
          .where((eb) => {
            const forward = eb('status', 'in', notBehind);
            const unknown = eb('source_updated_at', 'is', null);
            if (!o.updatedAt) return eb.and([eb.or([unknown, eb('source_updated_at', '<=', updatedAt)]), forward]);
            return eb.or([unknown, eb('source_updated_at', '<', updatedAt), eb.and([eb('source_updated_at', '=', updatedAt), forward])]);
          })
          .executeTakeFirst();
        if (Number(written.numUpdatedRows) === 0) return ignored('stale');
        if (existing.status === o.status) return { number, applied: true, created: false, statusChanged: false };
        const eventType = o.status === 'processing' ? 'status_updated' : o.status;
        await trx.insertInto('order_events').values({ order_id: existing.id, type: eventType, at, data: JSON.stringify({ from: existing.status, to: o.status, source: 'webhook' }) }).execute();
        return { number, applied: true, created: false, statusChanged: true };
      });
    },
  };
}

export type OrderSync = ReturnType<typeof createOrderSync>;
