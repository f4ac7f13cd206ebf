// Order tracking for the widget (W5): a number + email pair shows the order, anything else reveals nothing,
// and failed attempts are limited per session and per client address in the database (holds across instances).
import type { OrderStatusView } from '../../engine/index';
import { AppError } from '../../errors';
import type { AttemptLimits } from '../limits/attempts';
import type { OrderDetail, OrderService } from './service';
import { STATUS_LABEL } from './timeline';
import { normalizeOrderNumber } from './order-number';

export interface TrackingLimits {
  perSession: number;
  perClient: number;
  windowMs: number;
}

/** Five wrong pairs per conversation, twenty per client address, within 15 minutes. */
export const DEFAULT_TRACKING_LIMITS: TrackingLimits = { perSession: 5, perClient: 20, windowMs: 15 * 60_000 };

/** What the customer sees of their order: the engine's order-status view, nothing else (no address, no items). */
export type TrackedOrder = OrderStatusView;

export interface LookupRequest {
  sessionId: string;
  clientAddress: string;
  orderNumber: string;
  email: string;
}


function toTrackedOrder({ order, timeline }: OrderDetail): TrackedOrder {
  return {
    number: order.number,
    status: order.status,
    statusLabel: STATUS_LABEL[order.status] ?? order.status,
    carrier: order.carrier,
    trackingNumber: order.tracking_number,
    trackingUrl: order.tracking_url,
    estimatedDelivery: order.estimated_delivery,
    timeline: timeline.map(({ type, at, label }) => ({ type, at, label })),
  };
}

export const tooManyLookups = () =>
  new AppError('rate_limited', 'Too many order lookups. Please wait a few minutes, or contact our support team.');

export function createOrderTracking(attempts: AttemptLimits, orders: OrderService, limits: TrackingLimits = DEFAULT_TRACKING_LIMITS) {
  // A lookup takes its attempt before the order is checked, so racing wrong pairs (also on other instances)
  // get at most the cap of checks; a found order gives it back, as only failures count.
  const attemptsOf = (request: LookupRequest) => [
    { scope: 'session', key: request.sessionId, max: limits.perSession },
    { scope: 'client', key: request.clientAddress, max: limits.perClient },
  ];

  return {
    /**
     * The order when number and email match, undefined otherwise (wrong email and no such order look
     * the same). Throws AppError('rate_limited') once the session or the client address used up its attempts.
     */
    async lookup(request: LookupRequest): Promise<TrackedOrder | undefined> {
      const taken = await attempts.reserve(attemptsOf(request), limits.windowMs);
      if (!taken) throw tooManyLookups();
      const number = normalizeOrderNumber(request.orderNumber);
      let detail: OrderDetail | undefined;
      try {
        detail = number ? await orders.byNumberAndEmail(number, request.email) : undefined;
      } catch (error) {
        // The check did not happen: it is no failed attempt.
        await taken.release();
        throw error;
      }
      if (!detail) return undefined;
      await taken.release();
      return toTrackedOrder(detail);
    },
  };
}

export type OrderTracking = ReturnType<typeof createOrderTracking>;
