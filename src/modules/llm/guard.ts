// Checks the model's words before the customer sees them: no leaked instructions, no promise the widget cannot keep
// (a refund, a cancellation, an approved or created return or ticket, in any voice), no discount or percentage, no
// price, and no order, RMA or ticket number that no tool result (or, for a number, the customer) gave.
import { LlmFailure } from './protocol';

const SHINGLE_WORDS = 8;
const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];

function shingles(text: string): Set<string> {
  const list = words(text);
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= list.length; i++) set.add(list.slice(i, i + SHINGLE_WORDS).join(' '));
  return set;
}

// What a done deed sounds like ("approved", "has shipped"); `canceled` is read as `cancelled` below.
const DEED = '(approved|cancell?ed|refunded|created|opened|issued|processed|shipped|replaced|credited|booked|reserved|confirmed|granted|initiated|submitted|logged|escalated)';
const SUBJECT = '(?:orders?|returns?|refunds?|rmas?|tickets?|exchanges?|payments?|replacements?|resizes?|resizing|cancellations?|requests?|credit)';
// "has been", "was", "is now" (not a bare "is/are": "Refunds are issued within 5 days" is the policy, not a deed).
const DONE = "(?:(?:has|have|had|'s)\\s+(?:(?:now|already|just|officially|successfully|fully)\\s+)*(?:been\\s+)?|(?:was|were|got)\\s+|(?:is|are)\\s+now\\s+)(?:(?:now|already|just|officially|successfully|fully)\\s+)*";
const PROMISES = [
  // "I've issued your refund", "we have cancelled the order", "I'll create the return", "I have reserved it for you"
  /\b(?:i|we)(?:'ve|'ll| have| will| just| already)*\s+(?:issued|issue|processed|approved|refunded|cancell?ed|created|opened|booked|reserved|changed|credited|applied)\b/i,
  /\byour refund (?:has been|is being|will be|is)\s+(?:issued|approved|processed|on its way|sent)\b/i,
  /\b(?:full|partial) refund (?:is|has been) (?:approved|guaranteed|issued)\b/i,
];
// Deeds that may be true when track_order said so ("Your order GG-104233 has shipped"); the deed is group 1.
const DEEDS = [
  // Passive, no pronoun needed: "Your return has been approved", "A stylist ticket #4412 was opened for you".
  new RegExp(`\\b${SUBJECT}\\b[^.!?;:\\n]{0,60}?(?:\\s|\\b(?='s))${DONE}${DEED}\\b`, 'gi'),
  // Active: "We approved your return", "Cancelled your order for you", "I went ahead and refunded the payment".
  new RegExp(`\\b${DEED}\\s+(?:your|the|this|that)\\s+(?:\\w+\\s+)?${SUBJECT}\\b`, 'gi'),
  // Headline style: "Return approved!", "Refund processed."
  new RegExp(`\\b${SUBJECT}\\s+${DEED}(?=\\s*(?:[.!,;:]|$))`, 'gi'),
];
const DISCOUNTS = [/\b\d{1,2}\s?%\s?(?:off|discount)\b/i, /\b(?:discount|promo|coupon|voucher)\s+code\b/i, /\bcode\s+[A-Z0-9]{4,}\b/];
const PERCENT = /(\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)/gi;
const DISCOUNT_WORD = /\b(?:off|discount(?:ed)?|cheaper|less|sav(?:e|es|ing|ings)|reduc(?:ed|tion)|lower|markdown|sale)\b/i;
const AMOUNT = '(\\d[\\d,]*(?:\\.\\d{1,2})?)';
const MONEY = new RegExp(
  `(?:(?:US\\$|[$€£]|\\b(?:USD|EUR|GBP)\\s?)${AMOUNT})|(?:${AMOUNT}\\s?(?:[$€£]|(?:USD|EUR|GBP|dollars?|euros?|pounds?|bucks|quid)\\b))`,
  'gi',
);
// Numbers that name a record: an RMA (RMA-8F3K2L1Q), a ticket (#4412, ticket 4412) or an order (GG-104233, order 104233).
const IDENTIFIERS: [kind: string, pattern: RegExp][] = [
  ['rma', /\bRMA\s?[-#]\s?([A-Z0-9]{4,})\b/gi],
  ['rma', /\bRMA(?:\s(?:number|no\.|is)|:)*\s(?=[A-Z]*\d)([A-Z0-9]{4,})\b/gi],
  ['ticket', /#\s?(\d+)\b/g],
  ['ticket', /\b(?:ticket|reference)\s?(?:number|no\.?|id)?\s?(?:is\s)?[:#]?\s?(\d+)\b/gi],
  ['order', /\bGG\s?-?\s?(\d{4,})\b/gi],
  ['order', /\border\s?(?:number|no\.?)?\s?(?:is\s)?[:#]?\s?(\d{4,})\b/gi],
];

function identifiers(text: string): Set<string> {
  const found = new Set<string>();
  for (const [kind, pattern] of IDENTIFIERS) for (const match of text.matchAll(pattern)) found.add(`${kind} ${match[1]!.toUpperCase()}`);
  return found;
}

/** The percentages in `text`; with `discounts`, only those worded as one ("20% cheaper", "save 15%"). */
function percents(text: string, discounts = false): Set<number> {
  const found = new Set<number>();
  for (const match of text.matchAll(PERCENT)) {
    const around = text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 20);
    if (!discounts || DISCOUNT_WORD.test(around)) found.add(Number(match[1]));
  }
  return found;
}
const deedWord = (word: string) => word.toLowerCase().replace(/^canceled$/, 'cancelled');

/** What this turn's tools may have said happened: track_order's status and timeline, e.g. "shipped", "rma refunded: rma-…". */
function reportedEvents(results: readonly Record<string, unknown>[]): string[] {
  return results.flatMap(({ found, status, timeline }) => {
    if (found !== true) return [];
    const labels = [status, ...(Array.isArray(timeline) ? timeline : [])];
    return labels.filter((label): label is string => typeof label === 'string').map((label) => words(label.replace(/^\d{4}-\d{2}-\d{2}\s/, '')).map(deedWord).join(' '));
  });
}

/** A deed a tool reported: the same word in a status or timeline entry; an RMA's only for a return, refund or RMA. */
function reported(events: string[], deed: string, said: string): boolean {
  const aboutReturn = /\b(?:returns?|refunds?|rmas?|exchanges?)\b/i.test(said);
  return events.some((event) => event.split(' ').includes(deed) && (!event.startsWith('rma ') || aboutReturn));
}

// "Once your return has been approved…", "after you've submitted the return request": how it works, not what happened
// (only right before the deed's subject: "Once again, your order has been cancelled" is a deed).
const HYPOTHETICAL = /\b(?:once|when|after|if|until|before|as soon as)\s+(?:(?:your|the|a|an)\s+|you(?:'ve|'ll| have| will)?\s+)?$/i;
const clauseBefore = (text: string, index: number) => text.slice(0, index).split(/[.!?;:\n]/).at(-1) ?? '';

/** What the guard compares against besides `known`. */
export interface TurnFacts {
  /** What the concierge showed earlier in the conversation (its replies, the cards and order statuses it showed). */
  earlier?: string;
  /** This turn's tool results: a deed ("has shipped", "was cancelled") passes only when track_order reported it. */
  results?: readonly Record<string, unknown>[];
  /**
   * The customer's (masked) messages. An order, RMA or ticket number a reply names must be in these, in this turn's
   * results or in `earlier` (not merely in the model's own tool arguments); a price the customer typed is no fact.
   */
  customer?: string;
}

export function createReplyGuard(systemPrompt: string) {
  // Runs of words with a number in them are the shop's policy figures, which a reply may well quote.
  const secret = new Set([...shingles(systemPrompt)].filter((shingle) => !/\d/.test(shingle)));
  const policyPercents = percents(systemPrompt);
  const refuse = (why: string): never => {
    throw new LlmFailure('unsafe_reply', why);
  };
  return {
    /**
     * Throws LlmFailure('unsafe_reply') when `text` must not reach the customer. `known` holds what the concierge showed
     * before and this turn's tool calls and results (the prices, percentages and record numbers a reply may state).
     */
    check(text: string, known: string, turn: TurnFacts = {}): void {
      for (const shingle of shingles(text)) if (secret.has(shingle)) refuse('the reply repeats the instructions');
      if (PROMISES.some((pattern) => pattern.test(text))) refuse('the reply promises something the concierge cannot do');
      const events = reportedEvents(turn.results ?? []);
      for (const pattern of DEEDS) {
        for (const match of text.matchAll(pattern)) {
          if (HYPOTHETICAL.test(clauseBefore(text, match.index))) continue;
          if (!reported(events, deedWord(match[1]!), match[0])) refuse(`the reply says "${match[0]}", which no tool result says`);
        }
      }
      if (DISCOUNTS.some((pattern) => pattern.test(text))) refuse('the reply offers a discount');
      // A discount ("20% cheaper") only as a tool result worded it; any other percentage from a tool or the policy.
      const knownPercents = percents(known);
      const knownDiscounts = percents(known, true);
      const offered = percents(text, true);
      for (const value of percents(text)) {
        if (offered.has(value) ? !knownDiscounts.has(value) : !knownPercents.has(value) && !policyPercents.has(value)) {
          refuse(`the reply states a percentage (${value}%) no tool gave`);
        }
      }
      // Figures as a tool or an earlier reply wrote them: "$12,000" in a help article, or each number of a JSON list.
      const amounts = new Set((known.match(/\d[\d,]*(?:\.\d+)?/g) ?? []).flatMap((figure) => [Number(figure.replace(/,/g, '')), ...figure.split(',').map(Number)]));
      for (const match of text.matchAll(MONEY)) {
        const amount = Number((match[1] ?? match[2] ?? '').replace(/,/g, ''));
        if (!amounts.has(amount)) refuse(`the reply states a price (${amount}) no tool gave`);
      }
      const given = identifiers([turn.earlier ?? '', JSON.stringify(turn.results ?? []), turn.customer ?? ''].join('\n'));
      for (const id of identifiers(text)) if (!given.has(id)) refuse(`the reply names ${id.replace(' ', ' number ')}, which no tool result or customer message gave`);
    },
  };
}
