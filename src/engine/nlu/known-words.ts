// Everyday English words (from CLINC150, CC BY 3.0) the speller must never "fix": "earnings" is not "earrings".
import knownWords from '../../../data/nlu/known-words.json' with { type: 'json' };

export const ENGLISH_WORDS: readonly string[] = knownWords;
