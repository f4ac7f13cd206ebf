// Inbound email (issue 12): one raw message, from the SMTP listener or the IMAP poller, becomes a reply in its
// ticket's thread, a held message (the sender is not the ticket's customer), a new ticket (no genuine tag), or
// nothing (an auto-reply, a bounce, our own mail, a message already seen). Every outcome is recorded by Message-ID.
import type { Config } from '../../config';
import type { Db } from '../../db/connection';
import { isUniqueViolation } from '../../db/unique-violation';
import { mailboxKey } from '../../email';
import type { CustomerEmail, CustomerEmails } from '../tickets/customer-email';
import { bareAddress, ignoreReason } from './classify';
import { MAX_LISTED_ATTACHMENTS, parseInboundMail, type InboundMail } from './parse';
import { ticketOfAddress } from './reply-address';
import { stripQuotedReply } from './strip-quoted';

export type InboundVia = 'smtp' | 'imap';

export interface InboundOutcome {
  status: 'threaded' | 'held' | 'new_ticket' | 'ignored' | 'duplicate';
  ticketId: number | null;
  reason?: string;
}

export interface InboundDeps {
  db: Db;
  config: Config;
  now: () => Date;
  customerEmails: CustomerEmails;
  /** Starts the ticket's next-reply deadline (tickets service), once the reply is threaded. */
  customerReplied: (ticketId: number, at: Date) => Promise<unknown>;
}

export function createInboundService(deps: InboundDeps) {
  const { db, config, now } = deps;
  const supportEmail = config.inbound.supportEmail;
  const mailFrom = bareAddress(config.mail.from);

  function taggedTicket(mail: InboundMail): number | null {
    for (const address of mail.recipients) {
      const id = ticketOfAddress(address, supportEmail!, config.sessionSecret);
      if (id !== null) return id;
    }
    return null;
  }

  function asCustomerEmail(mail: InboundMail, via: InboundVia): CustomerEmail {
    const listed = mail.attachments.slice(0, MAX_LISTED_ATTACHMENTS);
    const more = mail.attachments.length - listed.length;
    return {
      fromAddress: mail.fromAddress,
      fromName: mail.fromName,
      subject: mail.subject.slice(0, 300),
      body: stripQuotedReply(mail.text),
      attachments: more > 0 ? [...listed, { name: `and ${more} more`, size: 0 }] : listed,
      messageId: mail.messageId,
      via,
    };
  }

  return {
    async receive(raw: Buffer | string, options: { via: InboundVia; envelopeRecipients?: string[] }): Promise<InboundOutcome> {
      if (!supportEmail) throw new Error('Inbound email needs SUPPORT_EMAIL');
      const mail = await parseInboundMail(raw, options.envelopeRecipients);
      const at = now().toISOString();
      const seen = await db.kysely.selectFrom('inbound_emails').select('id').where('message_id', '=', mail.messageId).executeTakeFirst();
      if (seen) return { status: 'duplicate', ticketId: null };
      const record = { message_id: mail.messageId, from_address: mail.fromAddress.slice(0, 254), subject: mail.subject.slice(0, 300), via: options.via, received_at: at };

      const ignored = ignoreReason(mail, { supportEmail, mailFrom });
      if (ignored) {
        await db.kysely.insertInto('inbound_emails').values({ ...record, ticket_id: null, status: 'ignored', reason: ignored, body: null, attachments: '[]' }).onConflict((oc) => oc.column('message_id').doNothing()).execute();
        return { status: 'ignored', ticketId: null, reason: ignored };
      }

      const email = asCustomerEmail(mail, options.via);
      const values = { ...record, body: email.body, attachments: JSON.stringify(email.attachments) };
      let outcome: InboundOutcome;
      try {
        outcome = await db.kysely.transaction().execute(async (trx): Promise<InboundOutcome> => {
          const tagged = taggedTicket(mail);
          const ticket = tagged === null ? undefined : await trx.selectFrom('tickets').select(['id', 'email']).where('id', '=', tagged).executeTakeFirst();
          if (!ticket) {
            const ticketId = await deps.customerEmails.openFromEmail(trx, email);
            await trx.insertInto('inbound_emails').values({ ...values, ticket_id: ticketId, status: 'new_ticket', reason: tagged === null ? null : 'unknown_ticket' }).execute();
            return { status: 'new_ticket', ticketId };
          }
          // The tag proves the address came from one of our emails, not who writes: a forwarded email or a
          // colleague's answer is kept for staff to read, never put in the customer's thread.
          if (mailboxKey(mail.fromAddress) !== mailboxKey(ticket.email)) {
            await trx.insertInto('inbound_emails').values({ ...values, ticket_id: ticket.id, status: 'held', reason: 'sender_mismatch' }).execute();
            return { status: 'held', ticketId: ticket.id, reason: 'sender_mismatch' };
          }
          await trx.insertInto('inbound_emails').values({ ...values, ticket_id: ticket.id, status: 'threaded', reason: null }).execute();
          await deps.customerEmails.threadReply(trx, ticket.id, email);
          return { status: 'threaded', ticketId: ticket.id };
        });
      } catch (error) {
        // The same message arrived twice at once (a retried SMTP delivery, two pollers): the first one counts.
        if (isUniqueViolation(error)) return { status: 'duplicate', ticketId: null };
        throw error;
      }
      if (outcome.status === 'threaded') await deps.customerReplied(outcome.ticketId!, now());
      return outcome;
    },
  };
}

export type InboundService = ReturnType<typeof createInboundService>;
