// Concierge analytics (D5): open rate, top intents, conversion and error rate over a date range.
// Settled days (over by a full day, so late purchases are in) come from the analytics_daily roll-up (032),
// filled on first use; the last two days are counted live from the events through covering indexes (031).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { dayRange, type DateRange } from './date-range';

/** Events that mean a visitor did something with the concierge (not only opened it). */
export const INTERACTION_EVENTS = ['message', 'order_lookup', 'product_clicked', 'shortlist_add'] as const;
const COUNTED_EVENTS = { widget_loaded: 'loaded', widget_opened: 'opened', message: 'messages', error: 'errors' } as const;
type Counter = (typeof COUNTED_EVENTS)[keyof typeof COUNTED_EVENTS];
const COUNTERS: Counter[] = ['loaded', 'opened', 'messages', 'errors'];
const TOP_INTENTS = 10;
const DAY_MS = 86_400_000;

type DayTotals = { day: string } & Record<Counter, number>;

/** What a range of days adds up to. Interacting sessions are counted per day (a session lives at most 24 hours). */
interface Slice {
  daily: DayTotals[];
  intents: Map<string, number>;
  interacting: number;
  converted: number;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const emptyDay = (day: string): DayTotals => ({ day, loaded: 0, opened: 0, messages: 0, errors: 0 });

export function createAnalyticsQueries(db: Kysely<Database>, now: () => Date) {
  /** Counts straight from the events and messages (the covering indexes keep this an index-only scan). */
  async function measure(range: DateRange): Promise<Slice> {
    const day = sql<string>`substr(created_at, 1, 10)`;
    const [counts, intents, sessions] = await Promise.all([
      db
        .selectFrom('analytics_events')
        .select(['type', day.as('day'), (eb) => eb.fn.countAll<number>().as('n')])
        .where('type', 'in', Object.keys(COUNTED_EVENTS))
        .where('created_at', '>=', range.from)
        .where('created_at', '<', range.to)
        .groupBy(['type', day])
        .execute(),
      db
        .selectFrom('messages')
        .select(['intent', (eb) => eb.fn.countAll<number>().as('n')])
        .where('role', '=', 'concierge')
        .where('created_at', '>=', range.from)
        .where('created_at', '<', range.to)
        .where('intent', 'is not', null)
        .groupBy('intent')
        .execute(),
      // Sessions that interacted, and how many of them bought (a purchase event or an order attributed to them).
      sql<{ interacting: number; converted: number }>`
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
      `.execute(db),
    ]);
    const byDay = new Map(range.days.map((d) => [d, emptyDay(d)]));
    for (const row of counts) {
      const entry = byDay.get(row.day);
      if (entry) entry[COUNTED_EVENTS[row.type as keyof typeof COUNTED_EVENTS]] = Number(row.n);
    }
    const row = sessions.rows[0];
    return {
      daily: [...byDay.values()],
      intents: new Map(intents.map((i) => [i.intent!, Number(i.n)])),
      interacting: Number(row?.interacting ?? 0),
      converted: Number(row?.converted ?? 0),
    };
  }

  /** Writes one settled day's totals; a day another instance already wrote is left as it is. */
  async function rollUp(day: string): Promise<void> {
    const slice = await measure(dayRange(now(), day, day));
    const totals = slice.daily[0] ?? emptyDay(day);
    const rows = [
      ...COUNTERS.map((metric) => ({ day, metric, key: '', value: totals[metric] })),
      ...[...slice.intents].map(([intent, value]) => ({ day, metric: 'intent', key: intent, value })),
      { day, metric: 'interacting', key: '', value: slice.interacting },
      { day, metric: 'converted', key: '', value: slice.converted },
      { day, metric: 'rolled_up', key: '', value: 1 },
    ];
    await db.transaction().execute(async (trx) => {
      for (const values of rows) await trx.insertInto('analytics_daily').values(values).onConflict((oc) => oc.columns(['day', 'metric', 'key']).doNothing()).execute();
    });
  }

  async function settled(days: string[]): Promise<Slice> {
    const first = days[0]!;
    const last = days[days.length - 1]!;
    const done = new Set(
      (await db.selectFrom('analytics_daily').select('day').where('metric', '=', 'rolled_up').where('day', '>=', first).where('day', '<=', last).execute()).map((r) => r.day),
    );
    for (const day of days) if (!done.has(day)) await rollUp(day);
    const rows = await db.selectFrom('analytics_daily').select(['day', 'metric', 'key', 'value']).where('day', '>=', first).where('day', '<=', last).execute();
    const byDay = new Map(days.map((d) => [d, emptyDay(d)]));
    const slice: Slice = { daily: [...byDay.values()], intents: new Map(), interacting: 0, converted: 0 };
    for (const row of rows) {
      const value = Number(row.value);
      if (row.metric === 'intent') slice.intents.set(row.key, (slice.intents.get(row.key) ?? 0) + value);
      else if (row.metric === 'interacting') slice.interacting += value;
      else if (row.metric === 'converted') slice.converted += value;
      else if ((COUNTERS as string[]).includes(row.metric)) byDay.get(row.day)![row.metric as Counter] = value;
    }
    return slice;
  }

  return {
    /**
     * Rolls up every settled day of the retention window that is not rolled up yet, so a day's totals
     * survive the deletion of its raw events after 90 days even when nobody opened the page (a scheduled job).
     */
    async rollUpSettledDays(windowDays = 89): Promise<number> {
      const lastSettled = new Date(now().getTime() - 2 * DAY_MS);
      const days = Array.from({ length: windowDays - 1 }, (_, i) => new Date(lastSettled.getTime() - i * DAY_MS).toISOString().slice(0, 10)).reverse();
      const done = new Set((await db.selectFrom('analytics_daily').select('day').where('metric', '=', 'rolled_up').where('day', '>=', days[0]!).execute()).map((r) => r.day));
      const pending = days.filter((d) => !done.has(d));
      for (const day of pending) await rollUp(day);
      return pending.length;
    },

    async report(range: DateRange) {
      // A day is settled once the next one is over too: a session lives 24 hours, so its purchase is in by then.
      const lastSettled = new Date(now().getTime() - 2 * DAY_MS).toISOString().slice(0, 10);
      const settledDays = range.days.filter((d) => d <= lastSettled);
      const liveDays = range.days.filter((d) => d > lastSettled);
      const parts = await Promise.all([
        settledDays.length ? settled(settledDays) : undefined,
        liveDays.length ? measure({ ...range, from: `${liveDays[0]}T00:00:00.000Z`, fromDay: liveDays[0]!, days: liveDays }) : undefined,
      ]);
      const slices = parts.filter((p): p is Slice => p !== undefined);
      const daily = slices.flatMap((s) => s.daily);
      const intents = new Map<string, number>();
      for (const s of slices) for (const [intent, n] of s.intents) intents.set(intent, (intents.get(intent) ?? 0) + n);
      const sum = (pick: (s: Slice) => number) => slices.reduce((total, s) => total + pick(s), 0);
      const totals = Object.fromEntries(COUNTERS.map((c) => [c, daily.reduce((total, d) => total + d[c], 0)])) as Record<Counter, number>;
      const interacting = sum((s) => s.interacting);
      const converted = sum((s) => s.converted);
      return {
        from: range.fromDay,
        to: range.toDay,
        totals: { ...totals, interactingSessions: interacting, convertedSessions: converted },
        openRate: rate(totals.opened, totals.loaded),
        conversionRate: rate(converted, interacting),
        /** Failed widget requests among all of them (customer messages and failures). */
        errorRate: rate(totals.errors, totals.messages + totals.errors),
        intents: [...intents]
          .map(([intent, count]) => ({ intent, count }))
          .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent))
          .slice(0, TOP_INTENTS),
        daily: daily.map((d) => ({ ...d, openRate: rate(d.opened, d.loaded), errorRate: rate(d.errors, d.messages + d.errors) })),
      };
    },
  };
}
