// Order webhooks: remember each applied delivery until its signature expires, so a replay changes nothing on any
// instance, and keep the order system's own time of the last update applied, so an older update cannot undo a newer one.
import type { AuroraMigration } from './helpers';

export const orderWebhookDeliveriesMigration: AuroraMigration = {
  async up(db) {
    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_deliveries_expires_idx').on('webhook_deliveries').column('expires_at').execute();
    await db.schema.alterTable('orders').addColumn('source_updated_at', 'text').execute();
  },
};
