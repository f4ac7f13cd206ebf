// Display helpers: times in the shop's time zone (SHOP_TIMEZONE, named on every time), relative "answer by" times,
// labels for codes.

const formatsIn = (timeZone?: string) => ({
  dateTime: new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }),
  dateOnly: new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone }),
});
let formats = formatsIn();
const calendarDay = formatsIn('UTC').dateOnly;

/** Times are shown in the shop's zone (the one its business hours and promised replies use), not the reader's. */
export function setShopTimeZone(timeZone: string): void {
  try {
    formats = formatsIn(timeZone);
  } catch {
    // An unknown zone (the server validates SHOP_TIMEZONE, so only an old browser): keep the reader's.
  }
}

export const formatDateTime = (iso: string | null | undefined) => (iso ? formats.dateTime.format(new Date(iso)) : '—');
/** A day (YYYY-MM-DD) is a calendar day as written; a full time is that day in the shop's zone. */
export const formatDate = (iso: string | null | undefined) =>
  iso ? (iso.length === 10 ? calendarDay.format(new Date(`${iso}T12:00:00Z`)) : formats.dateOnly.format(new Date(iso))) : '—';

const amountOf = (minutes: number) => (minutes < 60 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} h` : `${Math.round(minutes / 1440)} d`);

export function formatRelative(iso: string, now = Date.now()): string {
  const minutes = Math.round((new Date(iso).getTime() - now) / 60_000);
  return minutes >= 0 ? `in ${amountOf(minutes)}` : `${amountOf(-minutes)} ago`;
}

/** "Overdue by 5 min" (at least a minute: an immediate answer-by is overdue from the start). */
export function formatOverdue(iso: string, now = Date.now()): string {
  return `Overdue by ${amountOf(Math.max(1, Math.round((now - new Date(iso).getTime()) / 60_000)))}`;
}

/** A price; a currency code Intl does not know (stored by an old import) shows as "12.50 XYZ" instead of breaking the page. */
export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return [amount.toFixed(2), currency].filter(Boolean).join(' ');
  }
}

export const formatPercent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

export const STATUS_LABELS: Record<string, string> = { open: 'Open', in_progress: 'In Progress', resolved: 'Resolved' };
export const PRIORITY_LABELS: Record<string, string> = { urgent: 'Urgent', high: 'High', normal: 'Normal' };

/** Only site-relative or http(s) links are followed; anything else (javascript:, data:) is shown as text. */
export const safeHref = (href: string) => (/^(\/(?!\/)|https?:\/\/)/i.test(href) ? href : undefined);

export const humanize = (code: string) => code.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** YYYY-MM-DD of a date `daysAgo` before today (UTC, like the API's ranges). */
export const isoDay = (daysAgo = 0) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
