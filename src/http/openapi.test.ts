// The API reference: every route has a response schema, the OpenAPI document covers the APIs, and /api/docs serves.
import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, type TestApp } from '../../test/support/app';
import { DEMO_STAFF } from '../modules/staff/demo';
import { responseEntry } from './response-check';

interface Collected {
  method: string;
  url: string;
  /** Read once the app is ready: hooks registered after the test's own may still fill the route's schema. */
  readonly schema?: { response?: Record<string, unknown>; hide?: boolean };
}

describe('the API reference', () => {
  let t: TestApp;
  const routes: Collected[] = [];
  const collect = (route: RouteOptions) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url, get schema() { return route.schema as Collected['schema']; } });
  };
  beforeAll(async () => {
    t = await createTestApp('sqlite', { onRoute: collect });
  });
  afterAll(() => t?.close());

  it('every registered route has a schema that describes its successful answer', () => {
    expect(routes.length).toBeGreaterThanOrEqual(70);
    const missing = routes
      .filter((route) => {
        const response = route.schema?.response;
        return !response || !Object.keys(response).some((status) => /^[23]/.test(status));
      })
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it('every route also describes its errors (4xx and 5xx at least)', () => {
    const without = routes.filter((route) => !responseEntry(route.schema?.response, 404) || !responseEntry(route.schema?.response, 500)).map((r) => `${r.method} ${r.url}`);
    expect(without).toEqual([]);
  });

  it('serves OpenAPI 3.1 covering the widget API, the webhooks and the dashboard API with auth and errors', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const paths = doc.paths as Record<string, Record<string, { tags?: string[]; security?: unknown; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>;
    for (const path of ['/api/widget/sessions/{sessionId}/messages', '/api/integrations/orders', '/api/dashboard/tickets/{id}', '/api/dashboard/login', '/api/products']) expect(paths).toHaveProperty([path]);
    // Pages and files have schemas but are not part of the API reference.
    expect(Object.keys(paths).filter((path) => !path.startsWith('/api/') && !['/healthz', '/readyz'].includes(path))).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['csrfToken', 'staffSession', 'webhookSignature']);
    expect(doc.components.securitySchemes.staffSession).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'aurora_staff' });
    expect(doc.components.securitySchemes.csrfToken).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });

    const reply = paths['/api/dashboard/tickets/{id}/replies']!.post!;
    expect(reply.security).toEqual([{ staffSession: [], csrfToken: [] }]);
    expect(paths['/api/dashboard/tickets']!.get!.security).toEqual([{ staffSession: [] }]);
    expect(paths['/api/dashboard/login']!.post!.security).toBeUndefined();
    expect(paths['/api/integrations/orders']!.post!.security).toEqual([{ webhookSignature: [] }]);
    expect(paths['/api/widget/sessions/{sessionId}/messages']!.post!.tags).toEqual(['widget']);

    // Every operation: a described success and the shared error body.
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const statuses = Object.keys(operation.responses);
        expect(statuses.some((s) => /^[23]/.test(s)), `${method} ${path}`).toBe(true);
        const error = operation.responses['4XX'] ?? operation.responses['4xx'];
        expect(error?.content?.['application/json']?.schema, `${method} ${path} errors`).toMatchObject({ properties: { error: { properties: { code: {}, message: {} } } } });
      }
    }
  });

  // Found by the fuzz test through the response check: the schema capped rates at 1, fast-json-stringify then threw (500).
  it('the analytics report answers an open rate above 1 (browsers report opens and loads themselves)', async () => {
    const event = (type: string) => t.app.inject({ method: 'POST', url: '/api/widget/events', payload: { type, visitorId: 'visitor-rates-01' } });
    for (const type of ['widget_loaded', 'widget_opened', 'widget_opened']) expect((await event(type)).statusCode).toBe(202);
    const login = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: DEMO_STAFF[0]!.email, password: DEMO_STAFF[0]!.password } });
    const report = await t.app.inject({ url: '/api/dashboard/analytics/concierge', headers: { cookie: cookiesFrom(login) } });
    expect(report.statusCode).toBe(200);
    expect(report.json().openRate).toBe(2);
  });

  it('serves the reference page and its assets from this server, under the usual CSP', async () => {
    const page = await t.app.inject({ url: '/api/docs/', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const res = await t.app.inject({ url: new URL(asset, 'http://x/api/docs/').pathname });
      expect(res.statusCode, asset).toBe(200);
    }
    const spec = await t.app.inject({ url: '/api/docs/json' });
    expect(spec.json().openapi).toBe('3.1.0');
  });
});
