// Wording helpers shared by the replies: money, filter descriptions, dates.
import type { Category, Metal, SearchFilters, Style } from '../types';

const CATEGORY_PLURAL: Record<Category, string> = {
  ring: 'rings',
  necklace: 'necklaces',
  pendant: 'pendants',
  earrings: 'earrings',
  bracelet: 'bracelets',
};

/** Metal names in a sentence ("rose gold rings"); every surface (store, widget, replies) names metals from here. */
export const METAL_NAME: Record<Metal, string> = {
  yellow_gold: 'yellow gold',
  white_gold: 'white gold',
  rose_gold: 'rose gold',
  gold: 'gold',
  platinum: 'platinum',
  silver: 'sterling silver',
};

/** A metal as a label ("Rose gold"); an unknown code is shown as words. */
export function metalLabel(metal: string): string {
  const name = METAL_NAME[metal as Metal] ?? metal.replace(/_/g, ' ');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

// Building an Intl.NumberFormat costs ~50 µs, more than the rest of a reply: keep one per currency and style.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

export function formatMoney(amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  const key = `${currency}:${whole}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: whole ? 0 : 2, minimumFractionDigits: whole ? 0 : 2 });
    } catch {
      format = null;
    }
    moneyFormats.set(key, format);
  }
  return format ? format.format(amount) : `${amount} ${currency}`;
}

/** A style in a sentence, before the category ("mens rings", "hoop earrings"). */
const STYLE_NAME: Record<Style, string> = {
  engagement: 'engagement', wedding: 'wedding', mens: "men's", stacking: 'stacking', signet: 'signet', solitaire: 'solitaire', halo: 'halo',
  cocktail: 'cocktail', three_stone: 'three-stone', eternity: 'eternity', hoops: 'hoop', studs: 'stud', huggies: 'huggie', tennis: 'tennis',
  bangle: 'bangle', cuff: 'cuff', charm: 'charm', locket: 'locket', choker: 'choker', lariat: 'lariat',
};

export function pluralCategory(category: Category | undefined): string {
  return category ? CATEGORY_PLURAL[category] : 'pieces';
}

// One piece: "ring", "piece"; earrings come as a pair ("pair of rose gold earrings").
function singularCategory(category: Category | undefined): string {
  return category === undefined ? 'piece' : category === 'earrings' ? 'earrings' : category;
}

/** "rose gold sapphire rings under $300"; with `count` 1, one piece ("rose gold sapphire ring under $300"). */
export function describeFilters(filters: SearchFilters, currency: string, count = 2): string {
  const one = count === 1;
  const words = [
    one && filters.category === 'earrings' && 'pair of',
    filters.metal && METAL_NAME[filters.metal],
    filters.stone === 'none' ? undefined : filters.stone,
    filters.style && STYLE_NAME[filters.style],
    one ? singularCategory(filters.category) : pluralCategory(filters.category),
    filters.stone === 'none' && 'without stones',
    filters.ringSize !== undefined && `in size ${filters.ringSize}`,
    describePrice(filters, currency),
  ];
  return words.filter(Boolean).join(' ');
}

function describePrice({ priceMin, priceMax }: SearchFilters, currency: string): string | undefined {
  if (priceMin !== undefined && priceMax !== undefined) return `between ${formatMoney(priceMin, currency)} and ${formatMoney(priceMax, currency)}`;
  // "Cheaper" sets a ceiling a cent below what was shown: say "under $4,080", not "under $4,079.99".
  if (priceMax !== undefined) return `under ${formatMoney(Math.ceil(priceMax), currency)}`;
  if (priceMin !== undefined) return `over ${formatMoney(priceMin, currency)}`;
  return undefined;
}

/** "Fri, Nov 28" from an ISO date; the raw text if it is not a date. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** "a", "a and b", "a, b and c" */
export function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
