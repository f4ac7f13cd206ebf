// A delivery queue over a table with status/attempts/next_attempt_at/locked_until (the outbox, alerts):
// atomic claims that any number of instances can run at once, renewed while a row is delivered, a time limit
// on each delivery, retries with exponential back-off.
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
  /** The claim's own lock value (moved on by each renewal): completing checks it, so an expired claim taken over by another worker cannot complete twice. */
  lockedUntil: string;
}

/** What one worker run did. */
export interface DeliveryResult {
  sent: number;
  retried: number;
  failed: number;
}

/** How a row left: the transport stored on it, and columns to store with it (e.g. the message id). */
export interface Delivered {
  transport: string;
  columns?: Record<string, string | null>;
}

export interface DeliverOptions {
  now: () => Date;
  /** Most rows one run delivers. */
  limit: number;
  /** How long one row's claim lasts; renewed every third of it while the row is being delivered. */
  leaseMs: number;
  /**
   * Longest one delivery may take: then it is abandoned (the signal aborts) and retried later. Keep it below
   * `leaseMs`, so a worker that cannot renew its claim (its database connection hangs) gives up before the
   * claim runs out and another instance may take the row.
   */
  timeoutMs: number;
  /** Delivers one row; `signal` aborts when the time limit passes or the claim is lost: stop (close the connection). */
  deliver(claim: Claim, signal: AbortSignal): Promise<Delivered>;
  /** A permanent error gives up after `maxPermanentAttempts`; any other is retried. */
  isPermanent(error: unknown): boolean;
}

/** A delivery took longer than `timeoutMs`: a temporary failure, retried with back-off. */
class DeliveryTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Delivery took longer than ${timeoutMs} ms and was abandoned; it will be retried`);
  }
}

/** Another worker took the row (this one could not renew its claim in time): this one stops. */
class ClaimLostError extends Error {
  constructor() {
    super('The claim was lost to another worker');
  }
}

const rejectOnAbort = (signal: AbortSignal) => new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));

export function retryDelayMs(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}

export function createQueue(kysely: Kysely<Database>, dialect: DialectName, table: QueueTable, policy: RetryPolicy) {
  // Both tables share the queue columns; one typed view over either keeps the claim logic in one place.
  const db = kysely as unknown as Kysely<Record<QueueTable, QueueColumns>>;

  /**
   * Takes the next due row for `leaseMs`. One UPDATE decides, so two workers never hold the same row;
   * PostgreSQL skips a row another transaction is claiming instead of waiting for it. `id = (subquery)`,
   * not `id in (…)`: PostgreSQL may run an IN-subquery again for every row it updates (a nested-loop
   * semi join), and with SKIP LOCKED each run picks another row, so its LIMIT would not hold.
   */
  async function claimNext(now: Date, leaseMs: number): Promise<Claim | undefined> {
    const at = now.toISOString();
    const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
    const row = await db
      .updateTable(table)
      .set({ locked_until: lockedUntil })
      .where('id', '=', (eb) =>
        eb
          .selectFrom(table)
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', at)
          .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', at)]))
          .orderBy('id')
          .limit(1)
          .$if(dialect === 'postgres', (q) => q.forUpdate().skipLocked()),
      )
      .where('status', '=', 'pending')
      .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<=', at)]))
      .returning(['id', 'attempts'])
      .executeTakeFirst();
    return row && { id: row.id, attempts: row.attempts, lockedUntil };
  }

  /** Extends a claim this worker still holds; false when the row is no longer ours (taken over, or finished). */
  async function renew(claim: Claim, now: Date, leaseMs: number): Promise<boolean> {
    const lockedUntil = new Date(now.getTime() + leaseMs).toISOString();
    const result = await db
      .updateTable(table)
      .set({ locked_until: lockedUntil })
      .where('id', '=', claim.id)
      .where('status', '=', 'pending')
      .where('locked_until', '=', claim.lockedUntil)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
    claim.lockedUntil = lockedUntil;
    return true;
  }

  /**
   * Runs one delivery under a heartbeat that renews its claim every third of the lease (a slow SMTP server that
   * answers just often enough can hold one send far past any fixed lease), within `timeoutMs` at most.
   */
  async function deliverClaimed(claim: Claim, options: DeliverOptions): Promise<Delivered> {
    const controller = new AbortController();
    const limit = setTimeout(() => controller.abort(new DeliveryTimeoutError(options.timeoutMs)), options.timeoutMs);
    // Renewals run one after another, and the last one is awaited before completing: complete() and fail() must
    // see the lock value the row holds.
    let renewing = Promise.resolve();
    const heartbeat = setInterval(() => {
      renewing = renewing.then(async () => {
        if (controller.signal.aborted) return;
        // A renewal that fails (database unreachable) is tried again on the next beat; the time limit ends it.
        if (!(await renew(claim, options.now(), options.leaseMs).catch(() => true))) controller.abort(new ClaimLostError());
      });
    }, options.leaseMs / 3);
    try {
      const delivering = options.deliver(claim, controller.signal);
      delivering.catch(() => undefined); // abandoned on abort: its late failure is not news
      return await Promise.race([delivering, rejectOnAbort(controller.signal)]);
    } catch (error) {
      // A transport that fails because it was aborted says 'connection closed': the abort's reason is the news.
      throw controller.signal.aborted ? controller.signal.reason : error;
    } finally {
      clearTimeout(limit);
      clearInterval(heartbeat);
      controller.abort();
      await renewing;
    }
  }

  /** Marks a claimed row delivered; false when the claim had expired and another worker owns it now. */
  async function complete(claim: Claim, at: Date, delivered: Delivered): Promise<boolean> {
    const result = await db
      .updateTable(table)
      .set({ ...delivered.columns, status: 'sent', sent_at: at.toISOString(), transport: delivered.transport, locked_until: null, attempts: claim.attempts + 1, last_error: null })
      .where('id', '=', claim.id)
      .where('locked_until', '=', claim.lockedUntil)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Records a failed attempt: back to pending with a later next_attempt_at, or failed for good; 'lost' when another worker owns the row now. */
  async function fail(claim: Claim, at: Date, error: string, permanent: boolean): Promise<'retry' | 'failed' | 'lost'> {
    const attempts = claim.attempts + 1;
    const outcome = permanent && attempts >= policy.maxPermanentAttempts ? 'failed' : 'retry';
    const result = await db
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
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? outcome : 'lost';
  }

  return {
    /**
     * Delivers due rows one at a time, each under a claim of its own taken just before it goes out and renewed
     * while it is delivered: a slow transport holds up only the row in hand, and no other instance takes it
     * meanwhile. A delivery past `timeoutMs` is abandoned and retried later. A lost claim means this worker fell
     * behind: it stops.
     */
    async deliverDue(options: DeliverOptions): Promise<DeliveryResult> {
      const result: DeliveryResult = { sent: 0, retried: 0, failed: 0 };
      while (result.sent + result.retried + result.failed < options.limit) {
        const claim = await claimNext(options.now(), options.leaseMs);
        if (!claim) break;
        let delivered: Delivered;
        try {
          delivered = await deliverClaimed(claim, options);
        } catch (error) {
          const outcome = await fail(claim, options.now(), (error as Error).message, options.isPermanent(error));
          if (outcome === 'lost') break;
          result[outcome === 'failed' ? 'failed' : 'retried']++;
          continue;
        }
        if (!(await complete(claim, options.now(), delivered))) break;
        result.sent++;
      }
      return result;
    },
  };
}

export type Queue = ReturnType<typeof createQueue>;
