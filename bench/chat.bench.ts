// Chat-turn throughput: POST /api/widget/sessions/:id/messages against a bare Fastify route, same run, 50 connections.
// Usage: node --import tsx bench/chat.bench.ts [seconds per run] (DATABASE_URL=postgres://... to bench PostgreSQL)
// The servers run in a child process and autocannon in this one, so the load generator never shares the
// servers' event loop (each gets a core of its own on a 2-core machine).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { seedDemoData } from '../src/db/seed/index';

const CONNECTIONS = 50;
const SECONDS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 10);
const SESSIONS = 200;
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 50;
const PG_SCHEMA = `bench_chat_${process.pid}`;

// What shoppers type: searches and refinements, questions, order tracking, small talk.
const MESSAGES = [
  'show me rings',
  'in rose gold',
  'cheaper',
  'show more',
  'gold earrings under $500',
  'what about necklaces',
  'how long does shipping take?',
  'what is your return policy',
  'where is my order GG-104233',
  'hello!',
  'thanks so much',
  'do you have sapphire pendants between 200 and 800',
];

interface RunResult {
  requestsPerSecond: number;
  /** Server CPU time (user + system) per request, in ms. */
  cpuMs: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function serverCpuMicros(cpuUrl: string): Promise<number> {
  const usage = (await (await fetch(cpuUrl)).json()) as NodeJS.CpuUsage;
  return usage.user + usage.system;
}

async function measure(url: string, cpuUrl: string, options: Partial<autocannon.Options>): Promise<RunResult> {
  const cpuBefore = await serverCpuMicros(cpuUrl);
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, ...options });
  const cpuMs = (await serverCpuMicros(cpuUrl)) - cpuBefore;
  return {
    requestsPerSecond: result.requests.average,
    cpuMs: cpuMs / 1000 / Math.max(1, result.requests.total),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ port: 0, host: '127.0.0.1' });
}

/** PostgreSQL: a schema of its own, dropped afterwards, so the bench never touches anyone's data. */
async function withPgSchema(url: string, statement: (schema: string) => string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(statement(PG_SCHEMA));
  await client.end();
}

async function chatApp(): Promise<{ app: FastifyInstance; cleanup: () => Promise<void> }> {
  const pgUrl = process.env.DATABASE_URL?.startsWith('postgres') ? process.env.DATABASE_URL : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-'));
  const databaseUrl = pgUrl ?? `sqlite:${path.join(dir, 'bench.db')}`;
  if (pgUrl) await withPgSchema(pgUrl, (schema) => `drop schema if exists ${schema} cascade; create schema ${schema}`);
  const db = openDatabase(databaseUrl, pgUrl ? { schema: PG_SCHEMA } : { backgroundCheckpoint: true });
  await migrateToLatest(db);
  await seedDemoData(db);
  // LLM_BASE_URL=… LLM_MODEL=… measures LLM mode (e.g. against bench/fake-llm.ts); unset, the built-in engine alone.
  const llm = process.env.LLM_BASE_URL ? { LLM_BASE_URL: process.env.LLM_BASE_URL, LLM_MODEL: process.env.LLM_MODEL ?? 'fake', LLM_TOKENS_PER_CONVERSATION: '100000000' } : {};
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false', WIDGET_RATE_LIMIT_PER_MINUTE: '1000000', WORKERS_ENABLED: 'false', ...llm });
  const app = await buildApp(config, { db, logger: false });
  const cleanup = async () => {
    await db.close();
    if (pgUrl) await withPgSchema(pgUrl, (schema) => `drop schema ${schema} cascade`);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { app, cleanup };
}

interface Servers {
  bareUrl: string;
  chatUrl: string;
  sessions: string[];
}

/** The child: starts both servers, prints their addresses as one JSON line, and serves until killed. */
async function serve(): Promise<void> {
  const bare = Fastify({ logger: false });
  bare.get('/', async () => ({ hello: 'world' }));
  // The servers' own CPU time, read around each run: cost per request, whatever else loads the machine.
  bare.get('/cpu', async () => process.cpuUsage());
  const bareUrl = await listen(bare);
  const { app, cleanup } = await chatApp();
  const chatUrl = await listen(app);
  const sessions: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const res = await fetch(`${chatUrl}/api/widget/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ visitorId: `bench-visitor-${i}` }) });
    sessions.push(((await res.json()) as { sessionId: string }).sessionId);
  }
  const servers: Servers = { bareUrl, chatUrl, sessions };
  process.stdout.write(`${JSON.stringify(servers)}\n`);
  const stop = async () => {
    await app.close();
    await bare.close();
    await cleanup();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
}

async function startServers(): Promise<{ servers: Servers; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, '--serve'], { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { servers: JSON.parse(firstLine) as Servers, stop: async () => { child.kill('SIGTERM'); await exited; } };
}

async function main(): Promise<void> {
  const { servers, stop } = await startServers();
  const { bareUrl, chatUrl, sessions } = servers;
  let turn = 0;
  const chatRequest = {
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    setupRequest: (request: autocannon.Request) => {
      turn++;
      // Like the widget: every message carries its own idempotency key.
      return {
        ...request,
        path: `/api/widget/sessions/${sessions[turn % SESSIONS]}/messages`,
        headers: { ...request.headers, 'idempotency-key': `bench-${process.pid}-${turn}` },
        body: JSON.stringify({ text: MESSAGES[turn % MESSAGES.length] }),
      };
    },
  };

  // Warm both up (JIT, SQLite page cache) before measuring.
  const cpuUrl = `${bareUrl}/cpu`;
  await measure(bareUrl, cpuUrl, { duration: 2 });
  await measure(chatUrl, cpuUrl, { duration: 2, requests: [chatRequest] });
  const bareResult = await measure(bareUrl, cpuUrl, {});
  const chatResult = await measure(chatUrl, cpuUrl, { requests: [chatRequest] });

  const ratio = chatResult.requestsPerSecond / bareResult.requestsPerSecond;
  const database = process.env.DATABASE_URL?.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  const row = (name: string, r: RunResult) =>
    `${name.padEnd(12)} ${r.requestsPerSecond.toFixed(0).padStart(8)} msgs/s   server CPU ${r.cpuMs.toFixed(3)} ms/req   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors + r.non2xx}`;
  console.log(`Chat turn vs bare Fastify route, ${CONNECTIONS} connections, ${SECONDS} s each, ${database}, Node ${process.version}, ${os.cpus().length} CPUs`);
  console.log(row('bare route', bareResult));
  console.log(row('chat turn', chatResult));
  const passed = ratio >= TARGET_RATIO && chatResult.p99 < TARGET_P99_MS && chatResult.errors + chatResult.non2xx === 0;
  console.log(`ratio ${(ratio * 100).toFixed(1)}% of bare throughput (target ≥ ${TARGET_RATIO * 100}%), chat p99 ${chatResult.p99} ms (target < ${TARGET_P99_MS} ms): ${passed ? 'PASS' : 'FAIL'}`);

  await stop();
  process.exitCode = passed ? 0 : 1;
}

if (process.argv.includes('--serve')) await serve();
else await main();
