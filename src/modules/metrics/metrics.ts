// Prometheus metrics of one instance (issue 14 item 2): its own registry, so every instance (and every app a test
// builds) counts only what it did. Labels are bounded sets: route patterns, never raw URLs; intents; job names.
// What is read at scrape time (outbox, database) comes from the database the instances share.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { sql } from 'kysely';
import type { Db } from '../../db/connection';

/** Which engine answered a chat turn: the built-in one, or the LLM mode (src/modules/llm) when it answered. */
export type TurnEngine = 'builtin' | 'llm';

/** What the chat service reports per stored turn (a replayed retry is not a new turn). */
export interface ChatTurnMetrics {
  chatTurn(turn: { intent: string; engine?: TurnEngine }): void;
}

export interface Metrics extends ChatTurnMetrics {
  readonly registry: Registry;
  /** One HTTP answer: `route` is the route's pattern (`/api/widget/sessions/:id/messages`), not the URL. */
  observeRequest(request: { method: string; route: string; statusCode: number; seconds: number }): void;
  /** One background job run (src/modules/jobs/scheduler.ts). */
  jobRun(job: string, outcome: 'ok' | 'failed', seconds: number): void;
  /** The text exposition format Prometheus scrapes. */
  render(): Promise<string>;
}

export interface MetricsOptions {
  db: Db;
  now: () => Date;
}

const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300];

export function createMetrics({ db, now }: MetricsOptions): Metrics {
  const registry = new Registry();
  // Node's own: CPU, memory, heap, event-loop lag, GC, open handles (process_*, nodejs_*).
  collectDefaultMetrics({ register: registry });

  const requests = new Histogram({
    name: 'aurora_http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status code, and how long each took to answer',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const turns = new Counter({
    name: 'aurora_chat_turns_total',
    help: 'Chat turns stored (a retried message counts once), by the intent acted on and the engine that answered',
    labelNames: ['intent', 'engine'] as const,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: 'aurora_job_runs_total',
    help: 'Background job runs in this instance, by job and outcome (ok or failed)',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'aurora_job_duration_seconds',
    help: 'How long background job runs took, by job',
    labelNames: ['job'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });

  // Read when scraped. The outbox is shared by every instance, so each reports the same depth. Both gauges are
  // collected at once by a scrape and share one query; a failed read leaves them NaN and is counted.
  const scrapeErrors = new Counter({ name: 'aurora_metrics_database_read_errors_total', help: 'Scrapes whose outbox read failed (the outbox gauges read NaN then)', registers: [registry] });
  let outboxRead: Promise<{ depth: number; oldestAgeSeconds: number } | null> | undefined;
  const readOutbox = () =>
    (outboxRead ??= db.kysely
      .selectFrom('outbox')
      .select([sql<number>`count(*)`.as('depth'), sql<string | null>`min(created_at)`.as('oldest')])
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow()
      .then(
        (row) => ({ depth: Number(row.depth), oldestAgeSeconds: row.oldest ? Math.max(0, (now().getTime() - Date.parse(row.oldest)) / 1000) : 0 }),
        () => (scrapeErrors.inc(), null),
      )
      .finally(() => (outboxRead = undefined)));
  new Gauge({
    name: 'aurora_outbox_pending',
    help: 'Emails waiting in the outbox to be sent (all instances share it)',
    registers: [registry],
    async collect() {
      this.set((await readOutbox())?.depth ?? Number.NaN);
    },
  });
  new Gauge({
    name: 'aurora_outbox_oldest_pending_age_seconds',
    help: 'Age of the oldest email still waiting in the outbox (0 when none waits)',
    registers: [registry],
    async collect() {
      this.set((await readOutbox())?.oldestAgeSeconds ?? Number.NaN);
    },
  });

  const initial = db.stats();
  if (initial.dialect === 'postgres') {
    new Gauge({
      name: 'aurora_db_pool_connections',
      help: 'PostgreSQL connections of this instance: total open, idle, and queries waiting for one (state=waiting)',
      labelNames: ['state'] as const,
      registers: [registry],
      collect() {
        const stats = db.stats();
        if (stats.dialect !== 'postgres') return;
        this.set({ state: 'total' }, stats.total);
        this.set({ state: 'idle' }, stats.idle);
        this.set({ state: 'waiting' }, stats.waiting);
      },
    });
    new Gauge({ name: 'aurora_db_pool_max', help: 'PostgreSQL connections this instance may open (PG_POOL_MAX)', registers: [registry] }).set(initial.max);
  } else {
    // SQLite has one connection and no pool: what can go wrong is the file, and a WAL that checkpoints do not keep short.
    new Gauge({
      name: 'aurora_sqlite_file_bytes',
      help: 'Size of the SQLite database file (file=database) and of its write-ahead log (file=wal)',
      labelNames: ['file'] as const,
      registers: [registry],
      collect() {
        const stats = db.stats();
        if (stats.dialect !== 'sqlite') return;
        this.set({ file: 'database' }, stats.fileBytes);
        this.set({ file: 'wal' }, stats.walBytes);
      },
    });
  }

  return {
    registry,
    observeRequest: ({ method, route, statusCode, seconds }) => requests.observe({ method, route, status_code: String(statusCode) }, seconds),
    chatTurn: ({ intent, engine = 'builtin' }) => turns.inc({ intent, engine }),
    jobRun(job, outcome, seconds) {
      jobRuns.inc({ job, outcome });
      jobDuration.observe({ job }, seconds);
    },
    render: () => registry.metrics(),
  };
}
