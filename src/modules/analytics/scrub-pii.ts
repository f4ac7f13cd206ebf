// What an analytics event may keep of the data it carries (P6): no email, phone or card number in clear, at any
// depth. Emails and phone numbers become HMACs (`phone` → `phoneHash`, still countable), card numbers are dropped
// under a card-like key and masked inside other text. Judged by key name and by value, since a browser can send
// anything under any key.
import { maskCardNumbers } from '../../engine/index';

export type EventValue = string | number | boolean | null | readonly EventValue[] | { readonly [key: string]: EventValue };
export type EventData = { [key: string]: EventValue };

type Hash = (value: string) => string;
type KeyKind = 'email' | 'phone' | 'card' | 'other';

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
// 9 to 15 digits (E.164 allows 15) with the separators people type: "+1 (415) 555-0123", "0049 30 1234567".
const PHONE = /\d(?:[\s().-]{0,2}\d){8,14}/;
const PHONE_WORDS = new Set(['phone', 'telephone', 'tel', 'mobile', 'cell', 'cellphone', 'fax', 'msisdn', 'whatsapp', 'sms']);
const CARD_WORDS = new Set(['card', 'cc', 'pan', 'cvv', 'cvc', 'iban', 'creditcard', 'cardnumber']);

/** "cardNumber", "card_number", "Card-No" → card, number / card, no. */
const wordsOf = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

function kindOf(key: string, parent: KeyKind): KeyKind {
  if (parent !== 'other') return parent; // an array or object under `phone` is phone data throughout
  if (key.toLowerCase().includes('email')) return 'email';
  const words = wordsOf(key);
  if (words.some((w) => CARD_WORDS.has(w))) return 'card';
  if (words.some((w) => PHONE_WORDS.has(w))) return 'phone';
  return 'other';
}

/** Kept (perhaps masked), replaced by its HMAC (the key gains `Hash`), or dropped. */
type Verdict = { keep: EventValue } | { hashed: EventValue } | { dropped: true };

/** The text as a person would read it: fullwidth and other compatibility forms folded (jane＠example.com), and
 * percent-encoding undone (?email=jane%40example.com), so neither hides an address from the patterns. */
function readable(text: string): string {
  const folded = text.normalize('NFKC');
  try {
    return decodeURIComponent(folded.replace(/\+/g, ' ')).normalize('NFKC');
  } catch {
    return folded; // a stray % is not an encoding
  }
}

/** Carries an email, a phone number or a card number in any form. */
const isPersonal = (text: string) => {
  const seen = readable(text);
  return EMAIL.test(seen) || PHONE.test(seen) || maskCardNumbers(seen) !== seen;
};

function judgeText(text: string, kind: KeyKind, hash: Hash): Verdict {
  if (kind === 'card') return { dropped: true };
  if (kind === 'email') return { hashed: hash(text) };
  if (kind === 'phone') return { hashed: hash(text.replace(/\D/g, '') || text) };
  const masked = maskCardNumbers(text);
  if (isPersonal(masked)) return { hashed: hash(text) };
  return { keep: masked };
}

function judge(value: EventValue, kind: KeyKind, hash: Hash): Verdict {
  if (typeof value === 'string') return judgeText(value, kind, hash);
  // Long whole numbers are judged as digits (a phone or card sent as a JSON number); small ones are counts and ids.
  if (typeof value === 'number') {
    if (kind === 'card') return { dropped: true };
    if (kind === 'phone' || (Number.isInteger(value) && Math.abs(value) >= 1e8)) {
      const verdict = judgeText(String(value), kind, hash);
      return 'keep' in verdict && verdict.keep === String(value) ? { keep: value } : verdict;
    }
    return { keep: value };
  }
  if (value === null || typeof value === 'boolean') return kind === 'card' ? { dropped: true } : { keep: value };
  if (Array.isArray(value)) {
    const items = (value as readonly EventValue[]).flatMap((item) => {
      const verdict = judge(item, kind, hash);
      return 'dropped' in verdict ? [] : ['hashed' in verdict ? verdict.hashed : verdict.keep];
    });
    return kind === 'email' || kind === 'phone' ? { hashed: items } : { keep: items };
  }
  return { keep: scrubWithin(value as EventData, kind, hash) };
}

function scrubWithin(data: EventData, parent: KeyKind, hash: Hash): EventData {
  const clean: Record<string, EventValue> = {};
  for (const [rawKey, value] of Object.entries(data)) {
    // A key can carry the data too ({"jane@example.com": 1}): such a key is replaced by its HMAC.
    const key = isPersonal(rawKey) ? `key_${hash(rawKey)}` : rawKey;
    const verdict = judge(value, kindOf(key, parent), hash);
    if ('hashed' in verdict) clean[`${key}Hash`] = verdict.hashed;
    else if ('keep' in verdict) clean[key] = verdict.keep;
  }
  return clean;
}

/** The event's data with every email and phone number replaced by its HMAC and every card number gone. */
export function scrubPersonalData(data: EventData, hash: Hash): EventData {
  return scrubWithin(data, 'other', hash);
}
