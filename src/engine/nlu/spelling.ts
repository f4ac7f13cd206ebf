// Fixes one-letter typos ("braclet", "neckalce", "rign") towards words the shop knows, SymSpell style.

// Longer "words" are noise (or keyboard mashing); correcting them would cost time for nothing.
const MAX_WORD_LENGTH = 20;

export interface SpellingCorrector {
  correctWord(word: string): string;
  correctText(text: string): string;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** True when `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return (
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i) ||
    (a.length === b.length && swapped)
  );
}

/**
 * `known` are words never corrected (the whole training vocabulary), `targets` the words typos are
 * corrected to, with a frequency to break ties. Short words are left alone: "bring" is not "ring".
 */
export function createSpellingCorrector(known: Iterable<string>, targets: Map<string, number>): SpellingCorrector {
  const knownWords = new Set(known);
  const byDeletion = new Map<string, string[]>();
  const index = (key: string, word: string) => {
    const list = byDeletion.get(key);
    if (list) list.push(word);
    else byDeletion.set(key, [word]);
  };
  for (const word of targets.keys()) {
    if (word.length < 4) continue;
    index(word, word);
    for (const deleted of deletions(word)) index(deleted, word);
  }
  const cache = new Map<string, string>();

  function correctWord(word: string): string {
    if (word.length < 4 || word.length > MAX_WORD_LENGTH || knownWords.has(word) || !/^[a-z]+$/.test(word)) return word;
    const cached = cache.get(word);
    if (cached !== undefined) return cached;
    let best = word;
    let bestFrequency = 0;
    for (const key of [word, ...deletions(word)]) {
      for (const candidate of byDeletion.get(key) ?? []) {
        const frequency = targets.get(candidate) ?? 0;
        // Four-letter words only forgive a swap ("rign"): any other edit too often lands on a real word.
        const swapOnly = word.length === 4 && (candidate.length !== 4 || [...word].sort().join() !== [...candidate].sort().join());
        if (frequency > bestFrequency && !swapOnly && withinOneEdit(word, candidate)) {
          best = candidate;
          bestFrequency = frequency;
        }
      }
    }
    if (cache.size < 10_000) cache.set(word, best);
    return best;
  }

  return {
    correctWord,
    correctText: (text) => text.replace(/[a-z]+/g, correctWord),
  };
}
