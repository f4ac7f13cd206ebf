// LLM mode's browser tests: a fake OpenAI-compatible model (src/modules/llm/testing) and the real service pointed at
// it, on a fresh seeded SQLite database and free ports; prints {"url": …} once listening. Started by llm-mode.spec.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { buildApp } from '../../src/app';
import { conciergeModel } from '../../src/modules/llm/testing/concierge-model';
import { startFakeLlm } from '../../src/modules/llm/testing/fake-llm';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-e2e-llm-'));
// A few tokens every 25 ms, so the browser sees the answer grow.
const fake = await startFakeLlm(conciergeModel, { chunkMs: 25 });
const config = loadConfig({
  ...process.env,
  AURORA_MODE: 'demo',
  PORT: '0',
  HOST: '127.0.0.1',
  DATABASE_URL: `sqlite:${path.join(dir, 'e2e.db')}`,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
  SEED_DEMO_ACTIVITY: 'false',
  LLM_BASE_URL: fake.url,
  LLM_MODEL: 'fake-concierge',
  LLM_TIMEOUT_MS: '4000',
});
const app = await buildApp(config);
const address = await app.listen({ port: 0, host: config.host });
process.stdout.write(`${JSON.stringify({ url: address })}\n`);
const stop = async () => {
  await app.close();
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
