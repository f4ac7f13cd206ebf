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
