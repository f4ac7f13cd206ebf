// Live dashboard (issue 12 item 5): a ticket's version (bumped by each assignment or status change, so a stale page
// gets a 409 instead of overwriting a colleague) and who has a ticket open (presence, by heartbeat, for every instance).
import type { AuroraMigration } from './helpers';

export const liveMigration: AuroraMigration = {
  async up(db) {
    await db.schema.alterTable('tickets').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema
      .createTable('ticket_presence')
      .addColumn('ticket_id', 'integer', (c) => c.notNull())
      .addColumn('staff_id', 'integer', (c) => c.notNull())
      // One browser tab: the same agent may have the ticket open twice.
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('seen_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_presence_pk', ['ticket_id', 'staff_id', 'client_id'])
      .execute();
    await db.schema.createIndex('ticket_presence_seen_idx').on('ticket_presence').column('seen_at').execute();
  },
};
