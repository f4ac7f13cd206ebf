// The widget's error rate over the last minutes, from analytics events; over the threshold it raises an alert.
// Errors are the `server_error` events the server records itself; the browser's own `error` reports are neither
// errors nor events here, since anyone can post them (500 forged ones would otherwise raise the alert).
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import type { AlertService } from './service';

export interface ErrorRate {
  errors: number;
  total: number;
  rate: number;
}

export function createErrorRateCheck(db: Db, config: Config, alerts: AlertService, now: () => Date = () => new Date(), flushEvents: () => Promise<void> = async () => {}) {
  async function measure(): Promise<ErrorRate> {
    await flushEvents();
    const since = new Date(now().getTime() - config.alerts.errorRateWindowMinutes * 60_000).toISOString();
    const row = await db.kysely
      .selectFrom('analytics_events')
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.sum<number>(eb.case().when('type', '=', 'server_error').then(1).else(0).end()).as('errors')])
      .where('created_at', '>=', since)
      .where('type', '!=', 'error')
      .executeTakeFirstOrThrow();
    const total = Number(row.total);
    const errors = Number(row.errors ?? 0);
    return { errors, total, rate: total === 0 ? 0 : errors / total };
  }

  return {
    measure,
    /** Raises `error_rate` when enough events were seen and too many of them were errors. */
    async runOnce(): Promise<ErrorRate & { alerted: boolean }> {
      const measured = await measure();
      const { errorRateThreshold: threshold, errorRateMinEvents: minEvents, errorRateWindowMinutes: minutes } = config.alerts;
      if (measured.total < minEvents || measured.rate <= threshold) return { ...measured, alerted: false };
      const percent = (n: number) => `${(n * 100).toFixed(1)}%`;
      const { raised } = await alerts.raise(
        'error_rate',
        'error_rate:widget',
        `Widget error rate is ${percent(measured.rate)} over the last ${minutes} minutes (threshold ${percent(threshold)}).`,
        { errors: measured.errors, events: measured.total, window: `${minutes} min` },
      );
      return { ...measured, alerted: raised };
    },
  };
}
