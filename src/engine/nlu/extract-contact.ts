// Finds the email and the order number (normalised GG-123456) in a message.

// Length limits from RFC 5321 keep matching linear on long input.
const EMAIL = /[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}/i;
// "GG-104233", "gg104233", "GG 104233", "#104233", "order 104233", "order no. 104233", "order number is #104233".
const ORDER_PATTERNS = [
  /\bgg[\s-]?#?(\d{4,8})\b/i,
  /(?:^|[^\w&])#\s?(\d{5,8})\b/,
  /\b(?:order|ref|reference|confirmation)\s*(?:(?:number|num|no\.?|id|nr|#|is|was|:)\s*)*#?\s*(\d{5,8})\b/i,
];
// A message that is nothing but a number (and maybe an email), typed in answer to "what's your order number?".
const BARE_ORDER = /^\s*#?(\d{6})\s*[.,]?\s*(?:__email__)?\s*$/;

export interface Found<T> {
  value: T;
  rest: string;
}

export function extractEmail(text: string): Found<string> | undefined {
  const match = EMAIL.exec(text);
  if (!match) return undefined;
  return { value: match[0].toLowerCase(), rest: replaceSpan(text, match.index, match[0].length, '__email__') };
}

export function extractOrderNumber(text: string): Found<string> | undefined {
  for (const pattern of [...ORDER_PATTERNS, BARE_ORDER]) {
    const match = pattern.exec(text);
    if (!match) continue;
    const digits = match[1]!;
    const start = match.index + match[0].lastIndexOf(digits);
    // Keep the word "order" for the classifier; only the number becomes a placeholder.
    const prefixStart = pattern === ORDER_PATTERNS[2] ? start : match.index;
    return { value: `GG-${digits}`, rest: replaceSpan(text, prefixStart, start + digits.length - prefixStart, '__order__') };
  }
  return undefined;
}

export function replaceSpan(text: string, start: number, length: number, placeholder: string): string {
  return `${text.slice(0, start)} ${placeholder} ${text.slice(start + length)}`;
}
