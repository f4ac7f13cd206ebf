// Reads a price range from a message: "under $500", "$50-$100", "between 1k and 2k", "around 300", "over 2000".

export interface PriceRange {
  priceMin?: number;
  priceMax?: number;
}

const CURRENCY_BEFORE = '(?:[$€£]|usd|eur|gbp)\\s?';
// At most 9 digits: longer runs are not prices, and a bound keeps the regex linear on digit floods.
const NUMBER = '\\d{1,3}(?:,\\d{3}){1,3}(?:\\.\\d{1,2})?|\\d{1,9}(?:\\.\\d{1,2})?';
const SCALE = '\\s?(?:k|grand|thousand)\\b';
const CURRENCY_AFTER = '\\s?(?:dollars?|bucks|usd|eur|euros?|gbp|pounds?)\\b';
// Numbers followed by these are durations, counts or times, not money ("within 14 days", "for 12 people").
const NOT_MONEY = '(?![\\d,.]?\\d)(?!\\s?(?:days?|weeks?|months?|years?|yrs?|hours?|hrs?|h\\b|minutes?|mins?|business|working|%|percent|st\\b|nd\\b|rd\\b|th\\b|am\\b|pm\\b|people|guests|employees|pieces|pcs|units|items|sizes?|of them))';
// One amount with its optional currency and scale, captured as a single group.
const AMOUNT = `((?:${CURRENCY_BEFORE})?(?:${NUMBER})(?:${SCALE})?(?:${CURRENCY_AFTER})?)${NOT_MONEY}`;

// A negated floor is a ceiling ("nothing over 250", "not above 300") and a negated ceiling a floor ("no less than 300").
const NEGATED = '(?:no|not|nothing|none|never)';
const MAX_WORDS = `under|undr|unda|undder|below|beneath|less than|lower than|cheaper than|${NEGATED} (?:more than|over|above|higher than|pricier than|more expensive than|exceeding)|at most|up to|upto|max(?:imum)?|within|budget(?: is| of)?|<=?|tops`;
const MIN_WORDS = `over|ovr|abov|above|more than|greater than|higher than|pricier than|at least|starting (?:at|from)|from(?=\\s?(?:[$€£]|\\d{2}))|min(?:imum)?|north of|>=?|upwards of|in excess of|${NEGATED} (?:less than|under|below|lower than|cheaper than)`;
const AROUND_WORDS = 'around|about|approximately|approx\\.?|roughly|~|close to|near|somewhere around|in the region of';

const RANGE = [
  new RegExp(`\\bbetween\\s${AMOUNT}\\s(?:and|&|-)\\s${AMOUNT}`),
  new RegExp(`\\bfrom\\s${AMOUNT}\\s(?:to|-|until)\\s${AMOUNT}`),
  new RegExp(`${AMOUNT}\\s?(?:-|to)\\s?${AMOUNT}`),
];
// A bound word after a negation belongs to the negated phrase, never to its plain reading.
const NOT_NEGATED = `(?<!\\b${NEGATED} )`;
const MAX = new RegExp(`(?:^|[^a-z])${NOT_NEGATED}(?:${MAX_WORDS})\\s?(?:of\\s|about\\s|around\\s)?${AMOUNT}`);
const MIN = new RegExp(`(?:^|[^a-z])${NOT_NEGATED}(?:${MIN_WORDS})\\s?${AMOUNT}`);
const MAX_AFTER = new RegExp(`${AMOUNT}\\s?(?:max|maximum|tops|or less|or under|or below|or lower|at most|at the most|budget)\\b`);
const MIN_PLUS = new RegExp(`${AMOUNT}\\s?(?:\\+|and up\\b|or more\\b|plus\\b|(?:and|or) (?:above|over|higher)\\b)`);
const AROUND = new RegExp(`(?:^|[^a-z])(?:${AROUND_WORDS})\\s?${AMOUNT}|${AMOUNT}\\s?-?ish\\b|in the ${AMOUNT} range`);
// A plain amount counts only when it looks like money: "a ring for $500", "500 dollars", "1,200".
const WITH_CURRENCY = new RegExp(`(${CURRENCY_BEFORE}(?:${NUMBER})(?:${SCALE})?|(?:${NUMBER})(?:${SCALE})?${CURRENCY_AFTER}|\\b\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,2})?)${NOT_MONEY}`);
// "14k gold", "18kt", "1 carat", "2ct", "6mm", "18 inch": measures, not prices.
// "18 in" is a length only before the end, punctuation or a chain word: "between 200 and 400 in silver" is a price.
const MEASURES = /\b\d+(?:\.\d+)?\s?(?:kt|karat|karats|carat|carats|ct|ctw|mm|cm|inch|inches|in\b(?=\s*(?:$|[^\sa-z]|long\b|chain|necklace|length))|")|\b(?:9|10|14|18|22|24)k(?=\s+(?:solid\s+)?(?:gold|yellow|white|rose|plated))/g;

const ANY_AMOUNT = new RegExp(AMOUNT, 'g');
const AROUND_SPREAD = 0.2;

/** Parses one captured amount ("$1.5k", "1,200", "2 grand", "300 dollars") into major units. */
export function parseAmount(raw: string): number | undefined {
  const scaled = /(?:k|grand|thousand)\b/.test(raw);
  const digits = raw.replace(/[^\d.,]/g, '').replace(/,/g, '');
  const value = Number.parseFloat(digits);
  if (!Number.isFinite(value)) return undefined;
  const amount = scaled ? value * 1000 : value;
  return amount > 0 && amount < 10_000_000 ? Math.round(amount * 100) / 100 : undefined;
}

function ordered(a: number | undefined, b: number | undefined): PriceRange | undefined {
  if (a === undefined || b === undefined) return undefined;
  return { priceMin: Math.min(a, b), priceMax: Math.max(a, b) };
}

// "$1-2k" means $1000-2000: a scale written once applies to both ends.
function shareScale(low: string, high: string): [string, string] {
  const highScaled = /(?:k|grand|thousand)\b/.test(high);
  const lowScaled = /(?:k|grand|thousand)\b/.test(low);
  return highScaled && !lowScaled && parseAmount(low)! < 100 ? [`${low}k`, high] : [low, high];
}

function firstRange(text: string): PriceRange | undefined {
  for (const pattern of RANGE) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [low, high] = shareScale(match[1]!, match[2]!);
    const bothBare = !/[$€£a-z]/.test(low + high);
    // "5-7" is more likely sizes or a date than a budget: bare ranges need amounts of 10 or more.
    if (bothBare && Math.min(parseAmount(low) ?? 0, parseAmount(high) ?? 0) < 10) continue;
    const range = ordered(parseAmount(low), parseAmount(high));
    if (range) return range;
  }
  return undefined;
}

function around(value: number): PriceRange {
  return { priceMin: Math.round(value * (1 - AROUND_SPREAD)), priceMax: Math.round(value * (1 + AROUND_SPREAD)) };
}

/** Extracts the price range; `rest` has the amounts replaced by a placeholder so nothing reads them twice. */
export function extractPrice(text: string): { range: PriceRange; rest: string } {
  const clean = text.replace(MEASURES, ' ');
  const range = firstRange(clean) ?? boundedRange(clean);
  if (!range) return { range: {}, rest: clean };
  const rest = clean.replace(ANY_AMOUNT, (amount) => (parseAmount(amount) === undefined ? amount : ' __price__ '));
  return { range, rest };
}

function boundedRange(text: string): PriceRange | undefined {
  const max = MAX.exec(text) ?? MAX_AFTER.exec(text);
  const min = MIN.exec(text) ?? MIN_PLUS.exec(text);
  const priceMax = max ? parseAmount(max[1]!) : undefined;
  const priceMin = min ? parseAmount(min[1]!) : undefined;
  if (priceMax !== undefined || priceMin !== undefined) {
    if (priceMax !== undefined && priceMin !== undefined) return ordered(priceMin, priceMax);
    return priceMax !== undefined ? { priceMax } : { priceMin: priceMin! };
  }
  const approx = AROUND.exec(text);
  const approxValue = approx ? parseAmount(approx[1] ?? approx[2] ?? approx[3] ?? '') : undefined;
  if (approxValue !== undefined) return around(approxValue);
  const plain = WITH_CURRENCY.exec(text);
  const plainValue = plain ? parseAmount(plain[1]!) : undefined;
  return plainValue !== undefined ? { priceMax: plainValue } : undefined;
}
