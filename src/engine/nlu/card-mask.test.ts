// Card masking (W16): every Luhn-valid card hidden but its last four digits, nothing else touched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskCardNumbers, passesLuhn } from './card-mask';

describe('maskCardNumbers', () => {
  it.each([
    ['my card is 4242 4242 4242 4242', 'my card is **** **** **** 4242'],
    ['4242-4242-4242-4242', '****-****-****-4242'],
    ['4111111111111111 exp 12/28', '************1111 exp 12/28'],
    ['amex 3782 822463 10005', 'amex **** ****** *0005'],
    ['two: 4242 4242 4242 4242 and 5555 5555 5555 4444', 'two: **** **** **** 4242 and **** **** **** 4444'],
    // Dots, slashes, underscores, repeated and mixed separators, other spaces and dashes.
    ['4242.4242.4242.4242', '****.****.****.4242'],
    ['4242  4242  4242  4242', '****  ****  ****  4242'],
    ['4242/4242/4242/4242', '****/****/****/4242'],
    ['4242_4242_4242_4242', '****_****_****_4242'],
    ['4242-4242 4242.4242', '****-**** ****.4242'],
    ['5555 5555/5555_4444', '**** ****/****_4444'],
    ['4242 - 4242 - 4242 - 4242', '**** - **** - **** - 4242'],
    ['4242\u00a04242\u00a04242\u00a04242', '****\u00a0****\u00a0****\u00a04242'],
    ['4242–4242–4242–4242', '****–****–****–4242'],
    // Fullwidth and other scripts' digits, kept as typed in the last four.
    ['４２４２ ４２４２ ４２４２ ４２４２', '**** **** **** ４２４２'],
    ['４２４２\u3000４２４２－４２４２．４２４２', '****\u3000****－****．４２４２'],
    ['٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢', '************٤٢٤٢'],
    ['४२४२ ४२४२ ४२४२ ४२४२', '**** **** **** ४२४२'],
    // Trailing punctuation is not part of the card.
    ['my card: 4242.4242.4242.4242.', 'my card: ****.****.****.4242.'],
    ['(4242-4242-4242-4242)!', '(****-****-****-4242)!'],
    ['is 4242 4242 4242 4242? or 4242_4242_4242_4242_', 'is **** **** **** 4242? or ****_****_****_4242_'],
  ])('masks %s', (text, masked) => {
    expect(maskCardNumbers(text)).toBe(masked);
  });

  it.each([
    'order GG-104233',
    'call me on 555 123 4567',
    '+44 20 7946 0958 is my number',
    '4242 4242 4242 4241',
    'tracking 1Z999AA10123456784',
    'size 7, under $1,200',
    'my order is GG-104236, or just 104236',
    'call +1 (212) 555-0100 or 212.555.0100',
    // Phone-like numbers that pass Luhn stay: a card has at least 13 digits.
    '1-212-555-0108 and 212 555 0109',
    'delivered 2026-11-20, ordered 12/05/2026, due 20.11.2026 at 10:30',
    'between $1,250.00 and €1.250,00',
    'ring size 6 1/2 or 7.5, chain 45_50 cm',
    '１２／０５／２０２６',
  ])('leaves %s alone', (text) => {
    expect(maskCardNumbers(text)).toBe(text);
  });

  it('leaves Luhn-valid phone-like numbers alone (they are shorter than cards)', () => {
    for (const phone of ['12125550108', '2125550109']) expect(passesLuhn(phone)).toBe(true);
  });

  // ASCII, fullwidth, Arabic-Indic, Devanagari and mathematical (bold, sans-serif bold, monospace: adjacent blocks)
  // zeros: each script's digits are the ten code points from its zero.
  const SCRIPT_ZEROS = [0x30, 0xff10, 0x660, 0x966, 0x1d7ce, 0x1d7ec, 0x1d7f6];
  const SEPARATORS = ['', ' ', '-', '.', '/', '_', '  ', ' - ', ' / ', '\u3000', '\u00a0', '–', '．'];
  const inScript = (digits: string, zero: number) => [...digits].map((d) => String.fromCodePoint(zero + Number(d))).join('');
  const visibleDigits = (text: string) => [...text].filter((c) => /\p{Nd}/u.test(c)).join('');

  it('never leaves a Luhn-valid 13-19 digit run readable', () => {
    const cardDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 }).map((digits) => {
      // Append the check digit that makes the number pass Luhn.
      const body = digits.join('');
      const check = [...Array(10).keys()].find((d) => passesLuhn(body + d))!;
      return body + check;
    });
    fc.assert(
      fc.property(cardDigits, fc.constantFrom(...SCRIPT_ZEROS), fc.array(fc.constantFrom(...SEPARATORS), { minLength: 4, maxLength: 4 }), (digits, zero, separators) => {
        // Groups of four with any mix of separators between them.
        const typed = digits.match(/.{1,4}/g)!.map((group, i) => (i === 0 ? '' : separators[i - 1]) + inScript(group, zero)).join('');
        const masked = maskCardNumbers(`pay with ${typed}. thanks`);
        expect(visibleDigits(masked)).toBe(inScript(digits.slice(-4), zero));
      }),
    );
  });
});
