import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { loadConfig } from '../../config';

// Audit item 13: the widget_enabled switch closes the widget API, not only the loader.
describe.each(TEST_DIALECTS)('the widget_enabled switch on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { WIDGET_ALLOWED_ORIGINS: 'https://shop.example' } });
  });
  afterAll(() => t.close());

  const SHOP = { origin: 'https://shop.example' };
  const post = (url: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: SHOP });
  const switchTo = (enabled: boolean) => t.app.services.flags.set('widget_enabled', enabled, 'test');
  const count = async (table: 'conversations' | 'messages' | 'tickets' | 'rmas' | 'csat_ratings') =>
    Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const expectClosed = (res: Awaited<ReturnType<typeof post>>, what: string) => {
    expect(res.statusCode, what).toBe(503);
    expect(res.json().error, what).toEqual({ code: 'widget_disabled', message: expect.stringMatching(/switched off/) });
    expect(res.headers['retry-after'], what).toBe('300');
    // The shop's page must be able to read the answer to show the closed state.
    expect(res.headers['access-control-allow-origin'], what).toBe('https://shop.example');
  };

  it('switched off, starts no session and answers no message, with a 503 the widget can read', async () => {
    const { sessionId } = (await post('/api/widget/sessions')).json();
    await switchTo(false);
    try {
      const before = { conversations: await count('conversations'), messages: await count('messages') };
      expectClosed(await post('/api/widget/sessions', { visitorId: 'visitor-off-001' }), 'new session');
      expectClosed(await post(`/api/widget/sessions/${sessionId}/messages`, { text: 'show me rings' }), 'message');
      // Closed comes before validation: the caller learns the concierge is off, not that a field is wrong.
      expectClosed(await post(`/api/widget/sessions/${sessionId}/messages`, { text: '' }), 'empty message');
      expectClosed(await t.app.inject({ url: `/api/widget/sessions/${sessionId}`, headers: SHOP }), 'read back');
      expect({ conversations: await count('conversations'), messages: await count('messages') }).toEqual(before);
    } finally {
      await switchTo(true);
    }
    expect((await post('/api/widget/sessions')).statusCode).toBe(201);
    expect((await post(`/api/widget/sessions/${sessionId}/messages`, { text: 'show me rings' })).statusCode).toBe(200);
  });

  it('switched off, the order lookup and the stylist and return forms start nothing', async () => {
    const { sessionId } = (await post('/api/widget/sessions')).json();
    await switchTo(false);
    try {
      const before = { tickets: await count('tickets'), rmas: await count('rmas'), messages: await count('messages') };
      const forms = `/api/widget/sessions/${sessionId}/forms`;
      expectClosed(await post(`${forms}/order_lookup`, { orderNumber: 'GG-104233', email: 'ava.martinez@example.com' }), 'order lookup');
      expectClosed(await post(`${forms}/stylist`, { name: 'Ava', email: 'ava.martinez@example.com', message: 'Help me choose a ring' }), 'stylist');
      expectClosed(await post(`${forms}/return`, { orderNumber: 'GG-104234', email: 'ava.martinez@example.com', kind: 'return', reason: 'changed_mind' }), 'return');
      expect({ tickets: await count('tickets'), rmas: await count('rmas'), messages: await count('messages') }).toEqual(before);
    } finally {
      await switchTo(true);
    }
  });

  it('switched off, a conversation that happened can still be rated, and the shortlist and analytics keep working', async () => {
    const { sessionId } = (await post('/api/widget/sessions')).json();
    expect((await post(`/api/widget/sessions/${sessionId}/messages`, { text: 'show me pendants' })).statusCode).toBe(200);
    await switchTo(false);
    try {
      const rated = await post(`/api/widget/sessions/${sessionId}/forms/csat`, { rating: 5, trigger: 'widget_closed' });
      expect(rated.statusCode).toBe(200);
      expect(rated.json().rating).toMatchObject({ rating: 5 });
      expect((await t.app.inject({ url: '/api/widget/shortlist?visitorId=visitor-off-002', headers: SHOP })).statusCode).toBe(200);
      expect((await post('/api/widget/events', { type: 'widget_opened', sessionId })).statusCode).toBe(202);
      // A preflight is not refused either: the browser must get to the 503 to read it.
      const preflight = await t.app.inject({ method: 'OPTIONS', url: `/api/widget/sessions/${sessionId}/messages`, headers: { ...SHOP, 'access-control-request-method': 'POST' } });
      expect(preflight.statusCode).toBe(204);
    } finally {
      await switchTo(true);
    }
  });

  it("the config says so and always carries the shop's contact links", async () => {
    const on = (await t.app.inject({ url: '/api/widget/config' })).json();
    expect(on).toMatchObject({ enabled: true, contact: { url: '/contact', email: 'hello@glowglitch.example' } });
    await switchTo(false);
    try {
      const off = (await t.app.inject({ url: '/api/widget/config' })).json();
      expect(off).toMatchObject({ enabled: false, contact: { url: '/contact', email: 'hello@glowglitch.example' } });
    } finally {
      await switchTo(true);
    }
  });
});

describe('the contact links a shop configures', () => {
  it('come from SHOP_CONTACT_URL and SHOP_CONTACT_EMAIL, and a bad value names its variable', () => {
    const shop = loadConfig({ SHOP_CONTACT_URL: 'https://shop.example/pages/contact', SHOP_CONTACT_EMAIL: 'care@shop.example' }).shop;
    expect({ url: shop.contactUrl, email: shop.contactEmail }).toEqual({ url: 'https://shop.example/pages/contact', email: 'care@shop.example' });
    expect(loadConfig({ SHOP_CONTACT_URL: '/pages/contact' }).shop.contactUrl).toBe('/pages/contact');
    for (const url of ['javascript:alert(1)', '//evil.example/contact', 'contact']) {
      expect(() => loadConfig({ SHOP_CONTACT_URL: url }), url).toThrow(/SHOP_CONTACT_URL/);
    }
    for (const email of ['care', 'care@shop.example?cc=x@evil.example', '<care@shop.example>']) {
      expect(() => loadConfig({ SHOP_CONTACT_EMAIL: email }), email).toThrow(/SHOP_CONTACT_EMAIL/);
    }
  });
});
