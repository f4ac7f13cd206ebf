// CSAT tab (D4): average against the target, distribution 1-5, daily trend and comments over a date range.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DateRange } from './date-range';

export const CSAT_TARGET = 4.0;

export function createCsatQueries(db: Kysely<Database>) {
  const inRangeOf = (range: DateRange) => db.selectFrom('csat_ratings').where('created_at', '>=', range.from).where('created_at', '<', range.to);
  const commented = (range: DateRange, rating?: number) =>
    inRangeOf(range)
      .where('comment', 'is not', null)
      .where('comment', '<>', '')
      .$if(rating !== undefined, (q) => q.where('rating', '=', rating!));
  const toComment = (c: { id: number; conversation_id: string; rating: number; comment: string | null; created_at: string }) => ({ id: c.id, conversationId: c.conversation_id, rating: c.rating, comment: c.comment ?? '', createdAt: c.created_at });
  return {
    async summary(range: DateRange, commentsLimit = 50) {
      const inRange = inRangeOf(range);
      const day = sql<string>`substr(created_at, 1, 10)`;
      const [distribution, trend, comments] = await Promise.all([
        inRange.select(['rating', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('rating').execute(),
        inRange.select([day.as('day'), (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('rating').as('total')]).groupBy(day).orderBy(day).execute(),
        commented(range).select(['id', 'conversation_id', 'rating', 'comment', 'created_at']).orderBy('created_at', 'desc').limit(commentsLimit).execute(),
      ]);
      const counts = [1, 2, 3, 4, 5].map((rating) => ({ rating, count: Number(distribution.find((d) => Number(d.rating) === rating)?.n ?? 0) }));
      const total = counts.reduce((sum, c) => sum + c.count, 0);
      const average = total ? counts.reduce((sum, c) => sum + c.rating * c.count, 0) / total : null;
      const byDay = new Map(trend.map((t) => [t.day, { count: Number(t.n), average: Number(t.total) / Number(t.n) }]));
      return {
        from: range.fromDay,
        to: range.toDay,
        target: CSAT_TARGET,
        average: average === null ? null : Math.round(average * 100) / 100,
        meetsTarget: average !== null && average > CSAT_TARGET,
        total,
        distribution: counts,
        trend: range.days.map((d) => ({ day: d, count: byDay.get(d)?.count ?? 0, average: byDay.has(d) ? Math.round(byDay.get(d)!.average * 100) / 100 : null })),
        comments: comments.map(toComment),
      };
    },

    /** The comments in the range, newest first, a page at a time; `rating` keeps one star count. */
    async comments(range: DateRange, filter: { rating?: number; page: number; pageSize: number }) {
      const base = commented(range, filter.rating);
      const [rows, count] = await Promise.all([
        base.select(['id', 'conversation_id', 'rating', 'comment', 'created_at']).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toComment), total: Number(count.n), page: filter.page, pageSize: filter.pageSize };
    },

    /** Every rating in the range (with or without a comment), newest first, for the CSV export. */
    async exportRows(range: DateRange, rating: number | undefined, limit: number) {
      return inRangeOf(range)
        .$if(rating !== undefined, (q) => q.where('rating', '=', rating!))
        .select(['id', 'conversation_id', 'rating', 'comment', 'trigger', 'created_at'])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}
