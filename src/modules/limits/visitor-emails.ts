// Caps on the emails a visitor can make the shop send (stylist confirmations, RMA emails), per recipient address,
// per session and per client address within an hour, held in the database so they hold across instances: without
// them the forms are a relay that sends anyone's chosen address mail from the shop's own sender.
import { AppError } from '../../errors';
import { mailboxKey } from '../../email';
import type { AttemptLimits } from './attempts';

export interface VisitorEmailCaps {
  perRecipient: number;
  perSession: number;
  perClient: number;
}

export const VISITOR_EMAIL_WINDOW_MS = 60 * 60_000;

/** Who asks for the email: the widget session and the client address. */
export interface EmailRequester {
  sessionId: string;
  clientAddress: string;
}

export const tooManyEmails = () =>
  new AppError(
    'rate_limited',
    'We already have several requests from you in the last hour, and each one reached our team. Please try again in an hour, or write to us through our contact page.',
    { limit: 'visitor_emails' },
  );

/**
 * Emails about an order (the RMA email) go to the address on the order, which the visitor proved by giving it with
 * the order number: they cannot relay to an address of the visitor's choosing, so they count per order instead of
 * against the recipient cap of confirmations (a customer returning four pieces of one order is not asked to wait).
 */
export const ORDER_EMAILS_PER_HOUR = 10;

export function createVisitorEmailLimits(attempts: AttemptLimits, caps: VisitorEmailCaps) {
  async function reserve(first: { scope: string; key: string; max: number }, by: EmailRequester): Promise<{ release: () => Promise<void> }> {
    const taken = await attempts.reserve(
      [first, { scope: 'email_session', key: by.sessionId, max: caps.perSession }, { scope: 'email_client', key: by.clientAddress, max: caps.perClient }],
      VISITOR_EMAIL_WINDOW_MS,
    );
    if (!taken) throw tooManyEmails();
    return taken;
  }
  return {
    /**
     * Takes one email of each cap before the email is queued; AppError('rate_limited') when one is used up.
     * Call the returned release when no email went out after all (a double submit answered by the first).
     */
    reserve: (recipient: string, by: EmailRequester) => reserve({ scope: 'email_recipient', key: mailboxKey(recipient), max: caps.perRecipient }, by),
    /**
     * For an email that is a courtesy, not the answer (the contact form's and the checkout's confirmations): over a
     * cap the request still goes through and only the email is skipped, so undefined instead of an error.
     */
    async reserveIfAllowed(recipient: string, by: EmailRequester): Promise<{ release: () => Promise<void> } | undefined> {
      try {
        return await reserve({ scope: 'email_recipient', key: mailboxKey(recipient), max: caps.perRecipient }, by);
      } catch (error) {
        if (error instanceof AppError && error.code === 'rate_limited') return undefined;
        throw error;
      }
    },
    /** The same for an email to the order's own address (see ORDER_EMAILS_PER_HOUR). */
    reserveForOrder: (orderNumber: string, by: EmailRequester) => reserve({ scope: 'email_order', key: orderNumber, max: ORDER_EMAILS_PER_HOUR }, by),
  };
}

export type VisitorEmailLimits = ReturnType<typeof createVisitorEmailLimits>;
