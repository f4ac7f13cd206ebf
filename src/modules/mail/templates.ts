// The customer emails, each as subject + branded HTML + plain text. Customer text is always escaped, and an email
// a visitor can trigger never repeats what they typed: the shop's sender must not carry a stranger's words.
import { html } from '../../web/html';
import { button, callout, emailLayout, paragraph, quote, type EmailContent } from './layout';

/** The first word of a name when it is plainly a name (letters, ' and -), otherwise null. */
/** The name a chat ticket carries until the customer gives one (the team sees the email or the transcript). */
export const UNNAMED_CHAT_CUSTOMER = 'Chat customer';

/** The customer's name, or null for the placeholder a chat ticket carries before one is given. */
export function customerName(name: string): string | null {
  const trimmed = name.trim();
  return trimmed === '' || trimmed === UNNAMED_CHAT_CUSTOMER ? null : trimmed;
}

export function plainFirstName(name: string): string | null {
  if (customerName(name) === null) return null;
  const first = name.trim().split(/\s+/)[0] ?? '';
  return /^\p{L}[\p{L}\p{M}'’-]{0,23}$/u.test(first) ? first : null;
}

/** "Hello Ava," from a name: only a first word that is plainly a name, otherwise "Hello,". */
export function greeting(name: string): string {
  const first = plainFirstName(name);
  return first ? `Hello ${first},` : 'Hello,';
}

const FOOTER = 'You are receiving this email because you contacted us through our website. Reply to this email to reach our team.';

/** What every RMA email names. */
interface RmaEmail {
  shopName: string;
  customerName: string;
  rmaNumber: string;
  orderNumber: string;
  /** The piece coming back, from pieceLabel: name, SKU and size. */
  piece: string;
  kind: 'return' | 'resize';
  newSize: number | null;
}

export interface RmaCreatedEmail extends RmaEmail {
  labelUrl: string;
  shipWithinDays: number;
}

/** "Solitaire Ring (SKU GG-R-001, size 6)": which piece an RMA covers, as staff and customer both see it. */
export function pieceLabel(item: { name: string; sku: string; size: number | null }): string {
  return `${item.name} (SKU ${item.sku}${item.size === null ? '' : `, size ${item.size}`})`;
}

/** The shipping rule printed in the email, on the label and in the widget. */
export function shippingRule(kind: 'return' | 'resize', shipWithinDays: number, newSize: number | null): string {
  return kind === 'return'
    ? `Ship within ${shipWithinDays} days for a full refund.`
    : `Ship within ${shipWithinDays} days and we will resize it to size ${newSize} and send it back free of charge.`;
}

export function rmaCreatedEmail(e: RmaCreatedEmail): EmailContent {
  const what = e.kind === 'return' ? 'return' : `resize to size ${e.newSize}`;
  const rule = shippingRule(e.kind, e.shipWithinDays, e.newSize);
  const subject = `Your ${e.kind} ${e.rmaNumber} for order ${e.orderNumber}`;
  const body = html`${paragraph(greeting(e.customerName))}
${paragraph(html`We have set up the ${what} of <strong>${e.piece}</strong> from order ${e.orderNumber}.`)}
${callout('Your RMA number', e.rmaNumber)}
${paragraph(html`<strong>${rule}</strong>`)}
${paragraph('1. Print your prepaid return label. 2. Pack the piece in its box with the RMA number inside. 3. Drop it off with the carrier. We email you when it arrives.')}
${button(e.labelUrl, 'Print your return label')}
${paragraph(html`Or open this link: <a href="${e.labelUrl}" style="color:#b3365f">${e.labelUrl}</a>`)}`;
  const text = [
    greeting(e.customerName),
    '',
    `We have set up the ${what} of ${e.piece} from order ${e.orderNumber}.`,
    '',
    `Your RMA number: ${e.rmaNumber}`,
    '',
    rule,
    '',
    `Print your return label: ${e.labelUrl}`,
    '',
    'Pack the piece in its box with the RMA number inside and drop it off with the carrier. We email you when it arrives.',
    '',
    `— ${e.shopName}`,
  ].join('\n');
  return { subject, html: emailLayout(e.shopName, `Your ${e.kind} is ready to send`, body, FOOTER), text };
}

export type RmaStep = 'in_transit' | 'received' | 'refunded' | 'closed' | 'rejected';

export interface RmaStatusEmail extends RmaEmail {
  step: RmaStep;
  /** The fixed sentence for a rejection (REJECTION_REASONS in returns/status.ts), never staff or customer text. */
  rejection?: string;
}

/** One fixed heading and message per step: the customer always knows where the piece is and what comes next. */
function rmaStepText(e: RmaStatusEmail): { heading: string; lines: string[] } {
  const it = e.piece;
  switch (e.step) {
    case 'in_transit':
      return { heading: 'Your piece is on its way to us', lines: [`The carrier has scanned your parcel with ${it}.`, 'We email you again as soon as it reaches our studio.'] };
    case 'received':
      return {
        heading: 'Your piece has arrived',
        lines: [`${it} has arrived at our studio.`, e.kind === 'return' ? 'Our jewellers check every piece; we email you once your refund is on its way.' : `Our jewellers are resizing it to size ${e.newSize}; we email you when it ships back to you.`],
      };
    case 'refunded':
      return { heading: 'Your refund is on its way', lines: [`We have refunded ${it} to your original payment method.`, 'Depending on your bank, it shows on your statement within 5 to 10 business days.'] };
    case 'closed':
      return e.kind === 'resize'
        ? { heading: 'Your resized piece is on its way', lines: [`${it} has been resized to size ${e.newSize} and is on its way back to you, free of charge.`] }
        : { heading: 'Your return is complete', lines: [`The return of ${it} is complete. Nothing more is needed from you.`] };
    case 'rejected':
      return { heading: `We could not accept this ${e.kind}`, lines: [`We are sorry: we could not accept the ${e.kind} of ${it}.`, e.rejection ?? '', 'Reply to this email and our team will look at other options with you.'].filter(Boolean) };
  }
}

/** Each step of an RMA after it was created. */
export function rmaStatusEmail(e: RmaStatusEmail): EmailContent {
  const { heading, lines } = rmaStepText(e);
  const subject = `${heading}: ${e.rmaNumber} for order ${e.orderNumber}`;
  const body = html`${paragraph(greeting(e.customerName))}
${lines.map((line) => paragraph(line))}
${callout('Your RMA number', e.rmaNumber)}`;
  const text = [greeting(e.customerName), '', ...lines.flatMap((line) => [line, '']), `Your RMA number: ${e.rmaNumber}`, '', `— ${e.shopName}`].join('\n');
  return { subject, html: emailLayout(e.shopName, heading, body, FOOTER), text };
}

export interface TicketConfirmationEmail {
  shopName: string;
  customerName: string;
  ticketId: number;
  /** "11:30 AM Monday (ET)", or null when urgent (a stylist reaches out right away). */
  answerBy: string | null;
}

export function ticketConfirmationEmail(e: TicketConfirmationEmail): EmailContent {
  const promise = e.answerBy ? `A stylist will reply by ${e.answerBy}.` : 'You marked this as urgent: a stylist is reaching out to you right away.';
  const subject = `We received your request (ticket #${e.ticketId})`;
  const body = html`${paragraph(greeting(e.customerName))}
${paragraph('Thank you for reaching out. A member of our stylist team has your message and the conversation you had with our concierge.')}
${callout(`Ticket #${e.ticketId}`, promise)}
${paragraph('Reply to this email if you want to add anything.')}`;
  const text = [greeting(e.customerName), '', 'Thank you for reaching out. A member of our stylist team has your message.', '', `Ticket #${e.ticketId}: ${promise}`, '', `— ${e.shopName}`].join('\n');
  return { subject, html: emailLayout(e.shopName, 'A stylist is on it', body, FOOTER), text };
}

export interface StylistReplyEmail {
  shopName: string;
  customerName: string;
  ticketId: number;
  stylistName: string;
  body: string;
}

// "Hi Larry," / "hello," / "Dear Ms Legal": the agent greeted already (a greeting word, not "Highlights" or "Heyday").
const OPENS_WITH_GREETING = /^\s*(?:hi|hello|dear|hey)(?![\p{L}\p{N}])/iu;

export function stylistReplyEmail(e: StylistReplyEmail): EmailContent {
  const subject = `Re: your request (ticket #${e.ticketId})`;
  // One greeting: the agent's own when their text opens with one, otherwise ours with the first name.
  const hello = OPENS_WITH_GREETING.test(e.body) ? null : greeting(e.customerName);
  const body = html`${hello ? paragraph(hello) : ''}
${quote(e.body)}
${paragraph(`${e.stylistName}, ${e.shopName} stylist team`)}`;
  const text = [...(hello ? [hello, ''] : []), e.body, '', `${e.stylistName}, ${e.shopName} stylist team`, `Ticket #${e.ticketId}`].join('\n');
  return { subject, html: emailLayout(e.shopName, 'A reply from your stylist', body, FOOTER), text };
}

export interface CustomerReplyNoticeEmail {
  shopName: string;
  staffName: string;
  ticketId: number;
  customerName: string;
  reopened: boolean;
  link: string;
}

/** To the assignee: the customer answered by email. Their words stay in the dashboard, not in another inbox. */
export function customerReplyNoticeEmail(e: CustomerReplyNoticeEmail): EmailContent {
  const what = `${e.customerName} replied to ticket #${e.ticketId}${e.reopened ? ', which was resolved and is open again' : ''}.`;
  const subject = `Customer reply on ticket #${e.ticketId}${e.reopened ? ' (reopened)' : ''}`;
  const body = html`${paragraph(greeting(e.staffName))}
${paragraph(what)}
${button(e.link, 'Open the ticket')}`;
  const text = [greeting(e.staffName), '', what, '', `Open the ticket: ${e.link}`].join('\n');
  return { subject, html: emailLayout(e.shopName, 'A customer replied', body, 'You are receiving this because the ticket is assigned to you.'), text };
}
