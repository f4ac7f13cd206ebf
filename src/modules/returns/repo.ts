// RMA rows and the order timeline event that goes with each: the only SQL of the returns module.
import { randomBytes, randomInt } from 'node:crypto';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, RmasTable } from '../../db/schema';

export type RmaRow = Selectable<RmasTable>;
export const OPEN_RMA_STATUSES = ['created', 'in_transit', 'received'] as const;

// No 0/O, 1/I/L: the number is read over the phone and copied from a printed label.
const RMA_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newRmaNumber(): string {
  return `RMA-${Array.from({ length: 8 }, () => RMA_ALPHABET[randomInt(RMA_ALPHABET.length)]).join('')}`;
}

export const newLabelToken = () => randomBytes(24).toString('base64url');

export function createRmaRepo(db: Kysely<Database>) {
  return {
    byIdempotencyKey(key: string): Promise<RmaRow | undefined> {
      return db.selectFrom('rmas').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    },

    byNumber(number: string): Promise<RmaRow | undefined> {
      return db.selectFrom('rmas').selectAll().where('number', '=', number).executeTakeFirst();
    },

    openForItem(itemId: number): Promise<RmaRow | undefined> {
      return db.selectFrom('rmas').selectAll().where('order_item_id', '=', itemId).where('status', 'in', [...OPEN_RMA_STATUSES]).executeTakeFirst();
    },

    /** The RMA and its "RMA Created" timeline event, in the caller's transaction. */
    async insertWithEvent(trx: Transaction<Database>, row: Insertable<RmasTable>, event: Record<string, unknown>): Promise<RmaRow> {
      const rma = await trx.insertInto('rmas').values(row).returningAll().executeTakeFirstOrThrow();
      await trx.insertInto('order_events').values({ order_id: row.order_id, type: 'rma_created', at: row.created_at, data: JSON.stringify(event) }).execute();
      await trx.updateTable('orders').set({ updated_at: row.created_at }).where('id', '=', row.order_id).execute();
      return rma;
    },

    async orderAndItem(rma: RmaRow) {
      const order = await db.selectFrom('orders').selectAll().where('id', '=', rma.order_id).executeTakeFirstOrThrow();
      const item = rma.order_item_id === null ? undefined : await db.selectFrom('order_items').selectAll().where('id', '=', rma.order_item_id).executeTakeFirst();
      return { order, item };
    },
  };
}

export type RmaRepo = ReturnType<typeof createRmaRepo>;
