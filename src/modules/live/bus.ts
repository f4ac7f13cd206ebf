// Live events for the dashboard (issue 12 item 5): what changed on which ticket, never customer text. One process
// (SQLite) fans them out in memory; on PostgreSQL every instance NOTIFYs one channel per schema and hears it through
// one dedicated LISTEN connection, which reconnects after a drop and is checked by a heartbeat.
import type pg from 'pg';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../../db/connection';
import type { Database } from '../../db/schema';

export const LIVE_EVENT_TYPES = ['ticket.created', 'ticket.updated', 'ticket.assigned', 'ticket.status', 'ticket.customer_message', 'csat.rated', 'presence', 'live.resync'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export interface LiveEvent {
  type: LiveEventType;
  ticketId?: number;
  /** The staff member who made the change; null for the customer or the system. */
  actorId?: number | null;
  /** csat.rated: the stars. */
  rating?: number;
  at: string;
}

export type LiveListener = (event: LiveEvent) => void;

export interface LiveLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface LiveBus {
  /**
   * Sends an event to every dashboard on every instance. Inside a PostgreSQL transaction the NOTIFY leaves when it
   * commits (and never if it rolls back). On SQLite it leaves at once: a page's refetch waits for the one connection
   * the writing transaction holds, so it reads the committed change.
   */
  publish(event: Omit<LiveEvent, 'at'>, executor?: Kysely<Database> | Transaction<Database>): Promise<void>;
  /** Hears every event (the first subscriber opens the LISTEN connection on PostgreSQL). */
  subscribe(listener: LiveListener): () => void;
  /** Resolves once events from other instances are heard (at once on SQLite); false after `timeoutMs`. */
  listening(timeoutMs?: number): Promise<boolean>;
  /** Where the bus reports a lost and restored LISTEN connection (the app's log, once it exists). */
  logTo(log: LiveLog): void;
  close(): Promise<void>;
}

export interface LiveBusOptions {
  now: () => Date;
  log?: LiveLog;
  /** How often the LISTEN connection is checked with a query (default 15 s). */
  heartbeatMs?: number;
  /** The first wait before reconnecting; it doubles up to 10 s (default 250 ms). */
  reconnectMs?: number;
}

const MAX_RECONNECT_MS = 10_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
/** As pg_stat_activity shows the LISTEN connection (with the schema when not the default). */
export function liveApplicationName(schema?: string): string {
  return schema ? `aurora-live:${schema}`.slice(0, 63) : 'aurora-live';
}

/** One channel per schema, so test schemas (or two shops on one server) never hear each other. */
export function liveChannel(schema?: string): string {
  return schema ? `aurora_live_${schema}`.slice(0, 63) : 'aurora_live';
}

function parseEvent(payload: string | undefined): LiveEvent | undefined {
  if (!payload) return undefined;
  try {
    const event = JSON.parse(payload) as LiveEvent;
    return LIVE_EVENT_TYPES.includes(event.type) ? event : undefined;
  } catch {
    return undefined;
  }
}

function createFanOut(log: () => LiveLog | undefined) {
  const listeners = new Set<LiveListener>();
  return {
    listeners,
    emit(event: LiveEvent) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          log()?.warn({ err: error }, 'live listener failed');
        }
      }
    },
  };
}

export function createLiveBus(db: Db, options: LiveBusOptions): LiveBus {
  return db.dialect === 'postgres' && db.dedicatedClient ? createPostgresBus(db, options) : createMemoryBus(options);
}

function createMemoryBus(options: LiveBusOptions): LiveBus {
  const fanOut = createFanOut(() => options.log);
  return {
    async publish(event) {
      fanOut.emit({ ...event, at: options.now().toISOString() });
    },
    subscribe(listener) {
      fanOut.listeners.add(listener);
      return () => fanOut.listeners.delete(listener);
    },
    listening: async () => true,
    logTo(log) {
      options.log = log;
    },
    async close() {
      fanOut.listeners.clear();
    },
  };
}

function createPostgresBus(db: Db, options: LiveBusOptions): LiveBus {
  const channel = liveChannel(db.schema);
  const fanOut = createFanOut(() => options.log);
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const firstRetryMs = options.reconnectMs ?? 250;
  let retryMs = firstRetryMs;
  let client: pg.Client | undefined;
  let started = false;
  let closed = false;
  let everListened = false;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let heartbeatTimer: NodeJS.Timeout | undefined;
  const waiting = new Set<() => void>();

  function scheduleReconnect() {
    if (closed || reconnectTimer) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RECONNECT_MS);
  }

  /** Ends a client that failed or went quiet and tries again (once, however many ways it reported the failure). */
  function drop(dropped: pg.Client & { auroraDropped?: boolean }, error?: unknown) {
    if (dropped.auroraDropped) return;
    dropped.auroraDropped = true;
    if (client === dropped) {
      client = undefined;
      clearInterval(heartbeatTimer);
      options.log?.warn({ err: error }, 'live updates: LISTEN connection lost, reconnecting');
    }
    dropped.removeAllListeners('notification');
    dropped.end().catch(() => undefined);
    scheduleReconnect();
  }

  async function connect(): Promise<void> {
    if (closed) return;
    const next = db.dedicatedClient!(liveApplicationName(db.schema));
    next.on('error', (error) => drop(next, error));
    next.on('end', () => drop(next));
    next.on('notification', (message) => {
      if (message.channel !== channel) return;
      const event = parseEvent(message.payload);
      if (event) fanOut.emit(event);
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
    } catch (error) {
      drop(next, error);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = firstRetryMs;
    heartbeatTimer = setInterval(() => void heartbeat(next), heartbeatMs);
    heartbeatTimer.unref();
    // Events sent while the connection was down were missed: the pages read the current state again.
    if (everListened) {
      options.log?.info({}, 'live updates: LISTEN connection back');
      fanOut.emit({ type: 'live.resync', at: options.now().toISOString() });
    }
    everListened = true;
    for (const resolve of waiting) resolve();
    waiting.clear();
  }

  /** A connection can die without an error (a silent network split): a query that does not answer ends it. */
  async function heartbeat(current: pg.Client) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('live heartbeat timed out')), HEARTBEAT_TIMEOUT_MS)));
    try {
      await Promise.race([current.query('select 1'), timedOut]);
    } catch (error) {
      drop(current, error);
    } finally {
      clearTimeout(timer);
    }
  }

  function start() {
    if (started) return;
    started = true;
    void connect();
  }

  return {
    async publish(event, executor = db.kysely) {
      const payload = JSON.stringify({ ...event, at: options.now().toISOString() });
      await sql`select pg_notify(${channel}, ${payload})`.execute(executor);
    },
    subscribe(listener) {
      fanOut.listeners.add(listener);
      start();
      return () => fanOut.listeners.delete(listener);
    },
    listening(timeoutMs = 5_000) {
      start();
      if (client) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiting.delete(done);
          resolve(false);
        }, timeoutMs);
        waiting.add(done);
      });
    },
    logTo(log) {
      options.log = log;
    },
    async close() {
      closed = true;
      clearTimeout(reconnectTimer);
      clearInterval(heartbeatTimer);
      fanOut.listeners.clear();
      for (const resolve of waiting) resolve();
      waiting.clear();
      const current = client;
      client = undefined;
      if (current) {
        (current as pg.Client & { auroraDropped?: boolean }).auroraDropped = true;
        await current.end().catch(() => undefined);
      }
    },
  };
}

/** A ticket's history event as the dashboards hear it. */
export function liveTypeOfTicketEvent(type: string): LiveEventType {
  switch (type) {
    case 'created':
      return 'ticket.created';
    case 'assigned':
      return 'ticket.assigned';
    case 'status':
      return 'ticket.status';
    case 'customer_reply':
    case 'customer_message':
      return 'ticket.customer_message';
    default:
      return 'ticket.updated';
  }
}
