// The shared first step of understanding: mask, normalise, take the email out, expand slang, fix typos, extract.
import type { Entities } from '../types';
import { maskCardNumbers } from './card-mask';
import { extractEntities, type Extraction } from './entities';
import { extractEmail, type OrderNumberReader } from './extract-contact';
import { expandSlang, normalizeText, stripLetterForm } from './normalize';
import { numberWordsToDigits } from './number-words';
import type { SpellingCorrector } from './spelling';

export interface PreparedMessage extends Extraction {
  masked: string;
  /** Normalised, slang-expanded, spell-corrected text (before placeholders). */
  clean: string;
  /** Extractor signals for the classifier, e.g. "__category__". */
  signals: string[];
}

const SIGNAL_KEYS: (keyof Entities)[] = ['category', 'metal', 'stone', 'priceMin', 'priceMax', 'orderNumber', 'email', 'ringSize'];

/** Only this much of a message is analysed (the widget accepts 1,000 characters): it bounds the time per message. */
export const MAX_ANALYSED_LENGTH = 1000;

export function prepareMessage(raw: string, speller: SpellingCorrector | undefined, readOrderNumber?: OrderNumberReader): PreparedMessage {
  const masked = maskCardNumbers(raw);
  const normalized = normalizeText(masked.slice(0, MAX_ANALYSED_LENGTH));
  const email = extractEmail(normalized);
  const base = stripLetterForm(expandSlang(email?.rest ?? normalized));
  const clean = numberWordsToDigits(speller ? speller.correctText(base) : base).replace(/\s+/g, ' ').trim();
  const extraction = extractEntities(clean, email?.value, readOrderNumber);
  const signals = SIGNAL_KEYS.filter((key) => extraction.entities[key] !== undefined).map((key) => `__${key}__`);
  return { ...extraction, masked, clean, signals };
}
