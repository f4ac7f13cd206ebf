// Price ranges in every common form, and (property) min <= max on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPrice } from './extract-price';
import { numberWordsToDigits } from './number-words';

const price = (text: string) => extractPrice(numberWordsToDigits(text.toLowerCase())).range;

describe('extractPrice', () => {
  it.each([
    ['under $500', { priceMax: 500 }],
    // Issue 11: separators, currency signs or none, "k", and "in <metal>" after the range.
    ['between $1,000 and $2,000', { priceMin: 1000, priceMax: 2000 }],
    ['rings between $1,000 and $2,000 please', { priceMin: 1000, priceMax: 2000 }],
    ['earrings between 200 and 400 in silver', { priceMin: 200, priceMax: 400 }],
    ['a pendant from 150 to 300 in rose gold', { priceMin: 150, priceMax: 300 }],
    ['200-400', { priceMin: 200, priceMax: 400 }],
    ['1k-2k', { priceMin: 1000, priceMax: 2000 }],
    ['under 1,500', { priceMax: 1500 }],
    ['an 18 in chain under 300', { priceMax: 300 }],
    ['earrings less than 800', { priceMax: 800 }],
    ['no more than $350', { priceMax: 350 }],
    ['max 400', { priceMax: 400 }],
    ['over 2000', { priceMin: 2000 }],
    ['at least 1000', { priceMin: 1000 }],
    ['500+ please', { priceMin: 500 }],
    ['$50-$100', { priceMin: 50, priceMax: 100 }],
    ['between 1k and 2k', { priceMin: 1000, priceMax: 2000 }],
    ['from 500 to 700', { priceMin: 500, priceMax: 700 }],
    ['between $400 and $200', { priceMin: 200, priceMax: 400 }],
    ['$1-2k', { priceMin: 1000, priceMax: 2000 }],
    ['around 300', { priceMin: 240, priceMax: 360 }],
    ['300ish', { priceMin: 240, priceMax: 360 }],
    ['rings under 1,200', { priceMax: 1200 }],
    ['a necklace for 1,200', { priceMax: 1200 }],
    ['under $1.5k', { priceMax: 1500 }],
    ['i have 500 dollars', { priceMax: 500 }],
    ['a ring for $750', { priceMax: 750 }],
    ['under five hundred', { priceMax: 500 }],
    ['less than two grand', { priceMax: 2000 }],
    ['under €300', { priceMax: 300 }],
    ['necklace 500 max', { priceMax: 500 }],
    ['300 or under', { priceMax: 300 }],
    ['$2,500-$3,000', { priceMin: 2500, priceMax: 3000 }],
    ['under 500 but over 200', { priceMin: 200, priceMax: 500 }],
    ['under 1000$', { priceMax: 1000 }],
    // Negated bounds: "nothing over" is a ceiling, "no less than" a floor.
    ['nothing over 250', { priceMax: 250 }],
    ['rings, nothing over $250 please', { priceMax: 250 }],
    ['not above 300', { priceMax: 300 }],
    ['not more than 400', { priceMax: 400 }],
    ['no higher than 600', { priceMax: 600 }],
    ['none over 900', { priceMax: 900 }],
    ['no less than 300', { priceMin: 300 }],
    ['not under 200', { priceMin: 200 }],
    ['nothing below 150', { priceMin: 150 }],
    ['up to 700', { priceMax: 700 }],
    ['at most 550', { priceMax: 550 }],
    ['below 200', { priceMax: 200 }],
    ['from 300', { priceMin: 300 }],
    ['from $80 please', { priceMin: 80 }],
    ['300+', { priceMin: 300 }],
    ['400 and above', { priceMin: 400 }],
  ])('%s', (text, expected) => {
    expect(price(text)).toEqual(expected);
  });

  it.each(['14k gold ring', 'a 1 carat diamond', 'size 7 ring', 'can i return within 30 days', 'i need 2 rings', '18 inch chain', 'by 5pm'])(
    'finds no price in "%s"',
    (text) => {
      expect(price(text)).toEqual({});
    },
  );

  it.each([
    ['neckalce in whtie gold undr 800', { priceMax: 800 }],
    ['earrings unda 300', { priceMax: 300 }],
    ['rings ovr 2000', { priceMin: 2000 }],
    ['a pendant abov $1k', { priceMin: 1000 }],
  ])('reads the budget words as typed on a phone: "%s"', (text, range) => {
    expect(price(text)).toEqual(range);
  });

  it('keeps the budget but not the karat in "14k gold rings under 500"', () => {
    expect(price('14k gold rings under 500')).toEqual({ priceMax: 500 });
  });

  it('never throws and always keeps priceMin <= priceMax', () => {
    const pricey = fc.constantFrom('under', 'over', 'between', 'and', 'to', '-', '$', 'k', '1,200', '300', '1.5k', 'around', 'grand', 'from', ' ', 'ish', '+');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(pricey).map((parts) => parts.join(' '))), (text) => {
        const range = price(text);
        if (range.priceMin !== undefined && range.priceMax !== undefined) expect(range.priceMin).toBeLessThanOrEqual(range.priceMax);
        for (const value of [range.priceMin, range.priceMax]) if (value !== undefined) expect(Number.isFinite(value) && value > 0).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
