// Turns spelled-out numbers into digits ("size six and a half" → "size 6.5", "two grand" → "2000").
import { NUMBER_WORDS } from './lexicon';

const MULTIPLIERS = new Map([['hundred', 100], ['thousand', 1000], ['grand', 1000]]);
const SIZE_WORDS = new Set(['size', 'sizes', 'us']);
// "size is six", "size of seven", "a size a six"
const LINKING_WORDS = new Set(['a', 'an', 'is', 'was', 'of']);

interface NumberPhrase {
  value: number;
  length: number;
  /** A bare "one" or "two" stays a word unless it is clearly a quantity we care about. */
  significant: boolean;
}

function readPhrase(tokens: string[], start: number): NumberPhrase | undefined {
  let total = 0;
  let current = 0;
  let index = start;
  let significant = false;
  let seenNumber = false;
  for (; index < tokens.length; index++) {
    const token = tokens[index]!;
    const small = NUMBER_WORDS.get(token);
    const multiplier = MULTIPLIERS.get(token);
    if (small !== undefined) {
      current += small;
      seenNumber = true;
      if (small >= 13) significant = true;
    } else if (multiplier !== undefined && (seenNumber || tokens[index - 1] === 'a')) {
      if (multiplier === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * multiplier;
        current = 0;
      }
      significant = true;
    } else if (token === 'a' && index === start && MULTIPLIERS.has(tokens[index + 1] ?? '')) {
      seenNumber = true;
    } else if (token === 'and' && seenNumber && NUMBER_WORDS.has(tokens[index + 1] ?? '') && significant) {
      continue;
    } else break;
  }
  if (!seenNumber) return undefined;
  return { value: total + current, length: index - start, significant };
}

/** Replaces number phrases with digits where they are amounts or sizes; "this one" stays as it is. */
export function numberWordsToDigits(text: string): string {
  const tokens = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const phrase = readPhrase(tokens, i);
    const afterSize = SIZE_WORDS.has(tokens[i - 1] ?? '') || (LINKING_WORDS.has(tokens[i - 1] ?? '') && SIZE_WORDS.has(tokens[i - 2] ?? ''));
    if (phrase && (phrase.significant || afterSize)) {
      out.push(String(phrase.value));
      i += phrase.length;
    } else {
      out.push(tokens[i]!);
      i += 1;
    }
  }
  return out
    .join(' ')
    .replace(/\b(\d+) and a half\b/g, (_, whole: string) => `${whole}.5`)
    .replace(/\b(\d+)(?: |-)?(?:1\/2|½)/g, (_, whole: string) => `${whole}.5`)
    .replace(/\b(\d+)(?: |-)?(?:1\/4|¼)/g, (_, whole: string) => `${whole}.25`)
    .replace(/\b(\d+)(?: |-)?(?:3\/4|¾)/g, (_, whole: string) => `${whole}.75`);
}
