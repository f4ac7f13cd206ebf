// Finds the email and the order number (normalised GG-123456) in a message.
import { escapeRegExp } from './normalize';

// Length limits from RFC 5321 keep matching linear on long input.
const EMAIL = /[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,24}/i;
/** The shop's order-number format: `prefix` ("GG" → "GG-104233") and, when set, the exact number of digits. */
export interface OrderNumberFormat {
  prefix: string;
  /** Unset: 4-8 digits after the prefix, 5-8 after "order"/"#", 6 on their own. */
  digits?: number;
}

export const DEFAULT_ORDER_NUMBER_FORMAT: OrderNumberFormat = { prefix: 'GG' };

/** Reads an order number from a normalised message; `rest` has it replaced by `__order__`. */
export type OrderNumberReader = (text: string) => Found<string> | undefined;

// Digits as customers type them: "104236", "104 236", "104-236" (groups of two or more, so "104236 2 rings" stays apart).
const GROUPED_DIGITS = String.raw`\d{2,}(?:[ -]\d{2,}){0,3}(?![\d])`;
const ORDER_WORDS = String.raw`(?:order|purchase|ref|reference|confirmation)`;


/**
 * "GG-104233", "gg104233", "gg 104 233", "#104233", "order 104233", "purchase 104233", "order no. 104233",
 * "order number is #104233", and a message that is nothing but the number (the answer to "what's your order number?").
 */
export function createOrderNumberReader(format: OrderNumberFormat = DEFAULT_ORDER_NUMBER_FORMAT): OrderNumberReader {
  const prefix = format.prefix.toLowerCase();
  const fits = (digits: string, min: number, max: number) =>
    format.digits === undefined ? digits.length >= min && digits.length <= max : digits.length === format.digits;
  const rules: { pattern: RegExp; min: number; max: number; keepWords: boolean }[] = [
    ...(prefix ? [{ pattern: new RegExp(String.raw`\b${escapeRegExp(prefix)}[\s-]?#?\s?(${GROUPED_DIGITS})`, 'gi'), min: 4, max: 8, keepWords: false }] : []),
    { pattern: new RegExp(String.raw`(?:^|[^\w&])#\s?(${GROUPED_DIGITS})`, 'g'), min: 5, max: 8, keepWords: false },
    // Keep the word "order" for the classifier; only the number becomes a placeholder.
    { pattern: new RegExp(String.raw`\b${ORDER_WORDS}\s*(?:(?:number|num|no\.?|id|nr|#|is|was|:)\s*)*#?\s*(${GROUPED_DIGITS})`, 'gi'), min: 5, max: 8, keepWords: true },
    { pattern: new RegExp(String.raw`^\s*#?(${GROUPED_DIGITS})\s*[.,]?\s*(?:__email__)?\s*$`, 'g'), min: 6, max: 6, keepWords: false },
  ];
  return (text) => {
    for (const { pattern, min, max, keepWords } of rules) {
      for (const match of text.matchAll(pattern)) {
        // The fewest groups that make a whole number: "#104233 21 days ago" is 104233, "gg 104 236" is 104236.
        const groups = match[1]!.split(/[ -]/);
        const count = groups.findIndex((_, i) => fits(groups.slice(0, i + 1).join(''), min, max)) + 1;
        if (count === 0) continue;
        const digits = groups.slice(0, count).join('');
        const typed = match[1]!.slice(0, groups.slice(0, count).join(' ').length);
        const start = match.index + match[0].lastIndexOf(match[1]!);
        const from = keepWords ? start : match.index;
        return { value: `${format.prefix.toUpperCase()}-${digits}`, rest: replaceSpan(text, from, start + typed.length - from, '__order__') };
      }
    }
    return undefined;
  };
}

export interface Found<T> {
  value: T;
  rest: string;
}

export function extractEmail(text: string): Found<string> | undefined {
  const match = EMAIL.exec(text);
  if (!match) return undefined;
  return { value: match[0].toLowerCase(), rest: replaceSpan(text, match.index, match[0].length, '__email__') };
}

/** The default shop format (GG-123456). */
export const extractOrderNumber: OrderNumberReader = createOrderNumberReader();

export function replaceSpan(text: string, start: number, length: number, placeholder: string): string {
  return `${text.slice(0, start)} ${placeholder} ${text.slice(start + length)}`;
}
