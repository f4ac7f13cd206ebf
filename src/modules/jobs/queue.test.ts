import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createAlertService, type AlertKind } from '../alerts/service';
import { createOutboxRepo } from '../mail/repo';
import { createQueue, type Claim, type QueueTable } from './queue';

const POLICY = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxPermanentAttempts: 3 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => new Date();

describe.each(TEST_DIALECTS)('delivery queue on %s', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb(dialect);
    await migrateToLatest(db);
  });
  afterAll(() => db.destroy());
  afterEach(async () => {
    await db.kysely.deleteFrom('outbox').execute();
    await db.kysely.deleteFrom('alerts').execute();
  });

  const ALERT_KINDS: AlertKind[] = ['management_escalation', 'ticket_overdue', 'error_rate', 'customer_reply', 'urgent_after_hours', 'unhappy_vip'];
  async function addDue(table: QueueTable, count: number): Promise<void> {
    const alerts = createAlertService(db, loadConfig({ AURORA_MODE: 'demo' }));
    for (let n = 0; n < count; n++) {
      if (table === 'outbox') await createOutboxRepo(db.kysely).insert(db.kysely, { kind: 'test', to: `c${n}@example.com`, subject: `S${n}`, text: 'T', html: 'H' }, now().toISOString());
      // One kind each: alerts of one kind raised while one waits are grouped into one message (alerts.test.ts).
      else await alerts.raise(ALERT_KINDS[n % ALERT_KINDS.length]!, `test:${n}`, `Alert ${n}`);
    }
  }
  const lockedRows = async (table: QueueTable) => (await db.kysely.selectFrom(table).select('id').where('status', '=', 'pending').where('locked_until', 'is not', null).execute()).length;

  it.each<QueueTable>(['outbox', 'alerts'])('%s: holds a claim only on the row it is delivering', async (table) => {
    await addDue(table, 5);
    const locked: number[] = [];
    const result = await createQueue(db.kysely, db.dialect, table, POLICY).deliverDue({
      now,
      limit: 20,
      leaseMs: 60_000,
      timeoutMs: 30_000,
      deliver: async () => {
        locked.push(await lockedRows(table));
        return { transport: 'test' };
      },
      isPermanent: () => false,
    });
    expect(result).toEqual({ sent: 5, retried: 0, failed: 0 });
    expect(locked).toEqual([1, 1, 1, 1, 1]);
  });

  it.each<QueueTable>(['outbox', 'alerts'])('%s: renews the claim while a delivery outlasts the lease, so a second worker polling meanwhile never takes the row', async (table) => {
    await addDue(table, 2);
    const second = openDatabase(db.url, { schema: db.schema });
    const options = { now, limit: 20, leaseMs: 150, timeoutMs: 5_000, isPermanent: () => false };
    const delivered: number[] = [];
    try {
      const slow = createQueue(db.kysely, db.dialect, table, POLICY).deliverDue({
        ...options,
        deliver: async (claim: Claim) => {
          await sleep(500); // over three leases
          delivered.push(claim.id);
          return { transport: 'slow' };
        },
      });
      const other = createQueue(second.kysely, second.dialect, table, POLICY);
      for (let poll = 0; poll < 12; poll++) {
        await other.deliverDue({ ...options, deliver: async (claim: Claim) => (delivered.push(claim.id), { transport: 'fast' }) });
        await sleep(50);
      }
      await slow;
      expect(delivered).toHaveLength(2);
      expect(new Set(delivered).size).toBe(2);
    } finally {
      await second.close();
    }
  });

  it.each<QueueTable>(['outbox', 'alerts'])('%s: abandons a delivery past its time limit as a temporary failure, retried later', async (table) => {
    await addDue(table, 1);
    let signalled = false;
    const started = Date.now();
    const result = await createQueue(db.kysely, db.dialect, table, POLICY).deliverDue({
      now,
      limit: 20,
      leaseMs: 600,
      timeoutMs: 300,
      isPermanent: () => false,
      // A transport that does not end by itself: only the abort stops it.
      deliver: (_claim, signal) => new Promise((_, reject) => signal.addEventListener('abort', () => ((signalled = true), reject(new Error('closed'))))),
    });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect(signalled).toBe(true);
    const row = await db.kysely.selectFrom(table).select(['status', 'attempts', 'last_error', 'locked_until', 'next_attempt_at']).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, locked_until: null });
    expect(row.last_error).toMatch(/longer than 300 ms/);
    expect(Date.parse(row.next_attempt_at)).toBeGreaterThan(Date.now() + POLICY.baseDelayMs / 2);
  });

  it.each<QueueTable>(['outbox', 'alerts'])('%s: a worker whose claim ran out while it delivered (its renewals did not reach the database) stops, and another instance goes on', async (table) => {
    await addDue(table, 3);
    const second = openDatabase(db.url, { schema: db.schema });
    const options = { now, limit: 20, leaseMs: 150, timeoutMs: 5_000, isPermanent: () => false };
    const slowIds: number[] = [];
    const fastIds: number[] = [];
    let stopped = false;
    try {
      const slow = createQueue(db.kysely, db.dialect, table, POLICY).deliverDue({
        ...options,
        deliver: async (claim: Claim, signal: AbortSignal) => {
          slowIds.push(claim.id);
          // The lease runs out as if this worker's renewals had stalled, and another instance takes the row.
          await db.kysely.updateTable(table).set({ locked_until: '2000-01-01T00:00:00.000Z' }).where('id', '=', claim.id).execute();
          await Promise.race([sleep(2_000), new Promise((resolve) => signal.addEventListener('abort', resolve))]);
          stopped = signal.aborted;
          return { transport: 'slow' };
        },
      });
      await sleep(30);
      const fast = await createQueue(second.kysely, second.dialect, table, POLICY).deliverDue({ ...options, deliver: async (claim: Claim) => (fastIds.push(claim.id), { transport: 'fast' }) });
      expect(fast).toEqual({ sent: 3, retried: 0, failed: 0 });
      expect(await slow).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(stopped).toBe(true);
      expect(slowIds).toHaveLength(1);
      expect(fastIds).toContain(slowIds[0]);
      const rows = await db.kysely.selectFrom(table).select(['status', 'transport']).execute();
      expect(rows.every((row) => row.status === 'sent' && row.transport === 'fast')).toBe(true);
    } finally {
      await second.close();
    }
  });
});
