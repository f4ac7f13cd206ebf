// Masks payment card numbers (Luhn-valid, 13-19 digits) before anything is stored (W16). Pure and import-free:
// the widget bundle uses it too (the closed notice's email link), so it must not pull in the engine.

// Between digit groups: spaces of any kind, dashes, dots, slashes, underscores (ASCII or fullwidth), mixed or
// repeated up to four ("4242 - 4242", "4242  4242"); a comma never joins, so "$1,250.00" stays two short runs.
const SEPARATOR = String.raw`[\p{Zs}\t\p{Pd}.\uFF0E/\uFF0F_\uFF3F]`;
// Any script's decimal digits (fullwidth ４２４２, Arabic-Indic, ...): a card typed with an IME is still a card.
const DIGIT_RUN = new RegExp(String.raw`\p{Nd}+(?:${SEPARATOR}{1,4}\p{Nd}+)*`, 'gu');
const SEPARATOR_SPLIT = new RegExp(String.raw`(${SEPARATOR}+)`, 'u');
// Built with the constructor, not as literals: the widget's browsers (Chrome 64+, Firefox 78+, Safari 11.1+) run
// \p{} escapes, but esbuild's table (newer Unicode data) would rewrite a literal and fail the bundle's syntax check.
const DIGIT = new RegExp(String.raw`\p{Nd}`, 'u');
const ALL_DIGITS = new RegExp(String.raw`\p{Nd}`, 'gu');

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A decimal digit's value in any script: Unicode encodes each script's 0-9 as consecutive code points. */
function digitValue(char: string): number {
  const code = char.codePointAt(0)!;
  if (code < 128) return code - 48;
  // Walk back to the start of the digits block; adjacent blocks (mathematical digits) are whole tens too.
  let zero = code;
  while (DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return (code - zero) % 10;
}

/** The ASCII digits of a group typed in any script ("４２" → "42"). */
function asciiDigits(group: string): string {
  let digits = '';
  for (const char of group) digits += digitValue(char);
  return digits;
}

/** Hides every digit but the last four, keeping the separators: "4242 4242 4242 4242" → "**** **** **** 4242". */
function mask(card: string): string {
  let toKeep = 4;
  return [...card]
    .reverse()
    .map((char) => (DIGIT.test(char) ? (toKeep-- > 0 ? char : '*') : char))
    .reverse()
    .join('');
}

// A run can hold more than one card ("4242 4242 4242 4242 5555 ..."): from each group, mask the longest
// Luhn-valid span of whole groups, so a valid prefix never leaves the card's last digits readable.
function maskRun(run: string): string {
  // Digit groups at even indexes, the separators between them at odd ones.
  const parts = run.split(SEPARATOR_SPLIT);
  const digits = parts.map((part, i) => (i % 2 === 0 ? asciiDigits(part) : ''));
  for (let start = 0; start < parts.length; start += 2) {
    let number = '';
    let longestEnd = -1;
    for (let end = start; end < parts.length && number.length <= 19; end += 2) {
      number += digits[end];
      if (number.length >= 13 && number.length <= 19 && passesLuhn(number)) longestEnd = end;
    }
    if (longestEnd < 0) continue;
    parts.splice(start, longestEnd - start + 1, mask(parts.slice(start, longestEnd + 1).join('')), ...Array<string>(longestEnd - start).fill(''));
    start = longestEnd;
  }
  return parts.join('');
}

export function maskCardNumbers(text: string): string {
  return text.replace(DIGIT_RUN, (run) => ((run.match(ALL_DIGITS)?.length ?? 0) >= 13 ? maskRun(run) : run));
}

/** The same rule over every text field of a form a visitor filled in (other fields are kept as they are). */
export function maskCardNumbersIn<T extends object>(form: T): T {
  return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? maskCardNumbers(value) : value])) as T;
}
