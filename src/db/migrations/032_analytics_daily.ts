// Dashboard analytics roll-up: one row per day, metric and key (e.g. an intent), written once a day is complete.
// Reports over months read a few hundred rows instead of every event, and the totals outlive the raw
// events, which retention deletes after 90 days.
import type { AuroraMigration } from './helpers';

export const analyticsDailyMigration: AuroraMigration = {
  async up(db) {
    await db.schema
      .createTable('analytics_daily')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('metric', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('value', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_daily_pk', ['day', 'metric', 'key'])
      .execute();
  },
};
