// Messages sent from the store's contact form (issue 12 item 1): each one is kept and becomes a ticket in the support
// queue (linked to the order when its number matches the email), confirmed by a fixed email within the visitor-email
// caps. Card numbers typed into any field are masked before they are kept.
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { normalizeEmail } from '../../email';
import { maskCardNumbersIn } from '../../engine/index';
import type { VisitorEmailLimits } from '../limits/visitor-emails';
import type { MailService } from '../mail/service';
import { normalizeOrderNumber } from '../orders/order-number';
import type { TicketService } from '../tickets/service';
import { contactConfirmationEmail } from './email';

export interface ContactInput {
  name: string;
  email: string;
  orderNumber?: string;
  message: string;
}

export interface ContactDeps {
  db: Db;
  config: Config;
  now: () => Date;
  tickets: Pick<TicketService, 'open' | 'tierOf' | 'reasonsOf' | 'describeDue'>;
  mail: Pick<MailService, 'enqueue'>;
  visitorEmails: Pick<VisitorEmailLimits, 'reserveIfAllowed'>;
}

export function createContactService(deps: ContactDeps) {
  const { db, config, now } = deps;

  /** The order the message is about, only when its number and the email belong together (no order is revealed). */
  async function matchingOrder(orderNumber: string | undefined, email: string): Promise<number | null> {
    const number = orderNumber && normalizeOrderNumber(orderNumber);
    if (!number) return null;
    const order = await db.kysely.selectFrom('orders').select(['id', 'email']).where('number', '=', number).executeTakeFirst();
    return order && normalizeEmail(order.email) === email ? order.id : null;
  }

  /** Over a cap the ticket is still opened (the request reaches the team); only the confirmation is skipped. */
  // The store has no widget session: the form's sender address stands for it.
  const reserveConfirmation = (email: string, clientAddress: string) => deps.visitorEmails.reserveIfAllowed(email, { sessionId: `contact:${clientAddress}`, clientAddress });

  return {
    async submit(typed: ContactInput, requester: { clientAddress: string }): Promise<{ id: number; ticketId: number; confirmed: boolean }> {
      const input = maskCardNumbersIn(typed);
      const at = now();
      const email = normalizeEmail(input.email);
      const tier = await deps.tickets.tierOf(email);
      const orderId = await matchingOrder(input.orderNumber, email);
      const { reasons, management } = deps.tickets.reasonsOf([input.message], tier, ['contact_form']);
      const reservation = await reserveConfirmation(email, requester.clientAddress);
      try {
        return await db.kysely.transaction().execute(async (trx) => {
          const message = await trx
            .insertInto('contact_messages')
            .values({ name: input.name, email: input.email, order_number: input.orderNumber ?? null, message: input.message, created_at: at.toISOString() })
            .returning('id')
            .executeTakeFirstOrThrow();
          const ticket = await deps.tickets.open(
            trx,
            {
              conversation_id: null,
              customer_name: input.name.trim(),
              email,
              message: input.orderNumber ? `Order ${input.orderNumber}: ${input.message.trim()}` : input.message.trim(),
              urgent: 0,
              tier,
              reasons,
              management,
              transcript: '[]',
              shortlist: '[]',
              idempotency_key: null,
              order_id: orderId,
              channel: 'contact',
            },
            at,
          );
          if (reservation) {
            const content = contactConfirmationEmail({ shopName: config.shop.name, ticketId: ticket.id, answerBy: deps.tickets.describeDue(ticket) });
            await deps.mail.enqueue({ kind: 'contact_confirmation', to: email, ...content, dedupeKey: `ticket:${ticket.id}:confirmation`, ticketId: ticket.id }, trx);
          }
          return { id: message.id, ticketId: ticket.id, confirmed: reservation !== undefined };
        });
      } catch (error) {
        await reservation?.release(); // nothing was queued
        throw error;
      }
    },
    async recent(limit: number) {
      return db.kysely.selectFrom('contact_messages').selectAll().orderBy('id', 'desc').limit(limit).execute();
    },
  };
}

export type ContactService = ReturnType<typeof createContactService>;
