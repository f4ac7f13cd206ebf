// The trained intent model (classifier weights + spelling vocabulary): training, and a compact JSON form to ship.
import { INTENTS, type Intent } from '../types';
import { linearClassifierFromWeights, trainLinearClassifier, type LinearClassifier, type TrainingOptions } from './classifier';
import { DOMAIN_WORDS } from './lexicon';
import { createSpellingCorrector, withinOneEdit, type SpellingCorrector } from './spelling';

export interface TrainingExample {
  text: string;
  intent: Intent;
}

/** The words the speller knows (never corrected) and may correct towards (with a frequency for ties). */
export interface Vocabulary {
  known: string[];
  targets: [string, number][];
}

export interface IntentModel {
  vocabulary: Vocabulary;
  classifier: LinearClassifier;
}

/** data/nlu/model.json: weights as little-endian int16 in base64, times `weightScale`. */
export interface SerializedIntentModel {
  format: 1;
  intents: readonly string[];
  vocabulary: Vocabulary;
  features: string[];
  weightScale: number;
  weights: string;
}

const RARE = 5;
const MIN_TYPO_GUARDED_LENGTH = 5;

/** `englishWords` are real words that are never corrected even when the corpus has them only once. */
export function buildVocabulary(examples: readonly TrainingExample[], englishWords: readonly string[] = []): Vocabulary {
  const counts = new Map<string, number>();
  for (const { text } of examples) {
    for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  // Typos are corrected only towards words seen a few times, and towards the shop's own vocabulary.
  // A word seen once may itself be a typo written into the corpus on purpose, so it is not "known".
  const targets = new Map([...counts].filter(([, count]) => count >= 3));
  for (const word of DOMAIN_WORDS) targets.set(word, (targets.get(word) ?? 0) + 100);
  // A rare word one typo away from a shop word ("braclet") is a typo the corpus carries, however often it was drawn.
  const shopWords = DOMAIN_WORDS.filter((word) => word.length >= MIN_TYPO_GUARDED_LENGTH);
  const shopTypo = (word: string, count: number) =>
    count < RARE && word.length >= MIN_TYPO_GUARDED_LENGTH && !shopWords.includes(word) && shopWords.some((shopWord) => withinOneEdit(word, shopWord));
  const english = new Set(englishWords);
  const corpusWords = [...counts].filter(([word, count]) => count >= 2 && (english.has(word) || !shopTypo(word, count))).map(([word]) => word);
  const known = new Set([...englishWords, ...corpusWords]);
  return { known: [...known].sort(), targets: [...targets].sort(([a], [b]) => (a < b ? -1 : 1)) };
}

export function spellerFor(vocabulary: Vocabulary): SpellingCorrector {
  return createSpellingCorrector(vocabulary.known, new Map(vocabulary.targets));
}

// Class weights: the out-of-scope class is large and varied; weighting it down keeps shop intents sharp.
function classWeights(examples: readonly TrainingExample[]): number[] {
  const counts = INTENTS.map((intent) => examples.filter((example) => example.intent === intent).length);
  const typical = [...counts].sort((a, b) => a - b)[Math.floor(counts.length / 2)]!;
  return counts.map((count) => (count === 0 ? 1 : Math.sqrt(typical / count)));
}

/** `featuresOf` turns a text into classifier features with the speller this vocabulary gives. */
export function trainIntentModel(
  examples: readonly TrainingExample[],
  featuresOf: (text: string, speller: SpellingCorrector) => string[],
  options: { englishWords?: readonly string[]; training?: Partial<TrainingOptions> } = {},
): IntentModel {
  const vocabulary = buildVocabulary(examples, options.englishWords);
  const speller = spellerFor(vocabulary);
  const labelled = examples.map(({ text, intent }) => ({ features: featuresOf(text, speller), label: INTENTS.indexOf(intent) }));
  const classifier = trainLinearClassifier(labelled, INTENTS.length, { classWeights: classWeights(examples), ...options.training });
  return { vocabulary, classifier };
}

const INT16_MAX = 32767;

export function serializeIntentModel({ vocabulary, classifier }: IntentModel): SerializedIntentModel {
  let largest = 0;
  for (const weight of classifier.weights) largest = Math.max(largest, Math.abs(weight));
  const weightScale = largest / INT16_MAX || 1;
  const quantised = Int16Array.from(classifier.weights, (weight) => Math.round(weight / weightScale));
  const bytes = new Uint8Array(quantised.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { format: 1, intents: INTENTS, vocabulary, features: [...classifier.features], weightScale, weights: btoa(binary) };
}

export function loadIntentModel(serialized: SerializedIntentModel): IntentModel {
  if (serialized.format !== 1 || serialized.intents.join() !== INTENTS.join()) {
    throw new Error('data/nlu/model.json was trained for other intents: retrain with `npx aurora nlu train`');
  }
  const binary = atob(serialized.weights);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const quantised = new Int16Array(bytes.buffer);
  const weights = Float64Array.from(quantised, (value) => value * serialized.weightScale);
  return { vocabulary: serialized.vocabulary, classifier: linearClassifierFromWeights(serialized.features, weights, INTENTS.length) };
}
