// Checks the model's words before the customer sees them: no leaked instructions, no promise the widget cannot keep
// (a refund, a cancellation, a created return or ticket), no discount, and no price that no tool result gave.
import { LlmFailure } from './protocol';

const SHINGLE_WORDS = 8;
const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];

function shingles(text: string): Set<string> {
  const list = words(text);
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= list.length; i++) set.add(list.slice(i, i + SHINGLE_WORDS).join(' '));
  return set;
}

const PROMISES = [
  // "I've issued your refund", "we have cancelled the order", "I'll create the return", "I have reserved it for you"
  /\b(?:i|we)(?:'ve|'ll| have| will| just| already)*\s+(?:issued|issue|processed|approved|refunded|cancell?ed|created|opened|booked|reserved|changed|credited|applied)\b/i,
  /\byour refund (?:has been|is being|will be|is)\s+(?:issued|approved|processed|on its way|sent)\b/i,
  /\b(?:full|partial) refund (?:is|has been) (?:approved|guaranteed|issued)\b/i,
];
const DISCOUNTS = [/\b\d{1,2}\s?%\s?(?:off|discount)\b/i, /\b(?:discount|promo|coupon|voucher)\s+code\b/i, /\bcode\s+[A-Z0-9]{4,}\b/];
const MONEY = /(?:[$€£]\s?(\d[\d,]*(?:\.\d{1,2})?))|(\d[\d,]*(?:\.\d{1,2})?)\s?(?:USD|EUR|GBP|dollars)\b/gi;

export function createReplyGuard(systemPrompt: string) {
  // Runs of words with a number in them are the shop's policy figures, which a reply may well quote.
  const secret = new Set([...shingles(systemPrompt)].filter((shingle) => !/\d/.test(shingle)));
  return {
    /** Throws LlmFailure('unsafe_reply') when `text` must not reach the customer; `known` holds the tool results' text. */
    check(text: string, known: string): void {
      for (const shingle of shingles(text)) if (secret.has(shingle)) throw new LlmFailure('unsafe_reply', 'the reply repeats the instructions');
      if (PROMISES.some((pattern) => pattern.test(text))) throw new LlmFailure('unsafe_reply', 'the reply promises something the concierge cannot do');
      if (DISCOUNTS.some((pattern) => pattern.test(text))) throw new LlmFailure('unsafe_reply', 'the reply offers a discount');
      const amounts = new Set((known.match(/\d+(?:\.\d+)?/g) ?? []).map(Number));
      for (const match of text.matchAll(MONEY)) {
        const amount = Number((match[1] ?? match[2] ?? '').replace(/,/g, ''));
        if (!amounts.has(amount)) throw new LlmFailure('unsafe_reply', `the reply states a price (${amount}) no tool gave`);
      }
    },
  };
}
