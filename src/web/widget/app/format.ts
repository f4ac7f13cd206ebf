// Display helpers: prices, metal names (the engine's, as everywhere), dates, and URLs resolved against the Aurora service.
export { metalLabel } from '../../../engine/replies/format';

export function formatPrice(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: amount % 1 ? 2 : 0 }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** A moment in the visitor's time zone; a calendar day (`2026-11-28`, e.g. an estimated delivery) as that day everywhere. */
export function formatDate(iso: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const calendarDay = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const options: Intl.DateTimeFormatOptions = withTime
    ? { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
    : { weekday: 'short', month: 'short', day: 'numeric', ...(calendarDay ? { timeZone: 'UTC' } : {}) };
  return date.toLocaleString('en-US', options);
}

/** Server URLs are relative to the Aurora service; only http(s) links are ever rendered. */
export function absoluteUrl(href: string, base: string): string {
  try {
    const url = new URL(href, base + '/');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch {
    return '#';
  }
}

export function randomId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
