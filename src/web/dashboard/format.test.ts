// The dashboard's formatting never throws on stored data: one bad value must not blank a whole page.
import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';

describe('formatMoney', () => {
  it('formats a known currency', () => {
    expect(formatMoney(1250, 'USD')).toMatch(/1,250\.00/);
  });

  it('shows an amount with an invalid currency code as plain text instead of throwing (RangeError)', () => {
    expect(formatMoney(1250, 'DOLLARS')).toBe('1250.00 DOLLARS');
    expect(formatMoney(9.5, '')).toBe('9.50');
  });
});

describe('times in the shop time zone', () => {
  it('formats a time in the shop zone and names the zone', async () => {
    const { formatDateTime, formatDate, setShopTimeZone } = await import('./format');
    setShopTimeZone('America/New_York');
    // 15:00 UTC on Nov 20 is 10:00 AM in New York (EST).
    expect(formatDateTime('2026-11-20T15:00:00.000Z')).toMatch(/Nov 20.*10:00\sAM.*EST/);
    setShopTimeZone('Asia/Tokyo');
    expect(formatDateTime('2026-11-20T15:00:00.000Z')).toMatch(/Nov 21.*12:00\sAM.*GMT\+9/);
    // 03:00 UTC is still the evening before in New York: the day is the shop's.
    setShopTimeZone('America/New_York');
    expect(formatDate('2026-11-21T03:00:00.000Z')).toMatch(/Nov 20, 2026/);
    expect(formatDate('2026-11-21')).toMatch(/Nov 21, 2026/);
  });
});
