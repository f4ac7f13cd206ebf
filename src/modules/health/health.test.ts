import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { openDatabase, READY_TIMEOUT_MS, type Db } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { createOutboxRepo } from '../mail/repo';
import { createTestApp, type TestApp } from '../../../test/support/app';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy';

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

describe.runIf(TEST_DIALECTS.includes('postgres'))('health when PostgreSQL drops its connections', () => {
  // The test's own connections set up and inspect; only the app's (named below) are ever cut.
  let testDb: TestDb;
  let appDb: Db | undefined;
  let app: FastifyInstance | undefined;
  let proxy: TcpProxy | undefined;
  let logs: { msg: string; level: number; job?: string; err?: { message: string } }[] = [];
  const applicationName = `aurora-test-${randomBytes(4).toString('hex')}`;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const readyz = async () => (await app!.inject({ url: '/readyz' })).statusCode;

  /** Polls every 20 ms until `done`; the milliseconds it took, or a failure after `timeoutMs`. */
  async function within(timeoutMs: number, done: () => Promise<boolean>): Promise<number> {
    const started = performance.now();
    while (!(await done())) {
      if (performance.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
      await sleep(20);
    }
    return performance.now() - started;
  }

  /** The real app on its own pool, listening, so the background jobs run as in production. */
  async function start(databaseUrl: string): Promise<FastifyInstance> {
    appDb = openDatabase(databaseUrl, { schema: testDb.schema, applicationName });
    const config = loadConfig({ AURORA_MODE: 'demo', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'error', WORKER_POLL_SECONDS: '0.1' });
    logs = [];
    app = await buildApp(config, { db: appDb, logStream: { write: (line) => void logs.push(JSON.parse(line)) } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  }

  const viaProxy = (port: number) => {
    const url = new URL(testDb.url);
    url.port = String(port);
    return url.toString();
  };
  const outboxStatus = async (id: number) => (await testDb.kysely.selectFrom('outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

  beforeAll(async () => {
    testDb = await createTestDb('postgres');
    await migrateToLatest(testDb);
  });
  afterEach(async () => {
    await proxy?.stop(); // first: connections still waiting on a hung proxy fail at once
    await app?.close();
    await appDb?.close();
    proxy = app = appDb = undefined;
  });
  afterAll(() => testDb.destroy());

  it('survives PostgreSQL terminating its connections: the loss is reported, /readyz, requests and jobs recover', async () => {
    const t = await start(testDb.url);
    // Several pooled connections, and one checked out in the middle of a transaction, as under load.
    await Promise.all(Array.from({ length: 4 }, () => t.inject({ url: '/api/products' })));
    let entered!: () => void;
    let resume!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (resume = resolve));
    const held = appDb!.kysely.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      entered();
      await gate;
      await sql`select 1`.execute(trx);
    });
    await inside;

    try {
      // In the select list, not the WHERE clause: PostgreSQL may evaluate a WHERE function before the filter.
      const terminated = await sql<{ ended: boolean }>`select pg_terminate_backend(pid) as ended from pg_stat_activity where application_name = ${applicationName}`.execute(testDb.kysely);
      expect(terminated.rows.filter((row) => row.ended).length).toBeGreaterThanOrEqual(2);
      const lost = () => logs.filter((line) => line.msg === 'database connection lost');
      await within(2_000, async () => lost().length >= terminated.rows.length);
      expect(lost()[0]!.err!.message).toMatch(/terminating connection due to administrator command/);
    } finally {
      resume();
    }
    await expect(held).rejects.toThrow();

    await within(2_000, async () => (await readyz()) === 200);
    expect((await t.inject({ url: '/api/products' })).statusCode).toBe(200);
    const id = await t.services.mail.enqueue({ kind: 'test', to: 'ava@example.com', subject: 'After the drop', text: 'Hi', html: '<p>Hi</p>' });
    await within(3_000, async () => (await outboxStatus(id)) === 'sent');
  });

  it('answers /readyz 503 at once while PostgreSQL is down, and everything recovers by itself when it is back', async () => {
    const target = new URL(testDb.url);
    proxy = await startTcpProxy(Number(target.port || 5432), target.hostname);
    const t = await start(viaProxy(proxy.port));
    expect(await readyz()).toBe(200);

    await proxy.down();
    const asked = performance.now();
    const down = await t.inject({ url: '/readyz' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toEqual({ status: 'unavailable', checks: { database: 'down' } });
    expect(performance.now() - asked).toBeLessThan(1_000);
    // Requests that need the database say "try again" (503 with Retry-After), not a 500; a page says it in HTML.
    const api = await t.inject({ url: '/api/products' });
    expect(api.statusCode, api.body).toBe(503);
    expect(api.headers['retry-after']).toBe('5');
    expect(api.json().error.code).toBe('unavailable');
    const page = await t.inject({ url: '/catalog', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain('We’ll be right back');
    expect(logs.some((line) => line.level >= 50 && line.msg === 'request failed')).toBe(false);
    // Queued meanwhile by another instance; this one's outbox job fails on every run until the database is back.
    const id = await createOutboxRepo(testDb.kysely).insert(testDb.kysely, { kind: 'test', to: 'ava@example.com', subject: 'Queued while down', text: 'Hi', html: '<p>Hi</p>' }, new Date().toISOString());
    await within(2_000, async () => logs.some((line) => line.msg === 'background job failed' && line.job === 'outbox'));

    await proxy.up();
    await within(3_000, async () => (await readyz()) === 200);
    expect((await t.inject({ url: '/api/products' })).statusCode).toBe(200);
    await within(3_000, async () => (await outboxStatus(id)) === 'sent');
  });

  it('answers /readyz 503 within its timeout when PostgreSQL accepts connections and never answers', async () => {
    const target = new URL(testDb.url);
    proxy = await startTcpProxy(Number(target.port || 5432), target.hostname);
    await start(viaProxy(proxy.port));
    expect(await readyz()).toBe(200);

    proxy.hang();
    await sleep(100); // the pool has seen its connections dropped: the next check must open a new one
    const asked = performance.now();
    expect(await readyz()).toBe(503);
    expect(performance.now() - asked).toBeLessThan(READY_TIMEOUT_MS + 1_000);
  });
});
