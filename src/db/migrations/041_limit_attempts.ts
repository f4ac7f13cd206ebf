// The order-lookup attempts table becomes the one store of every database-held limit (order lookups, emails a
// visitor can trigger): same columns, the scope names the limit. Index names keep their old prefix (SQLite
// cannot rename an index).
import type { AuroraMigration } from './helpers';

export const limitAttemptsMigration: AuroraMigration = {
  async up(db) {
    await db.schema.alterTable('order_lookup_attempts').renameTo('limit_attempts').execute();
  },
};
