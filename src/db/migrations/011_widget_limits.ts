// Failed order-lookup attempts, kept in the database so the enumeration limits hold across instances (W5).
import type { AuroraMigration } from './helpers';
import { withId } from './helpers';

export const widgetLimitsMigration: AuroraMigration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('order_lookup_attempts'), dialect)
      // 'session' or 'client'; the subject is an HMAC of the session id or the client address.
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('order_lookup_attempts_subject_idx').on('order_lookup_attempts').columns(['scope', 'subject', 'created_at']).execute();
    await db.schema.createIndex('order_lookup_attempts_created_idx').on('order_lookup_attempts').column('created_at').execute();
  },
};
