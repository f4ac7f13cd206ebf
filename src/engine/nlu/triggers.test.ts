// The guide's stylist and management triggers.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';
import type { CustomerTier } from '../types';

const engine = createEngine();
const triggers = (text: string, customerTier?: CustomerTier) => engine.understand(text, { customerTier }).triggers;

describe('stylist triggers', () => {
  it.each([
    ['I want a custom engagement ring designed', 'custom_design'],
    ['can you reset my grandmother\'s diamond into a new ring', 'custom_design'],
    ['resize my eternity band please', 'complex_resizing'],
    ['i need two rings resized to sizes 6 and 7', 'complex_resizing'],
    ['resize my ring from a 5 to a 9', 'complex_resizing'],
    ['we need 40 necklaces for our bridesmaids and staff, corporate order', 'bulk_order'],
    ['wholesale pricing?', 'bulk_order'],
    ['can i get an appraisal for insurance', 'appraisal'],
    ['does it come with a GIA certificate', 'appraisal'],
    ['i need it by friday, can you rush it', 'rush_shipping'],
    ['overnight shipping possible?', 'rush_shipping'],
    ['can you gift wrap it', 'gift_wrapping'],
    ['engrave our initials inside the band', 'engraving'],
    ['do you have a payment plan', 'payment_plan'],
    ['can i pay in 4 installments', 'payment_plan'],
    ['will you price match a competitor', 'custom_pricing'],
    ['can you do it for $900', 'custom_pricing'],
  ])('%s → %s', (text, reason) => {
    expect(triggers(text).stylist).toContain(reason);
  });

  it('a plain resize by one size is not complex', () => {
    expect(triggers('resize my ring from a 6 to a 7').stylist).not.toContain('complex_resizing');
  });

  it('an ordinary search raises no trigger', () => {
    expect(triggers('rose gold hoops under 300')).toEqual({ stylist: [], management: [] });
  });
});

describe('management triggers', () => {
  it.each([
    ['I will contact my lawyer', 'legal_threat'],
    ['i am going to sue you', 'legal_threat'],
    ['you charged me twice for one ring', 'financial_error'],
    ['the price at checkout was wrong, i was overcharged', 'financial_error'],
    ["i can see someone else's order in my account", 'privacy_concern'],
    ['please delete my data, this is a gdpr request', 'privacy_concern'],
  ])('%s → %s', (text, reason) => {
    expect(triggers(text).management).toContain(reason);
  });

  it('an unhappy VIP alerts management; the same words from a standard customer do not', () => {
    expect(triggers('this is unacceptable, i am very disappointed', 'vip').management).toContain('unhappy_vip');
    expect(triggers('this is unacceptable, i am very disappointed', 'standard').management).not.toContain('unhappy_vip');
  });

  it('a customer who says they are VIP counts too', () => {
    expect(triggers("I'm a VIP customer and this service is terrible").management).toContain('unhappy_vip');
  });
});
