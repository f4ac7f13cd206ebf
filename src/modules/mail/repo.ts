// Outbox rows: writing new emails (inside the caller's transaction when there is one) and reading them back.
import type { Kysely, Transaction } from 'kysely';
import type { Database, OutboxTable } from '../../db/schema';
import type { Selectable } from 'kysely';

export type OutboxRow = Selectable<OutboxTable>;
/** The database or an open transaction: an email is queued in the same transaction as what caused it. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface NewOutboxRow {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  dedupeKey?: string;
  ticketId?: number;
}

export function createOutboxRepo(db: Kysely<Database>) {
  return {
    /** Inserts a pending email; with a dedupe key already queued, returns the existing row's id instead. */
    async insert(executor: Executor, row: NewOutboxRow, at: string): Promise<number> {
      const inserted = await executor
        .insertInto('outbox')
        .values({
          kind: row.kind,
          to_address: row.to,
          subject: row.subject,
          text_body: row.text,
          html_body: row.html,
          status: 'pending',
          attempts: 0,
          next_attempt_at: at,
          dedupe_key: row.dedupeKey ?? null,
          ticket_id: row.ticketId ?? null,
          created_at: at,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return inserted.id;
      const existing = await executor.selectFrom('outbox').select('id').where('dedupe_key', '=', row.dedupeKey!).executeTakeFirstOrThrow();
      return existing.id;
    },

    get(id: number): Promise<OutboxRow | undefined> {
      return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async page(filter: { to?: string; ticketId?: number }, limit: number, offset: number): Promise<{ rows: OutboxRow[]; total: number }> {
      let query = db.selectFrom('outbox');
      if (filter.to) query = query.where('to_address', '=', filter.to);
      if (filter.ticketId !== undefined) query = query.where('ticket_id', '=', filter.ticketId);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(count.n) };
    },
  };
}
