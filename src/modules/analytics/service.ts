// Records widget analytics events for the dashboard. Visitor ids and emails are stored only as HMACs (P6).
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export const EVENT_TYPES = [
  'widget_loaded',
  'widget_opened',
  'widget_closed',
  'message',
  'product_shown',
  'product_clicked',
  'shortlist_add',
  'shortlist_remove',
  'order_lookup',
  'error',
  'purchase',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type EventData = Record<string, string | number | boolean | null | readonly (string | number)[]>;

export interface TrackInput {
  sessionId?: string | null;
  visitorId?: string | null;
  data?: EventData;
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

export function createAnalyticsService(db: Kysely<Database>, secret: string, now: () => Date = () => new Date()) {
  const hash = (value: string) => createHmac('sha256', secret).update(value.trim().toLowerCase()).digest('base64url').slice(0, 32);

  /** Emails never reach the table: an `email` field, or any text that looks like one, is replaced by its HMAC. */
  function scrub(data: EventData): EventData {
    const clean: EventData = {};
    for (const [key, value] of Object.entries(data)) {
      if (typeof value === 'string' && (key.toLowerCase().includes('email') || EMAIL.test(value))) clean[`${key}Hash`] = hash(value);
      else clean[key] = value;
    }
    return clean;
  }

  async function trackAll(events: readonly (TrackInput & { type: EventType })[]): Promise<void> {
    if (events.length === 0) return;
    const createdAt = now().toISOString();
    await db
      .insertInto('analytics_events')
      .values(
        events.map((event) => ({
          type: event.type,
          session_id: event.sessionId ?? null,
          visitor_hash: event.visitorId ? hash(event.visitorId) : null,
          data: JSON.stringify(scrub(event.data ?? {})),
          created_at: createdAt,
        })),
      )
      .execute();
  }

  return {
    hash,

    /** Records one event. */
    track(type: EventType, input: TrackInput = {}): Promise<void> {
      return trackAll([{ type, ...input }]);
    },

    /** Records several events in one statement (a chat turn's message, products shown, ...). */
    trackAll,
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
