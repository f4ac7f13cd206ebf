// Starts the real service for browser tests on a fresh SQLite database seeded with the demo data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { buildApp } from '../../src/app';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-e2e-'));
const config = loadConfig({
  ...process.env,
  AURORA_MODE: 'demo',
  PORT: process.env.E2E_PORT ?? '3100',
  HOST: '127.0.0.1',
  DATABASE_URL: `sqlite:${path.join(dir, 'e2e.db')}`,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  // The browser tests count tickets, ratings and events they make themselves.
  SEED_DEMO_ACTIVITY: 'false',
  // One run sends many stylist and return forms for the demo customers from one address within the hour; the
  // per-session cap stays as shipped (each test has its own session; widget-email-caps.spec.ts reaches it).
  VISITOR_EMAILS_PER_RECIPIENT: '1000',
  VISITOR_EMAILS_PER_ADDRESS: '1000',
});
// Every answer is checked against its route's response schema: a schema that lies fails the browser test with a 500.
const app = await buildApp(config, { validateResponses: true });
await app.listen({ port: config.port, host: config.host });
const stop = async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
