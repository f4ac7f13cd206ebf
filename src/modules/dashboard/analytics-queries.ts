// Concierge analytics (D5): open rate, top intents, conversion and error rate over a date range.
// Every query reads a covering index (031): (type, created_at, session_id) and (role, created_at, intent).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DateRange } from './json';

/** Events that mean a visitor did something with the concierge (not only opened it). */
export const INTERACTION_EVENTS = ['message', 'order_lookup', 'product_clicked', 'shortlist_add'] as const;
const COUNTED_EVENTS = ['widget_loaded', 'widget_opened', 'message', 'error'] as const;

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

export function createAnalyticsQueries(db: Kysely<Database>) {
  async function dailyCounts(range: DateRange) {
    const day = sql<string>`substr(created_at, 1, 10)`;
    const rows = await db
      .selectFrom('analytics_events')
      .select(['type', day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('type', 'in', COUNTED_EVENTS)
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .groupBy(['type', day])
      .execute();
    const byDay = new Map(range.days.map((d) => [d, { day: d, loaded: 0, opened: 0, messages: 0, errors: 0 }]));
    const key = { widget_loaded: 'loaded', widget_opened: 'opened', message: 'messages', error: 'errors' } as const;
    for (const row of rows) {
      const entry = byDay.get(row.day);
      if (entry) entry[key[row.type as (typeof COUNTED_EVENTS)[number]]] = Number(row.n);
    }
    return [...byDay.values()];
  }

  async function topIntents(range: DateRange, limit = 10) {
    const rows = await db
      .selectFrom('messages')
      .select(['intent', (eb) => eb.fn.countAll<number>().as('n')])
      .where('role', '=', 'concierge')
      .where('created_at', '>=', range.from)
      .where('created_at', '<', range.to)
      .where('intent', 'is not', null)
      .groupBy('intent')
      .orderBy('n', 'desc')
      .orderBy('intent')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ intent: r.intent!, count: Number(r.n) }));
  }

  /** Sessions that interacted in the range, and how many of them bought (a purchase event or an attributed order). */
  async function conversion(range: DateRange) {
    const result = await sql<{ interacting: number; converted: number }>`
      with interacting as (
        select distinct session_id from analytics_events
        where type in (${sql.join(INTERACTION_EVENTS.map((t) => sql`${t}`))})
          and created_at >= ${range.from} and created_at < ${range.to} and session_id is not null
      ),
      buyers as (
        select session_id from analytics_events where type = 'purchase' and created_at >= ${range.from} and session_id is not null
        union
        select concierge_session_id as session_id from orders where concierge_session_id is not null and placed_at >= ${range.from}
      )
      select
        (select count(*) from interacting) as interacting,
        (select count(*) from interacting i where i.session_id in (select session_id from buyers)) as converted
    `.execute(db);
    const row = result.rows[0] ?? { interacting: 0, converted: 0 };
    return { interacting: Number(row.interacting), converted: Number(row.converted) };
  }

  return {
    async report(range: DateRange) {
      const [daily, intents, sessions] = await Promise.all([dailyCounts(range), topIntents(range), conversion(range)]);
      const totals = daily.reduce((sum, d) => ({ loaded: sum.loaded + d.loaded, opened: sum.opened + d.opened, messages: sum.messages + d.messages, errors: sum.errors + d.errors }), { loaded: 0, opened: 0, messages: 0, errors: 0 });
      return {
        from: range.fromDay,
        to: range.toDay,
        totals: { ...totals, interactingSessions: sessions.interacting, convertedSessions: sessions.converted },
        openRate: rate(totals.opened, totals.loaded),
        conversionRate: rate(sessions.converted, sessions.interacting),
        /** Failed widget requests per customer message. */
        errorRate: rate(totals.errors, totals.messages + totals.errors),
        intents,
        daily: daily.map((d) => ({ ...d, openRate: rate(d.opened, d.loaded), errorRate: rate(d.errors, d.messages + d.errors) })),
      };
    },
  };
}
