// Business hours: when a promised reply is due, counted only in the shop's opening hours (pure, luxon).
import { DateTime } from 'luxon';

/** One opening interval of a day, in minutes after local midnight (close may be 1440 = midnight). */
export interface OpeningInterval {
  open: number;
  close: number;
}

export interface BusinessHours {
  /** IANA time zone of the shop, e.g. America/New_York. */
  timeZone: string;
  /** Opening intervals per ISO weekday: 1 = Monday … 7 = Sunday; a missing or empty day is closed. */
  week: Partial<Record<number, OpeningInterval[]>>;
  /** Closed dates in the shop's time zone, `YYYY-MM-DD`. */
  holidays: string[];
}

export const DEFAULT_BUSINESS_HOURS_SPEC = 'mon-fri 09:00-18:00; sat 10:00-16:00';
export const DEFAULT_TIME_ZONE = 'America/New_York';

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
// Two years of closed days is a configuration mistake, not a schedule: stop instead of looping forever.
const MAX_DAYS_SEARCHED = 730;

function atMinutes(day: DateTime, minutes: number): DateTime {
  if (minutes >= 1440) return day.plus({ days: 1 }).startOf('day');
  // set() keeps wall-clock time across a DST change, unlike plus({ minutes }).
  return day.set({ hour: Math.floor(minutes / 60), minute: minutes % 60, second: 0, millisecond: 0 });
}

/**
 * The moment `hours` business hours after `createdAt`: time outside the opening intervals, on closed
 * weekdays and on holidays does not count. 0 hours means the first open moment: now while the shop is open,
 * else its next opening (an urgent request at 2 AM is due when the team arrives, not a minute later).
 */
export function computeAnswerBy(createdAt: Date, hours: number, businessHours: BusinessHours): Date {
  let remainingMs = Math.max(0, hours) * 3_600_000;
  const start = DateTime.fromJSDate(createdAt, { zone: businessHours.timeZone });
  const holidays = new Set(businessHours.holidays);
  for (let offset = 0; offset < MAX_DAYS_SEARCHED; offset++) {
    const day = start.startOf('day').plus({ days: offset });
    if (holidays.has(day.toISODate()!)) continue;
    const intervals = [...(businessHours.week[day.weekday] ?? [])].sort((a, b) => a.open - b.open);
    for (const interval of intervals) {
      const open = atMinutes(day, interval.open);
      const close = atMinutes(day, interval.close);
      const from = open < start ? start : open;
      const availableMs = close.toMillis() - from.toMillis();
      if (availableMs <= 0) continue;
      if (remainingMs <= availableMs) return new Date(from.toMillis() + remainingMs);
      remainingMs -= availableMs;
    }
  }
  throw new Error('The business hours have no opening time in the next two years.');
}

/** The first moment at or after `at` when the shop is open. */
export function nextOpening(at: Date, businessHours: BusinessHours): Date {
  return computeAnswerBy(at, 0, businessHours);
}

/** True when the shop is open at `at`. */
export function isOpen(at: Date, businessHours: BusinessHours): boolean {
  const local = DateTime.fromJSDate(at, { zone: businessHours.timeZone });
  if (businessHours.holidays.includes(local.toISODate()!)) return false;
  const day = local.startOf('day');
  return (businessHours.week[local.weekday] ?? []).some((i) => atMinutes(day, i.open) <= local && local < atMinutes(day, i.close));
}

/** "11:30 AM today (ET)", "9:00 AM tomorrow (ET)", "10:00 AM Saturday (ET)" or "9:00 AM Monday, January 4 (ET)". */
export function describeAnswerBy(answerBy: Date, now: Date, timeZone: string): string {
  const due = DateTime.fromJSDate(answerBy, { zone: timeZone });
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const days = Math.round(due.startOf('day').diff(today, 'days').days);
  const time = due.toFormat('h:mm a');
  const when = days <= 0 ? 'today' : days === 1 ? 'tomorrow' : days < 7 ? due.toFormat('cccc') : due.toFormat('cccc, LLLL d');
  return `${time} ${when} (${zoneLabel(answerBy, timeZone)})`;
}

/** "ET" for America/New_York; the short name (e.g. "GMT+1") where no generic name exists. */
export function zoneLabel(at: Date, timeZone: string): string {
  for (const style of ['shortGeneric', 'short'] as const) {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
    if (part && part.length <= 6) return part;
  }
  return timeZone;
}

function parseClock(text: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a time like 09:00`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 1440) throw new Error(`"${text}" is not a time of day`);
  return minutes;
}

function parseInterval(text: string): OpeningInterval {
  const [open, close, extra] = text.split('-');
  if (open === undefined || close === undefined || extra !== undefined) throw new Error(`"${text}" is not an interval like 09:00-18:00`);
  const interval = { open: parseClock(open), close: parseClock(close) };
  if (interval.close <= interval.open) throw new Error(`"${text}" closes before it opens`);
  return interval;
}

function dayIndex(name: string): number {
  const index = DAY_NAMES.indexOf(name.trim().toLowerCase().slice(0, 3) as (typeof DAY_NAMES)[number]);
  if (index < 0) throw new Error(`"${name}" is not a weekday (mon … sun)`);
  return index + 1;
}

function parseDays(text: string): number[] {
  return text.split(',').flatMap((part) => {
    const [from, to] = part.split('-');
    if (to === undefined) return [dayIndex(from!)];
    const a = dayIndex(from!);
    const b = dayIndex(to);
    if (b < a) throw new Error(`"${part}" runs backwards`);
    return Array.from({ length: b - a + 1 }, (_, k) => a + k);
  });
}

/**
 * Reads a weekly schedule: compact `mon-fri 09:00-18:00; sat 10:00-16:00` (several intervals per day
 * separated by spaces) or JSON `{"mon":["09:00-18:00"],"sat":["10:00-16:00"]}`. Days not named are closed.
 */
export function parseWeeklySchedule(spec: string): BusinessHours['week'] {
  const week: BusinessHours['week'] = {};
  const add = (days: number[], intervals: OpeningInterval[]) => {
    for (const day of days) week[day] = [...(week[day] ?? []), ...intervals];
  };
  const trimmed = spec.trim();
  if (trimmed.startsWith('{')) {
    const parsed = JSON.parse(trimmed) as Record<string, unknown>;
    for (const [days, value] of Object.entries(parsed)) {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((v) => typeof v === 'string')) throw new Error(`"${days}" must list intervals like "09:00-18:00"`);
      add(parseDays(days), (list as string[]).map(parseInterval));
    }
  } else {
    for (const segment of trimmed.split(';').map((s) => s.trim()).filter(Boolean)) {
      const [days, ...intervals] = segment.split(/\s+/);
      if (intervals.length === 0) throw new Error(`"${segment}" needs opening hours, e.g. "mon-fri 09:00-18:00"`);
      add(parseDays(days!), intervals.map(parseInterval));
    }
  }
  if (Object.values(week).every((intervals) => !intervals?.length)) throw new Error('the shop must open at least once a week');
  return week;
}

/** Reads `2026-12-25,2027-01-01` into validated dates. */
export function parseHolidays(spec: string): string[] {
  return spec
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((date) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !DateTime.fromISO(date).isValid) throw new Error(`"${date}" is not a date like 2026-12-25`);
      return date;
    });
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
