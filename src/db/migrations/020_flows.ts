// Flow tables: RMAs, stylist tickets with their history, CSAT ratings, the email outbox, alerts.
import type { AuroraMigration } from './helpers';
import { withId } from './helpers';

export const flowsMigration: AuroraMigration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('rmas'), dialect)
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
      .addColumn('order_item_id', 'integer', (c) => c.references('order_items.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('new_size', 'real')
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('created'))
      .addColumn('conversation_id', 'text')
      .addColumn('label_token', 'text', (c) => c.notNull())
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rmas_order_idx').on('rmas').column('order_id').execute();

    await withId(db.schema.createTable('tickets'), dialect)
      .addColumn('conversation_id', 'text')
      .addColumn('customer_name', 'text', (c) => c.notNull())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('tier', 'text', (c) => c.notNull().defaultTo('standard'))
      .addColumn('priority', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
      .addColumn('assignee_id', 'integer')
      .addColumn('answer_by', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('management', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('transcript', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('shortlist', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('idempotency_key', 'text', (c) => c.unique())
      .addColumn('first_response_at', 'text')
      .addColumn('overdue_alerted_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('tickets_status_idx').on('tickets').columns(['status', 'answer_by']).execute();
    await db.schema.createIndex('tickets_email_idx').on('tickets').column('email').execute();

    await withId(db.schema.createTable('ticket_events'), dialect)
      .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
      .addColumn('actor_id', 'integer')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ticket_events_ticket_idx').on('ticket_events').columns(['ticket_id', 'id']).execute();

    await withId(db.schema.createTable('csat_ratings'), dialect)
      .addColumn('conversation_id', 'text', (c) => c.notNull().unique())
      .addColumn('rating', 'integer', (c) => c.notNull())
      .addColumn('comment', 'text')
      .addColumn('trigger', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('csat_created_idx').on('csat_ratings').column('created_at').execute();

    await withId(db.schema.createTable('outbox'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('dedupe_key', 'text', (c) => c.unique())
      .addColumn('ticket_id', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();

    await withId(db.schema.createTable('alerts'), dialect)
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('dedupe_key', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('alerts_dedupe_idx').on('alerts').columns(['dedupe_key', 'created_at']).execute();
  },
};
