import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import type { OrderItemRow, OrderRow } from '../../db/schema';
import { checkEligibility, intricateDesignOf, isOfferedSize } from './policy';

const policy = loadConfig({}).returns;
const NOW = new Date('2026-11-20T15:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const order = (overrides: Partial<OrderRow> = {}) => ({ number: 'GG-100001', status: 'delivered', delivered_at: daysAgo(10), ...overrides }) as OrderRow;
const item = (overrides: Partial<OrderItemRow> = {}) => ({ id: 1, name: 'Solitaire Ring', size: 6, final_sale: 0, ...overrides }) as OrderItemRow;
const check = (o: OrderRow, i: OrderItemRow, kind: 'return' | 'resize', newSize?: number, asksForComplexResize = false) =>
  checkEligibility(o, i, { kind, newSize, asksForComplexResize }, policy, NOW, 'America/New_York');

describe('returns policy', () => {
  it('allows a return up to the last moment of the window, not after', () => {
    expect(check(order({ delivered_at: daysAgo(30) }), item(), 'return').outcome).toBe('eligible');
    expect(check(order({ delivered_at: new Date(Date.parse(daysAgo(30)) - 1).toISOString() }), item(), 'return')).toMatchObject({ outcome: 'ineligible' });
  });

  it('lets a final-sale piece be resized though not returned', () => {
    expect(check(order(), item({ final_sale: 1, name: 'Custom Signet' }), 'return').outcome).toBe('ineligible');
    expect(check(order(), item({ final_sale: 1, name: 'Custom Signet' }), 'resize', 7).outcome).toBe('eligible');
  });

  it('sends engraved, eternity and three-stone resizes, big changes and multi-ring requests to a stylist', () => {
    expect(check(order(), item({ name: 'Signet Ring (engraved)' }), 'resize', 7).outcome).toBe('stylist');
    expect(check(order(), item({ name: 'Three-Stone Ring' }), 'resize', 7).outcome).toBe('stylist');
    expect(check(order(), item(), 'resize', 8).outcome).toBe('eligible'); // exactly 2 sizes
    expect(check(order(), item(), 'resize', 8.5).outcome).toBe('stylist');
    expect(check(order(), item(), 'resize', 7, true).outcome).toBe('stylist');
  });

  it('reads the design from the item name and offers sizes 3 to 13 in halves', () => {
    expect(intricateDesignOf('Aurora Eternity Band', policy)).toBe('eternity');
    expect(intricateDesignOf('Solitaire Ring', policy)).toBeUndefined();
    expect([3, 6.5, 13].every((s) => isOfferedSize(s, policy))).toBe(true);
    expect([2.5, 6.25, 13.5].some((s) => isOfferedSize(s, policy))).toBe(false);
  });
});
