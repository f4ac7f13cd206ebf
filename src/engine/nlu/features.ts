import { canonicalWord } from './support-lexicon';

// Turns a prepared message into sparse classifier features: words, word pairs and character n-grams.

const CHAR_GRAM_SIZES = [3, 4];
const HINT_COPIES = 3;

function charGrams(word: string, into: string[]): void {
  const padded = `<${word}>`;
  for (const size of CHAR_GRAM_SIZES) {
    for (let i = 0; i + size <= padded.length; i++) into.push(`c:${padded.slice(i, i + size)}`);
  }
}

/** `extras` are signals from the extractors (e.g. "__category__") that the text alone does not show. */
export function featuresOf(text: string, extras: readonly string[] = []): string[] {
  const words = text
    .split(/[^a-z0-9_]+/)
    .filter(Boolean)
    .map((word) => (/^\d/.test(word) ? '__num__' : word));
  const features: string[] = [];
  let previous = '<s>';
  for (const word of words) {
    features.push(`w:${word}`, `b:${previous} ${word}`);
    // "reimbursement" also counts as "refund": a synonym the corpus never used still carries the concept.
    const canonical = canonicalWord(word);
    if (canonical) features.push(`s:${canonical}`);
    // Character n-grams let unseen spellings ("jewellry", "necklaces") share evidence with known words.
    if (word.length >= 3 && !word.startsWith('__')) charGrams(word, features);
    previous = word;
  }
  features.push(`b:${previous} </s>`);
  for (const extra of extras) {
    if (!extra.startsWith('k:')) features.push(`x:${extra}`);
    // Hints are few but telling: repeated copies give them the weight of several ordinary features.
    else for (let copy = 0; copy < HINT_COPIES; copy++) features.push(`${extra}#${copy}`);
  }
  if (words.length <= 2) features.push('x:short');
  return [...new Set(features)];
}
