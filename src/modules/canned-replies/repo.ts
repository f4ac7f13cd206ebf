// Canned replies and the ticket facts their variables need: the only SQL of the canned-replies module.
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { CannedRepliesTable, Database } from '../../db/schema';

export type CannedReplyRow = Selectable<CannedRepliesTable>;

export function createCannedReplyRepo(db: Kysely<Database>) {
  return {
    list: (): Promise<CannedReplyRow[]> => db.selectFrom('canned_replies').selectAll().orderBy('title').orderBy('id').execute(),

    get: (id: number): Promise<CannedReplyRow | undefined> => db.selectFrom('canned_replies').selectAll().where('id', '=', id).executeTakeFirst(),

    insert: (row: Insertable<CannedRepliesTable>): Promise<CannedReplyRow> => db.insertInto('canned_replies').values(row).returningAll().executeTakeFirstOrThrow(),

    update: (id: number, values: Updateable<CannedRepliesTable>): Promise<CannedReplyRow | undefined> =>
      db.updateTable('canned_replies').set(values).where('id', '=', id).returningAll().executeTakeFirst(),

    async remove(id: number): Promise<boolean> {
      const result = await db.deleteFrom('canned_replies').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },

    /** What a reply's variables are filled from: the ticket, the order it is about, the staff member writing. */
    async ticketFacts(ticketId: number, staffId: number) {
      const ticket = await db
        .selectFrom('tickets as t')
        .leftJoin('orders as o', 'o.id', 't.order_id')
        .select(['t.id', 't.customer_name', 't.email', 't.answer_by', 't.answered_at', 't.status', 'o.number as order_number'])
        .where('t.id', '=', ticketId)
        .executeTakeFirst();
      const staff = await db.selectFrom('staff_users').select('name').where('id', '=', staffId).executeTakeFirst();
      return ticket && { ticket, staffName: staff?.name ?? null };
    },
  };
}
