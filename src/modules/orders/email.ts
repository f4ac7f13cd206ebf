// The order confirmation the checkout promises: our own order facts only. Anyone can type any address at checkout,
// so of what the visitor typed only their name's first word (when plainly a name) is repeated, as in every greeting.
import { html } from '../../web/html';
import { formatDate, formatMoney } from '../../web/format';
import { callout, emailLayout, paragraph, type EmailContent } from '../mail/layout';
import { greeting } from '../mail/templates';

const FOOTER = 'You are receiving this email because this address was given when the order was placed. Reply to this email to reach our team.';

export interface OrderConfirmationEmail {
  shopName: string;
  customerName: string;
  orderNumber: string;
  items: { name: string; size: number | null; quantity: number; unitPriceCents: number }[];
  totalCents: number;
  currency: string;
  /** A calendar day (YYYY-MM-DD), or null when not known yet. */
  estimatedDelivery: string | null;
}

export function orderConfirmationEmail(e: OrderConfirmationEmail): EmailContent {
  const hello = greeting(e.customerName);
  const lines = e.items.map((i) => `${i.quantity} × ${i.name}${i.size !== null ? ` (size ${i.size})` : ''} — ${formatMoney(i.unitPriceCents * i.quantity, e.currency)}`);
  const total = `Total ${formatMoney(e.totalCents, e.currency)}`;
  const delivery = e.estimatedDelivery ? `Estimated delivery: ${formatDate(e.estimatedDelivery)}` : 'We email you the delivery date once it ships.';
  const subject = `Your order ${e.orderNumber} is confirmed`;
  const body = html`${paragraph(hello)}
${paragraph('Thank you for your order. We are preparing it in our studio.')}
${callout('Your order number', e.orderNumber)}
${paragraph(html`${lines.map((l, n) => html`${n > 0 ? html`<br>` : ''}${l}`)}`)}
${paragraph(html`<strong>${total}</strong>`)}
${paragraph(delivery)}`;
  const text = [hello, '', 'Thank you for your order. We are preparing it in our studio.', '', `Your order number: ${e.orderNumber}`, '', ...lines, '', total, delivery, '', `— ${e.shopName}`].join('\n');
  return { subject, html: emailLayout(e.shopName, 'Your order is confirmed', body, FOOTER), text };
}

/** The outbox key of an order's confirmation: one per order, and how the store's confirmation page knows it went. */
export const orderConfirmationKey = (orderNumber: string) => `order:${orderNumber}:confirmation`;
