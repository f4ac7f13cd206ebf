// Returns staff can finish (issue 12 item 4): an RMA moves created → in_transit → received → refunded or closed, or
// is rejected with a reason. In transit is still open, so the one-open-RMA-per-item index now counts it.
import { sql } from 'kysely';
import type { AuroraMigration } from './helpers';

export const rmaStatusMigration: AuroraMigration = {
  async up(db) {
    await db.schema.alterTable('rmas').addColumn('rejection_reason', 'text').execute();
    await db.schema.alterTable('rmas').addColumn('status_changed_at', 'text').execute();
    await db.schema.dropIndex('rmas_open_item_idx').execute();
    await db.schema
      .createIndex('rmas_open_item_idx')
      .on('rmas')
      .column('order_item_id')
      .unique()
      .where(sql<boolean>`status in ('created', 'in_transit', 'received')`)
      .execute();
  },
};
