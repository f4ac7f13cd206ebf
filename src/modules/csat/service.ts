// CSAT (W10): one rating per conversation, 1 to 5 stars with an optional comment; a new rating replaces it.
// The dashboard's summary (average vs target, distribution, comments, trend) reads csat_ratings directly
// (src/modules/dashboard/csat-queries.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { LOW_RATING_MAX, maskCardNumbers, ratingThanks } from '../../engine/index';
import type { AlertService } from '../alerts/service';
import type { LiveBus } from '../live/bus';
import type { ConversationService } from '../conversations/service';
import type { FormReply } from '../tickets/stylist-form';
import type { CsatFormBody } from './schema';

export interface CsatRating {
  rating: number;
  comment: string | null;
  trigger: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CsatAnswer {
  replies: FormReply[];
  rating: CsatRating;
}

/** Ratings at or below this from a VIP raise the unhappy-VIP alert (the engine's low rating). */
export const UNHAPPY_VIP_MAX_RATING = LOW_RATING_MAX;

export interface CsatAlerts {
  alerts: Pick<AlertService, 'raise'>;
  /** PUBLIC_URL, for the alert's link to the conversation. */
  publicUrl: string;
  /** A new rating reaches the dashboards live. */
  live?: Pick<LiveBus, 'publish'>;
}

export function createCsatService(db: Kysely<Database>, conversations: Pick<ConversationService, 'requireActive' | 'appendExchange'>, now: () => Date, unhappyVip: CsatAlerts) {
  /** A VIP (known by the email the conversation proved) who rated 1–2: the team hears at once, once per conversation. */
  async function alertUnhappyVip(sessionId: string, email: string | null, rating: number, comment: string | null): Promise<void> {
    if (rating > UNHAPPY_VIP_MAX_RATING || !email) return;
    const customer = await db.selectFrom('customers').select(['name', 'tier']).where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
    if (customer?.tier !== 'vip') return;
    await unhappyVip.alerts.raise('unhappy_vip', `csat:${sessionId}:unhappy_vip`, `Unhappy VIP: ${customer.name} rated the concierge ${rating} of 5.`, {
      rating,
      comment: comment?.slice(0, 300) ?? null,
      link: `${unhappyVip.publicUrl}/dashboard/conversations/${sessionId}`,
    });
  }

  return {
    /** Saves the session's rating (a second call changes it), thanks the customer, and alerts on an unhappy VIP. */
    async rate(sessionId: string, input: CsatFormBody): Promise<CsatAnswer> {
      const conversation = await conversations.requireActive(sessionId);
      const at = now().toISOString();
      // Shown in the dashboard: a card number typed into the comment is masked before it is kept.
      const comment = maskCardNumbers(input.comment?.trim() ?? '') || null;
      const before = await db.selectFrom('csat_ratings').select('id').where('conversation_id', '=', sessionId).executeTakeFirst();
      const row = await db
        .insertInto('csat_ratings')
        .values({ conversation_id: sessionId, rating: input.rating, comment, trigger: input.trigger ?? null, created_at: at, updated_at: at })
        .onConflict((oc) => oc.column('conversation_id').doUpdateSet({ rating: input.rating, comment, trigger: input.trigger ?? null, updated_at: at }))
        .returningAll()
        .executeTakeFirstOrThrow();
      // A low score or a complaint is a customer who still needs something: the engine offers a person (its words).
      const replies = ratingThanks({ rating: row.rating, comment: row.comment, changed: Boolean(before) }) as FormReply[];
      await conversations.appendExchange(sessionId, { customerText: `Rated ${row.rating} of 5${comment ? `: ${comment}` : ''}`, replies });
      await alertUnhappyVip(sessionId, conversation.customerEmail, row.rating, row.comment);
      await unhappyVip.live?.publish({ type: 'csat.rated', rating: row.rating });
      return { replies, rating: { rating: row.rating, comment: row.comment, trigger: row.trigger, createdAt: row.created_at, updatedAt: row.updated_at } };
    },

    /** The session's current rating, if any. */
    async get(sessionId: string): Promise<CsatRating | undefined> {
      const row = await db.selectFrom('csat_ratings').selectAll().where('conversation_id', '=', sessionId).executeTakeFirst();
      return row && { rating: row.rating, comment: row.comment, trigger: row.trigger, createdAt: row.created_at, updatedAt: row.updated_at };
    },
  };
}

export type CsatService = ReturnType<typeof createCsatService>;
