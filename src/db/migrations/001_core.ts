// The core shop domain: catalog, customers, orders with items and timeline, carts, contact, flags.
import type { AuroraMigration } from './helpers';
import { withId } from './helpers';

export const coreMigration: AuroraMigration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('products'), dialect)
      .addColumn('sku', 'text', (c) => c.notNull().unique())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('metal', 'text', (c) => c.notNull())
      .addColumn('stone', 'text')
      .addColumn('price_cents', 'integer', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('ready_to_ship', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('stock', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('image_url', 'text', (c) => c.notNull())
      .addColumn('sizes', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('featured', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('products_search_idx').on('products').columns(['category', 'metal', 'price_cents']).execute();
    await db.schema.createIndex('products_price_idx').on('products').column('price_cents').execute();

    await withId(db.schema.createTable('customers'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('phone', 'text')
      .addColumn('tier', 'text', (c) => c.notNull().defaultTo('standard'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await withId(db.schema.createTable('orders'), dialect)
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('customer_name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('carrier', 'text')
      .addColumn('tracking_number', 'text')
      .addColumn('tracking_url', 'text')
      .addColumn('placed_at', 'text', (c) => c.notNull())
      .addColumn('shipped_at', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('estimated_delivery', 'text')
      .addColumn('concierge_session_id', 'text')
      .addColumn('subtotal_cents', 'integer', (c) => c.notNull())
      .addColumn('shipping_cents', 'integer', (c) => c.notNull())
      .addColumn('total_cents', 'integer', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('shipping_address', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('confirmation_token', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('orders_email_idx').on('orders').column('email').execute();
    await db.schema.createIndex('orders_placed_idx').on('orders').column('placed_at').execute();
    await db.schema.createIndex('orders_session_idx').on('orders').column('concierge_session_id').execute();

    await withId(db.schema.createTable('order_items'), dialect)
      .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
      .addColumn('product_id', 'integer', (c) => c.references('products.id'))
      .addColumn('sku', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('size', 'real')
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('unit_price_cents', 'integer', (c) => c.notNull())
      .addColumn('final_sale', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('order_items_order_idx').on('order_items').column('order_id').execute();

    await withId(db.schema.createTable('order_events'), dialect)
      .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id').onDelete('cascade'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .execute();
    await db.schema.createIndex('order_events_order_idx').on('order_events').columns(['order_id', 'at']).execute();

    await db.schema
      .createTable('carts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await withId(db.schema.createTable('cart_items'), dialect)
      .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id').onDelete('cascade'))
      .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
      .addColumn('size', 'real')
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('cart_items_cart_idx').on('cart_items').column('cart_id').execute();

    await withId(db.schema.createTable('contact_messages'), dialect)
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('order_number', 'text')
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('feature_flags')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
  },
};
