import { describe, expect, it } from 'vitest';
import { stylistReplyEmail } from './templates';
import { orderConfirmationEmail } from '../orders/email';

const reply = (body: string, customerName = 'Larry Legal') => stylistReplyEmail({ shopName: 'GlowGlitch', customerName, ticketId: 7, stylistName: 'Mia', body });
const greetings = (text: string) => text.match(/\b(?:hi|hello|dear|hey)\b/gi) ?? [];

describe('agent reply email greets once', () => {
  it.each(['Hi Larry,\nyour ring ships today.', 'HELLO LARRY, your ring ships today.', 'dear Larry, your ring ships today.', '  hey Larry! your ring ships today.'])(
    'keeps the agent’s own greeting and adds none: %j',
    (body) => {
      const content = reply(body);
      expect(greetings(content.text)).toHaveLength(1);
      expect(content.text.startsWith(body)).toBe(true);
      expect(content.html).not.toContain('Hello Larry');
      expect(content.html).not.toContain('Legal');
    },
  );

  it('greets with the plain first name when the agent did not, and never with a word that only starts like a greeting', () => {
    for (const body of ['Your ring ships today.', 'Highlights: your ring ships today.', 'Heyday collection is back.']) {
      const content = reply(body);
      expect(content.text.split('\n')[0]).toBe('Hello Larry,');
      expect(content.html).toContain('Hello Larry,');
      expect(content.text).not.toContain('Legal');
    }
    expect(reply('Your ring ships today.', '<b>x</b> Legal').text.split('\n')[0]).toBe('Hello,');
  });
});

describe('order confirmation email', () => {
  const order = {
    shopName: 'GlowGlitch',
    customerName: 'Ana Lopez',
    orderNumber: 'GG-482913',
    items: [
      { name: 'Halo Ring', size: 6.5, quantity: 1, unitPriceCents: 125_000 },
      { name: 'Luna "Pendant"', size: null, quantity: 2, unitPriceCents: 24_950 },
    ],
    totalCents: 174_900,
    currency: 'USD',
    estimatedDelivery: '2026-11-26',
  };

  it('carries the order number, each item, the total and a readable delivery date, in HTML and text', () => {
    const content = orderConfirmationEmail(order);
    expect(content.subject).toBe('Your order GG-482913 is confirmed');
    expect(content.text).toContain('1 × Halo Ring (size 6.5) — $1,250');
    expect(content.text).toContain('2 × Luna "Pendant" — $499');
    expect(content.html).toContain('Luna &quot;Pendant&quot;');
    for (const part of [content.html, content.text]) {
      expect(part).toContain('GG-482913');
      expect(part).toContain('Total $1,749');
      expect(part).toContain('Estimated delivery: November 26, 2026');
      expect(part).toContain('Hello Ana,');
      expect(part).not.toContain('Lopez');
      expect(part).not.toContain('2026-11-26');
    }
  });

  it('repeats nothing typed that is not plainly a first name', () => {
    const content = orderConfirmationEmail({ ...order, customerName: 'http://spam.example Buy now' });
    expect(content.text.split('\n')[0]).toBe('Hello,');
    expect(content.html + content.text).not.toContain('spam');
    expect(orderConfirmationEmail({ ...order, estimatedDelivery: null }).text).toContain('We email you the delivery date once it ships.');
  });
});
