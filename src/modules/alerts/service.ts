// Alerts (P4) to the team's Slack-compatible webhook: de-duplicated within a window, retried until delivered.
//
// - `raise(kind, dedupeKey, message, data?)` → `{ raised, id }`; the same dedupeKey within
//   ALERTS_DEDUPE_MINUTES is dropped (raised: false), so an incident is one message, not a storm.
// - `worker.runOnce({ log? })` delivers pending alerts (without a webhook: to the log).
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import type { AlertsTable, Database } from '../../db/schema';
import { createQueue, type RetryPolicy } from '../jobs/queue';
import { isPermanentWebhookError, postWebhook, slackPayload } from './slack';
import { parseJson } from '../../db/json-column';

export type AlertKind = 'management_escalation' | 'ticket_overdue' | 'error_rate';
export type AlertRow = Selectable<AlertsTable>;
export type AlertLogger = (alert: { kind: string; message: string; data: Record<string, unknown> }) => void;

export const ALERT_RETRY: RetryPolicy = { baseDelayMs: 15_000, maxDelayMs: 10 * 60_000, maxPermanentAttempts: 3 };
const CLAIM_MS = 60_000;

export function createAlertService(db: Db, config: Config, now: () => Date = () => new Date()) {
  const queue = createQueue(db.kysely, db.dialect, 'alerts', ALERT_RETRY);

  async function deliver(row: AlertRow, log: AlertLogger | undefined): Promise<string> {
    const data = parseJson<Record<string, unknown>>(row.data, {});
    if (!config.alerts.webhookUrl) {
      log?.({ kind: row.kind, message: row.message, data });
      return 'log';
    }
    await postWebhook(config.alerts.webhookUrl, slackPayload(row.kind, row.message, data));
    return 'webhook';
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
      async runOnce(options: { log?: AlertLogger } = {}): Promise<{ sent: number; retried: number; failed: number }> {
        const result = { sent: 0, retried: 0, failed: 0 };
        const claims = await queue.claimDue(now(), 20, CLAIM_MS);
        if (claims.length === 0) return result;
        const rows = new Map((await db.kysely.selectFrom('alerts').selectAll().where('id', 'in', claims.map((c) => c.id)).execute()).map((r) => [r.id, r]));
        for (const claim of claims) {
          try {
            const transport = await deliver(rows.get(claim.id)!, options.log);
            if (await queue.complete(claim, now(), transport)) result.sent++;
          } catch (error) {
            const outcome = await queue.fail(claim, now(), (error as Error).message, isPermanentWebhookError(error));
            result[outcome === 'failed' ? 'failed' : 'retried']++;
          }
        }
        return result;
      },
    },
  };
}

export type AlertService = ReturnType<typeof createAlertService>;
