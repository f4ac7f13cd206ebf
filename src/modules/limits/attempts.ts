// Limits kept in the database (table limit_attempts), so they hold across instances: order lookups (W5) and
// the emails a visitor can trigger. A subject (session id, client address, email address) is stored as an HMAC.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { keyedHash } from '../../crypto';
import type { Db } from '../../db/connection';
import type { Database } from '../../db/schema';

export interface Attempt {
  /** Which limit, e.g. 'session' or 'email_recipient'. */
  scope: string;
  /** What is limited: a session id, a client address, an email address (stored as its HMAC). */
  key: string;
}

export interface CappedAttempt extends Attempt {
  max: number;
}

/** A 64-bit advisory lock key (as text) for one scope and subject. */
const lockKey = (scope: string, subject: string) => createHash('sha256').update(`${scope}\0${subject}`).digest().readBigInt64BE(0).toString();

/** Thrown inside reserve's transaction to roll its rows back. */
class CapReached extends Error {}

export function createAttemptLimits(db: Db, secret: string, now: () => Date = () => new Date()) {
  const subject = (key: string) => keyedHash(secret, key);
  const since = (windowMs: number) => new Date(now().getTime() - windowMs).toISOString();

  async function count(attempt: Attempt, windowMs: number, executor: Kysely<Database> = db.kysely): Promise<number> {
    const row = await executor
      .selectFrom('limit_attempts')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('scope', '=', attempt.scope)
      .where('subject', '=', subject(attempt.key))
      .where('created_at', '>', since(windowMs))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Inserts the attempts and drops their scopes' rows that left the window (each scope keeps one window). */
  async function insert(attempts: readonly Attempt[], windowMs: number, executor: Kysely<Database> = db.kysely): Promise<number[]> {
    const createdAt = now().toISOString();
    const rows = await executor
      .insertInto('limit_attempts')
      .values(attempts.map((a) => ({ scope: a.scope, subject: subject(a.key), created_at: createdAt })))
      .returning('id')
      .execute();
    await executor
      .deleteFrom('limit_attempts')
      .where('scope', 'in', [...new Set(attempts.map((a) => a.scope))])
      .where('created_at', '<=', since(windowMs))
      .execute();
    return rows.map((r) => r.id);
  }

  const remove = async (ids: number[]) => {
    if (ids.length > 0) await db.kysely.deleteFrom('limit_attempts').where('id', 'in', ids).execute();
  };

  return {
    /** Attempts of one subject within the window. */
    count,

    /**
     * Takes one attempt of every cap, or none: undefined when any cap is used up. Racing callers (also on other
     * instances) take turns per subject, so a burst gets exactly the cap: PostgreSQL through transaction-scoped
     * advisory locks, SQLite because the insert comes first and holds its single write lock to the commit.
     * The returned release gives the attempts back (the action did not happen after all).
     */
    async reserve(attempts: readonly CappedAttempt[], windowMs: number): Promise<{ release: () => Promise<void> } | undefined> {
      try {
        const ids = await db.kysely.transaction().execute(async (trx) => {
          if (db.dialect === 'postgres') {
            // Sorted, so two callers never wait for each other's second lock.
            const keys = [...new Set(attempts.map((a) => lockKey(a.scope, subject(a.key))))].sort();
            for (const key of keys) await sql`select pg_advisory_xact_lock(${key}::bigint)`.execute(trx);
          }
          const inserted = await insert(attempts, windowMs, trx);
          for (const attempt of attempts) if ((await count(attempt, windowMs, trx)) > attempt.max) throw new CapReached();
          return inserted;
        });
        return { release: () => remove(ids) };
      } catch (error) {
        if (error instanceof CapReached) return undefined;
        throw error;
      }
    },
  };
}

export type AttemptLimits = ReturnType<typeof createAttemptLimits>;
