// The closed notice's email link (audit item 7): the message the visitor could not send rides along, and a card
// number typed into it is masked like everywhere else a visitor types, before it leaves the page.
import { describe, expect, it } from 'vitest';
import { closedEmailLink } from './parts';

const link = (unsent: string) => new URL(closedEmailLink('hello@glowglitch.example', 'GlowGlitch', unsent));

describe('closedEmailLink', () => {
  it('addresses the shop with a subject, and carries the unsent message as typed', () => {
    const mailto = link('Is GG-104233 ready? Size 6, under $1,250.00');
    expect(mailto.protocol).toBe('mailto:');
    expect(mailto.pathname).toBe('hello@glowglitch.example');
    expect(mailto.searchParams.get('subject')).toBe('A question for GlowGlitch');
    expect(mailto.searchParams.get('body')).toBe('Is GG-104233 ready? Size 6, under $1,250.00');
  });

  it('has no body when nothing was left unsent', () => {
    expect(link('').searchParams.has('body')).toBe(false);
  });

  it.each([
    ['Please charge my card 4242 4242 4242 4242 for the ring', 'Please charge my card **** **** **** 4242 for the ring'],
    ['card 4242.4242.4242.4242, exp 12/28', 'card ****.****.****.4242, exp 12/28'],
    ['４２４２ ４２４２ ４２４２ ４２４２', '**** **** **** ４２４２'],
  ])('masks the card number in %s', (unsent, masked) => {
    const href = closedEmailLink('hello@glowglitch.example', 'GlowGlitch', unsent);
    expect(new URL(href).searchParams.get('body')).toBe(masked);
    expect(decodeURIComponent(href).replace(/\D/g, '')).not.toContain('424242424242');
  });
});
