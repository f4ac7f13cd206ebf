// Staff sessions: at most 10 per account (the oldest ends), and "sign out everywhere" ends them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookiesFrom, createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';
import { DEMO_STAFF } from '../staff/demo';
import { MAX_SESSIONS_PER_STAFF } from './service';

const [ADMIN, AGENT] = DEMO_STAFF;

describe.each(TEST_DIALECTS)('staff sessions on %s', (dialect) => {
  let t: TestApp;
  let clock = new Date('2026-11-20T15:00:00.000Z');

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false, now: () => clock });
  });
  afterAll(() => t.close());

  /** Signs in a minute after the previous sign-in, as from another device. */
  async function signIn(who: { email: string; password: string }) {
    clock = new Date(clock.getTime() + 60_000);
    const res = await t.app.inject({ method: 'POST', url: '/api/dashboard/login', payload: { email: who.email, password: who.password } });
    expect(res.statusCode).toBe(200);
    return { cookie: cookiesFrom(res), csrf: res.json().csrfToken as string };
  }

  const alive = async (session: { cookie: string }) => (await t.app.inject({ url: '/api/dashboard/session', headers: { cookie: session.cookie } })).statusCode === 200;

  it(`keeps at most ${MAX_SESSIONS_PER_STAFF} sessions per account: signing in once more ends the oldest`, async () => {
    const sessions = [];
    for (let i = 0; i < MAX_SESSIONS_PER_STAFF + 2; i++) sessions.push(await signIn(AGENT));
    const states = [];
    for (const session of sessions) states.push(await alive(session));
    expect(states).toEqual([false, false, ...Array(MAX_SESSIONS_PER_STAFF).fill(true)]);
  });

  it('sign out everywhere ends every session of the account, and only of that account', async () => {
    const laptop = await signIn(ADMIN);
    const phone = await signIn(ADMIN);
    const colleague = await signIn(AGENT);
    const out = await t.app.inject({ method: 'POST', url: '/api/dashboard/logout', headers: { cookie: phone.cookie, 'x-csrf-token': phone.csrf }, payload: { everywhere: true } });
    expect(out.statusCode).toBe(204);
    expect(await alive(phone)).toBe(false);
    expect(await alive(laptop)).toBe(false);
    expect(await alive(colleague)).toBe(true);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'staff.sign_out_everywhere').execute();
    expect(audit).toEqual([{ action: 'staff.sign_out_everywhere', target: ADMIN.email }]);
  });

  it('a plain sign-out ends only its own session', async () => {
    const laptop = await signIn(ADMIN);
    const phone = await signIn(ADMIN);
    expect((await t.app.inject({ method: 'POST', url: '/api/dashboard/logout', headers: { cookie: phone.cookie, 'x-csrf-token': phone.csrf }, payload: {} })).statusCode).toBe(204);
    expect(await alive(phone)).toBe(false);
    expect(await alive(laptop)).toBe(true);
  });

  it('sign out everywhere needs the CSRF token and a boolean', async () => {
    const laptop = await signIn(ADMIN);
    const phone = await signIn(ADMIN);
    expect((await t.app.inject({ method: 'POST', url: '/api/dashboard/logout', headers: { cookie: phone.cookie }, payload: { everywhere: true } })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'POST', url: '/api/dashboard/logout', headers: { cookie: phone.cookie, 'x-csrf-token': phone.csrf }, payload: { everywhere: 'yes please' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/everywhere/);
    expect(await alive(laptop)).toBe(true);
    expect(await alive(phone)).toBe(true);
  });
});
