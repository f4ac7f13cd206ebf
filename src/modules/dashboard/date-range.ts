// The date range of a dashboard report: whole UTC days, checked once for every report.
import { invalid } from '../../errors';

export interface DateRange {
  /** Inclusive ISO start (midnight UTC of the first day). */
  from: string;
  /** Exclusive ISO end (midnight UTC after the last day). */
  to: string;
  fromDay: string;
  toDay: string;
  days: string[];
}

const DAY_MS = 86_400_000;
export const MAX_RANGE_DAYS = 366;

/** A range of whole UTC days, `from`..`to` inclusive; by default the last 30 days up to today. */
export function dayRange(now: Date, from?: string, to?: string, defaultDays = 30): DateRange {
  const toDay = to ?? now.toISOString().slice(0, 10);
  const end = Date.parse(`${toDay}T00:00:00.000Z`) + DAY_MS;
  const start = from ? Date.parse(`${from}T00:00:00.000Z`) : end - defaultDays * DAY_MS;
  const count = Math.round((end - start) / DAY_MS);
  if (!Number.isFinite(start) || !Number.isFinite(end) || count < 1 || count > MAX_RANGE_DAYS) {
    throw invalid(`Choose a date range of 1 to ${MAX_RANGE_DAYS} days, with the start before the end.`);
  }
  const days = Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS).toISOString().slice(0, 10));
  return { from: new Date(start).toISOString(), to: new Date(end).toISOString(), fromDay: days[0]!, toDay: days[days.length - 1]!, days };
}
