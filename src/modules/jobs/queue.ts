// A delivery queue over a table with status/attempts/next_attempt_at/locked_until (the outbox, alerts):
// atomic claims that any number of instances can run at once, retries with exponential back-off.
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/connection';
import type { Database } from '../../db/schema';

export type QueueTable = 'outbox' | 'alerts';

interface QueueColumns {
  id: number;
  status: string;
  attempts: number;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  transport: string | null;
}

export interface RetryPolicy {
  /** First retry after this long; each next one waits twice as long… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
  /** A permanent error (e.g. SMTP 550) gives up after this many attempts; temporary ones retry forever. */
  maxPermanentAttempts: number;
}

export interface Claim {
  id: number;
  attempts: number;
  /** The claim's own lock value: completing checks it, so an expired claim taken over by another worker cannot complete twice. */
  lockedUntil: string;
}

export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}

export function createQueue(kysely: Kysely<Database>, dialect: DialectName, table: QueueTable, policy: RetryPolicy) {
  // Both tables share the queue columns; one typed view over either keeps the claim logic in one place.
  const db = kysely as unknown as Kysely<Record<QueueTable, QueueColumns>>;

  return {
    /**
     * Takes up to `limit` due rows for `lockMs`. One UPDATE decides, so two workers never hold the same row;
     * PostgreSQL skips rows another transaction is claiming instead of waiting for them.
     */
    async claimDue(now: Date, limit: number, lockMs: number): Promise<Claim[]> {
      const at = now.toISOString();
      const lockedUntil = new Date(now.getTime() + lockMs).toISOString();
      const rows = await db
        .updateTable(table)
        .set({ locked_until: lockedUntil })
        .where('id', 'in', (eb) =>
          eb
            .selectFrom(table)
            .select('id')
            .where('status', '=', 'pending')
            .where('next_attempt_at', '<=', at)
            .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', at)]))
            .orderBy('id')
            .limit(limit)
            .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
        )
        .where('status', '=', 'pending')
        .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', at)]))
        .returning(['id', 'attempts'])
        .execute();
      return rows.map((r) => ({ id: r.id, attempts: r.attempts, lockedUntil }));
    },

    /** Marks a claimed row delivered; false when the claim had expired and another worker owns it now. */
    async complete(claim: Claim, at: Date, transport: string, extra: Record<string, string | null> = {}): Promise<boolean> {
      const result = await db
        .updateTable(table)
        .set({ ...extra, status: 'sent', sent_at: at.toISOString(), transport, locked_until: null, attempts: claim.attempts + 1, last_error: null })
        .where('id', '=', claim.id)
        .where('locked_until', '=', claim.lockedUntil)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Records a failed attempt: back to pending with a later next_attempt_at, or failed for good. */
    async fail(claim: Claim, at: Date, error: string, permanent: boolean): Promise<'retry' | 'failed'> {
      const attempts = claim.attempts + 1;
      const outcome = permanent && attempts >= policy.maxPermanentAttempts ? 'failed' : 'retry';
      await db
        .updateTable(table)
        .set({
          status: outcome === 'failed' ? 'failed' : 'pending',
          attempts,
          last_error: error.slice(0, 1000),
          next_attempt_at: new Date(at.getTime() + retryDelayMs(attempts, policy)).toISOString(),
          locked_until: null,
        })
        .where('id', '=', claim.id)
        .where('locked_until', '=', claim.lockedUntil)
        .execute();
      return outcome;
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
