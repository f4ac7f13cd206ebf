// Work in volume (issue 12 item 5): canned replies that admins manage and agents insert, and tags on tickets.
import type { AuroraMigration } from './helpers';
import { withId } from './helpers';

export const workInVolumeMigration: AuroraMigration = {
  async up(db, dialect) {
    await withId(db.schema.createTable('canned_replies'), dialect)
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .addColumn('updated_by', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('canned_replies_title_idx').on('canned_replies').column('title').unique().execute();
    await db.schema
      .createTable('ticket_tags')
      .addColumn('ticket_id', 'integer', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag'])
      .execute();
    await db.schema.createIndex('ticket_tags_tag_idx').on('ticket_tags').column('tag').execute();
  },
};
