// Finds the category, metal and stone a customer names ("rose gold hoops" → earrings, rose_gold).
import type { Category, Metal } from '../types';
import { CATEGORY_WORDS, METAL_WORDS, STONE_WORDS } from './lexicon';

export interface ProductTerms {
  category?: Category;
  metal?: Metal;
  stone?: string;
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

const isCanonicalCategory = (value: Category, phrase: string) => phrase.startsWith(value.replace(/s$/, ''));

export function extractProductTerms(text: string): ProductTerms {
  const tokens = text.replace(NOT_A_CATEGORY, ' ').split(/[^a-z0-9-]+/).filter(Boolean);
  const category = best(findAll(tokens, CATEGORY_WORDS, isCanonicalCategory));
  const metals = findAll(tokens, METAL_WORDS, () => true);
  // "gold" next to "white gold" adds nothing; the most specific metal wins.
  const metal = metals.find((hit) => hit.value !== 'gold')?.value ?? metals[0]?.value;
  const stone = best(findAll(tokens, STONE_WORDS, () => true));
  return {
    ...(category && { category }),
    ...(metal && { metal }),
    ...(stone && { stone }),
  };
}
