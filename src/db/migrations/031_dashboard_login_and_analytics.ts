// Dashboard: a failed-login throttle keyed by email (known or not, so a lockout reveals nothing) and
// covering indexes that keep the analytics queries fast over a year of events.
import type { AuroraMigration } from './helpers';

export const dashboardLoginAndAnalyticsMigration: AuroraMigration = {
  async up(db) {
    await db.schema
      .createTable('staff_login_throttle')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('locked_until', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_sessions_user_idx').on('staff_sessions').column('user_id').execute();
    // Index-only scans for "sessions of a type in a date range" (open rate, interacting sessions, errors).
    await db.schema.createIndex('analytics_type_created_session_idx').on('analytics_events').columns(['type', 'created_at', 'session_id']).execute();
    await db.schema.createIndex('messages_role_created_intent_idx').on('messages').columns(['role', 'created_at', 'intent']).execute();
    await db.schema.createIndex('orders_concierge_session_idx').on('orders').column('concierge_session_id').execute();
  },
};
