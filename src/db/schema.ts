// Table types for Kysely. Times are ISO-8601 UTC strings, money is integer minor units,
// booleans are 0/1 integers and structured values are JSON text: the same on SQLite and PostgreSQL.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Category = 'ring' | 'necklace' | 'pendant' | 'earrings' | 'bracelet';
export type Metal = 'yellow_gold' | 'white_gold' | 'rose_gold' | 'platinum' | 'silver';
export type OrderStatus = 'processing' | 'shipped' | 'out_for_delivery' | 'delivered' | 'delayed' | 'cancelled';
export type CustomerTier = 'standard' | 'vip';

export interface ProductsTable {
  id: Generated<number>;
  sku: string;
  slug: string;
  name: string;
  description: string;
  category: Category;
  metal: Metal;
  stone: string | null;
  price_cents: number;
  currency: string;
  ready_to_ship: number;
  stock: number;
  image_url: string;
  /** JSON array of ring sizes (numbers); empty for pieces without sizes. */
  sizes: string;
  featured: number;
  created_at: string;
}

export interface CustomersTable {
  id: Generated<number>;
  name: string;
  email: string;
  phone: string | null;
  tier: CustomerTier;
  created_at: string;
}

export interface OrdersTable {
  id: Generated<number>;
  number: string;
  customer_id: number | null;
  email: string;
  customer_name: string;
  status: OrderStatus;
  carrier: string | null;
  tracking_number: string | null;
  tracking_url: string | null;
  placed_at: string;
  shipped_at: string | null;
  delivered_at: string | null;
  estimated_delivery: string | null;
  concierge_session_id: string | null;
  subtotal_cents: number;
  shipping_cents: number;
  total_cents: number;
  currency: string;
  /** JSON object: line1, line2, city, postalCode, country. */
  shipping_address: string;
  /** Set by the checkout form so a double submit returns the same order. */
  idempotency_key: string | null;
  /** Secret part of the confirmation page's URL. */
  confirmation_token: string | null;
  updated_at: string;
}

export interface OrderItemsTable {
  id: Generated<number>;
  order_id: number;
  product_id: number | null;
  sku: string;
  name: string;
  size: number | null;
  quantity: number;
  unit_price_cents: number;
  /** Engraved or custom pieces are final sale. */
  final_sale: number;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: number;
  type: string;
  at: string;
  /** JSON object with the event's details (e.g. the RMA number). */
  data: string;
}

export interface CartsTable {
  id: string;
  created_at: string;
  expires_at: string;
}

export interface CartItemsTable {
  id: Generated<number>;
  cart_id: string;
  product_id: number;
  size: number | null;
  quantity: number;
}

export interface ContactMessagesTable {
  id: Generated<number>;
  name: string;
  email: string;
  order_number: string | null;
  message: string;
  created_at: string;
}

export interface FeatureFlagsTable {
  name: string;
  enabled: number;
  updated_at: string;
  updated_by: string | null;
}

export interface Database {
  products: ProductsTable;
  customers: CustomersTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_events: OrderEventsTable;
  carts: CartsTable;
  cart_items: CartItemsTable;
  contact_messages: ContactMessagesTable;
  feature_flags: FeatureFlagsTable;
}

export type ProductRow = Selectable<ProductsTable>;
export type NewProduct = Insertable<ProductsTable>;
export type OrderRow = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderUpdate = Updateable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
export type OrderEventRow = Selectable<OrderEventsTable>;
export type CustomerRow = Selectable<CustomersTable>;
