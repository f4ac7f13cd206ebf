import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { TEST_DIALECTS } from '../../../test/support/db';

describe.each(TEST_DIALECTS)('health on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: false });
  });
  afterAll(() => t.close());

  it('GET /healthz answers ok', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database', async () => {
    const res = await t.app.inject({ url: '/readyz' });
    expect(res.json()).toEqual({ status: 'ok', checks: { database: 'ok' } });
  });

  it('/status is a public page that names the database', async () => {
    const res = await t.app.inject({ url: '/status' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('All systems operational');
    expect(res.body).toContain(dialect === 'postgres' ? 'PostgreSQL' : 'SQLite');
  });

  it('unknown routes get the one error shape, never a stack trace', async () => {
    const res = await t.app.inject({ url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    const bad = await t.app.inject({ method: 'POST', url: '/contact', headers: { 'content-type': 'application/json' }, payload: '{"oops' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.ts:\d+/);
  });
});
