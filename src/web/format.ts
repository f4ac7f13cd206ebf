// Formatting shared by the store pages, emails and the dashboard: the engine's wording, from amounts in cents.
import { formatMoney as formatAmount } from '../engine/replies/format';

/** "$1,250" for whole amounts, "$1,250.50" otherwise. */
export function formatMoney(cents: number, currency: string): string {
  return formatAmount(cents / 100, currency);
}

/** "December 2, 2026": a calendar day (or the UTC day of a moment). */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
