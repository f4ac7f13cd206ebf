// The audit's cases of input that is not what it claims to be: each a 400 naming the field, never a 500 or a stored Inf.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, type TestApp } from '../../test/support/app';
import { TEST_DIALECTS } from '../../test/support/db';
import { DEMO_STAFF } from '../modules/staff/demo';
import { findFlaw, parseWholeNumber } from './validation';

const [, AGENT] = DEMO_STAFF;

describe('findFlaw and parseWholeNumber', () => {
  it('names the first NUL, infinite or inexact value by its path', () => {
    expect(findFlaw({ a: [1, { b: 'x\u0000' }] })).toEqual({ path: 'a.1.b', reason: 'must not contain the NUL character (U+0000)' });
    expect(findFlaw({ n: Infinity })?.reason).toBe('must be a finite number');
    expect(findFlaw({ n: 2 ** 53 + 2 })?.path).toBe('n');
    expect(findFlaw({ 'k\u0000': 1 })?.path).toBe('k\\0');
    expect(findFlaw({ fine: ['text', 12.5, -3, null, true, { deeper: 'ü👍' }] })).toBeUndefined();
  });

  it('reads only plain digits within bounds', () => {
    expect(parseWholeNumber('7', { min: 1, max: 10 })).toBe(7);
    for (const text of ['1e1', '0x1', ' 5', '5.0', 'Infinity', '', '11', '-1', '99999999999999999999']) expect(parseWholeNumber(text, { min: 0, max: 10 }), text).toBeUndefined();
  });
});

describe.each(TEST_DIALECTS)('strict input on %s', (dialect) => {
  let t: TestApp;
  let sessionId: string;
  let agent: { cookie: string; 'x-csrf-token': string };

  beforeAll(async () => {
    t = await createTestApp(dialect, { env: { WORKERS_ENABLED: 'false' } });
    sessionId = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: {} })).json().sessionId;
    const login = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: AGENT.email, password: AGENT.password } });
    agent = { cookie: cookiesFrom(login), 'x-csrf-token': login.json().csrfToken };
  });
  afterAll(() => t.close());

  const expect400Naming = (res: { statusCode: number; json(): { error: { message: string } } }, field: string) => {
    expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
    expect(res.json().error.message).toContain(`"${field}"`);
  };

  it.each([
    ['/api/products?page=Infinity', 'page'],
    ['/api/products?pageSize=1e999', 'pageSize'],
    ['/api/products?priceMin=-1e999', 'priceMin'],
    ['/api/products?page=9007199254740993', 'page'],
    ['/catalog?page=Infinity', 'page'],
    ['/dev/mailbox?page=1e999', 'page'],
  ])('GET %s is a 400 naming the query parameter', async (url, field) => {
    expect400Naming(await t.app.inject({ url, headers: { accept: 'application/json' } }), field);
  });

  it.each(['/api/dashboard/tickets/1e999', '/api/dashboard/tickets/-Infinity', '/api/dashboard/tickets/2147483648'])('GET %s is a 400 naming the path parameter', async (url) => {
    expect400Naming(await t.app.inject({ url, headers: agent }), 'id');
  });

  it('/dev/mailbox/:id past the integer column is a 400, not a database error', async () => {
    expect400Naming(await t.app.inject({ url: '/dev/mailbox/2147483648', headers: { accept: 'application/json' } }), 'id');
  });

  it('a CSAT rating of "Infinity", 1e999 or "5" is refused and nothing is stored', async () => {
    const rate = (payload: string) => t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/forms/csat`, headers: { 'content-type': 'application/json' }, payload });
    for (const payload of ['{"rating":"Infinity"}', '{"rating":1e999}', '{"rating":"5"}']) {
      const res = await rate(payload);
      expect(res.statusCode, payload).toBe(400);
      expect(Object.keys(res.json().error.details.fields), payload).toEqual(['rating']);
    }
    expect(await t.db.kysely.selectFrom('csat_ratings').select('rating').where('conversation_id', '=', sessionId).execute()).toEqual([]);
  });

  it('an assignee id past the integer column is refused', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/tickets/1/assign', headers: agent, payload: { assigneeId: 2 ** 40 } });
    expect400Naming(res, 'assigneeId');
  });

  it.each([
    ['POST', '/api/widget/sessions/:session/forms/stylist', { name: 'Ava\u0000', email: 'ava@example.com', message: 'Help with a ring' }, 'name'],
    ['POST', '/api/widget/sessions/:session/messages', { text: 'rings\u0000' }, 'text'],
    ['POST', '/api/widget/sessions', { pageUrl: 'https://shop.example/\u0000' }, 'pageUrl'],
    ['POST', '/api/dashboard/login', { email: 'admin@glowglitch.test\u0000', password: 'x' }, 'email'],
    ['POST', '/api/widget/sessions/:session/forms/return', { orderNumber: 'GG-104234', email: 'ava.martinez@example.com', kind: 'return', reason: 'Too big', note: 'a\u0000' }, 'note'],
    ['GET', '/api/products/rose%00ring', undefined, 'slug'],
    ['GET', '/products/rose%00ring', undefined, 'slug'],
    ['GET', '/checkout/complete/abc%00', undefined, 'token'],
    ['GET', '/api/products?q=ring%00', undefined, 'q'],
  ] as const)('%s %s with U+0000 is a 400 naming the field', async (method, url, payload, field) => {
    const res = await t.app.inject({ method, url: url.replace(':session', sessionId), headers: { accept: 'application/json' }, ...(payload && { payload }) });
    expect400Naming(res, field);
    expect(res.json().error.message).toContain('U+0000');
  });

  it('the dashboard ticket search with U+0000 is a 400 naming q', async () => {
    expect400Naming(await t.app.inject({ url: '/api/dashboard/tickets?q=ava%00', headers: agent }), 'q');
  });

  it('store forms (no schema): U+0000 and numbers that are not whole are 400s', async () => {
    const form = (url: string, body: string) => t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, payload: body });
    expect400Naming(await form('/contact', 'name=Ava%00&email=ava%40example.com&message=Hello'), 'name');
    expect400Naming(await form('/checkout', 'name=Ava&email=ava%40example.com&line1=1%00'), 'line1');
    for (const productId of ['1e20', '3000000000', 'Infinity', '0x10']) {
      const res = await form('/cart/items', `productId=${productId}&quantity=1`);
      expect(res.statusCode, productId).toBe(400);
      expect(res.json().error.message).toBe('Choose a piece to add to your bag.');
    }
    expect((await form('/cart/items', 'productId=1&quantity=1e1')).json().error.message).toBe('Quantity must be a whole number from 1 to 10.');
  });
});
