// Retention (P6): what the guide promises customers about their data, enforced by a scheduled job.
// Sessions and their messages go after 30 days, analytics events after 90; tickets and CSAT are kept.
// Inbound email: what became part of a ticket is kept in the ticket; the raw copy of its body goes after the session
// window (the row stays, so a redelivery is still recognised), ignored mail (auto-replies, bounces) goes, and mail
// held for review is kept until someone reviews it.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface RetentionPolicy {
  conversationDays: number;
  analyticsDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { conversationDays: 30, analyticsDays: 90 };

export interface RetentionResult {
  conversationsDeleted: number;
  messagesAnonymized: number;
  analyticsEventsDeleted: number;
  shortlistItemsDeleted: number;
  cartsDeleted: number;
  staffSessionsDeleted: number;
  inboundEmailsDeleted: number;
  inboundBodiesCleared: number;
}

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

export function createRetentionService(db: Kysely<Database>, policy: RetentionPolicy = DEFAULT_RETENTION, now: () => Date = () => new Date()) {
  return {
    /** Applies the policy once; safe to run on several instances at the same time (plain deletes and updates). */
    async run(): Promise<RetentionResult> {
      const at = now();
      const conversationCutoff = daysBefore(at, policy.conversationDays);
      return db.transaction().execute(async (trx) => {
        // Any message text older than the window is anonymized first, even in a conversation kept alive by later activity.
        const anonymized = await trx
          .updateTable('messages')
          .set({ text: null, blocks: null })
          .where('created_at', '<', conversationCutoff)
          .where((eb) => eb.or([eb('text', 'is not', null), eb('blocks', 'is not', null)]))
          .executeTakeFirst();
        const conversations = await trx.deleteFrom('conversations').where('last_activity_at', '<', conversationCutoff).executeTakeFirst();
        const analytics = await trx.deleteFrom('analytics_events').where('created_at', '<', daysBefore(at, policy.analyticsDays)).executeTakeFirst();
        const shortlist = await trx.deleteFrom('shortlist_items').where('expires_at', '<', at.toISOString()).executeTakeFirst();
        const carts = await trx.deleteFrom('carts').where('expires_at', '<', at.toISOString()).executeTakeFirst();
        const sessions = await trx.deleteFrom('staff_sessions').where('expires_at', '<', at.toISOString()).executeTakeFirst();
        const inboundIgnored = await trx.deleteFrom('inbound_emails').where('status', '=', 'ignored').where('received_at', '<', conversationCutoff).executeTakeFirst();
        const inboundCleared = await trx
          .updateTable('inbound_emails')
          .set({ body: null, attachments: '[]' })
          .where('status', 'in', ['threaded', 'new_ticket'])
          .where('received_at', '<', conversationCutoff)
          .where((eb) => eb.or([eb('body', 'is not', null), eb('attachments', '!=', '[]')]))
          .executeTakeFirst();
        await trx.deleteFrom('job_leases').where('locked_until', '<', conversationCutoff).execute();
        // LLM mode's per-turn figures (046) are analytics: kept as long as the events.
        await trx.deleteFrom('llm_turns').where('created_at', '<', daysBefore(at, policy.analyticsDays)).execute();
        return {
          conversationsDeleted: Number(conversations.numDeletedRows),
          messagesAnonymized: Number(anonymized.numUpdatedRows),
          analyticsEventsDeleted: Number(analytics.numDeletedRows),
          shortlistItemsDeleted: Number(shortlist.numDeletedRows),
          cartsDeleted: Number(carts.numDeletedRows),
          staffSessionsDeleted: Number(sessions.numDeletedRows),
          inboundEmailsDeleted: Number(inboundIgnored.numDeletedRows),
          inboundBodiesCleared: Number(inboundCleared.numUpdatedRows),
        };
      });
    },
  };
}

export type RetentionService = ReturnType<typeof createRetentionService>;
