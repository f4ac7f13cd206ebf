// Inbound email (issue 12): every message that came in, whatever became of it (threaded, held for review, a new
// ticket, ignored), keyed by its Message-ID so a redelivery is not threaded twice; and named leases, so one
// instance at a time polls the IMAP mailbox.
import type { AuroraMigration } from './helpers';
import { withId } from './helpers';

export const inboundEmailMigration: AuroraMigration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('inbound_emails'), dialect)
      .addColumn('message_id', 'text', (c) => c.notNull().unique())
      .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('cascade'))
      // threaded | held | new_ticket | ignored
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('from_address', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('via', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('inbound_emails_ticket_idx').on('inbound_emails').columns(['ticket_id', 'status']).execute();
    await db.schema
      .createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text', (c) => c.notNull())
      .execute();
  },
};
