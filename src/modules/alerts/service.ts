// Alerts (P4) to the team's Slack-compatible webhook: de-duplicated within a window, retried until delivered.
//
// - `raise(kind, dedupeKey, message, data?)` → `{ raised, id }`; the same dedupeKey within
//   ALERTS_DEDUPE_MINUTES is dropped (raised: false), so an incident is one message, not a storm; an alert of a kind
//   that already has one waiting to go out joins it, and they go out as one message that counts them.
// - `worker.runOnce({ log? })` delivers pending alerts (without a webhook: to the log).
import { sql, type Selectable, type Transaction } from 'kysely';
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import type { AlertsTable, Database } from '../../db/schema';
import { createQueue, type DeliveryResult, type RetryPolicy } from '../jobs/queue';
import { groupedMessage, isPermanentWebhookError, postWebhook, slackPayload } from './slack';
import { parseJson } from '../../db/json-column';

export type AlertKind = 'management_escalation' | 'ticket_overdue' | 'error_rate' | 'customer_reply' | 'urgent_after_hours' | 'unhappy_vip';
export type AlertRow = Selectable<AlertsTable>;
export type AlertLogger = (alert: { kind: string; message: string; data: Record<string, unknown> }) => void;

export const ALERT_RETRY: RetryPolicy = { baseDelayMs: 15_000, maxDelayMs: 10 * 60_000, maxPermanentAttempts: 3 };
// Alerts one run delivers, one alert's claim (renewed while it is delivered) and the longest one delivery may
// take, below the lease (the webhook request itself gives up after 10 s).
const BATCH = 20;
const LEASE_MS = 60_000;
const DELIVERY_LIMIT_MS = 45_000;
// Alerts of one kind raised while an earlier one still waits to go out, within this window, go out as one message.
const GROUP_WINDOW_MS = 5 * 60_000;

export function createAlertService(db: Db, config: Config, now: () => Date = () => new Date()) {
  const queue = createQueue(db.kysely, db.dialect, 'alerts', ALERT_RETRY);

  /** The alert and those folded into it, as one message that counts them. */
  async function compose(id: number): Promise<{ kind: string; message: string; data: Record<string, unknown> }> {
    const row = await db.kysely.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const members = await db.kysely.selectFrom('alerts').selectAll().where('group_id', '=', id).orderBy('id').execute();
    const data = parseJson<Record<string, unknown>>(row.data, {});
    if (members.length === 0) return { kind: row.kind, message: row.message, data };
    const all = [row, ...members];
    return { kind: row.kind, ...groupedMessage(row.kind, all.map((a) => ({ message: a.message, data: parseJson<Record<string, unknown>>(a.data, {}), createdAt: a.created_at })), now()) };
  }

  async function deliver(id: number, log: AlertLogger | undefined): Promise<{ transport: string }> {
    const { kind, message, data } = await compose(id);
    if (!config.alerts.webhookUrl) {
      log?.({ kind, message, data });
      return { transport: 'log' };
    }
    await postWebhook(config.alerts.webhookUrl, slackPayload(kind, message, data));
    return { transport: 'webhook' };
  }

  /**
   * A pending alert of this kind, not yet claimed by a worker and younger than the group window, that a new one can
   * join. The no-op update takes the row's lock (PostgreSQL) so a worker cannot claim and compose it while the new
   * alert joins; a claim that came first makes it unjoinable and the new alert goes on its own.
   */
  async function joinableLeader(trx: Transaction<Database>, kind: string, at: Date): Promise<number | undefined> {
    const atIso = at.toISOString();
    const candidate = await trx
      .selectFrom('alerts')
      .select('id')
      .where('kind', '=', kind)
      .where('status', '=', 'pending')
      .where('group_id', 'is', null)
      .where('created_at', '>', new Date(at.getTime() - GROUP_WINDOW_MS).toISOString())
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', atIso)]))
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (!candidate) return undefined;
    const locked = await trx
      .updateTable('alerts')
      .set((eb) => ({ attempts: eb.ref('attempts') }))
      .where('id', '=', candidate.id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', atIso)]))
      .executeTakeFirst();
    return Number(locked.numUpdatedRows) === 1 ? candidate.id : undefined;
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
        const leader = await joinableLeader(trx, kind, at);
        const row = await trx
          .insertInto('alerts')
          .values({ kind, dedupe_key: dedupeKey, message, data: JSON.stringify(data), status: leader ? 'grouped' : 'pending', group_id: leader ?? null, attempts: 0, next_attempt_at: at.toISOString(), created_at: at.toISOString() })
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
