// The returns and resizing policy (W6), pure: can this item of this order be returned or resized now?
import { DateTime } from 'luxon';
import type { ReturnsPolicy } from '../../config';
import type { OrderItemRow, OrderRow, RmaKind } from '../../db/schema';

export interface ReturnRequest {
  kind: RmaKind;
  newSize?: number;
  /** The customer's reason and note, read for signs of a complex resize ("two rings", "several sizes"). */
  asksForComplexResize: boolean;
}

export type Eligibility =
  | { outcome: 'eligible' }
  /** Not possible under the policy: `reason` is said to the customer as is. */
  | { outcome: 'ineligible'; reason: string }
  /** Possible, but a stylist does it (complex resizing): `reason` explains why. */
  | { outcome: 'stylist'; reason: string };

const DAY_MS = 86_400_000;

/** Ring sizes the workshop offers: min to max in half sizes. */
export function isOfferedSize(size: number, policy: ReturnsPolicy): boolean {
  return size >= policy.minRingSize && size <= policy.maxRingSize && Number.isInteger(size * 2);
}

function windowEnd(deliveredAt: string, days: number): Date {
  return new Date(Date.parse(deliveredAt) + days * DAY_MS);
}

const longDate = (at: Date, timeZone: string) => DateTime.fromJSDate(at, { zone: timeZone }).toFormat('LLLL d, yyyy');

/** The intricate design named in the item, e.g. "eternity" in "Eternity Band"; undefined for a plain piece. */
export function intricateDesignOf(itemName: string, policy: ReturnsPolicy): string | undefined {
  const name = itemName.toLowerCase().replace(/[\s_]+/g, '-');
  return policy.stylistDesigns.find((word) => name.includes(word.replace(/\s+/g, '-')));
}

/** Why no piece of this order can be returned or resized yet (checked before asking which piece), or undefined. */
export function orderIneligibility(order: OrderRow, kind: ReturnRequest['kind']): string | undefined {
  if (order.status === 'cancelled') return `Order ${order.number} was cancelled, so there is nothing to send back.`;
  if (order.status !== 'delivered' || !order.delivered_at) return `Order ${order.number} has not been delivered yet. Once it arrives you can start a ${kind} here.`;
  return undefined;
}

export function checkEligibility(order: OrderRow, item: OrderItemRow, request: ReturnRequest, policy: ReturnsPolicy, now: Date, timeZone: string): Eligibility {
  const notYet = orderIneligibility(order, request.kind);
  if (notYet || !order.delivered_at) return { outcome: 'ineligible', reason: notYet ?? '' };

  if (request.kind === 'return') {
    if (item.final_sale === 1) return { outcome: 'ineligible', reason: `${item.name} is final sale: engraved and custom pieces cannot be returned.` };
    const end = windowEnd(order.delivered_at, policy.returnWindowDays);
    if (now > end) return { outcome: 'ineligible', reason: `The ${policy.returnWindowDays}-day return window for order ${order.number} ended on ${longDate(end, timeZone)}.` };
    return { outcome: 'eligible' };
  }

  if (item.size === null) return { outcome: 'ineligible', reason: `${item.name} has no ring size, so it cannot be resized.` };
  const end = windowEnd(order.delivered_at, policy.resizeWindowDays);
  if (now > end) return { outcome: 'ineligible', reason: `The ${policy.resizeWindowDays}-day resizing window for order ${order.number} ended on ${longDate(end, timeZone)}.` };
  const newSize = request.newSize!;
  if (newSize === item.size) return { outcome: 'ineligible', reason: `${item.name} is already size ${item.size}. Choose a different size for the resize.` };
  const design = intricateDesignOf(item.name, policy);
  if (design) return { outcome: 'stylist', reason: `${item.name} has an intricate design (${design}), so a stylist resizes it by hand.` };
  if (Math.abs(newSize - item.size) > policy.maxSizeChange) {
    return { outcome: 'stylist', reason: `Going from size ${item.size} to ${newSize} is more than ${policy.maxSizeChange} sizes, which a stylist needs to look at first.` };
  }
  if (request.asksForComplexResize) return { outcome: 'stylist', reason: 'Resizing several pieces or sizes at once is arranged by a stylist.' };
  return { outcome: 'eligible' };
}
