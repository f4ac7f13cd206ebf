// Messages sent from the store's contact form. Card numbers typed into any field are masked before they are kept.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { maskCardNumbersIn } from '../../engine/index';

export interface ContactInput {
  name: string;
  email: string;
  orderNumber?: string;
  message: string;
}

export function createContactService(db: Kysely<Database>, now: () => Date = () => new Date()) {
  return {
    async submit(typed: ContactInput): Promise<{ id: number }> {
      const input = maskCardNumbersIn(typed);
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
