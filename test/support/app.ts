// Builds the real app over a real test database, seeded with the demo data.
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config';
import { buildApp, type BuildOptions } from '../../src/app';
import { migrateToLatest } from '../../src/db/migrate';
import { seedDemoData } from '../../src/db/seed/index';
import { createTestDb, type TestDb, type TestDialect } from './db';

export const SEED_NOW = new Date('2026-11-20T15:00:00.000Z');
/** A SESSION_SECRET production mode accepts (random, not a pattern). */
export const TEST_PRODUCTION_SECRET = '9f2c1e7a4b8d03e6c5a1f7b2d9e4c8a6';

export interface TestApp {
  app: FastifyInstance;
  db: TestDb;
  config: Config;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: TestDialect,
  options: { seed?: boolean; env?: Record<string, string>; now?: () => Date } & Pick<BuildOptions, 'logStream' | 'onRoute'> = {},
): Promise<TestApp> {
  const db = await createTestDb(dialect);
  // Analytics are written at once in tests so assertions can read them; analytics.test.ts covers the buffer.
  const config = loadConfig({ AURORA_MODE: 'demo', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'silent', ANALYTICS_FLUSH_MS: '0', ...options.env });
  await migrateToLatest(db);
  if (options.seed !== false) await seedDemoData(db, { now: SEED_NOW });
  // Logs stay silent unless a test reads them (logStream, with LOG_LEVEL in env).
  const app = await buildApp(config, { db, logger: Boolean(options.logStream), logStream: options.logStream, onRoute: options.onRoute, now: options.now });
  await app.ready();
  return { app, db, config, close: async () => { await app.close(); await db.destroy(); } };
}

/** The session cookie header from a response, for the next request. */
export function cookiesFrom(response: { cookies: { name: string; value: string }[] }, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((c) => c.split('=') as [string, string]));
  for (const c of response.cookies) jar.set(c.name, c.value);
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}
