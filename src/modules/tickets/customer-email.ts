// Customers' emails on tickets (issue 12): a reply threaded into its ticket (reopening it when resolved and telling
// the assignee, or the team when nobody has it), and an email without a ticket opened as a new one. Called by the
// inbound mail service inside its transaction, with the reply already stripped of quotes and signature.
import type { Transaction } from 'kysely';
import type { Config } from '../../config';
import type { Database } from '../../db/schema';
import type { AlertService } from '../alerts/service';
import type { MailService } from '../mail/service';
import { customerReplyNoticeEmail, ticketConfirmationEmail } from '../mail/templates';
import { computeAnswerBy, describeAnswerBy } from './business-hours';
import { answerHoursFor, priorityFor } from './escalate';
import type { TicketRepo, TicketRow } from './repo';

export interface CustomerEmail {
  fromAddress: string;
  fromName: string;
  subject: string;
  /** The new text only (quotes and signature stripped); shown as text, never as HTML. */
  body: string;
  attachments: { name: string; size: number }[];
  messageId: string;
  via: string;
}

export interface CustomerEmailDeps {
  config: Config;
  now: () => Date;
  repo: TicketRepo;
  mail: MailService;
  alerts: AlertService;
}

/** A ticket's message is capped like a staff reply. */
const MAX_TEXT = 10_000;

/** "Ava Jones" from the From header, else the address's local part. */
function nameOf(email: CustomerEmail): string {
  const name = email.fromName.trim() || email.fromAddress.split('@')[0]!;
  return name.slice(0, 100);
}

export function createCustomerEmails(deps: CustomerEmailDeps) {
  const { config, now, repo } = deps;
  const link = (id: number) => `${config.publicUrl}/dashboard/support/tickets/${id}`;

  async function notify(trx: Transaction<Database>, ticket: TicketRow, eventId: number, reopened: boolean): Promise<void> {
    const assignee = ticket.assignee_id === null ? undefined : await trx.selectFrom('staff_users').select(['email', 'name']).where('id', '=', ticket.assignee_id).where('disabled', '=', 0).executeTakeFirst();
    if (assignee) {
      const content = customerReplyNoticeEmail({ shopName: config.shop.name, staffName: assignee.name, ticketId: ticket.id, customerName: ticket.customer_name, reopened, link: link(ticket.id) });
      await deps.mail.enqueue({ kind: 'staff_customer_reply', to: assignee.email, ...content, dedupeKey: `ticket:${ticket.id}:reply-notice:${eventId}` }, trx);
      return;
    }
    await deps.alerts.raise(
      'customer_reply',
      `ticket:${ticket.id}:customer-reply:${eventId}`,
      `Ticket #${ticket.id}: ${ticket.customer_name} replied by email${reopened ? ' (the ticket was resolved and is open again)' : ''}; nobody is assigned.`,
      { ticket: ticket.id, reopened, link: link(ticket.id) },
      trx,
    );
  }

  return {
    /** The customer's reply in the ticket's thread; a resolved ticket opens again. */
    async threadReply(trx: Transaction<Database>, ticketId: number, email: CustomerEmail): Promise<{ eventId: number; reopened: boolean }> {
      const at = now().toISOString();
      const ticket = (await repo.get(ticketId, trx))!;
      const data = { from: email.fromAddress, subject: email.subject, messageId: email.messageId, via: email.via, attachments: email.attachments };
      const event = { id: await repo.addEvent(trx, { ticket_id: ticketId, actor_id: null, type: 'customer_reply', body: email.body.slice(0, MAX_TEXT), data: JSON.stringify(data), created_at: at }) };
      const reopened = ticket.status === 'resolved';
      await repo.update(trx, ticketId, { updated_at: at, ...(reopened ? { status: 'open' as const } : {}) });
      if (reopened) await repo.addEvent(trx, { ticket_id: ticketId, actor_id: null, type: 'status', body: null, data: JSON.stringify({ from: 'resolved', to: 'open', why: 'customer_reply' }), created_at: at });
      await notify(trx, ticket, event.id, reopened);
      return { eventId: event.id, reopened };
    },

    /** An email with no (valid) ticket tag: a new ticket from that sender, confirmed by email like a form's. */
    async openFromEmail(trx: Transaction<Database>, email: CustomerEmail): Promise<number> {
      const at = now();
      const tier = await repo.tierOf(email.fromAddress, trx);
      const priority = priorityFor(false, tier);
      const answerBy = computeAnswerBy(at, answerHoursFor(priority, config), config.businessHours);
      const message = [email.subject.trim(), email.body].filter(Boolean).join('\n\n').slice(0, MAX_TEXT);
      const ticket = await repo.insert(trx, {
        conversation_id: null,
        customer_name: nameOf(email),
        email: email.fromAddress,
        message,
        urgent: 0,
        tier,
        priority,
        status: 'open',
        assignee_id: null,
        answer_by: answerBy.toISOString(),
        reasons: '[]',
        management: 0,
        transcript: '[]',
        shortlist: '[]',
        idempotency_key: null,
        channel: 'email',
        created_at: at.toISOString(),
        updated_at: at.toISOString(),
      });
      const data = { priority, tier, answerBy: ticket.answer_by, reasons: [], via: email.via, messageId: email.messageId, attachments: email.attachments };
      await repo.addEvent(trx, { ticket_id: ticket.id, actor_id: null, type: 'created', body: message, data: JSON.stringify(data), created_at: at.toISOString() });
      const content = ticketConfirmationEmail({ shopName: config.shop.name, customerName: ticket.customer_name, ticketId: ticket.id, answerBy: describeAnswerBy(answerBy, at, config.businessHours.timeZone) });
      await deps.mail.enqueue({ kind: 'ticket_confirmation', to: email.fromAddress, ...content, dedupeKey: `ticket:${ticket.id}:confirmation`, ticketId: ticket.id }, trx);
      return ticket.id;
    },
  };
}

export type CustomerEmails = ReturnType<typeof createCustomerEmails>;
