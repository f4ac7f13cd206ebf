// Masks payment card numbers (Luhn-valid, 13-19 digits, spaces or dashes allowed) before anything is stored (W16).

const DIGIT_RUN = /\d(?:[ -]?\d)*/g;

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

/** Hides every digit but the last four, keeping the separators: "4242 4242 4242 4242" → "**** **** **** 4242". */
function mask(card: string): string {
  let toKeep = 4;
  return [...card]
    .reverse()
    .map((char) => (/\d/.test(char) ? (toKeep-- > 0 ? char : '*') : char))
    .reverse()
    .join('');
}

// A run can hold more than one card ("4242 4242 4242 4242 5555 ..."): from each group, mask the longest
// Luhn-valid span of whole groups, so a valid prefix never leaves the card's last digits readable.
function maskRun(run: string): string {
  const groups = run.split(/(?=[ -])|(?<=[ -])/);
  const output = [...groups];
  for (let start = 0; start < groups.length; start++) {
    let digits = '';
    let longestEnd = -1;
    for (let end = start; end < groups.length && digits.length <= 19; end++) {
      digits += groups[end]!.replace(/\D/g, '');
      if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits) && /\d/.test(groups[end]!)) longestEnd = end;
    }
    if (longestEnd < 0) continue;
    const masked = mask(groups.slice(start, longestEnd + 1).join(''));
    output.splice(start, longestEnd - start + 1, masked, ...Array<string>(longestEnd - start).fill(''));
    start = longestEnd;
  }
  return output.join('');
}

export function maskCardNumbers(text: string): string {
  return text.replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').length >= 13 ? maskRun(run) : run));
}

/** The same rule over every text field of a form a visitor filled in (other fields are kept as they are). */
export function maskCardNumbersIn<T extends object>(form: T): T {
  return Object.fromEntries(Object.entries(form).map(([key, value]) => [key, typeof value === 'string' ? maskCardNumbers(value) : value])) as T;
}
