// Staff sign-in through the HTTP API: sessions, lockout, disabled accounts, CSRF, expiry, logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';
import { INVALID_CREDENTIALS, SESSION_IDLE_MS } from './service';

const [ADMIN, AGENT] = DEMO_STAFF;

describe.each(TEST_DIALECTS)('dashboard sign-in on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date('2026-11-20T15:00:00.000Z');
  const login = (email: string, password: string) => t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email, password } });

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false, now: () => clock });
  });
  afterAll(() => t.close());

  it('signs in with the right password and sets a hardened session cookie', async () => {
    const res = await login(AGENT.email, AGENT.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ email: AGENT.email, role: 'agent' });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/aurora_staff=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    // Only a hash of the token is stored.
    const token = res.cookies.find((c) => c.name === 'aurora_staff')!.value;
    const stored = await t.db.kysely.selectFrom('staff_sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(token);
    const me = await t.app.inject({ url: '/api/dashboard/session', headers: { cookie: cookiesFrom(res) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(AGENT.email);
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const wrong = await login(ADMIN.email, 'not-the-password');
    const unknown = await login('nobody@glowglitch.test', 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks an email for 15 minutes after 5 failures, known or not, without saying which', async () => {
    for (const email of ['locked.agent@glowglitch.test', AGENT.email]) {
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push((await login(email, 'wrong-password')).statusCode);
      expect(answers).toEqual([401, 401, 401, 401, 429]);
    }
    const locked = await login(AGENT.email, AGENT.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toMatch(/15 minutes/);
    expect((await login('locked.agent@glowglitch.test', 'x')).json()).toEqual(locked.json());
    clock = new Date(clock.getTime() + 15 * 60_000 + 1000);
    expect((await login(AGENT.email, AGENT.password)).statusCode).toBe(200);
  });

  it('rejects state changes without the CSRF token, or with a wrong one', async () => {
    const res = await login(ADMIN.email, ADMIN.password);
    const cookie = cookiesFrom(res);
    const csrf = res.json().csrfToken as string;
    const put = (headers: Record<string, string>) => t.app.inject({ method: 'PUT', url: '/api/dashboard/flags/widget_enabled', headers: { cookie, ...headers }, payload: { enabled: true } });
    expect((await put({})).statusCode).toBe(403);
    expect((await put({ 'x-csrf-token': `${csrf.slice(0, -1)}x` })).statusCode).toBe(403);
    expect((await put({ 'x-csrf-token': csrf })).statusCode).toBe(200);
  });

  it('refuses a sign-in that is not JSON (no cross-site form sign-in)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=${ADMIN.email}&password=${ADMIN.password}` });
    expect(res.statusCode).toBe(400);
  });

  it('slides the session on use and ends it after 12 idle hours', async () => {
    const res = await login(ADMIN.email, ADMIN.password);
    const cookie = cookiesFrom(res);
    const me = () => t.app.inject({ url: '/api/dashboard/session', headers: { cookie } });
    clock = new Date(clock.getTime() + SESSION_IDLE_MS - 60_000);
    expect((await me()).statusCode).toBe(200);
    clock = new Date(clock.getTime() + SESSION_IDLE_MS - 60_000);
    expect((await me()).statusCode).toBe(200);
    clock = new Date(clock.getTime() + SESSION_IDLE_MS + 1000);
    expect((await me()).statusCode).toBe(401);
  });

  it('an open page on its own (presence beats, the live stream, its refresh timer) does not extend the session past 12 idle hours', async () => {
    const visitor = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: 'visitor-idle-check-1' } })).json().sessionId as string;
    const ticket = (await t.app.inject({ method: 'POST', url: `/api/widget/sessions/${visitor}/forms/stylist`, payload: { name: 'Ava Martinez', email: 'ava.idle@example.com', message: 'Which size?' } })).json().ticket.id as number;
    const res = await login(AGENT.email, AGENT.password);
    const cookie = cookiesFrom(res);
    const beat = () => t.app.inject({ method: 'POST', url: `/api/dashboard/tickets/${ticket}/presence`, headers: { cookie, 'x-csrf-token': res.json().csrfToken }, payload: { clientId: 'tab-idle-1', state: 'viewing' } });
    const start = clock;
    // The ticket list and the ticket as the page re-reads them on its timer or on a live event (marked background).
    const reread = (url: string) => t.app.inject({ url, headers: { cookie, 'x-aurora-background': '1' } });
    for (let hour = 1; hour <= 11; hour++) {
      clock = new Date(start.getTime() + hour * 3_600_000);
      expect((await beat()).statusCode).toBe(200);
      expect((await reread('/api/dashboard/tickets')).statusCode).toBe(200);
      expect((await reread(`/api/dashboard/tickets/${ticket}`)).statusCode).toBe(200);
    }
    clock = new Date(start.getTime() + SESSION_IDLE_MS + 1000);
    expect((await beat()).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/dashboard/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('logs out: the cookie stops working', async () => {
    const res = await login(ADMIN.email, ADMIN.password);
    const cookie = cookiesFrom(res);
    const out = await t.app.inject({ method: 'POST', url: '/api/dashboard/logout', headers: { cookie, 'x-csrf-token': res.json().csrfToken } });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/dashboard/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('a disabled account cannot sign in and its open sessions end', async () => {
    const added = await t.app.services.staff.add({ email: 'temp@glowglitch.test', name: 'Temp', role: 'agent', password: 'temporary-pass-1' }, null);
    const res = await login('temp@glowglitch.test', 'temporary-pass-1');
    const cookie = cookiesFrom(res);
    expect((await t.app.inject({ url: '/api/dashboard/session', headers: { cookie } })).statusCode).toBe(200);
    await t.app.services.staff.disable(added.member.id, null);
    expect((await t.app.inject({ url: '/api/dashboard/session', headers: { cookie } })).statusCode).toBe(401);
    // The right password on a disabled account answers like a wrong one.
    const again = await login('temp@glowglitch.test', 'temporary-pass-1');
    expect(again.statusCode).toBe(401);
    expect(again.json().error.message).toBe(INVALID_CREDENTIALS);
  });

  it('sends anonymous page visits to the login page and agents away from admin pages', async () => {
    const anon = await t.app.inject({ url: '/dashboard/support', headers: { accept: 'text/html' } });
    expect(anon.statusCode).toBe(303);
    expect(anon.headers.location).toBe('/dashboard/login?next=%2Fdashboard%2Fsupport');
    const res = await login(AGENT.email, AGENT.password);
    const page = await t.app.inject({ url: '/dashboard/analytics/concierge', headers: { cookie: cookiesFrom(res), accept: 'text/html' } });
    expect(page.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/dashboard/login' })).statusCode).toBe(200);
  });
});

describe.each(TEST_DIALECTS)('dashboard sign-in in production mode on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false, env: { AURORA_MODE: 'production', SESSION_SECRET: 'a-production-secret-of-at-least-32-characters' } });
  });
  afterAll(() => t.close());

  it('seeds no staff: the demo accounts do not exist', async () => {
    expect(await t.app.services.staff.count()).toBe(0);
    expect((await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: AGENT.email, password: AGENT.password } })).statusCode).toBe(401);
  });

  it('sets a Secure, __Host- prefixed session cookie', async () => {
    await t.app.services.staff.add({ email: 'owner@shop.test', name: 'Owner', role: 'admin', password: 'Velvet-Orchid-Lantern-42' }, null);
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: 'owner@shop.test', password: 'Velvet-Orchid-Lantern-42' } });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-aurora_staff=/);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; Path=\//);
  });
});
