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
  ])('leaves %s alone', (text) => {
    expect(maskCardNumbers(text)).toBe(text);
  });

  it('never leaves a Luhn-valid 13-19 digit run readable', () => {
    const cardDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 18 }).map((digits) => {
      // Append the check digit that makes the number pass Luhn.
      const body = digits.join('');
      const check = [...Array(10).keys()].find((d) => passesLuhn(body + d))!;
      return body + check;
    });
    fc.assert(
      fc.property(cardDigits, fc.constantFrom(' ', '-', ''), (digits, separator) => {
        const typed = digits.match(/.{1,4}/g)!.join(separator);
        const masked = maskCardNumbers(`pay with ${typed} thanks`);
        expect(masked.replace(/\D/g, '')).toBe(digits.slice(-4));
      }),
    );
  });
});
