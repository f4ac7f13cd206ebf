// CORS of the widget API: the shop's origins (WIDGET_ALLOWED_ORIGINS) may call it from their pages, nobody else,
// no cookies; preflights are cached 10 minutes; the dashboard API never answers another origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';

const SHOP = 'https://shop.example';
const OTHER = 'https://evil.example';

describe('widget CORS for listed origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { env: { WIDGET_ALLOWED_ORIGINS: `${SHOP},https://www.shop.example` } });
  });
  afterAll(() => t?.close());

  const preflight = (origin: string, url = '/api/widget/sessions') =>
    t.app.inject({ method: 'OPTIONS', url, headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,idempotency-key' } });

  it('lets a listed origin read the answers, without credentials, varying by Origin', async () => {
    for (const origin of [SHOP, 'https://www.shop.example']) {
      const res = await t.app.inject({ url: '/api/widget/config', headers: { origin } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['access-control-allow-origin']).toBe(origin);
      expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(res.headers.vary)).toMatch(/Origin/i);
    }
  });

  it('also on errors, so the widget can show them', async () => {
    const res = await t.app.inject({ url: '/api/widget/sessions/cs_AAAAAAAAAAAAAAAAAAAAAA', headers: { origin: SHOP } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
  });

  it('gives another origin, or a request without one, no Access-Control-Allow-Origin', async () => {
    const other = await t.app.inject({ url: '/api/widget/config', headers: { origin: OTHER } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(String(other.headers.vary)).toMatch(/Origin/i);
    const none = await t.app.inject({ url: '/api/widget/config' });
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight from a listed origin: methods, headers, cached 10 minutes', async () => {
    const res = await preflight(SHOP, '/api/widget/shortlist/12?visitorId=visitor-cors-01');
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(res.headers['access-control-allow-origin']).toBe(SHOP);
    expect(String(res.headers['access-control-allow-methods']).split(/,\s*/).sort()).toEqual(['DELETE', 'GET', 'OPTIONS', 'POST']);
    expect(String(res.headers['access-control-allow-headers']).split(/,\s*/).map((h) => h.toLowerCase()).sort()).toEqual(['content-type', 'idempotency-key']);
    expect(res.headers['access-control-max-age']).toBe('600');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('does not allow another origin in a preflight', async () => {
    const res = await preflight(OTHER);
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('never opens the dashboard API or the store to another origin', async () => {
    const session = await t.app.inject({ url: '/api/dashboard/session', headers: { origin: SHOP } });
    expect(session.statusCode).toBe(401);
    expect(session.headers['access-control-allow-origin']).toBeUndefined();
    const dashboardPreflight = await preflight(SHOP, '/api/dashboard/login');
    expect(dashboardPreflight.statusCode).toBe(404);
    expect(dashboardPreflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(dashboardPreflight.headers['access-control-allow-methods']).toBeUndefined();
    const products = await t.app.inject({ url: '/api/products?pageSize=1', headers: { origin: SHOP } });
    expect(products.headers['access-control-allow-origin']).toBeUndefined();
  });
});
