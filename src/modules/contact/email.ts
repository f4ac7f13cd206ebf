// The contact form's confirmation: fixed words and our own ticket facts only. Anyone can type any address into the
// form, so nothing the visitor typed (not even a name) is echoed to it: the shop cannot be used to send their text.
import { html } from '../../web/html';
import { callout, emailLayout, paragraph, type EmailContent } from '../mail/layout';

const FOOTER = 'You are receiving this email because this address was given on our contact form. Reply to this email to reach our team.';

export function contactConfirmationEmail(e: { shopName: string; ticketId: number; answerBy: string | null }): EmailContent {
  const promise = e.answerBy ? `A member of our team will reply by ${e.answerBy}.` : 'A member of our team is replying right away.';
  const subject = `We received your message (ticket #${e.ticketId})`;
  const body = html`${paragraph('Hello,')}
${paragraph('Thank you for writing to us. Your message reached our support team.')}
${callout(`Ticket #${e.ticketId}`, promise)}
${paragraph('Reply to this email if you want to add anything.')}`;
  const text = ['Hello,', '', 'Thank you for writing to us. Your message reached our support team.', '', `Ticket #${e.ticketId}: ${promise}`, '', `— ${e.shopName}`].join('\n');
  return { subject, html: emailLayout(e.shopName, 'Your message is with our team', body, FOOTER), text };
}
