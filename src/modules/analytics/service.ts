// Records widget analytics events for the dashboard. Visitor ids, emails and phone numbers are stored only as
// HMACs and card numbers not at all (P6): see scrub-pii.ts.
import { keyedHash } from '../../crypto';
import { normalizeEmail } from '../../email';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { scrubPersonalData, type EventData } from './scrub-pii';

export type { EventData } from './scrub-pii';

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
  // Recorded by the server for each widget API request it answered with a 5xx: what the error-rate alert counts.
  'server_error',
  'purchase',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface TrackInput {
  sessionId?: string | null;
  visitorId?: string | null;
  data?: EventData;
}

export interface AnalyticsOptions {
  /**
   * Events wait up to this long in memory and are then written together, one transaction for many
   * chat turns; 0 writes each call at once. Readers call `flush()` first, so this instance's own
   * numbers are never behind; another instance's are at most this much behind.
   */
  flushMs?: number;
  onError?: (error: unknown) => void;
}

type EventRow = { type: string; session_id: string | null; visitor_hash: string | null; data: string; created_at: string };

/** Above this many waiting rows a flush starts at once; above the cap the oldest are dropped (a database outage). */
const FLUSH_AT_ROWS = 500;
const MAX_PENDING_ROWS = 50_000;

export function createAnalyticsService(db: Kysely<Database>, secret: string, now: () => Date = () => new Date(), options: AnalyticsOptions = {}) {
  const hash = (value: string) => keyedHash(secret, normalizeEmail(value));
  const flushMs = options.flushMs ?? 0;
  let pending: EventRow[] = [];
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();

  async function write(rows: EventRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += FLUSH_AT_ROWS) await db.insertInto('analytics_events').values(rows.slice(i, i + FLUSH_AT_ROWS)).execute();
  }

  /** Writes every waiting event; concurrent calls wait for the same write. */
  function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    const batch = pending;
    pending = [];
    inFlight = inFlight.then(async () => {
      if (batch.length === 0) return;
      try {
        await write(batch);
      } catch (error) {
        // Keep the events for the next flush rather than lose them to a passing database error.
        pending = [...batch, ...pending].slice(-MAX_PENDING_ROWS);
        options.onError?.(error);
      }
    });
    return inFlight;
  }

  async function trackAll(events: readonly (TrackInput & { type: EventType })[]): Promise<void> {
    if (events.length === 0) return;
    const createdAt = now().toISOString();
    const rows = events.map((event) => ({
      type: event.type,
      session_id: event.sessionId ?? null,
      visitor_hash: event.visitorId ? hash(event.visitorId) : null,
      data: JSON.stringify(scrubPersonalData(event.data ?? {}, hash)),
      created_at: createdAt,
    }));
    if (flushMs === 0) return write(rows);
    pending.push(...rows);
    if (pending.length >= FLUSH_AT_ROWS) void flush();
    else if (!timer) {
      timer = setTimeout(() => void flush(), flushMs);
      timer.unref();
    }
  }

  return {
    hash,

    /** Records one event. */
    track(type: EventType, input: TrackInput = {}): Promise<void> {
      return trackAll([{ type, ...input }]);
    },

    /** Records several events (a chat turn's message, products shown, ...). */
    trackAll,

    flush,
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
