// Finds the category, metal and stone a customer names ("rose gold hoops" → earrings, rose_gold).
import type { Category, Metal } from '../types';
import { CATEGORY_WORDS, METAL_WORDS, STONE_WORDS } from './lexicon';

export interface ProductTerms {
  category?: Category;
  metal?: Metal;
  stone?: string;
}

export interface ProductTermsFound extends ProductTerms {
  /** What the customer ruled out ("no diamonds"): never a filter, but it clears a filter they had. */
  ruledOut: ProductTerms;
}

interface Hit<T> {
  value: T;
  position: number;
  /** The canonical noun itself ("necklace") outranks a synonym ("chain"). */
  direct: boolean;
}

// Phrases that contain a category word without asking for that category.
const NOT_A_CATEGORY = /\bring\s+(?:size|sizer|sizing|sizes|__size__)\b|\bsize (?:my|a|the|of) ring\b|\bbring\b|\bchain of command\b|\bband(?:width|aid)\b/g;

// Words that start a multi-word phrase: only after one of these is a longer phrase worth building.
const phraseStarts = new Map<object, Set<string>>();
function startsOfPhrases(table: Record<string, unknown>): Set<string> {
  let starts = phraseStarts.get(table);
  if (!starts) {
    starts = new Set(Object.keys(table).filter((key) => key.includes(' ')).map((key) => key.split(' ')[0]!));
    phraseStarts.set(table, starts);
  }
  return starts;
}

function findAll<T>(tokens: string[], table: Record<string, T>, canonical: (value: T, phrase: string) => boolean): Hit<T>[] {
  const hits: Hit<T>[] = [];
  const starts = startsOfPhrases(table);
  for (let i = 0; i < tokens.length; i++) {
    for (const length of starts.has(tokens[i]!) ? [3, 2, 1] : [1]) {
      const phrase = length === 1 ? tokens[i]! : tokens.slice(i, i + length).join(' ');
      const value = Object.hasOwn(table, phrase) ? table[phrase] : undefined;
      if (value === undefined) continue;
      hits.push({ value, position: i, direct: canonical(value, phrase) });
      i += length - 1;
      break;
    }
  }
  return hits;
}

function best<T>(hits: Hit<T>[]): T | undefined {
  return (hits.find((hit) => hit.direct) ?? hits[0])?.value;
}

// "I don't want rose gold", "anything but silver", "no diamonds": a filter on what they rule out would
// show exactly the wrong pieces, so a negated word is dropped (the catalog has no "exclude" filter).
const NEGATIONS = new Set(['not', 'no', 'without', 'except', 'but', 'besides', 'hate', 'dislike', 'avoid', 'than', 'nothing']);
const NEGATION_REACH = 3;

const TERM_WORDS = new Set([CATEGORY_WORDS, METAL_WORDS, STONE_WORDS].flatMap((table) => Object.keys(table)));

// A negation reaches the next jewelry word only: in "no pearls, maybe sapphires" the sapphires are wanted.
function negated(tokens: string[], position: number): boolean {
  for (let i = position - 1; i >= Math.max(0, position - NEGATION_REACH); i--) {
    const token = tokens[i]!;
    if (TERM_WORDS.has(token) && token !== 'gold') return false;
    if (NEGATIONS.has(token) && !(token === 'but' && tokens[i - 1] !== 'anything' && tokens[i - 1] !== 'everything')) return true;
  }
  return false;
}

function split<T>(hits: Hit<T>[], tokens: string[]): [Hit<T>[], Hit<T>[]] {
  return [hits.filter((hit) => !negated(tokens, hit.position)), hits.filter((hit) => negated(tokens, hit.position))];
}

// "gold" next to "white gold" adds nothing; the most specific metal wins.
const mostSpecificMetal = (metals: Hit<Metal>[]) => metals.find((hit) => hit.value !== 'gold')?.value ?? metals[0]?.value;

const defined = <T extends object>(terms: T): T => Object.fromEntries(Object.entries(terms).filter(([, value]) => value !== undefined)) as T;

const isCanonicalCategory = (value: Category, phrase: string) => phrase.startsWith(value.replace(/s$/, ''));

export function extractProductTerms(text: string): ProductTermsFound {
  const tokens = text.replace(NOT_A_CATEGORY, ' ').split(/[^a-z0-9-]+/).filter(Boolean);
  const [categories, notCategories] = split(findAll(tokens, CATEGORY_WORDS, isCanonicalCategory), tokens);
  const [metals, notMetals] = split(findAll(tokens, METAL_WORDS, () => true), tokens);
  const [stones, notStones] = split(findAll(tokens, STONE_WORDS, () => true), tokens);
  return {
    ...defined({ category: best(categories), metal: mostSpecificMetal(metals), stone: best(stones) }),
    ruledOut: defined({ category: best(notCategories), metal: mostSpecificMetal(notMetals), stone: best(notStones) }),
  };
}
