// Alerts (P4) to the team's Slack-compatible webhook: de-duplicated within a window, retried until delivered.
//
// - `raise(kind, dedupeKey, message, data?)` → `{ raised, id }`; the same dedupeKey within
//   ALERTS_DEDUPE_MINUTES is dropped (raised: false), so an incident is one message, not a storm.
// - `worker.runOnce({ log? })` delivers pending alerts (without a webhook: to the log).
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import type { AlertsTable, Database } from '../../db/schema';
import { createQueue, type DeliveryResult, type RetryPolicy } from '../jobs/queue';
import { isPermanentWebhookError, postWebhook, slackPayload } from './slack';
import { parseJson } from '../../db/json-column';

export type AlertKind = 'management_escalation' | 'ticket_overdue' | 'error_rate';
export type AlertRow = Selectable<AlertsTable>;
export type AlertLogger = (alert: { kind: string; message: string; data: Record<string, unknown> }) => void;

export const ALERT_RETRY: RetryPolicy = { baseDelayMs: 15_000, maxDelayMs: 10 * 60_000, maxPermanentAttempts: 3 };
// Alerts one run delivers, one alert's claim (renewed while it is delivered) and the longest one delivery may
// take, below the lease (the webhook request itself gives up after 10 s).
const BATCH = 20;
const LEASE_MS = 60_000;
const DELIVERY_LIMIT_MS = 45_000;

export function createAlertService(db: Db, config: Config, now: () => Date = () => new Date()) {
  const queue = createQueue(db.kysely, db.dialect, 'alerts', ALERT_RETRY);

  async function deliver(id: number, log: AlertLogger | undefined): Promise<{ transport: string }> {
    const row = await db.kysely.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const data = parseJson<Record<string, unknown>>(row.data, {});
    if (!config.alerts.webhookUrl) {
      log?.({ kind: row.kind, message: row.message, data });
      return { transport: 'log' };
    }
    await postWebhook(config.alerts.webhookUrl, slackPayload(row.kind, row.message, data));
    return { transport: 'webhook' };
  }

  return {
    /** With `trx`, the alert is written in the caller's transaction (it exists exactly when what caused it does). */
    async raise(kind: AlertKind, dedupeKey: string, message: string, data: Record<string, unknown> = {}, trx?: Transaction<Database>): Promise<{ raised: boolean; id: number }> {
      const at = now();
      const since = new Date(at.getTime() - config.alerts.dedupeMinutes * 60_000).toISOString();
      const inTransaction = (work: (trx: Transaction<Database>) => Promise<{ raised: boolean; id: number }>) => (trx ? work(trx) : db.kysely.transaction().execute(work));
      return inTransaction(async (trx) => {
        // Two instances raising the same alert at once: the second waits here, then sees the first.
        if (db.dialect === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${dedupeKey}))`.execute(trx);
        const recent = await trx.selectFrom('alerts').select('id').where('dedupe_key', '=', dedupeKey).where('created_at', '>', since).orderBy('id', 'desc').executeTakeFirst();
        if (recent) return { raised: false, id: recent.id };
        const row = await trx
          .insertInto('alerts')
          .values({ kind, dedupe_key: dedupeKey, message, data: JSON.stringify(data), status: 'pending', attempts: 0, next_attempt_at: at.toISOString(), created_at: at.toISOString() })
          .returning('id')
          .executeTakeFirstOrThrow();
        return { raised: true, id: row.id };
      });
    },

    /** The latest alerts first (for the dashboard and tests). */
    recent(limit = 50): Promise<AlertRow[]> {
      return db.kysely.selectFrom('alerts').selectAll().orderBy('id', 'desc').limit(limit).execute();
    },

    worker: {
      /** Delivers due alerts, each claimed just before it goes out (safe on several instances). */
      runOnce(options: { log?: AlertLogger } = {}): Promise<DeliveryResult> {
        return queue.deliverDue({ now, limit: BATCH, leaseMs: LEASE_MS, timeoutMs: DELIVERY_LIMIT_MS, deliver: (claim) => deliver(claim.id, options.log), isPermanent: isPermanentWebhookError });
      },
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
