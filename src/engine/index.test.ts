// The public API as the server uses it: options, search replies, order replies, card masking.
import { describe, expect, it } from 'vitest';
import { createEngine, initialState, maskCardNumbers } from './index';
import type { FaqArticle } from './types';

describe('createEngine', () => {
  it('starts in well under a second', () => {
    const started = performance.now();
    createEngine();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('uses a knowledge base the shop passes in', () => {
    const knowledgeBase: FaqArticle[] = [{ id: 'parking', title: 'Parking at the studio', body: 'Free parking behind the studio.', keywords: ['parking', 'car park'] }];
    const engine = createEngine({ knowledgeBase });
    const decision = engine.decide(initialState(), engine.understand('what is your return policy'));
    expect(decision.actions.some((action) => action.type === 'answer_faq')).toBe(false);
    const parking = engine.decide(initialState(), { ...engine.understand('where can i find parking'), intent: 'faq' });
    expect(parking.actions).toContainEqual({ type: 'answer_faq', articleId: 'parking' });
  });

  it('words prices in the shop currency', () => {
    const engine = createEngine({ currency: 'EUR' });
    const blocks = engine.replies.searchResults({ filters: { category: 'ring', priceMax: 500 }, offset: 0 }, { items: [], total: 0 });
    expect(JSON.stringify(blocks)).toContain('€500');
  });

  it('exports card masking', () => {
    expect(maskCardNumbers('4242 4242 4242 4242')).toBe('**** **** **** 4242');
  });
});

describe('search replies', () => {
  const engine = createEngine();
  const ring = { id: 1, name: 'Aurora Ring', price: 320, category: 'ring' as const, metal: 'rose_gold' as const };

  it('is honest when nothing matches and shows the nearest alternatives with a catalog link', () => {
    const blocks = engine.replies.searchResults({ filters: { category: 'ring', metal: 'rose_gold', priceMax: 50 }, offset: 0 }, { items: [], total: 0, alternatives: [ring] });
    expect(blocks[0]).toEqual({ type: 'text', text: "I couldn't find any rose gold rings under $50 ready to ship right now. This is the closest match I have:" });
    expect(blocks).toContainEqual({ type: 'products', items: [ring] });
    expect(JSON.stringify(blocks)).toContain('/catalog');
  });

  it('remembers alternatives as shown, so "the first one" works after a near miss', () => {
    const { state } = engine.presentSearch(initialState(), { type: 'search_products', filters: {}, offset: 0, limit: 4 }, { items: [], total: 0, alternatives: [ring] });
    expect(state.shown).toEqual([{ id: 1, price: 320 }]);
  });

  it('offers "Show more" only when there is more', () => {
    const some = engine.replies.searchResults({ filters: {}, offset: 0 }, { items: [ring], total: 5 });
    const all = engine.replies.searchResults({ filters: {}, offset: 0 }, { items: [ring], total: 1 });
    expect(JSON.stringify(some)).toContain('Show more');
    expect(JSON.stringify(all)).not.toContain('Show more');
  });

  it('shows an order status with its block', () => {
    const order = { number: 'GG-104233', status: 'shipped', statusLabel: 'Shipped', carrier: 'UPS', trackingNumber: '1Z', trackingUrl: 'https://ups.example/1Z', estimatedDelivery: '2025-11-28', timeline: [] };
    const blocks = engine.replies.orderStatus(order);
    expect(blocks[0]).toEqual({ type: 'text', text: 'Good news, I found it: order GG-104233 is on its way with UPS. Estimated delivery: Fri, Nov 28.' });
    expect(blocks[1]).toEqual({ type: 'order_status', order });
  });

  it('words every order status by its code, never "good news" for a delay or a cancellation, and gives no delivery estimate once it is over', () => {
    const order = { number: 'GG-104233', carrier: null, trackingNumber: null, trackingUrl: null, estimatedDelivery: '2025-11-28', timeline: [] };
    const said = (status: string, statusLabel: string) => (engine.replies.orderStatus({ ...order, status, statusLabel })[0] as { text: string }).text;
    expect(said('delayed', 'Delayed')).toBe("I'm sorry, I've checked: order GG-104233 is running late. Latest estimated delivery: Fri, Nov 28.");
    expect(said('out_for_delivery', 'Out for delivery')).toContain('is out for delivery today.');
    expect(said('delivered', 'Delivered')).toBe('I found it: order GG-104233 has been delivered.');
    expect(said('cancelled', 'Cancelled')).toBe('I found it: order GG-104233 was cancelled.');
    expect(said('processing', 'Processing')).toBe('I found it: order GG-104233 is being prepared in our studio. Estimated delivery: Fri, Nov 28.');
  });
});
