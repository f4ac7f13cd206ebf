// Flows, second step: how each email and alert was delivered, and at most one open RMA per order item.
import { sql } from 'kysely';
import type { AuroraMigration } from './helpers';

export const flowsDeliveryMigration: AuroraMigration = {
  async up(db) {
    // 'smtp' or 'mailbox' (demo: kept readable on the local mailbox page).
    await db.schema.alterTable('outbox').addColumn('transport', 'text').execute();
    await db.schema.alterTable('outbox').addColumn('message_id', 'text').execute();
    // 'webhook' or 'log' (no webhook configured).
    await db.schema.alterTable('alerts').addColumn('transport', 'text').execute();
    // A second return or resize of the same item waits until the first one is closed.
    await db.schema
      .createIndex('rmas_open_item_idx')
      .on('rmas')
      .column('order_item_id')
      .unique()
      .where(sql<boolean>`status in ('created', 'received')`)
      .execute();
    await db.schema.createIndex('tickets_created_idx').on('tickets').column('created_at').execute();
    await db.schema.createIndex('outbox_ticket_idx').on('outbox').column('ticket_id').execute();
  },
};
