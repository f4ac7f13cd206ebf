import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

type Block = { type: string; items?: { id: number; slug: string; price: number; category: string; metal: string }[] } & Record<string, unknown>;

describe.each(TEST_DIALECTS)('widget sessions and chat turns on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date('2026-11-20T15:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp(dialect, { now: () => clock });
  });
  afterAll(() => t.close());

  const start = async (body: object = {}) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: body });
    expect(res.statusCode).toBe(201);
    return res.json() as { sessionId: string; expiresAt: string; replies: Block[] };
  };
  const say = (sessionId: string, text: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, payload: { text }, headers });
  const productsOf = (replies: Block[]) => replies.find((b) => b.type === 'products')?.items ?? [];
  const transcript = async (sessionId: string) => (await t.app.inject({ url: `/api/widget/sessions/${sessionId}` })).json().messages as { role: string; text?: string }[];

  it('starts a session with a welcome and quick links, and reads it back', async () => {
    const session = await start({ pageUrl: 'http://shop.test/', visitorId: 'visitor-0001' });
    expect(session.sessionId).toMatch(/^cs_[A-Za-z0-9_-]{22}$/);
    expect(session.expiresAt).toBe('2026-11-21T15:00:00.000Z');
    expect(session.replies.map((b) => b.type)).toEqual(['text', 'quick_replies']);
    const read = await t.app.inject({ url: `/api/widget/sessions/${session.sessionId}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ sessionId: session.sessionId, messages: [{ role: 'concierge', blocks: session.replies }] });
  });

  it('accepts an empty body and a product page slug, and ignores an unknown product', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/widget/sessions' })).statusCode).toBe(201);
    const { sessionId } = await start({ productId: 'no-such-piece' });
    expect((await say(sessionId, 'hello')).statusCode).toBe(200);
  });

  it('expires 24 hours after the last activity, and each message moves the expiry on', async () => {
    const { sessionId } = await start();
    clock = new Date('2026-11-21T14:00:00.000Z');
    expect((await say(sessionId, 'hi')).statusCode).toBe(200);
    clock = new Date('2026-11-22T13:59:00.000Z');
    const alive = await t.app.inject({ url: `/api/widget/sessions/${sessionId}` });
    expect(alive.json().expiresAt).toBe('2026-11-22T14:00:00.000Z');
    clock = new Date('2026-11-22T14:00:01.000Z');
    expect((await t.app.inject({ url: `/api/widget/sessions/${sessionId}` })).statusCode).toBe(404);
    expect((await say(sessionId, 'hi again')).statusCode).toBe(404);
    clock = new Date('2026-11-20T15:00:00.000Z');
  });

  it('answers 404 for an unknown or malformed session id', async () => {
    for (const id of ['cs_AAAAAAAAAAAAAAAAAAAAAA', 'nope', '../../etc', 'cs_' + 'x'.repeat(60)]) {
      const read = await t.app.inject({ url: `/api/widget/sessions/${encodeURIComponent(id)}` });
      expect(read.statusCode, id).toBe(404);
      expect(read.json().error.code).toBe('not_found');
      expect((await say(encodeURIComponent(id), 'hello')).statusCode, id).toBe(404);
    }
  });

  it('refines one search across turns: rings, then yellow gold, then cheaper', async () => {
    const { sessionId } = await start();
    const first = (await say(sessionId, 'show me rings')).json();
    expect(first.intent).toBe('product_search');
    const rings = productsOf(first.replies);
    expect(rings.length).toBeGreaterThan(0);
    for (const item of rings) expect(item).toMatchObject({ category: 'ring', url: `/products/${item.slug}`, imageUrl: expect.any(String), price: expect.any(Number) });

    const gold = productsOf((await say(sessionId, 'in yellow gold')).json().replies);
    expect(gold.length).toBeGreaterThan(0);
    for (const item of gold) expect(item).toMatchObject({ category: 'ring', metal: 'yellow_gold' });

    const cheaper = productsOf((await say(sessionId, 'cheaper')).json().replies);
    expect(cheaper.length).toBeGreaterThan(0);
    const floor = Math.min(...gold.map((p) => p.price));
    for (const item of cheaper) {
      expect(item).toMatchObject({ category: 'ring', metal: 'yellow_gold' });
      expect(item.price).toBeLessThan(floor);
    }
  });

  it('says so honestly when nothing matches, with the nearest pieces and the catalog link', async () => {
    const { sessionId } = await start();
    await say(sessionId, 'show me rose gold rings');
    const replies = (await say(sessionId, 'cheaper')).json().replies as Block[];
    expect(String(replies[0]!.text)).toMatch(/couldn't find/i);
    expect(productsOf(replies).length).toBeGreaterThan(0);
    expect(replies).toContainEqual({ type: 'links', links: [expect.objectContaining({ href: '/catalog' })] });
  });

  it('only recommends ready-to-ship pieces in stock', async () => {
    const { sessionId } = await start();
    const items = productsOf((await say(sessionId, 'show me necklaces')).json().replies);
    expect(items.length).toBeGreaterThan(0);
    const rows = await t.db.kysely.selectFrom('products').select(['id', 'ready_to_ship', 'stock']).where('id', 'in', items.map((i) => i.id)).execute();
    expect(rows).toHaveLength(items.length);
    for (const row of rows) expect(row.ready_to_ship === 1 && row.stock > 0).toBe(true);
  });

  it('saves "the second one" to the visitor shortlist from the chat', async () => {
    const { sessionId } = await start({ visitorId: 'visitor-chat-01' });
    const shown = productsOf((await say(sessionId, 'show me earrings')).json().replies);
    const saved = await say(sessionId, 'save the second one');
    expect(saved.json().intent).toBe('shortlist');
    const list = await t.app.inject({ url: '/api/widget/shortlist?visitorId=visitor-chat-01' });
    expect(list.json().items.map((i: { id: number }) => i.id)).toEqual([shown[1]!.id]);
  });

  it('answers a retry with the same Idempotency-Key without storing a second message', async () => {
    const { sessionId } = await start();
    const headers = { 'idempotency-key': 'retry-key-0001' };
    const first = await say(sessionId, 'show me bracelets', headers);
    const again = await say(sessionId, 'show me bracelets', headers);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const concurrent = await Promise.all([1, 2, 3].map(() => say(sessionId, 'thanks', { 'idempotency-key': 'retry-key-0002' })));
    expect(new Set(concurrent.map((r) => r.json().messageId)).size).toBe(1);
    expect((await transcript(sessionId)).filter((m) => m.role === 'customer')).toHaveLength(2);
  });

  it('masks card numbers before the message is stored', async () => {
    const { sessionId } = await start();
    expect((await say(sessionId, 'can I pay with 4242 4242 4242 4242 please')).statusCode).toBe(200);
    const stored = await t.db.kysely.selectFrom('messages').select('text').where('conversation_id', '=', sessionId).where('role', '=', 'customer').execute();
    expect(stored.map((m) => m.text)).toEqual(['can I pay with **** **** **** 4242 please']);
    expect(JSON.stringify(await transcript(sessionId))).not.toContain('4242 4242');
  });

  it('refuses empty, blank and too long messages with 400', async () => {
    const { sessionId } = await start();
    for (const text of ['', '   ', 'x'.repeat(1001)]) {
      const res = await say(sessionId, text);
      expect(res.statusCode, JSON.stringify(text.slice(0, 5))).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
    }
    expect((await say(sessionId, 'x'.repeat(1000))).statusCode).toBe(200);
  });

  it('never answers 500 to garbage', async () => {
    const { sessionId } = await start();
    const url = `/api/widget/sessions/${sessionId}/messages`;
    const payloads: { payload: string; type: string; headers?: Record<string, string> }[] = [
      { payload: '{"text": ', type: 'application/json' },
      { payload: '[]', type: 'application/json' },
      { payload: 'null', type: 'application/json' },
      { payload: '{"text": {"$gt": ""}}', type: 'application/json' },
      { payload: '{"text": ["a", "b"]}', type: 'application/json' },
      { payload: '{"text": "hi", "productId": -4}', type: 'application/json' },
      { payload: '{"text": "hi"}', type: 'application/json', headers: { 'idempotency-key': 'short' } },
      { payload: 'text=hi', type: 'application/x-www-form-urlencoded' },
      { payload: '\u0000\uffff', type: 'text/plain' },
      { payload: JSON.stringify({ text: '\u0000 ☃ 🤖 <script>alert(1)</script> \ud800' }), type: 'application/json' },
    ];
    for (const p of payloads) {
      const res = await t.app.inject({ method: 'POST', url, payload: p.payload, headers: { 'content-type': p.type, ...p.headers } });
      expect(res.statusCode, p.payload).toBeLessThan(500);
      expect(res.body).not.toMatch(/at .*\.ts:\d+/);
    }
    const created = await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: 'bad id!', productId: { a: 1 } } });
    expect(created.statusCode).toBe(400);
  });
});
