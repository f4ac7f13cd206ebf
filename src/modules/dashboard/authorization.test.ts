// Calls every dashboard route the app serves (read from Fastify's own route tree) as anonymous, agent and admin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';
import { ticketRow } from './test-fixtures';

const [ADMIN, AGENT] = DEMO_STAFF;

interface Route {
  method: string;
  url: string;
}

/** Full paths and methods from `printRoutes({ commonPrefix: false })`'s tree. */
function parseRouteTree(tree: string): Route[] {
  const routes: Route[] = [];
  const stack: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^(.*?)(?:├|└)── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = depth === 0 ? match[2]! : `${stack[depth - 1]!.replace(/\/$/, '')}/${match[2]!.replace(/^\//, '')}`;
    stack[depth] = path;
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push({ method, url: path });
  }
  return routes;
}

/** What this test expects, written independently of the routes' own config. */
const ADMIN_ONLY = [/^\/api\/dashboard\/(analytics|flags|staff|exports)(\/|$)/, /^\/dashboard\/(analytics|flags|staff|canned-replies)(\/|$)/];
/** Agents use canned replies (list them, fill one in); only admins write them. */
const ADMIN_ONLY_CHANGES = [/^\/api\/dashboard\/canned-replies(\/|$)/];
const adminOnly = (route: Route) => ADMIN_ONLY.some((r) => r.test(route.url)) || (route.method !== 'GET' && ADMIN_ONLY_CHANGES.some((r) => r.test(route.url)));
const PUBLIC = ['POST /api/dashboard/login', 'GET /dashboard/login'];

const BODIES: Record<string, unknown> = {
  'POST /api/dashboard/login': { email: AGENT.email, password: AGENT.password },
  'POST /api/dashboard/tickets/:id/assign': { assigneeId: null },
  'POST /api/dashboard/tickets/:id/status': { status: 'in_progress' },
  'POST /api/dashboard/tickets/:id/priority': { priority: 'high' },
  'POST /api/dashboard/tickets/:id/notes': { body: 'A note' },
  'POST /api/dashboard/tickets/:id/replies': { body: 'Hello' },
  'PUT /api/dashboard/flags/:name': { enabled: true },
  'POST /api/dashboard/canned-replies': { title: 'Authorization check', body: 'Hi {{customer.first_name}}' },
  'PUT /api/dashboard/canned-replies/:id': { title: 'Authorization check', body: 'Hello' },
  'POST /api/dashboard/tickets/:id/tags': { tag: 'checked' },
  'POST /api/dashboard/tickets/bulk': { tickets: [{ id: 1, version: 1 }], status: 'in_progress' },
  'POST /api/dashboard/staff': { email: 'new.person@glowglitch.test', name: 'New Person', role: 'agent' },
};

describe.each(TEST_DIALECTS)('dashboard authorization on %s', (dialect) => {
  let t: TestApp;
  let routes: Route[] = [];
  const ids = { ticket: 0, staff: 0, conversation: '' };

  const concrete = (url: string) =>
    url
      .replace(':id', url.includes('/conversations/') ? ids.conversation : url.includes('/staff/') ? String(ids.staff) : String(ids.ticket))
      .replace(':number', 'GG-104233')
      .replace(':name', 'widget_enabled')
      .replace(':replyId', '1')
      .replace(':tag', 'checked');

  async function call(route: Route, session?: { cookie: string; csrf: string }) {
    const key = `${route.method} ${route.url}`;
    const body = BODIES[key] ?? (route.method === 'GET' ? undefined : {});
    return t.app.inject({
      method: route.method as 'GET',
      url: concrete(route.url),
      headers: { accept: route.url.startsWith('/api/') ? 'application/json' : 'text/html', ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}) },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }

  async function signIn(who: { email: string; password: string }) {
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: who.email, password: who.password } });
    expect(res.statusCode).toBe(200);
    return { cookie: cookiesFrom(res), csrf: res.json().csrfToken as string };
  }

  // Logging out ends the session: call it last.
  const ordered = () => [...routes].sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    routes = parseRouteTree(t.app.printRoutes({ commonPrefix: false })).filter((r) => r.url === '/dashboard' || r.url.startsWith('/dashboard/') || r.url.startsWith('/api/dashboard/'));
    // The one wildcard is the static bundle (/dashboard/assets/*, printed as /dashboard/*): public JS and CSS, no data.
    routes = routes.filter((r) => !r.url.endsWith('*'));
    const conversation = await t.app.services.conversations.create({}, [{ type: 'text', text: 'Welcome' }]);
    ids.conversation = conversation.id;
    const at = new Date().toISOString();
    const ticket = await t.db.kysely
      .insertInto('tickets')
      .values(ticketRow({ conversation_id: conversation.id, customer_name: 'Ana', email: 'ana@example.com', priority: 'normal', answer_by: at, created_at: at }))
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.ticket = ticket.id;
    ids.staff = (await t.app.services.staff.add({ email: 'target@glowglitch.test', name: 'Target', role: 'agent' }, null)).member.id;
  });
  afterAll(() => t.close());

  it('finds every dashboard route in the route tree', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    for (const expected of ['GET /api/dashboard/tickets', 'POST /api/dashboard/tickets/:id/replies', 'GET /api/dashboard/analytics/concierge', 'PUT /api/dashboard/flags/:name', 'POST /api/dashboard/staff/:id/disable', 'GET /dashboard/support', 'GET /dashboard/staff']) {
      expect(keys).toContain(expected);
    }
    expect(routes.length).toBeGreaterThanOrEqual(30);
  });

  it('the only unguarded dashboard paths are the bundle files', async () => {
    expect((await t.app.inject({ url: '/dashboard/assets/dashboard.css' })).statusCode).not.toBe(401);
    for (const url of ['/dashboard/anything', '/dashboard/assets/../../README.md', '/api/dashboard/anything']) {
      expect([401, 404], url).toContain((await t.app.inject({ url })).statusCode);
    }
  });

  it('anonymous: 401 from every API route and a redirect to sign-in from every page, except the sign-in itself', async () => {
    for (const route of ordered()) {
      const res = await call(route);
      const key = `${route.method} ${route.url}`;
      if (route.method === 'GET' && !PUBLIC.includes(key)) {
        // The HEAD twin of every GET is guarded too.
        expect((await t.app.inject({ method: 'HEAD', url: concrete(route.url) })).statusCode, `HEAD ${route.url}`).toBe(route.url.startsWith('/api/') ? 401 : 303);
      }
      if (PUBLIC.includes(key)) expect(res.statusCode, key).toBe(200);
      else if (route.url.startsWith('/api/')) expect(res.statusCode, key).toBe(401);
      else {
        expect(res.statusCode, key).toBe(303);
        expect(res.headers.location, key).toMatch(/^\/dashboard\/login/);
      }
    }
  });

  it('agent: 403 from every admin route, served (never 401/403 or 5xx) everywhere else', async () => {
    const session = await signIn(AGENT);
    for (const route of ordered()) {
      const res = await call(route, session);
      const key = `${route.method} ${route.url}`;
      if (adminOnly(route)) expect(res.statusCode, key).toBe(403);
      else {
        expect([401, 403], key).not.toContain(res.statusCode);
        expect(res.statusCode, key).toBeLessThan(500);
      }
    }
  });

  it('admin: every route is served (never 401/403 or 5xx)', async () => {
    const session = await signIn(ADMIN);
    for (const route of ordered()) {
      const res = await call(route, session);
      const key = `${route.method} ${route.url}`;
      expect([401, 403], `${key}: ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
      expect(res.statusCode, key).toBeLessThan(500);
    }
  });

  it('state changes without the CSRF header are refused on every changing route', async () => {
    const session = await signIn(ADMIN);
    for (const route of routes.filter((r) => r.method !== 'GET' && !PUBLIC.includes(`${r.method} ${r.url}`))) {
      const res = await call(route, { cookie: session.cookie, csrf: '' });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });
});
