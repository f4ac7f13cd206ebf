// Dashboard analytics (D5) on a year of widget traffic: inserts synthetic events, then times the report.
// Usage: node --import tsx bench/analytics.bench.ts [sessions per day] (DATABASE_URL=postgres://... for PostgreSQL)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql, type Insertable } from 'kysely';
import type { AnalyticsEventsTable, ConversationsTable, MessagesTable } from '../src/db/schema';
import { openDatabase, type Db } from '../src/db/connection';
import { migrateToLatest } from '../src/db/migrate';
import { createAnalyticsQueries } from '../src/modules/dashboard/analytics-queries';
import { dayRange } from '../src/modules/dashboard/date-range';

const SESSIONS_PER_DAY = Number(process.argv[2] ?? 1000);
const DAYS = 365;
const RUNS = 5;
/** Budgets: a year from the roll-up, and 90 days (the events' retention) counted from the raw events. */
const BUDGET_YEAR_ROLLED_UP_MS = 100;
const BUDGET_90_DAYS_RAW_MS = 500;
const PG_SCHEMA = `bench_analytics_${process.pid}`;
const INTENTS = ['product_search', 'order_tracking', 'faq', 'return_request', 'stylist_escalation', 'greeting', 'thanks', 'out_of_scope'];
const NOW = new Date('2026-11-20T12:00:00.000Z');

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

async function open(): Promise<{ db: Db; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url?.startsWith('postgres')) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${PG_SCHEMA}`);
    await admin.end();
    const db = openDatabase(url, { schema: PG_SCHEMA });
    return {
      db,
      cleanup: async () => {
        await db.close();
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        await client.query(`drop schema ${PG_SCHEMA} cascade`);
        await client.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-analytics-'));
  const db = openDatabase(`sqlite:${path.join(dir, 'bench.db')}`);
  return { db, cleanup: async () => (await db.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

async function insertYear(db: Db) {
  const next = random(20251019);
  let events = 0;
  let messages = 0;
  for (let d = DAYS - 1; d >= 0; d--) {
    const dayStart = NOW.getTime() - d * 86_400_000;
    const conversations: Insertable<ConversationsTable>[] = [];
    const eventRows: Insertable<AnalyticsEventsTable>[] = [];
    const messageRows: Insertable<MessagesTable>[] = [];
    for (let s = 0; s < SESSIONS_PER_DAY; s++) {
      const at = new Date(dayStart + Math.floor(next() * 86_000_000)).toISOString();
      const id = `bench_${d}_${s}`;
      eventRows.push({ type: 'widget_loaded', session_id: null, visitor_hash: null, data: '{}', created_at: at });
      if (next() > 0.35) continue;
      conversations.push({ id, state: '{}', message_count: 3, created_at: at, last_activity_at: at, expires_at: at });
      eventRows.push({ type: 'widget_opened', session_id: id, visitor_hash: null, data: '{}', created_at: at });
      const turns = 1 + Math.floor(next() * 4);
      for (let m = 0; m < turns; m++) {
        eventRows.push({ type: 'message', session_id: id, visitor_hash: null, data: '{}', created_at: at });
        messageRows.push({ conversation_id: id, role: 'customer' as const, text: 'hello', blocks: null, intent: null, confidence: null, created_at: at });
        messageRows.push({ conversation_id: id, role: 'concierge' as const, text: null, blocks: '[]', intent: INTENTS[Math.floor(next() * INTENTS.length)]!, confidence: 0.9, created_at: at });
      }
      if (next() < 0.02) eventRows.push({ type: 'error', session_id: id, visitor_hash: null, data: '{}', created_at: at });
      if (next() < 0.06) eventRows.push({ type: 'purchase', session_id: id, visitor_hash: null, data: '{}', created_at: at });
    }
    await db.kysely.transaction().execute(async (trx) => {
      for (let i = 0; i < conversations.length; i += 500) await trx.insertInto('conversations').values(conversations.slice(i, i + 500)).execute();
      for (let i = 0; i < eventRows.length; i += 500) await trx.insertInto('analytics_events').values(eventRows.slice(i, i + 500)).execute();
      for (let i = 0; i < messageRows.length; i += 500) await trx.insertInto('messages').values(messageRows.slice(i, i + 500)).execute();
    });
    events += eventRows.length;
    messages += messageRows.length;
  }
  await sql`analyze`.execute(db.kysely);
  return { events, messages };
}

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: plans and page cache
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`  ${label.padEnd(34)} median ${median.toFixed(1).padStart(8)} ms   (min ${samples[0]!.toFixed(1)}, max ${samples.at(-1)!.toFixed(1)})`);
  return median;
}

const COVERING_INDEXES = ['analytics_type_created_session_idx', 'messages_role_created_intent_idx'];

async function main() {
  const { db, cleanup } = await open();
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const { events, messages } = await insertYear(db);
    console.log(`${db.dialect}: ${events.toLocaleString()} analytics events and ${messages.toLocaleString()} messages over ${DAYS} days (${SESSIONS_PER_DAY} sessions a day), inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const ranges = { 'last 7 days': 7, 'last 30 days': 30, 'last 90 days': 90, 'whole year': DAYS };
    const timeAll = async (queries: ReturnType<typeof createAnalyticsQueries>) => {
      const out: Record<number, number> = {};
      for (const [label, days] of Object.entries(ranges)) out[days] = await time(`report, ${label}`, () => queries.report(dayRange(NOW, undefined, undefined, days)));
      return out;
    };
    // A clock before every day in the range: nothing is settled, every day is counted from the raw events.
    const raw = createAnalyticsQueries(db.kysely, () => new Date(0));
    const rolledUp = createAnalyticsQueries(db.kysely, () => NOW);
    console.log('Counted from the events, with the covering indexes of migration 031:');
    const rawTimes = await timeAll(raw);
    const fill = performance.now();
    await rolledUp.report(dayRange(NOW, undefined, undefined, DAYS));
    console.log(`First report over the year, filling the daily roll-up (032) for ${DAYS - 2} settled days: ${(performance.now() - fill).toFixed(0)} ms (once)`);
    console.log('From the daily roll-up (the last 2 days counted live):');
    const rolledTimes = await timeAll(rolledUp);
    for (const index of COVERING_INDEXES) await db.kysely.schema.dropIndex(index).execute();
    console.log('Counted from the events without the 031 indexes (only those of 010):');
    await timeAll(raw);
    if (rolledTimes[DAYS]! > BUDGET_YEAR_ROLLED_UP_MS || rawTimes[90]! > BUDGET_90_DAYS_RAW_MS) {
      console.error(`Over budget: year from the roll-up ${rolledTimes[DAYS]!.toFixed(0)} ms (budget ${BUDGET_YEAR_ROLLED_UP_MS}), 90 days raw ${rawTimes[90]!.toFixed(0)} ms (budget ${BUDGET_90_DAYS_RAW_MS}).`);
      process.exitCode = 1;
    }
  } finally {
    await cleanup();
  }
}

await main();
