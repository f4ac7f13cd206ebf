import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { openDatabase } from '../../db/connection';
import { migrateToLatest } from '../../db/migrate';
import { createTestDb, TEST_DIALECTS, type TestDb } from '../../../test/support/db';
import { createAlertService } from '../alerts/service';
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

  async function addDue(table: QueueTable, count: number): Promise<void> {
    const alerts = createAlertService(db, loadConfig({ AURORA_MODE: 'demo' }));
    for (let n = 0; n < count; n++) {
      if (table === 'outbox') await createOutboxRepo(db.kysely).insert(db.kysely, { kind: 'test', to: `c${n}@example.com`, subject: `S${n}`, text: 'T', html: 'H' }, now().toISOString());
      else await alerts.raise('error_rate', `test:${n}`, `Alert ${n}`);
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
      deliver: async () => {
        locked.push(await lockedRows(table));
        return { transport: 'test' };
      },
      isPermanent: () => false,
    });
    expect(result).toEqual({ sent: 5, retried: 0, failed: 0 });
    expect(locked).toEqual([1, 1, 1, 1, 1]);
  });

  it.each<QueueTable>(['outbox', 'alerts'])('%s: a worker whose claim ran out while it delivered stops, and another instance goes on', async (table) => {
    await addDue(table, 3);
    const second = openDatabase(db.url, { schema: db.schema });
    const options = { now, limit: 20, leaseMs: 150, isPermanent: () => false };
    const slowIds: number[] = [];
    const fastIds: number[] = [];
    try {
      const slow = createQueue(db.kysely, db.dialect, table, POLICY).deliverDue({
        ...options,
        deliver: async (claim: Claim) => {
          slowIds.push(claim.id);
          await sleep(400);
          return { transport: 'slow' };
        },
      });
      await sleep(250); // the slow worker's claim has run out
      const fast = await createQueue(second.kysely, second.dialect, table, POLICY).deliverDue({ ...options, deliver: async (claim: Claim) => (fastIds.push(claim.id), { transport: 'fast' }) });
      expect(fast).toEqual({ sent: 3, retried: 0, failed: 0 });
      expect(await slow).toEqual({ sent: 0, retried: 0, failed: 0 });
      expect(slowIds).toHaveLength(1);
      expect(fastIds).toContain(slowIds[0]);
      const rows = await db.kysely.selectFrom(table).select(['status', 'transport']).execute();
      expect(rows.every((row) => row.status === 'sent' && row.transport === 'fast')).toBe(true);
    } finally {
      await second.close();
    }
  });
});
