// Group commit: writes that arrive while the event loop is busy share one transaction (one commit).
// Each write runs in a savepoint of its own, so one that fails (an idempotency key seen twice, say)
// is rolled back and rejected alone; the others commit. Nobody is answered before the commit.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

interface Pending<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

export type GroupWriter<T, R> = (item: T) => Promise<R>;

/** Most writes in one transaction: bounds how long the first of them waits for the last. */
const MAX_BATCH = 64;

/**
 * Returns a function that runs `write` for an item inside a transaction shared with the items queued
 * in the same turn of the event loop (flushed on `setImmediate`), and resolves once that transaction
 * committed. One write at a time is in flight per batch, in arrival order.
 */
export function createGroupWriter<T, R>(db: Kysely<Database>, write: (trx: Transaction<Database>, item: T) => Promise<R>): GroupWriter<T, R> {
  let queue: Pending<T, R>[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      await commitBatch(batch);
    }
    flushing = false;
  }

  async function commitBatch(batch: Pending<T, R>[]): Promise<void> {
    // Outcomes are settled only after the commit: a caller that reads after a failure (the winner of
    // an idempotency race, say) must find what the batch stored.
    const outcomes: (() => void)[] = [];
    try {
      const trx = await db.startTransaction().execute();
      try {
        for (const pending of batch) {
          const savepoint = await trx.savepoint('group_write').execute();
          try {
            const value = await write(savepoint, pending.item);
            await savepoint.releaseSavepoint('group_write').execute();
            outcomes.push(() => pending.resolve(value));
          } catch (error) {
            await savepoint.rollbackToSavepoint('group_write').execute();
            await savepoint.releaseSavepoint('group_write').execute();
            outcomes.push(() => pending.reject(error));
          }
        }
        await trx.commit().execute();
      } catch (error) {
        await trx.rollback().execute().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      // The transaction itself failed (begin, a savepoint or the commit): none of the batch is stored.
      for (const pending of batch) pending.reject(error);
      return;
    }
    for (const settle of outcomes) settle();
  }

  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!flushing && queue.length === 1) setImmediate(() => void flush());
    });
}
