// Messages sent from the store's contact form.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface ContactInput {
  name: string;
  email: string;
  orderNumber?: string;
  message: string;
}

export function createContactService(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    async submit(input: ContactInput): Promise<{ id: number }> {
      return db
        .insertInto('contact_messages')
        .values({ name: input.name, email: input.email, order_number: input.orderNumber ?? null, message: input.message, created_at: now().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
    },
    async recent(limit: number) {
      return db.selectFrom('contact_messages').selectAll().orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
