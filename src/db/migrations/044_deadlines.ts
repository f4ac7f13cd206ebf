// Deadlines that hold (issue 12 item 3): a ticket knows when its current wait began and when a staff reply to it was
// delivered (a reply counts once its email went out), the order it is about and where it came from; an alert can be
// folded into a pending one of its kind so a burst is one message.
import { sql } from 'kysely';
import type { AuroraMigration } from './helpers';

export const deadlinesMigration: AuroraMigration = {
  async up(db) {
    await db.schema.alterTable('tickets').addColumn('awaiting_since', 'text').execute();
    await db.schema.alterTable('tickets').addColumn('answered_at', 'text').execute();
    await db.schema.alterTable('tickets').addColumn('order_id', 'integer').execute();
    await db.schema.alterTable('tickets').addColumn('channel', 'text', (c) => c.notNull().defaultTo('widget')).execute();
    // Tickets answered before this migration stay answered.
    await sql`update tickets set awaiting_since = created_at, answered_at = first_response_at`.execute(db);
    await db.schema.alterTable('alerts').addColumn('group_id', 'integer').execute();
    await db.schema.createIndex('alerts_group_idx').on('alerts').column('group_id').execute();
  },
};
