import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

describe.each(TEST_DIALECTS)('widget sessions and chat on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date('2026-11-20T15:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => clock });
  });
  afterAll(() => t.close());

  const start = async (body: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: body });
    expect(res.statusCode).toBe(201);
    return res.json() as { sessionId: string; expiresAt: string; replies: { type: string }[] };
  };
  const say = (sessionId: string, text: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text }, headers });

  it('starts a session with a welcome and quick links, and reads it back', async () => {
    const session = await start({ pageUrl: 'http://shop.test/', visitorId: 'visitor-0001' });
    expect(session.sessionId).toMatch(/^cs_[A-Za-z0-9_-]{22}$/);
    expect(session.expiresAt).toBe('2026-11-21T15:00:00.000Z');
    expect(session.replies.map((b) => b.type)).toEqual(['text', 'quick_replies']);
    const read = await t.app.inject({ url: `/api/widget/sessions/${session.sessionId}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().messages).toEqual([expect.objectContaining({ role: 'concierge', blocks: session.replies })]);
  });

  it('answers "show me rings" with ready-to-ship rings as product blocks', async () => {
    const { sessionId } = await start();
    const res = await say(sessionId, 'show me rings');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.intent).toBe('product_search');
    expect(body.messageId).toEqual(expect.any(Number));
    const products = body.replies.find((b: { type: string }) => b.type === 'products');
    expect(products.items.length).toBeGreaterThan(0);
    for (const item of products.items) {
      expect(item).toMatchObject({ category: 'ring', url: `/products/${item.slug}`, imageUrl: expect.any(String), price: expect.any(Number) });
    }
  });
});
