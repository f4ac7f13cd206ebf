// Prometheus metrics (issue 14 item 2) on the real app: off without METRICS_TOKEN / METRICS_PORT, the token's
// Bearer check, what a scrape shows after real traffic, the local metrics port, and several instances on one
// database each counting only their own traffic.
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { ConfigError, loadConfig } from '../../config';
import { migrateToLatest } from '../../db/migrate';
import { seedDemoData } from '../../db/seed/index';
import { createTestApp, SEED_NOW, type TestApp } from '../../../test/support/app';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createScheduler } from '../jobs/scheduler';
import { createMetrics } from './metrics';

const TOKEN = '5d0c8e1f7a3b92c4e6f1a8d7b3c05e9f2a4d6b8c1e3f5a7d';

/** The value of one series in a scrape, e.g. value(text, 'aurora_outbox_pending'), or undefined when absent. */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(TEST_DIALECTS)('metrics on %s', (dialect) => {
  describe('off by default', () => {
    let t: TestApp;
    beforeAll(async () => (t = await createTestApp(dialect, { seed: false })));
    afterAll(() => t.close());

    it('serves no /metrics without METRICS_TOKEN or METRICS_PORT', async () => {
      expect(t.app.services.metrics).toBeNull();
      const response = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('with METRICS_TOKEN', () => {
    let t: TestApp;
    let clock = new Date(SEED_NOW.getTime() + 3_600_000);
    beforeAll(async () => (t = await createTestApp(dialect, { env: { METRICS_TOKEN: TOKEN }, now: () => clock })));
    afterAll(() => t.close());
    const scrape = async () => {
      const response = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      return response.body;
    };

    it('refuses a missing, malformed or wrong token with 401 and a Bearer challenge', async () => {
      for (const authorization of [undefined, TOKEN, `Basic ${TOKEN}`, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, 'Bearer ']) {
        const response = await t.app.inject({ url: '/metrics', headers: authorization === undefined ? {} : { authorization } });
        expect(response.statusCode, String(authorization)).toBe(401);
        expect(response.headers['www-authenticate']).toBe('Bearer realm="metrics"');
        expect(response.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('METRICS_TOKEN') } });
        expect(response.body).not.toContain('aurora_');
      }
    });

    it('counts chat turns by intent and engine once per stored turn, and times requests by route pattern', async () => {
      const { sessionId } = (await t.app.inject({ method: 'POST', url: '/api/widget/sessions', payload: { visitorId: 'visitor-metrics-1' } })).json();
      const send = (text: string, key: string) =>
        t.app.inject({ method: 'POST', url: `/api/widget/sessions/${sessionId}/messages`, headers: { 'idempotency-key': key }, payload: { text } });
      expect((await send('show me rose gold rings', 'metrics-turn-0001')).json().intent).toBe('product_search');
      expect((await send('show me rose gold rings', 'metrics-turn-0001')).statusCode).toBe(200); // a retry: not a new turn
      expect((await send('where is my order GG-104233', 'metrics-turn-0002')).json().intent).toBe('order_tracking');
      await t.app.inject({ url: `/no/such/page/${sessionId}` });

      const text = await scrape();
      expect(value(text, 'aurora_chat_turns_total{intent="product_search",engine="builtin"}')).toBe(1);
      expect(value(text, 'aurora_chat_turns_total{intent="order_tracking",engine="builtin"}')).toBe(1);
      const messages = 'aurora_http_request_duration_seconds_count{method="POST",route="/api/widget/sessions/:sessionId/messages",status_code="200"}';
      expect(value(text, messages)).toBe(3);
      expect(value(text, 'aurora_http_request_duration_seconds_count{method="POST",route="/api/widget/sessions",status_code="201"}')).toBe(1);
      expect(value(text, 'aurora_http_request_duration_seconds_count{method="GET",route="unmatched",status_code="404"}')).toBe(1);
      expect(text).toMatch(/aurora_http_request_duration_seconds_bucket\{le="0\.005",method="POST",route="\/api\/widget\/sessions\/:sessionId\/messages",status_code="200"\} \d+/);
      // Labels never carry a URL's values: no session id, no order number.
      expect(text).not.toContain(sessionId);
      expect(text).not.toContain('GG-104233');
    });

    it('reports the outbox depth and the oldest waiting email’s age, read from the database', async () => {
      const before = value(await scrape(), 'aurora_outbox_pending')!;
      await t.app.services.mail.enqueue({ kind: 'test', to: 'metrics@example.com', subject: 'Metrics', text: 'Hello', html: '<p>Hello</p>' });
      clock = new Date(clock.getTime() + 90_000);
      const text = await scrape();
      expect(value(text, 'aurora_outbox_pending')).toBe(before + 1);
      expect(value(text, 'aurora_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(90);
    });

    it('reports the database connection and the process', async () => {
      const text = await scrape();
      if (dialect === 'postgres') {
        expect(value(text, 'aurora_db_pool_max')).toBe(10);
        expect(value(text, 'aurora_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
        const total = value(text, 'aurora_db_pool_connections{state="total"}')!;
        expect(total).toBeLessThanOrEqual(10);
        expect(value(text, 'aurora_db_pool_connections{state="idle"}')).toBeLessThanOrEqual(total);
        expect(value(text, 'aurora_db_pool_connections{state="waiting"}')).toBeGreaterThanOrEqual(0);
      } else {
        // The seeded catalog is on disk: in the file, or still in the write-ahead log until a checkpoint.
        expect(value(text, 'aurora_sqlite_file_bytes{file="database"}')! + value(text, 'aurora_sqlite_file_bytes{file="wal"}')!).toBeGreaterThan(100_000);
      }
      expect(value(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
      expect(value(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
      expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
    });
  });

  describe('several instances on one database, each with its own METRICS_PORT', () => {
    let db: TestDb;
    const apps: Awaited<ReturnType<typeof buildApp>>[] = [];
    beforeAll(async () => {
      db = await createTestDb(dialect);
      await migrateToLatest(db);
      await seedDemoData(db, { now: SEED_NOW });
      // METRICS_PORT=0: each instance takes a free port on 127.0.0.1, as two instances on one host would on two ports.
      const config = loadConfig({ AURORA_MODE: 'demo', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'silent', ANALYTICS_FLUSH_MS: '0', METRICS_PORT: '0', WORKER_POLL_SECONDS: '0.1' });
      for (let i = 0; i < 2; i++) {
        const app = await buildApp(config, { db, logger: false });
        await app.listen({ port: 0, host: '127.0.0.1' });
        apps.push(app);
      }
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await db.destroy();
    });
    const base = (i: number) => `http://127.0.0.1:${(apps[i]!.server.address() as AddressInfo).port}`;
    const metricsUrl = (i: number) => `http://127.0.0.1:${apps[i]!.metricsPort()}/metrics`;

    it('each instance counts its own turns and jobs, and all report the shared outbox', async () => {
      expect(apps[0]!.metricsPort()).not.toBe(apps[1]!.metricsPort());
      const { sessionId } = await (await fetch(`${base(0)}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json();
      const turn = await fetch(`${base(0)}/api/widget/sessions/${sessionId}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hello' }) });
      expect(turn.status).toBe(200);
      await apps[1]!.services.mail.enqueue({ kind: 'test', to: 'several@example.com', subject: 'Several', text: 'Hi', html: '<p>Hi</p>' });
      // Both run the background jobs (every 0.1 s here): wait until each has run the outbox job at least once.
      let scrapes: string[] = [];
      for (let tries = 0; tries < 100; tries++) {
        scrapes = await Promise.all([0, 1].map(async (i) => (await fetch(metricsUrl(i))).text()));
        if (scrapes.every((text) => (value(text, 'aurora_job_runs_total{job="outbox",outcome="ok"}') ?? 0) >= 1)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [first, second] = scrapes as [string, string];
      expect(value(first, 'aurora_chat_turns_total{intent="greeting",engine="builtin"}')).toBe(1);
      expect(second).not.toMatch(/^aurora_chat_turns_total\{/m);
      expect(value(first, 'aurora_http_request_duration_seconds_count{method="POST",route="/api/widget/sessions",status_code="201"}')).toBe(1);
      expect(value(second, 'aurora_http_request_duration_seconds_count{method="POST",route="/api/widget/sessions",status_code="201"}')).toBeUndefined();
      for (const text of scrapes) {
        expect(value(text, 'aurora_job_runs_total{job="outbox",outcome="ok"}')).toBeGreaterThanOrEqual(1);
        expect(text).toMatch(/^aurora_job_duration_seconds_count\{job="outbox"\} \d+/m);
        expect(value(text, 'aurora_outbox_pending')).toBeGreaterThanOrEqual(0);
      }
    });

    it('the metrics port answers only GET /metrics, on 127.0.0.1; the main port has no /metrics without a token', async () => {
      expect((await fetch(`${base(0)}/metrics`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${apps[0]!.metricsPort()}/`)).status).toBe(404);
      expect((await fetch(metricsUrl(0), { method: 'POST' })).status).toBe(405);
      const scrape = await fetch(metricsUrl(0));
      expect(scrape.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      // Not reachable on the machine's other addresses: the listener is bound to loopback only.
      const { networkInterfaces } = await import('node:os');
      const other = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
      if (other) await expect(fetch(`http://${other.address}:${apps[0]!.metricsPort()}/metrics`)).rejects.toThrow();
    });

    it('closes the metrics port with the app', async () => {
      const app = apps.pop()!;
      const url = `http://127.0.0.1:${app.metricsPort()}/metrics`;
      await app.close();
      expect(app.metricsPort()).toBeNull();
      await expect(fetch(url)).rejects.toThrow();
    });
  });
});

describe('metrics configuration and job failures', () => {
  it('refuses a short or patterned METRICS_TOKEN and a bad METRICS_PORT, naming the variable', () => {
    for (const env of [{ METRICS_TOKEN: 'short' }, { METRICS_TOKEN: 'x'.repeat(40) }, { METRICS_TOKEN: `${TOKEN} ${TOKEN}` }, { METRICS_PORT: '70000' }, { METRICS_PORT: 'nine' }]) {
      const error = (() => {
        try {
          loadConfig(env);
        } catch (e) {
          return e;
        }
      })();
      expect(error, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(Object.keys(env)[0]);
    }
    expect(loadConfig({ METRICS_TOKEN: TOKEN, METRICS_PORT: '9464' }).metrics).toEqual({ token: TOKEN, port: 9464 });
    expect(loadConfig({}).metrics).toEqual({ token: null, port: null });
  });

  it('counts a failing background job as failed and a passing one as ok', async () => {
    const db = await createTestDb('sqlite');
    try {
      const metrics = createMetrics({ db, now: () => new Date() });
      const scheduler = createScheduler(
        [
          { name: 'broken', everyMs: 20, run: async () => Promise.reject(new Error('down')) },
          { name: 'fine', everyMs: 20, run: async () => undefined },
        ],
        { error: () => undefined } as unknown as FastifyBaseLogger,
        metrics.jobRun,
      );
      scheduler.start();
      await new Promise((resolve) => setTimeout(resolve, 1_300));
      await scheduler.stop();
      const text = await metrics.render();
      expect(value(text, 'aurora_job_runs_total{job="broken",outcome="failed"}')).toBeGreaterThanOrEqual(1);
      expect(value(text, 'aurora_job_runs_total{job="broken",outcome="ok"}')).toBeUndefined();
      expect(value(text, 'aurora_job_runs_total{job="fine",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    } finally {
      await db.destroy();
    }
  });
});
