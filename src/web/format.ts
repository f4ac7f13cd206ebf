// Formatting shared by the store pages, emails and the dashboard.

const formatters = new Map<string, Intl.NumberFormat>();

/** "$1,250" for whole amounts, "$1,250.50" otherwise. */
export function formatMoney(cents: number, currency: string): string {
  const whole = cents % 100 === 0;
  const key = `${currency}:${whole}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
    formatters.set(key, f);
  }
  return f.format(cents / 100);
}

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}
