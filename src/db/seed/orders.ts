// Generates demo orders in every status, with carriers, tracking numbers and realistic timelines.
import type { NewOrder, NewProduct, OrderStatus } from '../schema';
import type { Random } from './random';
import { trackingUrl, type Carrier } from '../../modules/orders/carriers';

export interface DemoOrder {
  order: Omit<NewOrder, 'customer_id'> & { customerIndex: number };
  items: { productIndex: number; sku: string; name: string; size: number | null; quantity: number; unit_price_cents: number; final_sale: number }[];
  events: { type: string; at: string; data?: Record<string, unknown> }[];
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const CARRIERS: readonly Carrier[] = ['UPS', 'FedEx', 'USPS', 'DHL'];
const STATUS_WEIGHTS: readonly (readonly [OrderStatus, number])[] = [
  ['processing', 15], ['shipped', 20], ['out_for_delivery', 8], ['delivered', 45], ['delayed', 6], ['cancelled', 6],
];
/** How many days ago an order in each status was placed (min, max). */
const PLACED_DAYS_AGO: Record<OrderStatus, [number, number]> = {
  processing: [0, 3], shipped: [2, 7], out_for_delivery: [3, 8], delivered: [6, 150], delayed: [6, 15], cancelled: [1, 60],
};
const STREETS = ['Maple Ave', 'Harbor St', 'Willow Lane', 'Rose Court', 'Cedar Rd', 'Park Place', 'Bay View Dr'];
const CITIES: readonly (readonly [string, string])[] = [['Portland', '97205'], ['Austin', '78701'], ['Brooklyn', '11201'], ['Denver', '80202'], ['Seattle', '98101'], ['Chicago', '60614'], ['San Diego', '92101']];

function trackingNumber(carrier: Carrier, random: Random): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  switch (carrier) {
    case 'UPS': return `1Z${Array.from({ length: 6 }, () => random.pick('ABCDEFGHJKLMNPRTVWXY0123456789'.split(''))).join('')}${digits(10)}`;
    case 'FedEx': return digits(12);
    case 'USPS': return `9400${digits(18)}`;
    case 'DHL': return digits(10);
  }
}

/** Showcase orders with fixed number, customer and status (documented in the README). */
const SHOWCASE: Record<number, { customerIndex: number; status: OrderStatus; daysAgo: number }> = {
  233: { customerIndex: 0, status: 'shipped', daysAgo: 3 },
  234: { customerIndex: 0, status: 'delivered', daysAgo: 12 },
  235: { customerIndex: 1, status: 'delivered', daysAgo: 9 },
  236: { customerIndex: 0, status: 'processing', daysAgo: 1 },
  237: { customerIndex: 1, status: 'delayed', daysAgo: 8 },
};

export function generateOrders(
  random: Random,
  count: number,
  now: Date,
  currency: string,
  customers: readonly { name: string; email: string }[],
  products: readonly NewProduct[],
): DemoOrder[] {
  const orders: DemoOrder[] = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  for (let i = 0; i < count; i++) {
    const showcase = SHOWCASE[i];
    const status = showcase?.status ?? random.weighted(STATUS_WEIGHTS);
    const customerIndex = showcase?.customerIndex ?? random.int(0, customers.length - 1);
    const customer = customers[customerIndex]!;
    const [minDays, maxDays] = PLACED_DAYS_AGO[status];
    const placed = now.getTime() - (showcase ? showcase.daysAgo * DAY : random.int(minDays * 24, maxDays * 24 + 20) * HOUR) - random.int(0, 59) * 60_000;
    const items: DemoOrder['items'] = [];
    const itemCount = random.weighted([[1, 6], [2, 3], [3, 1]] as const);
    for (let k = 0; k < itemCount; k++) {
      const productIndex = random.int(0, products.length - 1);
      const product = products[productIndex]!;
      const sizes = JSON.parse(product.sizes ?? '[]') as number[];
      const engraved = random.chance(0.05);
      items.push({
        productIndex,
        sku: product.sku,
        name: engraved ? `${product.name} (engraved)` : product.name,
        size: sizes.length ? random.pick(sizes) : null,
        quantity: random.chance(0.9) ? 1 : 2,
        unit_price_cents: product.price_cents,
        final_sale: engraved ? 1 : 0,
      });
    }
    const subtotal = items.reduce((sum, it) => sum + it.unit_price_cents * it.quantity, 0);
    const shipping = subtotal >= 50_000 ? 0 : 1500;
    const carrier = random.pick(CARRIERS);
    const tracking = trackingNumber(carrier, random);
    const events: DemoOrder['events'] = [{ type: 'order_placed', at: iso(placed) }, { type: 'payment_confirmed', at: iso(placed + random.int(1, 20) * 60_000) }];
    let shippedAt: number | null = null;
    let deliveredAt: number | null = null;
    let estimated: number | null = placed + random.int(5, 8) * DAY;
    const shipsAfter = placed + random.int(20, 44) * HOUR;
    if (status === 'cancelled') {
      events.push({ type: 'cancelled', at: iso(placed + random.int(1, 20) * HOUR), data: { reason: random.pick(['Customer request', 'Payment could not be verified']) } });
      estimated = null;
    } else if (status !== 'processing') {
      shippedAt = Math.min(shipsAfter, now.getTime() - HOUR);
      events.push({ type: 'packed', at: iso(shippedAt - random.int(2, 8) * HOUR) });
      events.push({ type: 'shipped', at: iso(shippedAt), data: { carrier, trackingNumber: tracking } });
      events.push({ type: 'in_transit', at: iso(shippedAt + random.int(6, 20) * HOUR) });
      if (status === 'delayed') {
        events.push({ type: 'delayed', at: iso(shippedAt + random.int(30, 60) * HOUR), data: { reason: random.pick(['Weather delay at the carrier hub', 'Address verification needed', 'Carrier capacity delay']) } });
        estimated = now.getTime() + random.int(2, 4) * DAY;
      }
      if (status === 'out_for_delivery' || status === 'delivered') {
        const outAt = Math.min(shippedAt + random.int(48, 96) * HOUR, now.getTime() - HOUR / 2);
        events.push({ type: 'out_for_delivery', at: iso(outAt) });
        if (status === 'delivered') {
          deliveredAt = outAt + random.int(2, 9) * HOUR;
          events.push({ type: 'delivered', at: iso(deliveredAt) });
          estimated = deliveredAt;
        } else estimated = outAt + 10 * HOUR;
      }
    } else if (placed + 4 * HOUR < now.getTime()) {
      events.push({ type: 'packed', at: iso(placed + 4 * HOUR) });
    }
    const [city, postal] = random.pick(CITIES);
    const shippedStates: OrderStatus[] = ['shipped', 'out_for_delivery', 'delivered', 'delayed'];
    orders.push({
      order: {
        number: `GG-${104000 + i}`,
        customerIndex,
        email: customer.email,
        customer_name: customer.name,
        status,
        carrier: shippedStates.includes(status) ? carrier : null,
        tracking_number: shippedStates.includes(status) ? tracking : null,
        tracking_url: shippedStates.includes(status) ? trackingUrl(carrier, tracking) : null,
        placed_at: iso(placed),
        shipped_at: shippedAt ? iso(shippedAt) : null,
        delivered_at: deliveredAt ? iso(deliveredAt) : null,
        estimated_delivery: estimated ? iso(estimated).slice(0, 10) : null,
        concierge_session_id: null,
        subtotal_cents: subtotal,
        shipping_cents: shipping,
        total_cents: subtotal + shipping,
        currency,
        shipping_address: JSON.stringify({ line1: `${random.int(10, 999)} ${random.pick(STREETS)}`, city, postalCode: postal, country: 'US' }),
        idempotency_key: null,
        confirmation_token: null,
        updated_at: iso(Math.max(...events.map((e) => Date.parse(e.at)))),
      },
      items,
      events,
    });
  }
  return orders;
}
