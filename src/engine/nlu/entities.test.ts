// Entity extraction through understand(): order numbers, emails, sizes, categories, metals, stones, robustness.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../index';

const engine = createEngine();
const entities = (text: string) => engine.understand(text).entities;

describe('order numbers and emails', () => {
  it.each([
    ['GG-104233', 'GG-104233'],
    ['gg104233', 'GG-104233'],
    ['GG 104233 please', 'GG-104233'],
    ['#104233', 'GG-104233'],
    ['order 104233', 'GG-104233'],
    ['my order number is #104233', 'GG-104233'],
    ['order no. 104233 hasn\'t arrived', 'GG-104233'],
    ['104233', 'GG-104233'],
    ['Order No 104233', 'GG-104233'],
    ['ref 104233', 'GG-104233'],
  ])('%s → %s', (text, orderNumber) => {
    expect(entities(text).orderNumber).toBe(orderNumber);
  });

  it('reads the email exactly, lower-cased, beside the order number', () => {
    expect(entities('GG-104233 Jane.Doe+rings@Example.co.uk')).toMatchObject({ orderNumber: 'GG-104233', email: 'jane.doe+rings@example.co.uk' });
  });

  it('does not take prices, sizes or product codes for order numbers', () => {
    expect(entities('rings under 1500').orderNumber).toBeUndefined();
    expect(entities('size 7 ring').orderNumber).toBeUndefined();
    expect(entities('is GG-RI-1001 in stock').orderNumber).toBeUndefined();
  });
});

describe('ring sizes', () => {
  it.each([
    ['size 7', 7],
    ['size 7.5 ring', 7.5],
    ['7.5', 7.5],
    ['size six', 6],
    ['size six and a half', 6.5],
    ['i wear a 6 1/2', 6.5],
    ['resize it from a 6 to a 7', 7],
    ['my ring size is six and a half', 6.5],
    ['do you have it in a 9', 9],
  ])('%s → %s', (text, ringSize) => {
    expect(entities(text).ringSize).toBe(ringSize);
  });

  it('keeps sizes out of the price', () => {
    expect(entities('size 7 rose gold ring under 400')).toEqual({ category: 'ring', metal: 'rose_gold', priceMax: 400, ringSize: 7 });
  });
});

describe('category, metal and stone', () => {
  it.each([
    ['hoops', 'earrings'],
    ['gold studs', 'earrings'],
    ['a wedding band', 'ring'],
    ['simple chain', 'necklace'],
    ['silver bangle', 'bracelet'],
    ['locket for my mom', 'pendant'],
    ['chain bracelet', 'bracelet'],
    ['neckalce under 200', 'necklace'],
    ['braclet in silver', 'bracelet'],
    ['show me rign', 'ring'],
    ['earings with diamonds', 'earrings'],
  ])('%s → %s', (text, category) => {
    expect(entities(text).category).toBe(category);
  });

  it.each([
    ['rose gold hoops', 'rose_gold'],
    ['white gold studs', 'white_gold'],
    ['18k yellow gold chain', 'yellow_gold'],
    ['anything gold', 'gold'],
    ['platinum band', 'platinum'],
    ['sterling silver bangle', 'silver'],
  ])('%s → %s', (text, metal) => {
    expect(entities(text).metal).toBe(metal);
  });

  it.each([
    ['sapphire ring', 'sapphire'],
    ['rubies', 'ruby'],
    ['pearl studs', 'pearl'],
    ['lab grown diamond ring', 'diamond'],
    ['morganite pendant', 'morganite'],
  ])('%s → %s', (text, stone) => {
    expect(entities(text).stone).toBe(stone);
  });

  it('reads a whole request exactly', () => {
    expect(entities('rose gold hoops under 300')).toEqual({ category: 'earrings', metal: 'rose_gold', priceMax: 300, style: 'hoops' });
    expect(entities('Emerald necklaces in white gold between $1,000 and $2,500')).toEqual({
      category: 'necklace',
      metal: 'white_gold',
      stone: 'emerald',
      priceMin: 1000,
      priceMax: 2500,
    });
  });

  it('leaves out what the customer rules out', () => {
    expect(entities("i don't want rose gold")).toEqual({});
    expect(entities('rings without diamonds')).toEqual({ category: 'ring' });
    expect(entities('anything but silver')).toEqual({});
    expect(engine.understand('no pearls, maybe sapphires').entities).toEqual({ stone: 'sapphire' });
  });

  it('never "corrects" an everyday word into jewelry', () => {
    expect(entities('what are my total earnings').category).toBeUndefined();
    expect(entities("the ring's too loose").category).toBe('ring');
  });

  it('does not read "ring size" or "bring" as a ring search', () => {
    expect(entities('how do i find my ring size').category).toBeUndefined();
    expect(entities('my ring size is 7').category).toBeUndefined();
    expect(entities('can you bring it tomorrow').category).toBeUndefined();
  });
});

describe('robustness', () => {
  it('never throws on any text, and prices stay ordered', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const found = engine.understand(text);
        const { priceMin, priceMax } = found.entities;
        if (priceMin !== undefined && priceMax !== undefined) expect(priceMin).toBeLessThanOrEqual(priceMax);
        expect(found.confidence).toBeGreaterThanOrEqual(0);
        expect(found.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it('stays fast on floods of digits, letters and dots (no regex backtracking blow-up)', () => {
    for (const flood of ['1'.repeat(5000), 'a'.repeat(5000), '1 '.repeat(2500), 'a.'.repeat(2500), '$1,'.repeat(1500)]) {
      const started = performance.now();
      engine.understand(flood);
      expect(performance.now() - started).toBeLessThan(250);
    }
  });

  it('survives prototype words and odd unicode', () => {
    for (const text of ['constructor', '__proto__ toString', 'hasOwnProperty valueOf', '💍💍💍', 'ＲＩＮＧ', '\u0000\uFFFF']) {
      expect(() => engine.understand(text)).not.toThrow();
    }
  });
});
