// Widget tables: concierge conversations and their messages, shortlists, analytics events.
import type { AuroraMigration } from './helpers';
import { withId } from './helpers';

export const widgetMigration: AuroraMigration = {
  async up(db, dialect) {
    await db.schema
      .createTable('conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('visitor_id', 'text')
      .addColumn('page_url', 'text')
      .addColumn('product_id', 'integer')
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('customer_email', 'text')
      .addColumn('message_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_activity_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('anonymized_at', 'text')
      .execute();
    await db.schema.createIndex('conversations_created_idx').on('conversations').column('created_at').execute();

    await withId(db.schema.createTable('messages'), dialect)
      .addColumn('conversation_id', 'text', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('text', 'text')
      .addColumn('blocks', 'text')
      .addColumn('intent', 'text')
      .addColumn('confidence', 'real')
      .addColumn('idempotency_key', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('messages_conversation_idx').on('messages').columns(['conversation_id', 'id']).execute();
    await db.schema.createIndex('messages_idempotency_idx').on('messages').columns(['conversation_id', 'idempotency_key']).unique().execute();

    await withId(db.schema.createTable('shortlist_items'), dialect)
      .addColumn('visitor_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shortlist_visitor_product_idx').on('shortlist_items').columns(['visitor_id', 'product_id']).unique().execute();

    await withId(db.schema.createTable('analytics_events'), dialect)
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('session_id', 'text')
      .addColumn('visitor_hash', 'text')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('analytics_type_created_idx').on('analytics_events').columns(['type', 'created_at']).execute();
    await db.schema.createIndex('analytics_created_idx').on('analytics_events').column('created_at').execute();
  },
};
